"""What can still be read of a record its model rejected: references and evidence.

A record that fails its model on one field may still cite sources and name
records correctly or not. The reference and provenance checks run on what these
functions find, so that fixing one problem does not reveal the next only then.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from plan_dataset.models.fields import (
    Loc,
    LocatorEvidence,
    QuoteEvidence,
    evidence_kind,
    reference_fields,
)
from plan_dataset.models.vocabulary import SLUG_MAX_LENGTH

_SLUG_CHARACTERS = set("abcdefghijklmnopqrstuvwxyz0123456789-")
AnyEvidence = QuoteEvidence | LocatorEvidence


def _is_slug(value: Any) -> bool:
    return (
        isinstance(value, str)
        and 0 < len(value) <= SLUG_MAX_LENGTH
        and set(value) <= _SLUG_CHARACTERS
        and "--" not in value
        and not value.startswith("-")
        and not value.endswith("-")
    )


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    if typing.get_origin(annotation) is typing.Literal:
        return []
    return [model for arg in typing.get_args(annotation) for model in _models_in(arg)]


def _model_for(annotation: Any, value: Any) -> type[BaseModel] | None:
    """The model a nested mapping of this field is read with (an evidence item's by kind)."""
    models = _models_in(annotation)
    if set(models) == {QuoteEvidence, LocatorEvidence}:
        return LocatorEvidence if evidence_kind(value) == "locator" else QuoteEvidence
    return models[0] if models else None


def _mappings(value: Any, loc: Loc) -> Iterator[tuple[Loc, dict[str, Any]]]:
    if isinstance(value, dict):
        yield loc, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield (*loc, index), item


def readable_references(
    model: type[BaseModel], raw: Any, loc: Loc = ()
) -> list[tuple[Loc, tuple[str, ...], str]]:
    """``references()`` for a mapping: every well-formed id its reference fields hold."""
    found: list[tuple[Loc, tuple[str, ...], str]] = []
    if not isinstance(raw, dict):
        return found
    markers = reference_fields(model)
    for name, info in model.model_fields.items():
        value = raw.get(name)
        marker = markers.get(name)
        if marker is not None:
            tables = marker.tables
            if marker.table_field:  # a table name the model would refuse names no table
                table = raw.get(marker.table_field)
                known = typing.get_args(model.model_fields[marker.table_field].annotation)
                tables = (table,) if isinstance(table, str) and table in known else ()
            if not tables:
                continue
            values = value if isinstance(value, list) else [value]
            for index, item in enumerate(values):
                if _is_slug(item) and item not in marker.reserved:
                    where = (*loc, name, index) if isinstance(value, list) else (*loc, name)
                    found.append((where, tables, item))
            continue
        for where, mapping in _mappings(value, (*loc, name)):
            nested = _model_for(info.annotation, mapping)
            if nested is not None:
                found += readable_references(nested, mapping, where)
    return found


def readable_evidence(model: type[BaseModel], raw: Any, loc: Loc = ()) -> list[tuple[Loc, Any]]:
    """Every evidence item of a mapping, at any depth, that is valid on its own."""
    found: list[tuple[Loc, Any]] = []
    if not isinstance(raw, dict):
        return found
    for name, info in model.model_fields.items():
        for where, mapping in _mappings(raw.get(name), (*loc, name)):
            nested = _model_for(info.annotation, mapping)
            if nested in (QuoteEvidence, LocatorEvidence):
                try:
                    found.append((where, nested.model_validate(mapping, strict=True)))
                except ValidationError:
                    continue  # the model layer reports it
            elif nested is not None:
                found += readable_evidence(nested, mapping, where)
    return found
