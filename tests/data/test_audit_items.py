"""The blind audit's items of issue 21, each pinned to the corrected record.

Every test reads the real checkout and asserts the fact as the pages give it, so a later
edit cannot quietly bring the slip back. The pages checked are logged in
docs/curation-notes/sources-metadata.md.
"""

from __future__ import annotations

from typing import Any

import pytest


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


def test_abu_dhabi_talks_open_on_23_january(dataset: Any) -> None:
    event = by_id(dataset.events)["abu-dhabi-trilateral-talks-20260123"]
    assert event.date == "2026-01-23"
    assert event.date_earliest is None and event.date_latest is None
    discrepancy = by_id(dataset.discrepancies)["abu-dhabi-trilateral-start-date"]
    later = [v for v in discrepancy.variants if "24 January" in v.value]
    assert [e.source for v in later for e in v.evidence] == ["khabarasia-trilateral-cgtn"]
    assert "could not be checked" in (discrepancy.notes or "")


def test_point_26_headline_framing_is_not_a_discrepancy(dataset: Any) -> None:
    assert "text-point-26-amnesty-scope" not in by_id(dataset.discrepancies)


def test_lin_jian_summary_does_not_say_what_he_was_asked(dataset: Any) -> None:
    position = by_id(dataset.positions)["lin-jian-plan-supports-peace-efforts-20251229"]
    assert "asked" not in position.summary.lower()


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


def test_e3_point_11_note_names_only_pages_that_reach_it(dataset: Any) -> None:
    provision = by_id(dataset.provisions)["e3-point-11"]
    note = provision.sourcing_note or ""
    assert "stop before point 11" in note
    assert cited(provision) == {"tg24-sky-e3-text", "nato-pravda-e3-text", "georgiatoday-e3"}


def test_turkey_trip_asserted_quote_leaves_out_the_reported_intention(dataset: Any) -> None:
    event = by_id(dataset.events)["zelenskyy-turkey-trip"]
    for evidence in event.evidence:
        if evidence.source == "seed-003" and evidence.hedge == "asserted":
            assert "reinvigorate" not in (evidence.quote or "")


def test_territory_position_quotes_only_territory(dataset: Any) -> None:
    position = by_id(dataset.positions)["ukraine-rejects-ceding-territory"]
    quotes = [e.quote or "" for e in position.evidence]
    assert not any("controversial terms" in quote for quote in quotes)


def test_education_point_link_is_amended(dataset: Any) -> None:
    link = by_id(dataset.point_links)["us28-20-to-f20-13"]
    assert link.operation == "amended"
    assert link.change


def test_kallas_on_board_is_dated_20_november(dataset: Any) -> None:
    position = by_id(dataset.positions)["kallas-ukrainians-and-europeans-on-board"]
    assert position.date == "2025-11-20"
    assert "interfaxua-kallas-on-board" in cited(position)
    assert by_id(dataset.sources)["interfaxua-kallas-on-board"].published == "2025-11-20"


@pytest.mark.parametrize(
    ("discrepancy_id", "locator"),
    [("text-point-28-sequence", "paragraph 8"), ("text-point-14-remaining-assets", "paragraph 6")],
)
def test_teamredvictory_locators_point_at_the_right_paragraph(
    dataset: Any, discrepancy_id: str, locator: str
) -> None:
    discrepancy = by_id(dataset.discrepancies)[discrepancy_id]
    (evidence,) = [
        e
        for variant in discrepancy.variants
        for e in variant.evidence
        if e.source == "teamredvictory-28-points"
    ]
    assert evidence.locator == locator
