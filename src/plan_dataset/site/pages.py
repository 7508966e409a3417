"""Every page of the site, rendered with Jinja2 templates from view values."""

from __future__ import annotations

import html
import re
from collections import defaultdict
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from plan_dataset.corroboration import RELIABILITY_ORDER, Corroboration
from plan_dataset.figures import format_term
from plan_dataset.records import Document, Provision
from plan_dataset.site.labels import RECORD_KINDS, TABLE_TITLES, country_name, label, meaning
from plan_dataset.site.prose import Prose
from plan_dataset.site.search import search_script
from plan_dataset.site.timeline import timeline_months
from plan_dataset.site.views import (
    HALVES,
    Views,
    class_page,
    half_of,
    outlet_of,
    record_url,
    sorted_events,
    source_page,
    span_of,
    when,
)

# The chart covers the plan's story; older background events are listed, not drawn.
TIMELINE_START = "2025-08-01"


def _environment(dataset: Any) -> Environment:
    environment = Environment(
        loader=PackageLoader("plan_dataset.site", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    sources = {s.id: s for s in dataset.sources}
    environment.globals.update(
        documents={d.id: d for d in dataset.documents},
        stakeholders={s.id: s for s in dataset.stakeholders},
        provisions={p.id: p for p in dataset.provisions},
        sources=sources,
        outlets={o.id: o for o in dataset.outlets},
        version=dataset.version,
        label=label,
        meaning=meaning,
        point_name=point_name,
        source_url=lambda source_id: source_page(sources[source_id]),
        country_name=country_name,
        table_titles=TABLE_TITLES,
        short_version_name=short_version_name,
    )
    # Figures with their units and relation in words: 'at most 600,000 personnel'.
    environment.filters["figure"] = format_term
    return environment


def _prose(dataset: Any, views: Views) -> Prose:
    """Every record with a hyphenated id, by name and address, for ids inside prose."""
    names: dict[str, tuple[str, str]] = {}
    for table in RECORD_KINDS:
        for record in getattr(dataset, table):
            if "-" in record.id:
                names[record.id] = (
                    views.name_of(table, record.id),
                    record_url(table, record.id, views),
                )
    return Prose(names)


def point_name(point: Any) -> str:
    """How a point reads in a link: its number in its version, then its title."""
    if point.point_number:
        return f"Point {point.point_number}: {point.title}"
    return str(point.title)


class _Pages:
    def __init__(self, dataset: Any, texts: dict[str, str]) -> None:
        self.dataset = dataset
        self.views = Views(dataset, texts)
        self.environment = _environment(dataset)
        self.environment.filters["prose"] = _prose(dataset, self.views).render
        self.files: dict[str, bytes] = {}
        # The same look-ups the templates get, typed for the page builders.
        self.documents: dict[str, Any] = {d.id: d for d in dataset.documents}
        self.points: dict[str, Any] = {p.id: p for p in dataset.provisions}
        self.stakeholders_by_id: dict[str, Any] = {s.id: s for s in dataset.stakeholders}

    def page(self, path: str, template: str, title: str, **values: Any) -> None:
        root = "../" * path.count("/")
        html = self.environment.get_template(template).render(title=title, root=root, **values)
        self.files[path] = html.encode("utf-8")

    def comparisons(self) -> list[dict[str, str]]:
        pairs = sorted(
            {(link.earlier_document, link.later_document) for link in self.dataset.point_links}
        )
        documents = self.views.documents
        return [
            {
                "earlier": a,
                "later": b,
                "slug": f"{a}--{b}",
                "earlier_title": documents[a].title,
                "later_title": documents[b].title,
            }
            for a, b in pairs
        ]

    def home(self) -> None:
        from plan_dataset.site.question_pages import standing_rows  # it imports this module

        published = [p for p in self.dataset.provisions if p.status == "published"]
        versions = [
            {**d.to_dict(), "curated": sum(1 for p in published if p.document == d.id)}
            for d in sorted(self.dataset.documents, key=lambda d: (d.date or "", d.id))
        ]
        weak = sum(1 for p in published if _weakly_sourced(self.views.corroboration(p)))
        self.page(
            "index.html",
            "index.html",
            "Home",
            versions=versions,
            comparisons=self.comparisons(),
            counts=self.dataset.counts(),
            weak_points=weak,
            tables=_table_names(),
            standing=standing_rows(self),
        )

    def versions(self) -> None:
        documents = sorted(self.dataset.documents, key=lambda d: (d.date or "", d.id))
        self.page("versions/index.html", "versions_index.html", "Versions", versions=documents)
        for doc in documents:
            points = sorted(
                (
                    p
                    for p in self.dataset.provisions
                    if p.document == doc.id and p.status == "published"
                ),
                key=lambda p: p.point_number,
            )
            self.page(
                f"versions/{doc.id}.html",
                "version.html",
                doc.title,
                doc=doc,
                corroboration=self.views.corroboration(doc),
                points=[
                    {**p.to_dict(), "corroboration": self.views.corroboration(p)} for p in points
                ],
                reported=[
                    p
                    for p in self.dataset.provisions
                    if p.document == doc.id and p.status != "published"
                ],
                comparisons=[c for c in self.comparisons() if doc.id in (c["earlier"], c["later"])],
                positions=self.dataset.positions_on(doc.id),
                discrepancies=self.views.discrepancies_about("documents", doc.id),
                evidence=self.views.evidence("documents", doc.id),
            )

    def provisions(self) -> None:
        for p in self.dataset.provisions:
            terms = [
                {
                    "term": term,
                    "corroboration": self.views.corroboration(p, f"terms/{term.id}"),
                    "evidence": self.views.evidence("provisions", p.id, f"terms/{term.id}"),
                }
                for term in p.terms
            ]
            reconciled_by = [
                r
                for r in self.dataset.provisions
                if r.reconciliation and p.id in r.reconciliation.points
            ]
            self.page(
                f"provisions/{p.id}.html",
                "provision.html",
                p.title,
                p=p,
                corroboration=self.views.corroboration(p),
                terms=terms,
                reconciled_by=reconciled_by,
                lineage=self.views.lineage(p.id),
                positions=self.dataset.positions_on(p.id),
                discrepancies=self.views.discrepancies_about("provisions", p.id),
                evidence=self.views.evidence("provisions", p.id),
            )

    def compare(self) -> None:
        documents = self.documents
        for c in self.comparisons():
            self.page(
                f"compare/{c['slug']}.html",
                "compare.html",
                f"{c['earlier_title']} and {c['later_title']}",
                earlier=documents[c["earlier"]],
                later=documents[c["later"]],
                rows=[
                    {**row, "figures": self.views.figures(row["earlier"], row["later"])}
                    for row in self.dataset.compare(c["earlier"], c["later"])
                ],
            )

    def stakeholders(self) -> None:
        events_by: dict[str, list[Any]] = defaultdict(list)
        for event in sorted_events(self.dataset):
            for participant in event.participants:
                events_by[participant].append(
                    {"id": event.id, "title": event.title, "when": when(event)}
                )
        positions_by: dict[str, list[Any]] = defaultdict(list)
        for position in self.dataset.positions:
            positions_by[position.stakeholder].append(position)
        rows = []
        for s in sorted(self.dataset.stakeholders, key=lambda s: s.name.lower()):
            trajectory = self.dataset.trajectory(s.id)
            rows.append(
                {
                    "id": s.id,
                    "name": s.name,
                    "kind": s.kind,
                    "positions": len(trajectory),
                    "events": len(events_by[s.id]),
                }
            )
            self.page(
                f"stakeholders/{s.id}.html",
                "stakeholder.html",
                s.name,
                s=s,
                positions=[
                    {
                        "record": p,
                        "when": self.dataset.when(p),
                        "corroboration": self.views.corroboration(p),
                        "evidence": self.views.evidence("positions", p.id),
                    }
                    for p in trajectory
                ],
                events=events_by[s.id],
            )
        self.page("stakeholders/index.html", "stakeholders_index.html", "Stakeholders", rows=rows)

    def matrix(self) -> None:
        cells = self.dataset.stance_matrix()
        documents = self.documents
        points = self.points
        stakeholders = self.stakeholders_by_id
        views = []
        for view in matrix_views(self.dataset, {t for _s, t in cells}):
            targets = sorted(view["targets"], key=lambda t: _target_order(t, documents, points))
            ids = {s for s, t in cells if t in view["targets"]}
            groups = []
            for side, members in sides(ids, stakeholders):
                rows = [
                    {
                        "id": s,
                        "name": stakeholders[s].name,
                        "cells": [cells.get((s, t)) for t in targets],
                    }
                    for s in members
                ]
                groups.append({"side": side, "rows": rows})
            views.append(
                {
                    **view,
                    "targets": [
                        {
                            "id": t,
                            "short": _target_short(t, documents, points),
                            "label": _target_label(t, documents, points),
                        }
                        for t in targets
                    ],
                    "groups": groups,
                    "count": sum(1 for s, t in cells if t in view["targets"]),
                }
            )
        self.page("matrix.html", "matrix.html", "Stance matrix", views=views)

    def timeline(self) -> None:
        events = sorted_events(self.dataset)
        positions = sorted(
            (p for p in self.dataset.positions if p.date), key=lambda p: (p.date, p.id)
        )
        months, items = timeline_months(events, positions, TIMELINE_START)
        stakeholders = self.stakeholders_by_id
        actors = sorted(
            {actor for item in items for actor in item.actors},
            key=lambda s: stakeholders[s].name.lower(),
        )
        self.page(
            "timeline.html",
            "timeline.html",
            "Timeline",
            start=TIMELINE_START,
            months=months,
            actors=actors,
            background=[
                {"record": e, "when": when(e)} for e in events if span_of(e)[1] < TIMELINE_START
            ],
            events=[{"record": e, "when": when(e)} for e in events],
        )

    def sources(self) -> None:
        classes: list[dict[str, Any]] = []
        for reliability in RELIABILITY_ORDER:
            members = [s for s in self.dataset.sources if s.reliability == reliability]
            if not members:
                continue
            by_outlet: dict[str, list[Any]] = defaultdict(list)
            names: dict[str, str] = {}
            for source in members:
                key, name = outlet_of(source)
                by_outlet[key].append(source)
                if key not in names or (name != key and names[key] == key):
                    names[key] = name
            outlets: list[dict[str, Any]] = []
            for number, (key, sources) in enumerate(
                sorted(by_outlet.items(), key=lambda item: (-len(item[1]), names[item[0]].lower())),
                start=1,
            ):
                entries = []
                for source in sorted(sources, key=lambda s: (s.published or "", s.title)):
                    cited = [
                        {
                            "kind": RECORD_KINDS[table],
                            "name": self.views.name_of(table, record_id),
                            "url": record_url(table, record_id, self.views),
                        }
                        for table, record_id in self.views.cited_by.get(source.id, [])
                    ]
                    entries.append({"record": source, "cited_by": cited})
                page = class_page(reliability, half_of(sources[0]))
                outlets.append(
                    {
                        "anchor": f"outlet-{number}",
                        "name": names[key],
                        "entries": entries,
                        "page": page,
                    }
                )
            classes.append(_source_class(reliability, len(members), outlets))
        self.page("sources/index.html", "sources_index.html", "Sources", classes=classes)
        for group in classes:
            for part in group["parts"]:
                self.page(
                    part["page"],
                    "sources.html",
                    f"Sources: {label('Reliability', group['reliability'])}, {part['title']}",
                    group=group,
                    part=part,
                )

    def discrepancies(self) -> None:
        items = []
        for d in self.dataset.discrepancies:
            variants = [
                {
                    "value": v.value,
                    "evidence": self.views.evidence("discrepancies", d.id, f"variants/{n}"),
                }
                for n, v in enumerate(d.variants, start=1)
            ]
            items.append(
                {
                    "record": d,
                    "variants": variants,
                    "about_url": record_url(d.about.table, d.about.id, self.views),
                    "about_kind": RECORD_KINDS[d.about.table],
                    "about_name": self.views.name_of(d.about.table, d.about.id),
                }
            )
        subjects = []
        for table, heading in DISCREPANCY_SUBJECTS:
            chosen = sorted(
                (i for i in items if i["record"].about.table == table),
                key=lambda i: (i["about_name"].lower(), i["record"].title.lower()),
            )
            if chosen:
                subjects.append({"id": f"about-{table}", "heading": heading, "entries": chosen})
        self.page("discrepancies.html", "discrepancies.html", "Discrepancies", subjects=subjects)

    def search(self) -> None:
        names = {s.id: s.name for s in self.dataset.stakeholders}
        documents_by_id = {d.id: d for d in self.dataset.documents}
        prose = self.environment.filters["prose"]

        def plain(text: str | None) -> str:
            # The text as a reader sees it: ids inside it become names.
            return re.sub(r"<[^>]+>", "", html.unescape(str(prose(text, "")))) if text else ""

        def version_of(document: str | None) -> str:
            return documents_by_id[document].title if document else ""

        entries: list[dict[str, str]] = []
        for p in self.dataset.provisions:
            entries.append(
                {
                    "ref": f"provisions/{p.id}",
                    "title": point_name(p),
                    "body": " ".join(
                        [plain(p.summary), *(t.label for t in p.terms), plain(p.notes)]
                    ),
                    "snippet": plain(p.summary),
                    "url": f"provisions/{p.id}.html",
                    "kind": "point" if p.status == "published" else "early report",
                    "version": version_of(p.document)
                    or ("" if p.status == "published" else "the 28-point draft, as reported"),
                }
            )
        for q in self.dataset.positions:
            target = (
                "the plan"
                if q.target == "plan"
                else documents_by_id[q.target].title
                if q.target in documents_by_id
                else point_name(self.points[q.target])
            )
            point = self.points.get(q.target)
            entries.append(
                {
                    "ref": f"positions/{q.id}",
                    "title": f"{names[q.stakeholder]}: {label('Stance', q.stance)}",
                    "body": f"{target} {plain(q.summary)}",
                    "snippet": f"On {target}, {q.date or 'undated'}. {plain(q.summary)}",
                    "url": f"stakeholders/{q.stakeholder}.html#{q.id}",
                    "kind": "position",
                    "version": version_of(point.document)
                    if point
                    else version_of(q.target)
                    if q.target in documents_by_id
                    else "",
                }
            )
        for s in self.dataset.stakeholders:
            entries.append(
                {
                    "ref": f"stakeholders/{s.id}",
                    "title": s.name,
                    "body": plain(s.role),
                    "snippet": plain(s.role),
                    "url": f"stakeholders/{s.id}.html",
                    "kind": "stakeholder",
                    "version": "",
                }
            )
        for s in self.dataset.sources:
            entries.append(
                {
                    "ref": f"sources/{s.id}",
                    "title": s.title,
                    "body": " ".join(filter(None, [s.publisher, plain(s.notes), plain(s.caveats)])),
                    "snippet": ", ".join(
                        filter(
                            None, [s.publisher, s.published, label("Reliability", s.reliability)]
                        )
                    ),
                    "url": source_page(s),
                    "kind": "source",
                    "version": "",
                }
            )
        self.files["search-index.js"] = search_script(entries)
        self.page("search.html", "search.html", "Search")


# What discrepancies are about, in the order a reader meets them; each a group of the page.
DISCREPANCY_SUBJECTS = (
    ("documents", "Versions of the plan"),
    ("provisions", "Points and early reports"),
    ("questions", "Questions"),
    ("question_statuses", "Where a question stood, and when"),
    ("events", "Events: dates, places, counts"),
    ("positions", "Positions: who said what, and when"),
    ("stakeholders", "Stakeholders"),
    ("point_links", "Steps between versions"),
    ("sources", "Sources"),
    ("discrepancies", "Other discrepancies"),
)


def _table_names() -> list[str]:
    from plan_dataset.table_columns import COLUMNS

    return list(COLUMNS)


def _target_order(
    target: str, documents: dict[str, Document], points: dict[str, Provision]
) -> tuple[int, str, int, str]:
    if target == "plan":
        return (0, "", 0, "")
    if target in documents:
        return (1, documents[target].date or "", 0, target)
    point = points[target]
    document = documents.get(point.document) if point.document else None
    return (2, document.date if document and document.date else "", point.point_number or 0, target)


def _weakly_sourced(corroboration: Corroboration | None) -> bool:
    return corroboration is not None and corroboration.weakly_sourced


def _target_label(target: str, documents: dict[str, Document], points: dict[str, Provision]) -> str:
    if target == "plan":
        return "The plan as a whole"
    if target in documents:
        return str(documents[target].title)
    return point_name(points[target])


def _target_short(target: str, documents: dict[str, Any], points: dict[str, Any]) -> str:
    """A column heading narrow enough for a phone; the full name is in the key below."""
    if target == "plan":
        return "The plan"
    if target in documents:
        return short_version_name(documents[target])
    point = points[target]
    return f"Point {point.point_number}" if point.point_number else str(point.title)


def short_version_name(document: Any) -> str:
    """'28-point draft': a version's size and kind, for narrow headings and labels."""
    kind = label("DocumentKind", document.kind)
    return f"{document.point_count}-point {kind}" if document.point_count else kind.capitalize()


# The sides a stakeholder's row is grouped under, in this order; a stakeholder takes the
# side of its own country, or of what it belongs to, following affiliations.
EUROPE = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CH",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GB",
        "GR",
        "HR",
        "HU",
        "IE",
        "IS",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "NO",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    ]
)
SIDES = ("Ukraine", "Russia", "United States", "Europe, the EU and NATO", "Other states")
UNPLACED = "Unnamed sources and groups"


def side_of(stakeholder_id: str, stakeholders: dict[str, Any]) -> str:
    seen: set[str] = set()
    current: str | None = stakeholder_id
    while current and current not in seen:
        seen.add(current)
        record = stakeholders[current]
        if record.country:
            if record.country == "UA":
                return SIDES[0]
            if record.country == "RU":
                return SIDES[1]
            if record.country == "US":
                return SIDES[2]
            return SIDES[3] if record.country in EUROPE else SIDES[4]
        if current in ("european-union", "nato") or record.name.startswith("European"):
            return SIDES[3]
        current = record.affiliation
    return UNPLACED


def sides(ids: set[str], stakeholders: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """Stakeholders by side, each side's states and bodies before its people, then by name."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for stakeholder_id in ids:
        grouped[side_of(stakeholder_id, stakeholders)].append(stakeholder_id)
    order = [*SIDES, UNPLACED]
    return [
        (
            side,
            sorted(
                grouped[side],
                key=lambda s: (stakeholders[s].kind == "person", stakeholders[s].name.lower()),
            ),
        )
        for side in order
        if grouped[side]
    ]


def matrix_views(dataset: Any, targets: set[str]) -> list[dict[str, Any]]:
    """The matrix's filters: the plan and its versions, then each version's points.

    Then one view per question: the points of every version that deal with it, and the
    targets of the positions tagged with it, so the matrix can be filtered by question.
    """
    documents = sorted(dataset.documents, key=lambda d: (d.date or "", d.id))
    points = {p.id: p for p in dataset.provisions}
    views = [
        {
            "id": "versions",
            "label": "The plan and its versions",
            "targets": {t for t in targets if t == "plan" or t in {d.id for d in documents}},
        }
    ]
    for document in documents:
        chosen = {t for t in targets if t in points and points[t].document == document.id}
        if chosen:
            views.append(
                {
                    "id": f"points-{document.id}",
                    "label": f"Points of the {short_version_name(document)}",
                    "targets": chosen,
                }
            )
    early = {t for t in targets if t in points and points[t].document is None}
    if early:
        views.append(
            {"id": "early-reports", "label": "Early reports of the draft", "targets": early}
        )
    for question in dataset.questions:
        tagged = {p.target for p in dataset.positions if question.id in p.questions}
        covered = (set(question.provisions) | tagged) & targets
        if covered:
            views.append(
                {
                    "id": f"question-{question.id}",
                    "label": f"Question: {question.title}",
                    "targets": covered,
                }
            )
    return views


def render_pages(dataset: Any, texts: dict[str, str]) -> dict[str, bytes]:
    from plan_dataset.site.question_pages import question_pages  # it imports this module

    pages = _Pages(dataset, texts)
    for step in (
        pages.home,
        pages.versions,
        pages.provisions,
        lambda: question_pages(pages),
        pages.compare,
        pages.stakeholders,
        pages.matrix,
        pages.timeline,
        pages.sources,
        pages.discrepancies,
        pages.search,
    ):
        step()
    return dict(sorted(pages.files.items()))


def _source_class(reliability: str, count: int, outlets: list[dict[str, Any]]) -> dict[str, Any]:
    """One source class for the sources pages: its outlets, on two pages by outlet key."""
    parts = []
    for half in HALVES:
        page = class_page(reliability, half)
        chosen = [outlet for outlet in outlets if outlet["page"] == page]
        if chosen:
            title = f"outlets {half.upper().replace('-', ' to ')}"
            parts.append({"page": page, "title": title, "outlets": chosen})
    return {
        "reliability": reliability,
        "page": parts[0]["page"],
        "count": count,
        "outlets": outlets,
        "parts": parts,
    }
