"""One version, written once in _version.py: every other place reads or is built from it;
and the docs install from a wheel or a checkout, never from an index without the package."""

from __future__ import annotations

import dataclasses
import json
import re
import tomllib

import yaml
from conftest import ROOT

import plan_dataset
from plan_dataset.publish.outputs import release_files
from plan_dataset.publish.snapshot import CITATION, snapshot_of_bundle

VERSION = plan_dataset.__version__
DOCS = [
    ROOT / "README.md",
    ROOT / "CONTRIBUTING.md",
    ROOT / "docs" / "DATA-README.md",
    ROOT / "docs" / "curation-guide.md",
    ROOT / "docs" / "architecture.md",
    ROOT / "docs" / "examples" / "questions.ipynb",
]


def test_every_version_string_is_the_packages() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["hatch"]["version"]["path"] == "src/plan_dataset/_version.py"
    citation = yaml.safe_load((ROOT / CITATION).read_text(encoding="utf-8"))
    assert str(citation["version"]) == VERSION
    assert json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["version"] == (
        VERSION
    )
    assert plan_dataset.load().version == VERSION
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        for named in re.findall(r"plan[-_]dataset-(\d+\.\d+\.\d+)[-.](?:zip|py3)", text):
            assert named == VERSION, (path.name, named)


def test_the_version_flows_from_one_place_into_every_output() -> None:
    """Built with another version, CITATION.cff, the descriptor and the bundle all say it."""
    snapshot = snapshot_of_bundle((ROOT / "src/plan_dataset/data/plan-dataset.json").read_bytes())
    other = dataclasses.replace(snapshot, version="9.8.7", citation=(ROOT / CITATION).read_bytes())
    files = release_files(other)
    assert yaml.safe_load(files["CITATION.cff"])["version"] == "9.8.7"
    assert json.loads(files["datapackage.json"])["version"] == "9.8.7"
    assert json.loads(files["plan-dataset.json"])["version"] == "9.8.7"
    # Only the version line changes.
    before = (ROOT / CITATION).read_text(encoding="utf-8").splitlines()
    after = files["CITATION.cff"].decode("utf-8").splitlines()
    assert [a for a, b in zip(before, after, strict=True) if a != b] == [f"version: {VERSION}"]


def test_the_docs_never_install_from_an_index() -> None:
    """The package is not on PyPI: install from a release wheel or a checkout."""
    offenders = re.compile(r"pip install ['\"]?plan-dataset\b")
    sources = [*DOCS, *sorted((ROOT / "src").rglob("*.py"))]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        assert not offenders.search(text), path
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"pip install plan_dataset-{VERSION}-py3-none-any.whl" in readme
    assert "pip install ." in readme


def test_the_metadata_static_files_repeat_is_constants() -> None:
    """Title and licences are stated once in constants.py; the static files agree."""
    from plan_dataset import constants

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["license"] == (
        f"{constants.CODE_LICENCE} AND {constants.DATA_LICENCE}"
    )
    citation = yaml.safe_load((ROOT / CITATION).read_text(encoding="utf-8"))
    assert citation["license"] == constants.DATA_LICENCE
    assert constants.TITLE.removeprefix("The ") in " ".join(citation["title"].split())
    package = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert (package["title"], package["description"]) == (constants.TITLE, constants.DESCRIPTION)
    assert package["licenses"][0]["name"] == constants.DATA_LICENCE
