"""What readers see for each closed-vocabulary value: a label derived from the data dictionary.

The codes (``regional_outlet``, ``at_most``) are for machines; the site shows a label made
from the code, and the code's meaning from ``MEANINGS`` as the label's explanation. This
is the one place the site states how a code reads.
"""

from __future__ import annotations

from plan_dataset.models.vocabulary import MEANINGS

# Where the plain rule (underscores to spaces) would misspell a name or a term.
_SPELLED: dict[str, str] = {
    "eu_membership": "EU membership",
    "nato": "NATO",
    "us_russia_relations": "US\u2013Russia relations",
    "counter_proposal": "counter-proposal",
    "peace_in_ukraine": "peace in Ukraine",
    "security_in_europe": "security in Europe",
    "culture_education": "culture and education",
    "state_affiliated": "state-affiliated",
    "not_in_published_text": "not in the published text",
    "partly_accurate": "partly accurate",
}


def label_of(code: str) -> str:
    """How a reader sees one code: ``regional_outlet`` reads ``regional outlet``."""
    return _SPELLED.get(code, code.replace("_", " "))


LABELS: dict[str, dict[str, str]] = {
    vocabulary: {code: label_of(code) for code in meanings}
    for vocabulary, meanings in MEANINGS.items()
}
"""Every vocabulary's label per code, derived from the data dictionary's codes."""


def label(vocabulary: str, code: str | None) -> str:
    """The label of one code of one vocabulary (``label("Reliability", "wire")``)."""
    if code is None:
        return ""
    return LABELS[vocabulary][code]


def meaning(vocabulary: str, code: str | None) -> str:
    """The data dictionary's explanation of one code, for a title or a legend."""
    if code is None:
        return ""
    return MEANINGS[vocabulary][code]


def vocabulary_codes() -> set[str]:
    """Every code that must never reach a reader as it is (the ones a reader would not write)."""
    return {code for meanings in MEANINGS.values() for code in meanings if "_" in code}


# ISO 3166-1 alpha-2 codes the stakeholders use, or are likely to; an unknown code is shown
# as it is (two capitals still read as a country code).
COUNTRY_NAMES: dict[str, str] = {
    "AE": "United Arab Emirates",
    "AT": "Austria",
    "BE": "Belgium",
    "BG": "Bulgaria",
    "BR": "Brazil",
    "BY": "Belarus",
    "CA": "Canada",
    "CH": "Switzerland",
    "CN": "China",
    "CZ": "Czechia",
    "DE": "Germany",
    "DK": "Denmark",
    "EE": "Estonia",
    "ES": "Spain",
    "FI": "Finland",
    "FR": "France",
    "GB": "United Kingdom",
    "GR": "Greece",
    "HU": "Hungary",
    "IE": "Ireland",
    "IL": "Israel",
    "IN": "India",
    "IR": "Iran",
    "IT": "Italy",
    "JP": "Japan",
    "KP": "North Korea",
    "KR": "South Korea",
    "KZ": "Kazakhstan",
    "LT": "Lithuania",
    "LV": "Latvia",
    "MD": "Moldova",
    "NL": "Netherlands",
    "NO": "Norway",
    "PL": "Poland",
    "PT": "Portugal",
    "QA": "Qatar",
    "RO": "Romania",
    "RU": "Russia",
    "SA": "Saudi Arabia",
    "SE": "Sweden",
    "SK": "Slovakia",
    "TR": "Türkiye",
    "UA": "Ukraine",
    "US": "United States",
    "VA": "Holy See",
    "ZA": "South Africa",
}


def country_name(code: str | None) -> str:
    """A country's English short name from its ISO code."""
    if code is None:
        return ""
    return COUNTRY_NAMES.get(code, code)


# How each table's records read in a sentence ("about the event …").
RECORD_KINDS: dict[str, str] = {
    "sources": "the source",
    "stakeholders": "the stakeholder",
    "documents": "the version",
    "provisions": "the point",
    "point_links": "the step between versions",
    "positions": "the position",
    "events": "the event",
    "discrepancies": "the discrepancy",
    "outlets": "the outlet",
    "questions": "the question",
    "question_statuses": "the status of a question",
}

# A table's name as a heading, for the home page's counts and downloads.
TABLE_TITLES: dict[str, str] = {
    "sources": "Sources",
    "stakeholders": "Stakeholders",
    "documents": "Versions of the plan",
    "provisions": "Provisions and points",
    "point_links": "Steps between versions",
    "positions": "Positions",
    "events": "Events",
    "discrepancies": "Discrepancies",
    "provision_topics": "Topics of each point",
    "provision_terms": "Figures in each point",
    "provision_points": "Published points each early report matches",
    "event_participants": "Who took part in each event",
    "event_documents": "Versions each event concerns",
    "discrepancy_variants": "The variants of each discrepancy",
    "attributions": "Evidence: one row per quote or locator",
    "corroboration": "How well each fact is corroborated",
    "outlets": "Outlets and agencies",
    "outlet_aliases": "Other names of each outlet",
    "outlet_domains": "Web domains of each outlet",
    "source_credits": "Outlets and sources each page credits",
    "questions": "The plan's questions",
    "question_provisions": "Points of every version on each question",
    "question_statuses": "Where each question stood, and when",
    "position_questions": "Questions each position addresses",
}
