"""The flat tables resolved against the models: every column with its type, description,
vocabulary and whether it is required, and every key. The declarations are in
``tables/``; the outputs, and the generated ``columns.py`` the loader reads, take
``TABLES`` from here."""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from plan_dataset import models
from plan_dataset.evidence.corroboration import Corroboration
from plan_dataset.flat.rows import table_rows as _table_rows
from plan_dataset.flat.spec import (
    Column,
    ForeignKey,
    FromModel,
    ModelFields,
    Table,
    TableDeclaration,
)
from plan_dataset.flat.tables import DECLARED
from plan_dataset.models import MODELS, PARTIAL_DATE_PATTERN, reference_fields

Row = dict[str, Any]
Records = Mapping[str, Sequence[Any]]  # validated models or loaded records
# Offsets of an evidence item's quote in its archived text, given the attribution id.
Spans = Callable[[str, Any], tuple[int, int] | None]

__all__ = [
    "TABLES",
    "TABLES_BY_NAME",
    "Column",
    "ForeignKey",
    "Row",
    "Table",
    "table_rows",
]

_KINDS = {int: "integer", float: "number", bool: "boolean"}
_PARTIAL_DATE = PARTIAL_DATE_PATTERN.strip("^$")


def _literal_values(annotation: Any) -> tuple[str, ...] | None:
    for arg in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(arg) is typing.Literal:
            return tuple(str(value) for value in typing.get_args(arg))
        if typing.get_origin(arg) is list:
            return _literal_values(typing.get_args(arg)[0])
    return None


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside an annotation (``list[Term]``, ``Reconciliation | None``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        inner = _nested_model(arg)
        if inner is not None:
            return inner
    return None


def _is_list(annotation: Any) -> bool:
    return typing.get_origin(annotation) is list or any(
        typing.get_origin(arg) is list for arg in typing.get_args(annotation)
    )


def _kind(annotation: Any) -> str:
    """integer, number or boolean for such a field (optional or constrained), else string."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _kind(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        kinds = {_kind(arg) for arg in typing.get_args(annotation) if arg is not type(None)}
        return kinds.pop() if len(kinds) == 1 else "string"
    return _KINDS.get(annotation, "string")


def _is_partial_date(info: FieldInfo) -> bool:
    """Whether a field holds a reduced-precision date (``PartialDate``, optional or not):
    its column then carries the date pattern. Pydantic keeps a required field's
    constraints in its metadata, an optional one's in its annotation."""

    def in_annotation(annotation: Any) -> bool:
        if typing.get_origin(annotation) is typing.Annotated:
            return _has_date_pattern(typing.get_args(annotation)[1:])
        return any(in_annotation(arg) for arg in typing.get_args(annotation))

    return _has_date_pattern(info.metadata) or in_annotation(info.annotation)


def _has_date_pattern(metadata: Sequence[Any]) -> bool:
    return any(getattr(meta, "pattern", None) == PARTIAL_DATE_PATTERN for meta in metadata)


def _is_scalar(annotation: Any) -> bool:
    """Text, a number, a flag or a vocabulary value (optional, constrained or not): what a
    cell can hold. A mapping, or a model nested deeper, would be written as its repr."""
    origin = typing.get_origin(annotation)
    if origin is typing.Literal or annotation in (str, int, float, bool, type(None)):
        return True
    if origin in (typing.Annotated, typing.Union, types.UnionType):
        args = typing.get_args(annotation)
        return all(_is_scalar(arg) for arg in (args[:1] if origin is typing.Annotated else args))
    return False


def _nullable(info: FieldInfo) -> bool:
    return type(None) in typing.get_args(info.annotation)


def _column(
    name: str,
    info: FieldInfo,
    *,
    optional: bool = False,
    field: str | None = None,
    path: str | None = None,
) -> Column:
    return Column(
        name=name,
        type=_kind(info.annotation),
        description=info.description or "",
        required=info.is_required() and not _nullable(info) and not optional,
        enum=_literal_values(info.annotation),
        pattern=_PARTIAL_DATE if _is_partial_date(info) else None,
        field=field,
        path=path,
    )


def _field_info(dotted: str) -> tuple[str, FieldInfo]:
    """The field a ``FromModel`` names: "<table>.<path>" or "<model class>.<field>"."""
    first, *rest = dotted.split(".")
    model: type[BaseModel] = MODELS[first] if first in MODELS else getattr(models, first)
    for name in rest[:-1]:
        nested = _nested_model(model.model_fields[name].annotation)
        assert nested is not None, f"{dotted}: {name} is not a nested model"
        model = nested
    return rest[-1], model.model_fields[rest[-1]]


def _from_model(spec: FromModel) -> Column:
    field_name, info = _field_info(spec.field)
    column = _column(
        spec.name or field_name,
        info,
        optional=spec.optional,
        field=spec.field if spec.field.split(".")[0] in MODELS else None,
    )
    overrides: dict[str, Any] = {
        "type": spec.type,
        "description": spec.description,
        "required": spec.required,
    }
    values = {key: value for key, value in overrides.items() if value is not None}
    return Column(**{**column.__dict__, **values})


def _scalar(table: str, path: str, info: FieldInfo) -> FieldInfo:
    if not _is_scalar(info.annotation):
        raise TypeError(
            f"{table}.{path} ({info.annotation}) is neither a scalar, a list nor a nested "
            "model: declare its own table in flat/tables/"
        )
    return info


def _model_fields(table: str, spec: ModelFields) -> Iterator[Column]:
    """Every scalar field of the table's model in order, nested objects flattened."""
    after = dict(spec.after)
    for name, info in MODELS[table].model_fields.items():
        nested = _nested_model(info.annotation)
        if name == "evidence" or _is_list(info.annotation):
            pass  # a list is a link table's, evidence the attributions'
        elif nested is not None:
            for inner, inner_info in nested.model_fields.items():
                if not _is_list(inner_info.annotation):
                    yield _column(
                        f"{name}_{inner}",
                        _scalar(table, f"{name}.{inner}", inner_info),
                        optional=_nullable(info),
                        field=f"{table}.{name}.{inner}",
                        path=f"{name}.{inner}",
                    )
        else:
            yield _column(name, _scalar(table, name, info), path=name)
        yield from after.pop(name, ())
    assert not after, f"{table}: no field {', '.join(after)} to place columns after"


def resolve(declared: TableDeclaration) -> Table:
    columns: list[Column] = []
    keys: list[ForeignKey] = []
    for spec in declared.columns:
        if isinstance(spec, ModelFields):
            markers = reference_fields(MODELS[declared.name])
            resolved = list(_model_fields(declared.name, spec))
            keys += [
                ForeignKey((c.name,), markers[c.name].tables[0])
                for c in resolved
                if c.name in markers and len(markers[c.name].tables) == 1
            ]
            columns += resolved
        elif isinstance(spec, FromModel):
            columns.append(_from_model(spec))
        else:
            columns.append(spec)
    return Table(
        declared.name,
        declared.title,
        declared.description,
        tuple(columns),
        declared.primary_key,
        declared.rows,
        (*keys, *declared.foreign_keys),
    )


TABLES: tuple[Table, ...] = tuple(resolve(declared) for declared in DECLARED)
TABLES_BY_NAME: dict[str, Table] = {table.name: table for table in TABLES}


def table_rows(
    name: str, records: Records, spans: Spans, corroboration: Mapping[str, Corroboration]
) -> Iterator[Row]:
    """One flat table's rows, built as they are read (an output writes each as it comes)."""
    table = TABLES_BY_NAME[name]
    return _table_rows(table.rows, records, spans, corroboration, table.paths())
