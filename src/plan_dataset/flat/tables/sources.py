"""The sources table, and the outlets or sources each page credits."""

from __future__ import annotations

from plan_dataset.flat.rows import link_table, record_rows
from plan_dataset.flat.spec import ModelFields, TableDeclaration, ref

TABLES = (
    TableDeclaration(
        "sources",
        "Sources",
        "Documents the records cite: archived seed texts and linked pages.",
        (ModelFields(),),
        ("id",),
        record_rows("sources"),
    ),
    link_table(
        "source_credits",
        "Source credits",
        "Outlets or sources a page credits for parts of its text, besides its origin.",
        ref("source_id", "The crediting source."),
        ref("credited", "The credited outlet or source.", field="sources.credits"),
    ),
)
