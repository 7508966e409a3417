"""Validation: an ordered registry of check layers, run over every record file.

Each layer is a module in this package that declares its codes and yields
findings (``base.Layer``). Adding a check is a new module and one line in
``LAYERS``. Every layer reports ``Problem`` values and never raises on bad
input, so one run lists everything that is wrong; printing is the reporters' job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from plan_dataset.models.schema import SCHEMA_DIR, schema_validator
from plan_dataset.problems import Problem
from plan_dataset.validation import (
    corroboration,
    dataset,
    duplicate_pages,
    files,
    lineage,
    link_cycles,
    model,
    portable_names,
    provenance,
    question_coverage,
    questions,
    record_rules,
    relays,
    reported_versions,
    source_classes,
    stakeholders,
    timeline,
)
from plan_dataset.validation.base import DATA_DIR, CheckedRecord, Code, display_path
from plan_dataset.validation.files import find_record_files, not_a_record_file, table_of
from plan_dataset.validation.index import DatasetIndex
from plan_dataset.validation.layer import Layer
from plan_dataset.validation.parallel import check_files, collector_paused

LAYERS: tuple[Layer, ...] = (
    files.LAYER,
    model.LAYER,
    record_rules.LAYER,
    dataset.LAYER,
    portable_names.LAYER,
    duplicate_pages.LAYER,
    provenance.LAYER,
    corroboration.LAYER,
    relays.LAYER,
    source_classes.LAYER,
    lineage.LAYER,
    link_cycles.LAYER,
    reported_versions.LAYER,
    timeline.LAYER,
    questions.LAYER,
    question_coverage.LAYER,
    stakeholders.LAYER,
)
"""The check layers, in the order they run."""


def all_codes(layers: Sequence[Layer] = LAYERS) -> dict[str, Code]:
    """Every code the registered layers may report, in layer order."""
    return {code: info for layer in layers for code, info in layer.codes.items()}


@dataclass
class ValidationReport:
    records: list[CheckedRecord]
    problems: list[Problem]
    index: DatasetIndex
    # Files the per-file layers read in this run: all of them, unless the cache kept some.
    files_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def validate(
    root: Path,
    paths: Sequence[Path] | None = None,
    *,
    layers: Sequence[Layer] = LAYERS,
    committed_schemas: bool = True,
    jobs: int | None = None,
    changed_only: bool = False,
) -> ValidationReport:
    """Run every layer over the dataset under ``root``, or over the given paths only.

    ``committed_schemas`` checks records against ``schema/`` as committed (what
    editors use); the build passes False, since it regenerates those files.
    ``jobs`` is how many processes run the per-file layers (``validation/parallel.py``;
    None: ``PLAN_DATASET_JOBS``, else every core; 1: serially); the result is the same.
    ``changed_only`` reads again only the files changed since the last such run of this
    checkout, taking the rest from the cache (``validation/cache.py``); every other layer
    runs over all records, so the result is a full run's. It checks the whole dataset.
    """
    if changed_only and paths is not None:
        raise ValueError("changed_only checks the whole dataset: give no paths")
    schema_dir = root / SCHEMA_DIR if committed_schemas else None
    record_files, problems = find_record_files(root, paths)
    tasks: list[tuple[str, Path]] = []
    for path in record_files:
        table = table_of(root, path)
        if table is None:
            problems.append(not_a_record_file(root, path))
        else:
            tasks.append((table, path))
    del record_files  # the tasks hold the paths, and then the records do
    with collector_paused():
        if changed_only:
            from plan_dataset.validation.cache import check_changed_files

            checked, files_checked = check_changed_files(root, tasks, schema_dir, jobs)
        else:
            checked, files_checked = check_files(root, tasks, schema_dir, jobs), len(tasks)
        del tasks
        index = DatasetIndex(root, checked, schema_dir, check_file=files.check_record_file)
        complete = paths is None and not problems
        for layer in layers:
            if layer.across is not None:
                for record, finding in layer.across(checked, index, complete):
                    record.report([finding])
            for record in checked:
                if record.model is not None and layer.per_record is not None:
                    record.report(layer.per_record(record, index))
                elif record.model is None and record.readable and layer.unmodelled is not None:
                    record.report(layer.unmodelled(record, index))
    for record in checked:
        problems.extend(record.problems)
    return ValidationReport(checked, sorted(set(problems)), index, files_checked)


__all__ = [
    "DATA_DIR",
    "LAYERS",
    "CheckedRecord",
    "DatasetIndex",
    "ValidationReport",
    "all_codes",
    "display_path",
    "schema_validator",
    "table_of",
    "validate",
]
