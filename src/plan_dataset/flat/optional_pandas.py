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
