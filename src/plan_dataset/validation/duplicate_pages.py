"""Layer: one page is one source record, however its address is written.

Two source records whose addresses normalise to one page (``same_page.py``: scheme,
``www.``, a trailing slash, AMP paths, tracking parameters), or that archive the same
file (path or sha256), would count as two independent origins. Exact copies of an
address are D005; this catches the spellings and the archives.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from plan_dataset.evidence.same_page import page_keys
from plan_dataset.models import Source
from plan_dataset.validation.base import CheckedRecord, Code, Finding
from plan_dataset.validation.index import DatasetIndex
from plan_dataset.validation.layer import Layer

CODES = {
    "D006": Code(
        "dataset",
        "one page or archived file recorded as two sources",
        "url names the same page as data/sources/liga-28-points.yaml (news.liga.net/en/"
        "politics/news/media-disclosed-all-28-points-of-trumps-peace-plan-for-ukraine-and-russia)"
        ": cite one source record",
    ),
}
_FIELDS = {"url": "url", "sha256": "sha256", "path": "path"}


def check_duplicate_pages(
    records: Sequence[CheckedRecord], _index: DatasetIndex, _complete: bool
) -> Iterator[tuple[CheckedRecord, Finding]]:
    first: dict[str, CheckedRecord] = {}
    for record in records:
        model = record.model
        if not isinstance(model, Source):
            continue
        for key in page_keys(model):
            other = first.setdefault(key, record)
            if other is record or (key.startswith("url:") and model.url == _url(other)):
                continue  # the same address written the same way is D005
            kind, _, value = key.partition(":")
            what = {
                "url": f"url names the same page as {other.display} ({value})",
                "sha256": f"sha256 is also the archived file of {other.display}",
                "path": f"path is also the archived file of {other.display}",
            }[kind]
            yield record, Finding((_FIELDS[kind],), "D006", f"{what}: cite one source record")
            break


def _url(record: CheckedRecord) -> str | None:
    return record.model.url if isinstance(record.model, Source) else None


LAYER = Layer("duplicate pages", CODES, across=check_duplicate_pages)
