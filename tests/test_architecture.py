"""The house rules: data flows one way, outputs come from one registry, the loader is light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from plan_dataset import outputs
from plan_dataset.build import render_outputs
from plan_dataset.cli import parser
from plan_dataset.outputs import Output, register, release_files
from plan_dataset.snapshot import snapshot_of
from plan_dataset.validation import validate

PACKAGE = ROOT / "src" / "plan_dataset"
# Stages, lowest first: a module may import only modules of its own stage or lower.
STAGES: list[tuple[str, ...]] = [
    (  # plain building blocks, standard library only
        "_version", "problems", "evidence", "dates", "countries", "record_base", "records",
        "corroboration", "queries", "rows", "table_columns", "bundle_shape", "citations", "html_view",
        "figures", "results", "question_queries",
        "bundle_reader", "walk", "bounded", "escaping", "same_page",
    ),
    ("yaml_reader", "yaml_composed", "yaml_messages", "provenance"),  # read
    ("models", "schema", "schema_check", "codegen", "scaffold"),  # the single source of truth
    ("validation",),  # check
    ("tables", "table_spec", "corroboration_table", "snapshot", "stats", "frames", "optional_pandas"),
    ("outputs", "reporters"),  # render
    ("build", "build_stamp", "release", "loader", "site", "cli", "__init__", "__main__"),  # commands
]  # fmt: skip


def _stage(module: str) -> int:
    top = module.split(".")[0]
    for number, names in enumerate(STAGES):
        if top in names:
            return number
    raise AssertionError(f"module {module} has no stage: add it to STAGES")


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("plan_dataset")
        ):
            rest = node.module.removeprefix("plan_dataset").lstrip(".")
            if rest:
                found.add(rest)
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("plan_dataset."):
                    found.add(alias.name.removeprefix("plan_dataset."))
    return found


def test_no_stage_imports_a_higher_one() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", ".")
        own = _stage(module)
        for imported in _imports(path):
            assert _stage(imported) <= own, f"{module} (stage {own}) imports {imported}"


def test_no_module_is_large_and_no_function_long() -> None:
    generated = {"records.py", "table_columns.py", "countries.py"}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name in generated:
            continue
        text = path.read_text(encoding="utf-8")
        assert text.count("\n") <= 420, f"{path.name} has {text.count(chr(10))} lines"
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                assert length <= 80, f"{path.name}:{node.name} has {length} lines"


def test_loading_and_every_query_import_no_pydantic() -> None:
    code = """
import sys
import plan_dataset
d = plan_dataset.load()
d.rows("attributions"); d.rows("corroboration")
d.timeline(); d.stance_matrix(); d.trajectory("volodymyr-zelenskyy")
d.positions_on("point-21", include_document=True); d.lineage("point-06")
d.compare("us-28-point-draft", "european-counter-proposal")
d.corroboration(d.provision("point-06"))
d.discrepancies_about("army-size-limit"); d.cited_by("seed-004"); d.positions_by("ukraine")
d.where_questions_stand("2026-01-31"); d.question_history("territory")
d.positions_about("territory"); d.positions_on("point-06", across_versions=True)
d.cite(d.provision("point-06").evidence[0]); d._repr_html_(); d.provisions[0]._repr_html_()
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("pydantic", "yaml", "jsonschema"))
print(heavy)
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]", result.stdout


@pytest.fixture
def throwaway_exporter() -> object:
    output = register(
        Output(
            "throwaway",
            "A throwaway format",
            lambda snapshot: {"count.txt": str(len(snapshot.records["events"])).encode()},
            build_folder="throwaway",
            release_folder="throwaway",
            export=True,
        )
    )
    yield output
    del outputs.OUTPUTS["throwaway"]


def test_a_registered_exporter_reaches_build_release_and_cli(
    throwaway_exporter: object, project: Path
) -> None:
    report = validate(project)
    assert "throwaway/count.txt" in render_outputs(report)
    assert "throwaway/count.txt" in release_files(snapshot_of(report, project))
    export = parser().parse_args(["export", "--format", "throwaway", "--out", "x"])
    assert export.format == "throwaway"
