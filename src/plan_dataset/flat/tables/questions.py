"""The questions table, with the provisions each question deals with."""

from __future__ import annotations

from plan_dataset.flat.rows import list_rows, record_rows
from plan_dataset.flat.spec import ForeignKey, ModelFields, TableDeclaration, ref

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
    TableDeclaration(
        "question_provisions",
        "Question provisions",
        "Which provisions (points of every version) deal with each question.",
        (
            ref("question_id", "The question."),
            ref("provision_id", "A provision or point.", field="questions.provisions"),
        ),
        ("question_id", "provision_id"),
        list_rows("questions", "provisions", "question_id", "provision_id"),
        (
            ForeignKey(("question_id",), "questions"),
            ForeignKey(("provision_id",), "provisions"),
        ),
    ),
)
