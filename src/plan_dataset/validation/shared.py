"""One object for each repeated value of the validated records a run keeps.

A corpus says the same things many times: every record citing a source repeats its id,
and vocabulary values, dates and units recur; and Pydantic keeps, for every model and
nested model, its own set of the fields given, though records of one shape give the
same fields. Kept for every record of a large corpus, the copies are much of its
memory. The per-file stage hands each validated model to ``share`` with one ``Shared``
per batch of files: equal strings and equal field sets become one object. Nothing a
check or an output reads changes (the values are equal, the models frozen), and
pickling, which keeps one copy of an object however often a batch refers to it, sends
each repeated value from a worker process once per batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel


@dataclass
class Shared:
    """The one object of each value seen so far (one per batch of files)."""

    strings: dict[str, str] = field(default_factory=dict)
    field_sets: dict[frozenset[str], set[str]] = field(default_factory=dict)

    def share(self, model: BaseModel) -> None:
        """Swap the strings and field sets of a model and its nested models for shared ones."""
        given = model.__pydantic_fields_set__
        shared_set = self.field_sets.setdefault(frozenset(given), given)
        object.__setattr__(model, "__pydantic_fields_set__", shared_set)  # models are frozen
        values = model.__dict__
        for name, value in values.items():
            if isinstance(value, str):
                values[name] = self.strings.setdefault(value, value)
            elif isinstance(value, BaseModel):
                self.share(value)
            elif isinstance(value, list):
                self._share_items(value)

    def _share_items(self, items: list[Any]) -> None:
        for index, item in enumerate(items):
            if isinstance(item, str):
                items[index] = self.strings.setdefault(item, item)
            elif isinstance(item, BaseModel):
                self.share(item)
