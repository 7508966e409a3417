"""Layer 2: the Pydantic model, then the table's JSON Schema, which must agree with it."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from plan_dataset.models import MODELS
from plan_dataset.models.schema import (
    SCHEMA_DIR,
    SchemaDamaged,
    compiled_check,
    schema_file_name,
    schema_validator,
)
from plan_dataset.models.schema_check import Check
from plan_dataset.problems import Problem
from plan_dataset.read.yaml_reader import SAFE_INTEGER, Loc
from plan_dataset.validation.base import CheckedRecord, Code
from plan_dataset.validation.layer import Layer
from plan_dataset.validation.pydantic_errors import loc_text, model_problems

CODES = {
    "M001": Code("model", "unknown field", "unknown field 'sumary' (did you mean 'summary'?)"),
    "M002": Code("model", "missing required field", "missing required field 'summary'"),
    "M003": Code(
        "model",
        "wrong type",
        "location: expected text, got the number 3.1: the unquoted value 3.10 is read as a number, quote it",
    ),
    "M004": Code(
        "model",
        "value not in vocabulary",
        "stance: 'support' is not one of supports, conditional, opposes, unclear (did you mean 'supports'?)",
    ),
    "M005": Code("model", "number out of range", "point_number: must be less than or equal to 100"),
    "M006": Code("model", "bad date", "date: 2025-02-30 is not a calendar date"),
    "M007": Code(
        "model",
        "bad format",
        "participants[0]: 'Kaja_Kallas' is not a lowercase slug (a-z, 0-9, single hyphens between)",
    ),
    "M008": Code("model", "wrong length", "title is empty: write the text"),
    "M010": Code(
        "model",
        "JSON Schema and model disagree",
        "record: the model accepts this but schema/events.schema.json rejects it: 'location' is a required property (after a model change, `plan-dataset build` regenerates the schema)",
    ),
    "M011": Code(
        "model",
        "number outside the safe range",
        "location: 9223372036854775 is beyond 2**53, the largest integer JSON, SQLite and pandas hold",
    ),
    "M012": Code(
        "model",
        "schema file damaged",
        "schema/events.schema.json is not a valid JSON Schema: 'strin' is not valid under any of the given schemas",
    ),
}


def _unsafe_numbers(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Numbers that JSON, SQLite or pandas could not hold exactly: non-finite, or past 2**53."""
    if isinstance(value, bool):
        return
    if isinstance(value, int) and abs(value) > SAFE_INTEGER:
        yield loc, f"{value} is beyond 2**53, the largest integer JSON, SQLite and pandas hold"
    elif isinstance(value, float) and not math.isfinite(value):
        yield loc, f"{value} is not a finite number"
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _unsafe_numbers(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _unsafe_numbers(item, (*loc, index))


def _passes(check: Check | None, raw: Any) -> bool:
    try:
        return check is not None and check(raw)
    except Exception:  # whatever it is, jsonschema judges the record
        return False


def check_model(checked: CheckedRecord, schema_dir: Path | None = None) -> None:
    """The Pydantic model, then the table's JSON Schema, which must agree."""
    model_class = MODELS[checked.table]
    raw = checked.yaml().value
    unsafe = list(_unsafe_numbers(raw))
    for loc, message in unsafe:
        checked.add(loc, "M011", f"{loc_text(loc)}: {message}")
    if unsafe:
        return
    try:
        checked.model = model_class.model_validate(raw, strict=True)
    except ValidationError as error:
        seen: set[tuple[tuple[str | int, ...], str]] = set()
        for item in error.errors(include_url=False):
            for loc, code, message, at_key in model_problems(checked, dict(item)):
                if (loc, code) not in seen:
                    seen.add((loc, code))
                    checked.add(loc, code, message, at_key=at_key)
        return
    schema_file = f"{SCHEMA_DIR}/{schema_file_name(checked.table)}"
    try:
        validator = schema_validator(checked.table, schema_dir)
        # Most records pass: a compiled yes/no check says so cheaply; jsonschema itself
        # finds the errors, and their messages, of any record it does not pass.
        if _passes(compiled_check(checked.table, schema_dir), raw):
            return
        schema_errors = sorted(validator.iter_errors(raw), key=lambda e: list(e.absolute_path))
    except SchemaDamaged as error:
        checked.problems.append(Problem(schema_file, 1, 1, "M012", f"{schema_file} {error}"))
        return
    except Exception as error:  # a bad pattern or unknown type surfaces only while checking
        message = f"{schema_file} cannot be applied: {type(error).__name__}: {error}"
        checked.problems.append(Problem(schema_file, 1, 1, "M012", message))
        return
    if schema_errors:
        first = schema_errors[0]
        loc = tuple(first.absolute_path)
        checked.add(
            loc,
            "M010",
            f"{loc_text(loc)}: the model accepts this but schema/{checked.table}.schema.json "
            f"rejects it: {first.message} (after a model change, `plan-dataset build` "
            "regenerates the schema)",
        )


LAYER = Layer("model", CODES)
