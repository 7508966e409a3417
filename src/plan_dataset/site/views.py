"""What each page shows, computed from a loaded dataset: plain values for the templates."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any
from urllib.parse import urlsplit

from plan_dataset.evidence.corroboration import Corroboration
from plan_dataset.queries.story import event_sort_key
from plan_dataset.records.dates import first_day, last_day
from plan_dataset.records.figures import format_term
from plan_dataset.site.labels import label

# How much of an archived text to show around a quote: up to two sentences each side.
CONTEXT_CHARACTERS = 360
_SENTENCE_END = re.compile("[.!?][\"'\u201d\u2019)]?\\s")


def quote_context(text: str, start: int, end: int) -> dict[str, str]:
    """The quote and a few sentences before and after it, from the archived text."""
    before = text[max(0, start - CONTEXT_CHARACTERS) : start]
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    before = before[ends[-3] :] if len(ends) >= 3 else before
    after = text[end : end + CONTEXT_CHARACTERS]
    stops = [m.end() for m in _SENTENCE_END.finditer(after)]
    after = after[: stops[1]] if len(stops) >= 2 else after
    return {"before": before, "quote": text[start:end], "after": after}


class Views:
    """Lookups the pages share, built once per site."""

    def __init__(self, dataset: Any, texts: dict[str, str]) -> None:
        self.dataset = dataset
        self.texts = texts
        self.sources = {s.id: s for s in dataset.sources}
        self.documents = {d.id: d for d in dataset.documents}
        self.evidence_rows: dict[tuple[str, str, str | None], list[dict[str, Any]]] = defaultdict(
            list
        )
        for row in dataset.rows("attributions"):
            key = (row["record_table"], row["record_id"], row["part"])
            self.evidence_rows[key].append(row)
        self.cited_by: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for (table, record_id, _part), rows in sorted(
            self.evidence_rows.items(), key=lambda item: (item[0][0], item[0][1], item[0][2] or "")
        ):
            for row in rows:
                entry = (table, record_id)
                if entry not in self.cited_by[row["source_id"]]:
                    self.cited_by[row["source_id"]].append(entry)

    def evidence(self, table: str, record_id: str, part: str | None = None) -> list[dict[str, Any]]:
        items = []
        for row in self.evidence_rows.get((table, record_id, part), []):
            item = dict(row, source=self.sources[row["source_id"]], context=None)
            text = self.texts.get(row["source_id"])
            if row["kind"] == "quote" and text is not None and row["start"] is not None:
                item["context"] = quote_context(text, row["start"], row["end"])
            items.append(item)
        return items

    def corroboration(self, record: Any, part: str | None = None) -> Corroboration | None:
        """A record's or part's corroboration; None for a record without evidence of its own."""
        result: Corroboration = self.dataset.corroboration(record)
        if part is not None:
            return result.parts.get(part)
        return result if getattr(record, "evidence", None) else None

    def discrepancies_about(self, table: str, record_id: str) -> list[Any]:
        return [
            d
            for d in self.dataset.discrepancies
            if (d.about.table, d.about.id) == (table, record_id)
        ]

    def lineage(self, point_id: str) -> list[dict[str, Any]]:
        return [
            {**link.to_dict(), "figures": self.figures(link.earlier, link.later)}
            for link in self.dataset.lineage(point_id)
        ]

    def figures(self, earlier_id: str | None, later_id: str | None) -> str:
        """The figures that changed between two points, by their labels, as a reader reads them.

        The same comparison as ``queries.changed_figures``, which names terms by id for
        machines; a reader gets the term's label, and each figure as ``format_term`` writes it.
        """
        by_id = {p.id: p for p in self.dataset.provisions}
        earlier = by_id.get(earlier_id) if earlier_id else None
        later = by_id.get(later_id) if later_id else None
        if earlier is None or later is None:
            return ""
        before = {t.id: t for t in earlier.terms}
        after = {t.id: t for t in later.terms}
        changes = []
        for term_id in sorted(set(before) | set(after)):
            old, new = before.get(term_id), after.get(term_id)
            if old and new and old.value == new.value and old.relation == new.relation:
                continue
            what = (new or old).label  # type: ignore[union-attr]
            changes.append(f"{what}: {_figure(old)} → {_figure(new)}")
        return "; ".join(changes)

    def name_of(self, table: str, record_id: str) -> str:
        """A record's name or title, as a link to it reads."""
        if table == "point_links":
            link = next(k for k in self.dataset.point_links if k.id == record_id)
            return f"{self.documents[link.earlier_document].title} → {self.documents[link.later_document].title}"
        if table == "positions":
            position = self.dataset.get(table, record_id)
            who = self.dataset.get("stakeholders", position.stakeholder)
            return f"{who.name}, {position.date or 'undated'}"
        if table == "question_statuses":
            status = self.dataset.get(table, record_id)
            question = self.dataset.question(status.question)
            return f"{question.title}: {label('QuestionStanding', status.status)}, {status.date}"
        record = self.dataset.get(table, record_id)
        for field in ("name", "title"):
            if getattr(record, field, None):
                return str(getattr(record, field))
        return record_id


def _figure(term: Any) -> str:
    return "none" if term is None else format_term(term)


def record_url(table: str, record_id: str, views: Views) -> str:
    """Where a record is shown on the site, relative to the site root."""
    if table == "provisions":
        return f"provisions/{record_id}.html"
    if table == "documents":
        return f"versions/{record_id}.html"
    if table == "stakeholders":
        return f"stakeholders/{record_id}.html"
    if table == "positions":
        position = views.dataset.get(table, record_id)
        return f"stakeholders/{position.stakeholder}.html#{record_id}"
    if table == "events":
        return f"timeline.html#{record_id}"
    if table == "sources":
        return source_page(views.sources[record_id])
    if table == "discrepancies":
        return f"discrepancies.html#{record_id}"
    if table == "point_links":
        link = views.dataset.get(table, record_id)
        return f"compare/{link.earlier_document}--{link.later_document}.html"
    if table == "questions":
        return f"questions/{record_id}.html"
    if table == "question_statuses":
        status = views.dataset.get(table, record_id)
        return f"questions/{status.question}.html#{record_id}"
    if table == "outlets":
        return "sources/index.html"
    return "index.html"


def outlet_of(source: Any) -> tuple[str, str]:
    """(key, name) of the outlet a source comes from: its web host, else its publisher.

    The host groups a site's pages even where the publisher was left null (the page did
    not show one); the name is the publisher where any page of that host gives one.
    """
    if source.url:
        host = (urlsplit(source.url).hostname or "").removeprefix("www.")
        return host, source.publisher or host
    if source.publisher:
        return source.publisher.lower(), source.publisher
    return "", "Archived texts with no named publisher"


# A class's sources are listed on two pages, by their outlet's key, so that no page of the
# site grows past what a phone loads comfortably.
HALVES = ("a-m", "n-z")


def half_of(source: Any) -> str:
    """Which of its class's two pages a source is on."""
    return HALVES[0] if outlet_of(source)[0][:1] <= "m" else HALVES[1]


def class_page(reliability: str, half: str) -> str:
    """One of the two pages listing a source class, relative to the site root."""
    return f"sources/{reliability.replace('_', '-')}-{half}.html"


def source_page(source: Any) -> str:
    """A source's place on the site: its class's page, at its own anchor."""
    return f"{class_page(source.reliability, half_of(source))}#{source.id}"


def when(event: Any) -> str:
    """An event's date as a reader sees it: the date, or its range."""
    if event.date:
        return str(event.date)
    return f"{event.date_earliest} to {event.date_latest or 'open end'}"


def span_of(event: Any) -> tuple[str, str]:
    """First and last day an event may cover."""
    if event.date:
        return first_day(event.date), last_day(event.date)
    return event.date_earliest, event.date_latest or event.date_earliest


def sorted_events(dataset: Any) -> list[Any]:
    return sorted(dataset.events, key=event_sort_key)
