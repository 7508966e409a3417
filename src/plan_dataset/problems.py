"""Problems found by the checks, and the registry of their stable codes.

Checks return ``Problem`` values; reporters (``reporters.py``) decide how to
print them. Codes never change meaning once released; new ones get new numbers.
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


def __getattr__(name: str) -> object:
    # The codes are declared by the check layers (validation/); CODES is kept here, as
    # code -> (layer, meaning, example), for readers of the earlier layout.
    if name == "CODES":
        from plan_dataset.validation import all_codes

        return {code: (c.layer, c.meaning, c.example) for code, c in all_codes().items()}
    raise AttributeError(name)
