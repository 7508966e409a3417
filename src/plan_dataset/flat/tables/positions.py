"""The positions table, with the questions each position addresses."""

from __future__ import annotations

from plan_dataset.flat.rows import link_table, position_targets, record_rows
from plan_dataset.flat.spec import ForeignKey, ModelFields, TableDeclaration, ref

TABLES = (
    TableDeclaration(
        "positions",
        "Positions",
        "Stakeholders' stances on the plan or on one provision.",
        (
            ModelFields(
                after=(
                    (
                        "target",
                        (
                            ref(
                                "document",
                                "The document (version) targeted; empty otherwise.",
                                False,
                            ),
                            ref("provision", "The provision targeted; empty otherwise.", False),
                        ),
                    ),
                )
            ),
        ),
        ("id",),
        record_rows("positions", position_targets),
        (
            ForeignKey(("document",), "documents"),
            ForeignKey(("provision",), "provisions"),
        ),
    ),
    link_table(
        "position_questions",
        "Position questions",
        "The questions each position addresses, one row per position and question.",
        ref("position_id", "The position."),
        ref("question_id", "A question it addresses.", field="positions.questions"),
        "questions",
    ),
)
