"""``plan-dataset validate``: check records; every problem in one run.

The problems are this command's results, so they go to stdout; the text style's
closing summary goes to stderr.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from plan_dataset.cli.common import EXIT_INVALID, EXIT_OK, add_jobs_argument, report_results
from plan_dataset.validation.reporters import REPORTERS

HELP = "check records; all problems in one run"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders (default: data/)")
    parser.add_argument("--format", choices=sorted(REPORTERS), default="text")
    add_jobs_argument(parser)


def run(args: argparse.Namespace) -> int:
    from plan_dataset.validation import validate

    root: Path = args.root
    paths = [root / p if not p.is_absolute() and root != Path(".") else p for p in args.paths]
    result = validate(root, paths or None, jobs=args.jobs)
    report_results(result.problems, args.format, len(result.records))
    return EXIT_OK if result.ok else EXIT_INVALID
