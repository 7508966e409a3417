"""JSON Schemas generated from the models, one per table (``schema/<table>.schema.json``)."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from typing import TYPE_CHECKING, Any

from plan_dataset.models import MODELS
from plan_dataset.models.schema_check import Check, compile_check
from plan_dataset.models.schema_digests import SCHEMA_SHA256
from plan_dataset.read.bounded import MAX_SCHEMA_BYTES, NotRegular, TooLarge, read_regular

if TYPE_CHECKING:
    from pathlib import Path

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = "schema"  # under the project root


def schema_file_name(table: str) -> str:
    return f"{table}.schema.json"


def schema_header_line(table: str) -> str:
    """The first line every record file carries, so editors find its schema."""
    return f"# yaml-language-server: $schema=../../schema/{schema_file_name(table)}"


@cache
def json_schema(table: str) -> dict[str, Any]:
    body = MODELS[table].model_json_schema()
    return {"$schema": JSON_SCHEMA_DIALECT, **body}


def render_schema(table: str) -> str:
    return json.dumps(json_schema(table), indent=2, ensure_ascii=False) + "\n"


def inline_references(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with every local ``$ref`` replaced by its definition.

    The models have no recursive types, so this always ends; validating against
    the inlined copy skips jsonschema's per-reference resolver work.
    """
    definitions = schema.get("$defs", {})

    def inline(node: Any) -> Any:
        if isinstance(node, list):
            return [inline(item) for item in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            target = definitions[node["$ref"].rsplit("/", 1)[-1]]
            siblings = {k: v for k, v in node.items() if k != "$ref"}
            return {**inline(target), **inline(siblings)}
        return {k: inline(v) for k, v in node.items() if k != "$defs"}

    inlined: dict[str, Any] = inline(schema)
    return inlined


class SchemaDamaged(ValueError):
    """A committed schema file that cannot be used; the message says what is wrong."""


class _Validator:
    """jsonschema's Draft 2020-12 validator of a checked schema, built on first use.

    Most records pass the compiled check (``compiled_check``), and importing jsonschema
    and building its validator cost more than checking one file: only a record that
    check does not pass needs it (``iter_errors``, ``is_valid``... are jsonschema's)."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self._built: Any = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or "schema" not in vars(self):
            raise AttributeError(name)  # what copy and pickle probe for, before any state
        built = vars(self).get("_built")
        if built is None:
            from jsonschema import Draft202012Validator

            built = self._built = Draft202012Validator(vars(self)["schema"])
        return getattr(built, name)


def _check_against_metaschema(schema: dict[str, Any]) -> None:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        raise SchemaDamaged(f"is not a valid JSON Schema: {error.message}") from None


def _committed(table: str, schema_dir: Path) -> tuple[Any, bool]:
    """The committed schema file's JSON (None when it is missing or unreadable), and
    whether its bytes are those the build generated from the models (``SCHEMA_SHA256``)."""
    file = schema_dir / schema_file_name(table)
    try:
        data = read_regular(file, MAX_SCHEMA_BYTES)
        schema = json.loads(data.decode("utf-8"))
    except NotRegular as error:
        raise SchemaDamaged(str(error)) from None
    except TooLarge as error:
        raise SchemaDamaged(str(error)) from None
    except (OSError, UnicodeDecodeError):
        return None, False  # missing or unreadable: generated from the model instead
    except (ValueError, RecursionError) as error:
        raise SchemaDamaged(f"is not valid JSON: {error}") from None
    if not isinstance(schema, dict):
        raise SchemaDamaged("is not a JSON object")
    return schema, hashlib.sha256(data).hexdigest() == SCHEMA_SHA256.get(table)


@cache
def schema_validator(table: str, schema_dir: Path | None = None) -> Any:
    """A validator for one table's records, from ``schema_dir`` when it holds the schema.

    The committed file is what editors and other validators use, so records are
    checked against it; reading it is also far cheaper than generating the schema
    from the model, which matters when one file is checked. Without a readable
    file, the schema is generated. The build rewrites the files and its staleness
    check fails when they differ from the models.

    A file whose bytes are exactly those the build generated (their sha256 is in
    ``schema_digests.py``) was checked then: against the metaschema by the tests, and
    its patterns are the models'. Any other file is checked here, with jsonschema
    (``SchemaDamaged``: reported as M012). jsonschema itself is imported only when a
    schema needs that check or a record needs its errors (``_Validator``).
    """
    schema, generated = _committed(table, schema_dir) if schema_dir is not None else (None, False)
    if schema is not None and not generated:
        _refuse_unknown_patterns(schema)
    if schema is None:
        schema = json_schema(table)
    try:
        if not generated:
            _check_against_metaschema(schema)
        return _Validator(inline_references(schema))
    except (KeyError, RecursionError, TypeError, AttributeError) as error:
        raise SchemaDamaged(f"has a $ref that cannot be resolved: {error!r}") from None


@cache
def compiled_check(table: str, schema_dir: Path | None = None) -> Check | None:
    """A fast yes/no check against the same schema as ``schema_validator`` (see
    ``schema_check.py``), or None when the schema has something it does not compile."""
    return compile_check(schema_validator(table, schema_dir).schema)


def _patterns(schema: Any) -> set[str]:
    """Every regular expression a schema holds (``pattern``, ``patternProperties``)."""
    found: set[str] = set()
    pending = [schema]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                found.add(node["pattern"])
            if isinstance(node.get("patternProperties"), dict):
                found.update(str(key) for key in node["patternProperties"])
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return found


@cache
def model_patterns() -> frozenset[str]:
    """The patterns the models generate: the only ones a committed schema may run."""
    return frozenset().union(*(_patterns(json_schema(table)) for table in MODELS))


def _refuse_unknown_patterns(schema: dict[str, Any]) -> None:
    """A committed schema is input too: Python's regex engine has no time bound, so a
    pattern the models do not generate (say ``(a+)+$``) could hang validation. Only
    known patterns run; another one means the file was edited, and the build rewrites it."""
    unknown = sorted(_patterns(schema) - model_patterns())
    if unknown:
        shown = unknown[0] if len(unknown[0]) <= 80 else unknown[0][:80] + "…"
        raise SchemaDamaged(
            f"has a pattern the models do not generate ({shown!r}), which could run without "
            "end: `plan-dataset build` rewrites the schema"
        )


def field_names_at(table: str, loc: tuple[str | int, ...]) -> set[str]:
    """Property names the schema allows for the mapping at ``loc`` (for "did you mean")."""
    schema = json_schema(table)
    definitions = schema.get("$defs", {})

    def expand(node: dict[str, Any]) -> list[dict[str, Any]]:
        if "$ref" in node:
            return expand(definitions[node["$ref"].rsplit("/", 1)[-1]])
        branches = node.get("anyOf") or node.get("oneOf")
        if branches:
            return [leaf for branch in branches for leaf in expand(branch)]
        return [node]

    nodes = expand(schema)
    for part in loc:
        next_nodes: list[dict[str, Any]] = []
        for node in nodes:
            if isinstance(part, int) and "items" in node:
                next_nodes.extend(expand(node["items"]))
            elif isinstance(part, str) and part in node.get("properties", {}):
                next_nodes.extend(expand(node["properties"][part]))
        nodes = next_nodes
    return {name for node in nodes for name in node.get("properties", {})}
