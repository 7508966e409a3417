"""Every flat table, declared once: one module per record table with its link tables,
and ``MODULES``, the registry, one line per module, in the order the tables are
published. Standard library only: the loader builds rows from these declarations;
``catalog.py`` resolves their columns against the models."""

from __future__ import annotations

from plan_dataset.flat.tables import (
    discrepancies,
    documents,
    events,
    evidence,
    outlets,
    point_links,
    positions,
    provisions,
    question_statuses,
    questions,
    sources,
    stakeholders,
)

MODULES = (
    sources,
    stakeholders,
    outlets,
    documents,
    provisions,
    point_links,
    questions,
    positions,
    events,
    question_statuses,
    discrepancies,
    evidence,
)
DECLARED = tuple(table for module in MODULES for table in module.TABLES)
