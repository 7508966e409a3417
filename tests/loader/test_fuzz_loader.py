"""Property-based fuzzing of the loader: whatever a bundle or release zip holds, ``load``
returns a dataset whose references resolve, or raises ``BundleInvalid``; nothing else
escapes. Each property runs a few dozen examples, within a few seconds."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import plan_dataset
from plan_dataset.loader import BundleInvalid, Dataset, _from_bundle
from plan_dataset.publish.build import BUNDLE_PATH

BUNDLE = (ROOT / BUNDLE_PATH).read_bytes()
PARSED = json.loads(BUNDLE)
BUDGET = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["plan", "supports", "seed-004", "ukraine", "<script>", "2025-02-30"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _consistent(dataset: Dataset) -> None:
    """What a loaded dataset promises: every reference the queries follow resolves."""
    for table in dataset.table_names():
        for record in dataset.table(table):
            for item in dataset.evidence(record):
                dataset.cite(item)
    for position in dataset.positions:
        dataset.stakeholder(position.stakeholder)


def _loads_or_refuses(data: bytes) -> None:
    try:
        dataset = _from_bundle(data)
    except BundleInvalid:
        return
    _consistent(dataset)


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a parsed bundle's tables that a mutation may replace (a sample)."""
    found = [path]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _places(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value[:2]):
            found += _places(inner, (*path, index))
    return found


PLACES = [("tables", *p) for p in _places(PARSED["tables"]) if p] + [("offsets",), ("version",)]


@settings(BUDGET, max_examples=8)  # each example encodes and checks the whole bundle
@given(place=st.sampled_from(PLACES), value=JSON_VALUES)
def test_a_bundle_with_any_value_anywhere_loads_consistently_or_is_refused(
    place: tuple[Any, ...], value: Any
) -> None:
    bundle = json.loads(BUNDLE)
    target = bundle
    for key in place[:-1]:
        target = target[key]
    target[place[-1]] = value
    _loads_or_refuses(json.dumps(bundle, allow_nan=True).encode())


@BUDGET
@given(data=st.data())
def test_a_bundle_with_damaged_bytes_is_refused(data: st.DataObject) -> None:
    damaged = bytearray(BUNDLE)
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(damaged) - 1))
        damaged[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(damaged) // 2, len(damaged)))
    _loads_or_refuses(bytes(damaged[:cut]))


def _release(bundle: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("plan-dataset.json", bundle)
        archive.writestr("SHA256SUMS", f"{hashlib.sha256(bundle).hexdigest()}  plan-dataset.json\n")
    return buffer.getvalue()


RELEASE = _release(BUNDLE)


@BUDGET
@given(data=st.data())
def test_a_mutated_release_zip_loads_or_raises_bundle_invalid(
    data: st.DataObject, tmp_path: Path
) -> None:
    mutated = bytearray(RELEASE)
    kind = data.draw(st.sampled_from(["flip", "truncate", "insert", "header"]))
    if kind == "header":  # the directory at the end: sizes, methods, flags, offsets
        at = data.draw(st.integers(max(0, len(mutated) - 200), len(mutated) - 1))
        mutated[at] = data.draw(st.integers(0, 255))
    elif kind == "flip":
        at = data.draw(st.integers(0, len(mutated) - 1))
        mutated[at] ^= 1 << data.draw(st.integers(0, 7))
    elif kind == "truncate":
        mutated = mutated[: data.draw(st.integers(0, len(mutated) - 1))]
    else:
        at = data.draw(st.integers(0, len(mutated)))
        mutated[at:at] = data.draw(st.binary(min_size=1, max_size=64))
    path = tmp_path / "plan-dataset-9.9.9.zip"
    path.write_bytes(bytes(mutated))
    try:
        dataset = plan_dataset.load(path)
    except BundleInvalid:
        return
    _consistent(dataset)


@pytest.mark.parametrize("members", [["plan-dataset.json", "plan-dataset.json"], ["a"] * 3])
def test_duplicate_members_never_load(members: list[str], tmp_path: Path) -> None:
    import warnings

    path = tmp_path / "twice.zip"
    with warnings.catch_warnings(), zipfile.ZipFile(path, "w") as archive:
        warnings.simplefilter("ignore")
        for name in members:
            archive.writestr(name, BUNDLE)
    with pytest.raises(BundleInvalid):
        plan_dataset.load(path)
