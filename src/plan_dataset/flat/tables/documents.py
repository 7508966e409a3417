"""The documents table: the versions of the plan."""

from __future__ import annotations

from plan_dataset.flat.rows import record_rows
from plan_dataset.flat.spec import ModelFields, TableDeclaration

TABLES = (
    TableDeclaration(
        "documents",
        "Plan documents",
        "Versions of the plan itself, with their lineage.",
        (ModelFields(),),
        ("id",),
        record_rows("documents"),
    ),
)
