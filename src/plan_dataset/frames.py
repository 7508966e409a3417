"""pandas frames of the flat tables (the optional ``pandas`` extra). Imported only on use."""

from __future__ import annotations

from typing import Any

import pandas as pd

from plan_dataset.constants import DATE_COLUMNS, DATE_PRECISIONS
from plan_dataset.tables import TABLES_BY_NAME


def _first_day(value: str | None) -> str | None:
    if value is None:
        return None
    return value + ("-01-01", "-01", "")[value.count("-")]


def to_frame(table: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A typed frame: string ids, categorical vocabularies, nullable numbers, real dates."""
    spec = TABLES_BY_NAME[table]
    frame = pd.DataFrame(index=range(len(rows)))
    for column in spec.columns:
        values = [row[column.name] for row in rows]
        if column.name in DATE_COLUMNS:
            precision = f"{column.name}_precision"
            if precision not in {c.name for c in spec.columns}:
                levels = [None if v is None else DATE_PRECISIONS[v.count("-")] for v in values]
                frame[precision] = pd.Categorical(levels, categories=DATE_PRECISIONS, ordered=True)
            frame[column.name] = pd.to_datetime([_first_day(v) for v in values])
        elif column.enum:
            ordered = column.name in ("date_precision",)
            frame[column.name] = pd.Categorical(values, categories=column.enum, ordered=ordered)
        elif column.type == "integer":
            frame[column.name] = pd.array(values, dtype="Int64")
        elif column.type == "number":
            frame[column.name] = pd.array(values, dtype="Float64")
        elif column.type == "boolean":
            frame[column.name] = pd.array(values, dtype="boolean")
        else:
            frame[column.name] = pd.array(values, dtype="string")
    return frame
