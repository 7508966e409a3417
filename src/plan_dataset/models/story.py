"""What happened around the plan: lineage, positions, events and discrepancies."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from plan_dataset.constants import PLAN_TARGET
from plan_dataset.models.fields import (
    CURATION_NOTES,
    READER_NOTES,
    EvidenceList,
    FullDate,
    PartialDate,
    Record,
    Ref,
    ShortText,
    Slug,
    Strict,
    Text,
    ref,
)
from plan_dataset.models.rules import Broken, enforce, repeated
from plan_dataset.models.vocabulary import (
    LinkOperation,
    Stance,
    TableName,
)


class Position(Record):
    """A stakeholder's stance on the plan as a whole or on one provision."""

    ID_EXAMPLE = "barrot-peace-not-capitulation"

    stakeholder: Annotated[Slug, ref("stakeholders", examples=("volodymyr-zelenskyy",))] = Field(
        description="Who holds the position: the speaker (person or body), never the outlet."
    )
    target: Annotated[
        Slug,
        ref(
            "documents",
            "provisions",
            reserved=(PLAN_TARGET,),
            examples=("plan", "us-28-point-draft", "point-21"),
        ),
    ] = Field(
        description=(
            "'plan' for the plan as a whole, the id of a document (one version of the plan), "
            "or the id of a provision (one point)."
        ),
    )
    stance: Stance = Field(description="supports, conditional, opposes or unclear.")
    summary: Text = Field(description="Neutral summary of the stance in the curator's own words.")
    date: PartialDate | None = Field(
        default=None, description="When it was stated, at the precision the source gives."
    )
    notes: Text | None = Field(default=None, description=READER_NOTES)
    curation_notes: Text | None = Field(default=None, description=CURATION_NOTES)
    questions: Annotated[list[Slug], ref("questions", examples=("territory",))] = Field(
        default_factory=list,
        description="The questions (see questions) the position addresses (no repeats).",
    )
    evidence: EvidenceList

    @model_validator(mode="after")
    def _no_repeated_questions(self) -> Position:
        enforce(repeated(self.questions, "questions"))
        return self


class Event(Record):
    """A dated happening the sources tie to the plan."""

    ID_EXAMPLE = "alaska-summit"

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
    participants: Annotated[
        list[Slug], ref("stakeholders", examples=("donald-trump", "vladimir-putin"))
    ] = Field(default_factory=list, description="Stakeholders who took part (no repeats).")
    documents: Annotated[list[Slug], ref("documents", examples=("us-28-point-draft",))] = Field(
        default_factory=list,
        description="Versions of the plan the event produced or discussed (no repeats).",
    )
    location: ShortText | None = Field(default=None, description="Where, if the sources say.")
    notes: Text | None = Field(default=None, description=READER_NOTES)
    curation_notes: Text | None = Field(default=None, description=CURATION_NOTES)
    evidence: EvidenceList

    @model_validator(mode="after")
    def _no_repeats(self) -> Event:
        broken = repeated(self.participants, "participants") + repeated(self.documents, "documents")
        if self.date is not None and (self.date_earliest or self.date_latest):
            message = "give either a date or a range (date_earliest, date_latest), not both"
            broken.append(Broken("C007", "date", message))
        if self.date_latest is not None and self.date_earliest is None:
            broken.append(Broken("C007", "date_latest", "date_latest needs date_earliest"))
        if self.date_earliest is not None and self.date_latest is None and self.notes is None:
            message = "a range with an open end needs notes saying why"
            broken.append(Broken("C007", "date_earliest", message))
        enforce(broken)
        return self


class RecordRef(Strict):
    """A reference to one record in any table."""

    table: TableName = Field(description="Table of the referenced record.", examples=["provisions"])
    id: Annotated[Slug, Ref(table_field="table", examples=("army-size-limit",))] = Field(
        description="Id of the referenced record (in the table named by table)."
    )


class Variant(Strict):
    """One of the disagreeing versions, with the evidence for it."""

    value: Text = Field(description="What this version says, in neutral words.")
    evidence: EvidenceList


class Discrepancy(Record):
    """A point on which sources disagree, or a source contradicts itself. Never resolved."""

    ID_EXAMPLE = "army-size-figures"

    title: ShortText = Field(description="Short neutral title.")
    summary: Text = Field(description="What the disagreement is, without taking a side.")
    about: RecordRef = Field(description="The record the disagreement concerns.")
    variants: Annotated[list[Variant], Field(min_length=2)] = Field(
        description="At least two versions, each with its own evidence."
    )
    notes: Text | None = Field(default=None, description=READER_NOTES)
    curation_notes: Text | None = Field(default=None, description=CURATION_NOTES)


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


class PointLink(Record):
    """One step of a point's lineage: a point of an earlier version and its counterpart in a later one."""

    ID_EXAMPLE = "us28-06-to-e3-06"

    earlier_document: Annotated[Slug, ref("documents", examples=("us-28-point-draft",))] = Field(
        description="The earlier version (document)."
    )
    later_document: Annotated[Slug, ref("documents", examples=("european-counter-proposal",))] = (
        Field(description="The later version (document).")
    )
    earlier: Annotated[Slug | None, ref("provisions", examples=("point-06",))] = Field(
        default=None,
        description="The point of the earlier version; null only for an added point.",
    )
    later: Annotated[Slug | None, ref("provisions", examples=("e3-point-06",))] = Field(
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
    notes: Text | None = Field(default=None, description=READER_NOTES)
    curation_notes: Text | None = Field(default=None, description=CURATION_NOTES)
    evidence: EvidenceList

    @model_validator(mode="after")
    def _operation_rules(self) -> PointLink:
        broken: list[Broken] = []
        a_link = f"{_article(self.operation)} {self.operation} link"
        if self.earlier_document == self.later_document:
            message = "a link joins two different documents"
            broken.append(Broken("C008", "later_document", message))
        if self.operation == "added":
            if self.earlier is not None or self.later is None:
                message = "an added link has a later point and no earlier one"
                broken.append(Broken("C008", "earlier", message))
        elif self.earlier is None:
            broken.append(Broken("C008", "earlier", f"{a_link} needs its earlier point"))
        if self.operation == "deleted" and self.later is not None:
            broken.append(Broken("C008", "later", "a deleted link has no later point"))
        if self.operation not in ("deleted", "unclear", "added") and self.later is None:
            broken.append(Broken("C008", "later", f"{a_link} needs its later point"))
        if self.operation in ("amended", "merged", "split") and self.change is None:
            broken.append(Broken("C008", "change", f"{a_link} needs a one-line change"))
        enforce(broken)
        return self
