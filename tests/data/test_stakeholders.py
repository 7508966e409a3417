"""Stakeholders readers recognise: full names, neutral roles, and a country or bloc for all.

Reads the real checkout (issue 21, item 4) and checks the bloc code the model accepts.
A person or state without a country (A001) and a person named by one word (A002) are
coded checks; the tests pin names, roles and blocs against the pages.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

import plan_dataset
from plan_dataset.models.countries import BLOC_CODES, COUNTRY_CODES
from plan_dataset.models.fields import CountryCode

EU_OFFICIALS = ("kaja-kallas", "ursula-von-der-leyen", "antonio-costa")


@pytest.fixture(scope="module")
def stakeholders(dataset: plan_dataset.Dataset) -> dict[str, Any]:
    return {s.id: s for s in dataset.stakeholders}


def test_eu_institutions_and_officials_carry_the_eu_bloc(stakeholders: dict[str, Any]) -> None:
    for stakeholder_id in (*EU_OFFICIALS, "european-union"):
        assert stakeholders[stakeholder_id].country == "EU"


def test_people_have_full_names(stakeholders: dict[str, Any]) -> None:
    # That no person is named by one word is A002; these are the names the pages give.
    assert stakeholders["vladimir-putin"].name == "Vladimir Putin"
    assert stakeholders["volodymyr-zelenskyy"].name == "Volodymyr Zelenskyy"
    assert stakeholders["sergey-lavrov"].name == "Sergey Lavrov"


@pytest.mark.parametrize(
    ("stakeholder_id", "role", "source"),
    [
        ("sergey-lavrov", "Foreign Minister of Russia.", "theprint-reuters-lavrov-anchorage"),
        ("vladimir-putin", "President of Russia.", "vnnow-putin-bishkek"),
        ("volodymyr-zelenskyy", "President of Ukraine.", "unn-zelenskyy-driscoll-axios"),
        ("dmitry-peskov", "Kremlin spokesman.", "caliber-peskov-nato-cornerstone"),
        ("donald-trump", "President of the United States.", "straitstimes-afp-trump-not-read"),
    ],
)
def test_roles_are_as_the_pages_give_them(
    stakeholders: dict[str, Any], stakeholder_id: str, role: str, source: str
) -> None:
    stakeholder = stakeholders[stakeholder_id]
    assert stakeholder.role == role
    assert source in {e.source for e in stakeholder.evidence}


def test_no_role_guesses_from_context(stakeholders: dict[str, Any]) -> None:
    assert not [s.id for s in stakeholders.values() if "per context" in (s.role or "")]


def test_country_code_accepts_the_eu_bloc_and_only_real_codes() -> None:
    assert {"EU"} == BLOC_CODES and not BLOC_CODES & COUNTRY_CODES
    adapter = TypeAdapter(CountryCode)
    assert adapter.validate_python("EU") == "EU"
    assert adapter.validate_python("UA") == "UA"
    with pytest.raises(ValidationError):
        adapter.validate_python("XX")
