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


def _build_wheel(project: Path, dist: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)],
        cwd=project,
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("plan_dataset-*.whl")
    return wheel


def test_wheel_ships_the_bundle_and_loads_outside_the_checkout(tmp_path: Path) -> None:
    wheel = _build_wheel(ROOT, tmp_path / "dist")
    names = zipfile.ZipFile(wheel).namelist()
    assert "plan_dataset/data/plan-dataset.json" in names
    # The site renders from the installed package: its templates and static files ship.
    assert {"plan_dataset/site/templates/base.html", "plan_dataset/site/static/lunr.min.js"} <= set(
        names
    )
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
        "q = {'timeline': [e.id for e in d.timeline()][:3], "
        "'on21': [p.id for p in d.positions_on('point-21')], "
        "'matrix': len(d.stance_matrix()), "
        "'putin': [p.date for p in d.trajectory('vladimir-putin')], "
        "'lineage': [k.id for k in d.lineage('point-06')], "
        "'compare': len(d.compare('us-28-point-draft', 'european-counter-proposal')), "
        "'stand': d.where_questions_stand()}; "
        "print(json.dumps({'file': plan_dataset.__file__, 'counts': d.counts(), 'q': q}))"
    )
    result = subprocess.run(
        [str(python), "-c", code], cwd=elsewhere, capture_output=True, text=True, check=True
    )
    loaded = json.loads(result.stdout)
    assert not loaded["file"].startswith(str(ROOT))  # the installed copy, not the checkout
    checkout = plan_dataset.load(ROOT)
    assert loaded["counts"] == checkout.counts()
    # The loader's questions work on the installed wheel and agree with the checkout.
    assert loaded["q"] == {
        "timeline": [e.id for e in checkout.timeline()][:3],
        "on21": [p.id for p in checkout.positions_on("point-21")],
        "matrix": len(checkout.stance_matrix()),
        "putin": [p.date for p in checkout.trajectory("vladimir-putin")],
        "lineage": [k.id for k in checkout.lineage("point-06")],
        "compare": len(checkout.compare("us-28-point-draft", "european-counter-proposal")),
        "stand": checkout.where_questions_stand(),
    }
    assert loaded["q"]["on21"] and loaded["q"]["lineage"]

    cli = subprocess.run(
        [str(environment / "bin" / "plan-dataset"), "validate"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
    )
    assert cli.returncode == 2 and "not a project root" in cli.stderr
    # Where the questions stand needs no checkout: it reads the installed bundle.
    questions = subprocess.run(
        [str(environment / "bin" / "plan-dataset"), "questions"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
    )
    assert questions.returncode == 0, questions.stderr
    assert "territory" in questions.stdout


def test_debris_of_a_killed_build_never_reaches_the_wheel(tmp_path: Path) -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    copy = tmp_path / "copy"
    for name in filter(None, tracked):
        target = copy / name.decode()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((ROOT / name.decode()).read_bytes())
    debris = [
        "src/plan_dataset/data/.plan-dataset.json.k3j9x0qa",
        "src/plan_dataset/data/.plan-dataset.json.backup",
        "src/plan_dataset/.records.py.a1b2c3d4",
    ]
    for name in debris:
        (copy / name).write_text("stray")
    names = zipfile.ZipFile(_build_wheel(copy, tmp_path / "dist")).namelist()
    assert "plan_dataset/data/plan-dataset.json" in names
    assert not [n for n in names if n.rsplit("/", 1)[-1].startswith(".")]
