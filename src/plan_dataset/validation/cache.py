"""The validation cache: each record file's per-file results, kept between runs of
``validate --changed`` so that only the files changed since are read again.

The per-file layers (read, strict YAML, text, model, schema) depend on nothing but a
file's bytes, its place, the schema files and the code, so their results can be kept:
its problems, and the mapping read from it when the model accepted it, rebuilt into the
same model by the same call (``model_validate(value, strict=True)``). Every cross-record
layer then runs over all the records, as in a full run, so the problems are exactly a
full run's (``tests/validation/test_cache.py`` holds it to that).

Where and how it is kept, and why it is safe:
- in SQLite (no code runs when it is read, unlike a pickle), in the user's cache folder
  (``PLAN_DATASET_CACHE_DIR``, else platformdirs'), one file per checkout and Python
  environment: never in the checkout, where a commit could plant results;
- an entry holds the sha256 of the bytes it was made from. A file's size, mtime, ctime
  and inode stand in for reading it again, as in git's index, but only when both times
  were at least ``RACY_SECONDS`` older than the run that checked it: a file changed
  within the same tick of the clock keeps its size and times, so a recent one is hashed
  again. The ctime counts because tools that keep times (``cp -p``, ``touch -r``) can
  give an edited file its old size and mtime, but no program can set the ctime;
- the whole cache is dropped when the code, the versions of the libraries that parse and
  check, or the schema files change (``fingerprint``);
- anything unreadable, damaged or locked means no cache: the run checks every file, with
  the same results, and never fails for it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import ValidationError

from plan_dataset.code_digest import code_digest
from plan_dataset.models import MODELS
from plan_dataset.models.schema import compiled_check, schema_validator
from plan_dataset.problems import Problem
from plan_dataset.read.bounded import MAX_SCHEMA_BYTES, read_regular
from plan_dataset.validation.base import CheckedRecord, display_path
from plan_dataset.validation.parallel import FileTask, check_files, sha256_of
from plan_dataset.validation.shared import Shared

CACHE_ENV = "PLAN_DATASET_CACHE_DIR"
# Bump when what an entry holds, or means, changes.
FORMAT = "plan-dataset validation cache 2"
# A file whose mtime or ctime is this close to the run that checked it is hashed again next time.
RACY_SECONDS = 2
# How long a run waits for another run's write to the cache before doing without it.
LOCK_SECONDS = 5

Stamp = tuple[int, int, int, int]  # size, mtime and ctime in ns, inode


def cache_dir() -> Path:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    import platformdirs  # only a --changed run needs it

    return Path(platformdirs.user_cache_dir("plan-dataset"))


def cache_file(root: Path) -> Path:
    """One cache per checkout and Python environment, named by a hash of both: a
    pre-commit hook's environment and a developer's venv, with other library versions,
    would otherwise each drop the other's cache on every switch."""
    where = hashlib.sha256(os.fsencode(root.resolve()) + b"\0" + os.fsencode(sys.prefix))
    return cache_dir() / "validate" / f"{where.hexdigest()[:20]}.sqlite"


def _files_of(
    folder: Path, pattern: str, read: Callable[[Path], bytes]
) -> Iterator[tuple[str, bytes]]:
    for path in sorted(folder.glob(pattern)):
        name = path.relative_to(folder).as_posix()
        try:
            yield name, read(path)
        except OSError as error:  # what validation reports of it names why (and a size)
            yield name, f"unreadable: {error}".encode()


def _schema_bytes(path: Path) -> bytes:
    """A schema file read as validation reads it: a FIFO, a link or a huge file is refused
    (M012), never waited on or read whole."""
    return read_regular(path, MAX_SCHEMA_BYTES)


def fingerprint(schema_dir: Path | None) -> str:
    """What the per-file results depend on, besides each file: the code, the libraries and
    the schema files records are checked against."""
    digest = hashlib.sha256(FORMAT.encode())
    parts = [
        ("code", code_digest().encode()),
        *(
            _files_of(schema_dir, "*", _schema_bytes)
            if schema_dir is not None
            else [("no schema files", b"")]
        ),
    ]
    for name, content in parts:
        digest.update(b"\0%d\0%s\0" % (len(name), name.encode()))
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()


def stamp_of(path: Path) -> Stamp | None:
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


def settled(stamp: Stamp, trusted_before: int) -> bool:
    """Whether the file was last changed long enough before the run for its stamp to
    stand for its bytes (see ``RACY_SECONDS``)."""
    return max(stamp[1], stamp[2]) < trusted_before


@dataclass
class Entry:
    """One file's per-file results as kept: how to know the file is unchanged, and what
    the layers found in it."""

    stamp: Stamp
    trusted: bool  # the stamp alone shows the file unchanged
    sha256: str
    readable: bool
    problems: str  # JSON: [[path, line, column, code, message], ...]
    value: str | None  # JSON: the mapping the model accepted, or None


_META_TABLE = "create table if not exists meta (key text primary key, value text not null)"
_FILES_TABLE = """create table if not exists files (
    path text primary key, size integer not null, mtime_ns integer not null,
    ctime_ns integer not null, inode integer not null, trusted integer not null,
    sha256 text not null, readable integer not null, problems text not null, value text
)"""


def _busy(error: Exception) -> bool:
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF  # the primary code of an extended one
    return isinstance(error, sqlite3.OperationalError) and code in (
        sqlite3.SQLITE_BUSY,
        sqlite3.SQLITE_LOCKED,
    )


class ResultCache:
    """The kept per-file results of one checkout; empty when the cache is unusable."""

    def __init__(self, file: Path, fingerprint: str) -> None:
        self.entries: dict[str, Entry] = {}
        self.connection: sqlite3.Connection | None = None
        self.fingerprint = fingerprint
        # Made for other code, libraries or schemas (or new): every row goes on saving.
        self.stale = True
        try:
            self._open(file)
        except (OSError, sqlite3.Error, ValueError, TypeError) as error:
            self._close()
            self.entries = {}
            # Locked: another run is writing it, so no cache this time, and its file is left
            # whole (removing it under that run would lose its writes, or worse). Damaged:
            # made again.
            if not _busy(error):
                self._recreate(file)

    def _open(self, file: Path) -> None:
        file.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(file, timeout=LOCK_SECONDS, isolation_level=None)
        self.connection = connection
        connection.execute(_META_TABLE)
        connection.execute(_FILES_TABLE)
        row = connection.execute("select value from meta where key = 'fingerprint'").fetchone()
        if row is None or row[0] != self.fingerprint:
            return
        rows = connection.execute("select * from files")
        for path, size, mtime, ctime, inode, trusted, sha, readable, problems, value in rows:
            stamp = (int(size), int(mtime), int(ctime), int(inode))
            entry = Entry(stamp, bool(trusted), str(sha), bool(readable), str(problems), value)
            self.entries[str(path)] = entry
        self.stale = False

    def _recreate(self, file: Path) -> None:
        """A damaged file is removed and made again; if that fails too, no cache."""
        try:
            file.unlink(missing_ok=True)
            self._open(file)
        except (OSError, sqlite3.Error):
            self._close()

    def _close(self) -> None:
        if self.connection is not None:
            self.connection.close()
        self.connection = None

    def unchanged(self, key: str, stamp: Stamp | None, path: Path) -> Entry | None:
        """The kept entry of a file, if the file is as it was when the entry was made."""
        entry = self.entries.pop(key, None)
        if entry is None or stamp is None:
            return None
        if entry.trusted and entry.stamp == stamp:
            return entry
        return entry if sha256_of(path) == entry.sha256 else None

    def save(self, rows: Sequence[tuple[str, Entry]], present: set[str]) -> None:
        """Keep the new entries, forget files no longer there; nothing if unusable."""
        if self.connection is None:
            return
        try:
            with self.connection:
                self.connection.execute("begin immediate")
                # No row of another fingerprint survives under this one, even when a run
                # of other code saved since this one opened the cache.
                row = self.connection.execute(
                    "select value from meta where key = 'fingerprint'"
                ).fetchone()
                if self.stale or row is None or row[0] != self.fingerprint:
                    self.connection.execute("drop table files")
                    self.connection.execute(_FILES_TABLE)
                known = {row[0] for row in self.connection.execute("select path from files")}
                self.connection.executemany(
                    "delete from files where path = ?", [(p,) for p in known - present]
                )
                self.connection.executemany(
                    "insert or replace into files values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            key,
                            *e.stamp,
                            int(e.trusted),
                            e.sha256,
                            int(e.readable),
                            e.problems,
                            e.value,
                        )
                        for key, e in rows
                    ],
                )
                self.connection.execute(
                    "insert or replace into meta values ('fingerprint', ?)", (self.fingerprint,)
                )
        except sqlite3.Error:
            pass  # locked by another run, or damaged: this run's results stand without it
        finally:
            self._close()


def _rebuilt(
    table: str, path: Path, display: str, entry: Entry, shared: Shared
) -> CheckedRecord | None:
    """The record as the per-file layers left it, from its entry; None if the entry is
    not what this code writes."""
    try:
        problems = [
            Problem(str(where), int(line), int(column), str(code), str(message))
            for where, line, column, code, message in json.loads(entry.problems)
        ]
        record = CheckedRecord(
            table, path, display, None, problems=problems, readable=entry.readable
        )
        if entry.value is not None:
            record.model = MODELS[table].model_validate(json.loads(entry.value), strict=True)
            shared.share(record.model)
    except (ValueError, TypeError, ArithmeticError, RecursionError, ValidationError):
        return None  # e.g. int(Infinity), or JSON nested past the stack
    return record


def _keepable(record: CheckedRecord, stamp: Stamp) -> bool:
    """Kept only if the file stayed as it was when it was stamped, hashed and checked, and
    if a model it gave can be rebuilt (an entry without its mapping would give none)."""
    return (
        record.sha256 is not None
        and (record.model is None or record.value_json is not None)
        and stamp_of(record.path) == stamp
    )


def _entry(record: CheckedRecord, stamp: Stamp, trusted_before: int) -> Entry:
    assert record.sha256 is not None
    problems = [[p.path, p.line, p.column, p.code, p.message] for p in record.problems]
    return Entry(
        stamp,
        settled(stamp, trusted_before),
        record.sha256,
        record.readable,
        json.dumps(problems),
        record.value_json,
    )


def check_changed_files(
    root: Path, tasks: Sequence[FileTask], schema_dir: Path | None, jobs: int | None = None
) -> tuple[list[CheckedRecord], int]:
    """The per-file layers of every task, in the order given: kept results for unchanged
    files, a fresh check of the rest. Also returns how many files were checked afresh."""
    trusted_before = time.time_ns() - RACY_SECONDS * 10**9
    # A process keeps the schemas it has read (a command runs once, but an editor or a
    # notebook does not): the files the fingerprint names must be those checked with.
    schema_validator.cache_clear()
    compiled_check.cache_clear()
    cache = ResultCache(cache_file(root), fingerprint(schema_dir))
    shared = Shared()
    displays = [display_path(root, path) for _table, path in tasks]
    records: list[CheckedRecord | None] = []
    changed: list[tuple[int, Stamp | None]] = []
    kept: list[tuple[str, Entry]] = []
    for position, ((table, path), display) in enumerate(zip(tasks, displays, strict=True)):
        stamp = stamp_of(path)
        entry = cache.unchanged(display, stamp, path)
        record = None if entry is None else _rebuilt(table, path, display, entry, shared)
        if record is None or entry is None or stamp is None:
            changed.append((position, stamp))
            records.append(None)
            continue
        if stamp != entry.stamp or not entry.trusted:
            kept.append(
                (display, replace(entry, stamp=stamp, trusted=settled(stamp, trusted_before)))
            )
        records.append(record)
    again = [tasks[position] for position, _stamp in changed]
    for (position, stamp), record in zip(
        changed, check_files(root, again, schema_dir, jobs, keep_values=True), strict=True
    ):
        records[position] = record
        if stamp is not None and _keepable(record, stamp):
            kept.append((record.display, _entry(record, stamp, trusted_before)))
        record.sha256 = record.value_json = None
    cache.save(kept, set(displays))
    return [record for record in records if record is not None], len(changed)
