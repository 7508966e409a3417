"""The snapshot: what a passing validation hands to every output, built once.

Build, release, export, the site and ``load(path)`` all consume a ``Snapshot``;
none of them touches the validator's index. Data flows one way:
read -> check -> snapshot -> tables -> outputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from plan_dataset._version import __version__
from plan_dataset.bounded import MAX_TEXT_BYTES, read_regular
from plan_dataset.models import MODELS, AnyEvidence, QuoteEvidence, Record, Source
from plan_dataset.provenance import SourceText
from plan_dataset.tables import Row, flat_tables
from plan_dataset.validation import ValidationReport

DATA_README = Path("docs/DATA-README.md")


@dataclass(frozen=True)
class Snapshot:
    """A validated dataset, ready to render."""

    version: str
    records: dict[str, list[Record]]  # by table, each sorted by id
    texts: dict[str, SourceText]  # archived source texts by source id
    flat: dict[str, list[Row]]  # every flat table's rows
    data_readme: bytes | None  # the README for data users, shipped in the release

    def spans(self, _attribution_id: str, item: AnyEvidence) -> tuple[int, int] | None:
        """Where a quote sits in its archived text."""
        if isinstance(item, QuoteEvidence) and item.source in self.texts:
            return self.texts[item.source].find(item.quote)
        return None


def _read_regular_file(path: Path) -> bytes | None:
    """A file's bytes, or None when it is missing; a link or special file is refused."""
    try:
        return read_regular(path, MAX_TEXT_BYTES)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise OSError(0, f"{path}: {error}; refusing to read it") from None


def snapshot_of(report: ValidationReport, root: Path) -> Snapshot:
    """The snapshot of a passing validation of the project at ``root``."""
    if not report.ok:
        raise ValueError("a snapshot is only taken of a valid dataset")
    records: dict[str, list[Record]] = {name: [] for name in MODELS}
    for checked in report.records:
        if checked.model is not None:
            records[checked.table].append(checked.model)
    for table_records in records.values():
        table_records.sort(key=lambda record: record.id)
    texts = {}
    for source in records["sources"]:
        assert isinstance(source, Source)
        text = report.index.source_text(source)
        if text is not None:
            texts[source.id] = text
    partial = Snapshot(__version__, records, texts, {}, None)
    return Snapshot(
        __version__,
        records,
        texts,
        flat_tables(records, partial.spans),
        _read_regular_file(root / DATA_README),
    )
