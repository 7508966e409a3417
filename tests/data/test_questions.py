"""Where the plan's questions stood: pinned statuses, curated from the point links and
the stored pages (docs/curation-notes/questions.md)."""

from __future__ import annotations

import pytest

import plan_dataset


@pytest.mark.parametrize(
    ("question", "day", "status", "status_id"),
    [
        # The army cap: 600,000 in the US draft, 800,000 in the European answer.
        ("army-cap", "2025-11-21", "proposed", "army-cap-20251120-proposed"),
        ("army-cap", "2025-11-30", "amended", "army-cap-20251123-amended"),
        # Territory: not agreed in the 20-point framework; still the sticking point in Geneva.
        ("territory", "2025-12-25", "contested", "territory-20251224-contested"),
        ("territory", "2026-03-01", "contested", "territory-20260218-contested"),
        # NATO: the European answer amended it, the 20-point framework dropped it.
        ("nato-membership", "2025-12-01", "amended", "nato-membership-20251123-amended"),
        ("nato-membership", "2026-01-31", "dropped", "nato-membership-20251224-dropped"),
        # Prisoners: one agreed exchange after the second Abu Dhabi round.
        (
            "prisoners-and-children",
            "2026-01-31",
            "amended",
            "prisoners-and-children-20251224-amended",
        ),
        (
            "prisoners-and-children",
            "2026-02-05",
            "partly_implemented",
            "prisoners-and-children-20260205-partly-implemented",
        ),
    ],
)
def test_the_status_of_a_question_on_a_day(
    dataset: plan_dataset.Dataset, question: str, day: str, status: str, status_id: str
) -> None:
    found = dataset.question_status(question, day)
    assert (found.status, found.id) == (status, status_id)


def test_nothing_stands_before_the_first_version(dataset: plan_dataset.Dataset) -> None:
    assert dataset.question_status("army-cap", "2025-11-19") is None


def test_the_security_guarantee_was_ready_but_not_signed(dataset: plan_dataset.Dataset) -> None:
    history = dataset.question_history("guarantees")
    after = [(s.date, s.status) for s in history if s.date >= "2025-12-28"]
    assert after == [
        ("2025-12-28", "agreed_in_principle"),
        ("2026-01-06", "agreed_in_principle"),
        ("2026-01-25", "agreed_in_principle"),
        ("2026-01-27", "contested"),  # reported: tied to a territorial deal, not signed
    ]
    assert "signed" not in {s.status for s in history}
    assert dataset.discrepancies_about("guarantees-20251228-agreed-in-principle")


def test_every_question_has_a_history_with_evidence(dataset: plan_dataset.Dataset) -> None:
    for question in dataset.questions:
        history = dataset.question_history(question)
        assert history, question.id
        assert all(s.evidence for s in history)


def test_every_point_of_every_version_belongs_to_a_question(dataset: plan_dataset.Dataset) -> None:
    linked = {p for q in dataset.questions for p in q.provisions}
    assert {p.id for p in dataset.provisions} <= linked


def test_who_said_what_about_territory_is_one_call(dataset: plan_dataset.Dataset) -> None:
    said = dataset.positions_about("territory")
    assert {
        "yermak-no-territorial-concessions-202511",
        "merz-territorial-concessions-20251124",
    } <= {p.id for p in said}
    assert all("territory" in p.questions for p in said)


# Review of the questions (docs/curation-notes/review-questions.md).


@pytest.mark.parametrize(
    "status_id", ["guarantees-20251228-agreed-in-principle", "territory-20251228-contested"]
)
def test_each_side_at_mar_a_lago_speaks_for_itself(
    dataset: plan_dataset.Dataset, status_id: str
) -> None:
    # Zelenskyy called the guarantees agreed, Trump put them at 95 per cent: one account
    # each, attributed to its speaker, not one unattributed paraphrase of both.
    status = dataset.get("question_statuses", status_id)
    assert {e.attributed_to for e in status.evidence} == {
        "volodymyr-zelenskyy",
        "donald-trump",
    }


def test_the_white_house_denial_of_the_ft_report_is_kept(dataset: plan_dataset.Dataset) -> None:
    (found,) = dataset.discrepancies_about("guarantees-20260127-contested")
    assert found.id == "us-guarantees-tied-to-donbas"
    speakers = {e.attributed_to for v in found.variants for e in v.evidence}
    assert speakers == {"financial-times", "white-house"}


@pytest.mark.parametrize(
    ("status_id", "discrepancy_id"),
    [
        ("guarantees-20260106-agreed-in-principle", "paris-declaration-us-signature"),
        ("guarantees-20260125-agreed-in-principle", "us-ukraine-guarantee-readiness"),
    ],
)
def test_one_sided_agreements_point_to_the_disagreement(
    dataset: plan_dataset.Dataset, status_id: str, discrepancy_id: str
) -> None:
    status = dataset.get("question_statuses", status_id)
    assert discrepancy_id in (status.notes or "") + (status.curation_notes or "")


# That a position on a point lists the point's questions is Q005.
