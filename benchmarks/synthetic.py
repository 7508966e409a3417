"""What the synthetic corpus is made of: vocabularies, archived-text quotes and records.

``Generator`` draws every record of ``generate.py``'s corpus from one
``random.Random(seed)``; the order of its draws decides the bytes of the corpus,
so any change here changes every corpus (and the cache key).
"""

from __future__ import annotations

import random
import typing
import unicodedata
from typing import Any

from plan_dataset.models import Pillar, Topic

FORMULA_START = ("-", "=", "+", "@")
PUBLISHED_SHARE = 28 / 44  # provisions that are numbered points of a document
SPECULATIVE_SHARE = 3 / 44

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

    def date(self, years: tuple[int, ...] = (2014, 2022, 2024, 2025, 2025, 2025)) -> str | None:
        roll = self.rng.random()
        if roll < 0.15:
            return None
        day = self.rng.randint(1, 28)
        month = self.rng.randint(1, 12)
        year = self.rng.choice(years)
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
        country = self.rng.choice(COUNTRIES) if self.maybe(0.8) else None
        if country is None and kind in ("person", "state"):
            # A001: a person or a state has a country. Chosen without the generator, so
            # the rest of the corpus stays as it was.
            country = COUNTRIES[len(name) % len(COUNTRIES)]
        record = {
            "id": record_id,
            "name": name,
            "kind": kind,
            "country": country,
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
            # Undated on a point, and on the plan dated after every version (documents
            # are dated up to 2025), so that no position predates its version (E002); a
            # note on each explains same-day stances (E003).
            "date": self.date(years=(2026,)) if target == "plan" else None,
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
