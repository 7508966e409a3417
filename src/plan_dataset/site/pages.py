"""Every page of the site, rendered with Jinja2 templates from view values."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from plan_dataset.records.figures import format_term
from plan_dataset.site.labels import RECORD_KINDS, TABLE_TITLES, country_name, label, meaning
from plan_dataset.site.matrix import (
    _target_label,
    _target_order,
    _target_short,
    _weakly_sourced,
    matrix_views,
    point_name,
    short_version_name,
    sides,
)
from plan_dataset.site.prose import Prose
from plan_dataset.site.question_pages import question_pages, standing_rows
from plan_dataset.site.search import search_page
from plan_dataset.site.source_pages import source_pages
from plan_dataset.site.timeline import timeline_months
from plan_dataset.site.views import (
    Views,
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
    from plan_dataset.flat.columns import COLUMNS

    return list(COLUMNS)


def render_pages(dataset: Any, texts: dict[str, str]) -> dict[str, bytes]:
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
        lambda: source_pages(pages),
        pages.discrepancies,
        lambda: search_page(pages),
    ):
        step()
    return dict(sorted(pages.files.items()))
