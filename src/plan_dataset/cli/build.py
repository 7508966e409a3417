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
    parser.add_argument(
        "--force",
        action="store_true",
        help="validate and render even when nothing changed since the last build",
    )


def run(args: argparse.Namespace) -> int:
    from plan_dataset.publish.build import build, unchanged_since_last_build
    from plan_dataset.publish.outputs.atomic import writing

    with writing(args.root):  # nothing may change between the check and the build
        records = None if args.force else unchanged_since_last_build(args.root)
        if records is not None:
            print(
                f"unchanged since the last build: {records} records; 0 file(s) changed "
                "(inputs, code and outputs match its stamp; --force builds anyway)"
            )
            return EXIT_OK
        result, changed = build(args.root, jobs=args.jobs)
    if not result.ok:
        report_diagnostics(result.problems)
        print("build stopped: nothing was written", file=sys.stderr)
        return EXIT_INVALID
    print(f"built {len(result.records)} records; {len(changed)} file(s) changed")
    for path in changed:
        print(f"  {path}")
    return EXIT_OK
