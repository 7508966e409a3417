"""Generates ``records/classes.py``: the light, immutable record types that ``load()`` returns.

The Pydantic models in ``models.py`` stay the single source of truth and do the
validating. Loading a trusted, already-validated bundle does not need them, and
importing them (or any third-party library) would cost more than the load itself.
This module writes plain classes from the models, with one decoder per type that
turns a parsed JSON mapping into a record (which keeps the mapping as its ``__dict__``).
The build's staleness check keeps the committed copy honest, as it does for the JSON
Schemas.
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
from plan_dataset.models.fields import reference_marker

EVIDENCE_MODELS = (QuoteEvidence, LocatorEvidence)
# Nested types first, so that every name is defined before it is used.
NESTED_MODELS: tuple[type[BaseModel], ...] = (Term, Reconciliation, RecordRef, Variant)
CLASS_NAMES = {model: model.__name__ for model in (*NESTED_MODELS, *MODELS.values())}

HEADER = '''"""Immutable record types returned by ``plan_dataset.load()``.

Generated from the models in models.py by codegen.py: do not edit; run
``plan-dataset build``. Field meanings are documented on the models and in schema/.
What all records share (immutability, equality, pickling, ``to_dict()``) is in
records/base.py. ``typing`` is imported only by type checkers: importing it would
cost more than loading the shipped bundle.
"""

from __future__ import annotations

from plan_dataset.records.base import RecordBase, set_dict, set_field

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, Literal, TypeAlias

_new = object.__new__
'''


def _type_text(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if annotation is type(None):
        return "None"
    if annotation in (str, int, float, bool):
        return str(annotation.__name__)
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


def _decode_expression(name: str, annotation: Any) -> str | None:
    """Python source that turns ``data[name]`` (parsed JSON) into the record's field value,
    or None when the JSON value is the field's value as it is."""
    value = f'data["{name}"]'
    bare = _bare(annotation)
    if typing.get_origin(bare) is list:
        item_type = _record_type(typing.get_args(bare)[0])
        return f"tuple(map(_decode_{item_type}, {value}))" if item_type else f"tuple({value})"
    record_type = _record_type(bare)
    if record_type is None:
        return None
    if type(None) in typing.get_args(bare):
        return f"None if {value} is None else _decode_{record_type}({value})"
    return f"_decode_{record_type}({value})"


def _doc(model: type[BaseModel]) -> str:
    return (model.__doc__ or model.__name__).strip().splitlines()[0]


def _class(name: str, doc: str, fields: list[tuple[str, str, str | None]]) -> list[str]:
    """A record class; fields are (name, type text, default source or None). A default is
    also the class's value, which a record reads when its mapping omits the field."""
    names = [f'"{field}"' for field, _type, _default in fields]
    ordered = ", ".join(names) + ("," if len(names) == 1 else "")
    lines = [f"class {name}(RecordBase):", f'    """{doc}"""', "", f"    _fields = ({ordered})", ""]
    lines += [
        f"    {field}: {type_text}" + ("" if default is None else f" = {default}")
        for field, type_text, default in fields
    ]
    parameters = ", ".join(
        f"{field}: {type_text}" + ("" if default is None else f" = {default}")
        for field, type_text, default in fields
    )
    lines += ["", f"    def __init__(self, *, {parameters}) -> None:"]
    lines += [f'        set_field(self, "{field}", {field})' for field, _type, _default in fields]
    return [*lines, ""]


def _decoder(name: str, expressions: list[tuple[str, str | None]]) -> list[str]:
    """The decoder of one type: a parsed JSON mapping in, the record that keeps it out.
    The mapping must hold the type's fields and no others: what bundle/shape.py checks
    in a bundle from a path, and what the build writes in the package's own."""
    lines = [f"def _decode_{name}(data: dict[str, Any]) -> {name}:"]
    lines += [f'    data["{field}"] = {code}' for field, code in expressions if code is not None]
    lines += [f"    record = _new({name})", "    set_dict(record, data)"]
    return [*lines, "    return record", "", ""]


def _model_class(model: type[BaseModel]) -> list[str]:
    name = CLASS_NAMES[model]
    fields: list[tuple[str, str, str | None]] = [
        (f, _type_text(info.annotation), None) for f, info in model.model_fields.items()
    ]
    expressions = [
        (f, _decode_expression(f, info.annotation)) for f, info in model.model_fields.items()
    ]
    extra = TERM_FIGURE if name == "Term" else []
    return [*_class(name, _doc(model), fields), *extra, "", *_decoder(name, expressions)]


# A term reads as a figure with its unit: no raw float (1e+11) reaches a reader.
TERM_FIGURE = [
    "    @property",
    "    def figure(self) -> str:",
    '        """The value with its unit and relation in words: \'at most 600,000 personnel\',',
    "        '$100 billion', 'a reduction of 50%'.\"\"\"",
    "        from plan_dataset.records.figures import format_term",
    "",
    "        return format_term(self)",
    "",
]


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
    # The fields of the other kind are omitted: they read the class's None.
    return [*_class("Evidence", doc, fields), *kind, "", *_decoder("Evidence", [])]


def _pattern(annotation: Any, metadata: list[Any]) -> str | None:
    """The regular expression a string field (or its items) must match, if any."""
    pending = [*metadata, annotation]
    while pending:
        item = pending.pop()
        if isinstance(getattr(item, "pattern", None), str):
            return str(item.pattern)
        if typing.get_origin(item) is typing.Annotated:
            pending += [*item.__metadata__, typing.get_args(item)[0]]
        elif typing.get_origin(item) in (typing.Union, types.UnionType, list):
            pending += list(typing.get_args(item))
    return None


def _field_rules(models: tuple[type[BaseModel], ...]) -> dict[str, tuple[Any, ...]]:
    """(pattern, reference tables, reserved values, table field) of each field that has
    one: what the loader checks in a bundle besides types and vocabularies."""
    rules: dict[str, tuple[Any, ...]] = {}
    for model in models:
        for name, info in model.model_fields.items():
            marker = reference_marker(model, name)
            pattern = _pattern(info.annotation, list(info.metadata))
            if marker is None and pattern is None:
                continue
            tables = marker.tables if marker else ()
            reserved = marker.reserved if marker else ()
            rules[name] = (pattern, tables, reserved, marker.table_field if marker else None)
    return rules


def _rules_source() -> list[str]:
    by_class = {"Evidence": _field_rules(EVIDENCE_MODELS)}
    by_class.update(
        (CLASS_NAMES[model], _field_rules((model,))) for model in (*NESTED_MODELS, *MODELS.values())
    )
    lines = [
        "# What load() checks in a bundle besides types and vocabularies (bundle/shape.py):",
        "# per type and field, (pattern, tables it refers to, reserved values, table field).",
        "FieldRule = tuple[str | None, tuple[str, ...], tuple[str, ...], str | None]",
        "FIELD_RULES: dict[str, dict[str, FieldRule]] = {",
    ]
    for name, rules in by_class.items():
        lines.append(f"    {name!r}: {{")
        lines += [f"        {field!r}: {rule!r}," for field, rule in rules.items()]
        lines.append("    },")
    return [*lines, "}", ""]


def render_records_module() -> str:
    body = [HEADER, "", *_evidence_class()]
    for model in (*NESTED_MODELS, *MODELS.values()):
        body += _model_class(model)
    types_by_table = ", ".join(f'"{t}": {CLASS_NAMES[m]}' for t, m in MODELS.items())
    decoders = ", ".join(f'"{t}": _decode_{CLASS_NAMES[m]}' for t, m in MODELS.items())
    union = " | ".join(CLASS_NAMES[m] for m in MODELS.values())
    body += [
        "if TYPE_CHECKING:",
        "    # Any record of any table.",
        f"    Record: TypeAlias = {union}",
        "",
        "# Record type of each table, and the decoder from its parsed JSON rows.",
        f"RECORD_TYPES: dict[str, type[Record]] = {{{types_by_table}}}",
        f"DECODERS: dict[str, Callable[[dict[str, Any]], Record]] = {{{decoders}}}",
        "",
        *_rules_source(),
    ]
    return "\n".join(body)
