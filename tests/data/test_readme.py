"""The README's claims about the data hold on the shipped bundle."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from conftest import ROOT

import plan_dataset
from plan_dataset.evidence.corroboration import classes_along, from_plain_all, parts_of
from plan_dataset.publish.stats import evidence_strength_of


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


# From the relays pass (issue 21): the README's evidence-strength figures are those
# `plan-dataset stats` reports, recomputed here from the records.
def _look_up(dataset: plan_dataset.Dataset) -> Callable[[str], Any]:
    by_id = dataset._by_id
    return lambda i: by_id.get(("sources", i)) or by_id.get(("outlets", i))


def _readme() -> str:
    return " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())


def test_readme_states_the_primary_and_weakly_sourced_counts(
    dataset: plan_dataset.Dataset,
) -> None:
    readme = _readme()
    look_up = _look_up(dataset)
    primary = [s for s in dataset.sources if s.reliability == "primary"]
    resting, with_evidence, weak = set(), 0, 0
    for table in dataset.table_names():
        if table == "sources":
            continue
        for record in dataset.table(table):
            items = dataset.evidence(record)
            if None in parts_of(record):  # evidence of its own, not only in parts (variants)
                with_evidence += 1
                weak += dataset.corroboration(record).weakly_sourced
            if any("primary" in classes_along(look_up(i.source), look_up) for i in items):
                resting.add((table, record.id))
    # `plan-dataset stats` reports the same figures, from the same computation as here.
    records = {name: list(dataset.table(name)) for name in dataset.table_names()}
    found = from_plain_all(dataset._corroboration)  # the bundle's, as the build computed it
    assert evidence_strength_of(records, found) == {
        "primary_sources": len(primary),
        "records_resting_on_primary": len(resting),
        "records_with_own_evidence": with_evidence,
        "records_weakly_sourced": weak,
    }
    stated = re.search(r"Today (\d+) sources are an official site's own page", readme)
    assert stated and int(stated.group(1)) == len(primary)
    stated = re.search(r"(\d+) records rest on a primary text", readme)
    assert stated and int(stated.group(1)) == len(resting)
    stated = re.search(
        r"Of the (\d+) records with evidence of their own \(sources aside\), (\d+) are", readme
    )
    assert stated and (int(stated.group(1)), int(stated.group(2))) == (with_evidence, weak)
    stated = re.search(r"`us-28-point-draft` has (\d+) of its (\d+) points", readme)
    draft = dataset.corroboration(dataset.document("us-28-point-draft"))
    assert stated and (int(stated.group(1)), int(stated.group(2))) == (
        draft.points_well_sourced,
        draft.points,
    )
