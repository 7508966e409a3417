"""Layer 4: archived files are intact and inside seeds/, and every quote occurs in its source."""

from __future__ import annotations

from collections.abc import Iterator

from plan_dataset.models import LocatorEvidence, QuoteEvidence, Source, evidence_items
from plan_dataset.provenance import archive_path_problem, sha256_of
from plan_dataset.validation.base import CheckedRecord, Code, Finding, Layer
from plan_dataset.validation.index import DatasetIndex

CODES = {
    "P001": Code("provenance", "quote not in source", "quote is not in source 'seed-001'"),
    "P002": Code(
        "provenance",
        "quote in another source",
        "quote is not in 'seed-001', but it is in 'seed-004'",
    ),
    "P003": Code("provenance", "archived file missing or unreadable", "seeds/x.txt does not exist"),
    "P004": Code("provenance", "sha256 mismatch", "sha256 of seeds/x.txt is 3f2a..., not 9b1c..."),
    "P005": Code("provenance", "path escapes seeds/", "path must stay inside seeds/"),
    "P006": Code(
        "provenance",
        "wrong kind of evidence for the source",
        "source 'seed-001' is archived: cite it with a verbatim quote",
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
        actual = sha256_of(file) if file.is_file() else None
    except OSError as error:
        yield Finding(
            ("path",), "P003", f"archived file {source.path!r} cannot be read: {error.strerror}"
        )
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
    for loc, _part, item in evidence_items(model):
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
                yield Finding((*loc, "quote"), "P001", f"quote is not in source {source.id!r}")


LAYER = Layer("provenance", CODES, per_record=check_provenance)
