"""``plan-dataset questions [QUESTION] [--on DATE]``: where each of the plan's questions
stands, or one question's history. Reads the bundle shipped in the package, so it works
from an installed wheel; ``--from-data`` reads and validates the project's data/ instead."""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys

from plan_dataset.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, validated_snapshot

HELP = "where each question of the plan stands (or one question's history)"
DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
STANDING_COLUMNS = ("question", "status", "since", "latest_evidence", "title")
HISTORY_COLUMNS = ("date", "status", "document", "provision", "event", "id", "summary")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "question", nargs="?", help="id of one question, e.g. territory: print its history"
    )
    parser.add_argument(
        "--on", metavar="DATE", help="as it stood on this date (YYYY-MM-DD, YYYY-MM or YYYY)"
    )
    parser.add_argument("--format", choices=("text", "json", "csv"), default="text")
    parser.add_argument(
        "--from-data",
        action="store_true",
        help="read and validate the project's data/ (under --root) instead of the shipped bundle",
    )


def render(rows: list[dict[str, object]], columns: tuple[str, ...], style: str) -> str:
    if style == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False)
    if style == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(
            buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue().rstrip("\n")
    table = [list(columns)]
    table += [["" if r[c] is None else str(r[c]) for c in columns] for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(columns) - 1)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
        + "  "
        + row[-1]
        for row in table
    )


def _dataset(args: argparse.Namespace) -> object | None:
    if args.from_data:
        from plan_dataset.loader import from_snapshot

        if args.root is None:
            print(
                "plan-dataset: --from-data needs a checkout (a folder with data/)", file=sys.stderr
            )
            return None
        snapshot = validated_snapshot(args.root)
        return None if snapshot is None else from_snapshot(snapshot)
    from plan_dataset.loader import load

    return load()


def _history_rows(dataset: object, question: str, on: str | None) -> list[dict[str, object]]:
    from plan_dataset.records.dates import last_day

    history = dataset.question_history(question)  # type: ignore[attr-defined]
    if on is not None:
        history = [s for s in history if last_day(s.date) <= last_day(on)]
    return [{c: getattr(s, c) for c in HISTORY_COLUMNS} for s in history]


def run(args: argparse.Namespace) -> int:
    if args.on is not None and not DATE.match(args.on):
        print(f"plan-dataset: --on {args.on!r} is not a date like 2026-01-31", file=sys.stderr)
        return EXIT_USAGE
    dataset = _dataset(args)
    if dataset is None:
        return EXIT_INVALID
    if args.question is None:
        rows = dataset.where_questions_stand(args.on)  # type: ignore[attr-defined]
        print(render(rows, STANDING_COLUMNS, args.format))
        return EXIT_OK
    known = {q.id for q in dataset.questions}  # type: ignore[attr-defined]
    if args.question not in known:
        print(
            f"plan-dataset: no question {args.question!r}; questions are "
            f"{', '.join(sorted(known))}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    print(render(_history_rows(dataset, args.question, args.on), HISTORY_COLUMNS, args.format))
    return EXIT_OK
