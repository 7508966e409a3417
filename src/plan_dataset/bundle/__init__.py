"""The bundle: the whole dataset as one nested JSON file, which ``load()`` reads.

Everything about its format lives in this package, standard library only:

- here, its file name, its keys and its encoding (``encode``; the ``bundle`` output in
  ``publish/outputs/bundle.py`` feeds it the snapshot's records as plain dictionaries);
- ``shape.py``, the check of a bundle before it is decoded (``BundleInvalid``);
- ``find.py``, finding it in a release zip, a release folder or a file, bounded;
- ``decode.py``, decoding it, or a validated snapshot's plain rows, into the records
  of ``records/classes.py``.

This module imports nothing of the package, so its parts can import it without a loop.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import Any

    # A JSON object's members: a mapping, or its (key, value) pairs as they are made.
    Members = Mapping[str, Any] | Iterable[tuple[str, Any]]

NAME = "plan-dataset.json"
# Where the installed package ships it, relative to the package's folder.
RESOURCE = f"data/{NAME}"
# The ``name`` a bundle carries, and its keys in the order the build writes them.
DATASET_NAME = "plan-dataset"
KEYS = ("name", "version", "tables", "offsets", "corroboration")


def encode_json(value: Any) -> bytes:
    """One JSON value as the bundle writes it: compact, UTF-8, no NaN."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.encode("utf-8")


CHUNK_BYTES = 1 << 16  # what iter_encode gathers before handing a chunk on


def encode(
    version: str,
    tables: Iterable[tuple[str, Iterable[dict[str, Any]]]],
    offsets: Members,
    corroboration: Members,
) -> bytes:
    """The bundle's bytes, whole (``iter_encode`` gives them in chunks)."""
    return b"".join(iter_encode(version, tables, offsets, corroboration))


def iter_encode(
    version: str,
    tables: Iterable[tuple[str, Iterable[dict[str, Any]]]],
    offsets: Members,
    corroboration: Members,
) -> Iterator[bytes]:
    """The bundle's bytes in chunks of about ``CHUNK_BYTES``: those of ``json.dumps`` of the
    whole mapping, encoded a record (and a member of ``offsets`` and ``corroboration``) at
    a time, so that neither the plain values nor the bundle's bytes are ever all held at
    once (each argument may be lazy).

    ``offsets`` carries each quote's [start, end] in its archived text, by attribution
    id, which the installed package cannot recompute because it does not ship the
    seeds; ``corroboration`` the independent origins computed for every record and
    evidence-bearing part."""
    yield b'{"name":' + encode_json(DATASET_NAME) + b',"version":' + encode_json(version)
    yield b',"tables":{'
    for number, (table, rows) in enumerate(tables):
        yield (b"," if number else b"") + encode_json(table) + b":"
        yield from _chunked((encode_json(row) for row in rows), b"[", b"]")
    yield b'},"offsets":'
    yield from _members(offsets)
    yield b',"corroboration":'
    yield from _members(corroboration)
    yield b"}\n"


def _members(members: Members) -> Iterator[bytes]:
    """A JSON object as ``encode_json`` writes it, a member at a time."""
    pairs = members.items() if isinstance(members, Mapping) else members
    return _chunked(
        (encode_json(key) + b":" + encode_json(value) for key, value in pairs), b"{", b"}"
    )


def _chunked(items: Iterable[bytes], start: bytes, end: bytes) -> Iterator[bytes]:
    """``start``, the items joined by commas, ``end``: in chunks of about CHUNK_BYTES."""
    parts, size = [start], 0
    for number, item in enumerate(items):
        parts += [b"," if number else b"", item]
        size += len(item)
        if size >= CHUNK_BYTES:
            yield b"".join(parts)
            parts, size = [], 0
    parts.append(end)
    yield b"".join(parts)
