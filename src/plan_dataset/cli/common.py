"""What the commands share: exit codes, problem reporting, and a validated snapshot."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from plan_dataset.problems import Problem
from plan_dataset.reporters import REPORTERS

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def report(problems: Sequence[Problem], style: str) -> None:
    REPORTERS[style](problems, sys.stdout if style != "text" else sys.stderr)


def validated_snapshot(root: Path):  # type: ignore[no-untyped-def]
    """The snapshot of the project, or None after reporting its problems."""
    from plan_dataset.snapshot import snapshot_of
    from plan_dataset.validation import validate

    result = validate(root)
    if not result.ok:
        report(result.problems, "text")
        return None
    return snapshot_of(result, root)
