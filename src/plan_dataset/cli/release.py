"""``plan-dataset release``: write dist/plan-dataset-<version>.zip."""

from __future__ import annotations

import argparse

from plan_dataset.cli.common import EXIT_INVALID, EXIT_OK, validated_snapshot

HELP = "write dist/plan-dataset-<version>.zip"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from plan_dataset.release import write_release

    snapshot = validated_snapshot(args.root)
    if snapshot is None:
        return EXIT_INVALID
    print(write_release(args.root, snapshot))
    return EXIT_OK
