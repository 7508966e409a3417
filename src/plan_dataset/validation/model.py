"""Layer 2: the Pydantic model, then the table's JSON Schema, which must agree with it."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from plan_dataset.models import MODELS
from plan_dataset.schema import schema_validator
from plan_dataset.validation.base import CheckedRecord, Code, Layer
from plan_dataset.validation.pydantic_errors import loc_text, model_problem

CODES = {
    "M001": Code("model", "unknown field", "unknown field 'titel' (did you mean 'title'?)"),
    "M002": Code("model", "missing required field", "missing required field 'summary'"),
    "M003": Code("model", "wrong type", "expected a string, got a number: quote the value 3.10"),
    "M004": Code(
        "model",
        "value not in vocabulary",
        "'support' is not one of supports, conditional, opposes, unclear (did you mean 'supports'?)",
    ),
    "M005": Code("model", "number out of range", "point_number must be at most 100"),
    "M006": Code("model", "bad date", "2025-02-30 is not a calendar date"),
    "M007": Code("model", "bad format", "'Army_Size' is not a lowercase slug"),
    "M008": Code("model", "wrong length", "evidence needs at least 1 item"),
    "M009": Code(
        "model", "record rule broken", "a speculative provision may only cite speculative evidence"
    ),
    "M010": Code(
        "model",
        "JSON Schema and model disagree",
        "the model accepts what schema/x.schema.json rejects",
    ),
}


def check_model(checked: CheckedRecord, schema_dir: Path | None = None) -> None:
    """The Pydantic model, then the table's JSON Schema, which must agree."""
    model_class = MODELS[checked.table]
    raw = checked.yaml().value
    try:
        checked.model = model_class.model_validate(raw, strict=True)
    except ValidationError as error:
        seen: set[tuple[tuple[str | int, ...], str]] = set()
        for item in error.errors(include_url=False):
            loc, code, message, at_key = model_problem(checked, dict(item))
            if (loc, code) not in seen:
                seen.add((loc, code))
                checked.add(loc, code, message, at_key=at_key)
        return
    schema_errors = sorted(
        schema_validator(checked.table, schema_dir).iter_errors(raw),
        key=lambda e: list(e.absolute_path),
    )
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
