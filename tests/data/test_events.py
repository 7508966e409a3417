"""Events: the timeline and the story from the Alaska summit on.

Each test pins an event's date, place, participants or wording, or a disagreement kept
as a discrepancy, against the pages that give it; the comment above each group names the
curation pass and its notes in docs/curation-notes/. Every event can be placed in time and
ranges run forwards (E004, E001): those rules are coded checks.
"""

from __future__ import annotations

from typing import Any

import plan_dataset
from plan_dataset.evidence.corroboration import NEVER_COUNTS

SEED_004_REVEAL = "The public revelation of the supposed peace plan on Thursday, November 20, 2025"


def sources_of(record) -> set[str]:
    return {e.source for e in record.evidence}


def start(event) -> str:
    return event.date or event.date_earliest


def by_id(records) -> dict:
    return {record.id: record for record in records}


# --- The curated timeline (issue 13; docs/curation-notes/events.md) ---


def test_timeline_size_and_span(dataset: plan_dataset.Dataset) -> None:
    events = dataset.events
    assert len(events) >= 40
    # Every event can be placed and ranges run forwards: E004 and E001 check that.
    later = [e for e in events if start(e) >= "2025-08"]
    assert min(later, key=start).id == "alaska-summit"
    assert any(start(e) >= "2025-12-29" for e in events)
    day_dated = [e for e in events if e.date and len(e.date) == 10]
    assert len(day_dated) >= 25


def test_alaska_summit_day_and_place(dataset: plan_dataset.Dataset) -> None:
    summit = dataset.get("events", "alaska-summit")
    assert summit.date == "2025-08-15"
    assert "Anchorage" in summit.location
    assert {"spokesman-adn-alaska", "meaww-putin-witkoff-kushner"} <= {
        e.source for e in summit.evidence
    }


def test_geneva_talks_and_joint_statement(dataset: plan_dataset.Dataset) -> None:
    geneva = dataset.get("events", "geneva-talks-20251123")
    assert geneva.date == "2025-11-23" and geneva.location == "Geneva"
    assert {"andriy-yermak", "marco-rubio", "steve-witkoff", "dan-driscoll"} <= set(
        geneva.participants
    )
    assert set(geneva.documents) == {"us-28-point-draft", "us-19-point-revision"}
    statement = dataset.get("events", "us-ukraine-geneva-joint-statement-20251123")
    assert statement.documents == ("us-19-point-revision",)
    # Two independent origins: Censor.NET's own report and Euromaidan Press.
    assert {"censor-geneva-joint-statement", "euromaidanpress-geneva"} <= {
        e.source for e in statement.evidence
    }


def test_twenty_point_briefing_is_a_range_with_both_dates(dataset: plan_dataset.Dataset) -> None:
    briefing = dataset.get("events", "zelenskyy-20-point-briefing-20251223")
    assert briefing.date is None
    assert (briefing.date_earliest, briefing.date_latest) == ("2025-12-23", "2025-12-24")
    assert briefing.documents == ("us-ukraine-20-point-framework",)
    dates = dataset.get("discrepancies", "twenty-point-briefing-date")
    values = " | ".join(v.value for v in dates.variants)
    assert "23 December" in values and "24 December" in values


def test_hedges_fixed_per_issue(dataset: plan_dataset.Dataset) -> None:
    revealed = dataset.get("events", "plan-revealed")
    (item,) = [
        e
        for e in revealed.evidence
        if (getattr(e, "quote", None) or "").startswith("The public revelation")
    ]
    assert item.hedge == "asserted"
    assert (revealed.date_earliest, revealed.date_latest) == ("2025-11-18", "2025-11-20")
    trip = dataset.get("events", "zelenskyy-turkey-trip")
    hedges = {e.quote: e.hedge for e in trip.evidence if getattr(e, "quote", None)}
    # The asserted quote stops before the aim, which the seed gives as a reported intention.
    assert hedges["as he travels to Turkey"] == "asserted"
    assert any(
        q.startswith("President Zelenskyy\u2019s reported intention") and h == "reported"
        for q, h in hedges.items()
    )
    assert trip.date == "2025-11-19"
    briefs = dataset.get("events", "white-house-briefs-europeans")
    assert any(
        getattr(e, "quote", None) == "stating the intent is to adapt it based on input"
        for e in briefs.evidence
    )


def test_mar_a_lago_meeting_and_referendum(dataset: plan_dataset.Dataset) -> None:
    meeting = dataset.get("events", "mar-a-lago-meeting-20251228")
    assert meeting.date == "2025-12-28"
    assert {"donald-trump", "volodymyr-zelenskyy"} == set(meeting.participants)
    referendum = dataset.get("events", "zelenskyy-referendum-remarks-20251229")
    assert referendum.date == "2025-12-29"
    sources = {e.source for e in referendum.evidence}
    assert {"globalbanking-reuters-referendum", "wionews-zelensky-referendum"} <= sources
    assert dataset.get("sources", "globalbanking-reuters-referendum").origin == "reuters"
    assert dataset.get("sources", "tass-zelensky-referendum").reliability == "state_affiliated"


def test_kremlin_meeting_and_abu_dhabi_ranges(dataset: plan_dataset.Dataset) -> None:
    kremlin = dataset.get("events", "kremlin-witkoff-kushner-putin-20251202")
    assert kremlin.date == "2025-12-02" and kremlin.location == "Kremlin, Moscow"
    abu_dhabi = dataset.get("events", "driscoll-abu-dhabi-talks-20251124")
    assert (abu_dhabi.date_earliest, abu_dhabi.date_latest) == ("2025-11-24", "2025-11-25")
    origins = {dataset.get("sources", e.source).origin for e in abu_dhabi.evidence}
    assert {"abc-news", "axios", "financial-times", "reuters"} <= origins


# The sources audit's hedge fixes (docs/curation-notes/sources-audit.md): the seeds' own
# words are asserted, what they report as an intention is reported.


def test_seed_004_reveal_date_is_asserted_outside_events(dataset: plan_dataset.Dataset) -> None:
    found = []
    for table in dataset.table_names():
        if table == "events":  # the events helper fixes the same item there
            continue
        for record in dataset.table(table):
            for item in dataset.evidence(record):
                if item.kind == "quote" and SEED_004_REVEAL in item.quote:
                    found.append((table, record.id, item.hedge))
    assert ("discrepancies", "plan-reveal-date", "asserted") in found
    assert ("documents", "us-28-point-draft", "asserted") in found
    assert {hedge for _table, _id, hedge in found} == {"asserted"}


def test_turkey_travel_asserted_and_envoy_quote_attributed(dataset: plan_dataset.Dataset) -> None:
    turkey = dataset.stakeholder("turkey")
    travel = [
        e for e in turkey.evidence if e.kind == "quote" and e.quote == "as he travels to Turkey"
    ]
    assert [e.hedge for e in travel] == ["asserted"]
    position = dataset.get("positions", "dmitriev-russian-position-heard")
    seed_002 = [e for e in dataset.evidence(position) if e.source == "seed-002"]
    assert seed_002 and all(e.attributed_to == "kirill-dmitriev" for e in seed_002)


# The seeds give two death tolls for the Ternopil strike (issue 1).


def test_ternopil_death_toll_keeps_both_counts(dataset: plan_dataset.Dataset) -> None:
    toll = dataset.get("discrepancies", "ternopil-death-toll")
    quotes = " ".join(e.quote for v in toll.variants for e in v.evidence if e.kind == "quote")
    assert "at least 25" in quotes and "at least 26" in quotes


# --- Corrections of the review-rest audit of events (docs/curation-notes/review-rest.md) ---


def test_kyiv_strike_death_toll_variants(dataset: plan_dataset.Dataset) -> None:
    strike = dataset.get("events", "kyiv-strike-20251125")
    assert strike.date == "2025-11-25"
    assert "rferl-kyiv-strike-abu-dhabi" in sources_of(strike)
    gap = dataset.get("discrepancies", "kyiv-strike-november-25-death-toll")
    values = {v.value: {e.source for e in v.evidence} for v in gap.variants}
    assert values["At least seven people killed."] == {"capeandislands-ap-kyiv-strike-seven"}
    assert "telegraphindia-abu-dhabi-kyiv-strike" in values["At least six people killed."]
    assert (
        dataset.get("sources", "capeandislands-ap-kyiv-strike-seven").origin == "associated-press"
    )


def test_driscoll_reuters_copy_hedges(dataset: plan_dataset.Dataset) -> None:
    talks = dataset.get("events", "driscoll-abu-dhabi-talks-20251124")
    items = [
        (e.locator, e.hedge, e.attributed_to)
        for e in talks.evidence
        if e.source == "telegraphindia-abu-dhabi-kyiv-strike"
    ]
    assert items == [
        ("paragraph 1", "asserted", None),
        ("paragraph 2", "reported", "unnamed-us-official"),
    ]


# --- Corrections of the review-story audit, second pass (docs/curation-notes/review-story.md) ---


def test_december_miami_talks_run_to_sunday_21(dataset: plan_dataset.Dataset) -> None:
    talks = dataset.get("events", "miami-talks-20251219")
    assert talks.date is None
    assert (talks.date_earliest, talks.date_latest) == ("2025-12-19", "2025-12-21")
    assert {
        "kurdistan24-witkoff-florida-talks",
        "cobramcourier-miami-talks-dec21",
    } <= sources_of(talks)
    span = dataset.get("discrepancies", "miami-talks-december-19-span")
    assert span.about.id == talks.id
    assert len(span.variants) == 2


def test_kremlin_meeting_length_and_afp_origin(dataset: plan_dataset.Dataset) -> None:
    gap = dataset.get("discrepancies", "kremlin-meeting-december-2025-duration")
    values = {v.value: {e.source for e in v.evidence} for v in gap.variants}
    assert values["Four hours."] == {"cna-reuters-kellogg-last-meters"}
    assert "gulfnews-kremlin-talks-no-compromise" in values["About five hours."]
    assert dataset.get("sources", "hurriyet-miami-third-day").origin == "afp"
    miami = dataset.get("events", "miami-talks-20251204")
    straits = [e for e in miami.evidence if e.source == "straitstimes-afp-trump-not-read"]
    assert [(e.hedge, e.attributed_to) for e in straits] == [("asserted", None)]


def test_trump_putin_call_disagreements_recorded(dataset: plan_dataset.Dataset) -> None:
    call = dataset.get("events", "trump-putin-call-20251228")
    assert call.date == "2025-12-28"
    assert "wion-trump-putin-call-dec28" in sources_of(call)
    length = dataset.get("discrepancies", "trump-putin-call-december-28-duration")
    assert [v.value for v in length.variants] == [
        "More than two hours.",
        "One hour and 15 minutes.",
    ]
    view = dataset.get("discrepancies", "trump-putin-call-december-28-ceasefire-view")
    assert {e.attributed_to for v in view.variants for e in v.evidence} == {"yuri-ushakov"}
    vance = dataset.get("discrepancies", "vance-call-duration")
    assert "Over an hour." in [v.value for v in vance.variants]


# --- The blind audit of issue 21, each item pinned to the corrected record as the pages
# give it (pages logged in docs/curation-notes/sources-metadata.md) ---


def test_abu_dhabi_talks_open_on_23_january(dataset: Any) -> None:
    event = by_id(dataset.events)["abu-dhabi-trilateral-talks-20260123"]
    assert event.date == "2026-01-23"
    assert event.date_earliest is None and event.date_latest is None
    discrepancy = by_id(dataset.discrepancies)["abu-dhabi-trilateral-start-date"]
    later = [v for v in discrepancy.variants if "24 January" in v.value]
    assert [e.source for v in later for e in v.evidence] == ["khabarasia-trilateral-cgtn"]
    assert "could not be checked" in (discrepancy.notes or "")


def test_geneva_meeting_order_disagreement_is_recorded(dataset: Any) -> None:
    discrepancy = by_id(dataset.discrepancies)["geneva-talks-meeting-order"]
    assert (discrepancy.about.table, discrepancy.about.id) == ("events", "geneva-talks-20251123")
    sources = {e.source for v in discrepancy.variants for e in v.evidence}
    assert sources == {"localnewswave-geneva-ap", "babel-geneva"}
    event = by_id(dataset.events)["geneva-talks-20251123"]
    assert "first met" not in event.summary


def test_putin_bishkek_links_the_geneva_revision(dataset: Any) -> None:
    event = by_id(dataset.events)["putin-bishkek-remarks-20251127"]
    assert {"us-28-point-draft", "us-19-point-revision"} <= set(event.documents)
    assert "four components" in event.summary


def test_turkey_trip_asserted_quote_leaves_out_the_reported_intention(dataset: Any) -> None:
    event = by_id(dataset.events)["zelenskyy-turkey-trip"]
    for evidence in event.evidence:
        if evidence.source == "seed-003" and evidence.hedge == "asserted":
            assert "reinvigorate" not in (evidence.quote or "")


# --- Dated facts of the 2026 story pass (issue 22, item 1; docs/curation-notes/story-2026.md) ---


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
    assert "rt-medinsky-geneva-assessment" in sources_of(geneva)
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
        s for s in sources_of(letter) if dataset.get("sources", s).reliability not in NEVER_COUNTS
    ]
    assert len(counted) == 2


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
    assert mt in sources_of(february)
    assert mt in sources_of(dataset.get("events", "prisoner-exchange-20260305"))
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
