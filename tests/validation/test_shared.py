"""The validated records share one object per repeated value (validation/shared.py)."""

from __future__ import annotations

import json
import pickle

from conftest import ROOT

from plan_dataset.models import MODELS, Record
from plan_dataset.read.yaml_reader import read_yaml
from plan_dataset.validation import validate
from plan_dataset.validation.base import CheckedRecord
from plan_dataset.validation.shared import Shared


def _fresh(record: CheckedRecord) -> Record:
    """The record validated again, sharing nothing."""
    raw = read_yaml(record.path, record.display).value
    return MODELS[record.table].model_validate(raw, strict=True)


def test_sharing_keeps_every_value_and_shares_the_repeats() -> None:
    report = validate(ROOT, jobs=1)
    records = [record for record in report.records if record.model is not None]
    assert len(records) > 100
    by_value: dict[str, set[int]] = {}
    field_sets: dict[frozenset[str], set[int]] = {}
    for record in records:
        assert record.model is not None
        fresh = _fresh(record)
        assert record.model == fresh
        assert record.model.model_dump(mode="json") == fresh.model_dump(mode="json")
        assert record.model.model_fields_set == fresh.model_fields_set
        by_value.setdefault(record.model.id, set()).add(id(record.model.id))
        given = record.model.model_fields_set
        field_sets.setdefault(frozenset(given), set()).add(id(given))
        for item in getattr(record.model, "evidence", []):
            by_value.setdefault(item.source, set()).add(id(item.source))
    # An id cited by many records is one string; records of one shape share one field set.
    repeated = [value for value, objects in by_value.items() if len(objects) == 1]
    assert len(repeated) == len(by_value)
    assert all(len(objects) == 1 for objects in field_sets.values())
    assert len(field_sets) < len(records) / 5


def test_pickling_sends_a_shared_value_once() -> None:
    raw = json.dumps({"id": "kaja-kallas", "name": "Kaja Kallas", "kind": "person"})
    # Read 50 times, as 50 files would be: equal strings, each its own object.
    models = [MODELS["stakeholders"].model_validate(json.loads(raw)) for _ in range(50)]
    assert len({id(model.name) for model in models}) == 50
    assert pickle.dumps(models).count(b"Kaja Kallas") == 50
    shared = Shared()
    for model in models:
        shared.share(model)
    after = pickle.loads(pickle.dumps(models))
    assert after == models
    assert pickle.dumps(models).count(b"Kaja Kallas") == 1
    assert len({id(model.name) for model in after}) == 1
    assert len({id(model.__pydantic_fields_set__) for model in after}) == 1
