"""Corrections made in the review-rest audit of positions and events the first review did not check."""

from __future__ import annotations

import plan_dataset


def sources_of(record) -> set[str]:
    return {e.source for e in record.evidence}


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
