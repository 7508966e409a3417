"""Re-execute the example notebook in place, so that its saved outputs are current.

Run it after changing the notebook or the data: ``python docs/examples/run_notebook.py``
(needs nbclient and ipykernel, in the ``test`` extra). ``tests/loader/test_notebook.py``
re-runs the notebook and fails when the saved outputs differ from fresh ones.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbclient
import nbformat

NOTEBOOK = Path(__file__).with_name("questions.ipynb")


def execute(path: Path) -> nbformat.NotebookNode:
    """The notebook at ``path``, executed from the top in a fresh kernel."""
    notebook = nbformat.read(path, as_version=4)
    # No timings in the saved file: its outputs alone change when the data does.
    client = nbclient.NotebookClient(
        notebook, timeout=120, kernel_name="python3", record_timing=False
    )
    client.execute(cwd=str(path.parent))
    return notebook


def main() -> int:
    notebook = execute(NOTEBOOK)
    nbformat.write(notebook, NOTEBOOK)
    print(f"executed {NOTEBOOK}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
