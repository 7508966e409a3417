"""Immutable record types returned by ``plan_dataset.load()``.

Generated from the models in models.py by codegen.py: do not edit; run
``plan-dataset build``. Field meanings are documented on the models and in schema/.
What all records share (immutability, equality, pickling, ``to_dict()``) is in
records/base.py. ``typing`` is imported only by type checkers: importing it would
cost more than loading the shipped bundle.
"""

from __future__ import annotations

from plan_dataset.records.base import RecordBase, set_dict, set_field

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, Literal, TypeAlias

_new = object.__new__


class Evidence(RecordBase):
    """One evidence item: a verbatim quote, or a locator and paraphrase (see ``kind``)."""

    _fields = ("source", "hedge", "attributed_to", "quote", "locator", "paraphrase")

    source: str
    hedge: Literal['asserted', 'reported', 'alleged', 'speculative']
    attributed_to: str | None = None
    quote: str | None = None
    locator: str | None = None
    paraphrase: str | None = None

    def __init__(self, *, source: str, hedge: Literal['asserted', 'reported', 'alleged', 'speculative'], attributed_to: str | None = None, quote: str | None = None, locator: str | None = None, paraphrase: str | None = None) -> None:
        set_field(self, "source", source)
        set_field(self, "hedge", hedge)
        set_field(self, "attributed_to", attributed_to)
        set_field(self, "quote", quote)
        set_field(self, "locator", locator)
        set_field(self, "paraphrase", paraphrase)

    @property
    def kind(self) -> Literal["quote", "locator"]:
        """quote: verified against an archived text; locator: a place in a linked page."""
        return "quote" if self.quote is not None else "locator"


def _decode_Evidence(data: dict[str, Any]) -> Evidence:
    record = _new(Evidence)
    set_dict(record, data)
    return record


class Term(RecordBase):
    """A figure a provision carries, such as a personnel cap."""

    _fields = ("id", "label", "relation", "value", "unit", "evidence")

    id: str
    label: str
    relation: Literal['exactly', 'approximately', 'at_most', 'at_least', 'reduction_by']
    value: int | float
    unit: str
    evidence: tuple[Evidence, ...]

    def __init__(self, *, id: str, label: str, relation: Literal['exactly', 'approximately', 'at_most', 'at_least', 'reduction_by'], value: int | float, unit: str, evidence: tuple[Evidence, ...]) -> None:
        set_field(self, "id", id)
        set_field(self, "label", label)
        set_field(self, "relation", relation)
        set_field(self, "value", value)
        set_field(self, "unit", unit)
        set_field(self, "evidence", evidence)

    @property
    def figure(self) -> str:
        """The value with its unit and relation in words: 'at most 600,000 personnel',
        '$100 billion', 'a reduction of 50%'."""
        from plan_dataset.records.figures import format_term

        return format_term(self)


def _decode_Term(data: dict[str, Any]) -> Term:
    data["evidence"] = tuple(map(_decode_Evidence, data["evidence"]))
    record = _new(Term)
    set_dict(record, data)
    return record


class Reconciliation(RecordBase):
    """How an early-reported provision compares with the published text."""

    _fields = ("points", "verdict", "reason")

    points: tuple[str, ...]
    verdict: Literal['accurate', 'partly_accurate', 'not_in_published_text', 'unclear']
    reason: str

    def __init__(self, *, points: tuple[str, ...], verdict: Literal['accurate', 'partly_accurate', 'not_in_published_text', 'unclear'], reason: str) -> None:
        set_field(self, "points", points)
        set_field(self, "verdict", verdict)
        set_field(self, "reason", reason)


def _decode_Reconciliation(data: dict[str, Any]) -> Reconciliation:
    data["points"] = tuple(data["points"])
    record = _new(Reconciliation)
    set_dict(record, data)
    return record


class RecordRef(RecordBase):
    """A reference to one record in any table."""

    _fields = ("table", "id")

    table: Literal['sources', 'stakeholders', 'outlets', 'documents', 'provisions', 'point_links', 'questions', 'positions', 'events', 'question_statuses', 'discrepancies']
    id: str

    def __init__(self, *, table: Literal['sources', 'stakeholders', 'outlets', 'documents', 'provisions', 'point_links', 'questions', 'positions', 'events', 'question_statuses', 'discrepancies'], id: str) -> None:
        set_field(self, "table", table)
        set_field(self, "id", id)


def _decode_RecordRef(data: dict[str, Any]) -> RecordRef:
    record = _new(RecordRef)
    set_dict(record, data)
    return record


class Variant(RecordBase):
    """One of the disagreeing versions, with the evidence for it."""

    _fields = ("value", "evidence")

    value: str
    evidence: tuple[Evidence, ...]

    def __init__(self, *, value: str, evidence: tuple[Evidence, ...]) -> None:
        set_field(self, "value", value)
        set_field(self, "evidence", evidence)


def _decode_Variant(data: dict[str, Any]) -> Variant:
    data["evidence"] = tuple(map(_decode_Evidence, data["evidence"]))
    record = _new(Variant)
    set_dict(record, data)
    return record


class Source(RecordBase):
    """A document that records cite."""

    _fields = ("id", "title", "kind", "path", "sha256", "url", "publisher", "published", "retrieved", "metadata_checked", "reliability", "origin", "credits", "caveats", "notes", "curation_notes", "evidence")

    id: str
    title: str
    kind: Literal['news_report', 'analysis', 'official_statement', 'plan_text', 'aggregator']
    path: str | None
    sha256: str | None
    url: str | None
    publisher: str | None
    published: str | None
    retrieved: str | None
    metadata_checked: str | None
    reliability: Literal['primary', 'wire', 'established_outlet', 'regional_outlet', 'republisher', 'aggregator', 'state_affiliated', 'partisan_blog', 'unattributed_analysis']
    origin: str | None
    credits: tuple[str, ...]
    caveats: str | None
    notes: str | None
    curation_notes: str | None
    evidence: tuple[Evidence, ...]

    def __init__(self, *, id: str, title: str, kind: Literal['news_report', 'analysis', 'official_statement', 'plan_text', 'aggregator'], path: str | None, sha256: str | None, url: str | None, publisher: str | None, published: str | None, retrieved: str | None, metadata_checked: str | None, reliability: Literal['primary', 'wire', 'established_outlet', 'regional_outlet', 'republisher', 'aggregator', 'state_affiliated', 'partisan_blog', 'unattributed_analysis'], origin: str | None, credits: tuple[str, ...], caveats: str | None, notes: str | None, curation_notes: str | None, evidence: tuple[Evidence, ...]) -> None:
        set_field(self, "id", id)
        set_field(self, "title", title)
        set_field(self, "kind", kind)
        set_field(self, "path", path)
        set_field(self, "sha256", sha256)
        set_field(self, "url", url)
        set_field(self, "publisher", publisher)
        set_field(self, "published", published)
        set_field(self, "retrieved", retrieved)
        set_field(self, "metadata_checked", metadata_checked)
        set_field(self, "reliability", reliability)
        set_field(self, "origin", origin)
        set_field(self, "credits", credits)
        set_field(self, "caveats", caveats)
        set_field(self, "notes", notes)
        set_field(self, "curation_notes", curation_notes)
        set_field(self, "evidence", evidence)


def _decode_Source(data: dict[str, Any]) -> Source:
    data["credits"] = tuple(data["credits"])
    data["evidence"] = tuple(map(_decode_Evidence, data["evidence"]))
    record = _new(Source)
    set_dict(record, data)
    return record


class Stakeholder(RecordBase):
    """A person, state, body, organization, outlet or group involved with the plan."""

    _fields = ("id", "name", "kind", "country", "role", "affiliation", "notes", "curation_notes", "evidence")

    id: str
    name: str
    kind: Literal['person', 'state', 'government_body', 'international_organization', 'media_outlet', 'group']
    country: str | None
    role: str | None
    affiliation: str | None
    notes: str | None
    curation_notes: str | None
    evidence: tuple[Evidence, ...]

    def __init__(self, *, id: str, name: str, kind: Literal['person', 'state', 'government_body', 'international_organization', 'media_outlet', 'group'], country: str | None, role: str | None, affiliation: str | None, notes: str | None, curation_notes: str | None, evidence: tuple[Evidence, ...]) -> None:
        set_field(self, "id", id)
        set_field(self, "name", name)
        set_field(self, "kind", kind)
        set_field(self, "country", country)
        set_field(self, "role", role)
        set_field(self, "affiliation", affiliation)
        set_field(self, "notes", notes)
        set_field(self, "curation_notes", curation_notes)
        set_field(self, "evidence", evidence)


def _decode_Stakeholder(data: dict[str, Any]) -> Stakeholder:
    data["evidence"] = tuple(map(_decode_Evidence, data["evidence"]))
    record = _new(Stakeholder)
    set_dict(record, data)
    return record


class Outlet(RecordBase):
    """A publisher or agency: a wire, a state agency, a broadcaster, a paper, an official site."""

    _fields = ("id", "name", "kind", "country", "reliability", "aliases", "domains", "notes", "curation_notes", "evidence")

    id: str
    name: str
    kind: Literal['wire_agency', 'state_agency', 'broadcaster', 'newspaper', 'magazine', 'online_outlet', 'official_site', 'social_media', 'aggregator', 'blog']
    country: str | None
    reliability: Literal['primary', 'wire', 'established_outlet', 'regional_outlet', 'republisher', 'aggregator', 'state_affiliated', 'partisan_blog', 'unattributed_analysis']
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    notes: str | None
    curation_notes: str | None
    evidence: tuple[Evidence, ...]

    def __init__(self, *, id: str, name: str, kind: Literal['wire_agency', 'state_agency', 'broadcaster', 'newspaper', 'magazine', 'online_outlet', 'official_site', 'social_media', 'aggregator', 'blog'], country: str | None, reliability: Literal['primary', 'wire', 'established_outlet', 'regional_outlet', 'republisher', 'aggregator', 'state_affiliated', 'partisan_blog', 'unattributed_analysis'], aliases: tuple[str, ...], domains: tuple[str, ...], notes: str | None, curation_notes: str | None, evidence: tuple[Evidence, ...]) -> None:
        set_field(self, "id", id)
        set_field(self, "name", name)
        set_field(self, "kind", kind)
        set_field(self, "country", country)
        set_field(self, "reliability", reliability)
        set_field(self, "aliases", aliases)
        set_field(self, "domains", domains)
        set_field(self, "notes", notes)
        set_field(self, "curation_notes", curation_notes)
        set_field(self, "evidence", evidence)


def _decode_Outlet(data: dict[str, Any]) -> Outlet:
    data["aliases"] = tuple(data["aliases"])
    data["domains"] = tuple(data["domains"])
    data["evidence"] = tuple(map(_decode_Evidence, data["evidence"]))
    record = _new(Outlet)
    set_dict(record, data)
    return record


class Document(RecordBase):
    """A version of the plan itself (the 28-point draft, later revisions, counter-proposals)."""

    _fields = ("id", "title", "kind", "date", "point_count", "supersedes", "derived_from", "summary", "notes", "curation_notes", "evidence")

    id: str
    title: str
    kind: Literal['draft', 'revision', 'counter_proposal', 'framework']
    date: str | None
    point_count: int | None
    supersedes: str | None
    derived_from: str | None
    summary: str
    notes: str | None
    curation_notes: str | None
    evidence: tuple[Evidence, ...]

    def __init__(self, *, id: str, title: str, kind: Literal['draft', 'revision', 'counter_proposal', 'framework'], date: str | None, point_count: int | None, supersedes: str | None, derived_from: str | None, summary: str, notes: str | None, curation_notes: str | None, evidence: tuple[Evidence, ...]) -> None:
        set_field(self, "id", id)
        set_field(self, "title", title)
        set_field(self, "kind", kind)
        set_field(self, "date", date)
        set_field(self, "point_count", point_count)
        set_field(self, "supersedes", supersedes)
        set_field(self, "derived_from", derived_from)
        set_field(self, "summary", summary)
        set_field(self, "notes", notes)
        set_field(self, "curation_notes", curation_notes)
        set_field(self, "evidence", evidence)


def _decode_Document(data: dict[str, Any]) -> Document:
    data["evidence"] = tuple(map(_decode_Evidence, data["evidence"]))
    record = _new(Document)
    set_dict(record, data)
    return record


class Provision(RecordBase):
    """A term the plan reportedly contains, or a point of a published version."""

    _fields = ("id", "title", "summary", "pillar", "topics", "obligated_party", "status", "document", "point_number", "terms", "reconciliation", "sourcing_note", "notes", "curation_notes", "evidence")

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
    sourcing_note: str | None
    notes: str | None
    curation_notes: str | None
    evidence: tuple[Evidence, ...]

    def __init__(self, *, id: str, title: str, summary: str, pillar: Literal['peace_in_ukraine', 'security_guarantees', 'security_in_europe', 'us_russia_relations'] | None, topics: tuple[Literal['amnesty', 'armed_forces', 'arms_control', 'ceasefire', 'culture_education', 'economy', 'elections', 'energy', 'eu_membership', 'european_security', 'foreign_troops', 'frozen_assets', 'humanitarian', 'implementation', 'language', 'military_assistance', 'nato', 'neutrality', 'nuclear', 'reconstruction', 'religion', 'sanctions', 'security_guarantees', 'sovereignty', 'territory', 'us_russia_relations', 'weapons'], ...], obligated_party: str | None, status: Literal['reported', 'speculative', 'published'], document: str | None, point_number: int | None, terms: tuple[Term, ...], reconciliation: Reconciliation | None, sourcing_note: str | None, notes: str | None, curation_notes: str | None, evidence: tuple[Evidence, ...]) -> None:
        set_field(self, "id", id)
        set_field(self, "title", title)
        set_field(self, "summary", summary)
        set_field(self, "pillar", pillar)
        set_field(self, "topics", topics)
        set_field(self, "obligated_party", obligated_party)
        set_field(self, "status", status)
        set_field(self, "document", document)
        set_field(self, "point_number", point_number)
        set_field(self, "terms", terms)
        set_field(self, "reconciliation", reconciliation)
        set_field(self, "sourcing_note", sourcing_note)
        set_field(self, "notes", notes)
        set_field(self, "curation_notes", curation_notes)
        set_field(self, "evidence", evidence)


def _decode_Provision(data: dict[str, Any]) -> Provision:
    data["topics"] = tuple(data["topics"])
    data["terms"] = tuple(map(_decode_Term, data["terms"]))
    data["reconciliation"] = None if data["reconciliation"] is None else _decode_Reconciliation(data["reconciliation"])
    data["evidence"] = tuple(map(_decode_Evidence, data["evidence"]))
    record = _new(Provision)
    set_dict(record, data)
    return record


class PointLink(RecordBase):
    """One step of a point's lineage: a point of an earlier version and its counterpart in a later one."""

    _fields = ("id", "earlier_document", "later_document", "earlier", "later", "operation", "change", "notes", "curation_notes", "evidence")

    id: str
    earlier_document: str
    later_document: str
    earlier: str | None
    later: str | None
    operation: Literal['kept', 'amended', 'deleted', 'added', 'merged', 'split', 'moved', 'unclear']
    change: str | None
    notes: str | None
    curation_notes: str | None
    evidence: tuple[Evidence, ...]

    def __init__(self, *, id: str, earlier_document: str, later_document: str, earlier: str | None, later: str | None, operation: Literal['kept', 'amended', 'deleted', 'added', 'merged', 'split', 'moved', 'unclear'], change: str | None, notes: str | None, curation_notes: str | None, evidence: tuple[Evidence, ...]) -> None:
        set_field(self, "id", id)
        set_field(self, "earlier_document", earlier_document)
        set_field(self, "later_document", later_document)
        set_field(self, "earlier", earlier)
        set_field(self, "later", later)
        set_field(self, "operation", operation)
        set_field(self, "change", change)
        set_field(self, "notes", notes)
        set_field(self, "curation_notes", curation_notes)
        set_field(self, "evidence", evidence)


def _decode_PointLink(data: dict[str, Any]) -> PointLink:
    data["evidence"] = tuple(map(_decode_Evidence, data["evidence"]))
    record = _new(PointLink)
    set_dict(record, data)
    return record


class Question(RecordBase):
    """One question the versions of the plan deal with (territory, the army cap …),"""

    _fields = ("id", "title", "summary", "provisions", "notes", "curation_notes")

    id: str
    title: str
    summary: str
    provisions: tuple[str, ...]
    notes: str | None
    curation_notes: str | None

    def __init__(self, *, id: str, title: str, summary: str, provisions: tuple[str, ...], notes: str | None, curation_notes: str | None) -> None:
        set_field(self, "id", id)
        set_field(self, "title", title)
        set_field(self, "summary", summary)
        set_field(self, "provisions", provisions)
        set_field(self, "notes", notes)
        set_field(self, "curation_notes", curation_notes)


def _decode_Question(data: dict[str, Any]) -> Question:
    data["provisions"] = tuple(data["provisions"])
    record = _new(Question)
    set_dict(record, data)
    return record


class Position(RecordBase):
    """A stakeholder's stance on the plan as a whole or on one provision."""

    _fields = ("id", "stakeholder", "target", "stance", "summary", "date", "notes", "curation_notes", "questions", "evidence")

    id: str
    stakeholder: str
    target: str
    stance: Literal['supports', 'conditional', 'opposes', 'unclear']
    summary: str
    date: str | None
    notes: str | None
    curation_notes: str | None
    questions: tuple[str, ...]
    evidence: tuple[Evidence, ...]

    def __init__(self, *, id: str, stakeholder: str, target: str, stance: Literal['supports', 'conditional', 'opposes', 'unclear'], summary: str, date: str | None, notes: str | None, curation_notes: str | None, questions: tuple[str, ...], evidence: tuple[Evidence, ...]) -> None:
        set_field(self, "id", id)
        set_field(self, "stakeholder", stakeholder)
        set_field(self, "target", target)
        set_field(self, "stance", stance)
        set_field(self, "summary", summary)
        set_field(self, "date", date)
        set_field(self, "notes", notes)
        set_field(self, "curation_notes", curation_notes)
        set_field(self, "questions", questions)
        set_field(self, "evidence", evidence)


def _decode_Position(data: dict[str, Any]) -> Position:
    data["questions"] = tuple(data["questions"])
    data["evidence"] = tuple(map(_decode_Evidence, data["evidence"]))
    record = _new(Position)
    set_dict(record, data)
    return record


class Event(RecordBase):
    """A dated happening the sources tie to the plan."""

    _fields = ("id", "date", "date_earliest", "date_latest", "title", "summary", "participants", "documents", "location", "notes", "curation_notes", "evidence")

    id: str
    date: str | None
    date_earliest: str | None
    date_latest: str | None
    title: str
    summary: str
    participants: tuple[str, ...]
    documents: tuple[str, ...]
    location: str | None
    notes: str | None
    curation_notes: str | None
    evidence: tuple[Evidence, ...]

    def __init__(self, *, id: str, date: str | None, date_earliest: str | None, date_latest: str | None, title: str, summary: str, participants: tuple[str, ...], documents: tuple[str, ...], location: str | None, notes: str | None, curation_notes: str | None, evidence: tuple[Evidence, ...]) -> None:
        set_field(self, "id", id)
        set_field(self, "date", date)
        set_field(self, "date_earliest", date_earliest)
        set_field(self, "date_latest", date_latest)
        set_field(self, "title", title)
        set_field(self, "summary", summary)
        set_field(self, "participants", participants)
        set_field(self, "documents", documents)
        set_field(self, "location", location)
        set_field(self, "notes", notes)
        set_field(self, "curation_notes", curation_notes)
        set_field(self, "evidence", evidence)


def _decode_Event(data: dict[str, Any]) -> Event:
    data["participants"] = tuple(data["participants"])
    data["documents"] = tuple(data["documents"])
    data["evidence"] = tuple(map(_decode_Evidence, data["evidence"]))
    record = _new(Event)
    set_dict(record, data)
    return record


class QuestionStatus(RecordBase):
    """A dated change in where one question stands, with the evidence for it."""

    _fields = ("id", "question", "date", "status", "document", "provision", "event", "summary", "notes", "curation_notes", "evidence")

    id: str
    question: str
    date: str
    status: Literal['proposed', 'kept', 'amended', 'contested', 'agreed_in_principle', 'deferred_to_leaders', 'postponed', 'dropped', 'rejected', 'signed', 'partly_implemented', 'implemented']
    document: str | None
    provision: str | None
    event: str | None
    summary: str
    notes: str | None
    curation_notes: str | None
    evidence: tuple[Evidence, ...]

    def __init__(self, *, id: str, question: str, date: str, status: Literal['proposed', 'kept', 'amended', 'contested', 'agreed_in_principle', 'deferred_to_leaders', 'postponed', 'dropped', 'rejected', 'signed', 'partly_implemented', 'implemented'], document: str | None, provision: str | None, event: str | None, summary: str, notes: str | None, curation_notes: str | None, evidence: tuple[Evidence, ...]) -> None:
        set_field(self, "id", id)
        set_field(self, "question", question)
        set_field(self, "date", date)
        set_field(self, "status", status)
        set_field(self, "document", document)
        set_field(self, "provision", provision)
        set_field(self, "event", event)
        set_field(self, "summary", summary)
        set_field(self, "notes", notes)
        set_field(self, "curation_notes", curation_notes)
        set_field(self, "evidence", evidence)


def _decode_QuestionStatus(data: dict[str, Any]) -> QuestionStatus:
    data["evidence"] = tuple(map(_decode_Evidence, data["evidence"]))
    record = _new(QuestionStatus)
    set_dict(record, data)
    return record


class Discrepancy(RecordBase):
    """A point on which sources disagree, or a source contradicts itself. Never resolved."""

    _fields = ("id", "title", "summary", "about", "variants", "notes", "curation_notes")

    id: str
    title: str
    summary: str
    about: RecordRef
    variants: tuple[Variant, ...]
    notes: str | None
    curation_notes: str | None

    def __init__(self, *, id: str, title: str, summary: str, about: RecordRef, variants: tuple[Variant, ...], notes: str | None, curation_notes: str | None) -> None:
        set_field(self, "id", id)
        set_field(self, "title", title)
        set_field(self, "summary", summary)
        set_field(self, "about", about)
        set_field(self, "variants", variants)
        set_field(self, "notes", notes)
        set_field(self, "curation_notes", curation_notes)


def _decode_Discrepancy(data: dict[str, Any]) -> Discrepancy:
    data["about"] = _decode_RecordRef(data["about"])
    data["variants"] = tuple(map(_decode_Variant, data["variants"]))
    record = _new(Discrepancy)
    set_dict(record, data)
    return record


if TYPE_CHECKING:
    # Any record of any table.
    Record: TypeAlias = Source | Stakeholder | Outlet | Document | Provision | PointLink | Question | Position | Event | QuestionStatus | Discrepancy

# Record type of each table, and the decoder from its parsed JSON rows.
RECORD_TYPES: dict[str, type[Record]] = {"sources": Source, "stakeholders": Stakeholder, "outlets": Outlet, "documents": Document, "provisions": Provision, "point_links": PointLink, "questions": Question, "positions": Position, "events": Event, "question_statuses": QuestionStatus, "discrepancies": Discrepancy}
DECODERS: dict[str, Callable[[dict[str, Any]], Record]] = {"sources": _decode_Source, "stakeholders": _decode_Stakeholder, "outlets": _decode_Outlet, "documents": _decode_Document, "provisions": _decode_Provision, "point_links": _decode_PointLink, "questions": _decode_Question, "positions": _decode_Position, "events": _decode_Event, "question_statuses": _decode_QuestionStatus, "discrepancies": _decode_Discrepancy}

# What load() checks in a bundle besides types and vocabularies (bundle/shape.py):
# per type and field, (pattern, tables it refers to, reserved values, table field).
FieldRule = tuple[str | None, tuple[str, ...], tuple[str, ...], str | None]
FIELD_RULES: dict[str, dict[str, FieldRule]] = {
    'Evidence': {
        'source': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('sources',), (), None),
        'attributed_to': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('stakeholders',), (), None),
    },
    'Term': {
        'id': ('^[a-z0-9]+(-[a-z0-9]+)*$', (), (), None),
    },
    'Reconciliation': {
        'points': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('provisions',), (), None),
    },
    'RecordRef': {
        'id': ('^[a-z0-9]+(-[a-z0-9]+)*$', (), (), 'table'),
    },
    'Variant': {
    },
    'Source': {
        'id': ('^[a-z0-9]+(-[a-z0-9]+)*$', (), (), None),
        'sha256': ('^[0-9a-f]{64}$', (), (), None),
        'url': ('^https?://\\S+$', (), (), None),
        'published': ('^(19[0-9]{2}|2[01][0-9]{2})(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$', (), (), None),
        'retrieved': ('^(19[0-9]{2}|2[01][0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', (), (), None),
        'metadata_checked': ('^(19[0-9]{2}|2[01][0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', (), (), None),
        'origin': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('outlets', 'sources'), (), None),
        'credits': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('outlets', 'sources'), (), None),
    },
    'Stakeholder': {
        'id': ('^[a-z0-9]+(-[a-z0-9]+)*$', (), (), None),
        'affiliation': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('stakeholders',), (), None),
    },
    'Outlet': {
        'id': ('^[a-z0-9]+(-[a-z0-9]+)*$', (), (), None),
        'domains': ('^([a-z0-9-]+\\.)+[a-z]{2,}$', (), (), None),
    },
    'Document': {
        'id': ('^[a-z0-9]+(-[a-z0-9]+)*$', (), (), None),
        'date': ('^(19[0-9]{2}|2[01][0-9]{2})(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$', (), (), None),
        'supersedes': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('documents',), (), None),
        'derived_from': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('documents',), (), None),
    },
    'Provision': {
        'id': ('^[a-z0-9]+(-[a-z0-9]+)*$', (), (), None),
        'obligated_party': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('stakeholders',), (), None),
        'document': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('documents',), (), None),
    },
    'PointLink': {
        'id': ('^[a-z0-9]+(-[a-z0-9]+)*$', (), (), None),
        'earlier_document': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('documents',), (), None),
        'later_document': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('documents',), (), None),
        'earlier': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('provisions',), (), None),
        'later': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('provisions',), (), None),
    },
    'Question': {
        'id': ('^[a-z0-9]+(-[a-z0-9]+)*$', (), (), None),
        'provisions': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('provisions',), (), None),
    },
    'Position': {
        'id': ('^[a-z0-9]+(-[a-z0-9]+)*$', (), (), None),
        'stakeholder': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('stakeholders',), (), None),
        'target': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('documents', 'provisions'), ('plan',), None),
        'date': ('^(19[0-9]{2}|2[01][0-9]{2})(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$', (), (), None),
        'questions': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('questions',), (), None),
    },
    'Event': {
        'id': ('^[a-z0-9]+(-[a-z0-9]+)*$', (), (), None),
        'date': ('^(19[0-9]{2}|2[01][0-9]{2})(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$', (), (), None),
        'date_earliest': ('^(19[0-9]{2}|2[01][0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', (), (), None),
        'date_latest': ('^(19[0-9]{2}|2[01][0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', (), (), None),
        'participants': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('stakeholders',), (), None),
        'documents': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('documents',), (), None),
    },
    'QuestionStatus': {
        'id': ('^[a-z0-9]+(-[a-z0-9]+)*$', (), (), None),
        'question': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('questions',), (), None),
        'date': ('^(19[0-9]{2}|2[01][0-9]{2})(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$', (), (), None),
        'document': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('documents',), (), None),
        'provision': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('provisions',), (), None),
        'event': ('^[a-z0-9]+(-[a-z0-9]+)*$', ('events',), (), None),
    },
    'Discrepancy': {
        'id': ('^[a-z0-9]+(-[a-z0-9]+)*$', (), (), None),
    },
}
