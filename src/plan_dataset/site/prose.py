"""Curators' prose for readers: record ids in a text become links named by the record.

Summaries and notes sometimes name another record by its id ("see discrepancy
trump-office", "seed-003 gives …") or a field by its code. A reader gets the record's
name, linked, and a code's label; the data keeps the ids, which machines need.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup, escape

from plan_dataset.site.labels import label_of, vocabulary_codes

# A slug with at least one hyphen or underscore, not part of an address or a path.
_TOKEN = re.compile(
    r"(?<![\w/.#=-])((?:[a-z_]+/)?[A-Za-z0-9]+(?:[-_][a-z0-9]+)+)(?![\w/-]|\.[a-z])"
)

# Field names a note may mention, as a reader says them.
FIELD_WORDS: dict[str, str] = {
    "obligated_party": "the party that would have to act",
    "attributed_to": "the speaker",
    "point_links": "the steps between versions",
    "point_count": "the number of points",
    "date_earliest": "the earliest date",
    "date_latest": "the latest date",
    "sourcing_note": "the note on sourcing",
}


class Prose:
    """Turns a curator's text into escaped HTML with ids replaced by named links."""

    def __init__(
        self,
        names: dict[str, tuple[str, str]],
    ) -> None:
        # id -> (name, url relative to the site root); table-qualified ids too.
        self.names = names
        self.codes = vocabulary_codes()

    def render(self, text: str | None, root: str) -> Markup:
        if not text:
            return Markup("")
        parts: list[str] = []
        last = 0
        for match in _TOKEN.finditer(text):
            replacement = self._replacement(match.group(1), root)
            if replacement is None:
                continue
            parts.append(escape(text[last : match.start(1)]))
            parts.append(replacement)
            last = match.end(1)
        parts.append(escape(text[last:]))
        return Markup("".join(parts))

    def _replacement(self, token: str, root: str) -> str | None:
        record_id = token.split("/", 1)[1] if "/" in token else token
        found = self.names.get(record_id) or self.names.get(record_id.lower())
        if found is not None:
            name, url = found
            return f'<a href="{escape(root + url)}">{escape(name)}</a>'
        if token in FIELD_WORDS:
            return str(escape(FIELD_WORDS[token]))
        if token in self.codes:
            return str(escape(label_of(token)))
        return None


def prose_filter(prose: Prose) -> Callable[[str | None, str], Markup]:
    return prose.render
