"""Deterministic synthetic corpus for benchmarking plan-dataset.

    python benchmarks/generate.py --records N --seed S --out DIR

writes a complete project folder DIR that ``plan-dataset --root DIR validate``
accepts with zero problems:

- ``seeds/`` and the real ``data/sources/seed-*.yaml`` records are copied from
  the project (the only sources, all archived);
- stakeholders, documents, provisions, positions, events and discrepancies are
  generated until DIR holds N records in total, in the proportions of the
  curated dataset (documents are added, about 1 % of records, because most real
  provisions are published points of a document and need one to point to);
- every reference names an id that exists, every quote is a span of words of
  one line of the archived text it cites, every text field is NFC and does not
  start like a spreadsheet formula.

The same ``--seed`` and ``--records`` give byte-identical files: all choices
come from one ``random.Random(seed)``, and files are written in a fixed order
with ``yaml.safe_dump(..., allow_unicode=True, sort_keys=False)`` after the
schema header line.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml
from synthetic import PUBLISHED_SHARE, Generator, SeedText

from plan_dataset.models import MODELS

PROJECT = Path(__file__).resolve().parent.parent

# Records per table in the curated dataset (sources and documents aside): the
# generator keeps these proportions.
PROPORTIONS = {
    "stakeholders": 50,
    "provisions": 44,
    "positions": 24,
    "events": 19,
    "discrepancies": 25,
}
POINTS_PER_DOCUMENT = 20  # at most 28 (point_number <= 28)


def plan_counts(total: int) -> dict[str, int]:
    """Records per generated table, by largest remainder, summing to ``total``."""
    weight = sum(PROPORTIONS.values())
    exact = {table: total * share / weight for table, share in PROPORTIONS.items()}
    counts = {table: int(value) for table, value in exact.items()}
    rest = total - sum(counts.values())
    for table in sorted(exact, key=lambda t: (counts[t] - exact[t], t))[:rest]:
        counts[table] += 1
    return counts


def header(table: str) -> str:
    return f"# yaml-language-server: $schema=../../schema/{table}.schema.json\n"


def write_record(out: Path, table: str, record: dict[str, Any]) -> None:
    body = yaml.safe_dump(record, allow_unicode=True, sort_keys=False)
    path = out / "data" / table / f"{record['id']}.yaml"
    path.write_bytes((header(table) + body).encode("utf-8"))


def _write_batch(job: tuple[Path, list[tuple[str, dict[str, Any]]]]) -> int:
    out, batch = job
    for table, record in batch:
        write_record(out, table, record)
    return len(batch)


class Writer:
    """Writes records in worker processes; the records themselves are drawn in order.

    Dumping YAML is most of the cost. Which process writes a file does not change
    its bytes, so the corpus stays byte-identical whatever ``jobs`` is.
    """

    BATCH = 500

    def __init__(self, out: Path, jobs: int) -> None:
        self.out = out
        self.batch: list[tuple[str, dict[str, Any]]] = []
        self.pool = multiprocessing.get_context("fork").Pool(jobs) if jobs > 1 else None
        self.pending: list[Any] = []

    def __call__(self, table: str, record: dict[str, Any]) -> None:
        self.batch.append((table, record))
        if len(self.batch) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.batch:
            return
        job = (self.out, self.batch)
        self.batch = []
        if self.pool is None:
            _write_batch(job)
        else:
            self.pending.append(self.pool.apply_async(_write_batch, (job,)))
            if len(self.pending) > 8:  # bound memory: wait for the oldest batches
                self.pending.pop(0).get()

    def close(self) -> None:
        self.flush()
        if self.pool is not None:
            for result in self.pending:
                result.get()
            self.pool.close()
            self.pool.join()


def generate(
    records: int, seed: int, out: Path, project: Path = PROJECT, jobs: int = 1
) -> dict[str, int]:
    """Write the corpus; return the number of records per table."""
    source_files = sorted((project / "data" / "sources").glob("seed-*.yaml"))
    seed_records = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in source_files]
    # The outlets the seeds name as origin or credit come along, so the corpus validates.
    outlets = sorted(
        {
            name
            for r in seed_records
            for name in (r.get("origin"), *(r.get("credits") or []))
            if name
        }
    )
    fixed = len(source_files) + len(outlets)
    if records < fixed + len(PROPORTIONS) + 1:
        raise SystemExit(f"--records must be at least {fixed + len(PROPORTIONS) + 1}")
    out.mkdir(parents=True, exist_ok=True)
    shutil.copytree(project / "seeds", out / "seeds")
    shutil.copytree(project / "schema", out / "schema")
    for table in MODELS:
        (out / "data" / table).mkdir(parents=True)
    seeds = []
    for path, record in zip(source_files, seed_records, strict=True):
        (out / "data" / "sources" / path.name).write_bytes(path.read_bytes())
        text = (project / record["path"]).read_text(encoding="utf-8")
        seeds.append(SeedText(record["id"], text))
    for outlet in outlets:
        name = f"{outlet}.yaml"
        (out / "data" / "outlets" / name).write_bytes(
            (project / "data" / "outlets" / name).read_bytes()
        )

    counts = plan_counts(records - fixed)
    published = round(counts["provisions"] * PUBLISHED_SHARE)
    documents = max(1, -(-published // POINTS_PER_DOCUMENT))
    # Documents come out of the provisions' share so the total stays N.
    counts["provisions"] -= documents
    published = min(published, counts["provisions"] - 1, documents * POINTS_PER_DOCUMENT)

    gen = Generator(seed, seeds)
    write = Writer(out, jobs)
    for _ in range(counts["stakeholders"]):
        write("stakeholders", gen.stakeholder())
    for _ in range(documents):
        write("documents", gen.document())
    for index in range(published):
        document = gen.documents[index // POINTS_PER_DOCUMENT]
        write("provisions", gen.provision(document, index % POINTS_PER_DOCUMENT + 1))
    for _ in range(counts["provisions"] - published):
        write("provisions", gen.provision(None, None))
    for _ in range(counts["positions"]):
        write("positions", gen.position())
    for _ in range(counts["events"]):
        write("events", gen.event())
    for _ in range(counts["discrepancies"]):
        write("discrepancies", gen.discrepancy())
    write.close()
    return {
        "sources": len(source_files),
        **({"outlets": len(outlets)} if outlets else {}),
        "stakeholders": counts["stakeholders"],
        "documents": documents,
        "provisions": counts["provisions"],
        "positions": counts["positions"],
        "events": counts["events"],
        "discrepancies": counts["discrepancies"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--records", type=int, required=True, help="records in total, sources included"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, required=True, help="a new or empty folder")
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="processes writing files (output is the same for any value)",
    )
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        print(f"generate: {args.out} exists and is not empty", file=sys.stderr)
        return 2
    counts = generate(args.records, args.seed, args.out, jobs=max(1, args.jobs))
    for table, number in counts.items():
        print(f"{table:<14} {number:>7}")
    print(f"{'total':<14} {sum(counts.values()):>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
