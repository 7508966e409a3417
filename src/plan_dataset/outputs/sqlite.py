"""The flat tables as one SQLite database, with keys and indexes on every reference."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from plan_dataset.tables import TABLES, Row

SQLITE_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}


def render_sqlite(flat: dict[str, list[Row]]) -> bytes:
    """One table per resource, with primary keys, foreign keys and indexes on references."""
    handle, name = tempfile.mkstemp(suffix=".sqlite")
    os.close(handle)
    try:
        connection = sqlite3.connect(name)
        with connection:
            for table in TABLES:
                columns = [
                    f'"{c.name}" {SQLITE_TYPES[c.type]}' + (" NOT NULL" if c.required else "")
                    for c in table.columns
                ]
                keys = [f"PRIMARY KEY ({', '.join(table.primary_key)})"]
                keys += [
                    f'FOREIGN KEY ("{k.columns[0]}") REFERENCES "{k.table}" ("{k.reference[0]}")'
                    for k in table.foreign_keys
                ]
                connection.execute(f'CREATE TABLE "{table.name}" ({", ".join(columns + keys)})')
                for key in table.foreign_keys:
                    column = key.columns[0]
                    connection.execute(
                        f'CREATE INDEX "{table.name}_{column}" ON "{table.name}" ("{column}")'
                    )
                marks = ", ".join("?" for _ in table.columns)
                connection.executemany(
                    f'INSERT INTO "{table.name}" VALUES ({marks})',
                    ([row[c.name] for c in table.columns] for row in flat[table.name]),
                )
        connection.execute("VACUUM")
        connection.close()
        return Path(name).read_bytes()
    finally:
        Path(name).unlink(missing_ok=True)
