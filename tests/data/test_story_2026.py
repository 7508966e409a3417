"""Dated facts of the 2026 story pass (issue 22, item 1), pinned against the records."""

from __future__ import annotations

import plan_dataset

# Classes that never count toward corroboration.
NOT_COUNTED = {"aggregator", "state_affiliated", "partisan_blog"}


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
    figures = dataset.corroboration(geneva)
    assert not figures.weakly_sourced
    assert "rt-medinsky-geneva-assessment" in evidence_sources(geneva)
    assert "rt-medinsky-geneva-assessment" not in figures.origin_ids
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
        assert dataset.corroboration(position).weakly_sourced, position_id


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


# --- Independent review of the story records (docs/curation-notes/review-story-2026.md) ---

# Every event and position the story pass added; the review checked each against its pages.
STORY_RECORDS = {
    "events": (
        "putin-erdogan-call-20251124",
        "eu-90-billion-loan-decision-20251218",
        "paris-coalition-summit-20260106",
        "miami-talks-20260117",
        "european-parliament-backs-eu-loan-20260121",
        "davos-trump-zelenskyy-meeting-20260122",
        "trump-putin-strike-pause-20260129",
        "russian-strike-ends-pause-20260203",
        "abu-dhabi-trilateral-talks-20260204",
        "eu-ambassadors-agree-loan-details-20260204",
        "prisoner-exchange-20260205",
        "munich-zelenskyy-rubio-meeting-20260214",
        "geneva-trilateral-talks-20260217",
        "hungary-blocks-eu-loan-20260220",
        "coalition-virtual-meeting-20260223",
        "eu-20th-sanctions-package-blocked-20260223",
        "eu-leaders-kyiv-anniversary-20260224",
        "geneva-us-ukraine-meeting-20260226",
        "prisoner-exchange-20260305",
        "trilateral-round-postponed-20260305",
        "trilateral-round-postponed-us-request-20260309",
        "eu-loan-and-20th-package-adopted-20260423",
        "zelenskyy-open-letter-to-putin-20260604",
    ),
    "positions": (
        "abdullah-bin-zayed-abu-dhabi-common-ground-20260205",
        "erdogan-broker-end-of-war-20251123",
        "jaiswal-plan-closely-monitoring-20251126",
        "lavrov-no-deadlines-20260226",
        "leo-xiv-plan-needs-europe-20251202",
        "leo-xiv-plan-without-europe-unrealistic-20251209",
        "macron-paris-declaration-convergence-20260106",
        "mao-ning-dialogue-hope-for-peace-20260227",
        "medinsky-geneva-difficult-businesslike-20260218",
        "orban-peace-now-eu-loan-202512",
        "peskov-anchorage-understandings-breakthrough-20260209",
        "peskov-trilateral-group-on-pause-20260319",
        "starmer-paris-military-hubs-20260106",
        "sybiha-20-point-bilateral-documents-202601",
        "sybiha-munich-three-points-leaders-202602",
        "trump-zelenskyy-holding-up-deal-20260114",
        "umerov-geneva-progress-20260218",
        "von-der-leyen-peace-on-ukraines-terms-20260224",
        "witkoff-abu-dhabi-constructive-20260205",
        "witkoff-geneva-meaningful-progress-20260218",
        "zelenskyy-davos-documents-nearly-ready-20260122",
        "zelenskyy-geneva-military-progress-20260218",
        "zelenskyy-munich-guarantees-20-years-20260214",
        "zelenskyy-munich-no-donetsk-withdrawal-20260214",
        "zelenskyy-open-letter-meeting-ceasefire-20260604",
        "zelenskyy-paris-documents-guarantees-20260106",
        "zelenskyy-us-guarantee-15-years-20251229",
        "zelenskyy-us-guarantee-document-ready-20260125",
        "zelenskyy-us-june-deadline-20260206",
    ),
}


def test_every_weakly_sourced_story_record_says_so(dataset: plan_dataset.Dataset) -> None:
    """The review found 15 records with one counted origin and no caveat; all now carry it."""
    for table, ids in STORY_RECORDS.items():
        for record_id in ids:
            record = dataset.get(table, record_id)
            if dataset.corroboration(record).weakly_sourced:
                assert (record.notes or "").startswith("Weakly sourced"), record_id


def test_plain_wire_copy_is_attributed_to_no_one(dataset: plan_dataset.Dataset) -> None:
    """A page carrying an outlet's own report names the outlet as origin, not as speaker."""
    outlets = {"reuters", "afp", "abc-news", "the-guardian"}
    for event_id in STORY_RECORDS["events"]:
        for item in dataset.get("events", event_id).evidence:
            assert item.attributed_to not in outlets, (event_id, item.source)
    postponed = dataset.get("events", "trilateral-round-postponed-20260305")
    dawn = next(i for i in postponed.evidence if i.source == "dawn-reuters-postpone-trilateral")
    assert dawn.attributed_to == "volodymyr-zelenskyy"


def test_february_swap_day_rests_on_an_independent_page(dataset: plan_dataset.Dataset) -> None:
    february = dataset.get("events", "prisoner-exchange-20260205")
    # No page gave 2 October 2025 as the previous swap; Witkoff said "five months".
    assert "2 October" not in february.summary and "five months" in february.summary
    assert "CGTN" not in february.notes
    mt = "themoscowtimes-pow-exchange-20260306"
    assert mt in evidence_sources(february)
    assert mt in evidence_sources(dataset.get("events", "prisoner-exchange-20260305"))
    assert dataset.get("sources", mt).reliability == "established_outlet"


def test_review_discrepancies(dataset: plan_dataset.Dataset) -> None:
    expected = {
        "kremlin-putin-agreed-kyiv-pause-202601": "trump-putin-strike-pause-20260129",
        "european-parliament-loan-approval-202601": "european-parliament-backs-eu-loan-20260121",
        "geneva-first-day-duration": "geneva-trilateral-talks-20260217",
    }
    for discrepancy_id, event_id in expected.items():
        discrepancy = dataset.get("discrepancies", discrepancy_id)
        assert (discrepancy.about.table, discrepancy.about.id) == ("events", event_id)
        assert len(discrepancy.variants) == 2
        assert discrepancy_id in dataset.get("events", event_id).notes
    pause = dataset.get("events", "trump-putin-strike-pause-20260129")
    assert "without saying whether Putin agreed" not in pause.summary
    march = dataset.get("events", "trilateral-round-postponed-20260305")
    assert "no one had postponed it" in march.notes


def test_munich_locators(dataset: plan_dataset.Dataset) -> None:
    donetsk = dataset.get("positions", "zelenskyy-munich-no-donetsk-withdrawal-20260214")
    assert [i.locator for i in donetsk.evidence] == ["paragraph 4"]
    munich = dataset.get("events", "munich-zelenskyy-rubio-meeting-20260214")
    guardian = next(
        i for i in munich.evidence if i.source == "guardian-briefing-zelenskyy-munich-copy"
    )
    assert guardian.locator == "paragraph 4"


def test_review_added_pages_firm_up_three_positions(dataset: plan_dataset.Dataset) -> None:
    erdogan = dataset.get("positions", "erdogan-broker-end-of-war-20251123")
    assert "notizie-askanews-erdogan-putin-call" in evidence_sources(erdogan)
    assert not dataset.corroboration(erdogan).weakly_sourced
    pope = dataset.get("positions", "leo-xiv-plan-needs-europe-20251202")
    assert "unn-vatican-news-pope-italy-mediator" in evidence_sources(pope)
    twenty = dataset.get("positions", "zelenskyy-munich-guarantees-20-years-20260214")
    assert "independent-munich-zelensky-slave-to-war" in evidence_sources(twenty)
