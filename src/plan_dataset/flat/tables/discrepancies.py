"""The discrepancies table, with the disagreeing versions."""

from __future__ import annotations

from plan_dataset.flat.rows import record_rows, variant_rows
from plan_dataset.flat.spec import Column, ForeignKey, FromModel, ModelFields, TableDeclaration, ref

TABLES = (
    TableDeclaration(
        "discrepancies",
        "Discrepancies",
        "Points on which sources disagree, never resolved; the versions are in "
        "discrepancy_variants.",
        (ModelFields(),),
        ("id",),
        record_rows("discrepancies"),
    ),
    TableDeclaration(
        "discrepancy_variants",
        "Discrepancy variants",
        "The disagreeing versions, numbered from 1; their evidence is in attributions.",
        (
            ref("discrepancy_id", "The discrepancy."),
            Column("variant", "integer", "Number of the variant, from 1.", required=True),
            FromModel("discrepancies.variants.value"),
        ),
        ("discrepancy_id", "variant"),
        variant_rows,
        (ForeignKey(("discrepancy_id",), "discrepancies"),),
    ),
)
