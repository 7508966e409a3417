"""``validate --changed``: only changed files are read again, and the problems are exactly a
full run's (``validation/cache.py``): the mechanics, on the small project.

Each test compares a run that uses the cache with a full run over the same files;
``test_cache_real_data.py`` does so on the whole checkout after changes whose problems
land in files that did not change.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES, real_pool, report_summary, run_cli

from plan_dataset import code_digest
from plan_dataset.models.schema import compiled_check, schema_validator
from plan_dataset.validation import ValidationReport, cache, parallel, validate


@pytest.fixture
def project(small_project: Path) -> Path:
    """The mechanics run on the small project; test_cache_real_data.py uses the checkout."""
    return small_project


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "user-cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(home))
    return home


def _read(path: Path) -> dict[str, Any]:
    value = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(value, dict)
    return value


def _write(root: Path, table: str, record: dict[str, Any]) -> Path:
    path = root / "data" / table / f"{record['id']}.yaml"
    header = f"# yaml-language-server: $schema=../../schema/{table}.schema.json\n"
    body = yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=10_000)
    path.write_text(header + body, encoding="utf-8")
    return path


def _records(root: Path, table: str) -> list[tuple[Path, dict[str, Any]]]:
    folder = root / "data" / table
    return [(path, _read(path)) for path in sorted(folder.glob("*.yaml"))]


def _runs(root: Path) -> tuple[ValidationReport, ValidationReport]:
    """A full run, then a run that uses the cache; they must find the same."""
    full = validate(root)
    changed = validate(root, changed_only=True)
    assert report_summary(changed) == report_summary(full)
    return full, changed


def _tighten_events_schema(root: Path) -> None:
    schema = root / "schema" / "events.schema.json"
    text = schema.read_text(encoding="utf-8")
    head, required, tail = text.rpartition('"required": [')  # the record's own, last
    schema.write_text(head + required + '"no_such_field", ' + tail, encoding="utf-8")


def _forget_schemas() -> None:
    """Schema files are read once per process (a command runs once); a test edits them."""
    compiled_check.cache_clear()
    schema_validator.cache_clear()


def test_invalid_files_keep_their_problems(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every per-file problem is kept and given back, and the pool keeps what the cache
    needs as a serial run does."""
    for fixture in sorted((FIXTURES / "invalid").glob("*/*.yaml")):
        target = project / "data" / fixture.parent.name / fixture.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(fixture, target)
    full = validate(project)
    assert len({problem.code for problem in full.problems}) > 30
    with real_pool(monkeypatch) as pools:
        cold = validate(project, changed_only=True, jobs=2)
    assert pools == [2]
    warm = validate(project, changed_only=True)
    assert warm.files_checked == 0
    assert report_summary(cold) == report_summary(warm) == report_summary(full)


def test_the_stamp_stands_in_for_reading_only_when_it_is_not_recent(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An old file whose size, times and inode are unchanged is not read again; a file
    changed within the same tick of the clock as it was checked is caught by its hash."""
    old = 1_600_000_000 * 10**9
    for path in (project / "data").rglob("*.yaml"):
        os.utime(path, ns=(old, old))
    # Setting the mtime sets the ctime to now: let it age past a shorter racy window.
    monkeypatch.setattr(cache, "RACY_SECONDS", 1)
    time.sleep(1.1)
    recent = next((project / "data" / "events").glob("*.yaml"))
    recent.write_text(recent.read_text(encoding="utf-8"), encoding="utf-8")
    validate(project, changed_only=True)
    hashed: list[Path] = []

    def counted(path: Path) -> str | None:
        hashed.append(path)
        return sha256_of(path)

    sha256_of = cache.sha256_of
    monkeypatch.setattr(cache, "sha256_of", counted)
    assert validate(project, changed_only=True).files_checked == 0
    assert hashed == [recent]  # only the recent file, and only hashed, not checked
    # The same size and mtime, other bytes: a stamp alone would miss it.
    data, info = recent.read_bytes(), recent.stat()
    at = data.index(b"\nid: ") + 6  # a letter of the id: F001 in both runs
    recent.write_bytes(data[:at] + (b"x" if data[at : at + 1] != b"x" else b"y") + data[at + 1 :])
    os.utime(recent, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert recent.stat().st_size == info.st_size
    _full, changed = _runs(project)
    assert changed.files_checked == 1


def test_a_damaged_or_unusable_cache_is_no_cache(project: Path, cache_home: Path) -> None:
    cache.cache_file(project).parent.mkdir(parents=True)
    cache.cache_file(project).write_bytes(b"not a database" * 100)
    _full, changed = _runs(project)
    assert changed.files_checked == len(changed.records)
    assert validate(project, changed_only=True).files_checked == 0  # made again, and used
    # An entry that is not what this code writes is checked again, not trusted.
    with sqlite3.connect(cache.cache_file(project)) as connection:
        connection.execute("update files set value = '{\"id\": 3}' where path like 'data/events/%'")
        connection.execute("update files set problems = 'null' where path like 'data/sources/%'")
    events = len(list((project / "data" / "events").glob("*.yaml")))
    sources = len(list((project / "data" / "sources").glob("*.yaml")))
    _full, changed = _runs(project)
    assert changed.files_checked == events + sources
    # No folder to keep it in: every run reads every file, and finds the same.
    shutil.rmtree(cache_home)
    cache_home.write_text("a file where the folder should be")
    for _ in range(2):
        _full, changed = _runs(project)
        assert changed.files_checked == len(changed.records)


def test_the_cache_lives_outside_the_checkout_and_knows_what_it_depends_on(
    project: Path, tmp_path: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cache.cache_file(project).is_relative_to(cache_home)
    assert cache.cache_file(project) != cache.cache_file(tmp_path / "another-checkout")
    mine = cache.cache_file(project)
    with monkeypatch.context() as patch:
        patch.setattr(cache.sys, "prefix", "/another/environment")
        assert cache.cache_file(project) != mine  # a hook's environment keeps its own
    monkeypatch.delenv(cache.CACHE_ENV)
    assert not cache.cache_file(project).is_relative_to(project)
    schema = project / "schema"
    before = cache.fingerprint(schema)
    assert cache.fingerprint(schema) == before
    assert cache.fingerprint(None) != before
    with (schema / "events.schema.json").open("a") as file:
        file.write(" ")
    assert cache.fingerprint(schema) != before
    libraries = code_digest.versions()
    assert any(line.startswith("pyyaml=") for line in libraries)
    assert any(line.startswith("libyaml=") for line in libraries)
    with monkeypatch.context() as patch:  # another libyaml: the kept results go
        patch.setattr(code_digest, "versions", lambda: [*libraries[:-1], "libyaml=0.0.0"])
        changed_versions = cache.fingerprint(schema)
    assert changed_versions != cache.fingerprint(schema)


def test_the_command_prints_what_a_full_run_prints(project: Path) -> None:
    broken = project / "data" / "events" / "broken.yaml"
    broken.write_text("id: [\n", encoding="utf-8")
    full = run_cli("validate", cwd=project)
    for _ in range(2):
        changed = run_cli("validate", "--changed", cwd=project)
        assert (
            (changed.returncode, changed.stdout)
            == (full.returncode, full.stdout)
            == (
                1,
                full.stdout,
            )
        )
        assert "Y001" in changed.stdout
    assert "unchanged files taken from the cache" in changed.stderr
    refused = run_cli("validate", "--changed", "data/events", cwd=project)
    assert refused.returncode == 2
    assert "--changed checks the whole dataset" in refused.stderr
    with pytest.raises(ValueError, match="changed_only checks the whole dataset"):
        validate(project, [broken], changed_only=True)


def test_a_synthetic_corpus_validates_alike(synthetic_1k: Path) -> None:
    _full, cold = _runs(synthetic_1k)
    _full, warm = _runs(synthetic_1k)
    assert cold.files_checked == 1000
    assert warm.files_checked == 0


def test_no_entry_outlives_the_fingerprint_it_was_made_under(tmp_path: Path) -> None:
    """A file that is not kept in a run under new code (it changed while being checked, or
    could not be read) must not keep its entry from the old code."""
    file = tmp_path / "cache.sqlite"
    entry = cache.Entry((1, 2, 3, 4), True, "0" * 64, True, "[]", None)
    old = cache.ResultCache(file, "old code")
    both = {"data/events/a.yaml", "data/events/b.yaml"}
    old.save([(path, entry) for path in sorted(both)], both)
    assert set(cache.ResultCache(file, "old code").entries) == both
    cache.ResultCache(file, "new code").save([], {"data/events/a.yaml"})
    assert cache.ResultCache(file, "new code").entries == {}
    kept = cache.ResultCache(file, "new code")
    kept.save([("data/events/a.yaml", entry)], {"data/events/a.yaml"})
    assert set(cache.ResultCache(file, "new code").entries) == {"data/events/a.yaml"}


def test_an_edit_that_keeps_size_and_mtime_of_an_old_file_is_caught(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tools that keep times (``cp -p``, ``rsync -t --inplace``, ``touch -r``) can give an
    edited file its old size and mtime; its ctime still moves, as git's index knows."""
    old = 1_600_000_000 * 10**9
    for path in (project / "data").rglob("*.yaml"):
        os.utime(path, ns=(old, old))
    monkeypatch.setattr(cache, "RACY_SECONDS", 0)  # every stamp trusted: the ctime decides
    _runs(project)
    assert validate(project, changed_only=True).files_checked == 0
    edited = sorted((project / "data" / "events").glob("*.yaml"))[0]
    data = edited.read_bytes()
    at = data.index(b"\nid: ") + len(b"\nid: ")
    with edited.open("r+b") as file:  # in place: the same inode
        file.seek(at)
        file.write(b"Z")
    os.utime(edited, ns=(old, old))
    full, changed = _runs(project)
    assert any(p.code == "F001" for p in full.problems)
    assert changed.files_checked == 1


def test_a_cache_another_run_is_writing_is_left_whole(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A locked cache is no cache for this run: its file is neither removed nor made again
    under the run that holds it, whose writes still land."""
    _runs(project)
    file = cache.cache_file(project)
    monkeypatch.setattr(cache, "LOCK_SECONDS", 0.1)
    holder = sqlite3.connect(file, isolation_level=None)
    try:
        holder.execute("begin exclusive")
        holder.execute("update files set trusted = 0")
        inode = file.stat().st_ino
        _full, changed = _runs(project)
        assert changed.files_checked == len(changed.records)
        assert file.stat().st_ino == inode
        holder.execute("commit")
    finally:
        holder.close()
    assert validate(project, changed_only=True).files_checked == 0  # the holder's cache


def test_runs_of_other_code_at_once_leave_no_entry_under_the_wrong_fingerprint(
    tmp_path: Path,
) -> None:
    """Two environments share a checkout's cache (a pre-commit hook's and a developer's):
    each opens it before the other saves. Rows one saves must not stay under the other's
    fingerprint, which the other's save writes last."""
    file = tmp_path / "cache.sqlite"
    both = {"data/events/a.yaml", "data/events/b.yaml"}
    ours = cache.Entry((1, 2, 3, 4), True, "0" * 64, True, "[]", None)
    theirs = replace(ours, problems='[["data/events/a.yaml", 1, 1, "M001", "theirs"]]')
    cache.ResultCache(file, "ours").save([(path, ours) for path in sorted(both)], both)
    opened_first = cache.ResultCache(file, "ours")
    cache.ResultCache(file, "theirs").save([(path, theirs) for path in sorted(both)], both)
    opened_first.save([("data/events/a.yaml", ours)], both)
    assert cache.ResultCache(file, "ours").entries == {"data/events/a.yaml": ours}


def test_a_schema_folder_holding_a_fifo_or_a_huge_file_hangs_nothing(project: Path) -> None:
    """The fingerprint reads schema files as validation does (bounded, no FIFO, no link)."""
    schema = project / "schema" / "events.schema.json"
    schema.unlink()
    os.mkfifo(schema)
    done = threading.Event()
    worker = threading.Thread(target=lambda: (cache.fingerprint(schema.parent), done.set()))
    worker.start()
    worker.join(timeout=20)
    waited = not done.is_set()
    if waited:  # unblock the reader, then fail
        os.close(os.open(schema, os.O_WRONLY | os.O_NONBLOCK))
        worker.join()
    assert not waited, "the fingerprint waited on a FIFO"
    full, _changed = _runs(project)
    assert any(p.code == "M012" for p in full.problems)
    schema.unlink()
    schema.write_bytes(b" " * (2 << 20))
    huge = cache.fingerprint(schema.parent)
    schema.write_bytes(b" " * (3 << 20))  # M012 names its size: the fingerprint must differ
    assert cache.fingerprint(schema.parent) != huge


def test_entries_that_break_json_or_numbers_are_checked_again(project: Path) -> None:
    """What this code never writes (a number past any int, JSON nested past the stack)
    is an entry checked again, not a traceback."""
    _runs(project)
    with sqlite3.connect(cache.cache_file(project)) as connection:
        connection.execute(
            'update files set problems = \'[["x", Infinity, 1, "M001", "m"]]\' '
            "where path like 'data/events/%'"
        )
        connection.execute(
            "update files set value = ? where path like 'data/sources/%'", ("[" * 200_000,)
        )
    _full, changed = _runs(project)
    events = len(list((project / "data" / "events").glob("*.yaml")))
    sources = len(list((project / "data" / "sources").glob("*.yaml")))
    assert changed.files_checked == events + sources


def test_a_record_whose_mapping_could_not_be_kept_is_not_kept(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A model the cache could not keep the mapping of must not come back as no model."""
    with monkeypatch.context() as patched:
        patched.setattr(parallel, "_as_json", lambda value: None)
        validate(project, changed_only=True)
    _full, changed = _runs(project)
    assert changed.files_checked == len(changed.records)


def test_schemas_a_process_read_before_they_changed_are_not_kept_under_the_new_ones(
    project: Path,
) -> None:
    """A long-lived process (an editor, a notebook) keeps the schemas it read; a changed run
    in it must check with the files its fingerprint names, or a later process trusts
    results made with the old schema."""
    validate(project)  # the schemas are read, and kept by the process
    _tighten_events_schema(project)
    validate(project, changed_only=True)  # no _forget_schemas(): as such a process would
    _forget_schemas()  # a new process
    full, _changed = _runs(project)
    assert any(p.code == "M010" for p in full.problems)
