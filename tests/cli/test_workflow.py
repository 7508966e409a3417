"""The CI workflow: a Python matrix, the same lint as .ci/run, and every problem listed."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import ROOT, run_cli

from plan_dataset.publish.outputs import OUTPUTS

WORKFLOW = ROOT / ".github" / "workflows" / "validate.yml"


def _steps() -> list[dict[str, str]]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return workflow["jobs"]["validate"]["steps"]


def test_the_workflow_tests_python_3_11_to_3_13() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    matrix = workflow["jobs"]["validate"]["strategy"]["matrix"]["python-version"]
    assert matrix == ["3.11", "3.12", "3.13"]


def _ci_run_commands(tool: str) -> list[str]:
    """``.ci/run``'s calls of a tool, without the path of the venv it runs from."""
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    return [
        line.strip().removeprefix(".venv-ci/bin/")
        for line in lines
        if line.strip().removeprefix(".venv-ci/bin/").startswith(f"{tool} ")
    ]


def test_the_workflow_type_checks_and_lints_as_ci_run_does() -> None:
    commands = "\n".join(step.get("run", "") for step in _steps()).splitlines()
    checks = _ci_run_commands("mypy") + _ci_run_commands("ruff")
    assert len(checks) == 3 and all(line in commands for line in checks), checks


def test_ci_tests_the_lowest_versions_the_ranges_allow() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    lowest = "\n".join(step.get("run", "") for step in workflow["jobs"]["lowest-versions"]["steps"])
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for text in (lowest, ci_run):
        assert "--resolution lowest-direct '.[test]'" in text
        assert ".venv-lowest/bin/python -m pytest" in text


def test_the_job_summary_lists_every_problem_and_generated_files_are_checked() -> None:
    commands = "\n".join(step.get("run", "") for step in _steps())
    assert 'plan-dataset validate --format markdown >> "$GITHUB_STEP_SUMMARY"' in commands
    for output in OUTPUTS.values():
        if output.build_folder is not None:
            assert output.build_folder in commands, output.name


def test_the_markdown_report_lists_every_problem(project: Path) -> None:
    for number in range(14):  # more than the ten annotations GitHub shows
        (project / "data" / "events" / f"broken-{number}.yaml").write_text("id: [\n")
    result = run_cli("validate", "--format", "markdown", cwd=project)
    assert result.returncode == 1
    rows = [line for line in result.stdout.splitlines() if line.startswith("| `data/")]
    assert len(rows) == 14 and all(" Y001 " in row for row in rows)
    assert result.stdout.startswith("**plan-dataset validate**: 14 problem(s) in 14 file(s)")


def test_ci_and_the_workflow_run_the_browser_tests_the_default_run_deselects() -> None:
    import tomllib

    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "-m 'not browser'" in options["tool"]["pytest"]["ini_options"]["addopts"]
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    browser = "\n".join(step.get("run", "") for step in workflow["jobs"]["browser"]["steps"])
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for text in (browser, ci_run):
        assert "pytest -m browser" in text
        assert "axe-core@" in text and "vnu-jar@" in text and "chromium" in text
