"""The point_links table: how points of one version became points of the next."""

from __future__ import annotations

from plan_dataset.flat.rows import record_rows
from plan_dataset.flat.spec import ModelFields, TableDeclaration

TABLES = (
    TableDeclaration(
        "point_links",
        "Point lineage",
        "How each point of an earlier version of the plan became a point of a later one.",
        (ModelFields(),),
        ("id",),
        record_rows("point_links"),
    ),
)
