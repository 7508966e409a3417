"""The plan's own records: sources, stakeholders, versions (documents) and provisions."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from plan_dataset.models.fields import (
    CURATION_NOTES,
    READER_NOTES,
    CountryCode,
    Evidence,
    EvidenceList,
    FullDate,
    PartialDate,
    Record,
    ShortText,
    Slug,
    Strict,
    Text,
    WebAddress,
    ref,
)
from plan_dataset.models.rules import Broken, enforce, repeated
from plan_dataset.models.vocabulary import (
    DocumentKind,
    Pillar,
    ProvisionStatus,
    Reliability,
    SourceKind,
    StakeholderKind,
    TermRelation,
    Topic,
    Verdict,
)


class Source(Record):
    """A document that records cite."""

    ID_EXAMPLE = "seed-004"

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
    url: WebAddress | None = Field(
        default=None, description="Where the document was published, if known."
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
    metadata_checked: FullDate | None = Field(
        default=None,
        description=(
            "When a curator checked the document itself for its publisher and publication "
            "date. Once checked, a null publisher or published means the document does not "
            "show it; null here means nobody has checked yet."
        ),
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
    origin: Annotated[Slug | None, ref("outlets", "sources", examples=("axios",))] = Field(
        default=None,
        description=(
            "Whose text this source carries when it republishes or relays another's: an "
            "outlet id (e.g. axios, afp, reuters, tass) or a source id. Sources with one "
            "origin count once toward corroboration. Null when the text is the source's own."
        ),
    )
    credits: Annotated[list[Slug], ref("outlets", "sources", examples=("reuters",))] = Field(
        default_factory=list,
        description=(
            "Other outlets or sources the page credits for parts of its text, besides its "
            "origin (not photo credits). The page counts no higher than any of them, and not "
            "at all when one is state media, an aggregator or a partisan blog."
        ),
    )
    caveats: Text | None = Field(
        default=None,
        description="What a reader must know, e.g. editing markers left in, a copy cut off mid-point.",
    )
    notes: Text | None = Field(
        default=None, description="Anything else a reader should know: scope, context."
    )
    curation_notes: Text | None = Field(default=None, description=CURATION_NOTES)
    evidence: Annotated[list[Evidence], Field(min_length=1)] = Field(
        description="Where the source's own text supports this metadata, e.g. its title line."
    )

    @model_validator(mode="after")
    def _archived_or_linked(self) -> Source:
        broken = repeated(self.credits, "credits")
        if (self.path is None) != (self.sha256 is None):
            field = "sha256" if self.path is not None else "path"
            broken.append(
                Broken("C001", field, "path and sha256 go together: give both or neither")
            )
        if self.path is None and self.url is None:
            broken.append(Broken("C002", "url", "a source needs a path (archived) or a url"))
        if self.path is None and self.retrieved is None:
            message = "a source that is not archived needs its retrieval date"
            broken.append(Broken("C003", "retrieved", message))
        if self.origin is not None and self.origin in self.credits:
            broken.append(Broken("C004", "credits", "credits must not repeat the origin"))
        enforce(broken)
        return self


class Stakeholder(Record):
    """A person, state, body, organization, outlet or group involved with the plan.

    An outlet's class as a publisher lives in ``outlets`` (same id when it is both).
    """

    ID_EXAMPLE = "volodymyr-zelenskyy"

    name: ShortText = Field(description="Name as the sources give it.")
    kind: StakeholderKind = Field(description="What sort of actor this is.")
    country: CountryCode | None = Field(
        default=None,
        description=(
            "ISO 3166-1 alpha-2 code where one country applies, or the bloc code EU (reserved "
            "for the European Union in ISO 3166-1) for EU institutions and their officials."
        ),
    )
    role: Text | None = Field(
        default=None, description="Role or office as the sources state it, in neutral words."
    )
    affiliation: Annotated[Slug | None, ref("stakeholders", examples=("ukraine",))] = Field(
        default=None, description="Stakeholder this one belongs to or acts for."
    )
    notes: Text | None = Field(
        default=None, description="Caveats, e.g. sources disagree on a title."
    )
    curation_notes: Text | None = Field(default=None, description=CURATION_NOTES)
    evidence: list[Evidence] = Field(
        default_factory=list, description="Optional evidence for the role or affiliation."
    )


class Document(Record):
    """A version of the plan itself (the 28-point draft, later revisions, counter-proposals)."""

    ID_EXAMPLE = "us-28-point-draft"

    title: ShortText = Field(description="A neutral name for this version.")
    kind: DocumentKind = Field(description="Draft, revision, counter-proposal or framework.")
    date: PartialDate | None = Field(
        default=None, description="When this version was presented or published, if known."
    )
    point_count: Annotated[int, Field(ge=1, le=100)] | None = Field(
        default=None, description="How many points the version has, as published."
    )
    supersedes: Annotated[Slug | None, ref("documents", examples=("us-28-point-draft",))] = Field(
        default=None, description="Document this version replaces."
    )
    derived_from: Annotated[Slug | None, ref("documents", examples=("us-28-point-draft",))] = Field(
        default=None, description="Document this version was built from or answers."
    )
    summary: Text = Field(description="Neutral summary in the curator's own words.")
    notes: Text | None = Field(default=None, description="Caveats about this version.")
    curation_notes: Text | None = Field(default=None, description=CURATION_NOTES)
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

    points: Annotated[list[Slug], ref("provisions", examples=("point-06",))] = Field(
        default_factory=list,
        description="Ids of the published points (provisions with status published) it matches.",
    )
    verdict: Verdict = Field(description="Whether the early report matches the published text.")
    reason: ShortText = Field(description="One neutral line saying why.")


class Provision(Record):
    """A term the plan reportedly contains, or a point of a published version."""

    ID_EXAMPLE = "army-size-limit"

    title: ShortText = Field(description="Short neutral title.")
    summary: Text = Field(description="Neutral summary in the curator's own words.")
    pillar: Pillar | None = Field(
        default=None,
        description="Which of the four reported buckets, when a source ties it to one.",
    )
    topics: Annotated[list[Topic], Field(min_length=1)] = Field(
        description="Subjects the provision touches (closed vocabulary, no repeats)."
    )
    obligated_party: Annotated[Slug | None, ref("stakeholders", examples=("ukraine",))] = Field(
        default=None, description="Stakeholder that would have to act, if the sources say."
    )
    status: ProvisionStatus = Field(
        description=(
            "reported: sources say the plan contains it; speculative: analysts only expect it; "
            "published: a numbered point of a published document."
        )
    )
    document: Annotated[Slug | None, ref("documents", examples=("us-28-point-draft",))] = Field(
        default=None,
        description=(
            "For published points: the document (plan version) it is in. For a reported "
            "provision: the version reports say it belongs to, when that is not the "
            "28-point draft (e.g. the unpublished 19-point revision)."
        ),
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
    notes: Text | None = Field(default=None, description=READER_NOTES)
    curation_notes: Text | None = Field(default=None, description=CURATION_NOTES)
    evidence: EvidenceList

    @model_validator(mode="after")
    def _status_rules(self) -> Provision:
        broken = repeated(self.topics, "topics")
        if len({term.id for term in self.terms}) != len(self.terms):
            broken.append(Broken("C004", "terms", "term ids must not repeat within a provision"))
        hedges = {item.hedge for item in self.evidence}
        if self.status == "speculative" and hedges != {"speculative"}:
            message = "a speculative provision may only cite speculative evidence"
            broken.append(Broken("C005", "status", message))
        if self.status == "reported" and hedges == {"speculative"}:
            message = "a provision resting only on speculation must have status speculative"
            broken.append(Broken("C005", "status", message))
        if self.status == "published":
            for field in ("document", "point_number"):
                if getattr(self, field) is None:
                    message = "a published point needs its document and point_number"
                    broken.append(Broken("C006", field, message))
            if self.reconciliation is not None:
                message = "only reported or speculative provisions are reconciled"
                broken.append(Broken("C006", "reconciliation", message))
        elif self.point_number is not None:
            message = "point_number is only for published points"
            broken.append(Broken("C006", "point_number", message))
        enforce(broken)
        return self
