"""The sources pages: every cited document by reliability class and outlet, kept apart
from ``pages`` so that module stays small."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from plan_dataset.evidence.corroboration import RELIABILITY_ORDER
from plan_dataset.site.labels import RECORD_KINDS, label
from plan_dataset.site.views import HALVES, class_page, half_of, outlet_of, record_url

if TYPE_CHECKING:
    from plan_dataset.site.page_set import PageSet


def source_pages(pages: PageSet) -> None:
    """The sources pages: an index of classes and outlets, and each class on two pages."""
    classes: list[dict[str, Any]] = []
    for reliability in RELIABILITY_ORDER:
        members = [s for s in pages.dataset.sources if s.reliability == reliability]
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
                        "name": pages.views.name_of(table, record_id),
                        "url": record_url(table, record_id, pages.views),
                    }
                    for table, record_id in pages.views.cited_by.get(source.id, [])
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
    pages.page("sources/index.html", "sources_index.html", "Sources", classes=classes)
    for group in classes:
        for part in group["parts"]:
            pages.page(
                part["page"],
                "sources.html",
                f"Sources: {label('Reliability', group['reliability'])}, {part['title']}",
                group=group,
                part=part,
            )


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
