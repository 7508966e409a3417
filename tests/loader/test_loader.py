"""The loader: the shipped bundle and a checkout's YAML give the same typed, immutable records."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

import plan_dataset
from plan_dataset.flat.columns import COLUMNS
from plan_dataset.loader import BundleInvalid, _from_bundle
from plan_dataset.records.classes import Provision


def _same_dataset(first: plan_dataset.Dataset, second: plan_dataset.Dataset) -> None:
    for table in first.table_names():
        assert first.table(table) == second.table(table), table
    assert first.version == second.version
    assert first.offsets == second.offsets
    assert first._corroboration == second._corroboration


def test_bundle_equals_checkout() -> None:
    shipped = plan_dataset.load()
    checkout = plan_dataset.load(ROOT)
    _same_dataset(shipped, checkout)
    assert shipped.version == plan_dataset.__version__


def test_a_checkout_is_decoded_without_bundle_bytes(
    small_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """load(checkout) feeds the validated snapshot's rows to the record decoders directly,
    and gives the Dataset its bundle would."""
    from plan_dataset.publish.outputs.bundle import render_bundle
    from plan_dataset.publish.snapshot import snapshot_of
    from plan_dataset.validation import validate

    bundle = render_bundle(snapshot_of(validate(small_project), small_project))

    def no_bytes(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a checkout went through bundle bytes")

    monkeypatch.setattr("plan_dataset.publish.outputs.bundle.iter_encode", no_bytes)
    monkeypatch.setattr("plan_dataset.loader.decode_bundle", no_bytes)
    checkout = plan_dataset.load(small_project)
    monkeypatch.undo()
    assert checkout.counts()["provisions"] > 0 and checkout.offsets
    from_bundle = _from_bundle(bundle)
    _same_dataset(from_bundle, checkout)
    # Each builds its flat rows from its records, offsets and corroboration: the same.
    for table in COLUMNS:
        assert checkout.rows(table) == from_bundle.rows(table), table


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
        del dataset.provisions[0].title
    with pytest.raises(AttributeError):
        dataset.provisions[0].terms.append  # tuples, not lists  # noqa: B018
    with pytest.raises(AttributeError):
        dataset.provisions = ()  # type: ignore[misc]


def test_an_evidence_item_reads_the_other_kinds_fields_as_none() -> None:
    # The bundle omits them; the decoded record keeps the mapping it was parsed into.
    raw = json.loads((ROOT / "src/plan_dataset/data/plan-dataset.json").read_bytes())
    first = raw["tables"]["sources"][0]["evidence"][0]
    item = plan_dataset.load().sources[0].evidence[0]
    assert "quote" not in first and item.quote is None and item.kind == "locator"
    assert list(item.to_dict()) == list(type(item)._fields)
    assert item.to_dict() == {"quote": None, **first}
    assert repr(item).startswith(f"Evidence(source={first['source']!r}, hedge=")


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


# Modules loading the shipped bundle leaves for first use: each costs start-up time that
# json.load does not pay (issue 26: load() within 1.2x json.load of the same bundle).
LAZY_FOR_LOAD = (
    "plan_dataset.problems",  # its dataclass imports dataclasses and inspect
    "plan_dataset.escaping",  # html and unicodedata, for error messages only
    "plan_dataset.records.dates",
    "plan_dataset.records.figures",
    "plan_dataset.evidence.corroboration",
    "dataclasses",
    "inspect",
    "html",
    "unicodedata",
    "urllib.parse",
    "datetime",
    "calendar",
)


def test_loading_the_shipped_bundle_leaves_the_rest_for_first_use() -> None:
    import subprocess
    import sys

    code = (
        "import sys, plan_dataset; plan_dataset.load(); "
        f"print(sorted(m for m in {LAZY_FOR_LOAD!r} if m in sys.modules)); "
        # The lazy public name is still the class problems.py defines, and in __all__.
        "from plan_dataset import *; from plan_dataset.problems import DatasetInvalid as D; "
        "print(DatasetInvalid is D is plan_dataset.DatasetInvalid)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["[]", "True"]
    with pytest.raises(AttributeError, match="no attribute 'NotAName'"):
        plan_dataset.NotAName  # type: ignore[attr-defined]  # noqa: B018


def test_records_pickle_copy_and_round_trip_to_the_bundle() -> None:
    import copy
    import gc
    import json
    import pickle

    from plan_dataset.publish.build import BUNDLE_PATH

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


def test_get_names_an_unknown_table_as_unknown() -> None:
    dataset = plan_dataset.load()
    with pytest.raises(KeyError, match="no table 'position' \\(did you mean 'positions'\\?\\)"):
        dataset.get("position", "x")
    with pytest.raises(KeyError, match="no record 'x' in positions"):
        dataset.get("positions", "x")
    with pytest.raises(KeyError, match="no flat table 'nope'"):
        dataset.to_pandas("nope") if _has_pandas() else dataset.rows("nope")


def _has_pandas() -> bool:
    import importlib.util

    return importlib.util.find_spec("pandas") is not None


def test_evidence_lists_each_item_once_nested_ones_included() -> None:
    from plan_dataset.evidence.items import evidence_items

    dataset = plan_dataset.load()
    army = dataset.provision("army-size-limit")
    nested = [item for term in army.terms for item in term.evidence]
    # army-size-limit cites one quote both for itself and for a term: it is listed once.
    assert set(nested) & set(army.evidence)
    assert dataset.evidence(army) == tuple(dict.fromkeys((*army.evidence, *nested)))
    for table in dataset.table_names():
        for record in dataset.table(table):
            items = dataset.evidence(record)
            assert len(set(items)) == len(items)
            assert set(items) == {item for _loc, _part, item in evidence_items(record)}


def test_cite_names_title_place_and_quote_or_locator() -> None:
    dataset = plan_dataset.load()
    quote = dataset.provision("army-size-limit").evidence[1]
    seed = dataset.source(quote.source)
    assert dataset.cite(quote) == (
        f'"{seed.title}". archived text {seed.path}. Quote: "{quote.quote}"'
    )
    locator = next(e for e in dataset.provision("point-06").evidence if e.kind == "locator")
    page = dataset.source(locator.source)
    text = dataset.cite(locator)
    assert text.startswith(f'"{page.title}"') or text.startswith(f"{page.publisher}, ")
    assert f"{page.url} (retrieved {page.retrieved})" in text
    assert f"At {locator.locator}: {locator.paraphrase}" in text
    if locator.attributed_to:
        assert dataset.stakeholder(locator.attributed_to).name in text
    dated = next(s for s in dataset.sources if s.publisher and s.published)
    item = next(
        e for r in dataset.cited_by(dated) for e in dataset.evidence(r) if e.source == dated.id
    )
    assert dataset.cite(item).startswith(f'{dated.publisher}, "{dated.title}" ({dated.published}).')


def test_reverse_lookups_agree_with_the_forward_links() -> None:
    dataset = plan_dataset.load()
    army = dataset.provision("army-size-limit")
    assert "army-size-figures" in {d.id for d in dataset.discrepancies_about(army)}
    for discrepancy in dataset.discrepancies:
        about = dataset.get(discrepancy.about.table, discrepancy.about.id)
        assert discrepancy in dataset.discrepancies_about(about)
        assert discrepancy in dataset.discrepancies_about(about.id)
    citing: dict[str, set[tuple[str, str]]] = {}
    for row in dataset.rows("attributions"):
        citing.setdefault(row["source_id"], set()).add((row["record_table"], row["record_id"]))
    for source in dataset.sources:
        found = dataset.cited_by(source)
        tables = {type(r): t for t in dataset.table_names() for r in dataset.table(t)}
        assert {(tables[type(r)], r.id) for r in found} == citing.get(source.id, set()), source.id
    zelenskyy = dataset.positions_by("volodymyr-zelenskyy")
    assert zelenskyy == dataset.trajectory("volodymyr-zelenskyy") and zelenskyy
    members = dataset.positions_by("ukraine", include_members=True)
    assert set(dataset.positions_by("ukraine")) < set(members)
    assert set(zelenskyy) <= set(members)  # Zelenskyy is affiliated with Ukraine


def test_html_views_for_notebooks_escape_what_they_show() -> None:
    dataset = plan_dataset.load()
    page = dataset._repr_html_()
    assert f"plan-dataset {dataset.version}" in page
    assert (
        f"<code>provisions</code></td><td style='text-align:right'>{len(dataset.provisions)}"
        in page
    )
    army = dataset.provision("army-size-limit")
    html = army._repr_html_()
    assert html.startswith("<div><strong>Provision <code>army-size-limit</code>")
    assert "personnel-cap" in html and "reduce its army to approximately 400,000" in html
    from plan_dataset.records.classes import Event

    tricky = Event(
        id="x", date=None, date_earliest=None, date_latest=None, title="<script>", summary="&",
        participants=(), documents=(), location=None, notes=None, curation_notes=None, evidence=(),
    )  # fmt: skip
    assert "<script>" not in tricky._repr_html_() and "&lt;script&gt;" in tricky._repr_html_()


def test_missing_pandas_names_the_extra_to_install() -> None:
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "import plan_dataset; d = plan_dataset.load()\n"
        "for call in (lambda: d.to_pandas('events'), lambda: d.stance_matrix(as_frame=True)):\n"
        "    try: call()\n"
        "    except ImportError as error: print(type(error).__name__, error)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    assert len(lines) == 2, out.stdout + out.stderr
    for line in lines:
        assert line.startswith("ImportError ") and "pip install 'pandas>=2.0'" in line
        assert "plan-dataset[" not in line  # the package is on no index


# --- Issue 23, class 3: the loader validates what it loads --------------------------------


def _shipped() -> dict:  # type: ignore[type-arg]
    from conftest import ROOT

    from plan_dataset.publish.build import BUNDLE_PATH

    return json.loads((ROOT / BUNDLE_PATH).read_bytes())


def _with_term_value(value: str) -> bytes:
    text = json.dumps(_shipped())
    return (
        text.replace('"value":400000', f'"value":{value}', 1)
        .replace('"value": 400000', f'"value": {value}', 1)
        .encode()
    )


def _edited(edit) -> bytes:  # type: ignore[no-untyped-def]
    bundle = _shipped()
    edit(bundle)
    return json.dumps(bundle).encode()


def _first(bundle: dict, table: str) -> dict:  # type: ignore[type-arg]
    return bundle["tables"][table][0]  # type: ignore[no-any-return]


BROKEN_BUNDLES = {
    "nan": (lambda: _with_term_value("NaN"), "NaN"),
    "infinity": (lambda: _with_term_value("-Infinity"), "Infinity"),
    "overflowing-float": (lambda: _with_term_value("1e999"), "finite"),
    "huge-integer": (lambda: _with_term_value(str(2**60)), "2\\*\\*53"),
    "vocabulary": (
        lambda: _edited(lambda b: _first(b, "positions").update(stance="<script>x</script>")),
        r"positions\[0\]\.stance",
    ),
    "dangling-stakeholder": (
        lambda: _edited(lambda b: _first(b, "positions").update(stakeholder="nobody-at-all")),
        r"positions\[0\]\.stakeholder: 'nobody-at-all' is not a record of stakeholders",
    ),
    "dangling-evidence-source": (
        lambda: _edited(
            lambda b: _first(b, "positions")["evidence"][0].update(source="no-such-source")
        ),
        r"evidence\[0\]\.source",
    ),
    "unknown-field": (
        lambda: _edited(lambda b: _first(b, "events").update(extra=1)),
        "unknown field 'extra'",
    ),
    "wrong-type": (
        lambda: _edited(lambda b: _first(b, "events").update(title=["a"])),
        r"events\[0\]\.title: expected text",
    ),
    "not-a-slug": (
        lambda: _edited(lambda b: _first(b, "positions").update(target="../../etc")),
        r"positions\[0\]\.target",
    ),
    "not-a-date": (
        lambda: _edited(lambda b: _first(b, "events").update(date="2025-02-30")),
        "calendar date",
    ),
    "duplicate-key": (
        lambda: json.dumps(_shipped()).replace('{"name"', '{"name": "x", "name"', 1).encode(),
        "appears twice",
    ),
    "corroboration": (
        lambda: _edited(lambda b: b["corroboration"].update({"events/nope": {}})),
        "corroboration",
    ),
    "offsets": (
        lambda: _edited(lambda b: b["offsets"].update({"x": [5, 1]})),
        "offsets",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN_BUNDLES))
def test_a_broken_bundle_names_its_member_and_reason(case: str) -> None:
    make, reason = BROKEN_BUNDLES[case]
    with pytest.raises(BundleInvalid, match=reason):
        _from_bundle(make())


def test_a_release_with_matching_checksums_but_broken_references_is_refused(
    tmp_path: Path,
) -> None:
    import hashlib
    import zipfile

    data = BROKEN_BUNDLES["dangling-stakeholder"][0]()
    sums = f"{hashlib.sha256(data).hexdigest()}  plan-dataset.json\n".encode()
    path = tmp_path / "plan-dataset-9.9.9.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("plan-dataset.json", data)
        archive.writestr("SHA256SUMS", sums)
    with pytest.raises(BundleInvalid, match=r"plan-dataset\.json: tables\.positions"):
        plan_dataset.load(path)


def test_a_link_the_caller_names_is_followed_but_nothing_inside_a_release(tmp_path: Path) -> None:
    from plan_dataset.publish.build import BUNDLE_PATH

    bundle = tmp_path / "plan-dataset-0.0.1.json"
    bundle.write_bytes((ROOT / BUNDLE_PATH).read_bytes())
    (tmp_path / "latest.json").symlink_to(bundle)
    assert plan_dataset.load(tmp_path / "latest.json").counts()
    folder = tmp_path / "release"
    folder.mkdir()
    (folder / "plan-dataset.json").symlink_to(bundle)
    with pytest.raises(BundleInvalid, match="symbolic link"):
        plan_dataset.load(folder)
