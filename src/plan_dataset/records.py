"""Immutable record types returned by ``plan_dataset.load()``.

Generated from the models in models.py by codegen.py: do not edit; run
``plan-dataset build``. Field meanings are documented on the models and in schema/.
"""

from __future__ import annotations

from typing import Literal

import msgspec


class _Record(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Base of every record type: immutable, compared by value."""


class Evidence(_Record):
    """One evidence item: a verbatim quote, or a locator and paraphrase (see ``kind``)."""

    source: str
    hedge: Literal['asserted', 'reported', 'alleged', 'speculative']
    attributed_to: str | None = None
    quote: str | None = None
    locator: str | None = None
    paraphrase: str | None = None

    @property
    def kind(self) -> Literal["quote", "locator"]:
        """quote: verified against an archived text; locator: a place in a linked page."""
        return "quote" if self.quote is not None else "locator"


class Term(_Record):
    """A figure a provision carries, such as a personnel cap."""

    id: str
    label: str
    relation: Literal['exactly', 'approximately', 'at_most', 'at_least', 'reduction_by']
    value: int | float
    unit: str
    evidence: tuple[Evidence, ...]


class Reconciliation(_Record):
    """How an early-reported provision compares with the published text."""

    points: tuple[str, ...]
    verdict: Literal['accurate', 'partly_accurate', 'not_in_published_text', 'unclear']
    reason: str


class RecordRef(_Record):
    """A reference to one record in any table."""

    table: Literal['sources', 'stakeholders', 'documents', 'provisions', 'positions', 'events', 'discrepancies']
    id: str


class Variant(_Record):
    """One of the disagreeing versions, with the evidence for it."""

    value: str
    evidence: tuple[Evidence, ...]


class Source(_Record):
    """A document that records cite."""

    id: str
    title: str
    kind: Literal['news_report', 'analysis', 'official_statement', 'plan_text', 'aggregator']
    path: str | None
    sha256: str | None
    url: str | None
    publisher: str | None
    published: str | None
    retrieved: str | None
    notes: str | None
    evidence: tuple[Evidence, ...]


class Stakeholder(_Record):
    """A person, state, body, organization, outlet or group involved with the plan."""

    id: str
    name: str
    kind: Literal['person', 'state', 'government_body', 'international_organization', 'media_outlet', 'group']
    country: str | None
    role: str | None
    affiliation: str | None
    notes: str | None
    evidence: tuple[Evidence, ...]


class Document(_Record):
    """A version of the plan itself (the 28-point draft, later revisions, counter-proposals)."""

    id: str
    title: str
    kind: Literal['draft', 'revision', 'counter_proposal', 'framework']
    date: str | None
    point_count: int | None
    supersedes: str | None
    derived_from: str | None
    summary: str
    notes: str | None
    evidence: tuple[Evidence, ...]


class Provision(_Record):
    """A term the plan reportedly contains, or a point of a published version."""

    id: str
    title: str
    summary: str
    pillar: Literal['peace_in_ukraine', 'security_guarantees', 'security_in_europe', 'us_russia_relations'] | None
    topics: tuple[Literal['amnesty', 'armed_forces', 'arms_control', 'ceasefire', 'culture_education', 'economy', 'elections', 'energy', 'eu_membership', 'european_security', 'foreign_troops', 'frozen_assets', 'humanitarian', 'implementation', 'language', 'military_assistance', 'nato', 'neutrality', 'nuclear', 'reconstruction', 'religion', 'sanctions', 'security_guarantees', 'sovereignty', 'territory', 'us_russia_relations', 'weapons'], ...]
    obligated_party: str | None
    status: Literal['reported', 'speculative', 'published']
    document: str | None
    point_number: int | None
    terms: tuple[Term, ...]
    reconciliation: Reconciliation | None
    notes: str | None
    evidence: tuple[Evidence, ...]


class Position(_Record):
    """A stakeholder's stance on the plan as a whole or on one provision."""

    id: str
    stakeholder: str
    target: str
    stance: Literal['supports', 'conditional', 'opposes', 'unclear']
    summary: str
    date: str | None
    notes: str | None
    evidence: tuple[Evidence, ...]


class Event(_Record):
    """A dated happening the sources tie to the plan."""

    id: str
    date: str | None
    title: str
    summary: str
    participants: tuple[str, ...]
    location: str | None
    notes: str | None
    evidence: tuple[Evidence, ...]


class Discrepancy(_Record):
    """A point on which sources disagree, or a source contradicts itself. Never resolved."""

    id: str
    title: str
    summary: str
    about: RecordRef
    variants: tuple[Variant, ...]
    notes: str | None


RECORD_TYPES = {"sources": Source, "stakeholders": Stakeholder, "documents": Document, "provisions": Provision, "positions": Position, "events": Event, "discrepancies": Discrepancy}
