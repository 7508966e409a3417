"""Closed vocabularies and patterns of the data format. Changing one is a schema change."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from plan_dataset.evidence.corroboration import RELIABILITY_ORDER

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SLUG_MAX_LENGTH = 80
# Years every output can write: Python's dates start at year 1 and pandas' nanosecond
# timestamps (to_pandas, the Parquet readers) end in April 2262, so a year such as 0000
# or 9999 would validate and then crash a build, a release or the site.
MIN_YEAR, MAX_YEAR = 1900, 2199
_YEAR = "(19[0-9]{2}|2[01][0-9]{2})"
PARTIAL_DATE_PATTERN = rf"^{_YEAR}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
FULL_DATE_PATTERN = rf"^{_YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"

# Closed vocabularies. Changing one is a schema change (see CHANGELOG.md).
Hedge = Literal["asserted", "reported", "alleged", "speculative"]
Stance = Literal["supports", "conditional", "opposes", "unclear"]
SourceKind = Literal["news_report", "analysis", "official_statement", "plan_text", "aggregator"]
StakeholderKind = Literal[
    "person", "state", "government_body", "international_organization", "media_outlet", "group"
]
OutletKind = Literal[
    "wire_agency",
    "state_agency",
    "broadcaster",
    "newspaper",
    "magazine",
    "online_outlet",
    "official_site",
    "social_media",
    "aggregator",
    "blog",
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
if TYPE_CHECKING:
    from plan_dataset.evidence.corroboration import Reliability as Reliability
else:
    # The one ordered list, in corroboration.py, as the Literal pydantic reads.
    Reliability = Literal[RELIABILITY_ORDER]
"""Source classes, strongest first (see docs/curation-guide.md for the rule of each)."""
ProvisionStatus = Literal["reported", "speculative", "published"]
LinkOperation = Literal[
    "kept", "amended", "deleted", "added", "merged", "split", "moved", "unclear"
]
TermRelation = Literal["exactly", "approximately", "at_most", "at_least", "reduction_by"]
Verdict = Literal["accurate", "partly_accurate", "not_in_published_text", "unclear"]
DocumentKind = Literal["draft", "revision", "counter_proposal", "framework"]
QuestionStanding = Literal[
    "proposed",
    "kept",
    "amended",
    "contested",
    "agreed_in_principle",
    "deferred_to_leaders",
    "postponed",
    "dropped",
    "rejected",
    "signed",
    "partly_implemented",
    "implemented",
]
TableName = Literal[
    "sources",
    "stakeholders",
    "outlets",
    "documents",
    "provisions",
    "point_links",
    "questions",
    "positions",
    "events",
    "question_statuses",
    "discrepancies",
]
Precision = Literal["year", "month", "day"]
EvidenceKind = Literal["quote", "locator"]

# What each value of each closed vocabulary means, for the data dictionary. A test
# checks that every vocabulary has exactly its values here.
MEANINGS: dict[str, dict[str, str]] = {
    "Hedge": {
        "asserted": "the source states it plainly",
        "reported": "the source presents it as reported ('reportedly', 'according to reports')",
        "alleged": "the source presents it as alleged ('allegedly', 'purportedly')",
        "speculative": "an analyst's expectation or guess ('must contain', 'was expected to')",
    },
    "Stance": {
        "supports": "backs the plan, version or point",
        "conditional": "backs it only on conditions, or with changes",
        "opposes": "rejects it",
        "unclear": "the statement takes no clear side",
    },
    "SourceKind": {
        "news_report": "a news article",
        "analysis": "an analysis or commentary",
        "official_statement": "a statement by a government or official body",
        "plan_text": "a text of the plan itself",
        "aggregator": "a page collecting others' reports",
    },
    "StakeholderKind": {
        "person": "a named person",
        "state": "a country",
        "government_body": "a ministry, office, parliament or other state body",
        "international_organization": "the EU, NATO, the UN and the like",
        "media_outlet": "a news organization",
        "group": "any other group (officials, partners, sources)",
    },
    "OutletKind": {
        "wire_agency": "a news agency selling copy to other outlets (AFP, Reuters, Interfax)",
        "state_agency": "a news agency owned and run by a government (TASS, Xinhua, Ukrinform)",
        "broadcaster": "a television or radio broadcaster and its site",
        "newspaper": "a newspaper and its site",
        "magazine": "a magazine and its site",
        "online_outlet": "a newsroom publishing only online",
        "official_site": "a government's, president's or institution's own site",
        "social_media": "a person's own channel or account (Telegram, X)",
        "aggregator": "a site collecting others' reports",
        "blog": "a blog",
    },
    "Pillar": {
        "peace_in_ukraine": "the bucket on ending the war in Ukraine",
        "security_guarantees": "the bucket on guarantees for Ukraine's security",
        "security_in_europe": "the bucket on European security",
        "us_russia_relations": "the bucket on relations between the US and Russia",
    },
    "Topic": {
        "amnesty": "amnesty for acts during the war",
        "armed_forces": "the size or shape of armed forces",
        "arms_control": "arms control treaties and limits",
        "ceasefire": "ending the fighting",
        "culture_education": "culture, education and tolerance",
        "economy": "trade, investment and economic cooperation",
        "elections": "elections in Ukraine",
        "energy": "energy, including the Zaporizhzhia power plant",
        "eu_membership": "Ukraine's membership of the EU",
        "european_security": "security arrangements in Europe",
        "foreign_troops": "foreign troops in Ukraine",
        "frozen_assets": "frozen Russian assets",
        "humanitarian": "prisoners, civilians, children and families",
        "implementation": "how the agreement is monitored and enforced",
        "language": "languages and language rights",
        "military_assistance": "weapons and aid to Ukraine",
        "nato": "NATO membership and enlargement",
        "neutrality": "non-alignment and neutral status",
        "nuclear": "nuclear weapons and non-proliferation",
        "reconstruction": "rebuilding Ukraine",
        "religion": "churches and religious groups",
        "sanctions": "sanctions on Russia",
        "security_guarantees": "guarantees of Ukraine's security",
        "sovereignty": "Ukraine's sovereignty",
        "territory": "territory, lines of control and recognition",
        "us_russia_relations": "relations between the US and Russia",
        "weapons": "weapons systems and their limits",
    },
    "Reliability": {
        "primary": "the document itself or its issuer's own publication",
        "wire": "a news agency (AFP, Reuters, AP)",
        "established_outlet": "a newsroom with editorial standards and named authors",
        "regional_outlet": "a regional or national newsroom",
        "republisher": "reposts others' copy",
        "aggregator": "collects others' reports; never counts as corroboration",
        "state_affiliated": "state-controlled media: evidence of what that government said, "
        "never corroboration",
        "partisan_blog": "a partisan blog; never counts as corroboration",
        "unattributed_analysis": "an undated, unsigned analysis",
    },
    "ProvisionStatus": {
        "reported": "a source says the plan contains it",
        "speculative": "analysts only expect it",
        "published": "a numbered point of a published version",
    },
    "LinkOperation": {
        "kept": "the point stays, with the same content",
        "amended": "the point is changed",
        "deleted": "the point is gone from the later version",
        "added": "the point is new in the later version",
        "merged": "several earlier points became one",
        "split": "one earlier point became several",
        "moved": "same content under another number",
        "unclear": "the sources do not let the curators decide",
    },
    "TermRelation": {
        "exactly": "the quantity is exactly the value",
        "approximately": "the quantity is about the value",
        "at_most": "the value is a ceiling",
        "at_least": "the value is a floor",
        "reduction_by": "a relative cut by the value",
    },
    "Verdict": {
        "accurate": "the early report matches the published text",
        "partly_accurate": "it matches in part",
        "not_in_published_text": "the published text has nothing like it",
        "unclear": "the comparison does not decide",
    },
    "DocumentKind": {
        "draft": "a first draft",
        "revision": "a revised version",
        "counter_proposal": "an answer from another party",
        "framework": "a framework agreed between parties",
    },
    "QuestionStanding": {
        "proposed": "a version puts the question on the table for the first time",
        "kept": "a later version carries the point over with the same content",
        "amended": "a later version, or the negotiators, change the terms",
        "contested": "the parties are reported to disagree on it; it is open",
        "agreed_in_principle": "the negotiators say they agree on it, with details or "
        "signature still outstanding",
        "deferred_to_leaders": "the negotiators leave it to a meeting of leaders (or to a "
        "vote) to decide",
        "postponed": "a signing or decision that was planned is put off, the terms unchanged",
        "dropped": "a later version no longer deals with it",
        "rejected": "a party whose assent is needed says no to it",
        "signed": "a text covering it is signed",
        "partly_implemented": "steps it provides for are taken in part (one exchange of "
        "prisoners, say) while the whole is not agreed",
        "implemented": "what it provides for has been carried out",
    },
    "TableName": {
        "sources": "a cited document",
        "stakeholders": "a person, state, body, organization, outlet or group",
        "outlets": "a publisher or agency whose text sources carry",
        "documents": "a version of the plan",
        "provisions": "a provision or published point",
        "point_links": "a step of a point's lineage",
        "questions": "a question the versions deal with",
        "positions": "a stance",
        "events": "an event",
        "question_statuses": "a dated change in where a question stands",
        "discrepancies": "a disagreement between sources",
    },
    "Precision": {
        "year": "only the year is known (2025)",
        "month": "the year and month are known (2025-11)",
        "day": "the day is known (2025-11-21)",
    },
    "EvidenceKind": {
        "quote": "a verbatim quote, checked against an archived text",
        "locator": "a place in a page that is not archived, with a paraphrase",
    },
}
