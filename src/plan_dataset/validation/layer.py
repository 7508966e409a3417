"""A check layer's declaration: its codes, and what it checks per record and across
records. Apart from ``base`` because a check is given the dataset's index, which reads
records through ``base``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from plan_dataset.validation.base import CheckedRecord, Code, Finding
from plan_dataset.validation.index import DatasetIndex

RecordCheck = Callable[[CheckedRecord, DatasetIndex], Iterable[Finding]]
# A check across records yields the record each finding belongs to.
DatasetCheck = Callable[
    [Sequence[CheckedRecord], DatasetIndex, bool], Iterable[tuple[CheckedRecord, Finding]]
]


@dataclass(frozen=True)
class Layer:
    """One check layer: its codes, and what it checks per record and across records.

    ``across`` receives ``complete``: True when the whole dataset is being checked,
    so rules about completeness (every point linked, no gaps) only run then.
    ``unmodelled`` checks a readable record whose model check failed, on what can
    still be read of it (its well-formed references, its valid evidence items).
    """

    name: str
    codes: dict[str, Code]
    per_record: RecordCheck | None = None
    across: DatasetCheck | None = None
    unmodelled: RecordCheck | None = None
