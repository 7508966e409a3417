"""``plan-dataset validate``: check records; every problem in one run.

The problems are this command's results, so they go to stdout; the text style's
closing summary goes to stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plan_dataset.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    add_jobs_argument,
    report_results,
)
from plan_dataset.validation.reporters import REPORTERS

HELP = "check records; all problems in one run"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders (default: data/)")
    parser.add_argument("--format", choices=sorted(REPORTERS), default="text")
    parser.add_argument(
        "--changed",
        action="store_true",
        help="read again only the files changed since the last --changed run (kept in the "
        "user's cache folder), then run every cross-record check: a full run's problems, "
        "for pre-commit",
    )
    add_jobs_argument(parser)


def run(args: argparse.Namespace) -> int:
    from plan_dataset.validation import validate

    root: Path = args.root
    paths = [root / p if not p.is_absolute() and root != Path(".") else p for p in args.paths]
    if args.changed and paths:
        print(
            "plan-dataset validate: error: --changed checks the whole dataset; give no paths",
            file=sys.stderr,
        )
        return EXIT_USAGE
    result = validate(root, paths or None, jobs=args.jobs, changed_only=args.changed)
    report_results(result.problems, args.format, len(result.records))
    if args.changed and args.format == "text":
        kept = len(result.records) - result.files_checked
        print(f"{kept} unchanged files taken from the cache", file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_INVALID
