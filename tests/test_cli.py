"""The command line: exit codes, output formats, and no tracebacks on bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import run_cli

from plan_dataset.yaml_reader import MAX_FILE_BYTES

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]\d{3}) .+$")


def _break(project: Path) -> None:
    target = project / "data" / "positions" / "barrot-peace-not-capitulation.yaml"
    text = target.read_text(encoding="utf-8").replace("stance:", "stanse:")
    target.write_text(text, encoding="utf-8")
    event = project / "data" / "events" / "ternopil-strike.yaml"
    event.write_text(event.read_text(encoding="utf-8") + "title: again\n", encoding="utf-8")


def test_valid_project_exits_zero(project: Path) -> None:
    result = run_cli("validate", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("valid: ")


def test_every_problem_in_one_run_as_path_line_col_code(project: Path) -> None:
    _break(project)
    result = run_cli("validate", cwd=project)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    problems = [LINE.match(line) for line in lines[:-1]]
    assert all(problems), lines
    codes = {(m["path"], m["code"]) for m in problems if m}
    assert ("data/positions/barrot-peace-not-capitulation.yaml", "M001") in codes
    assert ("data/events/ternopil-strike.yaml", "Y002") in codes
    assert "did you mean 'stance'?" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_json_format(project: Path) -> None:
    _break(project)
    result = run_cli("validate", "--format", "json", cwd=project)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    first = report["problems"][0]
    assert set(first) == {"path", "line", "column", "code", "message"}
    assert {p["code"] for p in report["problems"]} == {"M001", "M002", "Y002"}


def test_github_format(project: Path) -> None:
    _break(project)
    result = run_cli("validate", "--format", "github", cwd=project)
    assert result.returncode == 1
    annotations = result.stdout.splitlines()
    assert annotations and all(a.startswith("::error file=data/") for a in annotations)
    assert any(",line=" in a and ",col=" in a and "::Y002 duplicate key" in a for a in annotations)


def test_validate_given_paths_only(project: Path) -> None:
    _break(project)
    result = run_cli("validate", "data/events/ternopil-strike.yaml", cwd=project)
    assert result.returncode == 1
    assert "barrot" not in result.stderr  # the other broken file was not asked for
    ok = run_cli("validate", "data/provisions", cwd=project)
    assert ok.returncode == 0, ok.stderr


def test_missing_path_and_misplaced_file(project: Path) -> None:
    (project / "data" / "notes.txt").write_text("stray\n")
    result = run_cli("validate", cwd=project)
    assert result.returncode == 1
    assert "data/notes.txt:1:1: F003" in result.stderr
    missing = run_cli("validate", "data/events/nope.yaml", cwd=project)
    assert missing.returncode == 1
    assert "data/events/nope.yaml:1:1: F004" in missing.stderr


def test_oversized_file(project: Path) -> None:
    target = project / "data" / "events" / "huge.yaml"
    target.write_text("id: huge\nnotes: " + "x" * MAX_FILE_BYTES + "\n")
    result = run_cli("validate", "data/events/huge.yaml", cwd=project)
    assert result.returncode == 1
    assert "data/events/huge.yaml:1:1: Y009" in result.stderr


def test_usage_errors_exit_two(tmp_path: Path, project: Path) -> None:
    assert run_cli("validate", cwd=tmp_path).returncode == 2  # no data/ here
    result = run_cli("frobnicate", cwd=project)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert run_cli("validate", "--format", "xml", cwd=project).returncode == 2


def test_version(tmp_path: Path) -> None:
    from plan_dataset import __version__

    result = run_cli("--version", cwd=tmp_path)
    assert (result.returncode, result.stdout.strip()) == (0, f"plan-dataset {__version__}")


def test_stats_counts_tables_sources_and_evidence_kinds(project: Path) -> None:
    result = run_cli("stats", "--format", "json", cwd=project)
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    assert stats["records"]["provisions"] >= 28
    assert stats["evidence_kinds"]["quote"] > 0 and stats["evidence_kinds"]["locator"] > 0
    for seed in ("seed-000", "seed-001", "seed-002", "seed-003", "seed-004"):
        tables = set(stats["records_citing_source"][seed]) - {"sources"}
        assert len(tables) >= 3, (seed, tables)
    text = run_cli("stats", cwd=project)
    assert "records per table" in text.stdout and "quote" in text.stdout
