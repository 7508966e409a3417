"""The flat tables as one SQLite database, with keys and indexes on every reference."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from plan_dataset.flat.catalog import TABLES, Row

CHUNK_BYTES = 1 << 20  # what is read of the finished database at a time

# Text columns searchable in Datasette (datasette.py declares them in its metadata).
FULL_TEXT: dict[str, tuple[str, ...]] = {
    "provisions": ("title", "summary", "notes", "sourcing_note"),
    "positions": ("summary", "notes"),
    "events": ("title", "summary", "notes"),
    "sources": ("title", "publisher", "caveats", "notes"),
    "stakeholders": ("name", "role", "notes"),
    "discrepancies": ("title", "summary"),
}

# English stemming (Porter) over unicode61 with diacritics folded, so that a search for
# "territory" also finds "territorial" and "territories", and "Zelenskyy" finds "Zelenskyy's".
FULL_TEXT_TOKENIZER = "porter unicode61 remove_diacritics 2"

SQLITE_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}


def full_text_columns() -> dict[str, tuple[str, ...]]:
    """The searchable text columns of each table that has them."""
    present = {table.name: {c.name for c in table.columns} for table in TABLES}
    return {
        name: tuple(c for c in columns if c in present[name]) for name, columns in FULL_TEXT.items()
    }


def render_sqlite(rows: Callable[[str], Iterable[Row]]) -> Iterator[bytes]:
    """One table per resource, with primary keys, foreign keys and indexes on references.
    Each table's rows (``Snapshot.rows``) go in as they are built; the database is made in
    a temporary file of the system's and handed on in chunks as it is read back."""
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
                    ([row[c.name] for c in table.columns] for row in rows(table.name)),
                )
            for searched, searched_columns in full_text_columns().items():
                # An external-content FTS5 index, as Datasette expects (fts_pk rowid).
                listed = ", ".join(searched_columns)
                connection.execute(
                    f'CREATE VIRTUAL TABLE "{searched}_fts" USING fts5({listed}, '
                    f'content="{searched}", content_rowid="rowid", '
                    f"tokenize='{FULL_TEXT_TOKENIZER}')"
                )
                connection.execute(
                    f'INSERT INTO "{searched}_fts" (rowid, {listed}) '
                    f'SELECT rowid, {listed} FROM "{searched}"'
                )
        connection.execute("VACUUM")
        connection.close()
        with open(name, "rb") as database:
            while chunk := database.read(CHUNK_BYTES):
                yield chunk
    finally:
        Path(name).unlink(missing_ok=True)
