"""The ``bundle`` output: the snapshot as the nested JSON file ``load()`` reads.

The format (name, keys, encoding, shape, decoding) is the ``plan_dataset.bundle``
package's; this module only hands it the snapshot's records as plain dictionaries."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from plan_dataset.bundle import encode
from plan_dataset.evidence.corroboration import to_plain
from plan_dataset.publish.snapshot import Snapshot

# The rows a bundle holds, lazily: version, (table, records as plain dicts), quote
# offsets by attribution id, and corroboration by part key.
Contents = tuple[
    str,
    Iterator[tuple[str, Iterator[dict[str, Any]]]],
    dict[str, list[int]],
    dict[str, dict[str, Any]],
]


def bundle_contents(snapshot: Snapshot) -> Contents:
    """What the bundle of a snapshot holds, before any bytes: each record dumped as JSON
    values only when the iterator reaches it. ``render_bundle`` encodes it, and
    ``loader.from_snapshot`` decodes it straight into records."""
    tables = (
        (table, (record.model_dump(mode="json") for record in records))
        for table, records in snapshot.records.items()
    )
    offsets = {
        row["id"]: [row["start"], row["end"]]
        for row in snapshot.flat["attributions"]
        if row["start"] is not None
    }
    return snapshot.version, tables, offsets, to_plain(snapshot.corroboration)


def render_bundle(snapshot: Snapshot) -> bytes:
    return encode(*bundle_contents(snapshot))


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
