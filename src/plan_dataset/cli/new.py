"""``plan-dataset new``: scaffold data/<table>/<id>.yaml to fill in."""

from __future__ import annotations

import argparse
import sys

from plan_dataset.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE

HELP = "scaffold data/<table>/<id>.yaml to fill in"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from plan_dataset.models import MODELS

    parser.add_argument("table", choices=list(MODELS))
    parser.add_argument("id", help="a lowercase slug, which becomes the file name")


def run(args: argparse.Namespace) -> int:
    from plan_dataset.models import MODELS, PLAN_TARGET, SLUG_RE
    from plan_dataset.outputs.atomic import create_file
    from plan_dataset.scaffold import scaffold
    from plan_dataset.validation import DATA_DIR
    from plan_dataset.validation.index import DatasetIndex

    record_id: str = args.id
    if not SLUG_RE.fullmatch(record_id):
        print(f"plan-dataset: {record_id!r} is not a lowercase slug", file=sys.stderr)
        return EXIT_USAGE
    index = DatasetIndex(args.root, [])
    used = [table for table in MODELS if index.exists(table, record_id)]
    if record_id == PLAN_TARGET or used:
        why = "is reserved for position targets" if not used else f"is used in data/{used[0]}/"
        print(f"plan-dataset: the id {record_id!r} {why}", file=sys.stderr)
        return EXIT_INVALID
    target = args.root / DATA_DIR / args.table / f"{record_id}.yaml"
    create_file(target, scaffold(args.table, record_id).encode("utf-8"))
    print(f"{target}: fill in the empty values, then run plan-dataset validate {target}")
    return EXIT_OK
