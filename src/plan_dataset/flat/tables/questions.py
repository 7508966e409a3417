"""The questions table, with the provisions each question deals with."""

from __future__ import annotations

from plan_dataset.flat.rows import link_table, record_rows
from plan_dataset.flat.spec import ModelFields, TableDeclaration, ref

TABLES = (
    TableDeclaration(
        "questions",
        "Questions",
        "The questions the versions of the plan deal with (territory, the army cap …); "
        "their points are in question_provisions, their history in question_statuses.",
        (ModelFields(),),
        ("id",),
        record_rows("questions"),
    ),
    link_table(
        "question_provisions",
        "Question provisions",
        "Which provisions (points of every version) deal with each question.",
        ref("question_id", "The question."),
        ref("provision_id", "A provision or point.", field="questions.provisions"),
        "provisions",
    ),
)
