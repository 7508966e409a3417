"""The flat tables as CSV or JSON files, and their Frictionless resources."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from plan_dataset.escaping import for_csv
from plan_dataset.flat.catalog import TABLES, Row, Table


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return for_csv(value)
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
    return (json.dumps(objects, ensure_ascii=False, indent=1, allow_nan=False) + "\n").encode(
        "utf-8"
    )


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


def table_files(flat: dict[str, list[Row]], data_format: str) -> dict[str, bytes]:
    render = render_csv if data_format == "csv" else render_json_table
    return {f"{t.name}.{data_format}": render(t, flat[t.name]) for t in TABLES}


def table_resources(folder: str, data_format: str, suffix: str = "") -> list[dict[str, Any]]:
    prefix = f"{folder}/" if folder else ""
    return [
        table_resource(t, f"{prefix}{t.name}.{data_format}", data_format, suffix) for t in TABLES
    ]
