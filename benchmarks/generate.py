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
import random
import shutil
import sys
import typing
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from plan_dataset.models import MODELS, Pillar, Topic

PROJECT = Path(__file__).resolve().parent.parent
FORMULA_START = ("-", "=", "+", "@")

# Records per table in the curated dataset (sources and documents aside): the
# generator keeps these proportions.
PROPORTIONS = {
    "stakeholders": 50,
    "provisions": 44,
    "positions": 24,
    "events": 19,
    "discrepancies": 25,
}
PUBLISHED_SHARE = 28 / 44  # provisions that are numbered points of a document
SPECULATIVE_SHARE = 3 / 44
POINTS_PER_DOCUMENT = 20  # at most 28 (point_number <= 28)

# Small closed vocabularies, copied from models.py so the generator needs no import.
HEDGES = ["asserted", "reported", "alleged"]  # "speculative" is chosen explicitly
STANCES = ["supports", "conditional", "opposes", "unclear"]
STAKEHOLDER_KINDS = [
    "person",
    "person",
    "person",
    "person",
    "state",
    "government_body",
    "international_organization",
    "media_outlet",
    "group",
]
# Vocabularies come from the models, so the corpus follows any change to them.
PILLARS = list(typing.get_args(Pillar))
TOPICS = list(typing.get_args(Topic))
RELATIONS = ["exactly", "approximately", "at_most", "at_least", "reduction_by"]
VERDICTS = ["accurate", "partly_accurate", "not_in_published_text", "unclear"]
DOCUMENT_KINDS = ["draft", "revision", "counter_proposal", "framework"]
COUNTRIES = ["UA", "RU", "US", "FR", "DE", "GB", "PL", "TR", "IT", "FI", "EE", "HU", "BY", "QA"]
UNITS = ["personnel", "percent", "kilometres", "days", "US dollars", "aircraft"]
FIRST_NAMES = [
    "Olena",
    "Mykola",
    "Anna",
    "Jean-Noël",
    "Kirill",
    "Marta",
    "Steve",
    "Dan",
    "Kaja",
    "Radosław",
    "Friedrich",
    "Giorgia",
    "Recep",
    "Ursula",
    "Andrii",
    "Sergei",
    "Keir",
    "Petr",
]
LAST_NAMES = [
    "Kovalenko",
    "Shevchuk",
    "Müller",
    "Dubois",
    "Nowak",
    "Ivanov",
    "Smith",
    "Rossi",
    "Yılmaz",
    "Kallas",
    "Sikorski",
    "Barrot",
    "Dmitriev",
    "Witkoff",
    "Yermak",
    "Lavrov",
]
BODY_WORDS = [
    "Ministry",
    "Council",
    "Office",
    "Committee",
    "Agency",
    "Mission",
    "Service",
    "Union",
    "Alliance",
    "Forum",
    "Network",
    "Herald",
    "Gazette",
    "Review",
    "Broadcasting",
]
PLACES = [
    "Kyiv",
    "Moscow",
    "Washington",
    "Geneva",
    "Ankara",
    "Brussels",
    "Paris",
    "Berlin",
    "Warsaw",
    "Istanbul",
    "Abu Dhabi",
    "Miami",
    "Alaska",
    "Doha",
    "Riga",
]


def slugify(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    words = "".join(c if c.isalnum() else " " for c in ascii_text).split()
    return "-".join(words)


def clean(text: str) -> str:
    """NFC, whitespace runs collapsed, no formula-like start."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    assert text and not text.startswith(FORMULA_START), text
    return text


class SeedText:
    """One archived text, cut into lines of words that quotes are drawn from."""

    def __init__(self, source_id: str, text: str) -> None:
        self.source_id = source_id
        self.lines: list[list[str]] = []
        self.starts: list[tuple[int, int]] = []  # (line, word) where a quote may start
        for line in text.splitlines():
            words = line.split()
            if len(words) < 4:
                continue
            number = len(self.lines)
            self.lines.append(words)
            for index, word in enumerate(words[:-3]):
                if not word.startswith(FORMULA_START) and word[0].isalnum():
                    self.starts.append((number, index))

    def span(self, rng: random.Random, low: int, high: int, max_chars: int) -> str:
        """A run of low..high consecutive words of one line, at most max_chars long."""
        line, start = self.starts[rng.randrange(len(self.starts))]
        words = self.lines[line][start : start + rng.randint(low, high)]
        while len(words) > 1 and len(" ".join(words)) > max_chars:
            words.pop()
        return clean(" ".join(words))


class Generator:
    def __init__(self, seed: int, seeds: list[SeedText]) -> None:
        self.rng = random.Random(seed)
        self.seeds = seeds
        self.counter = 0
        self.stakeholders: list[str] = []
        self.documents: list[str] = []
        self.points: list[str] = []  # published provisions
        self.provisions: list[str] = []
        self.positions: list[str] = []
        self.events: list[str] = []

    # Building blocks.

    def new_id(self, base: str, tag: str) -> str:
        self.counter += 1
        slug = slugify(base)[:50].strip("-") or "record"
        return f"{slug}-{tag}{self.counter}"

    def maybe(self, share: float) -> bool:
        return self.rng.random() < share

    def text(self, low: int = 12, high: int = 45, max_chars: int = 4000) -> str:
        seed = self.rng.choice(self.seeds)
        return seed.span(self.rng, low, high, max_chars)

    def short(self, low: int = 4, high: int = 10) -> str:
        return self.text(low, high, 300)

    def date(self) -> str | None:
        roll = self.rng.random()
        if roll < 0.15:
            return None
        day = self.rng.randint(1, 28)
        month = self.rng.randint(1, 12)
        year = self.rng.choice([2014, 2022, 2024, 2025, 2025, 2025])
        if roll < 0.25:
            return f"{year}"
        if roll < 0.45:
            return f"{year}-{month:02d}"
        return f"{year}-{month:02d}-{day:02d}"

    def stakeholder_ref(self, share: float) -> str | None:
        if self.stakeholders and self.maybe(share):
            return self.rng.choice(self.stakeholders)
        return None

    def evidence(self, count: int, hedge: str | None = None) -> list[dict[str, Any]]:
        items = []
        for _ in range(count):
            seed = self.rng.choice(self.seeds)
            items.append(
                {
                    "source": seed.source_id,
                    "quote": seed.span(self.rng, 4, 24, 600),
                    "hedge": hedge or self.rng.choice(HEDGES),
                    "attributed_to": self.stakeholder_ref(0.3),
                }
            )
        return items

    def count(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    # Records, one table at a time.

    def stakeholder(self) -> dict[str, Any]:
        kind = self.rng.choice(STAKEHOLDER_KINDS)
        if kind == "person":
            name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"
        elif kind == "state":
            name = f"State of {self.rng.choice(PLACES)}"
        else:
            name = f"{self.rng.choice(PLACES)} {self.rng.choice(BODY_WORDS)}"
        record_id = self.new_id(name, "s")
        record = {
            "id": record_id,
            "name": name,
            "kind": kind,
            "country": self.rng.choice(COUNTRIES) if self.maybe(0.8) else None,
            "role": self.text(6, 20) if self.maybe(0.9) else None,
            "affiliation": self.stakeholder_ref(0.25),
            "notes": self.text() if self.maybe(0.15) else None,
            "evidence": self.evidence(self.rng.choice([0, 1, 1, 1, 2, 2])),
        }
        self.stakeholders.append(record_id)
        return record

    def document(self) -> dict[str, Any]:
        title = self.short()
        record_id = self.new_id(title[:30], "d")
        record = {
            "id": record_id,
            "title": title,
            "kind": self.rng.choice(DOCUMENT_KINDS),
            "date": self.date(),
            # No count and no lineage: the lineage layer's completeness rules (points
            # 1..point_count, every point linked onwards) would need curated links.
            "point_count": None,
            "supersedes": None,
            "derived_from": None,
            "summary": self.text(30, 80),
            "notes": self.text() if self.maybe(0.5) else None,
            "evidence": self.evidence(self.count(2, 6)),
        }
        self.documents.append(record_id)
        return record

    def term(self, number: int, hedge: str | None) -> dict[str, Any]:
        label = self.short(2, 5)
        return {
            "id": f"{slugify(label)[:40].strip('-') or 'term'}-{number}",
            "label": label,
            "relation": self.rng.choice(RELATIONS),
            "value": self.rng.choice([self.rng.randint(1, 100), self.rng.randint(1000, 900000)]),
            "unit": self.rng.choice(UNITS),
            "evidence": self.evidence(self.count(1, 2), hedge),
        }

    def provision(self, document: str | None, point: int | None) -> dict[str, Any]:
        title = self.short()
        record_id = self.new_id(title[:40], "p")
        if document is not None:
            status, hedge = "published", None
        elif self.maybe(SPECULATIVE_SHARE / (1 - PUBLISHED_SHARE)):
            status, hedge = "speculative", "speculative"
        else:
            status, hedge = "reported", None
        reconciliation = None
        if status != "published" and self.maybe(0.6):
            points = (
                self.rng.sample(self.points, k=min(len(self.points), self.count(0, 2)))
                if self.points
                else []
            )
            reconciliation = {
                "points": points,
                "verdict": self.rng.choice(VERDICTS) if points else "not_in_published_text",
                "reason": self.short(8, 20),
            }
        record = {
            "id": record_id,
            "title": title,
            "summary": self.text(15, 60),
            "pillar": self.rng.choice(PILLARS) if self.maybe(0.4) else None,
            "topics": self.rng.sample(TOPICS, k=self.count(1, 3)),
            "obligated_party": self.stakeholder_ref(0.5),
            "status": status,
            "document": document,
            "point_number": point,
            "terms": [
                self.term(n, hedge) for n in range(1, self.rng.choice([0, 0, 0, 1, 1, 2]) + 1)
            ],
            "reconciliation": reconciliation,
            # The seeds are one unattributed class: a published point says why it is weak.
            "sourcing_note": self.text() if status == "published" else None,
            "notes": self.text() if self.maybe(0.4) else None,
            "evidence": self.evidence(self.count(1, 5), hedge),
        }
        self.provisions.append(record_id)
        if status == "published":
            self.points.append(record_id)
        return record

    def position(self) -> dict[str, Any]:
        stakeholder = self.rng.choice(self.stakeholders)
        target = self.rng.choice(self.provisions) if self.maybe(0.3) else "plan"
        record_id = self.new_id(f"{stakeholder.rsplit('-', 1)[0]} {target}"[:45], "q")
        record = {
            "id": record_id,
            "stakeholder": stakeholder,
            "target": target,
            "stance": self.rng.choice(STANCES),
            "summary": self.text(10, 40),
            # Undated on a point, so that no position predates its version (E002); a
            # note on each explains same-day stances (E003).
            "date": self.date() if target == "plan" else None,
            "notes": self.text(),
            "evidence": self.evidence(self.count(1, 3)),
        }
        self.positions.append(record_id)
        return record

    def event(self) -> dict[str, Any]:
        title = self.short()
        record_id = self.new_id(title[:40], "e")
        participants = self.rng.sample(
            self.stakeholders, k=min(len(self.stakeholders), self.count(0, 4))
        )
        date = self.date()
        record = {
            "id": record_id,
            "date": date,
            "date_earliest": None if date else "2025-01-01",
            "date_latest": None if date else "2025-12-31",
            "title": title,
            "summary": self.text(20, 70),
            "participants": participants,
            "location": self.rng.choice(PLACES) if self.maybe(0.6) else None,
            "notes": self.text() if self.maybe(0.4) else None,
            "evidence": self.evidence(self.count(1, 5)),
        }
        self.events.append(record_id)
        return record

    def discrepancy(self) -> dict[str, Any]:
        title = self.short()
        record_id = self.new_id(title[:40], "x")
        table = self.rng.choices(
            ["provisions", "events", "stakeholders", "positions", "documents"],
            weights=[15, 5, 3, 1, 1],
        )[0]
        pool = getattr(self, table) or self.provisions
        about_table = table if getattr(self, table) else "provisions"
        return {
            "id": record_id,
            "title": title,
            "summary": self.text(20, 70),
            "about": {"table": about_table, "id": self.rng.choice(pool)},
            "variants": [
                {"value": self.text(5, 20), "evidence": self.evidence(self.count(1, 3))}
                for _ in range(self.rng.choice([2, 2, 2, 3]))
            ],
            "notes": self.text() if self.maybe(0.3) else None,
        }


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
    if records < len(source_files) + len(PROPORTIONS) + 1:
        raise SystemExit(f"--records must be at least {len(source_files) + len(PROPORTIONS) + 1}")
    out.mkdir(parents=True, exist_ok=True)
    shutil.copytree(project / "seeds", out / "seeds")
    shutil.copytree(project / "schema", out / "schema")
    for table in MODELS:
        (out / "data" / table).mkdir(parents=True)
    seeds = []
    for path in source_files:
        (out / "data" / "sources" / path.name).write_bytes(path.read_bytes())
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = (project / record["path"]).read_text(encoding="utf-8")
        seeds.append(SeedText(record["id"], text))

    counts = plan_counts(records - len(source_files))
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
