"""Where each of the plan's questions stands: the questions and their dated status changes."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from plan_dataset.models.fields import (
    CURATION_NOTES,
    READER_NOTES,
    EvidenceList,
    PartialDate,
    Record,
    ShortText,
    Slug,
    Text,
    ref,
)
from plan_dataset.models.rules import enforce, repeated
from plan_dataset.models.vocabulary import QuestionStanding


class Question(Record):
    """One question the versions of the plan deal with (territory, the army cap …),
    linked to the points of every version that deal with it."""

    ID_EXAMPLE = "army-cap"

    title: ShortText = Field(description="Short plain name of the question.")
    summary: Text = Field(
        description="What the question is about, neutrally, in the curator's own words."
    )
    provisions: Annotated[
        list[Slug], ref("provisions", examples=("point-06", "e3-point-06", "f20-point-04"))
    ] = Field(
        min_length=1,
        description=(
            "Every provision (reported term or published point of any version) that deals "
            "with the question (no repeats)."
        ),
    )
    notes: Text | None = Field(default=None, description=READER_NOTES)
    curation_notes: Text | None = Field(default=None, description=CURATION_NOTES)

    @model_validator(mode="after")
    def _no_repeats(self) -> Question:
        enforce(repeated(self.provisions, "provisions"))
        return self


class QuestionStatus(Record):
    """A dated change in where one question stands, with the evidence for it."""

    ID_EXAMPLE = "army-cap-20251123-amended"

    question: Annotated[Slug, ref("questions", examples=("army-cap",))] = Field(
        description="The question whose standing changed."
    )
    date: PartialDate = Field(
        description="When the change happened, at the precision the sources give."
    )
    status: QuestionStanding = Field(
        description=(
            "Where the question stood from that date (closed vocabulary: proposed, kept, "
            "amended, contested, agreed_in_principle, deferred_to_leaders, postponed, dropped, "
            "rejected, signed, partly_implemented, implemented)."
        )
    )
    document: Annotated[
        Slug | None, ref("documents", examples=("us-ukraine-20-point-framework",))
    ] = Field(default=None, description="The version (document) the change concerns, if one.")
    provision: Annotated[Slug | None, ref("provisions", examples=("f20-point-04",))] = Field(
        default=None,
        description="The point the change concerns, if one; it must be linked to the question.",
    )
    event: Annotated[Slug | None, ref("events", examples=("geneva-talks-20251123",))] = Field(
        default=None, description="The event that caused the change, where one exists."
    )
    summary: Text = Field(description="Neutral summary of the change in the curator's own words.")
    notes: Text | None = Field(default=None, description=READER_NOTES)
    curation_notes: Text | None = Field(default=None, description=CURATION_NOTES)
    evidence: EvidenceList
