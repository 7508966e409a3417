"""Closed vocabularies and patterns of the data format. Changing one is a schema change."""

from __future__ import annotations

from typing import Literal

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
FULL_DATE_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"

# Closed vocabularies. Changing one is a schema change (see CHANGELOG.md).
Hedge = Literal["asserted", "reported", "alleged", "speculative"]
Stance = Literal["supports", "conditional", "opposes", "unclear"]
SourceKind = Literal["news_report", "analysis", "official_statement", "plan_text", "aggregator"]
StakeholderKind = Literal[
    "person", "state", "government_body", "international_organization", "media_outlet", "group"
]
Pillar = Literal[
    "peace_in_ukraine", "security_guarantees", "security_in_europe", "us_russia_relations"
]
Topic = Literal[
    "amnesty",
    "armed_forces",
    "arms_control",
    "ceasefire",
    "culture_education",
    "economy",
    "elections",
    "energy",
    "eu_membership",
    "european_security",
    "foreign_troops",
    "frozen_assets",
    "humanitarian",
    "implementation",
    "language",
    "military_assistance",
    "nato",
    "neutrality",
    "nuclear",
    "reconstruction",
    "religion",
    "sanctions",
    "security_guarantees",
    "sovereignty",
    "territory",
    "us_russia_relations",
    "weapons",
]
Reliability = Literal[
    "primary",
    "wire",
    "established_outlet",
    "regional_outlet",
    "republisher",
    "aggregator",
    "state_affiliated",
    "partisan_blog",
    "unattributed_analysis",
]
"""Source classes, strongest first (see docs/curation-guide.md for the rule of each)."""
ProvisionStatus = Literal["reported", "speculative", "published"]
LinkOperation = Literal[
    "kept", "amended", "deleted", "added", "merged", "split", "moved", "unclear"
]
TermRelation = Literal["exactly", "approximately", "at_most", "at_least", "reduction_by"]
Verdict = Literal["accurate", "partly_accurate", "not_in_published_text", "unclear"]
DocumentKind = Literal["draft", "revision", "counter_proposal", "framework"]
TableName = Literal[
    "sources",
    "stakeholders",
    "documents",
    "provisions",
    "point_links",
    "positions",
    "events",
    "discrepancies",
]
