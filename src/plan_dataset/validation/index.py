"""What exists in the whole dataset, with records loaded only when a check needs them."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from plan_dataset.evidence.quotes import SourceText, archive_path_problem
from plan_dataset.models import MODELS, Record, Source
from plan_dataset.read.bounded import MAX_SEED_BYTES, read_regular
from plan_dataset.validation.base import DATA_DIR, RECORD_SUFFIX, CheckedRecord

T = TypeVar("T", bound=Record)


CheckFile = Callable[[Path, str, Path, "Path | None"], CheckedRecord]


class DatasetIndex:
    """Ids come from file names (the file layer makes them equal), so validating a
    few files does not parse the rest.
    """

    # Past this many look-ups in one table, listing its folder is cheaper than probing files.
    PROBES_BEFORE_LISTING = 64

    def __init__(
        self,
        root: Path,
        checked: Iterable[CheckedRecord],
        schema_dir: Path | None = None,
        *,
        check_file: CheckFile,
    ) -> None:
        # How a record outside ``checked`` is read when a check asks for it: the per-file
        # layers (``files.check_record_file``), given by the runner.
        self.check_file = check_file
        self.root = root
        self.schema_dir = schema_dir
        # The valid records checked, by table and id; records read on demand.
        self.checked: dict[str, dict[str, CheckedRecord]] = {table: {} for table in MODELS}
        self.loaded: dict[tuple[str, str], CheckedRecord] = {}
        # Per listed folder, the record files in it that are not valid checked records
        # (in a run over every file, next to none); ``ids`` adds the two when asked.
        self.unchecked: dict[str, set[str]] = {}
        self.listed: dict[str, set[str]] = {}
        self.probes: dict[str, int] = dict.fromkeys(MODELS, 0)
        for record in checked:
            if record.model is not None:
                self.checked[record.table][record.model.id] = record
        self.texts: dict[str, SourceText | None] = {}

    def _record_path(self, table: str, record_id: str) -> Path:
        return self.root / DATA_DIR / table / f"{record_id}{RECORD_SUFFIX}"

    def _unchecked(self, table: str) -> set[str]:
        """The ids of the record files in a table's folder that are not valid checked
        records, listed once."""
        if table not in self.unchecked:
            folder = self.root / DATA_DIR / table
            try:
                names = os.listdir(folder) if folder.is_dir() and not folder.is_symlink() else []
            except OSError:
                names = []  # the file walk reports an unreadable folder
            checked = self.checked[table]
            stems = (n[: -len(RECORD_SUFFIX)] for n in names if n.endswith(RECORD_SUFFIX))
            self.unchecked[table] = {stem for stem in stems if stem not in checked}
        return self.unchecked[table]

    def ids(self, table: str) -> set[str]:
        """Every id in a table: the regular files in its folder, listed once."""
        if table not in self.listed:
            self.listed[table] = self._unchecked(table).union(self.checked[table])
        return self.listed[table]

    def exists(self, table: str, record_id: str) -> bool:
        """Whether a record exists, without listing big folders for a few look-ups."""
        if record_id in self.checked[table]:
            return True
        if table not in self.unchecked:
            self.probes[table] += 1
            if self.probes[table] <= self.PROBES_BEFORE_LISTING:
                path = self._record_path(table, record_id)
                return path.is_file() and not path.is_symlink()
        return record_id in self._unchecked(table)

    def record(self, table: str, record_id: str) -> Record | None:
        checked = self.checked[table].get(record_id)
        if checked is not None:
            return checked.model
        key = (table, record_id)
        if key not in self.loaded:
            path = self._record_path(table, record_id)
            if not path.is_file() or path.is_symlink():
                return None
            self.loaded[key] = self.check_file(self.root, table, path, self.schema_dir)
        return self.loaded[key].model

    def typed(self, table: str, record_id: str | None, kind: type[T]) -> T | None:
        """The record if it exists, is valid and is a ``kind``; else None (reported elsewhere)."""
        if record_id is None or not self.exists(table, record_id):
            return None
        found = self.record(table, record_id)
        return found if isinstance(found, kind) else None

    def all_records(self, table: str) -> list[Record]:
        """Every valid record of a table (loads them all: for whole-dataset rules)."""
        found = (self.record(table, record_id) for record_id in sorted(self.ids(table)))
        return [record for record in found if record is not None]

    def source_text(self, source: Source) -> SourceText | None:
        """The archived text of a source, if its path is safe and the file is readable."""
        if source.id not in self.texts:
            text = None
            if source.path is not None and archive_path_problem(self.root, source.path) is None:
                file = self.root / source.path
                try:
                    data = read_regular(file, MAX_SEED_BYTES)
                    text = SourceText.from_text(data.decode("utf-8", errors="replace"))
                except OSError:
                    text = None  # the provenance layer reports it
            self.texts[source.id] = text
        return self.texts[source.id]

    def archived_sources(self) -> list[Source]:
        return [s for s in self.all_records("sources") if isinstance(s, Source) and s.path]
