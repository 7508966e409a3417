"""Outlets: the publishers and agencies whose text a source carries (its ``origin``)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from plan_dataset.models.fields import (
    CURATION_NOTES,
    CountryCode,
    Evidence,
    Record,
    ShortText,
    Text,
)
from plan_dataset.models.rules import enforce, repeated
from plan_dataset.models.vocabulary import OutletKind, Reliability

Domain = Annotated[
    str,
    StringConstraints(pattern=r"^([a-z0-9-]+\.)+[a-z]{2,}$", max_length=200),
    Field(examples=["tass.com"]),
]


class Outlet(Record):
    """A publisher or agency: a wire, a state agency, a broadcaster, a paper, an official site.

    An outlet is named as the ``origin`` of the sources that carry its text, with its
    own reliability class, whether or not it is also a stakeholder (an outlet quoted as
    an actor, such as Axios, is both, under one id).
    """

    ID_EXAMPLE = "tass"

    name: ShortText = Field(description="The outlet's usual name.")
    kind: OutletKind = Field(description="What sort of publisher or agency this is.")
    country: CountryCode | None = Field(
        default=None, description="ISO 3166-1 alpha-2 code of its home country; null if none."
    )
    reliability: Reliability = Field(
        description=(
            "The class of the outlet's own publications (see sources.reliability): a page "
            "carrying its text counts no higher, and not at all when it is state_affiliated, "
            "an aggregator or a partisan blog."
        )
    )
    aliases: list[ShortText] = Field(
        default_factory=list,
        description=(
            "Other names a caveat or note may use for it (e.g. 'AP' for the Associated "
            "Press): the V001 check looks for the name and these, as whole words."
        ),
    )
    domains: list[Domain] = Field(
        default_factory=list,
        description=(
            "Web domains of its own pages (subdomains included): a source at such an address "
            "is the outlet's own page, so it reaches the outlet without an origin."
        ),
    )
    notes: Text | None = Field(
        default=None, description="Why it is classed so, and caveats, in words for readers."
    )
    curation_notes: Text | None = Field(default=None, description=CURATION_NOTES)
    evidence: list[Evidence] = Field(
        default_factory=list, description="Optional evidence for the name or class."
    )

    @model_validator(mode="after")
    def _no_repeats(self) -> Outlet:
        enforce(repeated(self.aliases, "aliases") + repeated(self.domains, "domains"))
        return self
