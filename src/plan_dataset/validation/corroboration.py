"""Layer 5: sourcing. Published points are corroborated or say why not; origins do not loop."""

from __future__ import annotations

from collections.abc import Iterator

from plan_dataset.corroboration import OriginLoop, corroboration_of, origin_of
from plan_dataset.models import Provision, Source
from plan_dataset.validation.base import CheckedRecord, Code, Finding, Layer
from plan_dataset.validation.index import DatasetIndex

CODES = {
    "S001": Code(
        "sourcing",
        "published point weakly sourced without a reason",
        "point-15 rests on fewer than two independent origins of class regional_outlet or "
        "stronger (found 1: axios); add more evidence or say why in sourcing_note",
    ),
    "S002": Code(
        "sourcing",
        "sourcing_note on a point that is not weakly sourced",
        "point-06 rests on 3 independent origins: remove its sourcing_note",
    ),
    "S003": Code(
        "sourcing",
        "origin chain loops",
        "origin chain loops: a -> b -> a",
    ),
}


def check_sourcing(record: CheckedRecord, index: DatasetIndex) -> Iterator[Finding]:
    model = record.model

    def source(source_id: str) -> Source | None:
        found = index.record("sources", source_id) if index.exists("sources", source_id) else None
        return found if isinstance(found, Source) else None

    if isinstance(model, Source) and model.origin is not None:
        try:
            origin_of(model.id, source)
        except OriginLoop as loop:
            yield Finding(("origin",), "S003", f"origin chain loops: {loop}")
    if isinstance(model, Provision) and model.status == "published":
        result = corroboration_of(model.evidence, source)
        strong = ", ".join(result.strong_origins) or "none"
        if result.weakly_sourced and model.sourcing_note is None:
            yield Finding(
                ("evidence",),
                "S001",
                f"this published point rests on {len(result.strong_origins)} independent "
                f"origin(s) of class regional_outlet or stronger ({strong}); add evidence from "
                "another independent newsroom, or say why in sourcing_note",
            )
        elif not result.weakly_sourced and model.sourcing_note is not None:
            yield Finding(
                ("sourcing_note",),
                "S002",
                f"this point rests on {len(result.strong_origins)} independent origins "
                f"({strong}): remove its sourcing_note",
            )


LAYER = Layer("sourcing", CODES, per_record=check_sourcing)
