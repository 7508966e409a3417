"""The ``bundle`` output: the snapshot as the nested JSON file ``load()`` reads.

The format (name, keys, encoding, shape, decoding) is the ``plan_dataset.bundle``
package's; this module only hands it the snapshot's records as plain dictionaries."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from plan_dataset.bundle import iter_encode
from plan_dataset.evidence.corroboration import plain_items
from plan_dataset.publish.snapshot import Snapshot

# The rows a bundle holds, lazily: version, (table, records as plain dicts), quote
# offsets by attribution id, and corroboration by part key.
Contents = tuple[
    str,
    Iterator[tuple[str, Iterator[dict[str, Any]]]],
    dict[str, list[int]],
    dict[str, dict[str, Any]],
]
# The same, with the offsets and corroboration as lazy (key, value) pairs too.
LazyContents = tuple[
    str,
    Iterator[tuple[str, Iterator[dict[str, Any]]]],
    Iterator[tuple[str, list[int]]],
    Iterator[tuple[str, dict[str, Any]]],
]


def _lazy_contents(snapshot: Snapshot) -> LazyContents:
    """What the bundle of a snapshot holds, each record dumped as JSON values, each quote's
    offsets and each corroboration made plain only when the iterator reaches it."""
    tables = (
        (table, (record.model_dump(mode="json") for record in records))
        for table, records in snapshot.records.items()
    )
    offsets = (
        (row["id"], [row["start"], row["end"]])
        for row in snapshot.rows("attributions")
        if row["start"] is not None
    )
    return snapshot.version, tables, offsets, plain_items(snapshot.corroboration)


def bundle_contents(snapshot: Snapshot) -> Contents:
    """What the bundle of a snapshot holds, before any bytes, records still lazy:
    ``loader.from_snapshot`` decodes it straight into records."""
    version, tables, offsets, corroboration = _lazy_contents(snapshot)
    return version, tables, dict(offsets), dict(corroboration)


def bundle_chunks(snapshot: Snapshot) -> Iterator[bytes]:
    """The bundle's bytes, in chunks, encoded as the snapshot is read."""
    return iter_encode(*_lazy_contents(snapshot))


def render_bundle(snapshot: Snapshot) -> bytes:
    return b"".join(bundle_chunks(snapshot))


def bundle_resource(path: str) -> dict[str, Any]:
    return {
        "name": "bundle",
        "title": "Whole dataset as nested JSON",
        "description": "Every record with its embedded evidence, as plan_dataset.load() reads it.",
        "path": path,
        "type": "json",
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
    }
