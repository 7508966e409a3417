"""The loader's questions about questions: status on a day, history, where all stand now,
positions about a question and across versions. Standard library only."""

from __future__ import annotations

import pytest

import plan_dataset
from plan_dataset.models.vocabulary import MEANINGS
from plan_dataset.queries.questions import STANDINGS

DATASET = plan_dataset.load()


def test_the_query_order_of_standings_is_the_vocabulary() -> None:
    assert set(STANDINGS) == set(MEANINGS["QuestionStanding"])


def test_where_questions_stand_now_gives_one_row_per_question() -> None:
    rows = DATASET.where_questions_stand()
    assert [r["question"] for r in rows] == [q.id for q in DATASET.questions]
    territory = next(r for r in rows if r["question"] == "territory")
    assert territory["status"] == "contested"
    assert territory["since"] == "2026-02-18"
    assert territory["latest_evidence"] == "2026-02-18"
    for row in rows:
        latest = DATASET.question_status(row["question"])
        assert row["status_id"] == (latest.id if latest else None)


def test_where_questions_stood_on_a_day_ignores_later_evidence() -> None:
    rows = {r["question"]: r for r in DATASET.where_questions_stand("2025-12-31")}
    assert rows["territory"]["status"] == "deferred_to_leaders"
    assert rows["territory"]["latest_evidence"] == "2025-12-29"
    assert rows["guarantees"]["since"] == "2025-12-28"


def test_a_status_counts_once_its_whole_date_has_passed() -> None:
    status = DATASET.question_status("weapons-and-military-aid", "2025-11-29")
    assert status is None
    assert DATASET.question_status("weapons-and-military-aid", "2025-11-30").date == "2025-11"


def test_history_is_oldest_first() -> None:
    dates = [s.date for s in DATASET.question_history("army-cap")]
    assert dates == sorted(dates)
    assert dates[0] == "2025-11-20"


def test_unknown_question_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        DATASET.question_history("no-such-question")


def test_positions_on_a_point_across_versions() -> None:
    only_point = {p.id for p in DATASET.positions_on("f20-point-04")}
    across = {p.id for p in DATASET.positions_on("f20-point-04", across_versions=True)}
    assert only_point < across
    assert "kallas-army-cap-20251126" in across  # a position on point 6 of the US draft
    assert "von-der-leyen-us-draft-principles-20251123" in across  # tagged army-cap


def test_questions_of_a_point() -> None:
    assert [q.id for q in DATASET.questions_of("point-14")] == ["frozen-assets", "reconstruction"]
