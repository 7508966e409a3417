"""A real wheel, installed into a fresh virtual environment, loads the shipped data anywhere."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
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


@dataclass(frozen=True)
class Installed:
    """The project's wheel, installed with its site extra into a fresh virtual environment."""

    wheel: Path
    environment: Path
    elsewhere: Path  # a folder outside any checkout

    @property
    def python(self) -> Path:
        return self.environment / "bin" / "python"

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.environment / "bin" / "plan-dataset"), *args],
            cwd=self.elsewhere,
            capture_output=True,
            text=True,
        )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """Built and installed once for this module's tests: it takes a while."""
    base = tmp_path_factory.mktemp("wheel")
    wheel = _build_wheel(ROOT, base / "dist")
    environment = base / "venv"
    venv.create(environment, with_pip=True)
    subprocess.run(
        [str(environment / "bin" / "python"), "-m", "pip", "install", "--quiet", f"{wheel}[site]"],
        check=True,
        capture_output=True,
    )
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    return Installed(wheel, environment, elsewhere)


def test_wheel_ships_the_bundle_and_loads_outside_the_checkout(installed: Installed) -> None:
    wheel = installed.wheel
    names = zipfile.ZipFile(wheel).namelist()
    assert "plan_dataset/data/plan-dataset.json" in names
    # Typed for its users: a type checker reads the package's own annotations (PEP 561).
    assert "plan_dataset/py.typed" in names
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

    python = installed.python
    elsewhere = installed.elsewhere
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

    # Only the commands that write into a checkout need one.
    for command in ("validate", "build", "release"):
        cli = installed.cli(command)
        assert cli.returncode == 2 and "not a project root" in cli.stderr, command
        assert f"{command} needs a checkout" in cli.stderr
    assert installed.cli("new", "events", "some-event").returncode == 2
    assert not (elsewhere / "data").exists()


def test_read_only_commands_work_from_the_wheel_outside_a_checkout(
    installed: Installed, tmp_path: Path, dataset: plan_dataset.Dataset
) -> None:
    """compare, stats, export and site use the bundle in the package, and say so."""
    shipped = "the dataset shipped in the installed package, version " + plan_dataset.__version__

    # Where the questions stand: the installed bundle, from anywhere.
    questions = installed.cli("questions")
    assert questions.returncode == 0, questions.stderr
    assert "territory" in questions.stdout.lower()

    compare = installed.cli("compare", "us-28-point-draft", "european-counter-proposal")
    assert compare.returncode == 0, compare.stderr
    assert shipped in compare.stderr and str(installed.environment) in compare.stderr
    assert "personnel-cap: at most 600,000 personnel -> at most 800,000 personnel" in (
        compare.stdout
    )

    stats = installed.cli("stats", "--format", "json")
    assert stats.returncode == 0, stats.stderr
    assert shipped in stats.stderr
    assert json.loads(stats.stdout)["records"] == dataset.counts()  # the checkout, loaded
    # The same figures as the checkout's, validated from its YAML.
    checkout_stats = installed.cli("--root", str(ROOT), "stats", "--format", "json")
    assert json.loads(stats.stdout) == json.loads(checkout_stats.stdout)
    assert f"the checkout at {str(ROOT)!r}" in checkout_stats.stderr

    out = tmp_path / "csv"
    export = installed.cli("export", "--format", "csv", "--out", str(out))
    assert export.returncode == 0, export.stderr
    assert shipped in export.stderr
    # The same tables as the checkout's build: quote offsets come from the bundle.
    for table in (ROOT / "tables").glob("*.csv"):
        assert (out / table.name).read_bytes() == table.read_bytes(), table.name

    site = installed.cli("site", "--out", str(tmp_path / "site"))
    assert site.returncode == 0, site.stderr
    assert shipped in site.stderr and "without their context" in site.stderr
    page = (tmp_path / "site" / "provisions" / "point-06.html").read_text(encoding="utf-8")
    assert "600,000 personnel" in page


USER_SCRIPT = """\
from plan_dataset import Dataset, load
from plan_dataset.evidence.corroboration import Corroboration
from plan_dataset.records.classes import PointLink, Position, Provision
from plan_dataset.queries.results import ComparisonRow, StanceCell

dataset: Dataset = load()
point: Provision = dataset.provision("point-06")
title: str = point.title
number: int | None = point.point_number
figures: list[tuple[str, float, str]] = [(t.relation, t.value, t.unit) for t in point.terms]

corroboration: Corroboration = dataset.corroboration(point)
strong: int = corroboration.strong_origins
origin_ids: tuple[str, ...] = corroboration.origin_ids
weak: bool = corroboration.parts["terms/personnel-cap"].weakly_sourced

rows: list[ComparisonRow] = dataset.compare("us-28-point-draft", "european-counter-proposal")
change: str | None = rows[0]["changed_figures"]
cells: dict[tuple[str, str], StanceCell] = dataset.stance_matrix()
stances = [cell["stance"] for cell in cells.values() if cell["stance"] == "opposes"]
links: list[PointLink] = dataset.lineage("point-06")
positions: list[Position] = dataset.trajectory("vladimir-putin")
dates: list[str | None] = [p.date for p in positions]
"""

# Each line misuses a precise type; with Any anywhere, the checker would let it pass.
WRONG_USES = {
    "count: int = dataset.provision('point-06').title": "Incompatible types in assignment",
    "ids: int = dataset.corroboration(dataset.provision('point-06')).origin_ids": "Incompatible",
    "strong: str = dataset.corroboration(dataset.provision('point-06')).strong_origins": (
        "Incompatible"
    ),
    "dataset.compare('us-28-point-draft', 'european-counter-proposal')[0]['no_such_key']": (
        "no_such_key"
    ),
    "same = dataset.stance_matrix()[('a', 'b')]['stance'] == 'maybe'": "Non-overlapping",
    "number: str = dataset.lineage('point-06')[0].id + 1": "Unsupported operand",
}


def _mypy(installed: Installed, script: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` on a user's script, against the installed wheel (not the checkout)."""
    folder.mkdir()
    (folder / "user_script.py").write_text(script, encoding="utf-8")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--python-executable",
            str(installed.python),
            "--cache-dir",
            str(installed.elsewhere / ".mypy_cache"),
            "--no-error-summary",
            "user_script.py",
        ],
        cwd=folder,
        capture_output=True,
        text=True,
    )


def test_a_users_typed_script_passes_mypy_strict_and_a_wrong_one_fails(
    installed: Installed, tmp_path: Path
) -> None:
    good = _mypy(installed, USER_SCRIPT, tmp_path / "good")
    assert good.returncode == 0, good.stdout + good.stderr
    # The script also runs, and loads the installed package.
    run = subprocess.run(
        [str(installed.python), "user_script.py"], cwd=tmp_path / "good", capture_output=True
    )
    assert run.returncode == 0, run.stderr

    header = USER_SCRIPT.split("\n\n", 1)[0] + "\n\ndataset = load()\n"
    wrong = _mypy(installed, header + "\n".join(WRONG_USES) + "\n", tmp_path / "wrong")
    assert wrong.returncode == 1, wrong.stdout + wrong.stderr
    errors = [line for line in wrong.stdout.splitlines() if ": error:" in line]
    first_line = header.count("\n") + 1
    for offset, expected in enumerate(WRONG_USES.values()):
        on_line = [e for e in errors if e.startswith(f"user_script.py:{first_line + offset}:")]
        assert any(expected in e for e in on_line), (offset, expected, wrong.stdout)
