"""The provisions table, with its topics, terms and links to published points."""

from __future__ import annotations

from plan_dataset.flat.rows import link_table, point_link_rows, record_rows, term_rows
from plan_dataset.flat.spec import ForeignKey, FromModel, ModelFields, TableDeclaration, ref

TABLES = (
    TableDeclaration(
        "provisions",
        "Provisions",
        "Terms the plan reportedly contains (reported), terms analysts only expect "
        "(speculative), and numbered points of published versions (published).",
        (ModelFields(),),
        ("id",),
        record_rows("provisions"),
    ),
    link_table(
        "provision_topics",
        "Provision topics",
        "The topics of each provision, one row per provision and topic.",
        ref("provision_id", "The provision."),
        FromModel(
            "provisions.topics",
            "topic",
            description="A topic from the closed vocabulary.",
            required=True,
        ),
    ),
    TableDeclaration(
        "provision_terms",
        "Provision terms",
        "Figures provisions carry, one row per term; their evidence is in attributions.",
        (
            ref("provision_id", "The provision the term belongs to."),
            FromModel("provisions.terms.id", "term_id"),
            FromModel("provisions.terms.label"),
            FromModel("provisions.terms.relation"),
            FromModel("provisions.terms.value", type="number"),
            FromModel("provisions.terms.unit"),
        ),
        ("provision_id", "term_id"),
        term_rows,
        (ForeignKey(("provision_id",), "provisions"),),
    ),
    TableDeclaration(
        "provision_points",
        "Provision to published point links",
        "Which published points an early-reported provision corresponds to.",
        (
            ref("provision_id", "The reported or speculative provision."),
            ref(
                "point_id",
                "A published point (a provision with status published).",
                field="provisions.reconciliation.points",
            ),
        ),
        ("provision_id", "point_id"),
        point_link_rows,
        (
            ForeignKey(("provision_id",), "provisions"),
            ForeignKey(("point_id",), "provisions"),
        ),
    ),
)
