"""Problems found by the checks, and the registry of their stable codes.

Checks return ``Problem`` values; reporters (``reporters.py``) decide how to
print them. Each check layer in ``validation/`` declares its codes; codes never
change meaning once released, and new ones get new numbers.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located as precisely as the check can."""

    path: str
    line: int
    column: int
    code: str
    message: str
