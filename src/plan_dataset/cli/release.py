"""``plan-dataset release``: write dist/plan-dataset-<version>.zip.

It refuses a version that CHANGELOG.md has no entry for.
"""

from __future__ import annotations

import argparse
import sys

from plan_dataset.cli.common import EXIT_INVALID, EXIT_OK, validated_snapshot

HELP = "write dist/plan-dataset-<version>.zip"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from plan_dataset.publish.release import changelog_problem, write_release

    problem = changelog_problem(args.root)
    if problem is not None:
        print(f"plan-dataset: {problem}; nothing was written", file=sys.stderr)
        return EXIT_INVALID
    snapshot = validated_snapshot(args.root)
    if snapshot is None:
        return EXIT_INVALID
    print(write_release(args.root, snapshot))
    return EXIT_OK
