"""Layer 6: the lineage of points across versions of the plan.

A link's ends are points of the documents it names; a curated document's point
numbers run 1..point_count; derived_from and supersedes never loop; and every
point of a document with a curated successor is linked (or marked unclear).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from plan_dataset.models import Document, PointLink, Provision
from plan_dataset.validation.base import CheckedRecord, Code, Finding
from plan_dataset.validation.index import DatasetIndex
from plan_dataset.validation.layer import Layer

CODES = {
    "L001": Code(
        "lineage",
        "link end is not a point of the named document",
        "'point-06' is not a published point of european-counter-proposal",
    ),
    "L002": Code(
        "lineage",
        "point numbers do not run 1..point_count",
        "points of us-28-point-draft do not run 1..28: missing 7",
    ),
    "L003": Code(
        "lineage",
        "documents derive from each other in a loop",
        "derived_from loops: us-28-point-draft -> european-counter-proposal -> us-28-point-draft",
    ),
    "L004": Code(
        "lineage",
        "point not linked to a later version",
        "point-03 has no link to european-counter-proposal: add a point_links record (operation unclear where the sources do not decide)",
    ),
}


def check_link(record: CheckedRecord, index: DatasetIndex) -> Iterator[Finding]:
    model = record.model
    if isinstance(model, PointLink):
        for end, document in (("earlier", model.earlier_document), ("later", model.later_document)):
            point_id = getattr(model, end)
            point = index.typed("provisions", point_id, Provision)  # a missing one is a D002
            if point is not None and (point.status != "published" or point.document != document):
                yield Finding(
                    (end,), "L001", f"{point_id!r} is not a published point of {document}"
                )
    if isinstance(model, Document):
        for field_name in ("derived_from", "supersedes"):
            if getattr(model, field_name) == model.id:
                continue  # a document naming itself is D007's, not a loop of versions
            chain = [model.id]
            current: Document | None = model
            while current is not None and getattr(current, field_name) is not None:
                nxt = getattr(current, field_name)
                if nxt in chain:
                    yield Finding(
                        (field_name,),
                        "L003",
                        f"{field_name} loops: {' -> '.join([*chain, nxt])}",
                    )
                    break
                chain.append(nxt)
                current = index.typed("documents", nxt, Document)


def check_versions(
    records: Sequence[CheckedRecord], index: DatasetIndex, complete: bool
) -> Iterator[tuple[CheckedRecord, Finding]]:
    """Whole-dataset rules: numbering without gaps, and every point linked onwards."""
    if not complete:
        return
    by_id = {(r.table, r.model.id): r for r in records if r.model is not None}
    documents = [r.model for r in records if isinstance(r.model, Document)]
    points: dict[str, list[Provision]] = {}
    for r in records:
        if isinstance(r.model, Provision) and r.model.status == "published" and r.model.document:
            points.setdefault(r.model.document, []).append(r.model)
    for document in documents:
        numbers = sorted(p.point_number or 0 for p in points.get(document.id, []))
        if not numbers or document.point_count is None:
            continue
        missing = sorted(set(range(1, document.point_count + 1)) - set(numbers))
        extra = [n for n in numbers if n > document.point_count]
        if missing or extra:
            detail = []
            if missing:
                detail.append(f"missing {', '.join(map(str, missing[:10]))}")
            if extra:
                detail.append(f"beyond point_count: {', '.join(map(str, extra[:10]))}")
            yield (
                by_id[("documents", document.id)],
                Finding(
                    ("point_count",),
                    "L002",
                    f"points of {document.id} do not run 1..{document.point_count}: "
                    + "; ".join(detail),
                ),
            )
    linked: dict[tuple[str, str], set[str]] = {}
    for r in records:
        if isinstance(r.model, PointLink) and r.model.earlier is not None:
            key = (r.model.earlier_document, r.model.later_document)
            linked.setdefault(key, set()).add(r.model.earlier)
    for later in documents:
        if not points.get(later.id):
            continue  # a version with no curated points cannot be linked to
        for earlier_id in dict.fromkeys(filter(None, (later.derived_from, later.supersedes))):
            for point in points.get(earlier_id, []):
                if point.id not in linked.get((earlier_id, later.id), set()):
                    yield (
                        by_id[("provisions", point.id)],
                        Finding(
                            ("document",),
                            "L004",
                            f"{point.id} has no link to {later.id}: add a point_links record "
                            "(operation unclear where the sources do not decide)",
                        ),
                    )


LAYER = Layer("lineage", CODES, per_record=check_link, across=check_versions)
