"""The outlets table, with each outlet's other names and web domains."""

from __future__ import annotations

from plan_dataset.flat.rows import link_table, record_rows
from plan_dataset.flat.spec import Column, ModelFields, TableDeclaration, ref

TABLES = (
    TableDeclaration(
        "outlets",
        "Outlets",
        "Publishers and agencies whose text sources carry, each with its reliability class.",
        (ModelFields(),),
        ("id",),
        record_rows("outlets"),
    ),
    link_table(
        "outlet_aliases",
        "Outlet aliases",
        "Other names caveats and notes may use for an outlet, one row per name.",
        ref("outlet_id", "The outlet."),
        Column(
            "alias",
            "string",
            "Another name for it (e.g. AP).",
            required=True,
            field="outlets.aliases",
        ),
    ),
    link_table(
        "outlet_domains",
        "Outlet domains",
        "Web domains of an outlet's own pages (subdomains included), one row per domain.",
        ref("outlet_id", "The outlet."),
        Column(
            "domain",
            "string",
            "A domain, e.g. tass.com.",
            required=True,
            field="outlets.domains",
        ),
    ),
)
