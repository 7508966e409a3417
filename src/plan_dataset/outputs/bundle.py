"""The whole dataset as one nested JSON file: what ``plan_dataset.load()`` reads."""

from __future__ import annotations

import json
from typing import Any

from plan_dataset.snapshot import Snapshot

BUNDLE_NAME = "plan-dataset.json"


def render_bundle(snapshot: Snapshot) -> bytes:
    """``offsets`` carries each quote's place in its archived text, which the installed
    package cannot recompute because it does not ship the seeds."""
    bundle = {
        "name": "plan-dataset",
        "version": snapshot.version,
        "tables": {
            table: [record.model_dump(mode="json") for record in table_records]
            for table, table_records in snapshot.records.items()
        },
        "offsets": {
            row["id"]: [row["start"], row["end"]]
            for row in snapshot.flat["attributions"]
            if row["start"] is not None
        },
    }
    text = json.dumps(bundle, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text + "\n").encode("utf-8")


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
