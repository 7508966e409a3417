"""The ``corroboration`` flat table: how well each record and part is corroborated, as the
build computed it once (``corroboration.all_corroboration``). Declared in its own module so
that ``tables.py`` stays small; ``tables.TABLES`` lists it like any other table."""

from __future__ import annotations

from plan_dataset.models import Source
from plan_dataset.rows import ROW_FUNCTIONS
from plan_dataset.table_spec import MODEL_TABLES, Column, Table, _literal_values

CORROBORATION_TABLE = Table(
    "corroboration",
    "Corroboration",
    "How each record, and each evidence-bearing part of it, is corroborated: computed at "
    "build time from the sources' reliability classes and origins, never hand-entered.",
    (
        Column("id", "string", "<table>/<record>[/<part>].", True),
        Column("record_table", "string", "Table of the record.", True, MODEL_TABLES),
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
        Column(
            "strongest_reliability",
            "string",
            "The strongest reliability class among the counted sources.",
            enum=_literal_values(Source.model_fields["reliability"].annotation),
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
    ROW_FUNCTIONS["corroboration"],
)
