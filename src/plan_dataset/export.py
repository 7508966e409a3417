"""Exporters: the flat tables as CSV, JSON or SQLite, and their Frictionless descriptor.

A small registry, one entry per format, so the build, ``plan-dataset export``
and the release bundle all write the same bytes for the same data.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plan_dataset._version import __version__
from plan_dataset.tables import TABLES, Row, Table

FlatTables = dict[str, list[Row]]

PACKAGE_METADATA: dict[str, Any] = {
    "name": "plan-dataset",
    "title": "The November 2025 US-drafted 28-point peace plan for Ukraine",
    "description": (
        "A hand-curated, validated dataset of the reported provisions of the November 2025 "
        "US-drafted 28-point peace plan for Ukraine, the published points, the positions "
        "stakeholders took on it, the events around it, where sources disagree, and where "
        "every fact comes from. Every record carries evidence: a verbatim quote from an "
        "archived source, or a URL and locator for a source that is not archived. The "
        "archived source texts remain their authors' and are included only so that quotes "
        "can be verified."
    ),
    "homepage": None,
    "keywords": ["ukraine", "russia", "peace plan", "diplomacy", "provenance"],
    "licenses": [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0 (data records)",
        }
    ],
    "contributors": [{"title": "plan-dataset maintainers", "role": "author"}],
}
SQLITE_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL"}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return repr(value) if isinstance(value, float) else str(value)


def render_csv(table: Table, rows: Iterable[Row]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([column.name for column in table.columns])
    for row in rows:
        writer.writerow([_cell(row[column.name]) for column in table.columns])
    return buffer.getvalue().encode("utf-8")


def render_json_table(table: Table, rows: Iterable[Row]) -> bytes:
    """An array of objects; every object holds every key, null where there is no value."""
    objects = [{column.name: row[column.name] for column in table.columns} for row in rows]
    return (json.dumps(objects, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def table_resource(table: Table, path: str, data_format: str, suffix: str = "") -> dict[str, Any]:
    """One Frictionless table resource; ``suffix`` keeps names unique when formats sit side by side."""
    schema = table.frictionless_schema()
    for key in schema.get("foreignKeys", []):
        key["reference"]["resource"] += suffix
    return {
        "name": table.name + suffix,
        "title": table.title,
        "description": table.description,
        "path": path,
        "type": "table",
        "format": data_format,
        "mediatype": "text/csv" if data_format == "csv" else "application/json",
        "encoding": "utf-8",
        "schema": schema,
    }


def render_descriptor(resources: list[dict[str, Any]], sources: list[dict[str, Any]]) -> bytes:
    metadata = {k: v for k, v in PACKAGE_METADATA.items() if v is not None}
    package = {**metadata, "version": __version__, "sources": sources, "resources": resources}
    return (json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def render_sqlite(flat: FlatTables) -> bytes:
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


@dataclass(frozen=True)
class Exporter:
    """How one format is written: into a folder of per-table files, or as one file."""

    name: str
    title: str
    write: Callable[[FlatTables, Path], list[Path]]


def _write_files(files: dict[str, bytes], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for relative, content in files.items():
        target = out / relative
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_bytes(content)
        os.replace(temporary, target)
        written.append(target)
    return written


def table_files(flat: FlatTables, data_format: str, folder: str = "") -> dict[str, bytes]:
    """Per-table files plus a datapackage.json describing them, by relative path."""
    render = render_csv if data_format == "csv" else render_json_table
    prefix = f"{folder}/" if folder else ""
    files = {f"{prefix}{t.name}.{data_format}": render(t, flat[t.name]) for t in TABLES}
    resources = [table_resource(t, f"{prefix}{t.name}.{data_format}", data_format) for t in TABLES]
    files["datapackage.json"] = render_descriptor(resources, [])
    return files


EXPORTERS: dict[str, Exporter] = {
    "csv": Exporter(
        "csv",
        "CSV tables with datapackage.json",
        lambda flat, out: _write_files(table_files(flat, "csv"), out),
    ),
    "json": Exporter(
        "json",
        "JSON tables with datapackage.json",
        lambda flat, out: _write_files(table_files(flat, "json"), out),
    ),
    "sqlite": Exporter(
        "sqlite",
        "SQLite database",
        lambda flat, out: _write_files({out.name: render_sqlite(flat)}, out.parent),
    ),
}
