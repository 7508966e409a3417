"""Property tests: corrupted files always give error codes, and valid data survives every format.

Generated datasets use the real archived seeds: quotes are spans drawn from their text.
"""

from __future__ import annotations

import csv
import json
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, copy_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan_dataset.escaping import INVISIBLE
from plan_dataset.evidence.items import evidence_items
from plan_dataset.loader import _from_bundle, load
from plan_dataset.models import MODELS
from plan_dataset.models.schema import schema_header_line, schema_validator
from plan_dataset.publish.build import BUNDLE_PATH, build
from plan_dataset.validation import all_codes, validate

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
RECORD_FILES = sorted((ROOT / "data").glob("*/*.yaml"))
SEED_TEXTS = {
    p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
    for p in sorted((ROOT / "data" / "sources").glob("seed-*.yaml"))
}

CODES = {c: (i.layer, i.meaning, i.example) for c, i in all_codes().items()}


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("scratch") / "project")


@st.composite
def corruptions(draw: st.DrawFn) -> tuple[Path, bytes]:
    original = draw(st.sampled_from(RECORD_FILES))
    data = bytearray(original.read_bytes())
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["delete", "insert", "replace", "duplicate-line"]))
        if action == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif action == "insert":
            data[at:at] = draw(
                st.one_of(
                    st.binary(min_size=1, max_size=8),
                    st.sampled_from(
                        [
                            b"\t",
                            b": ",
                            b"- ",
                            b"&a ",
                            b"*a",
                            b"!!str ",
                            b"\n  x: 1",
                            b"\xef\xbb\xbf",
                            b"\xe2\x80\xae",
                            b"'",
                            b'"',
                            b"{",
                            b"[",
                        ]
                    ),
                )
            )
        elif action == "replace" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        else:
            lines = bytes(data).split(b"\n")
            index = draw(st.integers(0, len(lines) - 1))
            lines.insert(index, lines[index])
            data = bytearray(b"\n".join(lines))
    return original, bytes(data)


@SETTINGS
@given(corruptions())
def test_corrupted_files_give_codes_never_crashes(scratch: Path, case: tuple[Path, bytes]) -> None:
    original, corrupted = case
    target = scratch / "data" / original.parent.name / original.name
    target.write_bytes(corrupted)
    try:
        report = validate(scratch, [target])
        for problem in report.problems:
            assert problem.code in CODES
            assert problem.line >= 1 and problem.column >= 1
    finally:
        shutil.copy2(original, target)


# Valid datasets, generated.

# Text validation accepts: visible letters, digits, spaces, punctuation and symbols, less
# the invisible ones it refuses with T001 (Hangul fillers, Braille blank, ...).
SAFE_TEXT = st.text(
    alphabet=st.characters(
        codec="utf-8",
        categories=["L", "N", "Zs", "P", "S"],
        exclude_characters="\u00a0" + "".join(sorted(INVISIBLE)),
    ),
    min_size=1,
    max_size=40,
).map(lambda s: unicodedata.normalize("NFC", "x" + s.strip()))
SLUGS = st.from_regex(r"[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)


@st.composite
def quotes(draw: st.DrawFn) -> dict[str, Any]:
    seed = draw(st.sampled_from(sorted(SEED_TEXTS)))
    text = (ROOT / SEED_TEXTS[seed]["path"]).read_text(encoding="utf-8")
    start = draw(st.integers(0, len(text) - 60))
    quote = " ".join(text[start : start + draw(st.integers(8, 60))].split())
    if len(quote) < 3 or quote[0] in "-=+@":
        quote = "The"  # a span every seed contains
    return {
        "source": seed,
        "quote": quote,
        "hedge": draw(st.sampled_from(["asserted", "reported", "alleged"])),
        "attributed_to": None,
    }


@st.composite
def datasets(draw: st.DrawFn) -> dict[str, list[dict[str, Any]]]:
    ids = draw(st.lists(SLUGS, min_size=4, max_size=8, unique=True))
    stakeholders = [
        {
            "id": f"s-{ids[0]}",
            # A person is named in full (A002) and has a country (A001).
            "name": f"{draw(SAFE_TEXT)} {draw(SAFE_TEXT)}",
            "kind": "person",
            "country": draw(st.sampled_from(["UA", "US", "NO", "EU"])),
            "role": draw(st.one_of(st.none(), SAFE_TEXT)),
        }
    ]
    provision = {
        "id": f"p-{ids[1]}",
        "title": draw(SAFE_TEXT),
        "summary": draw(SAFE_TEXT),
        "topics": draw(
            st.lists(
                st.sampled_from(["nato", "territory", "sanctions"]),
                min_size=1,
                max_size=3,
                unique=True,
            )
        ),
        "status": "reported",
        "terms": [
            {
                "id": "t",
                "label": draw(SAFE_TEXT),
                "relation": "at_most",
                "value": draw(
                    st.one_of(
                        st.integers(0, 10**9),
                        st.floats(0, 1e6, allow_nan=False).map(lambda f: round(f, 3)),
                    )
                ),
                "unit": "personnel",
                "evidence": [draw(quotes())],
            }
        ],
        "evidence": draw(st.lists(quotes(), min_size=1, max_size=3)),
    }
    event = {
        "id": f"e-{ids[2]}",
        "date": draw(st.sampled_from(["2025", "2025-08", "2025-11-19", "2024-02-29"])),
        "title": draw(SAFE_TEXT),
        "summary": draw(SAFE_TEXT),
        "participants": [stakeholders[0]["id"]],
        "evidence": [draw(quotes())],
    }
    position = {
        "id": f"o-{ids[3]}",
        "stakeholder": stakeholders[0]["id"],
        "target": draw(st.sampled_from(["plan", provision["id"]])),
        "stance": draw(st.sampled_from(["supports", "conditional", "opposes", "unclear"])),
        "summary": draw(SAFE_TEXT),
        "evidence": [draw(quotes())],
    }
    discrepancy = {
        "id": f"d-{ids[0]}",
        "title": draw(SAFE_TEXT),
        "summary": draw(SAFE_TEXT),
        "about": {"table": "provisions", "id": provision["id"]},
        "variants": [{"value": draw(SAFE_TEXT), "evidence": [draw(quotes())]} for _ in range(2)],
    }
    return {
        "stakeholders": stakeholders,
        "provisions": [provision],
        "events": [event],
        "positions": [position],
        "discrepancies": [discrepancy],
    }


def _without_nulls(value: Any) -> Any:
    """Drop null fields and make tuples lists: how the two record kinds differ in builtins."""
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_without_nulls(v) for v in value]
    return value


def _write_project(root: Path, generated: dict[str, list[dict[str, Any]]]) -> None:
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(ROOT / "seeds", root / "seeds")
    (root / "data" / "sources").mkdir(parents=True)
    for source in SEED_TEXTS:
        shutil.copy2(ROOT / "data" / "sources" / f"{source}.yaml", root / "data" / "sources")
    # The outlets a seed may credit (seed-003 builds on an Axios report).
    shutil.copytree(ROOT / "data" / "outlets", root / "data" / "outlets")
    for table, records in generated.items():
        (root / "data" / table).mkdir(parents=True, exist_ok=True)
        for record in records:
            body = yaml.safe_dump(record, allow_unicode=True, sort_keys=False)
            text = schema_header_line(table) + "\n" + body
            (root / "data" / table / f"{record['id']}.yaml").write_text(text, encoding="utf-8")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(datasets())
def test_valid_data_survives_yaml_bundle_csv_and_load(
    tmp_path: Path, generated: dict[str, Any]
) -> None:
    root = tmp_path / "generated"
    _write_project(root, generated)
    report, _changed = build(root)
    assert report.ok, report.problems
    from_yaml = load(root)
    from_bundle = _from_bundle((root / BUNDLE_PATH).read_bytes())
    for table in from_yaml.table_names():
        assert from_yaml.table(table) == from_bundle.table(table)
    for table, records in generated.items():
        for raw in records:
            loaded = from_bundle.get(table, raw["id"]).to_dict()
            validated = MODELS[table].model_validate(raw).model_dump(mode="json")
            assert _without_nulls(loaded) == _without_nulls(validated)
            assert {k: validated[k] for k in raw} == json.loads(json.dumps(raw))
            assert schema_validator(table).is_valid(validated)
    with (root / "tables" / "events.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    event = generated["events"][0]
    assert rows == [
        {
            "id": event["id"],
            "date": event["date"],
            "date_precision": ("year", "month", "day")[event["date"].count("-")],
            "date_earliest": "",
            "date_latest": "",
            "title": event["title"],
            "summary": event["summary"],
            "location": "",
            "notes": "",
            "curation_notes": "",
        }
    ]
    with (root / "tables" / "provision_terms.csv").open(encoding="utf-8", newline="") as stream:
        (term_row,) = list(csv.DictReader(stream))
    value = generated["provisions"][0]["terms"][0]["value"]
    assert float(term_row["value"]) == value
    with (root / "tables" / "attributions.csv").open(encoding="utf-8", newline="") as stream:
        attributions = list(csv.DictReader(stream))
    # One row per evidence item, even one a record cites twice (evidence() lists it once).
    evidence_count = sum(len(evidence_items(r)) for t in MODELS for r in from_bundle.table(t))
    assert len(attributions) == evidence_count
    for row in attributions:
        if row["kind"] == "quote":
            text = (root / from_bundle.source(row["source_id"]).path).read_text(encoding="utf-8")
            span = text[int(row["start"]) : int(row["end"])]
            assert " ".join(span.split()) == " ".join(row["quote"].split())


def _fold_by_character(text: str) -> tuple[str, list[int]]:
    """The folding rule spelled out one character at a time, to check the fast version."""
    marks = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}
    folded, origin, in_space = [], [], False
    for index, char in enumerate(text):
        if char.isspace():
            if in_space:
                continue
            in_space, char = True, " "
        else:
            in_space, char = False, marks.get(char, char)
        folded.append(char)
        origin.append(index)
    return "".join(folded), origin


@given(
    st.text(
        alphabet=st.sampled_from(
            list("ab'\"\u2018\u2019\u201c\u201d \t\n\r\x0b\x0c\u00a0\u2003\u3000\u200bé")
        )
    )
)
def test_fold_matches_the_rule_character_by_character(text: str) -> None:
    from plan_dataset.evidence.quotes import _fold, fold_quote

    assert _fold(text) == _fold_by_character(text)
    # A quote folds without offsets, by the same rule.
    assert fold_quote(text) == _fold_by_character(text.strip())[0]


def test_fold_on_every_archived_seed() -> None:
    from plan_dataset.evidence.quotes import _fold

    for seed in sorted((ROOT / "seeds").glob("*")):
        text = seed.read_text(encoding="utf-8")
        assert _fold(text) == _fold_by_character(text), seed.name
