"""Datasette metadata for the release's SQLite file: titles, licence, column descriptions
from the models, full-text search, and canned queries."""

from __future__ import annotations

import json

from plan_dataset.constants import DATA_LICENCE, DATA_LICENCE_URL, DESCRIPTION, TITLE
from plan_dataset.flat.catalog import TABLES
from plan_dataset.publish.outputs.sqlite import full_text_columns
from plan_dataset.publish.snapshot import Snapshot

DATABASE = "plan-dataset"
CANNED_QUERIES = {
    "positions_on_a_point": {
        "title": "Positions on a point",
        "description": "Every recorded stance on one point (e.g. point-21), with its date.",
        "sql": (
            "select date, stakeholder, stance, summary, id from positions "
            "where provision = :point order by date, id"
        ),
    },
    "lineage_of_a_point": {
        "title": "The lineage of a point",
        "description": "How a point (e.g. point-06) became points of later versions.",
        "sql": (
            "select earlier_document, earlier, operation, later_document, later, change "
            "from point_links where earlier = :point or later = :point "
            "order by later_document, id"
        ),
    },
    "weakly_sourced_records": {
        "title": "Weakly sourced records",
        "description": (
            "Records resting on fewer than two independent origins of class regional_outlet "
            "or stronger (sources, which are their own evidence, left out)."
        ),
        "sql": (
            "select record_table, record_id, origins, strong_origins, strongest_reliability "
            "from corroboration where weakly_sourced = 1 and part is null "
            "and record_table != 'sources' order by record_table, record_id"
        ),
    },
}


def render_metadata(snapshot: Snapshot) -> bytes:
    tables = {}
    for table in TABLES:
        entry: dict[str, object] = {
            "title": table.title,
            "description": table.description,
            "columns": {column.name: column.description for column in table.columns},
        }
        if table.name in full_text_columns():
            entry["fts_table"] = f"{table.name}_fts"
            entry["fts_pk"] = "rowid"
        tables[table.name] = entry
    metadata = {
        "title": TITLE,
        "description": DESCRIPTION,
        "license": DATA_LICENCE,
        "license_url": DATA_LICENCE_URL,
        "source": f"plan-dataset {snapshot.version}",
        "databases": {DATABASE: {"tables": tables, "queries": CANNED_QUERIES}},
    }
    return (json.dumps(metadata, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
