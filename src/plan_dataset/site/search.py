"""The prebuilt search index: lunr (Python) builds it, lunr.js reads it in the browser."""

from __future__ import annotations

import html
import json
import re
from typing import Any

from lunr import lunr

from plan_dataset.site.labels import label
from plan_dataset.site.matrix import point_name
from plan_dataset.site.views import source_page

TYPE_CHECKING = False
if TYPE_CHECKING:
    from plan_dataset.site.page_set import PageSet

SNIPPET_CHARACTERS = 220


def _snippet(text: str) -> str:
    """The start of a result's text, cut at a word."""
    text = " ".join(text.split())
    if len(text) <= SNIPPET_CHARACTERS:
        return text
    return text[:SNIPPET_CHARACTERS].rsplit(" ", 1)[0] + " …"


def search_script(documents: list[dict[str, str]]) -> bytes:
    """A script defining the serialized index and the documents it finds.

    A script, not a JSON file, so that search works from file:// without fetch().
    lunr's default pipeline stems English words (Porter), at indexing and at search, so
    "territory" and "territorial" find the same records.
    """
    index = lunr(
        ref="ref",
        fields=[{"field_name": "title", "boost": 5}, "body"],
        documents=documents,
    )
    shown: dict[str, Any] = {
        d["ref"]: {
            "title": d["title"],
            "url": d["url"],
            "kind": d["kind"],
            "version": d.get("version", ""),
            "snippet": _snippet(d.get("snippet", "")),
        }
        for d in documents
    }
    text = (
        "window.PLAN_SEARCH_INDEX = "
        + json.dumps(index.serialize(), sort_keys=True, separators=(",", ":"))
        + ";\nwindow.PLAN_SEARCH_DOCS = "
        + json.dumps(shown, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        + ";\n"
    )
    return text.encode("utf-8")


def search_page(pages: PageSet) -> None:
    """The search page and its prebuilt index: every record by name, kind, version and snippet."""
    names = {s.id: s.name for s in pages.dataset.stakeholders}
    documents_by_id = {d.id: d for d in pages.dataset.documents}
    prose = pages.environment.filters["prose"]

    def plain(text: str | None) -> str:
        # The text as a reader sees it: ids inside it become names.
        return re.sub(r"<[^>]+>", "", html.unescape(str(prose(text, "")))) if text else ""

    def version_of(document: str | None) -> str:
        return documents_by_id[document].title if document else ""

    entries: list[dict[str, str]] = []
    for p in pages.dataset.provisions:
        entries.append(
            {
                "ref": f"provisions/{p.id}",
                "title": point_name(p),
                "body": " ".join([plain(p.summary), *(t.label for t in p.terms), plain(p.notes)]),
                "snippet": plain(p.summary),
                "url": f"provisions/{p.id}.html",
                "kind": "point" if p.status == "published" else "early report",
                "version": version_of(p.document)
                or ("" if p.status == "published" else "the 28-point draft, as reported"),
            }
        )
    for q in pages.dataset.positions:
        target = (
            "the plan"
            if q.target == "plan"
            else documents_by_id[q.target].title
            if q.target in documents_by_id
            else point_name(pages.points[q.target])
        )
        point = pages.points.get(q.target)
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
    for s in pages.dataset.stakeholders:
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
    for s in pages.dataset.sources:
        entries.append(
            {
                "ref": f"sources/{s.id}",
                "title": s.title,
                "body": " ".join(filter(None, [s.publisher, plain(s.notes), plain(s.caveats)])),
                "snippet": ", ".join(
                    filter(None, [s.publisher, s.published, label("Reliability", s.reliability)])
                ),
                "url": source_page(s),
                "kind": "source",
                "version": "",
            }
        )
    pages.files["search-index.js"] = search_script(entries)
    pages.page("search.html", "search.html", "Search")


# What discrepancies are about, in the order a reader meets them; each a group of the page.
