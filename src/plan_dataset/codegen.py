"""Generates ``records.py``: the light, immutable record types that ``load()`` returns.

The Pydantic models in ``models.py`` stay the single source of truth and do the
validating. Loading a trusted, already-validated bundle does not need them: it
decodes straight into msgspec structs, which import and build far faster. This
module writes those structs from the models, and the build's staleness check
keeps the committed copy honest, as it does for the JSON Schemas.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from plan_dataset.models import (
    MODELS,
    LocatorEvidence,
    QuoteEvidence,
    Reconciliation,
    RecordRef,
    Term,
    Variant,
)

RECORDS_PATH = "src/plan_dataset/records.py"
EVIDENCE_MODELS = (QuoteEvidence, LocatorEvidence)
# Nested types first, so that every name is defined before it is used.
NESTED_MODELS: tuple[type[BaseModel], ...] = (Term, Reconciliation, RecordRef, Variant)
CLASS_NAMES = {model: model.__name__ for model in (*NESTED_MODELS, *MODELS.values())}


def _type_text(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if annotation is type(None):
        return "None"
    if annotation in (str, int, float, bool):
        return annotation.__name__
    if origin is typing.Annotated:
        return _type_text(arguments[0])
    if origin is typing.Literal:
        return f"Literal[{', '.join(repr(value) for value in arguments)}]"
    if origin in (typing.Union, types.UnionType):
        if {_bare(a) for a in arguments} == set(EVIDENCE_MODELS):
            return "Evidence"
        return " | ".join(dict.fromkeys(_type_text(a) for a in arguments))
    if origin is list:
        return f"tuple[{_type_text(arguments[0])}, ...]"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "Evidence" if annotation in EVIDENCE_MODELS else CLASS_NAMES[annotation]
    raise TypeError(f"no struct type for {annotation!r}")


def _bare(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _doc(model: type[BaseModel]) -> str:
    return (model.__doc__ or model.__name__).strip().splitlines()[0]


def _struct(model: type[BaseModel]) -> list[str]:
    lines = [f"class {CLASS_NAMES[model]}(_Record):", f'    """{_doc(model)}"""', ""]
    for name, info in model.model_fields.items():
        lines.append(f"    {name}: {_type_text(info.annotation)}")
    return [*lines, "", ""]


def _evidence() -> list[str]:
    quote_fields = QuoteEvidence.model_fields
    locator_fields = LocatorEvidence.model_fields
    return [
        "class Evidence(_Record):",
        '    """One evidence item: a verbatim quote, or a locator and paraphrase (see ``kind``)."""',
        "",
        f"    source: {_type_text(quote_fields['source'].annotation)}",
        f"    hedge: {_type_text(quote_fields['hedge'].annotation)}",
        f"    attributed_to: {_type_text(quote_fields['attributed_to'].annotation)} = None",
        f"    quote: {_type_text(quote_fields['quote'].annotation)} | None = None",
        f"    locator: {_type_text(locator_fields['locator'].annotation)} | None = None",
        f"    paraphrase: {_type_text(locator_fields['paraphrase'].annotation)} | None = None",
        "",
        "    @property",
        '    def kind(self) -> Literal["quote", "locator"]:',
        '        """quote: verified against an archived text; locator: a place in a linked page."""',
        '        return "quote" if self.quote is not None else "locator"',
        "",
        "",
    ]


def render_records_module() -> str:
    body = [
        '"""Immutable record types returned by ``plan_dataset.load()``.',
        "",
        "Generated from the models in models.py by codegen.py: do not edit; run",
        "``plan-dataset build``. Field meanings are documented on the models and in schema/.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Literal",
        "",
        "import msgspec",
        "",
        "",
        "class _Record(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):",
        '    """Base of every record type: immutable, compared by value."""',
        "",
        "",
        *_evidence(),
    ]
    for model in (*NESTED_MODELS, *MODELS.values()):
        body += _struct(model)
    tables = ", ".join(f'"{table}": {CLASS_NAMES[model]}' for table, model in MODELS.items())
    body += [f"RECORD_TYPES = {{{tables}}}", ""]
    return "\n".join(body)
