"""Generates ``records.py``: the light, immutable record types that ``load()`` returns.

The Pydantic models in ``models.py`` stay the single source of truth and do the
validating. Loading a trusted, already-validated bundle does not need them, and
importing them (or any third-party library) would cost more than the load itself.
This module writes plain slotted classes from the models, with one decoder per
type that turns a parsed JSON mapping into a record. The build's staleness check
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

HEADER = '''"""Immutable record types returned by ``plan_dataset.load()``.

Generated from the models in models.py by codegen.py: do not edit; run
``plan-dataset build``. Field meanings are documented on the models and in schema/.

Plain slotted classes, so that loading imports nothing beyond the standard
library. ``typing`` is imported only by type checkers: importing it would
cost more than loading the shipped bundle.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Literal

_new = object.__new__
_set = object.__setattr__


class _Record:
    """Base of every record type: immutable, compared by value, fields in ``__slots__``."""

    __slots__: tuple[str, ...] = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} records are immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} records are immutable")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickle and copy would set slots through __setattr__, which refuses.
        return (_rebuild, (type(self), self._values()))

    def to_dict(self) -> dict[str, Any]:
        """The record as plain JSON values: nested records as dicts, tuples as lists."""
        return {name: _plain(getattr(self, name)) for name in self.__slots__}


def _rebuild(cls: type[_Record], values: tuple[Any, ...]) -> _Record:
    record = _new(cls)
    for name, value in zip(cls.__slots__, values):
        _set(record, name, value)
    return record


def _setters(cls: type[_Record]) -> tuple[Any, ...]:
    """The slot setters of a class, in field order, for its decoder.

    Decoders call these directly: they skip the refusing ``__setattr__`` and the
    attribute look-up, which makes loading a large bundle about twice as fast.
    """
    return tuple(getattr(cls, name).__set__ for name in cls.__slots__)


def _plain(value: Any) -> Any:
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value
'''


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
    raise TypeError(f"no record type for {annotation!r}")


def _bare(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _record_type(annotation: Any) -> str | None:
    """The record class a value of this annotation decodes into, or None for plain JSON."""
    annotation = _bare(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        arguments = [_bare(a) for a in typing.get_args(annotation) if a is not type(None)]
        if set(arguments) == set(EVIDENCE_MODELS):
            return "Evidence"
        return _record_type(arguments[0]) if len(arguments) == 1 else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "Evidence" if annotation in EVIDENCE_MODELS else CLASS_NAMES[annotation]
    return None


def _decode_expression(name: str, annotation: Any) -> str:
    """Python source that turns ``data[name]`` (parsed JSON) into the record's field value."""
    value = f'data["{name}"]'
    bare = _bare(annotation)
    if typing.get_origin(bare) is list:
        item_type = _record_type(typing.get_args(bare)[0])
        return f"tuple(map(_decode_{item_type}, {value}))" if item_type else f"tuple({value})"
    record_type = _record_type(bare)
    if record_type is None:
        return value
    if type(None) in typing.get_args(bare):
        return f"None if {value} is None else _decode_{record_type}({value})"
    return f"_decode_{record_type}({value})"


def _doc(model: type[BaseModel]) -> str:
    return (model.__doc__ or model.__name__).strip().splitlines()[0]


def _class(name: str, doc: str, fields: list[tuple[str, str, str | None]]) -> list[str]:
    """A record class; fields are (name, type text, default source or None)."""
    names = [f'"{field}"' for field, _type, _default in fields]
    slots = ", ".join(names) + ("," if len(names) == 1 else "")
    lines = [f"class {name}(_Record):", f'    """{doc}"""', "", f"    __slots__ = ({slots})", ""]
    lines += [f"    {field}: {type_text}" for field, type_text, _default in fields]
    parameters = ", ".join(
        f"{field}: {type_text}" + ("" if default is None else f" = {default}")
        for field, type_text, default in fields
    )
    lines += ["", f"    def __init__(self, *, {parameters}) -> None:"]
    lines += [f'        _set(self, "{field}", {field})' for field, _type, _default in fields]
    return [*lines, ""]


def _decoder(name: str, expressions: list[tuple[str, str]]) -> list[str]:
    """The decoder of one type: parsed JSON mapping in, record out."""
    setters = ", ".join(f"set_{field}" for field, _expression in expressions)
    lines = [
        f"_SETTERS_{name} = _setters({name})",
        "",
        "",
        f"def _decode_{name}(data: dict[str, Any]) -> {name}:",
        f"    {setters}, = _SETTERS_{name}",
        f"    record = _new({name})",
    ]
    lines += [f"    set_{field}(record, {expression})" for field, expression in expressions]
    return [*lines, "    return record", "", ""]


def _model_class(model: type[BaseModel]) -> list[str]:
    name = CLASS_NAMES[model]
    fields = [(f, _type_text(info.annotation), None) for f, info in model.model_fields.items()]
    expressions = [
        (f, _decode_expression(f, info.annotation)) for f, info in model.model_fields.items()
    ]
    return [*_class(name, _doc(model), fields), "", *_decoder(name, expressions)]


def _evidence_class() -> list[str]:
    """One class for both kinds of evidence item; the fields a kind lacks are None."""
    quote = QuoteEvidence.model_fields
    locator = LocatorEvidence.model_fields
    fields = [
        ("source", _type_text(quote["source"].annotation), None),
        ("hedge", _type_text(quote["hedge"].annotation), None),
        ("attributed_to", _type_text(quote["attributed_to"].annotation), "None"),
        ("quote", f"{_type_text(quote['quote'].annotation)} | None", "None"),
        ("locator", f"{_type_text(locator['locator'].annotation)} | None", "None"),
        ("paraphrase", f"{_type_text(locator['paraphrase'].annotation)} | None", "None"),
    ]
    doc = "One evidence item: a verbatim quote, or a locator and paraphrase (see ``kind``)."
    kind = [
        "    @property",
        '    def kind(self) -> Literal["quote", "locator"]:',
        '        """quote: verified against an archived text; locator: a place in a linked page."""',
        '        return "quote" if self.quote is not None else "locator"',
        "",
    ]
    expressions = [(field, f'data.get("{field}")') for field, _type, _default in fields]
    expressions[:2] = [(field, f'data["{field}"]') for field, _type, _default in fields[:2]]
    return [*_class("Evidence", doc, fields), *kind, "", *_decoder("Evidence", expressions)]


def render_records_module() -> str:
    body = [HEADER, "", *_evidence_class()]
    for model in (*NESTED_MODELS, *MODELS.values()):
        body += _model_class(model)
    types_by_table = ", ".join(f'"{t}": {CLASS_NAMES[m]}' for t, m in MODELS.items())
    decoders = ", ".join(f'"{t}": _decode_{CLASS_NAMES[m]}' for t, m in MODELS.items())
    body += [
        "# Record type of each table, and the decoder from its parsed JSON rows.",
        f"RECORD_TYPES = {{{types_by_table}}}",
        f"DECODERS = {{{decoders}}}",
        "",
    ]
    return "\n".join(body)
