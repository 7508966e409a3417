"""The loader: the shipped bundle and a checkout's YAML give the same typed, immutable records."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT

import plan_dataset
from plan_dataset.records import Provision


def test_bundle_equals_checkout() -> None:
    shipped = plan_dataset.load()
    checkout = plan_dataset.load(ROOT)
    for table in shipped.table_names():
        assert shipped.table(table) == checkout.table(table), table
    assert shipped.version == plan_dataset.__version__


def test_every_table_is_loaded_with_records() -> None:
    dataset = plan_dataset.load()
    counts = dataset.counts()
    for table in ("sources", "stakeholders", "provisions", "positions", "events", "discrepancies"):
        assert counts[table] > 0, table
    assert counts["sources"] >= 5


def test_lookups_and_evidence() -> None:
    dataset = plan_dataset.load()
    army = dataset.provision("army-size-limit")
    assert isinstance(army, Provision)
    evidence = dataset.evidence(army)
    assert len(evidence) > len(army.evidence)  # nested term evidence is included
    assert all(item.kind == "quote" for item in evidence)
    assert dataset.source(evidence[0].source).path.startswith("seeds/")
    with pytest.raises(KeyError, match="no record 'nope' in provisions"):
        dataset.get("provisions", "nope")
    with pytest.raises(KeyError, match="no table"):
        dataset.table("nope")


def test_records_are_immutable() -> None:
    dataset = plan_dataset.load()
    with pytest.raises(AttributeError):
        dataset.provisions[0].title = "changed"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        dataset.provisions[0].terms.append  # tuples, not lists  # noqa: B018
    with pytest.raises(AttributeError):
        dataset.provisions = ()  # type: ignore[misc]


def test_load_path_reports_invalid_records(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    target = tmp_path / "data" / "events" / "ternopil-strike.yaml"
    target.write_text(target.read_text(encoding="utf-8") + "extra_field: 1\n", encoding="utf-8")
    with pytest.raises(plan_dataset.DatasetInvalid) as caught:
        plan_dataset.load(tmp_path)
    assert [p.code for p in caught.value.problems] == ["M001"]
    assert "data/events/ternopil-strike.yaml" in str(caught.value)


def test_import_stays_light() -> None:
    import subprocess
    import sys

    code = "import sys, plan_dataset; plan_dataset.load(); print(sorted(m for m in ('pandas', 'frictionless', 'jsonschema', 'pydantic', 'yaml') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
