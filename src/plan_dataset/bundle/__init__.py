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

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

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


def encode(
    version: str,
    tables: Iterable[tuple[str, Iterable[dict[str, Any]]]],
    offsets: dict[str, list[int]],
    corroboration: dict[str, dict[str, Any]],
) -> bytes:
    """The bundle's bytes: those of ``json.dumps`` of the whole mapping, encoded a record
    at a time, so that the records' dictionaries and their text are never all held at
    once, only their UTF-8 bytes (``tables`` may be lazy).

    ``offsets`` carries each quote's [start, end] in its archived text, by attribution
    id, which the installed package cannot recompute because it does not ship the
    seeds; ``corroboration`` the independent origins computed for every record and
    evidence-bearing part."""
    parts = [b'{"name":', encode_json(DATASET_NAME), b',"version":', encode_json(version)]
    parts.append(b',"tables":{')
    for number, (table, rows) in enumerate(tables):
        parts += [b"," if number else b"", encode_json(table), b":["]
        for index, row in enumerate(rows):
            parts += [b"," if index else b"", encode_json(row)]
        parts.append(b"]")
    parts += [b'},"offsets":', encode_json(offsets)]
    parts += [b',"corroboration":', encode_json(corroboration), b"}\n"]
    return b"".join(parts)
