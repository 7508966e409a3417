"""What every check shares: the checked record, its findings, and the codes.

A layer declares its codes and yields ``Finding`` values; the
runner in ``validation/__init__.py`` turns them into ``Problem`` values with a
line and column. Layers never print and never raise on bad input.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from plan_dataset.models import Record
from plan_dataset.problems import Problem
from plan_dataset.read.yaml_reader import Loc, YamlRecord, read_yaml

DATA_DIR = "data"
RECORD_SUFFIX = ".yaml"


@dataclass(frozen=True)
class Code:
    """A stable check code: what it means and an example message. Every problem is an
    error: a record with any problem is not published."""

    layer: str
    meaning: str
    example: str


@dataclass(frozen=True)
class Finding:
    """One problem a check found in one record, located by its path in the record."""

    loc: Loc
    code: str
    message: str
    at_key: bool = False


@dataclass(slots=True)  # a run keeps one per record file: no __dict__ each
class CheckedRecord:
    """One record file after the per-file layers."""

    table: str
    path: Path
    display: str
    parsed: YamlRecord | None  # None once released; see release()
    model: Record | None = None
    problems: list[Problem] = field(default_factory=list)
    # The file is a sound mapping that reached the model check: even when the model
    # rejects it, its references and evidence can be read (see Layer.unmodelled).
    readable: bool = False
    # Set only for the validation cache (``validation/cache.py``), which keeps them and
    # drops them here: the sha256 of the file as read just before it was checked, and
    # the mapping the model accepted, as JSON.
    sha256: str | None = None
    value_json: str | None = None

    def add(self, loc: Loc, code: str, message: str, *, at_key: bool = False) -> None:
        line, column = self.yaml().locate(loc, at_key=at_key)
        self.problems.append(Problem(self.display, line, column, code, message))

    def report(self, findings: Iterable[Finding]) -> None:
        for found in findings:
            self.add(found.loc, found.code, found.message, at_key=found.at_key)

    def yaml(self) -> YamlRecord:
        """The parsed file with the position of every value, read again if released."""
        if self.parsed is None:
            self.parsed = read_yaml(self.path, self.display)
        return self.parsed

    def release(self) -> None:
        """Drop the parsed mapping and positions once the per-file layers are done.

        They are most of a record's memory, so keeping them would make a large
        corpus cost gigabytes; the few records a later layer faults are read again.
        """
        self.parsed = None


def _relative(path: Path, base: Path) -> Path | None:
    """``path`` relative to ``base``: lexically when it can be, else after resolving links."""
    try:
        return path.relative_to(base)
    except ValueError:
        pass
    try:
        return path.resolve().relative_to(base.resolve())
    except (ValueError, OSError):
        return None


def display_path(root: Path, path: Path) -> str:
    relative = _relative(path, root)
    return (relative or path).as_posix()
