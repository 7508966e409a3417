"""The flat tables as Parquet files (the optional ``parquet`` extra: pyarrow).

Columns are typed: integers, floats and booleans as such, vocabularies as
dictionary-encoded strings whose dictionary is the whole vocabulary in its
declared order, and dates as dates (a reduced-precision date becomes its first
day) with a ``<column>_precision`` column saying year, month or day. Each
column's description is in its field metadata. The files name the pyarrow
version that wrote them, so byte-identical files need the same pyarrow.
"""

from __future__ import annotations

import datetime
import importlib.util
import io
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from plan_dataset.constants import DATE_COLUMNS, DATE_PRECISIONS
from plan_dataset.flat.catalog import TABLES, Column, Row, Table
from plan_dataset.records.dates import first_day, precision

# The package is on no index: name the library, which pip finds (or the extra, in a checkout).
INSTALL_HINT = (
    "pip install 'pyarrow>=14' (the parquet extra: pip install '.[parquet]' in a checkout)"
)


def available() -> bool:
    """Whether pyarrow can be imported, without importing it (that is slow)."""
    try:
        return importlib.util.find_spec("pyarrow") is not None
    except (ImportError, ValueError):  # ValueError: a module set to None in sys.modules
        return False


def _dictionary(pa: Any, values: list[Any], vocabulary: tuple[str, ...]) -> Any:
    codes = [None if v is None else vocabulary.index(v) for v in values]
    return pa.DictionaryArray.from_arrays(
        pa.array(codes, type=pa.int32()), pa.array(list(vocabulary), type=pa.string())
    )


def _values(table: Table, rows: Iterable[Row]) -> dict[str, list[Any]]:
    """Each column's values, in one pass over the rows as they are built."""
    values: dict[str, list[Any]] = {column.name: [] for column in table.columns}
    for row in rows:
        for name, column_values in values.items():
            column_values.append(row[name])
    return values


def _columns(pa: Any, table: Table, rows: Iterable[Row]) -> list[tuple[Any, Any]]:
    """(field, array) pairs, with a precision column after each date column that lacks one."""
    names = {c.name for c in table.columns}
    columns = _values(table, rows)
    found = []
    for column in table.columns:
        values = columns.pop(column.name)  # each let go once its array is made
        meta = {"description": column.description}
        field, array = _typed(pa, column, values, meta)
        found.append((field, array))
        precision_name = f"{column.name}_precision"
        if column.name in DATE_COLUMNS and precision_name not in names:
            levels = [None if v is None else precision(v) for v in values]
            found.append(
                (
                    pa.field(precision_name, pa.dictionary(pa.int32(), pa.string()), True),
                    _dictionary(pa, levels, DATE_PRECISIONS),
                )
            )
    return found


def _typed(pa: Any, column: Column, values: list[Any], meta: dict[str, str]) -> tuple[Any, Any]:
    nullable = not column.required
    if column.name in DATE_COLUMNS:
        days = [None if v is None else datetime.date.fromisoformat(first_day(v)) for v in values]
        return pa.field(column.name, pa.date32(), nullable, meta), pa.array(days, pa.date32())
    if column.enum:
        kind = pa.dictionary(pa.int32(), pa.string())
        return pa.field(column.name, kind, nullable, meta), _dictionary(pa, values, column.enum)
    kind = {
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
    }.get(column.type, pa.string())
    return pa.field(column.name, kind, nullable, meta), pa.array(values, type=kind)


def render_parquet(rows: Callable[[str], Iterable[Row]]) -> Iterator[tuple[str, bytes]]:
    """One Parquet file per flat table, a table at a time (``rows``: ``Snapshot.rows``)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    for table in TABLES:
        pairs = _columns(pa, table, rows(table.name))
        schema = pa.schema(
            [field for field, _array in pairs],
            metadata={"title": table.title, "primary_key": ",".join(table.primary_key)},
        )
        data = pa.Table.from_arrays([array for _field, array in pairs], schema=schema)
        buffer = io.BytesIO()
        pq.write_table(data, buffer, compression="zstd")
        del pairs, data  # the arrays let go before the file is handed on
        yield f"{table.name}.parquet", buffer.getvalue()
