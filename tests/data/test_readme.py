"""The README's claims about the data hold on the shipped bundle."""

from __future__ import annotations

import re

from conftest import ROOT

import plan_dataset


def test_readme_states_the_current_count_of_weakly_sourced_published_points() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    stated = int(re.search(r"Today (\d+) published points are\s+weakly sourced", readme).group(1))  # type: ignore[union-attr]
    dataset = plan_dataset.load()
    weak = [
        p
        for p in dataset.provisions
        if p.status == "published" and dataset.corroboration(p).weakly_sourced
    ]
    assert stated == len(weak)
    assert all(p.sourcing_note for p in weak)


def test_readme_answers_its_example_questions() -> None:
    dataset = plan_dataset.load()
    opposing = [
        (p.stakeholder, p.date) for p in dataset.positions_on("point-21") if p.stance == "opposes"
    ]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for stakeholder, date in opposing:
        assert f"('{stakeholder}', '{date}')" in readme
    russian = {s.id for s in dataset.stakeholders if s.country == "RU"}
    november = [
        p
        for p in dataset.positions
        if p.stakeholder in russian and (p.date or "").startswith("2025-11")
    ]
    assert ("2025-11-21", "vladimir-putin") in {(p.date, p.stakeholder) for p in november}
