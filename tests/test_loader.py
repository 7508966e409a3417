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

    # Loading the shipped bundle needs the standard library only: no pandas, Pydantic,
    # PyYAML or any other installed distribution.
    code = (
        "import sys; before = set(sys.modules); import plan_dataset; plan_dataset.load(); "
        "added = {m.split('.')[0] for m in set(sys.modules) - before}; "
        "print(sorted(added - set(sys.stdlib_module_names)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['plan_dataset']"


def test_records_pickle_copy_and_round_trip_to_the_bundle() -> None:
    import copy
    import gc
    import json
    import pickle

    from plan_dataset.build import BUNDLE_PATH

    dataset = plan_dataset.load()
    assert gc.isenabled()  # the loader pauses the cycle collector and must restore it
    raw = json.loads((ROOT / BUNDLE_PATH).read_text(encoding="utf-8"))
    for table in dataset.table_names():
        dumped = [record.to_dict() for record in dataset.table(table)]
        # Evidence records carry both kinds' fields; the bundle omits the other kind's.
        without_nulls = [_drop_nulls(row) for row in dumped]
        assert without_nulls == [_drop_nulls(row) for row in raw["tables"][table]], table
    army = dataset.provision("army-size-limit")
    assert pickle.loads(pickle.dumps(army)) == army
    assert hash(copy.deepcopy(army)) == hash(army)
    assert army != army.terms[0] and army.terms[0] != army.terms[1]
    restored = pickle.loads(pickle.dumps(dataset))
    assert restored.provisions == dataset.provisions
    assert restored.provision("army-size-limit") == army


def test_a_file_that_is_not_a_bundle_is_refused() -> None:
    from plan_dataset.loader import _from_bundle

    with pytest.raises(ValueError, match="not a plan-dataset bundle"):
        _from_bundle(b'{"name": "x", "tables": {}}')


def _drop_nulls(value: object) -> object:
    if isinstance(value, dict):
        return {k: _drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_nulls(v) for v in value]
    return value
