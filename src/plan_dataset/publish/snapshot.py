"""The snapshot: what a passing validation hands to every output, built once.

Build, release, export, the site and ``load(path)`` all consume a ``Snapshot``;
none of them touches the validator's index. Data flows one way:
read -> check -> snapshot -> tables -> outputs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from plan_dataset._version import __version__
from plan_dataset.bundle.decode import read_bundle
from plan_dataset.evidence.corroboration import Corroboration, all_corroboration, from_plain_all
from plan_dataset.evidence.quotes import SourceText
from plan_dataset.flat.catalog import Row, table_rows
from plan_dataset.models import MODELS, AnyEvidence, QuoteEvidence, Record, Source
from plan_dataset.read.bounded import MAX_TEXT_BYTES, read_regular
from plan_dataset.validation import ValidationReport

DATA_README = Path("docs/DATA-README.md")
CITATION = Path("CITATION.cff")
# Shipped in the release as they are: the code's and the data's licences.
LICENCES = (Path("LICENSE"), Path("LICENSE-DATA.md"))


@dataclass(frozen=True)
class Snapshot:
    """A validated dataset, ready to render. It holds what the outputs need and no more:
    no flat rows (``rows`` builds a table's as an output reads them), nothing of the
    validator's index."""

    version: str
    records: dict[str, list[Record]]  # by table, each sorted by id
    texts: dict[str, SourceText]  # archived source texts by source id
    data_readme: bytes | None  # the README for data users, shipped in the release
    # Quote offsets by attribution id, as a bundle carries them: a snapshot of the
    # installed package's bundle has no archived texts to find its quotes in.
    offsets: dict[str, tuple[int, int]] = field(default_factory=dict)
    # Files of a checkout the release carries byte for byte, by path: the archived texts
    # (seeds/), the licences; and CITATION.cff, whose version the build keeps current.
    verbatim: dict[str, bytes] = field(default_factory=dict)
    citation: bytes | None = None
    # How well every record and evidence-bearing part is corroborated, by ``part_key``:
    # computed once here (``all_corroboration``); the flat table, the bundle and stats
    # read it. A snapshot of a bundle takes it from the bundle.
    corroboration: dict[str, Corroboration] = field(default_factory=dict)

    def spans(self, attribution_id: str, item: AnyEvidence) -> tuple[int, int] | None:
        """Where a quote sits in its archived text."""
        if isinstance(item, QuoteEvidence) and item.source in self.texts:
            return self.texts[item.source].find(item.quote)
        return self.offsets.get(attribution_id)

    def rows(self, table: str) -> Iterator[Row]:
        """One flat table's rows, built as they are read: an output writes each row as it
        comes, so no table is ever held whole (``flat.catalog.TABLES`` names them)."""
        return table_rows(table, self.records, self.spans, self.corroboration)


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
    return Snapshot(
        __version__,
        records,
        texts,
        _read_regular_file(root / DATA_README),
        verbatim=_verbatim_files(root, records["sources"]),
        citation=_read_regular_file(root / CITATION),
        corroboration=all_corroboration(records),
    )


def _verbatim_files(root: Path, sources: list[Record]) -> dict[str, bytes]:
    """The archived texts of the sources (validation checked their paths and hashes) and
    the licences, as the release carries them."""
    paths = [Path(s.path) for s in sources if isinstance(s, Source) and s.path is not None]
    found = {}
    for path in sorted({*paths, *LICENCES}):
        content = _read_regular_file(root / path)
        if content is not None:
            found[path.as_posix()] = content
    return found


def snapshot_of_bundle(data: bytes) -> Snapshot:
    """The snapshot of a bundle the build wrote (the one shipped in the package), for the
    read-only commands outside a checkout. Its records are validated by the models again;
    it has no archived texts, only the quotes' offsets in them, and its corroboration is
    the one the build computed."""
    bundle = read_bundle(data, trusted=True)
    records: dict[str, list[Record]] = {
        name: sorted(
            (model.model_validate(raw) for raw in bundle["tables"][name]),
            key=lambda record: record.id,
        )
        for name, model in MODELS.items()
    }
    offsets = {row_id: (span[0], span[1]) for row_id, span in bundle["offsets"].items()}
    corroboration = from_plain_all(bundle["corroboration"])
    return Snapshot(bundle["version"], records, {}, None, offsets, corroboration=corroboration)
