"""The Frictionless descriptor (``datapackage.json``) of a set of outputs."""

from __future__ import annotations

import json
from typing import Any

from plan_dataset.models import Source
from plan_dataset.snapshot import Snapshot

PACKAGE_METADATA: dict[str, Any] = {
    "name": "plan-dataset",
    "title": "The November 2025 US-drafted 28-point peace plan for Ukraine",
    "description": (
        "A hand-curated, validated dataset of the reported provisions of the November 2025 "
        "US-drafted 28-point peace plan for Ukraine, the published points, the positions "
        "stakeholders took on it, the events around it, where sources disagree, and where "
        "every fact comes from. Every record carries evidence: a verbatim quote from an "
        "archived source, or a URL and locator for a source that is not archived. The "
        "archived source texts remain their authors' and are included only so that quotes "
        "can be verified."
    ),
    "homepage": None,
    "keywords": ["ukraine", "russia", "peace plan", "diplomacy", "provenance"],
    "licenses": [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0 (data records)",
        }
    ],
    "contributors": [{"title": "plan-dataset maintainers", "role": "author"}],
}


def archived_sources(snapshot: Snapshot | None) -> list[dict[str, Any]]:
    if snapshot is None:
        return []
    return [
        {"title": s.title, "path": s.path}
        for s in snapshot.records["sources"]
        if isinstance(s, Source) and s.path
    ]


def render_descriptor(
    version: str, resources: list[dict[str, Any]], sources: list[dict[str, Any]]
) -> bytes:
    metadata = {k: v for k, v in PACKAGE_METADATA.items() if v is not None}
    package = {**metadata, "version": version, "sources": sources, "resources": resources}
    return (json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
