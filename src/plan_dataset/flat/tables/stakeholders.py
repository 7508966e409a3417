"""The stakeholders table."""

from __future__ import annotations

from plan_dataset.flat.rows import record_rows
from plan_dataset.flat.spec import ModelFields, TableDeclaration

TABLES = (
    TableDeclaration(
        "stakeholders",
        "Stakeholders",
        "People, states, bodies, organizations, outlets and groups involved with the plan.",
        (ModelFields(),),
        ("id",),
        record_rows("stakeholders"),
    ),
)
