"""pandas, only when a user asks for a frame: the loader itself never imports it.

Standard library at import time; pandas (the ``pandas`` extra) is imported on use, with
an ImportError that says how to install it.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any

PANDAS_MISSING = (
    "this needs pandas, which is not installed: pip install 'pandas>=2.0' "
    "(the pandas extra: pip install '.[pandas]' in a checkout)"
)


def require_pandas() -> Any:
    """The pandas module, or an ImportError that says how to install it."""
    try:
        import pandas
    except ImportError:
        raise ImportError(PANDAS_MISSING) from None
    return pandas


def frame(rows: Sequence[Mapping[str, object]]) -> Any:
    """A plain DataFrame of query rows."""
    return require_pandas().DataFrame(rows)


def frames_of(dataset: Any, table: str | None = None) -> Any:
    # ``dataset`` is a loaded Dataset (typed Any: this stage may not import the loader).
    """One flat table as a typed DataFrame, or every table in a dict by name."""
    from plan_dataset.flat.columns import COLUMNS

    require_pandas()
    from plan_dataset.flat.frames import to_frame

    if table is not None and table not in COLUMNS:
        raise KeyError(f"no flat table {table!r}; tables are {', '.join(COLUMNS)}")
    names = list(COLUMNS) if table is None else [table]
    frames = {name: to_frame(name, dataset.rows(name)) for name in names}
    return frames if table is None else frames[table]
