"""pandas frames of the flat tables (the optional ``pandas`` extra). Imported only on use.

Typed by the generated ``columns.py``, so a frame needs no pydantic."""

from __future__ import annotations

from typing import Any

import pandas as pd

from plan_dataset.constants import DATE_COLUMNS, DATE_PRECISIONS
from plan_dataset.flat.columns import TYPES


def _first_day(value: str | None) -> str | None:
    if value is None:
        return None
    return value + ("-01-01", "-01", "")[value.count("-")]


def to_frame(table: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A typed frame: string ids, categorical vocabularies, nullable numbers, real dates."""
    columns = TYPES[table]
    names = {name for name, _kind, _enum, _path in columns}
    frame = pd.DataFrame(index=range(len(rows)))
    for name, kind, enum, _path in columns:
        values = [row[name] for row in rows]
        if name in DATE_COLUMNS:
            precision = f"{name}_precision"
            if precision not in names:
                levels = [None if v is None else DATE_PRECISIONS[v.count("-")] for v in values]
                frame[precision] = pd.Categorical(levels, categories=DATE_PRECISIONS, ordered=True)
            frame[name] = pd.to_datetime([_first_day(v) for v in values])
        elif enum:
            ordered = name in ("date_precision",)
            frame[name] = pd.Categorical(values, categories=enum, ordered=ordered)
        elif kind == "integer":
            frame[name] = pd.array(values, dtype="Int64")
        elif kind == "number":
            frame[name] = pd.array(values, dtype="Float64")
        elif kind == "boolean":
            frame[name] = pd.array(values, dtype="boolean")
        else:
            frame[name] = pd.array(values, dtype="string")
    return frame


def frames_of(dataset: Any, table: str | None = None) -> Any:
    # ``dataset`` is a loaded Dataset (typed Any: this stage may not import the loader).
    """One flat table as a typed DataFrame, or every table in a dict by name."""
    if table is not None and table not in TYPES:
        raise KeyError(f"no flat table {table!r}; tables are {', '.join(TYPES)}")
    names = list(TYPES) if table is None else [table]
    frames = {name: to_frame(name, dataset.rows(name)) for name in names}
    return frames if table is None else frames[table]
