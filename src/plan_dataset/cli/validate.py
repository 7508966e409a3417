"""``plan-dataset validate``: check records; every problem in one run."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plan_dataset.cli.common import EXIT_INVALID, EXIT_OK, report
from plan_dataset.reporters import REPORTERS

HELP = "check records; all problems in one run"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders (default: data/)")
    parser.add_argument("--format", choices=sorted(REPORTERS), default="text")


def run(args: argparse.Namespace) -> int:
    from plan_dataset.validation import validate

    root: Path = args.root
    paths = [root / p if not p.is_absolute() and root != Path(".") else p for p in args.paths]
    result = validate(root, paths or None)
    report(result.problems, args.format)
    if args.format == "text" and result.ok:
        print(f"valid: {len(result.records)} record file(s)", file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_INVALID
