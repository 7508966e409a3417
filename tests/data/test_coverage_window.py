"""The README's coverage window and last curation pass are recomputed from the data,
so the statement stays true when records are added."""

from __future__ import annotations

import re

from conftest import ROOT

import plan_dataset
from plan_dataset.records.dates import first_day, last_day


def _dates(dataset: plan_dataset.Dataset) -> list[str]:
    found = [e.date or e.date_earliest for e in dataset.events]
    found += [e.date_latest for e in dataset.events if e.date_latest]
    found += [p.date for p in dataset.positions]
    found += [s.date for s in dataset.question_statuses]
    return [d for d in found if d]


def _order(date: str) -> tuple[str, str]:
    return first_day(date), last_day(date)


def test_readme_states_the_coverage_window() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    stated = re.search(r"run from\s+`([0-9-]+)`\s+to\s+`([0-9-]+)`", readme)
    assert stated, "the README must state the coverage window"
    dates = _dates(plan_dataset.load())
    assert (stated.group(1), stated.group(2)) == (min(dates, key=_order), max(dates, key=_order))


def test_readme_states_the_last_curation_pass() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    stated = re.search(r"last curation pass read its pages on\s+`([0-9-]+)`", readme)
    assert stated, "the README must state the date of the last curation pass"
    sources = plan_dataset.load().sources
    checked = [d for s in sources for d in (s.retrieved, s.metadata_checked) if d]
    assert stated.group(1) == max(checked)
