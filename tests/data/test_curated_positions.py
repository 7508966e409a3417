"""Key facts of the positions curated from named, dated statements (helper 'positions')."""

from __future__ import annotations

import plan_dataset


def _position(dataset: plan_dataset.Dataset, position_id: str):
    found = [p for p in dataset.positions if p.id == position_id]
    assert found, f"no position {position_id}"
    return found[0]


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
