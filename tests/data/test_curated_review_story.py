"""Corrections made in the review-story audit of positions and events (second pass)."""

from __future__ import annotations

import plan_dataset


def sources_of(record) -> set[str]:
    return {e.source for e in record.evidence}


def test_dates_no_page_gives_are_cut_to_the_month(dataset: plan_dataset.Dataset) -> None:
    merz = dataset.get("positions", "merz-frozen-assets-202511")
    # Blind audit 2 found a page (Fakti.bg, relaying DW) that gives the day.
    assert merz.date == "2025-11-23"
    assert "dw-merz-g20-interview" in sources_of(merz)
    yermak = dataset.get("positions", "yermak-no-territorial-concessions-202511")
    assert yermak.date == "2025-11"
    assert "interfaxua-yermak-atlantic" in sources_of(yermak)
    gap = dataset.get("discrepancies", "yermak-atlantic-interview-date")
    assert gap.about.id == yermak.id
    assert [v.value for v in gap.variants] == [
        "Released on Thursday 27 November 2025.",
        "Given on Friday 28 November 2025.",
    ]
    assert {e.source for v in gap.variants for e in v.evidence} == {
        "devdiscourse-yermak-no-territory",
        "ifpnews-yermak-atlantic-friday",
    }


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


def test_locators_corrected_to_the_paragraph_that_says_it(dataset: plan_dataset.Dataset) -> None:
    def locators(table: str, record_id: str, source: str) -> list[str]:
        record = dataset.get(table, record_id)
        return [e.locator for e in record.evidence if e.source == source]

    assert locators("positions", "sikorski-army-cap-20251120", "brusselstimes-kallas-sikorski") == [
        "paragraph 7"
    ]
    assert locators(
        "positions", "rutte-nato-elements-separate-20251202", "liga-rutte-nato-consensus"
    ) == ["paragraphs 5 to 8"]
    assert locators(
        "positions", "zelenskyy-donbas-withdrawal-20251211", "xinhua-zelensky-free-economic-zone"
    ) == ["paragraphs 4 to 8"]
    assert locators(
        "positions", "ushakov-us-papers-radical-changes-20251207", "cna-reuters-kellogg-last-meters"
    ) == ["excerpt paragraph 7"]
