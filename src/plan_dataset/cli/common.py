"""What the commands share: exit codes, problem reporting, and a validated snapshot."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from plan_dataset.problems import Problem
from plan_dataset.validation.reporters import REPORTERS, summary

if TYPE_CHECKING:
    # Only for the annotation: importing the snapshot would load pydantic for every command.
    from plan_dataset.publish.snapshot import Snapshot

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def add_jobs_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="processes for the per-file checks (default: PLAN_DATASET_JOBS, else every "
        "core; 1: serially); the result is the same",
    )


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


def bundle_path() -> Path:
    """The bundle shipped inside the installed package."""
    from plan_dataset.bundle import RESOURCE as BUNDLE_RESOURCE

    return Path(__file__).resolve().parent.parent.joinpath(*BUNDLE_RESOURCE.split("/"))


def say_which_data(root: Path | None) -> None:
    """One line on stderr: the data a read-only command uses (a checkout or the bundle)."""
    if root is not None:
        where = f"the checkout at {str(root.resolve())!r}, validated"
    else:
        from plan_dataset._version import __version__

        where = (
            f"the dataset shipped in the installed package, version {__version__} "
            f"({bundle_path()}); no checkout here"
        )
    print(f"plan-dataset: data: {where}", file=sys.stderr)


def data_snapshot(root: Path | None) -> Snapshot | None:
    """What a read-only command works on: the checkout at ``root``, validated, or, when
    ``root`` is None (no checkout), the bundle shipped in the package. None after
    reporting a checkout's problems."""
    say_which_data(root)
    if root is not None:
        return validated_snapshot(root)
    from plan_dataset.publish.snapshot import snapshot_of_bundle

    return snapshot_of_bundle(bundle_path().read_bytes())


def validated_snapshot(root: Path) -> Snapshot | None:
    """The snapshot of the project, or None after reporting its problems."""
    from plan_dataset.publish.snapshot import snapshot_of
    from plan_dataset.validation import validate

    result = validate(root)
    if not result.ok:
        report_diagnostics(result.problems)
        return None
    return snapshot_of(result, root)
