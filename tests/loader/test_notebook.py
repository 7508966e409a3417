"""The example notebook is committed executed, and its saved outputs are current."""

from __future__ import annotations

import importlib.util
import re
from typing import Any

import pytest
from conftest import ROOT

import plan_dataset

NOTEBOOK = ROOT / "docs" / "examples" / "questions.ipynb"
RUNNER = ROOT / "docs" / "examples" / "run_notebook.py"


def _text_outputs(notebook: Any) -> list[list[str]]:
    """Each code cell's outputs as text: what it printed (however the kernel split it
    into chunks), its results' plain text, and any error."""
    cells = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        printed, shown = "", []
        for output in cell.outputs:
            if output.output_type == "stream":
                printed += output.text
            elif output.output_type in ("execute_result", "display_data"):
                shown.append(output.data.get("text/plain", ""))
            else:
                shown.append(f"{output.ename}: {output.evalue}")
        cells.append([printed, *shown])
    return cells


def test_the_notebook_is_committed_executed_and_not_stale() -> None:
    nbformat = pytest.importorskip("nbformat")
    pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    committed = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in committed.cells if cell.cell_type == "code"]
    # Executed once, top to bottom, with outputs saved.
    assert [cell.execution_count for cell in code] == list(range(1, len(code) + 1))
    assert all(cell.outputs for cell in code)

    spec = importlib.util.spec_from_file_location("run_notebook", RUNNER)
    assert spec is not None and spec.loader is not None
    runner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(runner)
    fresh = runner.execute(NOTEBOOK)
    # Stale outputs (the data or the code changed since): python docs/examples/run_notebook.py
    assert _text_outputs(fresh) == _text_outputs(committed)


def test_the_notebooks_outputs_are_readable() -> None:
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    text = "\n".join(t for cell in _text_outputs(notebook) for t in cell)
    assert "Published texts:" in text and "us-28-point-draft point 6" in text
    assert "at most 600,000 personnel -> at most 800,000 personnel" in text
    assert "a reduction of 50%" in text and "$100 billion" in text
    assert "strong_origins=" in text  # the corroboration shows what decides "weakly sourced"
    assert not re.search(r"\de\+\d", text) and "reduction_by" not in text
    assert "pip install plan-dataset" not in NOTEBOOK.read_text(encoding="utf-8")
    # A month is shown as a month: a first day appears only where a source gives that day.
    dataset = plan_dataset.load()
    days = {
        value
        for record in (*dataset.events, *dataset.positions, *dataset.sources)
        for value in (
            getattr(record, "date", None),
            getattr(record, "date_earliest", None),
            getattr(record, "date_latest", None),
            getattr(record, "published", None),
        )
        if value and value.count("-") == 2
    }
    for first in re.findall(r"\b\d{4}-\d{2}-01\b", text):
        assert first in days, first
    assert "2026-02 " in text  # Lavrov's February statement, at month precision
