"""Positions: who said what about the plan, a version or a point, and when.

Each test pins a statement's speaker, date, target, stance or wording against the pages
that report it; the comment above each group names the curation pass and its notes in
docs/curation-notes/.
"""

from __future__ import annotations

from typing import Any

import plan_dataset


def sources_of(record) -> set[str]:
    return {e.source for e in record.evidence}


def _position(dataset: plan_dataset.Dataset, position_id: str):
    found = [p for p in dataset.positions if p.id == position_id]
    assert found, f"no position {position_id}"
    return found[0]


# --- Positions curated from named, dated statements (helper positions;
# docs/curation-notes/positions.md) ---


def test_putin_trajectory_from_basis_to_conditions(dataset: plan_dataset.Dataset) -> None:
    first = _position(dataset, "putin-us-draft-basis-20251121")
    later = _position(dataset, "putin-plan-basis-future-agreements-20251127")
    assert (first.target, first.stance, first.date) == (
        "us-28-point-draft",
        "supports",
        "2025-11-21",
    )
    assert (later.target, later.stance, later.date) == ("plan", "conditional", "2025-11-27")
    assert {e.attributed_to for e in first.evidence} == {"vladimir-putin"}
    assert {"interfaxua-putin-plan-basis", "indiatoday-putin-plan-basis"} <= {
        e.source for e in first.evidence
    }


def test_ushakov_rejects_european_text_but_not_us_draft(dataset: plan_dataset.Dataset) -> None:
    e3 = _position(dataset, "ushakov-e3-counter-proposal-unconstructive-20251124")
    us = _position(dataset, "ushakov-us-draft-many-points-acceptable-20251124")
    assert e3.date == us.date == "2025-11-24"
    assert (e3.target, e3.stance) == ("european-counter-proposal", "opposes")
    assert (us.target, us.stance) == ("us-28-point-draft", "conditional")


def test_army_cap_opposed_by_european_leaders(dataset: plan_dataset.Dataset) -> None:
    on_cap = {p.stakeholder: p for p in dataset.positions if p.target == "point-06"}
    for speaker in (
        "keir-starmer",
        "ursula-von-der-leyen",
        "emmanuel-macron",
        "radoslaw-sikorski",
        "kaja-kallas",
    ):
        assert on_cap[speaker].stance == "opposes"
    assert on_cap["radoslaw-sikorski"].date == "2025-11-20"


def test_twenty_point_framework_positions_not_before_it(dataset: plan_dataset.Dataset) -> None:
    framework = dataset.get("documents", "us-ukraine-20-point-framework")
    on_framework = [p for p in dataset.positions if p.target == framework.id]
    assert len(on_framework) >= 6
    assert all(p.date >= framework.date for p in on_framework)
    ryabkov = _position(dataset, "ryabkov-20-point-radically-different-20251226")
    assert ryabkov.stance == "opposes" and ryabkov.stakeholder == "sergey-ryabkov"


def test_zelenskyy_elections_offer_is_conditional(dataset: plan_dataset.Dataset) -> None:
    elections = _position(dataset, "zelenskyy-elections-conditional-20251209")
    assert (elections.target, elections.stance) == ("point-25", "conditional")
    sources = {e.source for e in elections.evidence}
    assert {"liga-zelensky-elections", "quews-reuters-zelensky-elections"} <= sources
    assert dataset.source("quews-reuters-zelensky-elections").origin == "reuters"


def test_vance_post_date_kept_as_month_with_discrepancy(dataset: plan_dataset.Dataset) -> None:
    vance = _position(dataset, "vance-plan-defends-framework-202511")
    assert vance.date == "2025-11"
    disc = dataset.get("discrepancies", "vance-framework-post-date")
    assert disc.about.id == vance.id
    assert len(disc.variants) == 2


# --- Corrections of the review-rest audit of positions the first review did not check
# (docs/curation-notes/review-rest.md) ---


def test_ushakov_no_compromise_cut_to_month_with_discrepancy(dataset: plan_dataset.Dataset) -> None:
    ids = {p.id for p in dataset.positions}
    assert "ushakov-no-compromise-territory-20251203" not in ids
    pos = dataset.get("positions", "ushakov-no-compromise-territory-202512")
    assert pos.date == "2025-12"
    assert pos.stance == "conditional"
    assert "themoscowtimes-ushakov-no-compromise" in sources_of(pos)
    gap = dataset.get("discrepancies", "ushakov-no-compromise-remarks-date")
    assert gap.about.id == pos.id
    assert [v.value for v in gap.variants] == [
        "Wednesday 3 December 2025.",
        "Tuesday 2 December 2025.",
    ]
    assert dataset.get("sources", "charmretirement-afp-ushakov-tuesday").origin == "afp"


def test_stubb_summary_keeps_only_his_quoted_words(dataset: plan_dataset.Dataset) -> None:
    pos = dataset.get("positions", "stubb-us-draft-unacceptable-elements-20251209")
    assert "Russia" not in pos.summary
    assert "interfaxua-stubb-three-documents" in sources_of(pos)
    assert dataset.get("sources", "interfaxua-stubb-three-documents").origin == "bloomberg"
    gap = dataset.get("discrepancies", "stubb-favourable-to-russia-attribution")
    attributions = [[e.attributed_to for e in v.evidence] for v in gap.variants]
    assert attributions == [["alexander-stubb"], [None]]


def test_locators_and_second_pages(dataset: plan_dataset.Dataset) -> None:
    merz = dataset.get("positions", "merz-berlin-guarantees-progress-20251215")
    interfax = [e for e in merz.evidence if e.source == "interfaxua-merz-berlin-guarantees"]
    assert [e.locator for e in interfax] == ["paragraphs 2 to 4"]
    assert "novynylive-merz-us-ready-guarantees" in sources_of(merz)
    rutte = dataset.get("positions", "rutte-us-draft-served-as-base-20251124")
    rferl = [e for e in rutte.evidence if e.source == "rferl-rutte-geneva"]
    assert [e.locator for e in rferl] == ["paragraphs 2, 3 and 8"]
    assert "livemint-peskov-very-good-basis" in sources_of(
        dataset.get("positions", "peskov-us-draft-good-basis-20251125")
    )
    lin = dataset.get("positions", "lin-jian-plan-supports-peace-efforts-20251229")
    assert lin.date == "2025-12-29"
    assert dataset.get("sources", "magyarhirlap-lin-jian-dec29").published == "2025-12-29"


# --- Corrections of the review-story audit, second pass (docs/curation-notes/review-story.md) ---


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


# --- The blind audit of issue 21, each item pinned to the corrected record as the pages
# give it (pages logged in docs/curation-notes/sources-metadata.md) ---


def by_id(records: Any) -> dict[str, Any]:
    return {record.id: record for record in records}


def cited(record: Any) -> set[str]:
    return {evidence.source for evidence in record.evidence}


def test_witkoff_russia_sentence_cites_the_page_that_reports_it(dataset: Any) -> None:
    position = by_id(dataset.positions)["witkoff-plan-miami-constructive-20251221"]
    assert "wholly committed to peace" not in position.summary
    assert "separate statement" in position.summary
    (russia,) = [e for e in position.evidence if e.source == "washexam-witkoff-russia-committed"]
    assert russia.attributed_to == "steve-witkoff"
    assert "washexam-witkoff-russia-committed" in by_id(dataset.sources)


def test_lin_jian_summary_does_not_say_what_he_was_asked(dataset: Any) -> None:
    position = by_id(dataset.positions)["lin-jian-plan-supports-peace-efforts-20251229"]
    assert "asked" not in position.summary.lower()


def test_territory_position_quotes_only_territory(dataset: Any) -> None:
    position = by_id(dataset.positions)["ukraine-rejects-ceding-territory"]
    quotes = [e.quote or "" for e in position.evidence]
    assert not any("controversial terms" in quote for quote in quotes)


def test_kallas_on_board_is_dated_20_november(dataset: Any) -> None:
    position = by_id(dataset.positions)["kallas-ukrainians-and-europeans-on-board"]
    assert position.date == "2025-11-20"
    assert "interfaxua-kallas-on-board" in cited(position)
    assert by_id(dataset.sources)["interfaxua-kallas-on-board"].published == "2025-11-20"


# Blind audit 2 (issue 21, item 6; docs/curation-notes/blind-audit-2.md).


def test_merz_dw_interview_is_dated_to_sunday_23_november(
    dataset: plan_dataset.Dataset,
) -> None:
    merz = dataset.get("positions", "merz-frozen-assets-202511")
    # Fakti.bg's copy of the DW interview gives the day that no page read before did.
    assert merz.date == "2025-11-23"
    assert "fakti-bg-merz-dw-sunday" in {e.source for e in merz.evidence}
    # DW and Fakti.bg place the interview after the summit, not at it.
    assert "after the G20 summit" in merz.summary
    assert "at the G20," not in merz.summary
    relay = dataset.source("fakti-bg-merz-dw-sunday")
    assert relay.origin == "dw-merz-g20-interview"
    # Three pages, one DW interview: still a single origin.
    assert dataset.corroboration(merz).origin_ids == ("dw-merz-g20-interview",)


# --- Dated positions of the 2026 story pass (issue 22, item 1; docs/curation-notes/story-2026.md)
# and its independent review (docs/curation-notes/review-story-2026.md) ---


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
    assert "notizie-askanews-erdogan-putin-call" in sources_of(erdogan)
    assert not dataset.corroboration(erdogan).weakly_sourced
    pope = dataset.get("positions", "leo-xiv-plan-needs-europe-20251202")
    assert "unn-vatican-news-pope-italy-mediator" in sources_of(pope)
    twenty = dataset.get("positions", "zelenskyy-munich-guarantees-20-years-20260214")
    assert "independent-munich-zelensky-slave-to-war" in sources_of(twenty)
