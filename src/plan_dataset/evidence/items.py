"""Walking a record's evidence, for validated models and loaded records alike."""

from __future__ import annotations

# The loader imports this module; typing costs more than loading the bundle, so only
# type checkers import it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Protocol

    # What this package reads of a record, for validated models and loaded records
    # alike: both have these attributes, so both are these types.
    class Identified(Protocol):
        """A record: a source, an outlet, or any record that carries evidence."""

        @property
        def id(self) -> str: ...

    class EvidenceItem(Protocol):
        """One evidence item, a quote or a locator: the source it cites."""

        @property
        def source(self) -> str: ...


Loc = tuple[str | int, ...]


def evidence_items(record: Identified) -> list[tuple[Loc, str | None, Any]]:
    """Every evidence item of a record: its location, the part it belongs to, the item.

    The part names nested evidence in the flat tables: ``terms/<term id>`` or
    ``variants/<n>`` (1-based); it is None for the record's own evidence.
    """
    # Each item is its family's own evidence type (a model's QuoteEvidence or
    # LocatorEvidence, a loaded Evidence), so the caller knows it better than Any here.
    found: list[tuple[Loc, str | None, Any]] = []
    for index, item in enumerate(getattr(record, "evidence", ())):
        found.append((("evidence", index), None, item))
    for term_index, term in enumerate(getattr(record, "terms", ())):
        for index, item in enumerate(term.evidence):
            found.append((("terms", term_index, "evidence", index), f"terms/{term.id}", item))
    for variant_index, variant in enumerate(getattr(record, "variants", ())):
        for index, item in enumerate(variant.evidence):
            loc = ("variants", variant_index, "evidence", index)
            found.append((loc, f"variants/{variant_index + 1}", item))
    return found


def is_quote(item: Any) -> bool:
    """True for a verbatim quote, False for a locator with a paraphrase."""
    return getattr(item, "quote", None) is not None
