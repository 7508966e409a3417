"""The prebuilt search index: lunr (Python) builds it, lunr.js reads it in the browser."""

from __future__ import annotations

import json
from typing import Any

from lunr import lunr

SNIPPET_CHARACTERS = 220


def _snippet(text: str) -> str:
    """The start of a result's text, cut at a word."""
    text = " ".join(text.split())
    if len(text) <= SNIPPET_CHARACTERS:
        return text
    return text[:SNIPPET_CHARACTERS].rsplit(" ", 1)[0] + " …"


def search_script(documents: list[dict[str, str]]) -> bytes:
    """A script defining the serialized index and the documents it finds.

    A script, not a JSON file, so that search works from file:// without fetch().
    lunr's default pipeline stems English words (Porter), at indexing and at search, so
    "territory" and "territorial" find the same records.
    """
    index = lunr(
        ref="ref",
        fields=[{"field_name": "title", "boost": 5}, "body"],
        documents=documents,
    )
    shown: dict[str, Any] = {
        d["ref"]: {
            "title": d["title"],
            "url": d["url"],
            "kind": d["kind"],
            "version": d.get("version", ""),
            "snippet": _snippet(d.get("snippet", "")),
        }
        for d in documents
    }
    text = (
        "window.PLAN_SEARCH_INDEX = "
        + json.dumps(index.serialize(), sort_keys=True, separators=(",", ":"))
        + ";\nwindow.PLAN_SEARCH_DOCS = "
        + json.dumps(shown, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        + ";\n"
    )
    return text.encode("utf-8")
