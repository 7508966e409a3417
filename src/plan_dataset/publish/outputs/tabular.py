"""The flat tables as CSV or JSON files, and their Frictionless resources."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
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


ROWS_PER_CHUNK = 1000  # rows encoded before a chunk is handed on


def csv_chunks(table: Table, rows: Iterable[Row]) -> Iterator[bytes]:
    """The table as CSV, in chunks of ``ROWS_PER_CHUNK`` rows, built as the rows come."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([column.name for column in table.columns])
    for number, row in enumerate(rows, start=1):
        writer.writerow([_cell(row[column.name]) for column in table.columns])
        if number % ROWS_PER_CHUNK == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def json_chunks(table: Table, rows: Iterable[Row]) -> Iterator[bytes]:
    """An array of objects; every object holds every key, null where there is no value.
    The bytes of ``json.dumps(objects, indent=1)``, an object at a time: a row's values are
    scalars, so every newline of its text is one the indent made, one level deeper here."""
    names = [column.name for column in table.columns]
    parts: list[str] = []
    empty = True
    for row in rows:
        text = json.dumps({n: row[n] for n in names}, ensure_ascii=False, indent=1, allow_nan=False)
        parts.append(("[\n " if empty else ",\n ") + text.replace("\n", "\n "))
        empty = False
        if len(parts) == ROWS_PER_CHUNK:
            yield "".join(parts).encode("utf-8")
            parts = []
    parts.append("[]\n" if empty else "\n]\n")
    yield "".join(parts).encode("utf-8")


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


def table_files(
    rows: Callable[[str], Iterable[Row]], data_format: str
) -> Iterator[tuple[str, Iterator[bytes]]]:
    """Every table's file, each built from its rows (``Snapshot.rows``) as it is read."""
    chunks = csv_chunks if data_format == "csv" else json_chunks
    for table in TABLES:
        yield f"{table.name}.{data_format}", chunks(table, rows(table.name))


def table_resources(folder: str, data_format: str, suffix: str = "") -> list[dict[str, Any]]:
    prefix = f"{folder}/" if folder else ""
    return [
        table_resource(t, f"{prefix}{t.name}.{data_format}", data_format, suffix) for t in TABLES
    ]
