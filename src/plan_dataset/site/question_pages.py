"""The question pages: where each of the plan's questions stands, and how it got there.

One page per question (its status history, the points of every version that deal with it,
the positions taken on it by side, the events that changed it, its discrepancies), an
index, and the rows the home page opens with. Kept apart from ``pages`` so that module
stays small; it reuses ``pages``' side grouping and point names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from plan_dataset.queries.story import event_sort_key
from plan_dataset.site.matrix import point_name, short_version_name, sides
from plan_dataset.site.views import when

if TYPE_CHECKING:
    from plan_dataset.site.page_set import PageSet


def standing_rows(pages: PageSet) -> list[dict[str, Any]]:
    """One row per question, by title: its current status, since when, the date of its
    latest evidence (status or position) and the current status's corroboration."""
    statuses = {s.id: s for s in pages.dataset.question_statuses}
    rows = []
    for row in pages.dataset.where_questions_stand():
        current = statuses.get(row["status_id"]) if row["status_id"] else None
        rows.append(
            {
                **row,
                "corroboration": pages.views.corroboration(current) if current else None,
            }
        )
    return sorted(rows, key=lambda r: r["title"].lower())


def _points(pages: PageSet, question: Any) -> list[dict[str, Any]]:
    """The question's points, version by version in date order; early reports first."""
    documents = pages.documents
    rows = []
    for provision_id in question.provisions:
        point = pages.points[provision_id]
        document = documents.get(point.document) if point.document else None
        rows.append(
            {
                "id": point.id,
                "name": point_name(point),
                "document": document,
                "version": short_version_name(document) if document else "",
                "order": (
                    document.date or "" if document else "",
                    document.id if document else "",
                    point.point_number or 0,
                    point.id,
                ),
            }
        )
    return sorted(rows, key=lambda r: r["order"])


def _history(pages: PageSet, question: Any) -> list[dict[str, Any]]:
    events = {e.id: e for e in pages.dataset.events}
    return [
        {
            "record": status,
            "event": events[status.event] if status.event else None,
            "event_when": when(events[status.event]) if status.event else "",
            "corroboration": pages.views.corroboration(status),
            "evidence": pages.views.evidence("question_statuses", status.id),
        }
        for status in pages.dataset.question_history(question)
    ]


def _positions_by_side(pages: PageSet, question: Any) -> list[dict[str, Any]]:
    positions = pages.dataset.positions_about(question)
    groups = []
    for side, members in sides({p.stakeholder for p in positions}, pages.stakeholders_by_id):
        order = {stakeholder: n for n, stakeholder in enumerate(members)}
        chosen = [p for p in positions if p.stakeholder in order]
        # Within a side, each stakeholder's positions together, strongest first.
        chosen.sort(key=lambda p: order[p.stakeholder])
        groups.append({"side": side, "positions": chosen})
    return groups


def _events(history: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events that changed the question, in time order, each with what it changed it to."""
    changed: dict[str, dict[str, Any]] = {}
    for item in history:
        event = item["event"]
        if event is None:
            continue
        entry = changed.setdefault(
            event.id, {"record": event, "when": item["event_when"], "statuses": []}
        )
        entry["statuses"].append(item["record"])
    return sorted(changed.values(), key=lambda e: event_sort_key(e["record"]))


def _discrepancies(pages: PageSet, question: Any, history: list[dict[str, Any]]) -> list[Any]:
    about = {("questions", question.id)}
    about |= {("question_statuses", item["record"].id) for item in history}
    return [d for d in pages.dataset.discrepancies if (d.about.table, d.about.id) in about]


def question_pages(pages: PageSet) -> None:
    """questions/index.html and questions/<id>.html for every question."""
    rows = standing_rows(pages)
    pages.page("questions/index.html", "questions_index.html", "Questions", rows=rows)
    current = {row["question"]: row for row in rows}
    for question in pages.dataset.questions:
        history = _history(pages, question)
        pages.page(
            f"questions/{question.id}.html",
            "question.html",
            question.title,
            q=question,
            now=current[question.id],
            history=history,
            points=_points(pages, question),
            sides=_positions_by_side(pages, question),
            events=_events(history),
            discrepancies=_discrepancies(pages, question, history),
        )
