"""The compiled schema check (schema_check.py) agrees with jsonschema on every verdict.

A record the compiled check passes is not given to jsonschema, so a check more lenient
than jsonschema would hide an M010. Each table's schema is compiled, and the check's
yes/no is compared with jsonschema's on every real record, every fixture and many
damaged copies of real records (each field dropped, or replaced by values of every
type, at the top level and one level down).
"""

from __future__ import annotations

import copy
import hashlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, ROOT

from plan_dataset.models import MODELS
from plan_dataset.models.schema import SCHEMA_DIR, compiled_check, render_schema, schema_validator
from plan_dataset.models.schema_check import compile_check
from plan_dataset.models.schema_digests import SCHEMA_SHA256
from plan_dataset.read.yaml_reader import read_yaml

REPLACEMENTS: list[Any] = [
    None, 0, 7, -1, 3.0, 2.5, True, False, "", "x", "x" * 5000, "Not A Slug",
    "2025-11-20", "https://example.org/a", [], ["a"], [None], {}, {"x": 1},
]  # fmt: skip
PER_TABLE = 4  # records of each table damaged in every way


def _records(table: str) -> list[dict[str, Any]]:
    paths = sorted((ROOT / "data" / table).glob("*.yaml"))
    paths += sorted((FIXTURES / "valid" / table).glob("*.yaml"))
    paths += sorted((FIXTURES / "invalid" / table).glob("*.yaml"))
    found = []
    for path in paths:
        value = read_yaml(path, path.name).value
        if isinstance(value, dict):
            found.append(value)
    return found


def _damaged(record: dict[str, Any]) -> Iterator[Any]:
    yield {**record, "unknown_field": "x"}
    for key, value in record.items():
        yield {k: v for k, v in record.items() if k != key}
        for replacement in REPLACEMENTS:
            yield {**record, key: replacement}
        inner = value[0] if isinstance(value, list) and value else value
        if isinstance(inner, dict):
            for inner_key in inner:
                for replacement in [*REPLACEMENTS, "__drop__"]:
                    changed = copy.deepcopy(record)
                    target = changed[key][0] if isinstance(value, list) else changed[key]
                    if replacement == "__drop__":
                        del target[inner_key]
                    else:
                        target[inner_key] = replacement
                    yield changed


@pytest.mark.parametrize("table", sorted(MODELS))
def test_the_compiled_check_agrees_with_jsonschema(table: str) -> None:
    validator = schema_validator(table, ROOT / SCHEMA_DIR)
    check = compiled_check(table, ROOT / SCHEMA_DIR)
    assert check is not None, "the models' schema should compile"
    records = _records(table)
    assert records
    values: list[Any] = list(records)
    for record in records[:PER_TABLE]:
        values += list(_damaged(record))
    verdicts = {True: 0, False: 0}
    for value in values:
        expected = not any(True for _ in validator.iter_errors(value))
        assert check(value) == expected, value
        verdicts[expected] += 1
    assert verdicts[True] and verdicts[False], verdicts


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "string", "format": "date"},
        {"prefixItems": [{"type": "string"}]},
        {"enum": [1, 2]},
        {"const": 0},
        {"patternProperties": {"^a": {"type": "string"}}},
        {"properties": {"a": {"$ref": "#/$defs/a"}}},
    ],
)
def test_a_schema_with_anything_else_is_left_to_jsonschema(schema: dict[str, Any]) -> None:
    assert compile_check(schema) is None


def test_keyword_edges_follow_jsonschema() -> None:
    from jsonschema import Draft202012Validator

    cases: list[tuple[dict[str, Any], list[Any]]] = [
        ({"type": "integer"}, [1, 1.0, 1.5, True, "1", None]),
        ({"type": "number"}, [1, 1.5, False, "1"]),
        ({"type": ["string", "null"]}, ["a", None, 0]),
        ({"enum": ["a", None]}, ["a", None, "b", 0, False]),
        ({"minimum": 0, "maximum": 5}, [0, 5, -1, 6, 5.5, "x", True]),
        ({"pattern": "b"}, ["abc", "a", 3]),
        ({"minLength": 2, "maxLength": 3}, ["ab", "a", "abcd", 12]),
        ({"minItems": 1}, [[], [1], "a"]),
        ({"oneOf": [{"type": "integer"}, {"type": "number"}]}, [1, 1.5, "a"]),
        ({"additionalProperties": False, "properties": {"a": True}}, [{"a": 1}, {"b": 1}, []]),
        ({"required": ["a"]}, [{"a": 1}, {}, "a"]),
        ({"items": {"type": "string"}}, [["a"], [1], "a"]),
    ]
    for schema, instances in cases:
        check = compile_check(schema)
        assert check is not None, schema
        for instance in instances:
            expected = Draft202012Validator(schema).is_valid(instance)
            assert check(instance) == expected, (schema, instance)


def test_the_digests_name_schemas_the_metaschema_accepts() -> None:
    """A committed schema with one of these digests is not checked against the metaschema
    when records are validated (schema.py): each must be the models' own, and valid."""
    from jsonschema import Draft202012Validator

    assert set(SCHEMA_SHA256) == set(MODELS)
    for table in MODELS:
        text = render_schema(table).encode("utf-8")
        assert hashlib.sha256(text).hexdigest() == SCHEMA_SHA256[table], table
        Draft202012Validator.check_schema(json.loads(text))


# One file validated in a fresh process: its exit status, then whether jsonschema was imported.
VALIDATE_ONE = """
import sys
from plan_dataset.cli import main
status = main(["--root", sys.argv[1], "validate", sys.argv[2]])
print(status, "jsonschema" in sys.modules)
"""


def _validate_one(root: Path, file: Path) -> tuple[list[str], str]:
    command = [sys.executable, "-c", VALIDATE_ONE, str(root), str(file)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=root)
    return done.stdout.splitlines()[-1].split(), done.stdout + done.stderr


def test_jsonschema_is_imported_only_for_a_changed_schema(small_project: Path) -> None:
    file = sorted((small_project / "data" / "events").glob("*.yaml"))[0]
    assert _validate_one(small_project, file)[0] == ["0", "False"]
    # The same schema in other bytes: checked against the metaschema, with jsonschema.
    schema_file = small_project / "schema" / "events.schema.json"
    schema = json.loads(schema_file.read_text("utf-8"))
    schema_file.write_text(json.dumps(schema), "utf-8")
    assert _validate_one(small_project, file)[0] == ["0", "True"]
    # Damaged: still M012, whichever way the file differs from the generated one.
    schema_file.write_text(json.dumps({**schema, "type": "strin"}), "utf-8")
    (status, _imported), shown = _validate_one(small_project, file)
    assert status == "1" and "schema/events.schema.json:1:1: M012" in shown, shown
