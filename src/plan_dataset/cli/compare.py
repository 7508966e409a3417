"""``plan-dataset compare A B``: two versions of the plan side by side, point by point."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Mapping, Sequence

from plan_dataset.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    say_which_data,
    validated_snapshot,
)

HELP = "compare two versions of the plan point by point"
COLUMNS = (
    "earlier_number",
    "earlier",
    "operation",
    "later_number",
    "later",
    "changed_figures",
    "change",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("earlier", help="id of the earlier document, e.g. us-28-point-draft")
    parser.add_argument("later", help="id of the later document, e.g. european-counter-proposal")
    parser.add_argument("--format", choices=("text", "json", "csv"), default="text")


def render(rows: Sequence[Mapping[str, object]], style: str) -> str:
    if style == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False)
    if style == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(
            buffer, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue().rstrip("\n")
    table = [["#", "point", "operation", "#", "point", "figures", "change"]]
    table += [["" if r[c] is None else str(r[c]) for c in COLUMNS] for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(COLUMNS) - 1)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
        + "  "
        + row[-1]
        for row in table
    )


def run(args: argparse.Namespace) -> int:
    from plan_dataset.loader import Dataset, from_snapshot, load

    dataset: Dataset
    say_which_data(args.root)
    if args.root is None:
        dataset = load()  # the bundle shipped in the package
    else:
        snapshot = validated_snapshot(args.root)
        if snapshot is None:
            return EXIT_INVALID
        dataset = from_snapshot(snapshot)
    documents = {d.id for d in dataset.documents}
    for name in (args.earlier, args.later):
        if name not in documents:
            print(
                f"plan-dataset: no document {name!r}; documents are {', '.join(sorted(documents))}",
                file=sys.stderr,
            )
            return EXIT_USAGE
    print(render(dataset.compare(args.earlier, args.later), args.format))
    return EXIT_OK
