"""Layer 4: archived files are intact and inside seeds/, and every quote occurs in its source."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from plan_dataset.evidence.quotes import archive_path_problem, sha256_of
from plan_dataset.models import (
    MODELS,
    AnyEvidence,
    Loc,
    LocatorEvidence,
    QuoteEvidence,
    Source,
    evidence_items,
)
from plan_dataset.models.readable import readable_evidence
from plan_dataset.validation.base import CheckedRecord, Code, Finding
from plan_dataset.validation.index import DatasetIndex
from plan_dataset.validation.layer import Layer

CODES = {
    "P001": Code(
        "provenance",
        "quote not in source",
        "quote is not in source 'seed-004'; the closest passage (line 12) reads \"Reducing the size of the Ukrainian Armed Forces by half.\": the quote has 'a third.' where the source has 'half.'",
    ),
    "P002": Code(
        "provenance",
        "quote in another source",
        "quote is not in 'seed-001', but it is in 'seed-004'",
    ),
    "P003": Code(
        "provenance",
        "archived file missing or unreadable",
        "archived file 'seeds/999_missing.txt' does not exist",
    ),
    "P004": Code(
        "provenance",
        "sha256 mismatch",
        "sha256 of 'seeds/004_90c684f3911e1bde.txt' is ef1ac368900f94e86d488742d00f9c65d801b2837b9f398758480560867247e4, not abababababababababababababababababababababababababababababababab",
    ),
    "P005": Code(
        "provenance",
        "path escapes seeds/",
        "path 'seeds/../pyproject.toml' must be relative and stay inside seeds/",
    ),
    "P006": Code(
        "provenance",
        "wrong kind of evidence for the source",
        "source 'seed-004' is archived: cite it with a verbatim quote",
    ),
}


def _archive(source: Source, index: DatasetIndex) -> Iterator[Finding]:
    assert source.path is not None
    reason = archive_path_problem(index.root, source.path)
    if reason:
        yield Finding(("path",), "P005", reason)
        return
    file = index.root / source.path
    try:
        actual = sha256_of(file) if os.path.lexists(file) else None
    except OSError as error:
        yield Finding(("path",), "P003", f"archived file {source.path!r} cannot be read: {error}")
        return
    if actual is None:
        yield Finding(("path",), "P003", f"archived file {source.path!r} does not exist")
    elif actual != source.sha256:
        yield Finding(
            ("sha256",), "P004", f"sha256 of {source.path!r} is {actual}, not {source.sha256}"
        )


def check_provenance(record: CheckedRecord, index: DatasetIndex) -> Iterator[Finding]:
    model = record.model
    assert model is not None
    if isinstance(model, Source) and model.path is not None:
        yield from _archive(model, index)
    yield from _evidence(((loc, item) for loc, _part, item in evidence_items(model)), index)


def check_readable_evidence(record: CheckedRecord, index: DatasetIndex) -> Iterator[Finding]:
    """The valid evidence items of a record whose model check failed elsewhere."""
    yield from _evidence(readable_evidence(MODELS[record.table], record.yaml().value), index)


def _evidence(items: Iterable[tuple[Loc, AnyEvidence]], index: DatasetIndex) -> Iterator[Finding]:
    """Each item cites its source the right way, and each quote is in its source's text."""
    for loc, item in items:
        source = index.record("sources", item.source)
        if not isinstance(source, Source):
            continue  # a missing or broken source is reported where it is
        if isinstance(item, LocatorEvidence) and source.path is not None:
            yield Finding(
                (*loc, "locator"),
                "P006",
                f"source {source.id!r} is archived: cite it with a verbatim quote",
            )
        elif isinstance(item, QuoteEvidence):
            if source.path is None:
                yield Finding(
                    (*loc, "quote"),
                    "P006",
                    f"source {source.id!r} is not archived: cite it with a locator and paraphrase",
                )
                continue
            text = index.source_text(source)
            if text is None or text.find(item.quote) is not None:
                continue
            elsewhere = [
                other.id
                for other in index.archived_sources()
                if other.id != source.id
                and (other_text := index.source_text(other)) is not None
                and other_text.find(item.quote) is not None
            ]
            if elsewhere:
                yield Finding(
                    (*loc, "quote"),
                    "P002",
                    f"quote is not in {source.id!r}, but it is in {elsewhere[0]!r}",
                )
            else:
                passage = text.closest(item.quote)
                hint = f"; {passage.describe()}" if passage else "; no passage of it comes close"
                yield Finding(
                    (*loc, "quote"), "P001", f"quote is not in source {source.id!r}{hint}"
                )


LAYER = Layer("provenance", CODES, per_record=check_provenance, unmodelled=check_readable_evidence)
