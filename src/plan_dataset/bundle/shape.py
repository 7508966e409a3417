"""What ``load()`` checks in a bundle before decoding it: its shape, every field's type
and vocabulary, finite and safe numbers, id and date formats, unique ids and members,
and that every reference resolves. A truncated, tampered or foreign bundle raises one
``BundleInvalid`` naming the member and the reason. Standard library only.

The rules come from ``records/classes.py``: each record class's field annotations (generated
from the models) give types and vocabularies, and its ``FIELD_RULES`` give patterns and
references, so a new field or table is checked without touching this module.
"""

from __future__ import annotations

import json
import re

from plan_dataset.bundle import DATASET_NAME, KEYS, NAME
from plan_dataset.records import classes as _records

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

BUNDLE_KEYS = frozenset(KEYS)
# An outlet may share its id with the stakeholder that is the same organisation (the
# rule validation.dataset.SHARED_ID_TABLES states); no other tables share ids.
SHARED_ID_TABLES = frozenset({"outlets", "stakeholders"})
SAFE_INTEGER = 2**53  # the largest integer JSON, SQLite and pandas all hold exactly
# Compiled on first use (re caches them): loading the package's own bundle needs neither.
_QUOTED = r"'((?:[^'\\]|\\.)*)'"
_DAY = r"^(\d{4})-(\d{2})-(\d{2})$"
_SLUG = _records.FIELD_RULES["Evidence"]["source"][0]
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
# A corroboration entry: the corroboration table's id columns, and for a version of the
# plan the count of its points and of those well sourced.
CORROBORATION_KEYS = frozenset({"origin_ids", "strong_origin_ids", "strongest_reliability"})
POINTS_KEYS = frozenset({"points", "points_well_sourced"})


class BundleInvalid(ValueError):
    """Raised when a bundle is not one the build wrote: truncated, tampered or of another shape."""

    def __init__(self, message: str) -> None:
        from plan_dataset.escaping import for_message  # html, unicodedata: only on a refusal

        super().__init__(for_message(message))  # echoed values and paths, escaped


def _invalid(where: Any, reason: str) -> BundleInvalid:
    return BundleInvalid(f"{NAME}: {_place(where)}: {reason}")


def _place(where: Any) -> str:
    """A location kept as (parent, field or index) pairs, written out only for a message:
    a bundle holds tens of thousands of values and nearly all of them are fine."""
    parts = []
    while isinstance(where, tuple):
        where, part = where
        parts.append(f"[{part}]" if isinstance(part, int) else f".{part}")
    return str(where) + "".join(reversed(parts))


def _refuse_constant(name: str) -> Any:
    raise BundleInvalid(f"{NAME}: holds {name}, which is not a number JSON allows")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        keys = [key for key, _value in pairs]
        twice = next(key for index, key in enumerate(keys) if key in keys[:index])
        raise BundleInvalid(f"{NAME}: the key {twice[:60]!r} appears twice in one object")
    return found


def parse_bundle(data: bytes) -> Any:
    """Parse a bundle's JSON strictly: no NaN or infinities, no key given twice."""
    return json.loads(data, parse_constant=_refuse_constant, object_pairs_hook=_unique_keys)


# --- types, from the annotations of the generated record classes -----------------------


def _split_union(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += char == "["
        depth -= char == "]"
        if depth == 0 and text.startswith(" | ", index):
            parts.append(text[start:index])
            start = index + 3
    return [*parts, text[start:]]


def _spec(text: str) -> tuple[Any, ...]:
    """A type annotation of records/classes.py as a small tree the checker walks."""
    alternatives = _split_union(text.strip())
    if len(alternatives) > 1:
        specs = [_spec(part) for part in alternatives]
        if {s[0] for s in specs} == {"int", "float"}:
            return ("number",)
        return ("union", tuple(specs))
    text = alternatives[0]
    if text.startswith("Literal["):
        return ("literal", frozenset(re.findall(_QUOTED, text)))
    if text.startswith("tuple[") and text.endswith(", ...]"):
        return ("tuple", _spec(text[len("tuple[") : -len(", ...]")]))
    if text in ("str", "int", "float", "bool"):
        return (text,)
    if text == "None":
        return ("none",)
    return ("record", text)


# Per record class: its fields, those a record must hold (the others have a class default
# and may be omitted: evidence of the other kind), and (field, nullable, kind, argument,
# rule, compiled pattern) for each field.
if TYPE_CHECKING:
    _Plan = tuple[frozenset[str], frozenset[str], tuple[tuple[Any, ...], ...]]
_PLANS: dict[str, _Plan] = {}


def _plan(class_name: str) -> _Plan:
    """The fields of a record class as flat steps, built once: checking a bundle walks
    every value, so the common kinds are tested inline rather than by recursion."""
    if class_name not in _PLANS:
        record_class = getattr(_records, class_name)
        annotations = record_class.__annotations__
        required = frozenset(name for name in annotations if name not in vars(record_class))
        rules = _records.FIELD_RULES.get(class_name, {})
        steps = []
        for name, text in annotations.items():
            spec = _spec(text)
            nullable = _allows_none(spec)
            if spec[0] == "union":
                options = [option for option in spec[1] if option != ("none",)]
                if len(options) != 1:
                    raise BundleInvalid(
                        f"records/classes.py: unsupported type {text}"
                    )  # none today
                spec = options[0]
            rule = rules.get(name)
            pattern = re.compile(rule[0]) if rule and rule[0] else None
            steps.append(
                (name, nullable, spec[0], spec[1] if len(spec) > 1 else None, rule, pattern)
            )
        _PLANS[class_name] = (frozenset(annotations), required, tuple(steps))
    return _PLANS[class_name]


class _Checker:
    """Walks the records of a bundle along their types, collecting references."""

    def __init__(self) -> None:
        self.references: list[tuple[Any, tuple[str, ...], str]] = []
        self.day = re.compile(_DAY)

    def record(self, data: Any, class_name: str, where: Any) -> None:
        if type(data) is not dict:
            raise _invalid(where, f"expected a record, found {_kind(data)}")
        names, required, steps = _plan(class_name)
        if not data.keys() <= names:
            raise _invalid(where, f"unknown field {sorted(data.keys() - names)[0]!r}")
        if not data.keys() >= required:  # the decoders take the mapping as it is
            raise _invalid(where, f"missing field {sorted(required - data.keys())[0]!r}")
        for name, nullable, kind, argument, rule, pattern in steps:
            value = data.get(name)
            if value is None:
                if not nullable:
                    raise _invalid((where, name), "missing or null")
                continue
            if kind == "str":
                if type(value) is not str:
                    raise _invalid((where, name), f"expected text, found {_kind(value)}")
            elif kind == "literal":
                if type(value) is not str or value not in argument:
                    raise _invalid(
                        (where, name),
                        f"{repr(value)[:60]} is not one of {', '.join(sorted(argument))}",
                    )
            else:
                self.value(value, (kind, argument), (where, name))
            if rule is None:
                continue
            if type(value) is str and rule[3] is None and rule[0] == _SLUG:
                # The common case, inline: a slug that refers to another record.
                if not pattern.search(value):
                    raise _invalid((where, name), f"{value[:60]!r} is not a slug")
                if rule[1] and value not in rule[2]:
                    self.references.append(((where, name), rule[1], value))
            else:
                self.rule(value, rule, pattern, data, (where, name))

    def value(self, value: Any, spec: tuple[Any, ...], where: Any) -> None:
        kind = spec[0]
        if kind == "str":
            if type(value) is not str:
                raise _invalid(where, f"expected text, found {_kind(value)}")
        elif kind in ("int", "number", "float"):
            _check_number(value, kind, where)
        elif kind == "bool":
            if type(value) is not bool:
                raise _invalid(where, f"expected true or false, found {_kind(value)}")
        elif kind == "literal":
            if type(value) is not str or value not in spec[1]:
                shown = repr(value)[:60]
                raise _invalid(where, f"{shown} is not one of {', '.join(sorted(spec[1]))}")
        elif kind == "tuple":
            if type(value) is not list:
                raise _invalid(where, f"expected a list, found {_kind(value)}")
            item = spec[1]
            if item[0] == "record":
                for index, entry in enumerate(value):
                    self.record(entry, item[1], (where, index))
            else:
                for index, entry in enumerate(value):
                    self.value(entry, item, (where, index))
        elif kind == "record":
            self.record(value, spec[1], where)
        else:
            raise _invalid(where, f"expected {kind}, found {_kind(value)}")

    def rule(
        self, value: Any, rule: tuple[Any, ...], pattern: Any, record: dict[str, Any], where: Any
    ) -> None:
        _pattern, tables, reserved, table_field = rule
        for index, item in enumerate(value if type(value) is list else (value,)):
            if pattern is not None and not pattern.search(item):
                at = (where, index) if type(value) is list else where
                raise _invalid(at, f"{item[:60]!r} does not have the form {pattern.pattern}")
            if len(item) == 10 and self.day.match(item) and not _is_calendar_day(item):
                raise _invalid(where, f"{item} is not a calendar date")
            if table_field is not None:
                self.references.append((where, (record[table_field],), item))
            elif tables and item not in reserved:
                self.references.append((where, tables, item))


def _allows_none(spec: tuple[Any, ...]) -> bool:
    return spec == ("none",) or (spec[0] == "union" and ("none",) in spec[1])


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def _check_number(value: Any, kind: str, where: Any) -> None:
    from math import isfinite  # not at import: the package's own bundle is not checked deep

    allowed = (int,) if kind == "int" else (int, float)
    if isinstance(value, bool) or not isinstance(value, allowed):
        raise _invalid(where, f"expected a number, found {_kind(value)}")
    if isinstance(value, float) and not isfinite(value):
        raise _invalid(where, f"{value} is not a finite number")
    if abs(value) > SAFE_INTEGER:
        raise _invalid(where, "a number beyond 2**53, which JSON readers do not hold exactly")


def _is_calendar_day(text: str) -> bool:
    year, month, day = (int(part) for part in text.split("-"))
    if not 1 <= month <= 12 or day < 1:
        return False
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return day <= (_DAYS_IN_MONTH[month - 1] if month != 2 or leap else 28)


# --- the bundle -----------------------------------------------------------------------


def check_bundle_shape(bundle: Any, table_names: tuple[str, ...], *, deep: bool = True) -> None:
    """Raise BundleInvalid unless ``bundle`` is one the build writes, whole and consistent.

    ``deep=False`` checks the shape and unique ids only: for the bundle inside the
    installed package, written by the build that validated it and as trusted as the
    code that reads it. Every bundle read from a path gets the whole check."""
    if not isinstance(bundle, dict) or set(bundle) != BUNDLE_KEYS:
        raise BundleInvalid(f"not a plan-dataset bundle: expected the keys {sorted(BUNDLE_KEYS)}")
    version, tables, offsets = bundle["version"], bundle["tables"], bundle["offsets"]
    if bundle["name"] != DATASET_NAME or not isinstance(version, str) or not version:
        raise BundleInvalid("not a plan-dataset bundle: wrong name or version")
    if not isinstance(tables, dict) or set(tables) != set(table_names):
        raise BundleInvalid(f"the bundle's tables must be exactly {', '.join(table_names)}")
    if not isinstance(offsets, dict) or not isinstance(bundle["corroboration"], dict):
        raise BundleInvalid("the bundle's offsets and corroboration must be mappings")
    ids: dict[str, set[str]] = {}
    for name in table_names:
        rows = tables[name]
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise BundleInvalid(f"table {name} must be a list of records")
        ids[name] = _unique_ids(name, rows, ids)
    if not deep:
        return
    checker = _Checker()
    for name in table_names:
        class_name = _records.RECORD_TYPES[name].__name__
        for index, row in enumerate(tables[name]):
            checker.record(row, class_name, (("tables", name), index))
    for where, targets, value in checker.references:
        if not any(value in ids.get(table, ()) for table in targets):
            raise _invalid(where, f"{value!r} is not a record of {' or '.join(targets)}")
    _check_offsets(offsets)
    _check_corroboration(bundle["corroboration"], set().union(*ids.values()))


def _unique_ids(name: str, rows: list[dict[str, Any]], earlier: dict[str, set[str]]) -> set[str]:
    """The ids of one table's rows; BundleInvalid if one is missing or not text, or is
    given twice: in this table, or in an earlier one other than the pair that may share."""
    found: list[Any] = [row.get("id") for row in rows]
    if all(type(record_id) is str for record_id in found):
        unique = set(found)
        if len(unique) == len(found) and all(
            unique.isdisjoint(other) or {table, name} == SHARED_ID_TABLES
            for table, other in earlier.items()
        ):
            return unique
    # Something is wrong: name the first id that is, in the order of the rows.
    seen: dict[Any, str] = {i: t for t, other in reversed(earlier.items()) for i in other}
    in_table: set[str] = set()
    for record_id in found:
        if not isinstance(record_id, str) or record_id in in_table:
            raise BundleInvalid(f"table {name}: missing or duplicate id {record_id!r}")
        first = seen.get(record_id)
        if first is not None and {first, name} != SHARED_ID_TABLES:
            raise BundleInvalid(f"table {name}: missing or duplicate id {record_id!r}")
        in_table.add(record_id)
    raise BundleInvalid(f"table {name}: ids refused")  # not reached: the walk names one


def _check_offsets(offsets: dict[str, Any]) -> None:
    for key, span in offsets.items():
        if not (
            isinstance(span, list)
            and len(span) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) for n in span)
            and 0 <= span[0] <= span[1] <= SAFE_INTEGER
        ):
            raise _invalid(f"offsets[{key[:60]!r}]", "expected [start, end] in order")


def _check_corroboration(corroboration: dict[str, Any], ids: set[str]) -> None:
    from plan_dataset.evidence.corroboration import RELIABILITY_ORDER

    for key, value in corroboration.items():
        where = f"corroboration[{key[:60]!r}]"
        if key.count("/") < 1 or key.split("/")[1] not in ids:
            raise _invalid(where, "names no record of the bundle")
        if not isinstance(value, dict) or not (
            CORROBORATION_KEYS <= set(value) <= CORROBORATION_KEYS | POINTS_KEYS
        ):
            raise _invalid(where, f"expected {', '.join(sorted(CORROBORATION_KEYS))}")
        for field in ("origin_ids", "strong_origin_ids"):
            origins = value[field]
            if not isinstance(origins, list) or not all(o in ids for o in origins):
                raise _invalid(f"{where}.{field}", "expected ids of records of the bundle")
        strongest = value["strongest_reliability"]
        if strongest is not None and strongest not in RELIABILITY_ORDER:
            raise _invalid(f"{where}.strongest_reliability", f"{str(strongest)[:60]!r} is no class")
        for field in POINTS_KEYS & set(value):
            number = value[field]
            if not isinstance(number, int) or isinstance(number, bool) or not 0 <= number <= 100:
                raise _invalid(f"{where}.{field}", "expected a count of points")
