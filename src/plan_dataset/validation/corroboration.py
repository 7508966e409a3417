"""Layer 5: sourcing. Published points are corroborated or say why not; origins do not loop."""

from __future__ import annotations

from collections.abc import Iterator
from weakref import WeakKeyDictionary

from plan_dataset.evidence.corroboration import OriginLoop, chain_of, corroboration_of
from plan_dataset.models import Outlet, Provision, Source
from plan_dataset.validation.base import CheckedRecord, Code, Finding
from plan_dataset.validation.index import DatasetIndex
from plan_dataset.validation.layer import Layer

# Per validation run: sources whose origin chain is known to end without a loop.
_loop_free: WeakKeyDictionary[DatasetIndex, set[str]] = WeakKeyDictionary()

CODES = {
    "S001": Code(
        "sourcing",
        "published point weakly sourced without a reason",
        "this published point rests on 1 independent origin(s) of class regional_outlet or "
        "stronger (axios); add evidence from another independent newsroom, or say why in "
        "sourcing_note",
    ),
    "S002": Code(
        "sourcing",
        "sourcing_note on a point that is not weakly sourced",
        "this point rests on 8 independent origins (afp, associated-press, axios, liga-28-points, ndtv-28-point-explainer, oleksiy-honcharenko, rbc-ukraine-28-points, reuters): remove its sourcing_note",
    ),
    "S003": Code(
        "sourcing",
        "origin chain loops",
        "origin chain loops: liga-28-points -> rbc-ukraine-28-points -> liga-28-points",
    ),
}


def check_sourcing(record: CheckedRecord, index: DatasetIndex) -> Iterator[Finding]:
    model = record.model

    def source(record_id: str) -> Source | Outlet | None:
        # Sources, and outlets named as an origin or a credit (each with its class).
        return index.typed("sources", record_id, Source) or index.typed(
            "outlets", record_id, Outlet
        )

    if isinstance(model, Source) and model.origin is not None:
        known = _loop_free.setdefault(index, set())
        try:
            chain = chain_of(model, source, strict=True, known=known)
        except OriginLoop as loop:
            yield Finding(("origin",), "S003", f"origin chain loops: {loop}")
        else:
            known.update(link.id for link in chain)
    if isinstance(model, Provision) and model.status == "published":
        result = corroboration_of(model.evidence, source)
        strong = ", ".join(result.strong_origin_ids) or "none"
        if result.weakly_sourced and model.sourcing_note is None:
            yield Finding(
                ("evidence",),
                "S001",
                f"this published point rests on {result.strong_origins} independent "
                f"origin(s) of class regional_outlet or stronger ({strong}); add evidence from "
                "another independent newsroom, or say why in sourcing_note",
            )
        elif not result.weakly_sourced and model.sourcing_note is not None:
            yield Finding(
                ("sourcing_note",),
                "S002",
                f"this point rests on {result.strong_origins} independent origins "
                f"({strong}): remove its sourcing_note",
            )


LAYER = Layer("sourcing", CODES, per_record=check_sourcing)
