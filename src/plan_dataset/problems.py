"""Problems found by the checks, and the registry of their stable codes.

Checks return ``Problem`` values; reporters (``validation/reporters.py``) decide how to
print them. Each check layer in ``validation/`` declares its codes; codes never
change meaning once released, and new ones get new numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from plan_dataset.escaping import for_message


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located as precisely as the check can."""

    path: str
    line: int
    column: int
    code: str
    message: str


class DatasetInvalid(ValueError):
    """Raised by ``load(path)`` when the records under ``path`` do not validate."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        # One line per problem, whatever a path or an echoed value holds (escaping.py).
        lines = [
            f"{for_message(p.path)}:{p.line}:{p.column}: {p.code} {for_message(p.message)}"
            for p in problems[:20]
        ]
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} problem(s):\n" + "\n".join(lines) + more)
