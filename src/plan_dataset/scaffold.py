"""``plan-dataset new``: a record file with its schema line and every required field to fill in."""

from __future__ import annotations

import json
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from plan_dataset.models import MODELS, QuoteEvidence
from plan_dataset.schema import schema_header_line


def _choices(annotation: Any) -> list[str]:
    for arg in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(arg) is typing.Literal:
            return [str(value) for value in typing.get_args(arg)]
    return []


def _item_model(annotation: Any) -> type[BaseModel] | None:
    """The model of a list's items, if they are records (evidence items are quotes here)."""
    for arg in typing.get_args(annotation):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
        inner = _item_model(arg)
        if inner is not None:
            return inner
    return None


def _lines(
    model: type[BaseModel], indent: str, first_prefix: str = "", top: bool = False
) -> list[str]:
    lines: list[str] = []
    prefix = first_prefix
    for name, info in model.model_fields.items():
        if (top and name == "id") or not info.is_required():
            continue
        lines.extend(_field_lines(name, info, indent, prefix))
        prefix = ""
    return lines


def _field_lines(name: str, info: FieldInfo, indent: str, prefix: str) -> list[str]:
    lead = prefix or indent
    comment = f"{indent}# {info.description}" if info.description else None
    out = [comment] if comment and not prefix else []
    annotation = info.annotation
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [*out, f"{lead}{name}:", *_lines(annotation, indent + "  ")]
    if typing.get_origin(annotation) is list or "list[" in str(annotation):
        item = _item_model(annotation)
        if item is not None:
            if name == "evidence" or item.__name__ in ("QuoteEvidence", "LocatorEvidence"):
                item = QuoteEvidence
            count = max(1, _min_length(info))
            body = [f"{lead}{name}:"]
            for _ in range(count):
                body += _lines(item, indent + "    ", first_prefix=f"{indent}  - ")
            return [*out, *body]
        choices = _choices(typing.get_args(annotation)[0]) if typing.get_args(annotation) else []
        hint = f"  # from: {', '.join(choices)}" if choices else ""
        return [*out, f"{lead}{name}: []{hint}"]
    choices = _choices(annotation)
    hint = f"  # one of: {', '.join(choices)}" if choices else ""
    return [*out, f'{lead}{name}: ""{hint}']


def _min_length(info: FieldInfo) -> int:
    for meta in info.metadata:
        if hasattr(meta, "min_length"):
            return int(meta.min_length)
    return 0


def scaffold(table: str, record_id: str) -> str:
    """The text of a new record: fill in the empty values, then validate."""
    lines = [schema_header_line(table), f"id: {json.dumps(record_id)}"]
    lines += _lines(MODELS[table], "", top=True)
    return "\n".join(lines) + "\n"
