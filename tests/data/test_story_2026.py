"""Dated facts of the 2026 story pass (issue 22, item 1), pinned against the records."""

from __future__ import annotations

import pytest
from conftest import ROOT

import plan_dataset

# Classes that never count toward corroboration.
NOT_COUNTED = {"aggregator", "state_affiliated", "partisan_blog"}


@pytest.fixture(scope="module")
def dataset() -> plan_dataset.Dataset:
    return plan_dataset.load(ROOT)


def evidence_sources(record) -> set[str]:
    return {item.source for item in record.evidence}


def start(event) -> str:
    return event.date or event.date_earliest


def test_trilateral_rounds_dates_places_and_order(dataset: plan_dataset.Dataset) -> None:
    second = dataset.get("events", "abu-dhabi-trilateral-talks-20260204")
    assert (second.date_earliest, second.date_latest) == ("2026-02-04", "2026-02-05")
    assert second.location.startswith("Abu Dhabi")
    geneva = dataset.get("events", "geneva-trilateral-talks-20260217")
    assert (geneva.date_earliest, geneva.date_latest) == ("2026-02-17", "2026-02-18")
    assert "vladimir-medinsky" in geneva.participants
    first = dataset.get("events", "abu-dhabi-trilateral-talks-20260123")
    assert start(first) < start(second) < start(geneva)
    # The one page that gives 16 February is kept as a discrepancy, not dropped.
    dates = dataset.get("discrepancies", "geneva-trilateral-round-dates")
    assert dates.about.id == geneva.id
    assert {"17-18 February 2026.", "16 February 2026."} == {v.value for v in dates.variants}


def test_geneva_round_rests_on_independent_pages_not_state_media(
    dataset: plan_dataset.Dataset,
) -> None:
    geneva = dataset.get("events", "geneva-trilateral-talks-20260217")
    figures = dataset.corroboration(geneva)[None]
    assert not figures.weakly_sourced
    assert "rt-medinsky-geneva-assessment" in evidence_sources(geneva)
    assert "rt-medinsky-geneva-assessment" not in figures.origins
    assert dataset.get("sources", "rt-medinsky-geneva-assessment").reliability == "state_affiliated"


def test_paris_summit_and_its_primary_page(dataset: plan_dataset.Dataset) -> None:
    paris = dataset.get("events", "paris-coalition-summit-20260106")
    assert paris.date == "2026-01-06"
    assert {"emmanuel-macron", "keir-starmer", "volodymyr-zelenskyy", "steve-witkoff"} <= set(
        paris.participants
    )
    primary = dataset.get("sources", "president-gov-ua-coalition-documents")
    assert primary.reliability == "primary"
    assert (primary.published, primary.metadata_checked) == ("2026-01-06", "2026-12-03")


def test_prisoner_exchanges_agreed_in_the_talks(dataset: plan_dataset.Dataset) -> None:
    february = dataset.get("events", "prisoner-exchange-20260205")
    assert february.date == "2026-02-05"
    assert "157" in february.summary and "314" in february.summary
    march = dataset.get("events", "prisoner-exchange-20260305")
    assert (march.date_earliest, march.date_latest) == ("2026-03-05", "2026-03-06")
    assert "Geneva" in march.summary
    # The Citizen carries AFP copy: its origin is the wire, not its own newsroom.
    assert dataset.get("sources", "citizen-afp-500-pow-exchange").origin == "afp"


def test_march_postponements_and_pause(dataset: plan_dataset.Dataset) -> None:
    first = dataset.get("events", "trilateral-round-postponed-20260305")
    second = dataset.get("events", "trilateral-round-postponed-us-request-20260309")
    assert (first.date, second.date) == ("2026-03-05", "2026-03-09")
    planned = dataset.get("discrepancies", "march-trilateral-planned-dates")
    assert len(planned.variants) == 2
    pause = dataset.get("positions", "peskov-trilateral-group-on-pause-20260319")
    assert pause.date == "2026-03-19"
    assert {item.hedge for item in pause.evidence} == {"reported"}


def test_latest_event_is_the_open_letter_of_june_2026(dataset: plan_dataset.Dataset) -> None:
    letter = dataset.get("events", "zelenskyy-open-letter-to-putin-20260604")
    assert letter.date == "2026-06-04"
    latest = max(dataset.events, key=lambda e: e.date_latest or e.date or e.date_earliest)
    assert latest.id == letter.id
    counted = [
        s
        for s in evidence_sources(letter)
        if dataset.get("sources", s).reliability not in NOT_COUNTED
    ]
    assert len(counted) == 2


def test_late_2025_gaps_filled(dataset: plan_dataset.Dataset) -> None:
    guarantee = dataset.get("positions", "zelenskyy-us-guarantee-15-years-20251229")
    assert (guarantee.date, guarantee.target, guarantee.stance) == (
        "2025-12-29",
        "f20-point-05",
        "conditional",
    )
    loan = dataset.get("events", "eu-90-billion-loan-decision-20251218")
    assert (loan.date_earliest, loan.date_latest) == ("2025-12-18", "2025-12-19")
    india = dataset.get("positions", "jaiswal-plan-closely-monitoring-20251126")
    assert india.date == "2025-11-26"
    assert dataset.get("stakeholders", india.stakeholder).affiliation == "india"
    assert dataset.get("sources", "sputnikindia-india-reacts-peace-plan").reliability == (
        "state_affiliated"
    )


def test_weak_positions_say_so(dataset: plan_dataset.Dataset) -> None:
    """A position resting only on state media or republishers carries a caveat."""
    for position_id in (
        "mao-ning-dialogue-hope-for-peace-20260227",
        "sybiha-munich-three-points-leaders-202602",
        "peskov-anchorage-understandings-breakthrough-20260209",
        "leo-xiv-plan-needs-europe-20251202",
    ):
        position = dataset.get("positions", position_id)
        assert position.notes.startswith("Weakly sourced"), position_id
        assert dataset.corroboration(position)[None].weakly_sourced, position_id


def test_eu_loan_course_to_april_2026(dataset: plan_dataset.Dataset) -> None:
    veto = dataset.get("events", "hungary-blocks-eu-loan-20260220")
    adopted = dataset.get("events", "eu-loan-and-20th-package-adopted-20260423")
    assert (veto.date, adopted.date) == ("2026-02-20", "2026-04-23")
    assert "hungary" in veto.participants and "hungary" in adopted.participants
    belga = dataset.get("sources", "belga-eu-formally-approves-loan-sanctions")
    assert (belga.reliability, belga.published) == ("established_outlet", "2026-04-23")
    # The sanctions package blocked on 23 February is the one adopted on 23 April.
    blocked = dataset.get("events", "eu-20th-sanctions-package-blocked-20260223")
    assert adopted.id in blocked.notes
