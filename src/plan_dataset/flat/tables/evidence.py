"""The two tables about evidence: ``attributions`` (every evidence item) and
``corroboration`` (how well each record and part is corroborated, as the snapshot carries
it: ``Snapshot.corroboration``)."""

from __future__ import annotations

from plan_dataset.flat.rows import attribution_rows, corroboration_rows
from plan_dataset.flat.spec import Column, ForeignKey, FromModel, TableDeclaration
from plan_dataset.records.classes import RECORD_TYPES

RECORD_TABLES = tuple(RECORD_TYPES)

TABLES = (
    TableDeclaration(
        "attributions",
        "Attributions",
        "Every evidence item of every record: one row per quote or locator.",
        (
            Column("id", "string", "Stable id: <table>/<record>[/<part>]/evidence/<n>.", True),
            Column("record_table", "string", "Table of the record.", True, RECORD_TABLES),
            Column("record_id", "string", "Id of the record.", required=True),
            Column(
                "part",
                "string",
                "Nested part the evidence belongs to (terms/<id>, variants/<n>); empty for the "
                "record itself.",
            ),
            Column("source_id", "string", "The cited source.", required=True),
            Column(
                "kind",
                "string",
                "quote (verbatim, verified against an archived text) or locator (a place in "
                "a source that is not archived, with a paraphrase).",
                True,
                ("quote", "locator"),
            ),
            FromModel("QuoteEvidence.quote", optional=True),
            FromModel("LocatorEvidence.locator", optional=True),
            FromModel("LocatorEvidence.paraphrase", optional=True),
            Column("start", "integer", "Start offset of the quote in the archived text."),
            Column("end", "integer", "End offset (exclusive) of the quote in the archived text."),
            FromModel("QuoteEvidence.hedge"),
            FromModel("QuoteEvidence.attributed_to"),
        ),
        ("id",),
        attribution_rows,
        (
            ForeignKey(("source_id",), "sources"),
            ForeignKey(("attributed_to",), "stakeholders"),
        ),
    ),
    TableDeclaration(
        "corroboration",
        "Corroboration",
        "How each record, and each evidence-bearing part of it, is corroborated: computed at "
        "build time from the sources' reliability classes and origins, never hand-entered.",
        (
            Column("id", "string", "<table>/<record>[/<part>].", True),
            Column("record_table", "string", "Table of the record.", True, RECORD_TABLES),
            Column("record_id", "string", "Id of the record.", required=True),
            Column(
                "part",
                "string",
                "Nested part (terms/<id>, variants/<n>); empty for the record itself.",
            ),
            Column(
                "origins",
                "integer",
                "Independent origins among the counted sources (republications of one text "
                "count once; aggregators, state-affiliated media and partisan blogs never count).",
                True,
            ),
            Column(
                "strong_origins",
                "integer",
                "Independent origins of class regional_outlet or stronger.",
                True,
            ),
            FromModel(
                "Source.reliability",
                "strongest_reliability",
                description="The strongest reliability class among the counted sources.",
                required=False,
            ),
            Column(
                "weakly_sourced",
                "boolean",
                "True when fewer than two independent origins of class regional_outlet or "
                "stronger back it (for a version of the plan: and fewer than half its "
                "points are well sourced).",
                True,
            ),
            Column("origin_ids", "string", "The counted origins, separated by ';'."),
            Column(
                "strong_origin_ids",
                "string",
                "The counted origins of class regional_outlet or stronger, separated by ';'.",
            ),
            Column(
                "points",
                "integer",
                "For a version of the plan: how many published points it has here.",
            ),
            Column(
                "points_well_sourced",
                "integer",
                "For a version of the plan: how many of its points have two or more "
                "independent origins of class regional_outlet or stronger. A version is "
                "weakly sourced only when its own evidence is and fewer than half its points "
                "are well sourced.",
            ),
        ),
        ("id",),
        corroboration_rows,
    ),
)
