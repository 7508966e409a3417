"""``plan-dataset build``: validate, then write schema/, tables/, the bundle and datapackage."""

from __future__ import annotations

import argparse
import sys

from plan_dataset.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    add_jobs_argument,
    report_diagnostics,
)

HELP = "validate, then write schema/, tables/, bundle, datapackage"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_jobs_argument(parser)


def run(args: argparse.Namespace) -> int:
    from plan_dataset.build import build

    result, changed = build(args.root, jobs=args.jobs)
    if not result.ok:
        report_diagnostics(result.problems)
        print("build stopped: nothing was written", file=sys.stderr)
        return EXIT_INVALID
    print(f"built {len(result.records)} records; {len(changed)} file(s) changed")
    for path in changed:
        print(f"  {path}")
    return EXIT_OK
