"""Layer: a version whose text was published is cited point by point.

A reported or speculative provision names the version it reports on only while that
version's text is unpublished; once a version has published points, a report of it is
replaced by the point that says it (or kept with no ``document``).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator

from plan_dataset.models import Provision
from plan_dataset.validation.base import CheckedRecord, Code, Finding
from plan_dataset.validation.index import DatasetIndex
from plan_dataset.validation.layer import Layer

CODES = {
    "L006": Code(
        "lineage",
        "report names a version whose text is published",
        "us-28-point-draft has published points: cite the point that says this, not a "
        "reported provision of the version",
    ),
}

_PUBLISHED: weakref.WeakKeyDictionary[DatasetIndex, frozenset[str]] = weakref.WeakKeyDictionary()


def published_versions(index: DatasetIndex) -> frozenset[str]:
    """Documents with at least one published point (once per validation run)."""
    if index not in _PUBLISHED:
        _PUBLISHED[index] = frozenset(
            p.document
            for p in index.all_records("provisions")
            if isinstance(p, Provision) and p.status == "published" and p.document
        )
    return _PUBLISHED[index]


def check_reported_version(record: CheckedRecord, index: DatasetIndex) -> Iterator[Finding]:
    provision = record.model
    if not isinstance(provision, Provision) or provision.status == "published":
        return
    if provision.document is not None and provision.document in published_versions(index):
        yield Finding(
            ("document",),
            "L006",
            f"{provision.document} has published points: cite the point that says this, "
            "not a reported provision of the version",
        )


LAYER = Layer("reported versions", CODES, per_record=check_reported_version)
