"""The command line: exit codes, output formats, and no tracebacks on bad input."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, run_cli

from plan_dataset.cli import main
from plan_dataset.read.yaml_reader import MAX_FILE_BYTES


@pytest.fixture
def project(small_project: Path) -> Path:
    """Mechanics behave alike whatever the data: the small project (tests/small_project.py)."""
    return small_project


LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]\d{3}) .+$")


def _break(project: Path) -> None:
    target = project / "data" / "positions" / "fixture-kallas-position.yaml"
    text = target.read_text(encoding="utf-8").replace("stance:", "stanse:")
    target.write_text(text, encoding="utf-8")
    event = project / "data" / "events" / "ternopil-strike.yaml"
    event.write_text(event.read_text(encoding="utf-8") + "title: again\n", encoding="utf-8")


def test_valid_project_exits_zero(project: Path) -> None:
    result = run_cli("validate", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("valid: ")


def test_every_problem_in_one_run_as_path_line_col_code(project: Path) -> None:
    _break(project)
    result = run_cli("validate", cwd=project)
    assert result.returncode == 1
    # Problems are the results: every stdout line is one, so `validate | grep` works.
    lines = result.stdout.splitlines()
    problems = [LINE.match(line) for line in lines]
    assert lines and all(problems), lines
    codes = {(m["path"], m["code"]) for m in problems if m}
    assert ("data/positions/fixture-kallas-position.yaml", "M001") in codes
    assert ("data/events/ternopil-strike.yaml", "Y002") in codes
    assert "did you mean 'stance'?" in result.stdout
    # The closing summary is a diagnostic.
    assert result.stderr == f"{len(lines)} problem(s) in 2 file(s)\n"
    assert "Traceback" not in result.stderr + result.stdout


def test_other_commands_report_problems_on_stderr(project: Path) -> None:
    _break(project)
    for command in (["stats"], ["build"], ["compare", "us-28-point-draft", "nope"]):
        result = run_cli(*command, cwd=project)
        assert result.returncode == 1 and result.stdout == "", command
        assert "M001" in result.stderr and "problem(s) in 2 file(s)" in result.stderr, command


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
    assert "fixture-kallas-position" not in result.stdout  # the other broken file was not asked for
    ok = run_cli("validate", "data/provisions", cwd=project)
    assert ok.returncode == 0, ok.stderr


def test_missing_path_and_misplaced_file(project: Path) -> None:
    (project / "data" / "notes.txt").write_text("stray\n")
    result = run_cli("validate", cwd=project)
    assert result.returncode == 1
    assert "data/notes.txt:1:1: F003" in result.stdout
    missing = run_cli("validate", "data/events/nope.yaml", cwd=project)
    assert missing.returncode == 1
    assert "data/events/nope.yaml:1:1: F004" in missing.stdout


def test_oversized_file(project: Path) -> None:
    target = project / "data" / "events" / "huge.yaml"
    target.write_text("id: huge\nnotes: " + "x" * MAX_FILE_BYTES + "\n")
    result = run_cli("validate", "data/events/huge.yaml", cwd=project)
    assert result.returncode == 1
    assert "data/events/huge.yaml:1:1: Y009" in result.stdout


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


def test_stats_counts_tables_sources_and_evidence_kinds(whole_project: Path) -> None:
    result = run_cli("stats", "--format", "json", cwd=whole_project)
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    assert stats["records"]["provisions"] >= 28
    assert stats["evidence_kinds"]["quote"] > 0 and stats["evidence_kinds"]["locator"] > 0
    for seed in ("seed-000", "seed-001", "seed-002", "seed-003", "seed-004"):
        tables = set(stats["records_citing_source"][seed]) - {"sources"}
        assert len(tables) >= 3, (seed, tables)
    text = run_cli("stats", cwd=whole_project)
    assert "records per table" in text.stdout and "quote" in text.stdout


def _validate_into_a_closed_pipe(project: Path, *args: str) -> tuple[int, str]:
    """Run validate in a fresh process whose stdout reader is gone before it writes."""
    process = subprocess.Popen(
        [sys.executable, "-m", "plan_dataset", "validate", *args],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `| head -c 0`: the reader left
    error = process.stderr.read()
    return process.wait(), error


def test_a_closed_pipe_ends_quietly_with_the_commands_own_status(project: Path) -> None:
    status, error = _validate_into_a_closed_pipe(project, "--format", "json")
    assert (status, error) == (0, "")
    _break(project)
    status, error = _validate_into_a_closed_pipe(project, "--format", "json")
    assert (status, error) == (1, "")
    status, error = _validate_into_a_closed_pipe(project)
    assert status == 1 and "problem(s)" in error and "Broken pipe" not in error


def test_a_closed_pipe_in_process_returns_the_status(project: Path) -> None:
    reader, writer = os.pipe()
    os.close(reader)
    stream = io.TextIOWrapper(io.FileIO(writer, "w"), encoding="utf-8")
    _break(project)
    with contextlib.redirect_stdout(stream), contextlib.redirect_stderr(io.StringIO()) as err:
        status = main(["--root", str(project), "validate", "--format", "json"])
    assert status == 1 and "Broken pipe" not in err.getvalue()
    stream.close()


@pytest.mark.parametrize(
    ("record_id", "status", "message"),
    [
        ("plan", 1, "D003 'plan' is reserved for position targets"),
        ("ukraine", 1, "D001 id 'ukraine' is already used in data/stakeholders/"),
        ("point-06", 1, "D001 id 'point-06' is already used in data/provisions/"),
        ("Not-A-Slug", 2, "M007 'Not-A-Slug' is not a lowercase slug"),
        ("a" * 81, 2, "M008"),
    ],
)
def test_new_refuses_ids_validation_would_refuse(
    project: Path, record_id: str, status: int, message: str
) -> None:
    before = sorted(p.name for p in (project / "data" / "positions").iterdir())
    result = run_cli("new", "positions", record_id, cwd=project)
    assert result.returncode == status and message in result.stderr, result.stderr
    assert "nothing was written" in result.stderr and result.stdout == ""
    assert sorted(p.name for p in (project / "data" / "positions").iterdir()) == before


def test_the_same_ids_fail_validation(project: Path) -> None:
    from plan_dataset.validation import validate

    for record_id, code in (("plan", "D003"), ("ukraine", "D001")):
        target = project / "data" / "positions" / f"{record_id}.yaml"
        target.write_text(
            "# yaml-language-server: $schema=../../schema/positions.schema.json\n"
            f"id: {record_id}\nstakeholder: kaja-kallas\ntarget: plan\nstance: unclear\n"
            "summary: A test.\nevidence:\n  - source: seed-002\n"
            "    quote: Polish Prime Minister Donald Tusk\n    hedge: asserted\n",
            encoding="utf-8",
        )
        assert {p.code for p in validate(project, [target]).problems} == {code}
        target.unlink()


def test_new_never_overwrites_or_writes_through_a_link(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    link = project / "data" / "positions" / "dangling.yaml"
    link.symlink_to(outside)  # dangling: the id looks free, but the name is taken
    result = run_cli("new", "positions", "dangling", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert not outside.exists() and link.is_symlink()


def test_the_pre_commit_hook_reports_a_full_runs_problems_in_one_summary(project: Path) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    # pre-commit splits file names into parallel chunks unless the hook is serial, and each
    # chunk would print its own summary; the hook finds what changed itself, so it takes
    # no names and runs on every commit (a deleted record or an edited schema counts).
    assert hook["require_serial"] is True
    assert hook["pass_filenames"] is False and hook["always_run"] is True
    command = hook["entry"].split()[1:]
    assert run_cli(*command, cwd=project).returncode == 0
    _break(project)
    full = run_cli("validate", cwd=project)
    result = run_cli(*command, cwd=project)
    assert (result.returncode, result.stdout) == (full.returncode, full.stdout)
    records = len(list((project / "data").rglob("*.yaml")))
    assert result.stderr.splitlines() == [
        "3 problem(s) in 2 file(s)",
        f"{records - 2} unchanged files taken from the cache",
    ]


def test_the_contributing_guides_local_hook_runs_as_the_published_one() -> None:
    (published,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", guide, re.S) if "repo: local" in b)
    (local,) = yaml.safe_load(block)["repos"][0]["hooks"]
    for key in ("id", "entry", "pass_filenames", "always_run", "require_serial"):
        assert local[key] == published[key], key
