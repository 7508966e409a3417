"""Record models: the single source of truth for the data format.

Every table in ``data/<table>/`` has one model here. The JSON Schemas in
``schema/`` are generated from these models, and the flat tables are derived
from them, so a field is documented once: in its ``description``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    WithJsonSchema,
    model_validator,
)

from plan_dataset.countries import COUNTRY_CODES
from plan_dataset.evidence import evidence_items

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


@dataclass(frozen=True)
class Ref:
    """Marks a field whose value is the id of a record in one of ``tables``.

    Every reference field carries this marker, so the reference checks, the
    flat tables' foreign keys and the docs all derive from one declaration.
    ``reserved`` values are not references (e.g. 'plan' as a position target).
    ``table_field`` names a sibling field holding the table, for references into
    any table (a discrepancy's ``about``).
    """

    tables: tuple[str, ...] = ()
    reserved: tuple[str, ...] = ()
    table_field: str | None = None


def ref(*tables: str, reserved: tuple[str, ...] = ()) -> Ref:
    return Ref(tables=tables, reserved=reserved)


def _check_calendar_date(value: str) -> str:
    """Reject dates the pattern admits but the calendar does not (2025-02-30)."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 3:
        year, month, day = parts
        if day > calendar.monthrange(year, month)[1]:
            raise ValueError(f"{value} is not a calendar date")
    return value


def _check_country(value: str) -> str:
    if value not in COUNTRY_CODES:
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code")
    return value


Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    Field(examples=["army-size-limit"]),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=300)]
PartialDate = Annotated[
    str,
    StringConstraints(pattern=PARTIAL_DATE_PATTERN),
    AfterValidator(_check_calendar_date),
    Field(examples=["2025-11-19", "2025-11", "2025"]),
]
FullDate = Annotated[
    str,
    StringConstraints(pattern=FULL_DATE_PATTERN),
    AfterValidator(_check_calendar_date),
    Field(examples=["2025-11-21"]),
]
CountryCode = Annotated[
    str,
    AfterValidator(_check_country),
    WithJsonSchema({"type": "string", "enum": sorted(COUNTRY_CODES)}),
    Field(examples=["UA"]),
]


class Strict(BaseModel):
    """Closed, immutable records: unknown keys are errors, never ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Record(Strict):
    """A record of one table, stored as data/<table>/<id>.yaml."""

    id: Slug = Field(description="Lowercase slug; equals the file name without .yaml.")


class QuoteEvidence(Strict):
    """A verbatim quote from an archived source (one with a file under seeds/)."""

    source: Annotated[Slug, ref("sources")] = Field(
        description="Id of the cited source (a record in sources/)."
    )
    quote: Text = Field(
        description=(
            "The shortest verbatim span of the source's archived text that carries the fact. "
            "Matched exactly, except that straight and curly quote marks are interchangeable "
            "and runs of whitespace count as one space."
        ),
        examples=["Reducing the size of the Ukrainian Armed Forces by half."],
    )
    hedge: Hedge = Field(
        description=(
            "How the source itself frames the claim: asserted (stated as fact), reported "
            "('reportedly', 'according to reports'), alleged ('allegedly', 'purportedly'), "
            "speculative (an analyst's expectation or guess, e.g. 'must contain', "
            "'was expected to')."
        )
    )
    attributed_to: Annotated[Slug | None, ref("stakeholders")] = Field(
        default=None,
        description="Stakeholder the source says made the statement, if it names one.",
    )


class LocatorEvidence(Strict):
    """A pointer into a source that is not archived: a locator and a paraphrase, no quote."""

    source: Annotated[Slug, ref("sources")] = Field(
        description="Id of the cited source; it must have a url and no path."
    )
    locator: ShortText = Field(
        description="Where in the source the fact is, e.g. 'point 6' or 'paragraph 3'.",
        examples=["point 6"],
    )
    paraphrase: Text = Field(
        description="What the source says there, in the curator's own neutral words."
    )
    hedge: Hedge = Field(description="How the source itself frames the claim (see quote evidence).")
    attributed_to: Annotated[Slug | None, ref("stakeholders")] = Field(
        default=None,
        description="Stakeholder the source says made the statement, if it names one.",
    )


def _evidence_kind(value: Any) -> str:
    if isinstance(value, dict):
        return "locator" if "locator" in value and "quote" not in value else "quote"
    return "locator" if isinstance(value, LocatorEvidence) else "quote"


Evidence = Annotated[
    Annotated[QuoteEvidence, Tag("quote")] | Annotated[LocatorEvidence, Tag("locator")],
    Discriminator(_evidence_kind),
]
EvidenceList = Annotated[
    list[Evidence],
    Field(
        min_length=1,
        description="What this record rests on: at least one quote or locator.",
    ),
]


class Source(Record):
    """A document that records cite."""

    title: ShortText = Field(description="The document's title or first heading, as it gives it.")
    kind: SourceKind = Field(description="What sort of document this is.")
    path: ShortText | None = Field(
        default=None,
        description=(
            "Path of the archived text under seeds/ (e.g. 'seeds/000_x.txt'); null when the "
            "source is not archived."
        ),
        examples=["seeds/004_90c684f3911e1bde.txt"],
    )
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = Field(
        default=None,
        description="SHA-256 of the archived file's bytes; required with path, checked on validate.",
    )
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=2000)] | None = (
        Field(default=None, description="Where the document was published, if known.")
    )
    publisher: ShortText | None = Field(
        default=None, description="Who published it, only if the document says so."
    )
    published: PartialDate | None = Field(
        default=None,
        description="Publication date, only if the document gives it (reduced precision allowed).",
    )
    retrieved: FullDate | None = Field(
        default=None, description="When a source that is not archived was read at its url."
    )
    reliability: Reliability = Field(
        description=(
            "Source class, strongest first: primary (the document itself or its issuer's own "
            "publication), wire (AFP, Reuters, AP), established_outlet (a newsroom with "
            "editorial standards and named authors), regional_outlet, republisher (reposts "
            "others' copy), aggregator, state_affiliated (state-controlled media of any "
            "government: evidence of what that government said, never corroboration), "
            "partisan_blog, unattributed_analysis (undated, unsigned analyses)."
        )
    )
    origin: Annotated[Slug | None, ref("stakeholders", "sources")] = Field(
        default=None,
        description=(
            "Whose text this source carries when it republishes or relays another's: a "
            "stakeholder id (e.g. axios, afp, reuters) or a source id. Sources with one origin "
            "count once toward corroboration. Null when the text is the source's own."
        ),
        examples=["axios"],
    )
    caveats: Text | None = Field(
        default=None,
        description="What a reader must know, e.g. editing markers left in, a copy cut off mid-point.",
    )
    notes: Text | None = Field(
        default=None, description="Anything else a reader should know: scope, context."
    )
    evidence: Annotated[list[Evidence], Field(min_length=1)] = Field(
        description="Where the source's own text supports this metadata, e.g. its title line."
    )

    @model_validator(mode="after")
    def _archived_or_linked(self) -> Source:
        if (self.path is None) != (self.sha256 is None):
            raise ValueError("path and sha256 go together: give both or neither")
        if self.path is None and self.url is None:
            raise ValueError("a source needs a path (archived) or a url")
        if self.path is None and self.retrieved is None:
            raise ValueError("a source that is not archived needs its retrieval date")
        if self.origin == self.id:
            raise ValueError("a source cannot name itself as its origin")
        return self


class Stakeholder(Record):
    """A person, state, body, organization, outlet or group involved with the plan."""

    name: ShortText = Field(description="Name as the sources give it.")
    kind: StakeholderKind = Field(description="What sort of actor this is.")
    country: CountryCode | None = Field(
        default=None, description="ISO 3166-1 alpha-2 code where one country applies."
    )
    role: Text | None = Field(
        default=None, description="Role or office as the sources state it, in neutral words."
    )
    affiliation: Annotated[Slug | None, ref("stakeholders")] = Field(
        default=None, description="Stakeholder this one belongs to or acts for."
    )
    notes: Text | None = Field(
        default=None, description="Caveats, e.g. sources disagree on a title."
    )
    evidence: list[Evidence] = Field(
        default_factory=list, description="Optional evidence for the role or affiliation."
    )


class Document(Record):
    """A version of the plan itself (the 28-point draft, later revisions, counter-proposals)."""

    title: ShortText = Field(description="A neutral name for this version.")
    kind: DocumentKind = Field(description="Draft, revision, counter-proposal or framework.")
    date: PartialDate | None = Field(
        default=None, description="When this version was presented or published, if known."
    )
    point_count: Annotated[int, Field(ge=1, le=100)] | None = Field(
        default=None, description="How many points the version has, as published."
    )
    supersedes: Annotated[Slug | None, ref("documents")] = Field(
        default=None, description="Document this version replaces."
    )
    derived_from: Annotated[Slug | None, ref("documents")] = Field(
        default=None, description="Document this version was built from or answers."
    )
    summary: Text = Field(description="Neutral summary in the curator's own words.")
    notes: Text | None = Field(default=None, description="Caveats about this version.")
    evidence: EvidenceList


class Term(Strict):
    """A figure a provision carries, such as a personnel cap."""

    id: Slug = Field(description="Slug, unique within the provision.", examples=["personnel-cap"])
    label: ShortText = Field(description="What is measured.", examples=["armed forces personnel"])
    relation: TermRelation = Field(
        description="How the value bounds the quantity; reduction_by is a relative cut."
    )
    value: int | float = Field(description="The number the source gives.", examples=[400000])
    unit: ShortText = Field(description="Unit of the value.", examples=["personnel", "percent"])
    evidence: EvidenceList


class Reconciliation(Strict):
    """How an early-reported provision compares with the published text."""

    points: Annotated[list[Slug], ref("provisions")] = Field(
        default_factory=list,
        description="Ids of the published points (provisions with status published) it matches.",
    )
    verdict: Verdict = Field(description="Whether the early report matches the published text.")
    reason: ShortText = Field(description="One neutral line saying why.")


class Provision(Record):
    """A term the plan reportedly contains, or a point of a published version."""

    title: ShortText = Field(description="Short neutral title.")
    summary: Text = Field(description="Neutral summary in the curator's own words.")
    pillar: Pillar | None = Field(
        default=None,
        description="Which of the four reported buckets, when a source ties it to one.",
    )
    topics: Annotated[list[Topic], Field(min_length=1)] = Field(
        description="Subjects the provision touches (closed vocabulary, no repeats)."
    )
    obligated_party: Annotated[Slug | None, ref("stakeholders")] = Field(
        default=None, description="Stakeholder that would have to act, if the sources say."
    )
    status: ProvisionStatus = Field(
        description=(
            "reported: sources say the plan contains it; speculative: analysts only expect it; "
            "published: a numbered point of a published document."
        )
    )
    document: Annotated[Slug | None, ref("documents")] = Field(
        default=None, description="For published points: the document (plan version) it is in."
    )
    point_number: Annotated[int, Field(ge=1, le=100)] | None = Field(
        default=None, description="Point number in the published document; null while unknown."
    )
    terms: list[Term] = Field(
        default_factory=list, description="Figures the provision carries, each with evidence."
    )
    reconciliation: Reconciliation | None = Field(
        default=None,
        description="For reported or speculative provisions: how they compare with the published text.",
    )
    sourcing_note: Text | None = Field(
        default=None,
        description=(
            "For a published point resting on fewer than two independent origins of class "
            "regional_outlet or stronger: what it rests on and what was searched. Required "
            "exactly then."
        ),
    )
    notes: Text | None = Field(default=None, description="Caveats a reader should know.")
    evidence: EvidenceList

    @model_validator(mode="after")
    def _status_rules(self) -> Provision:
        if len(set(self.topics)) != len(self.topics):
            raise ValueError("topics must not repeat")
        if len({term.id for term in self.terms}) != len(self.terms):
            raise ValueError("term ids must be unique within a provision")
        hedges = {item.hedge for item in self.evidence}
        if self.status == "speculative" and hedges != {"speculative"}:
            raise ValueError("a speculative provision may only cite speculative evidence")
        if self.status == "reported" and hedges == {"speculative"}:
            raise ValueError("a provision resting only on speculation must have status speculative")
        if self.status == "published":
            if self.document is None or self.point_number is None:
                raise ValueError("a published point needs its document and point_number")
            if self.reconciliation is not None:
                raise ValueError("only reported or speculative provisions are reconciled")
        elif self.document is not None or self.point_number is not None:
            raise ValueError("document and point_number are only for published points")
        return self


class Position(Record):
    """A stakeholder's stance on the plan as a whole or on one provision."""

    stakeholder: Annotated[Slug, ref("stakeholders")] = Field(
        description="Who holds the position: the speaker (person or body), never the outlet."
    )
    target: Annotated[Slug, ref("documents", "provisions", reserved=("plan",))] = Field(
        description=(
            "'plan' for the plan as a whole, the id of a document (one version of the plan), "
            "or the id of a provision (one point)."
        ),
        examples=["plan"],
    )
    stance: Stance = Field(description="supports, conditional, opposes or unclear.")
    summary: Text = Field(description="Neutral summary of the stance in the curator's own words.")
    date: PartialDate | None = Field(
        default=None, description="When it was stated, at the precision the source gives."
    )
    notes: Text | None = Field(default=None, description="Caveats a reader should know.")
    evidence: EvidenceList


class Event(Record):
    """A dated happening the sources tie to the plan."""

    date: PartialDate | None = Field(
        description=(
            "ISO 8601 date at the precision the source gives; null when the sources only "
            "bracket it or disagree: then date_earliest (and date_latest) give the range."
        )
    )
    date_earliest: FullDate | None = Field(
        default=None,
        description="With no date: the earliest day the sources allow (with a discrepancy if they disagree).",
    )
    date_latest: FullDate | None = Field(
        default=None,
        description="With date_earliest: the latest day the sources allow; null for an open end, which notes explain.",
    )
    title: ShortText = Field(description="Short neutral title.")
    summary: Text = Field(description="Neutral summary in the curator's own words.")
    participants: Annotated[list[Slug], ref("stakeholders")] = Field(
        default_factory=list, description="Stakeholders who took part (no repeats)."
    )
    documents: Annotated[list[Slug], ref("documents")] = Field(
        default_factory=list,
        description="Versions of the plan the event produced or discussed (no repeats).",
    )
    location: ShortText | None = Field(default=None, description="Where, if the sources say.")
    notes: Text | None = Field(default=None, description="Caveats a reader should know.")
    evidence: EvidenceList

    @model_validator(mode="after")
    def _no_repeats(self) -> Event:
        if len(set(self.participants)) != len(self.participants):
            raise ValueError("participants must not repeat")
        if len(set(self.documents)) != len(self.documents):
            raise ValueError("documents must not repeat")
        if self.date is not None and (self.date_earliest or self.date_latest):
            raise ValueError("give either a date or a range (date_earliest, date_latest), not both")
        if self.date_latest is not None and self.date_earliest is None:
            raise ValueError("date_latest needs date_earliest")
        if self.date_earliest is not None and self.date_latest is None and self.notes is None:
            raise ValueError("a range with an open end needs notes saying why")
        return self


class RecordRef(Strict):
    """A reference to one record in any table."""

    table: TableName = Field(description="Table of the referenced record.")
    id: Annotated[Slug, Ref(table_field="table")] = Field(
        description="Id of the referenced record."
    )


class Variant(Strict):
    """One of the disagreeing versions, with the evidence for it."""

    value: Text = Field(description="What this version says, in neutral words.")
    evidence: EvidenceList


class Discrepancy(Record):
    """A point on which sources disagree, or a source contradicts itself. Never resolved."""

    title: ShortText = Field(description="Short neutral title.")
    summary: Text = Field(description="What the disagreement is, without taking a side.")
    about: RecordRef = Field(description="The record the disagreement concerns.")
    variants: Annotated[list[Variant], Field(min_length=2)] = Field(
        description="At least two versions, each with its own evidence."
    )
    notes: Text | None = Field(default=None, description="Caveats a reader should know.")


class PointLink(Record):
    """One step of a point's lineage: a point of an earlier version and its counterpart in a later one."""

    earlier_document: Annotated[Slug, ref("documents")] = Field(
        description="The earlier version (document)."
    )
    later_document: Annotated[Slug, ref("documents")] = Field(
        description="The later version (document)."
    )
    earlier: Annotated[Slug | None, ref("provisions")] = Field(
        default=None,
        description="The point of the earlier version; null only for an added point.",
    )
    later: Annotated[Slug | None, ref("provisions")] = Field(
        default=None,
        description="The point of the later version; null for a deleted point (or an unclear one with no counterpart).",
    )
    operation: LinkOperation = Field(
        description=(
            "kept (same content), amended (changed), deleted, added, merged (several earlier "
            "points into one), split (one into several), moved (same content, other number), "
            "unclear (the sources do not let the curator decide)."
        )
    )
    change: ShortText | None = Field(
        default=None,
        description="What changed, in one neutral line; required for amended, merged and split.",
    )
    notes: Text | None = Field(default=None, description="Caveats a reader should know.")
    evidence: EvidenceList

    @model_validator(mode="after")
    def _operation_rules(self) -> PointLink:
        if self.earlier_document == self.later_document:
            raise ValueError("a link joins two different documents")
        if self.operation == "added":
            if self.earlier is not None or self.later is None:
                raise ValueError("an added link has a later point and no earlier one")
        elif self.earlier is None:
            raise ValueError(f"a {self.operation} link needs its earlier point")
        if self.operation == "deleted" and self.later is not None:
            raise ValueError("a deleted link has no later point")
        if self.operation not in ("deleted", "unclear") and self.later is None:
            raise ValueError(f"a {self.operation} link needs its later point")
        if self.operation in ("amended", "merged", "split") and self.change is None:
            raise ValueError(f"a {self.operation} link needs a one-line change")
        return self


MODELS: dict[str, type[Record]] = {
    "sources": Source,
    "stakeholders": Stakeholder,
    "documents": Document,
    "provisions": Provision,
    "point_links": PointLink,
    "positions": Position,
    "events": Event,
    "discrepancies": Discrepancy,
}
"""Record tables in dependency order, with the model of each."""

TABLES: tuple[str, ...] = tuple(MODELS)
SLUG_RE = re.compile(SLUG_PATTERN)
PLAN_TARGET = "plan"


AnyEvidence = QuoteEvidence | LocatorEvidence
Loc = tuple[str | int, ...]
__all__ = ["evidence_items"]


def reference_marker(model: type[BaseModel], field_name: str) -> Ref | None:
    """The ``Ref`` marker of a model field, if the field is a reference."""
    for item in model.model_fields[field_name].metadata:
        if isinstance(item, Ref):
            return item
    return None


def reference_fields(model: type[BaseModel]) -> dict[str, Ref]:
    """The reference fields a model declares directly, with their markers."""
    found = {}
    for name in model.model_fields:
        marker = reference_marker(model, name)
        if marker is not None:
            found[name] = marker
    return found


def references(record: BaseModel) -> list[tuple[Loc, tuple[str, ...], str]]:
    """Every reference a record makes: its location, the tables it may point into, the id.

    Derived from the ``Ref`` markers, walking nested models (evidence, terms, variants).
    """
    found: list[tuple[Loc, tuple[str, ...], str]] = []

    def walk(node: BaseModel, loc: Loc) -> None:
        markers = reference_fields(type(node))
        for name in type(node).model_fields:
            value = getattr(node, name)
            marker = markers.get(name)
            if marker is not None:
                tables = (
                    (getattr(node, marker.table_field),) if marker.table_field else marker.tables
                )
                values = value if isinstance(value, list) else [value]
                for index, item in enumerate(values):
                    if item is None or item in marker.reserved:
                        continue
                    where = (*loc, name, index) if isinstance(value, list) else (*loc, name)
                    found.append((where, tables, item))
            elif isinstance(value, BaseModel):
                walk(value, (*loc, name))
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, BaseModel):
                        walk(item, (*loc, name, index))

    walk(record, ())
    return found
