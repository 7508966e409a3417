"""A real wheel, installed into a fresh virtual environment, loads the shipped data anywhere."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

from conftest import ROOT

import plan_dataset


def test_wheel_ships_the_bundle_and_loads_outside_the_checkout(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("plan_dataset-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "plan_dataset/data/plan-dataset.json" in names
    (metadata_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
    metadata = zipfile.ZipFile(wheel).read(metadata_name).decode("utf-8").split("\n\n", 1)[0]
    # The wheel ships code (MIT) and data (CC-BY-4.0); no project URL is invented.
    assert "License-Expression: MIT AND CC-BY-4.0" in metadata.splitlines()
    assert {"License-File: LICENSE", "License-File: LICENSE-DATA.md"} <= set(metadata.splitlines())
    assert not any(line.startswith(("Project-URL", "Home-page")) for line in metadata.splitlines())

    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import json, plan_dataset; d = plan_dataset.load(); "
        "print(json.dumps({'file': plan_dataset.__file__, 'counts': d.counts()}))"
    )
    result = subprocess.run(
        [str(python), "-c", code], cwd=elsewhere, capture_output=True, text=True, check=True
    )
    loaded = json.loads(result.stdout)
    assert not loaded["file"].startswith(str(ROOT))  # the installed copy, not the checkout
    assert loaded["counts"] == plan_dataset.load(ROOT).counts()

    cli = subprocess.run(
        [str(environment / "bin" / "plan-dataset"), "validate"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
    )
    assert cli.returncode == 2 and "not a project root" in cli.stderr
