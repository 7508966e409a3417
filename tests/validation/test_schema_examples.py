"""Every example the JSON Schemas show is a real value: it validates, and an id resolves
to a record of the table the field refers to (never a provision id for a stakeholder)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import BaseModel

import plan_dataset
from plan_dataset.models import (
    MODELS,
    LocatorEvidence,
    QuoteEvidence,
    Reconciliation,
    RecordRef,
    Term,
    Variant,
    reference_fields,
)
from plan_dataset.models.schema import json_schema

ALL_MODELS: tuple[type[BaseModel], ...] = (
    *MODELS.values(),
    QuoteEvidence,
    LocatorEvidence,
    Term,
    Reconciliation,
    RecordRef,
    Variant,
)


def _nodes_with_examples(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if "examples" in node:
            yield where, node
        for key, value in node.items():
            yield from _nodes_with_examples(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _nodes_with_examples(value, f"{where}/{index}")


@pytest.mark.parametrize("table", list(MODELS))
def test_every_schema_example_validates_against_its_field(table: str) -> None:
    schema = json_schema(table)
    found = list(_nodes_with_examples(schema))
    assert found, table
    for where, node in found:
        field_schema = {k: v for k, v in node.items() if k != "examples"}
        validator = Draft202012Validator({**field_schema, "$defs": schema.get("$defs", {})})
        for example in node["examples"]:
            errors = [e.message for e in validator.iter_errors(example)]
            assert not errors, (table, where, example, errors)


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_every_reference_example_is_a_record_of_the_right_table(model: type[BaseModel]) -> None:
    dataset = plan_dataset.load()
    for name, marker in reference_fields(model).items():
        assert marker.examples, f"{model.__name__}.{name} has no examples"
        for example in marker.examples:
            if example in marker.reserved:
                continue
            tables = marker.tables or ("provisions",)  # RecordRef: its table example
            assert any((t, example) in dataset._by_id for t in tables), (
                f"{model.__name__}.{name}: {example!r} is not a record of {tables}"
            )


@pytest.mark.parametrize("table", list(MODELS))
def test_every_id_example_is_a_record_of_its_own_table(table: str) -> None:
    example = json_schema(table)["properties"]["id"]["examples"]
    assert example == [MODELS[table].ID_EXAMPLE]  # type: ignore[attr-defined]
    plan_dataset.load().get(table, example[0])


def test_no_reference_field_suggests_a_provision_id_for_another_table() -> None:
    # The issue that prompted this: every slug showed 'army-size-limit'.
    for table in ("sources", "stakeholders", "events", "positions", "documents"):
        assert "army-size-limit" not in str(json_schema(table)), table
    assert str(json_schema("positions")["properties"]["stakeholder"]["examples"]) == (
        "['volodymyr-zelenskyy']"
    )


def test_record_ref_examples_go_together() -> None:
    fields = json_schema("discrepancies")["$defs"]["RecordRef"]["properties"]
    table, record_id = fields["table"]["examples"][0], fields["id"]["examples"][0]
    plan_dataset.load().get(table, record_id)
