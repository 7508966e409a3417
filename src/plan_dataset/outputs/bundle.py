"""The whole dataset as one nested JSON file: what ``plan_dataset.load()`` reads."""

from __future__ import annotations

import json
from typing import Any

from plan_dataset.corroboration import to_plain
from plan_dataset.snapshot import Snapshot

BUNDLE_NAME = "plan-dataset.json"


def _json(value: Any) -> bytes:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.encode("utf-8")


def render_bundle(snapshot: Snapshot) -> bytes:
    """``offsets`` carries each quote's place in its archived text, which the installed
    package cannot recompute because it does not ship the seeds; ``corroboration`` the
    independent origins of every record and evidence-bearing part, as the snapshot
    carries them.

    The bytes are those of ``json.dumps`` of the whole mapping, encoded a record at a
    time, so that the records' dumped dictionaries and their text are never all held
    at once, only their UTF-8 bytes."""
    parts = [b'{"name":', _json("plan-dataset"), b',"version":', _json(snapshot.version)]
    parts.append(b',"tables":{')
    for number, (table, records) in enumerate(snapshot.records.items()):
        parts += [b"," if number else b"", _json(table), b":["]
        for index, record in enumerate(records):
            parts += [b"," if index else b"", _json(record.model_dump(mode="json"))]
        parts.append(b"]")
    offsets = {
        row["id"]: [row["start"], row["end"]]
        for row in snapshot.flat["attributions"]
        if row["start"] is not None
    }
    parts += [b'},"offsets":', _json(offsets)]
    parts += [b',"corroboration":', _json(to_plain(snapshot.corroboration)), b"}\n"]
    return b"".join(parts)


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
