"""Each command once in a fresh process, as `plan-dataset` runs from a shell.

On the small project (``tests/small_project.py``): what is smoke-tested is that every
command starts, runs and exits cleanly in a new interpreter, which does not depend on
how many records there are. The commands' results on the whole dataset are tested
in-process elsewhere.
"""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli_process


def test_every_command_runs_in_a_fresh_process(small_project: Path, tmp_path: Path) -> None:
    runs = {
        "validate": ["validate"],
        "build": ["build"],
        "stats": ["stats", "--format", "json"],
        "export": ["export", "--format", "csv", "--out", str(tmp_path / "csv")],
        "release": ["release"],
        "compare": ["compare", "fixture-draft", "us-28-point-draft"],
        "questions": ["questions", "--on", "2026-01-31"],
        "site": ["site", "--out", str(tmp_path / "site")],
        "new": ["new", "events", "a-new-event"],  # last: the scaffold is to be filled in
    }
    from plan_dataset.cli import COMMANDS

    assert set(runs) == set(COMMANDS), "every command has its smoke test"
    for name, argv in runs.items():
        result = run_cli_process(*argv, cwd=small_project)
        assert result.returncode == 0, (name, result.stderr[-2000:])
        assert "Traceback" not in result.stderr
    version = run_cli_process("--version", cwd=small_project)
    assert version.returncode == 0 and version.stdout.startswith("plan-dataset ")
