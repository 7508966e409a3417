"""The sources table, and the outlets or sources each page credits."""

from __future__ import annotations

from plan_dataset.flat.rows import list_rows, record_rows
from plan_dataset.flat.spec import ForeignKey, ModelFields, TableDeclaration, ref

TABLES = (
    TableDeclaration(
        "sources",
        "Sources",
        "Documents the records cite: archived seed texts and linked pages.",
        (ModelFields(),),
        ("id",),
        record_rows("sources"),
    ),
    TableDeclaration(
        "source_credits",
        "Source credits",
        "Outlets or sources a page credits for parts of its text, besides its origin.",
        (
            ref("source_id", "The crediting source."),
            ref("credited", "The credited outlet or source.", field="sources.credits"),
        ),
        ("source_id", "credited"),
        list_rows("sources", "credits", "source_id", "credited"),
        (ForeignKey(("source_id",), "sources"),),
    ),
)
