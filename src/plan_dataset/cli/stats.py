"""``plan-dataset stats``: counts per table, per source, per hedge, and corroboration."""

from __future__ import annotations

import argparse
import json

from plan_dataset.cli.common import EXIT_INVALID, EXIT_OK, data_snapshot

HELP = "counts per table and per source, and what is weakly sourced"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    from plan_dataset.publish.stats import stats_lines, stats_of

    snapshot = data_snapshot(args.root)
    if snapshot is None:
        return EXIT_INVALID
    stats = stats_of(snapshot)
    print(json.dumps(stats, indent=2) if args.format == "json" else "\n".join(stats_lines(stats)))
    return EXIT_OK
