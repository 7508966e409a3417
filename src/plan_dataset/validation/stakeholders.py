"""Layer: stakeholders readers recognise. A person or a state has a country (or the EU
bloc code), and a person is named in full, as the pages name them."""

from __future__ import annotations

from collections.abc import Iterator

from plan_dataset.models import Stakeholder
from plan_dataset.validation.base import CheckedRecord, Code, Finding
from plan_dataset.validation.index import DatasetIndex
from plan_dataset.validation.layer import Layer

CODES = {
    "A001": Code(
        "stakeholders",
        "person or state without a country",
        "a person needs a country: its ISO 3166-1 code, or EU for the European Union's "
        "institutions and officials",
    ),
    "A002": Code(
        "stakeholders",
        "person not named in full",
        "'Kallas' is one word: name the person in full, as the pages do",
    ),
}
# Kinds of stakeholder that always belong to one country (or the EU bloc).
WITH_A_COUNTRY = frozenset({"person", "state"})


def check_stakeholder(record: CheckedRecord, _index: DatasetIndex) -> Iterator[Finding]:
    stakeholder = record.model
    if not isinstance(stakeholder, Stakeholder):
        return
    if stakeholder.kind in WITH_A_COUNTRY and stakeholder.country is None:
        yield Finding(
            ("kind",),
            "A001",
            f"a {stakeholder.kind} needs a country: its ISO 3166-1 code, or EU for the "
            "European Union's institutions and officials",
        )
    if stakeholder.kind == "person" and len(stakeholder.name.split()) < 2:
        yield Finding(
            ("name",),
            "A002",
            f"{stakeholder.name!r} is one word: name the person in full, as the pages do",
        )


LAYER = Layer("stakeholders", CODES, per_record=check_stakeholder)
