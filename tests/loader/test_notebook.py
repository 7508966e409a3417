"""The example notebook runs from top to bottom on the shipped data."""

from __future__ import annotations

import pytest
from conftest import ROOT

NOTEBOOK = ROOT / "docs" / "examples" / "questions.ipynb"


def test_the_example_notebook_runs() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
    text = "\n".join(
        output.get("text", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )
    assert "Published texts:" in text and "us-28-point-draft point 6" in text
    assert "amended" in text
