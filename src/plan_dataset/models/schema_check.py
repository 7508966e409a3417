"""A compiled yes/no check of a record against its table's JSON Schema.

jsonschema interprets a schema keyword by keyword for every record, which was about
half of ``validate``'s time. The schemas the models generate use a dozen keywords;
this module compiles such a schema once into nested Python closures that only answer
"valid or not", with jsonschema's semantics for each keyword (Draft 2020-12: ``type``
integer accepts 3.0 and never a boolean; ``pattern`` is ``re.search``; a keyword
applies only to instances of its type).

It decides nothing alone: a record it accepts has no schema errors, and for any other
record the model layer asks jsonschema for the errors and their messages, as before.
A schema with any keyword, or an ``enum`` or ``const`` value, outside what is compiled
here gets no compiled check (``compile_check`` returns None) and is interpreted by
jsonschema alone, so a schema edited by hand is never judged more leniently.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

# Keywords that only annotate: they never make an instance invalid.
_ANNOTATIONS = frozenset({"title", "description", "examples", "default", "$schema", "$comment"})
_TYPES: dict[str, Check] = {
    "string": lambda v: isinstance(v, str),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "null": lambda v: v is None,
    "boolean": lambda v: isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "integer": lambda v: (
        (isinstance(v, int) and not isinstance(v, bool))
        or (isinstance(v, float) and v.is_integer())
    ),
}


class _Unsupported(Exception):
    """The schema uses something this module does not compile."""


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _type(expected: Any) -> Check:
    names = expected if isinstance(expected, list) else [expected]
    if not names or any(not isinstance(n, str) or n not in _TYPES for n in names):
        raise _Unsupported
    checks = [_TYPES[name] for name in names]
    return checks[0] if len(checks) == 1 else (lambda v: any(c(v) for c in checks))


def _members(values: Any) -> tuple[frozenset[str], bool]:
    """The text members of an enum and whether null is one; anything else is refused,
    since jsonschema compares numbers and booleans by rules not repeated here."""
    if not isinstance(values, list):
        raise _Unsupported
    if any(not (isinstance(v, str) or v is None) for v in values):
        raise _Unsupported
    return frozenset(v for v in values if isinstance(v, str)), None in values


def _enum(values: Any) -> Check:
    texts, null = _members(values)
    return lambda v: (isinstance(v, str) and v in texts) or (null and v is None)


def _bound(limit: Any, compare: Callable[[Any, Any], bool], applies: Check) -> Check:
    if not _is_number(limit):
        raise _Unsupported
    return lambda v: not applies(v) or compare(v, limit)


def _object(schema: dict[str, Any]) -> list[Check]:
    checks: list[Check] = []
    properties = schema.get("properties")
    if properties is not None:
        if not isinstance(properties, dict):
            raise _Unsupported
        compiled = {name: compile_schema(sub) for name, sub in properties.items()}
        checks.append(
            lambda v: (
                not isinstance(v, dict)
                or all(check(v[name]) for name, check in compiled.items() if name in v)
            )
        )
    required = schema.get("required")
    if required is not None:
        if not isinstance(required, list) or not all(isinstance(r, str) for r in required):
            raise _Unsupported
        checks.append(lambda v: not isinstance(v, dict) or all(r in v for r in required))
    if "additionalProperties" in schema:
        known = frozenset(properties or ())
        extra = compile_schema(schema["additionalProperties"])
        checks.append(
            lambda v: (
                not isinstance(v, dict)
                or all(extra(item) for key, item in v.items() if key not in known)
            )
        )
    return checks


def _keyword(name: str, value: Any) -> Check | None:
    """The check of one keyword other than the object ones; None for an annotation."""
    if name in _ANNOTATIONS:
        return None
    if name == "type":
        return _type(value)
    if name == "enum":
        return _enum(value)
    if name == "const":
        return _enum([value])
    if name in ("anyOf", "oneOf"):
        if not isinstance(value, list) or not value:
            raise _Unsupported
        branches = [compile_schema(branch) for branch in value]
        if name == "anyOf":
            return lambda v: any(branch(v) for branch in branches)
        return lambda v: sum(1 for branch in branches if branch(v)) == 1
    if name == "items":
        each = compile_schema(value)
        return lambda v: not isinstance(v, list) or all(each(item) for item in v)
    if name == "pattern":
        if not isinstance(value, str):
            raise _Unsupported
        search = re.compile(value).search
        return lambda v: not isinstance(v, str) or search(v) is not None
    lengths: dict[str, tuple[Check, Callable[[int, int], bool]]] = {
        "minLength": (_TYPES["string"], lambda n, limit: n >= limit),
        "maxLength": (_TYPES["string"], lambda n, limit: n <= limit),
        "minItems": (_TYPES["array"], lambda n, limit: n >= limit),
        "maxItems": (_TYPES["array"], lambda n, limit: n <= limit),
    }
    if name in lengths:
        applies, compare = lengths[name]
        if not isinstance(value, int) or isinstance(value, bool):
            raise _Unsupported
        return lambda v: not applies(v) or compare(len(v), value)
    if name == "minimum":
        return _bound(value, lambda v, limit: v >= limit, _is_number)
    if name == "maximum":
        return _bound(value, lambda v, limit: v <= limit, _is_number)
    raise _Unsupported


def compile_schema(schema: Any) -> Check:
    """A yes/no check of one (sub)schema; raises ``_Unsupported``."""
    if schema is True or schema is False:
        verdict = bool(schema)
        return lambda _v: verdict
    if not isinstance(schema, dict):
        raise _Unsupported
    object_keywords = {"properties", "required", "additionalProperties"}
    checks = _object(schema)
    for name, value in schema.items():
        if name not in object_keywords:
            check = _keyword(name, value)
            if check is not None:
                checks.append(check)
    if len(checks) == 1:
        return checks[0]
    return lambda v: all(check(v) for check in checks)


def compile_check(schema: Any) -> Check | None:
    """The compiled check of a whole (inlined) schema, or None when it cannot be made."""
    try:
        return compile_schema(schema)
    except (_Unsupported, re.error, RecursionError, TypeError):
        return None
