"""``plan-dataset questions``: where every question stands, from the shipped bundle."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import ROOT, run_cli


def test_questions_runs_without_a_checkout(tmp_path: Path) -> None:
    result = run_cli("questions", cwd=tmp_path)  # no data/ here: the shipped bundle
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["question", "status", "since", "latest_evidence", "title"]
    territory = next(line for line in lines if line.startswith("territory "))
    assert territory.split()[1:3] == ["contested", "2026-02-18"]


def test_questions_on_a_date_as_json(tmp_path: Path) -> None:
    result = run_cli("questions", "--on", "2025-11-30", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = {r["question"]: r for r in json.loads(result.stdout)}
    assert rows["army-cap"]["status"] == "amended"
    assert rows["amnesty"]["status"] == "dropped"  # left out of the Geneva text


def test_one_question_history_as_csv(tmp_path: Path) -> None:
    result = run_cli("questions", "army-cap", "--format", "csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    header, first, *_ = result.stdout.splitlines()
    assert header == "date,status,document,provision,event,id,summary"
    assert first.startswith("2025-11-20,proposed,us-28-point-draft,point-06,")


def test_from_data_reads_the_checkout() -> None:
    result = run_cli("questions", "amnesty", "--from-data", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "dropped" in result.stdout


def test_unknown_question_and_bad_date_are_usage_errors(tmp_path: Path) -> None:
    unknown = run_cli("questions", "nato", cwd=tmp_path)
    assert unknown.returncode == 2 and "no question 'nato'" in unknown.stderr
    bad = run_cli("questions", "--on", "31/01/2026", cwd=tmp_path)
    assert bad.returncode == 2 and "--on" in bad.stderr


def test_other_commands_still_need_a_project_root(tmp_path: Path) -> None:
    assert run_cli("validate", cwd=tmp_path).returncode == 2
