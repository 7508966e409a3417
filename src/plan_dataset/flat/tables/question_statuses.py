"""The question_statuses table: dated changes in where each question stands."""

from __future__ import annotations

from plan_dataset.flat.rows import record_rows
from plan_dataset.flat.spec import ModelFields, TableDeclaration

TABLES = (
    TableDeclaration(
        "question_statuses",
        "Question statuses",
        "Dated changes in where each question stands, from a closed vocabulary; their "
        "evidence is in attributions.",
        (ModelFields(),),
        ("id",),
        record_rows("question_statuses"),
    ),
)
