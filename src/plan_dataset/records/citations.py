"""Human-readable citations of evidence items, for reports and notebooks.

Standard library only, on loaded records: ``Dataset.cite`` delegates here.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def _where(source: Any) -> str:
    """Where a reader finds the source: its URL (with the day it was read) or its seed."""
    if source.url:
        read = f" (retrieved {source.retrieved})" if source.retrieved else ""
        archived = f", archived as {source.path}" if source.path else ""
        return f"{source.url}{read}{archived}"
    return f"archived text {source.path}"


def cite(source: Any, item: Any, speaker: Any = None) -> str:
    """One line: publisher, "title" (date). URL or seed. Locator, or the quote.

    ``speaker`` is the stakeholder the evidence is attributed to, if any.
    """
    head = f'"{source.title}"'
    if source.publisher:
        head = f"{source.publisher}, {head}"
    if source.published:
        head += f" ({source.published})"
    if item.quote is not None:
        said = f'quote: "{item.quote}"'
    else:
        said = f"at {item.locator}: {item.paraphrase}"
    by = f" Attributed to {speaker.name}." if speaker is not None else ""
    return f"{head}. {_where(source)}. {said[0].upper()}{said[1:]}{by}"
