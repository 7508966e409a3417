"""Decoding into the read side's records (``records/classes.py``), once: a bundle's bytes, or
the plain rows of a validated snapshot (``loader.from_snapshot``), through the same
record decoders. Standard library only."""

from __future__ import annotations

import gc
import json

from plan_dataset.bundle.shape import BundleInvalid, check_bundle_shape, parse_bundle
from plan_dataset.records.classes import DECODERS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from plan_dataset.queries.results import Record

    # What a Dataset is made of: version, records by table, quote offsets, corroboration.
    Contents = tuple[
        str, dict[str, tuple[Record, ...]], dict[str, list[int]], dict[str, dict[str, Any]]
    ]

TABLE_NAMES = tuple(DECODERS)
# What malformed JSON or records raise while being read or decoded: each a BundleInvalid.
_ERRORS = (ValueError, KeyError, TypeError, AttributeError, RecursionError, MemoryError)


def decode_rows(
    version: str,
    tables: Iterable[tuple[str, Iterable[dict[str, Any]]]],
    offsets: dict[str, list[int]],
    corroboration: dict[str, dict[str, Any]],
) -> Contents:
    """The records of plain rows, by table: what a bundle holds, or what the bundle
    encoder is given, with no bytes in between."""
    # Decoding allocates many objects and no reference cycles, so the cycle collector
    # would only re-scan them: pausing it halves a large load.
    collecting = gc.isenabled()
    gc.disable()
    try:
        records = {name: tuple(map(DECODERS[name], rows)) for name, rows in tables}
    finally:
        if collecting:
            gc.enable()
    return version, records, offsets, corroboration


def read_bundle(data: bytes, *, trusted: bool = False) -> Any:
    """A bundle's JSON, its shape checked; BundleInvalid if it is not one the build wrote
    (truncated, tampered, duplicate ids). The package's own bundle (``trusted``) is
    checked for shape only; any other in full."""
    try:
        bundle = json.loads(data) if trusted else parse_bundle(data)
        check_bundle_shape(bundle, TABLE_NAMES, deep=not trusted)
    except BundleInvalid:
        raise
    except _ERRORS as error:
        raise _not_a_bundle(error) from None
    return bundle


def decode_bundle(data: bytes, *, trusted: bool = False) -> Contents:
    """The records of a bundle's bytes, read and checked by ``read_bundle``."""
    collecting = gc.isenabled()
    gc.disable()  # as in decode_rows: parsing makes many objects and no cycles
    try:
        bundle = read_bundle(data, trusted=trusted)
        tables = bundle["tables"]
        return decode_rows(
            bundle["version"],
            ((name, tables[name]) for name in TABLE_NAMES),
            bundle["offsets"],
            bundle["corroboration"],
        )
    except BundleInvalid:
        raise
    except _ERRORS as error:
        raise _not_a_bundle(error) from None
    finally:
        if collecting:
            gc.enable()


def _not_a_bundle(error: BaseException) -> BundleInvalid:
    return BundleInvalid(f"not a valid plan-dataset bundle: {type(error).__name__}: {error}")
