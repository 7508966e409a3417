"""The ``plan-dataset`` command (also ``python -m plan_dataset``).

Exit codes: 0 valid, 1 invalid data, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from plan_dataset._version import __version__
from plan_dataset.models import MODELS, SLUG_RE, QuoteEvidence, evidence_items
from plan_dataset.problems import Problem
from plan_dataset.reporters import REPORTERS
from plan_dataset.validation import DATA_DIR, ValidationReport, validate

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plan-dataset",
        description="Validate, build and inspect the plan dataset. Run it in the project root.",
    )
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="project root (default: current directory)"
    )
    parser.add_argument("--version", action="version", version=f"plan-dataset {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser("validate", help="check records; all problems in one run")
    check.add_argument("paths", nargs="*", type=Path, help="files or folders (default: data/)")
    check.add_argument("--format", choices=sorted(REPORTERS), default="text")
    commands.add_parser("build", help="validate, then write schema/, tables/, bundle, datapackage")
    stats = commands.add_parser("stats", help="counts per table and per source")
    stats.add_argument("--format", choices=("text", "json"), default="text")
    export = commands.add_parser("export", help="write the flat tables as csv, json or sqlite")
    export.add_argument("--format", choices=("csv", "json", "sqlite"), required=True)
    export.add_argument(
        "--out", type=Path, required=True, help="a folder (csv, json) or a file (sqlite)"
    )
    commands.add_parser("release", help="write dist/plan-dataset-<version>.zip")
    new = commands.add_parser("new", help="scaffold data/<table>/<id>.yaml to fill in")
    new.add_argument("table", choices=list(MODELS))
    new.add_argument("id", help="a lowercase slug, which becomes the file name")
    return parser


def _report(problems: Sequence[Problem], style: str) -> None:
    REPORTERS[style](problems, sys.stdout if style != "text" else sys.stderr)


def _require_root(root: Path) -> str | None:
    if not (root / DATA_DIR).is_dir():
        return f"plan-dataset: {root.resolve()} is not a project root (no {DATA_DIR}/ folder)"
    return None


def stats_of(report: ValidationReport) -> dict[str, object]:
    """Counts per table, per source (records citing it, by table) and per evidence kind."""
    tables: Counter[str] = Counter()
    by_source: dict[str, Counter[str]] = {}
    kinds: Counter[str] = Counter()
    hedges: Counter[str] = Counter()
    for checked in report.records:
        if checked.model is None:
            continue
        tables[checked.table] += 1
        cited: set[str] = set()
        for _loc, _part, item in evidence_items(checked.model):
            kinds["quote" if isinstance(item, QuoteEvidence) else "locator"] += 1
            hedges[item.hedge] += 1
            cited.add(item.source)
        for source in cited:
            by_source.setdefault(source, Counter())[checked.table] += 1
    return {
        "records": {table: tables[table] for table in MODELS},
        "evidence_kinds": {kind: kinds[kind] for kind in ("quote", "locator")},
        "hedges": dict(sorted(hedges.items())),
        "records_citing_source": {
            source: {table: counts[table] for table in MODELS if counts[table]}
            for source, counts in sorted(by_source.items())
        },
    }


def _print_stats(stats: dict[str, object]) -> None:
    records = stats["records"]
    assert isinstance(records, dict)
    print("records per table")
    for table, count in records.items():
        print(f"  {table:<14} {count:>6}")
    print(f"  {'total':<14} {sum(records.values()):>6}")
    print("evidence items by kind")
    for kind, count in dict(stats["evidence_kinds"]).items():  # type: ignore[call-overload]
        print(f"  {kind:<14} {count:>6}")
    print("evidence items by hedge")
    for hedge, count in dict(stats["hedges"]).items():  # type: ignore[call-overload]
        print(f"  {hedge:<14} {count:>6}")
    print("records citing each source, by table")
    for source, counts in dict(stats["records_citing_source"]).items():  # type: ignore[call-overload]
        detail = ", ".join(f"{table} {n}" for table, n in counts.items())
        print(f"  {source}: {sum(counts.values())} ({detail})")


def _new(root: Path, table: str, record_id: str) -> int:
    from plan_dataset.scaffold import scaffold

    if not SLUG_RE.fullmatch(record_id):
        print(f"plan-dataset: {record_id!r} is not a lowercase slug", file=sys.stderr)
        return EXIT_USAGE
    target = root / DATA_DIR / table / f"{record_id}.yaml"
    if target.exists():
        print(f"plan-dataset: {target} already exists", file=sys.stderr)
        return EXIT_INVALID
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(scaffold(table, record_id), encoding="utf-8")
    print(f"{target}: fill in the empty values, then run plan-dataset validate {target}")
    return EXIT_OK


def _export(report: ValidationReport, data_format: str, out: Path) -> int:
    from plan_dataset.build import quote_spans, records_by_table
    from plan_dataset.export import EXPORTERS
    from plan_dataset.tables import flat_tables

    records = records_by_table(report)
    flat = flat_tables(records, quote_spans(report, records))
    for path in EXPORTERS[data_format].write(flat, out):
        print(path)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root: Path = args.root
    problem = _require_root(root)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.command == "validate":
            paths = [
                root / p if not p.is_absolute() and root != Path(".") else p for p in args.paths
            ]
            report = validate(root, paths or None)
            _report(report.problems, args.format)
            if args.format == "text" and report.ok:
                print(f"valid: {len(report.records)} record file(s)", file=sys.stderr)
            return EXIT_OK if report.ok else EXIT_INVALID
        if args.command == "build":
            from plan_dataset.build import build

            report, changed = build(root)
            if not report.ok:
                _report(report.problems, "text")
                print("build stopped: nothing was written", file=sys.stderr)
                return EXIT_INVALID
            print(f"built {len(report.records)} records; {len(changed)} file(s) changed")
            for path in changed:
                print(f"  {path}")
            return EXIT_OK
        if args.command == "new":
            return _new(root, args.table, args.id)
        report = validate(root)
        if not report.ok:
            _report(report.problems, "text")
            return EXIT_INVALID
        if args.command == "export":
            return _export(report, args.format, args.out)
        if args.command == "release":
            from plan_dataset.release import write_release

            print(write_release(root, report))
            return EXIT_OK
        stats = stats_of(report)
        if args.format == "json":
            print(json.dumps(stats, indent=2))
        else:
            _print_stats(stats)
        return EXIT_OK
    except OSError as error:
        print(f"plan-dataset: {error.filename or ''}: {error.strerror}", file=sys.stderr)
        return EXIT_INVALID
