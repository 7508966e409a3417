"""What the commands share: exit codes, problem reporting, and a validated snapshot."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from plan_dataset.problems import Problem
from plan_dataset.reporters import REPORTERS, summary

if TYPE_CHECKING:
    # Only for the annotation: importing the snapshot would load pydantic for every command.
    from plan_dataset.snapshot import Snapshot

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def report_results(problems: Sequence[Problem], style: str, checked_files: int) -> None:
    """Problems as the result of ``validate``: on stdout, in any style. The text
    style's closing summary is a diagnostic, on stderr, so that stdout holds only
    ``path:line:col: CODE message`` lines (``validate | grep``, ``validate | wc -l``)."""
    REPORTERS[style](problems, sys.stdout)
    if style == "text":
        print(summary(problems, checked_files), file=sys.stderr)


def report_diagnostics(problems: Sequence[Problem]) -> None:
    """Problems that stop another command (build, stats, export...): all on stderr,
    since that command's results are something else."""
    REPORTERS["text"](problems, sys.stderr)
    print(summary(problems, 0), file=sys.stderr)


def validated_snapshot(root: Path) -> Snapshot | None:
    """The snapshot of the project, or None after reporting its problems."""
    from plan_dataset.snapshot import snapshot_of
    from plan_dataset.validation import validate

    result = validate(root)
    if not result.ok:
        report_diagnostics(result.problems)
        return None
    return snapshot_of(result, root)
