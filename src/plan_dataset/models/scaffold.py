"""``plan-dataset new``: a record file with its schema line and every required field to fill in.

The evidence stub takes the form its source needs: a verbatim ``quote`` for an archived
source (one with a text in ``seeds/``), a ``locator`` and a ``paraphrase`` for a web page.
A table whose records carry a ``date`` gets one, though it may stay null.
"""

from __future__ import annotations

import json
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from plan_dataset.models import MODELS, LocatorEvidence, QuoteEvidence
from plan_dataset.models.schema import schema_header_line


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


# Optional fields the scaffold still writes: a record's date is usually known, and a
# web page is found by its address and retrieval date, an archived text by its path.
ALWAYS_WRITTEN = frozenset({"date"})
WEB_SOURCE_FIELDS = frozenset({"url", "retrieved", "published"})
ARCHIVED_SOURCE_FIELDS = frozenset({"path"})


class _Evidence:
    """What the evidence stub looks like: its model and the source it cites, if known;
    and which optional top-level fields to write."""

    def __init__(
        self, model: type[BaseModel], source_id: str | None, written: frozenset[str]
    ) -> None:
        self.model = model
        self.source_id = source_id
        self.written = written


def _lines(
    model: type[BaseModel],
    indent: str,
    evidence: _Evidence,
    first_prefix: str = "",
    top: bool = False,
) -> list[str]:
    lines: list[str] = []
    prefix = first_prefix
    for name, info in model.model_fields.items():
        wanted = info.is_required() or (top and name in evidence.written)
        if (top and name == "id") or not wanted:
            continue
        if name == "source" and model is evidence.model and evidence.source_id is not None:
            lines.append(f"{prefix or indent}source: {json.dumps(evidence.source_id)}")
        else:
            lines.extend(_field_lines(name, info, indent, prefix, evidence))
        prefix = ""
    return lines


def _field_lines(
    name: str, info: FieldInfo, indent: str, prefix: str, evidence: _Evidence
) -> list[str]:
    lead = prefix or indent
    comment = f"{indent}# {info.description}" if info.description else None
    out = [comment] if comment and not prefix else []
    annotation = info.annotation
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [*out, f"{lead}{name}:", *_lines(annotation, indent + "  ", evidence)]
    if typing.get_origin(annotation) is list or "list[" in str(annotation):
        item = _item_model(annotation)
        if item is not None:
            if name == "evidence" or item.__name__ in ("QuoteEvidence", "LocatorEvidence"):
                item = evidence.model
            count = max(1, _min_length(info))
            body = [f"{lead}{name}:"]
            for _ in range(count):
                body += _lines(item, indent + "    ", evidence, first_prefix=f"{indent}  - ")
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


def scaffold(
    table: str, record_id: str, *, source_id: str | None = None, archived: bool = False
) -> str:
    """The text of a new record: fill in the empty values, then validate.

    ``source_id`` is the source its evidence cites (a new source cites itself);
    ``archived`` says that source has a text in ``seeds/``, so the evidence is a quote.
    Without them the stub is a locator and a paraphrase, as for most sources: web pages.
    """
    written = ALWAYS_WRITTEN
    if table == "sources":
        source_id = record_id if source_id is None else source_id
        written |= ARCHIVED_SOURCE_FIELDS if archived else WEB_SOURCE_FIELDS
    model: type[BaseModel] = LocatorEvidence
    if archived:
        model = QuoteEvidence
    evidence = _Evidence(model, source_id, written)
    lines = [schema_header_line(table), f"id: {json.dumps(record_id)}"]
    lines += _lines(MODELS[table], "", evidence, top=True)
    return "\n".join(lines) + "\n"
