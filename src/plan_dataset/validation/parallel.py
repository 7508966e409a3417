"""The per-file layers over many files: in a process pool sized to the cores, or serially.

Each file's work (read, strict YAML, text, model, schema) depends on that file alone,
so chunks of files go to worker processes and come back as ``CheckedRecord`` values
(parsed YAML already released) in the order they were sent: the records, and so every
problem, are exactly those of a serial run. The cross-record layers then run once, in
this process, on the merged list (``validation.validate``).

A few hundred files or one core run serially (starting processes would cost more than
it saves); ``jobs=1``, ``--jobs 1`` or ``PLAN_DATASET_JOBS=1`` force it.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from itertools import repeat
from pathlib import Path

from plan_dataset.models.schema import compiled_check
from plan_dataset.read.bounded import read_regular
from plan_dataset.read.yaml_reader import MAX_FILE_BYTES
from plan_dataset.validation.base import CheckedRecord
from plan_dataset.validation.files import check_record_file
from plan_dataset.validation.shared import Shared

JOBS_ENV = "PLAN_DATASET_JOBS"
# Below this many files per worker, a worker's start-up costs more than its share saves.
MIN_FILES_PER_WORKER = 250
# Many chunks per worker even out uneven files, shorten the wait for the last chunk and
# keep each batch of records the parent takes in small; each chunk costs one round trip.
CHUNKS_PER_WORKER = 16

FileTask = tuple[str, Path]  # (table, path)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a run builds its records (in this process and
    in the workers it forks), back as it was after.

    A run keeps every record it checks, and its checks make next to no cyclic garbage
    (tests/validation/test_parallel.py checks that a run over the real data makes none),
    so the collector would find nothing; but each full collection walks every object
    kept so far: most of the parent's time, at 100k records. Whatever a run over bad
    data leaves in cycles, the collector takes once it is back on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def jobs_wanted(jobs: int | None = None) -> int:
    """Worker processes asked for: ``jobs``, else ``PLAN_DATASET_JOBS``, else every core
    (0 or an unreadable value also mean every core)."""
    if jobs is None:
        raw = os.environ.get(JOBS_ENV, "").strip()
        jobs = int(raw) if raw.isdigit() else 0
    return jobs if jobs > 0 else cores()


def workers_for(files: int, jobs: int | None = None) -> int:
    """Worker processes for this many files: 1 means serial, in this process."""
    return max(1, min(jobs_wanted(jobs), files // MIN_FILES_PER_WORKER))


def _check_one(
    root: Path, task: FileTask, schema_dir: Path | None, shared: Shared, keep_values: bool
) -> CheckedRecord:
    table, path = task
    sha256 = sha256_of(path) if keep_values else None
    record = check_record_file(root, table, path, schema_dir)
    record.sha256 = sha256
    if keep_values and record.model is not None:
        record.value_json = _as_json(record.yaml().value)
    record.release()
    if record.model is not None:
        shared.share(record.model)
    return record


def sha256_of(path: Path) -> str | None:
    try:
        return hashlib.sha256(read_regular(path, MAX_FILE_BYTES)).hexdigest()
    except OSError:  # unreadable, a link or too large: the per-file layers say which
        return None


def _as_json(value: object) -> str | None:
    """A mapping the model accepted as JSON, exactly (None if it could not be)."""
    try:
        return json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        return None


def _check_chunk(
    root: Path, tasks: Sequence[FileTask], schema_dir: Path | None, keep_values: bool = False
) -> list[CheckedRecord]:
    shared = Shared()
    return [_check_one(root, task, schema_dir, shared, keep_values) for task in tasks]


# What a worker sends back in place of each record's path: the parent has the paths.
_PATH_KEPT = Path()


def _check_chunk_in_worker(
    root: Path, tasks: Sequence[FileTask], schema_dir: Path | None, keep_values: bool
) -> list[CheckedRecord]:
    records = _check_chunk(root, tasks, schema_dir, keep_values)
    for record in records:
        record.path = _PATH_KEPT
    return records


def _warm(tables: set[str], schema_dir: Path | None) -> None:
    """Compile each table's schema validator once, before the workers are forked, so that
    every worker shares it; a damaged schema is reported per record, as in a serial run."""
    for table in sorted(tables):
        try:
            compiled_check(table, schema_dir)  # and so schema_validator
        except Exception:  # check_model reports it on each record (M012)
            continue


def check_files(
    root: Path,
    tasks: Sequence[FileTask],
    schema_dir: Path | None,
    jobs: int | None = None,
    *,
    keep_values: bool = False,
) -> list[CheckedRecord]:
    """The per-file layers of every task, in the order given. ``keep_values`` keeps, for
    the cache, each file's sha256 and each valid record's mapping (``CheckedRecord``)."""
    workers = workers_for(len(tasks), jobs)
    if workers <= 1:
        return _check_chunk(root, tasks, schema_dir, keep_values)
    import multiprocessing  # imported here: a one-file check never needs it
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    _warm({table for table, _path in tasks}, schema_dir)
    size = -(-len(tasks) // (workers * CHUNKS_PER_WORKER))
    chunks = [tasks[start : start + size] for start in range(0, len(tasks), size)]
    methods = multiprocessing.get_all_start_methods()
    # fork shares the imported modules and the warmed validators; elsewhere, spawn.
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    try:
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            results = pool.map(
                _check_chunk_in_worker,
                repeat(root),
                chunks,
                repeat(schema_dir),
                repeat(keep_values),
            )
            records = [record for chunk in results for record in chunk]
    except (OSError, BrokenProcessPool):  # no processes to be had: the same work, serially
        return _check_chunk(root, tasks, schema_dir, keep_values)
    for record, (_table, path) in zip(records, tasks, strict=True):
        record.path = path
    return records
