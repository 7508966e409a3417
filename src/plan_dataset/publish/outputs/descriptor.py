"""The Frictionless descriptor (``datapackage.json``) of a set of outputs."""

from __future__ import annotations

import json
from typing import Any

from plan_dataset.constants import (
    DATA_LICENCE,
    DATA_LICENCE_TITLE,
    DATA_LICENCE_URL,
    DESCRIPTION,
    TITLE,
)
from plan_dataset.models import Source
from plan_dataset.publish.snapshot import Snapshot

PACKAGE_METADATA: dict[str, Any] = {
    "name": "plan-dataset",
    "title": TITLE,
    "description": DESCRIPTION,
    "homepage": None,
    "keywords": ["ukraine", "russia", "peace plan", "diplomacy", "provenance"],
    "licenses": [
        {
            "name": DATA_LICENCE,
            "path": DATA_LICENCE_URL,
            "title": DATA_LICENCE_TITLE,
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
