"""``plan-dataset new``: scaffold data/<table>/<id>.yaml to fill in.

The id must pass the rules validation applies to ids (``unusable_new_id``), and an
existing file is never overwritten.
"""

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
    from plan_dataset.outputs.atomic import create_file
    from plan_dataset.scaffold import scaffold
    from plan_dataset.validation import DATA_DIR
    from plan_dataset.validation.dataset import unusable_new_id
    from plan_dataset.validation.index import DatasetIndex

    record_id: str = args.id
    unusable = unusable_new_id(record_id, DatasetIndex(args.root, []))
    if unusable is not None:
        code, message = unusable
        print(f"plan-dataset: {code} {message}; nothing was written", file=sys.stderr)
        return EXIT_USAGE if code.startswith("M") else EXIT_INVALID
    target = args.root / DATA_DIR / args.table / f"{record_id}.yaml"
    # create_file never overwrites: a file that appeared meanwhile, or a link, is refused.
    create_file(target, scaffold(args.table, record_id).encode("utf-8"), root=args.root)
    print(f"{target}: fill in the empty values, then run plan-dataset validate {target}")
    return EXIT_OK
