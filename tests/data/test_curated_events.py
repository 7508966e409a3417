"""Key facts of the curated timeline (issue 13): dated events from the Alaska summit on."""

from __future__ import annotations

import plan_dataset


def sort_key(event) -> str:
    return event.date or event.date_earliest


def test_timeline_size_span_and_every_event_placed(dataset: plan_dataset.Dataset) -> None:
    events = dataset.events
    assert len(events) >= 40
    for event in events:
        assert event.date or event.date_earliest, event.id
        if event.date_earliest and event.date_latest:
            assert event.date_earliest <= event.date_latest, event.id
    later = [e for e in events if sort_key(e) >= "2025-08"]
    assert min(later, key=sort_key).id == "alaska-summit"
    assert any(sort_key(e) >= "2025-12-29" for e in events)
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
