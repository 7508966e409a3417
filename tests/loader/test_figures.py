"""Figures and dates read as a reader expects: units, separators, words; no raw float."""

from __future__ import annotations

import re

import pytest

import plan_dataset
from plan_dataset.records.classes import Term
from plan_dataset.records.figures import format_date, format_number, format_value


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (600000, "personnel", "600,000 personnel"),
        (100000000000, "US dollars", "$100 billion"),
        (1e11, "euros", "€100 billion"),
        (2.5e9, "EUR", "€2.5 billion"),
        (1_200_000, "US dollars", "$1.2 million"),
        (950, "US dollars", "$950"),
        (50, "percent", "50%"),
        (12.5, "percent", "12.5%"),
        (100, "days", "100 days"),
        (800000.0, "personnel", "800,000 personnel"),
    ],
)
def test_values_read_with_their_units(value: float, unit: str, shown: str) -> None:
    assert format_value(value, unit) == shown


def test_numbers_never_print_in_exponent_form() -> None:
    assert format_number(1e11) == "100,000,000,000"
    assert format_number(0.125) == "0.125"
    assert "e" not in format_number(123456789012345.0)


@pytest.mark.parametrize(
    ("relation", "value", "unit", "shown"),
    [
        ("exactly", 600000, "personnel", "600,000 personnel"),
        ("at_most", 600000, "personnel", "at most 600,000 personnel"),
        ("at_least", 3, "days", "at least 3 days"),
        ("approximately", 400000, "personnel", "about 400,000 personnel"),
        ("reduction_by", 50, "percent", "a reduction of 50%"),
    ],
)
def test_a_terms_figure_has_its_relation_in_words(
    relation: str, value: float, unit: str, shown: str
) -> None:
    term = Term(id="x", label="x", relation=relation, value=value, unit=unit, evidence=())  # type: ignore[arg-type]
    assert term.figure == shown


def test_dates_keep_their_precision() -> None:
    assert format_date("2025-11-21") == "21 November 2025"
    assert format_date("2025-11") == "November 2025"
    assert format_date("2025") == "2025"
    assert format_date(None) == "undated"


def test_no_figure_of_the_dataset_reads_raw() -> None:
    dataset = plan_dataset.load()
    figures = [term.figure for p in dataset.provisions for term in p.terms]
    assert figures and "$100 billion" in figures and "a reduction of 50%" in figures
    for figure in figures:
        assert not re.search(r"\de\+\d|_", figure), figure
    for link in dataset.point_links:
        for row in dataset.compare(link.earlier_document, link.later_document):
            changed = row["changed_figures"] or ""
            assert not re.search(r"\de\+\d|reduction_by|\d{4,}(?!,)", changed), changed


def test_a_terms_html_view_shows_its_figure() -> None:
    point = plan_dataset.load().provision("point-06")
    shown = point._repr_html_()
    assert "at most 600,000 personnel" in shown and "600000" not in shown
