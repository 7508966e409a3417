"""Hostile input never crashes, hangs, leaks or forges output (one test per finding)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES, run_cli

import plan_dataset
import plan_dataset.read.walk
from plan_dataset.cli import main
from plan_dataset.loader import BundleInvalid, _from_bundle
from plan_dataset.read import yaml_reader
from plan_dataset.validation import validate
from plan_dataset.validation.pydantic_errors import did_you_mean


@pytest.fixture
def project(small_project: Path) -> Path:
    """Mechanics behave alike whatever the data: the small project (tests/small_project.py)."""
    return small_project


FIXTURES_VALID = FIXTURES / "valid"
HEADER = "# yaml-language-server: $schema=../../schema/events.schema.json\n"
EVIDENCE = """evidence:
  - source: seed-004
    quote: Reducing the size of the Ukrainian Armed Forces by half.
    hedge: reported
"""


def _event(project: Path, name: str, body: str) -> Path:
    path = project / "data" / "events" / f"{name}.yaml"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def _codes(project: Path, *paths: Path) -> set[str]:
    return {p.code for p in validate(project, list(paths) or None).problems}


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


class _EagerDepthLoader(yaml.SafeLoader):
    """Stands in for a parser that refuses deep nesting with its own error, early."""

    def check_event(self, *choices: type) -> bool:
        raise yaml.scanner.ScannerError(None, None, "exceeded maximum nesting depth", None)


_PARSERS = {
    "libyaml": getattr(yaml, "CSafeLoader", yaml.SafeLoader),
    "pure-python": yaml.SafeLoader,
    "eager-depth-error": _EagerDepthLoader,
}


# 1. Nesting: reading stops at the depth limit, in every style, whatever the parser's own
# limits (PyYAML 6.0.4's libyaml binding refuses deep nesting before our check sees it).
@pytest.mark.parametrize("parser", sorted(_PARSERS))
@pytest.mark.parametrize(
    "text",
    ["[" * 50_000, "- " * 16_000 + "x", "a: {" * 20_000],
    ids=["flow-lists", "block-lists", "flow-maps"],
)
def test_deep_nesting_stops_at_the_limit(
    tmp_path: Path, text: str, parser: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yaml_reader, "_Loader", _PARSERS[parser])
    path = tmp_path / "deep.yaml"
    path.write_text(text, encoding="utf-8")
    record = yaml_reader.read_yaml(path, "deep.yaml")
    assert [p.code for p in record.problems] == ["Y010"]
    assert len(record.value_marks) <= yaml_reader.MAX_DEPTH + 1  # nothing read past it


def test_a_parser_error_on_shallow_input_stays_a_syntax_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only real depth becomes Y010: a parser's own error on shallow text is still Y001."""
    monkeypatch.setattr(yaml_reader, "_Loader", _EagerDepthLoader)
    path = tmp_path / "shallow.yaml"
    path.write_text("id: x\ntitle: [a, b]\n", encoding="utf-8")
    assert [p.code for p in yaml_reader.read_yaml(path, "shallow.yaml").problems] == ["Y001"]


# 2. Nothing a record holds can forge a line, a workflow command or a terminal sequence.
def test_text_output_escapes_everything_it_echoes(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _event(
        project,
        "forged",
        'id: "x\\n::error file=a::forged\\u001b[2J"\n"k\\u0007ey": 1\n'
        'title: "t\\nsrc/x.py:1:1: F001 forged"\nsummary: s\n' + EVIDENCE,
    )
    source = project / "data" / "sources" / "seed-000.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("path: ", 'path: "seeds/\\n::warning::x"\nold_path: ', 1))
    status, out, _err = _run(["--root", str(project), "validate"], capsys)
    assert status == 1
    for line in out.splitlines():
        assert not line.startswith("::"), line
        assert all(unicodedata.category(ch) != "Cc" for ch in line), line
    assert "forged" in out  # reported, but escaped on its own line
    assert {"T004"} <= _codes(project)


# 3. Tracebacks become coded problems.
def test_a_5000_digit_number_is_a_coded_problem(project: Path) -> None:
    path = _event(project, "digits", "id: digits\nvalue: " + "9" * 5000 + "\n" + EVIDENCE)
    assert _codes(project, path) == {"Y011"}


def test_infinite_and_unsafe_numbers(project: Path) -> None:
    inf = _event(project, "inf", "id: inf\ndate: '2025'\ntitle: 1e999\nsummary: s\n" + EVIDENCE)
    big = _event(project, "big", "id: big\ndate: '2025'\ntitle: 9223372036854775808\n" + EVIDENCE)
    unsafe = _event(project, "unsafe", "id: unsafe\ndate: '2025'\nlocation: 9007199254740993\n")
    assert _codes(project, inf) == {"Y011"}
    assert _codes(project, big) == {"Y011"}
    assert _codes(project, unsafe) == {"M011"}


def test_nul_and_overlong_source_paths(project: Path) -> None:
    source = project / "data" / "sources" / "seed-000.yaml"
    original = source.read_text(encoding="utf-8")
    source.write_text(original.replace("path: ", 'path: "seeds/a\\0b"\nx: ', 1))
    assert "T004" in _codes(project, source)
    source.write_text(original.replace("path: ", f'path: "seeds/{"a" * 280}"\nx: ', 1))
    assert _codes(project, source) <= {"M001", "P005", "P003"}


@pytest.mark.parametrize(
    "damage",
    [
        lambda s: {**s, "properties": {**s["properties"], "id": {"$ref": "#/$defs/Nowhere"}}},
        lambda s: {
            **s,
            "$defs": {"Loop": {"$ref": "#/$defs/Loop"}},
            "properties": {"id": {"$ref": "#/$defs/Loop"}},
        },
        lambda s: {
            **s,
            "properties": {**s["properties"], "id": {"type": "string", "pattern": "(["}},
        },
        lambda s: {**s, "properties": {**s["properties"], "id": {"type": "strin"}}},
        lambda _s: "not an object",
    ],
    ids=["unknown-ref", "self-ref", "bad-pattern", "unknown-type", "not-an-object"],
)
def test_a_damaged_schema_file_is_reported(project: Path, damage: object) -> None:
    from plan_dataset.models.schema import schema_validator

    schema_validator.cache_clear()
    file = project / "schema" / "events.schema.json"
    file.write_text(json.dumps(damage(json.loads(file.read_text("utf-8")))), "utf-8")  # type: ignore[operator]
    problems = validate(project).problems
    schema_validator.cache_clear()
    assert ("schema/events.schema.json", "M012") in {(p.path, p.code) for p in problems}


def test_export_refuses_a_folder_for_a_one_file_format(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for out in (".", "/"):
        status, _out, err = _run(
            ["--root", str(project), "export", "--format", "sqlite", "--out", out], capsys
        )
        assert status == 2 and "must be a file name" in err


@pytest.mark.parametrize("style", ["json", "github"])
def test_machine_formats_survive_a_narrow_stdout(project: Path, style: str) -> None:
    _event(project, "wide", "id: wide\ntitle: Київ ✓\n" + EVIDENCE)
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    result = subprocess.run(
        [sys.executable, "-m", "plan_dataset", "validate", "--format", style],
        cwd=project,
        capture_output=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1 and b"Traceback" not in result.stderr


def test_load_path_raises_dataset_invalid_not_os_error(project: Path) -> None:
    os.mkfifo(project / "data" / "events" / "pipe.yaml")
    with pytest.raises(plan_dataset.DatasetInvalid) as raised:
        plan_dataset.load(project)
    assert "F005" in str(raised.value)


# 5. "Did you mean" is bounded.
def test_did_you_mean_is_bounded(project: Path) -> None:
    assert did_you_mean(
        "volodymyr-zelensky", [f"s-{n}" for n in range(20_000)] + ["volodymyr-zelenskyy"]
    )
    unknown = "".join(f"  - nobody-{n}\n" for n in range(40))
    path = _event(
        project,
        "many",
        f"id: many\ndate: '2025'\ntitle: t\nsummary: s\nparticipants:\n{unknown}" + EVIDENCE,
    )
    hinted = [p for p in validate(project, [path]).problems if "did you mean" in p.message]
    assert len(hinted) <= 5


def test_did_you_mean_matches_on_the_parts_of_an_id(whole_project: Path) -> None:
    people = ["donald-trump", "donald-tusk", "turkey", "vladimir-putin", "emmanuel-macron"]
    assert did_you_mean("tusk", people) == " (did you mean 'donald-tusk'?)"
    assert did_you_mean("putin", [*people, "putin-interview-page"]) == (
        " (did you mean 'vladimir-putin'?)"
    )
    assert did_you_mean("turkey", people) == " (did you mean 'turkey'?)"
    assert did_you_mean("xyzzy", people) == ""
    # Among thousands of ids the part still finds the person.
    many = [f"s-{n}" for n in range(20_000)] + people
    assert did_you_mean("tusk", many) == " (did you mean 'donald-tusk'?)"
    # And a contributor's record says so.
    path = _event(
        whole_project,
        "tusk-meeting",
        "id: tusk-meeting\ndate: '2025'\ntitle: t\nsummary: s\nparticipants:\n  - tusk\n"
        + EVIDENCE,
    )
    messages = [p.message for p in validate(whole_project, [path]).problems]
    assert any("did you mean 'donald-tusk'?" in m for m in messages), messages


# 6 and 7. Links, special files and huge files are refused before reading.
def test_links_fifos_devices_and_huge_files(project: Path, tmp_path: Path) -> None:
    events = project / "data" / "events"
    (events / "zero.yaml").symlink_to("/dev/zero")
    os.mkfifo(events / "fifo.yaml")
    with open(events / "huge.yaml", "wb") as stream:
        stream.truncate(1500 * 1024 * 1024)  # sparse: costs no disk
    problems = {(p.path.rsplit("/", 1)[-1], p.code) for p in validate(project).problems}
    assert {("zero.yaml", "F005"), ("fifo.yaml", "F005"), ("huge.yaml", "Y009")} <= problems


def test_a_linked_table_folder_is_refused_not_skipped(project: Path, tmp_path: Path) -> None:
    events = project / "data" / "events"
    events.rename(tmp_path / "events")
    events.symlink_to(tmp_path / "events")
    assert ("data/events", "F005") in {(p.path, p.code) for p in validate(project).problems}


def test_release_refuses_a_linked_data_readme(project: Path, tmp_path: Path) -> None:
    secret = tmp_path / "id_rsa"
    secret.write_text("PRIVATE KEY")
    readme = project / "docs" / "DATA-README.md"
    readme.unlink()
    readme.symlink_to(secret)
    result = run_cli("release", cwd=project)
    assert result.returncode == 1 and "symbolic link" in result.stderr
    assert not (project / "dist").exists() or not any((project / "dist").iterdir())


# 9. No write goes through a link.
def test_export_and_new_never_write_through_links(project: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("safe")
    out = tmp_path / "out"
    out.mkdir()
    (out / "sources.csv").symlink_to(victim)
    assert run_cli("export", "--format", "csv", "--out", str(out), cwd=project).returncode == 1
    (project / "data" / "events" / "dangling.yaml").symlink_to(tmp_path / "made.yaml")
    assert run_cli("new", "events", "dangling", cwd=project).returncode != 0
    assert victim.read_text() == "safe" and not (tmp_path / "made.yaml").exists()


# 10. YAML readings that differ between versions or parsers are refused.
@pytest.mark.parametrize("value", ["1e3", "1:30", "yes", "No", "off", "ON"])
def test_values_yaml_versions_read_differently(project: Path, value: str) -> None:
    path = _event(
        project,
        "ambiguous",
        f"id: ambiguous\ndate: '2025'\ntitle: {value}\nsummary: s\n" + EVIDENCE,
    )
    assert _codes(project, path) == {"Y011"}


@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])
def test_tabs_are_refused_by_either_parser(
    project: Path, loader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import yaml

    monkeypatch.setattr(yaml_reader, "_Loader", getattr(yaml, loader, yaml.SafeLoader))
    path = _event(project, "tabbed", 'id: tabbed\ndate: "2025"\nlocation:\t"Alaska"\n' + EVIDENCE)
    assert _codes(project, path) == {"Y001"}


# 11. load() checks the bundle.
def _duplicate_an_outlet_sharing_a_stakeholder_id(data: bytes) -> bytes:
    # An outlet may share its id with a stakeholder, but not appear twice.
    bundle = json.loads(data)
    outlet = bundle["tables"]["outlets"][0]
    outlet["id"] = bundle["tables"]["stakeholders"][0]["id"]
    bundle["tables"]["outlets"].insert(1, dict(outlet))
    return json.dumps(bundle).encode()


@pytest.mark.parametrize(
    "tamper",
    [
        lambda b: b[: len(b) // 2],
        lambda b: b"[" * 100_000,
        lambda b: json.dumps({**json.loads(b), "version": 3}).encode(),
        lambda b: json.dumps({**json.loads(b), "tables": {}}).encode(),
        lambda b: _duplicate_first_event(b),
        lambda b: _drop_a_field(b),
        lambda b: _drop_a_field(b, "curation_notes"),
        lambda b: _drop_a_field(b, "evidence", "hedge"),
        lambda b: _drop_a_field(b, "evidence", "other"),
        lambda b: _first_event_id(b, lambda bundle: bundle["tables"]["sources"][0]["id"]),
        lambda b: _first_event_id(b, lambda _bundle: 7),
        _duplicate_an_outlet_sharing_a_stakeholder_id,
    ],
    ids=[
        *("truncated", "deep", "version", "tables", "duplicate-id", "missing-field"),
        # A record keeps its parsed mapping (records/base.set_dict): none may lack a field
        # but evidence's other kind, nor hold an unknown one, at any depth.
        *("missing-nullable-field", "missing-evidence-field", "unknown-evidence-field"),
        *("id-of-another-table", "id-not-text", "duplicate-shared-id"),
    ],
)
def test_a_tampered_bundle_raises_one_clear_error(tamper: object) -> None:
    from conftest import ROOT

    from plan_dataset.publish.build import BUNDLE_PATH

    data = (ROOT / BUNDLE_PATH).read_bytes()
    with pytest.raises(BundleInvalid):
        _from_bundle(tamper(data))  # type: ignore[operator]


def _duplicate_first_event(data: bytes) -> bytes:
    bundle = json.loads(data)
    bundle["tables"]["events"].append(bundle["tables"]["events"][0])
    return json.dumps(bundle).encode()


def _first_event_id(data: bytes, new_id: Any) -> bytes:
    bundle = json.loads(data)
    bundle["tables"]["events"][0]["id"] = new_id(bundle)
    return json.dumps(bundle).encode()


def _drop_a_field(data: bytes, field: str = "title", inner: str | None = None) -> bytes:
    """The first event without ``field``, or its first evidence item without ``inner``
    (with ``"other"``: with an unknown field instead)."""
    bundle = json.loads(data)
    event = bundle["tables"]["events"][0]
    if inner == "other":
        event[field][0][inner] = "x"
    elif inner is not None:
        del event[field][0][inner]
    else:
        del event[field]
    return json.dumps(bundle).encode()


def test_reporters_never_print_a_raw_control_character() -> None:
    from plan_dataset.problems import Problem
    from plan_dataset.validation.reporters import report_text

    out = io.StringIO()
    report_text([Problem("a\nb", 1, 1, "F001", "x\x1b[31m\r::error::y\u2028z")], out)
    assert out.getvalue().count("\n") == 1  # the problem line only (the summary is separate)
    assert "\x1b" not in out.getvalue() and "\u2028" not in out.getvalue()


# 8. A build killed at any rename leaves outputs whole, or the next build repairs them.
KILLER = """
import os, sys
from pathlib import Path
from plan_dataset.publish.outputs import atomic
real, count, stop = os.replace, [0], int(sys.argv[2])
def replace(a, b):
    count[0] += 1
    if count[0] == stop:
        os._exit(9)  # a kill: no cleanup, no rollback
    real(a, b)
atomic.os.replace = replace
from plan_dataset.publish.build import build
build(Path(sys.argv[1]))
"""


@pytest.mark.parametrize("stop", [1, 2, 4])
def test_a_killed_build_is_repaired_by_the_next(project: Path, stop: int) -> None:
    from plan_dataset.publish.build import render_outputs, stale_outputs

    for name in ("events.csv", "positions.csv", "sources.csv", "provisions.csv"):
        (project / "tables" / name).write_text(f"old {name}\n")
    killed = subprocess.run([sys.executable, "-c", KILLER, str(project), str(stop)], check=False)
    assert killed.returncode == 9
    assert (project / ".plan-dataset-switch").exists()  # the interrupted switch is visible
    assert run_cli("build", cwd=project).returncode == 0
    assert stale_outputs(project, render_outputs(validate(project))) == []
    from plan_dataset.publish.outputs.atomic import STAMP

    # The build's stamp is its record of what it wrote, not debris.
    kept = {".gitignore", STAMP}
    debris = [p for p in project.rglob(".*") if p.is_file() and p.name not in kept]
    assert debris == []


def test_an_unreadable_seed_and_table_folder_are_coded_problems(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root in CI, where chmod cannot make a file unreadable: fail the reads.
    from plan_dataset.validation import provenance

    def unreadable_seed(path: Path) -> str:
        raise PermissionError(13, "Permission denied", str(path))

    from plan_dataset.read import walk

    real_scandir = os.scandir

    def unreadable_events(path: Path):  # type: ignore[no-untyped-def]
        if Path(path).name == "events":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(provenance, "sha256_of", unreadable_seed)
    monkeypatch.setattr(walk.os, "scandir", unreadable_events)
    found = {(p.path, p.code) for p in validate(project).problems}
    assert ("data/events", "F004") in found
    assert ("data/sources/seed-000.yaml", "P003") in found
    with pytest.raises(plan_dataset.DatasetInvalid):
        plan_dataset.load(project)


# --- Round two (issue 23), class 2: every reader is bounded -----------------------------


def _release_zip(tmp_path: Path, members: list[tuple[str, bytes]], **info: object) -> Path:
    import zipfile

    path = tmp_path / "release.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members:
            entry = zipfile.ZipInfo(name)
            entry.compress_type = zipfile.ZIP_DEFLATED
            for key, value in info.items():
                setattr(entry, key, value)
            archive.writestr(entry, data)
    return path


def _peak_megabytes(action: object) -> float:
    import tracemalloc

    tracemalloc.start()
    try:
        action()  # type: ignore[operator]
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak / 1e6


def test_a_zip_bomb_is_refused_unread(tmp_path: Path) -> None:
    bomb = _release_zip(tmp_path, [("plan-dataset.json", b"\0" * (300 * 1024 * 1024))])
    assert bomb.stat().st_size < 1024 * 1024

    def load_bomb() -> None:
        with pytest.raises(BundleInvalid, match="zip bomb"):
            plan_dataset.load(bomb)

    assert _peak_megabytes(load_bomb) < 20


def test_a_zip_with_too_many_or_duplicate_members_is_refused(tmp_path: Path) -> None:
    import warnings

    many = _release_zip(tmp_path, [(f"m{n}", b"") for n in range(1500)])
    with pytest.raises(BundleInvalid, match="members"):
        plan_dataset.load(many)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name it writes
        twice = _release_zip(tmp_path, [("plan-dataset.json", b"{}"), ("plan-dataset.json", b"[]")])
    with pytest.raises(BundleInvalid, match="twice"):
        plan_dataset.load(twice)


@pytest.mark.parametrize("damage", ["truncated", "method", "encrypted", "crc"])
def test_a_damaged_zip_raises_bundle_invalid(tmp_path: Path, damage: str) -> None:
    path = _release_zip(tmp_path, [("plan-dataset.json", b'{"name": "plan-dataset"}' * 50)])
    data = bytearray(path.read_bytes())
    if damage == "truncated":
        data = data[: len(data) - 30]
    elif damage == "method":
        data[8:10] = (99).to_bytes(2, "little")  # local header: an unknown method
        central = data.rindex(b"PK\x01\x02")
        data[central + 10 : central + 12] = (99).to_bytes(2, "little")
    elif damage == "encrypted":
        central = data.rindex(b"PK\x01\x02")
        data[central + 8] |= 1  # the encryption flag
    else:
        data[40] ^= 0xFF  # a byte of the compressed stream
    path.write_bytes(bytes(data))
    with pytest.raises(BundleInvalid):
        plan_dataset.load(path)


def test_special_files_are_refused_by_load(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path in (Path("/dev/zero"), fifo):
        with pytest.raises(BundleInvalid, match="not a regular file"):
            plan_dataset.load(path)
    folder = tmp_path / "release"
    folder.mkdir()
    os.mkfifo(folder / "plan-dataset.json")
    with pytest.raises(BundleInvalid, match="not a regular file"):
        plan_dataset.load(folder)


def test_a_huge_seed_is_a_coded_problem(project: Path) -> None:
    seed = next(iter(sorted((project / "seeds").glob("*.txt"))))
    with open(seed, "r+b") as stream:
        stream.truncate(3 * 1024 * 1024 * 1024)  # sparse: costs no disk
    name = f"seeds/{seed.name}"
    problems = [p for p in validate(project).problems if name in p.message]
    assert problems and {p.code for p in problems} <= {"P003", "P001"}
    assert any("limit" in p.message for p in problems)


def test_special_files_among_the_project_files(project: Path) -> None:
    seed = next(iter(sorted((project / "seeds").glob("*.txt"))))
    seed.unlink()
    os.mkfifo(seed)
    (project / "schema" / "events.schema.json").unlink()
    os.mkfifo(project / "schema" / "events.schema.json")
    found = {p.code for p in validate(project).problems}
    assert {"P003", "M012"} <= found
    (project / "CHANGELOG.md").unlink()
    os.mkfifo(project / "CHANGELOG.md")
    result = run_cli("release", cwd=project)
    assert result.returncode == 1 and "not a regular file" in result.stderr


def test_deep_folders_are_walked_iteratively_to_a_limit(project: Path) -> None:
    deep = project / "data" / "events"
    for _ in range(300):
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "x.yaml").write_text("id: x\n")
    problems = validate(project).problems
    assert any(p.code == "F004" and "deeper" in p.message for p in problems)
    assert plan_dataset.read.walk.walk(project / "data", max_depth=1000).too_deep == []


def test_a_redos_pattern_in_a_committed_schema_is_refused(project: Path) -> None:
    import time

    path = project / "schema" / "events.schema.json"
    schema = json.loads(path.read_text())
    schema["properties"]["title"]["pattern"] = "^(a+)+$"
    path.write_text(json.dumps(schema))
    title = "a" * 40 + "!"
    record = _event(
        project, "slow", f"id: slow\ndate: '2025'\ntitle: {title}\nsummary: s\n" + EVIDENCE
    )
    started = time.monotonic()
    found = {p.code for p in validate(project, [record]).problems}
    assert "M012" in found and time.monotonic() - started < 5


def test_origin_chains_and_lineages_are_walked_in_linear_time() -> None:
    import time
    from types import SimpleNamespace

    from plan_dataset.evidence.corroboration import chain_of
    from plan_dataset.queries.versions import lineage

    count = 5000
    sources = {
        f"s{n}": SimpleNamespace(id=f"s{n}", origin=f"s{n + 1}" if n + 1 < count else None)
        for n in range(count)
    }
    started = time.monotonic()
    assert len(chain_of(sources["s0"], sources.get)) == count
    links = tuple(
        SimpleNamespace(id=f"l{n}", earlier=f"p{n}", later=f"p{n + 1}", later_document=f"d{n}")
        for n in range(count)
    )
    documents = tuple(SimpleNamespace(id=f"d{n}", date="2025-11-20") for n in range(count))
    dataset = SimpleNamespace(point_links=links, documents=documents)
    assert all(len(lineage(dataset, f"p{n}")) == count for n in range(0, count, 50))
    assert time.monotonic() - started < 3


# --- Class 5: one escaping policy per output kind, one payload list for all --------------

PAYLOADS = [
    "plain text",
    "line\nbreak",
    "carriage\rreturn",
    "\r\n::error file=x.py::forged",
    "\n::set-output name=x::y",
    "\x1b[31mred\x1b[0m",
    "bell\x07",
    "nul\x00",
    "\u202eevil\u202c",
    "zero\u200bwidth",
    "line\u2028separator",
    "hangul\u3164filler",
    "\u115f\u1160\uffa0",
    "emoji\ufe0f selector \U000e0100",
    "joiner\u034f",
    "<img src=x onerror=alert(1)>",
    "<details><summary>open</summary></details>",
    "[click](https://evil.example/)",
    "![image](https://evil.example/x.png)",
    "https://evil.example/ and www.evil.example",
    "| a | b |",
    "`code` **bold** _em_ # heading",
    "%0A%25",
    '=HYPERLINK("http://x")',
    "+1",
    "-1",
    "@SUM(A1)",
    "quote \" and ' and &amp;",
]


def _hidden_left(text: str, allowed: str = "") -> list[str]:
    from plan_dataset.escaping import is_hidden

    return [c for c in text if (is_hidden(c) or (c.isspace() and c != " ")) and c not in allowed]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_terminal_and_messages_show_every_character(payload: str) -> None:
    from plan_dataset import DatasetInvalid
    from plan_dataset.escaping import for_message, for_terminal
    from plan_dataset.problems import Problem
    from plan_dataset.validation.reporters import report_text

    for shown in (for_terminal(payload), for_message(payload)):
        assert _hidden_left(shown) == []
    out = io.StringIO()
    report_text([Problem(payload, 1, 1, "F001", payload)], out)
    assert out.getvalue().count("\n") == 1 and _hidden_left(out.getvalue(), "\n") == []
    message = str(DatasetInvalid([Problem(payload, 1, 1, "F001", payload)]))
    assert message.count("\n") == 1 and _hidden_left(message, "\n") == []
    assert _hidden_left(str(BundleInvalid(payload))) == []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_github_annotations_stay_one_command(payload: str) -> None:
    from plan_dataset.problems import Problem
    from plan_dataset.validation.reporters import report_github

    out = io.StringIO()
    report_github([Problem(payload, 1, 1, "F001", payload)], out)
    line = out.getvalue()
    assert line.count("\n") == 1 and line.startswith("::error file=")
    properties = line.partition("::")[2].partition("::")[0]
    assert "::" not in properties and _hidden_left(line, "\n") == []
    assert properties.count(",") == 3  # file, line, col, title: a path adds none


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_renders_as_the_text_it_is(payload: str) -> None:
    from plan_dataset.problems import Problem
    from plan_dataset.validation.reporters import report_markdown

    out = io.StringIO()
    report_markdown([Problem(payload, 1, 1, "F001", payload)], out)
    row = out.getvalue().splitlines()[-1]
    assert _hidden_left(row) == []
    # The location is a code span (shown literally): one pair of backticks, no bare '|'.
    where, _, row = row.removeprefix("| `").partition("` | ")
    assert "`" not in where and "|" not in where.replace("\\|", "")
    row = "| " + row
    assert "<" not in row and "://" not in row and "www." not in row
    for mark in "[]()`*_|!":  # a '#' matters only at a line start, and the row starts '| '
        # Every mark is escaped; the row's own three cell separators are the only bare '|'.
        bare = [i for i, c in enumerate(row) if c == mark and (i == 0 or row[i - 1] != "\\")]
        assert len(bare) == (3 if mark == "|" else 0), (mark, row)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_html_and_csv_escape_their_specials(payload: str) -> None:
    import csv

    from plan_dataset.escaping import FORMULA_PREFIXES, for_csv, for_html

    shown = for_html(payload)
    assert not set("<>\"'") & set(shown) and _hidden_left(shown, "\n") == []
    cell = for_csv(payload)
    assert not cell.startswith(FORMULA_PREFIXES)
    buffer = io.StringIO()
    csv.writer(buffer).writerow([cell])
    assert next(csv.reader(io.StringIO(buffer.getvalue()))) == [cell]  # round trip


@pytest.mark.parametrize(
    "char", ["\u3164", "\u115f", "\u1160", "\uffa0", "\ufe0f", "\U000e0100", "\u034f"]
)
def test_invisible_characters_are_refused_like_bidi_controls(project: Path, char: str) -> None:
    path = _event(
        project,
        "invisible",
        f"id: invisible\ndate: '2025'\ntitle: 'a{char}b'\nsummary: 'c{char}d'\n" + EVIDENCE,
    )
    problems = validate(project, [path]).problems
    assert [p.code for p in problems] == ["T001", "T001"]
    assert all(f"U+{ord(char):04X}" in p.message for p in problems)


# --- Class 6: new coded checks ------------------------------------------------------------


def _replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_new_rules_over_a_whole_project(whole_project: Path) -> None:
    data = whole_project / "data"
    # One page under three spellings, and one archived file cited as a second source.
    liga = (data / "sources" / "liga-28-points.yaml").read_text(encoding="utf-8")
    url = "https://news.liga.net/en/amp/politics/news/"
    for number, spelling in enumerate(
        [
            "http://www.news.liga.net/en/politics/news/",
            "https://news.liga.net/en/amp/politics/news/",
        ]
    ):
        copy = liga.replace('id: "liga-28-points"', f'id: "liga-spelling-{number}"')
        if number == 1:
            copy = copy.replace('-ukraine-and-russia"', '-ukraine-and-russia/?utm_source=x"')
        (data / "sources" / f"liga-spelling-{number}.yaml").write_text(
            copy.replace(url, spelling), encoding="utf-8"
        )
    seed = (data / "sources" / "seed-001.yaml").read_text(encoding="utf-8")
    (data / "sources" / "seed-001-again.yaml").write_text(
        seed.replace('id: "seed-001"', 'id: "seed-001-again"'), encoding="utf-8"
    )
    # A point link that closes a circle.
    forward = data / "point_links" / "us28-06-to-e3-06.yaml"
    back = data / "point_links" / "e3-06-back.yaml"
    back.write_text(forward.read_text(encoding="utf-8"), encoding="utf-8")
    for old, new in [
        ('id: "us28-06-to-e3-06"', 'id: "e3-06-back"'),
        ('earlier: "point-06"', 'earlier: "TMP"'),
        ('later: "e3-point-06"', 'later: "point-06"'),
        ('earlier: "TMP"', 'earlier: "e3-point-06"'),
        ('earlier_document: "us-28-point-draft"', 'earlier_document: "TMP"'),
        ('later_document: "european-counter-proposal"', 'later_document: "us-28-point-draft"'),
        ('earlier_document: "TMP"', 'earlier_document: "european-counter-proposal"'),
    ]:
        _replace_in(back, old, new)
    # A position on the plan dated before its first version (us-28-point-draft, 2025-11-20).
    _replace_in(
        data / "positions" / "barrot-peace-not-capitulation.yaml",
        "date: null",
        'date: "2025-11-02"',
    )
    # A Windows device name as an id.
    summit = (FIXTURES_VALID / "events" / "fixture-summit.yaml").read_text(encoding="utf-8")
    (data / "events" / "aux.yaml").write_text(summit.replace("id: fixture-summit", "id: aux"))
    found = {(p.path.rsplit("/", 1)[-1], p.code) for p in validate(whole_project).problems}
    assert {
        ("liga-spelling-0.yaml", "D006"),
        ("liga-spelling-1.yaml", "D006"),
        ("barrot-peace-not-capitulation.yaml", "E002"),
        ("aux.yaml", "F006"),
    } <= found
    assert any(code == "L005" for _, code in found)
    # Whichever of the two files sorts first is the one the other is reported against.
    assert {("seed-001.yaml", "D006"), ("seed-001-again.yaml", "D006")} & found
    assert ("liga-spelling-0.yaml", "D005") not in found  # another spelling: D006, not D005


@pytest.mark.parametrize("name", ["con", "aux", "nul", "prn", "com1", "lpt9", "com0"])
def test_new_refuses_a_windows_device_name(project: Path, name: str) -> None:
    result = run_cli("new", "events", name, cwd=project)
    assert result.returncode == 1 and "F006" in result.stderr
    assert not (project / "data" / "events" / f"{name}.yaml").exists()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://www.example.com/news/story/", "http://example.com/news/story"),
        ("https://example.com/amp/news/story", "https://example.com/news/story"),
        ("https://example.com/news/story.amp", "https://example.com/news/story"),
        ("https://amp.example.com/news/story", "https://example.com/news/story"),
        ("https://example.com/news/story?utm_source=x&fbclid=y", "https://example.com/news/story"),
        ("https://example.com/news/story#comments", "https://example.com/news/story"),
        ("https://EXAMPLE.com:443/news/story", "https://example.com/news/story"),
        ("https://example.com/view.php?b=2&a=1", "https://example.com/view.php?a=1&b=2"),
    ],
)
def test_url_spellings_of_one_page_normalise_alike(a: str, b: str) -> None:
    from plan_dataset.evidence.same_page import normalised_url

    assert normalised_url(a) == normalised_url(b)


def test_pages_that_differ_stay_apart() -> None:
    from plan_dataset.evidence.same_page import normalised_url

    assert normalised_url("https://x.com/view.php?id=1") != normalised_url(
        "https://x.com/view.php?id=2"
    )
    assert normalised_url("https://x.com/?p=1") != normalised_url("https://x.com/?p=2")


def test_corroboration_counts_one_page_once_however_written() -> None:
    from types import SimpleNamespace

    from plan_dataset.evidence.corroboration import corroboration_of

    def source(record_id: str, url: str | None, sha256: str | None = None) -> SimpleNamespace:
        return SimpleNamespace(
            id=record_id, url=url, sha256=sha256, path=None, origin=None, reliability="wire"
        )

    sources = {
        s.id: s
        for s in [
            source("a", "https://www.example.com/story/"),
            source("b", "http://example.com/story?utm_medium=social"),
            source("c", "https://example.com/amp/story"),
            source("d", None, "ab" * 32),
            source("e", None, "ab" * 32),
            source("f", "https://other.example/story"),
        ]
    }
    items = [SimpleNamespace(source=name) for name in sources]
    result = corroboration_of(items, sources.get)
    assert result.origin_ids == ("a", "d", "f")
