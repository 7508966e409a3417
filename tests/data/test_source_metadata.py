"""Citable sources (issue 21, item 2): publishers and publication dates on the real data.

`plan-dataset stats` reports the share of sources with a publisher and the share with a
publication date or a recorded check that the page shows none; both must meet the targets.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import ROOT, run_cli

import plan_dataset
from plan_dataset.stats import DATE_TARGET, PUBLISHER_TARGET, source_metadata_of


@pytest.fixture(scope="module")
def metadata(dataset: plan_dataset.Dataset) -> dict[str, Any]:
    return source_metadata_of(list(dataset.sources))


def test_publisher_share_meets_the_target(metadata: dict[str, Any]) -> None:
    assert metadata["publisher_share"] >= PUBLISHER_TARGET == 0.95


def test_date_or_checked_share_meets_the_target(metadata: dict[str, Any]) -> None:
    assert metadata["date_or_checked_share"] >= DATE_TARGET == 0.90
    counted = metadata["with_date"] + metadata["checked_no_date_shown"]
    assert counted + len(metadata["unchecked"]) == metadata["sources"]


def test_seeds_are_checked_and_show_neither(dataset: plan_dataset.Dataset) -> None:
    seeds = [s for s in dataset.sources if s.path is not None]
    assert seeds and all(
        s.metadata_checked and s.publisher is None and s.published is None for s in seeds
    )


def test_stats_prints_both_figures() -> None:
    result = run_cli("stats", cwd=ROOT)
    assert result.returncode == 0
    assert "sources with a publisher, and with a date" in result.stdout
    assert "(target 95%)" in result.stdout and "(target 90%;" in result.stdout
