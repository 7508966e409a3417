"""The build stages each output as it is rendered, chunk by chunk; a failure at any point
of the stream still leaves the previous outputs whole and no debris; and what is streamed
is byte for byte what is rendered in memory: tables, bundle and release zip (issue 26)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import ROOT

from plan_dataset.publish import outputs
from plan_dataset.publish.build import build
from plan_dataset.publish.outputs import atomic
from plan_dataset.publish.outputs.content import Content


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _stale(project: Path) -> None:
    """Old outputs, so that the build has files to stage before the failure."""
    for name in ("events.csv", "sources.csv"):
        (project / "tables" / name).write_text("old\n")


def test_a_renderer_failing_mid_stream_changes_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stale(project)
    before = _tree(project)
    staged: list[str] = []
    real_staged = atomic._staged

    def counting(root: Path, target: Path, content: Content) -> Path | None:
        staged.append(target.name)
        return real_staged(root, target, content)

    def failing(_snapshot: object) -> dict[str, bytes]:
        raise RuntimeError("renderer failed")

    monkeypatch.setattr(atomic, "_staged", counting)
    monkeypatch.setitem(
        outputs.OUTPUTS, "dictionary", replace(outputs.OUTPUTS["dictionary"], render=failing)
    )
    assert list(outputs.OUTPUTS).index("dictionary") > list(outputs.OUTPUTS).index("csv")
    with pytest.raises(RuntimeError, match="renderer failed"):
        build(project)
    assert "events.csv" in staged  # the stream had staged files before it failed
    assert _tree(project) == before
    assert not (project / atomic.JOURNAL).exists()


def test_a_link_met_mid_stream_is_refused_and_changes_nothing(project: Path) -> None:
    _stale(project)
    dictionary = project / "docs" / "data-dictionary.md"
    dictionary.unlink()
    os.symlink(project / "CHANGELOG.md", dictionary)
    before = _tree(project)
    with pytest.raises(atomic.WriteError, match="W001"):
        build(project)
    assert _tree(project) == before
    assert dictionary.is_symlink()
    debris = [p for p in project.rglob(".*") if p.name.endswith(atomic.TEMPORARY_SUFFIX)]
    assert debris == [] and not (project / atomic.JOURNAL).exists()


def test_a_renderer_failing_mid_file_leaves_no_temporary(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file's chunks stop half-way: its half-written temporary goes, and nothing switches."""
    from plan_dataset.publish.outputs import tabular

    _stale(project)
    before = _tree(project)
    real_chunks = tabular.csv_chunks

    def breaking(table: object, rows: object) -> object:
        for number, chunk in enumerate(real_chunks(table, rows)):  # type: ignore[arg-type]
            if number == 1 and table.name == "attributions":  # type: ignore[attr-defined]
                raise RuntimeError("renderer failed mid-file")
            yield chunk

    monkeypatch.setattr(tabular, "csv_chunks", breaking)
    with pytest.raises(RuntimeError, match="mid-file"):
        build(project)
    assert _tree(project) == before
    debris = [p for p in project.rglob(".*") if p.name.endswith(atomic.TEMPORARY_SUFFIX)]
    assert debris == [] and not (project / atomic.JOURNAL).exists()


@pytest.mark.parametrize(
    ("new", "changed"),
    [([b"ab", b"c", b"d"], False), ([b"abc"], True), ([b"abcde"], True), ([b"abcX"], True)],
)
def test_chunks_equal_to_the_file_there_change_nothing(
    tmp_path: Path, new: list[bytes], changed: bool
) -> None:
    (tmp_path / "f.txt").write_bytes(b"abcd")
    assert atomic.switch_files(tmp_path, iter([("f.txt", iter(new))])) == (
        ["f.txt"] if changed else []
    )
    assert (tmp_path / "f.txt").read_bytes() == b"".join(new)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.txt"]  # no debris, no journal


def test_tables_in_chunks_are_the_whole_encodings(monkeypatch: pytest.MonkeyPatch) -> None:
    """CSV and JSON tables of the real data, a few rows per chunk: the bytes that one
    csv.writer and one json.dumps of each whole table give."""
    import csv
    import io
    import json

    from plan_dataset.flat.catalog import TABLES
    from plan_dataset.publish.outputs import tabular
    from plan_dataset.publish.snapshot import snapshot_of
    from plan_dataset.validation import validate

    snapshot = snapshot_of(validate(ROOT), ROOT)
    monkeypatch.setattr(tabular, "ROWS_PER_CHUNK", 7)
    for table in [*TABLES, replace(TABLES[0], name="empty")]:
        rows = [] if table.name == "empty" else list(snapshot.rows(table.name))
        names = [column.name for column in table.columns]
        objects = [{name: row[name] for name in names} for row in rows]
        whole = json.dumps(objects, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
        chunked = list(tabular.json_chunks(table, rows))
        assert b"".join(chunked) == whole.encode("utf-8"), table.name
        assert len(chunked) == len(rows) // 7 + 1
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([[tabular._cell(row[name]) for name in names] for row in rows])
        assert b"".join(tabular.csv_chunks(table, rows)) == buffer.getvalue().encode("utf-8")


def _release_alike(root: Path) -> None:
    """The zip written entry by entry from its spool is the zip ``render_zip`` makes of
    the release's files in memory, and the bundle in chunks is one ``json.dumps``."""
    import json

    from plan_dataset.bundle import DATASET_NAME
    from plan_dataset.evidence.corroboration import to_plain
    from plan_dataset.publish.outputs import bundle, release_files
    from plan_dataset.publish.release import render_zip, write_release
    from plan_dataset.publish.snapshot import snapshot_of
    from plan_dataset.validation import validate

    report = validate(root, committed_schemas=False, jobs=1)
    assert report.ok, report.problems[:5]
    snapshot = snapshot_of(report, root)
    streamed = write_release(root, snapshot).read_bytes()
    assert streamed == render_zip(release_files(snapshot))
    whole = {
        "name": DATASET_NAME,
        "version": snapshot.version,
        "tables": {
            table: [record.model_dump(mode="json") for record in records]
            for table, records in snapshot.records.items()
        },
        "offsets": bundle.bundle_contents(snapshot)[2],
        "corroboration": to_plain(snapshot.corroboration),
    }
    text = json.dumps(whole, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    assert bundle.render_bundle(snapshot) == (text + "\n").encode("utf-8")


def test_the_real_data_releases_alike_streamed_and_in_memory(project: Path) -> None:
    _release_alike(project)


def test_a_1k_corpus_releases_alike_streamed_and_in_memory(
    synthetic_1k: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("plan_dataset.bundle.CHUNK_BYTES", 1000)  # many chunks, even here
    _release_alike(synthetic_1k)


def test_an_export_failing_mid_stream_leaves_its_folder_as_it_was(
    small_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plan_dataset.cli import main

    out = tmp_path / "csv"
    assert main(["--root", str(small_project), "export", "--format", "csv", "--out", str(out)]) == 0
    before = _tree(out)
    assert "events.csv" in before and "sources.csv" in before

    def failing(_snapshot: object) -> object:
        yield "events.csv", b"new events\n"  # staged, then the renderer fails
        raise RuntimeError("renderer failed")

    monkeypatch.setitem(outputs.OUTPUTS, "csv", replace(outputs.OUTPUTS["csv"], render=failing))
    with pytest.raises(RuntimeError, match="renderer failed"):
        main(["--root", str(small_project), "export", "--format", "csv", "--out", str(out)])
    assert _tree(out) == before
    assert not (out / atomic.JOURNAL).exists()


def test_one_file_failing_mid_stream_leaves_no_debris(tmp_path: Path) -> None:
    target = tmp_path / "out" / "plan-dataset.sqlite"
    target.parent.mkdir()
    target.write_bytes(b"old")

    def chunks() -> object:
        yield b"new"
        raise RuntimeError("renderer failed")

    with pytest.raises(RuntimeError, match="renderer failed"):
        atomic.write_file(target, chunks())  # type: ignore[arg-type]
    assert sorted(p.name for p in target.parent.iterdir()) == ["plan-dataset.sqlite"]
    assert target.read_bytes() == b"old"
