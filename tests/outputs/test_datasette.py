"""The release's Datasette metadata: descriptions from the models, full-text search, canned queries."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from conftest import ROOT

from plan_dataset.flat.catalog import TABLES
from plan_dataset.publish.outputs import release_files
from plan_dataset.publish.snapshot import snapshot_of
from plan_dataset.validation import validate


def test_release_ships_datasette_metadata_that_fits_its_database(tmp_path: Path) -> None:
    files = release_files(snapshot_of(validate(ROOT), ROOT))
    metadata = json.loads(files["metadata.json"])
    assert metadata["license"] == "CC-BY-4.0" and metadata["title"] and metadata["source"]
    database = tmp_path / "plan-dataset.sqlite"
    database.write_bytes(files["plan-dataset.sqlite"])
    connection = sqlite3.connect(database)
    tables = metadata["databases"]["plan-dataset"]["tables"]
    for table in TABLES:
        columns = tables[table.name]["columns"]
        assert columns == {c.name: c.description for c in table.columns}
    for name, entry in tables.items():
        if "fts_table" in entry:
            found = connection.execute(f'SELECT count(*) FROM "{entry["fts_table"]}"').fetchone()
            assert found[0] == connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
    hits = connection.execute(
        "SELECT count(*) FROM provisions_fts WHERE provisions_fts MATCH 'Zaporizhzhia'"
    ).fetchone()[0]
    assert hits > 0
    # The index stems English words: a word and its derived forms find the same positions.
    found = {
        word: {
            row[0]
            for row in connection.execute(
                "SELECT rowid FROM positions_fts WHERE positions_fts MATCH ?", (word,)
            )
        }
        for word in ("territory", "territorial", "territories")
    }
    assert found["territory"] and found["territory"] == found["territorial"] == found["territories"]
    queries = metadata["databases"]["plan-dataset"]["queries"]
    assert set(queries) == {"positions_on_a_point", "lineage_of_a_point", "weakly_sourced_records"}
    on_point = connection.execute(queries["positions_on_a_point"]["sql"], {"point": "point-21"})
    assert {row[2] for row in on_point} >= {"opposes"}
    lineage = connection.execute(queries["lineage_of_a_point"]["sql"], {"point": "point-06"})
    assert {row[4] for row in lineage} == {"e3-point-06", "eu24-point-11", "f20-point-04"}
    weak = connection.execute(queries["weakly_sourced_records"]["sql"]).fetchall()
    assert ("provisions", "point-20") in {(row[0], row[1]) for row in weak}
