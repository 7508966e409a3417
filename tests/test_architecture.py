"""The house rules: data flows one way, outputs come from one registry, the loader is light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from plan_dataset.cli import parser
from plan_dataset.publish import outputs
from plan_dataset.publish.build import render_outputs
from plan_dataset.publish.outputs import Output, register, release_files
from plan_dataset.publish.snapshot import snapshot_of
from plan_dataset.validation import validate

PACKAGE = ROOT / "src" / "plan_dataset"
# Stages, lowest first: a module may import only modules of its own stage or lower. A
# dotted name (flat.rows) places one module of a package below the rest of it.
# docs/architecture.md shows the same table (test_the_map_shows_these_stages).
STAGES: list[tuple[str, tuple[str, ...]]] = [
    ("building blocks (standard library only)", (
        "_version", "constants", "escaping", "problems", "read.bounded", "records", "evidence",
        "queries", "flat.spec", "flat.rows", "flat.tables", "flat.columns", "flat.optional_pandas",
        "bundle",
    )),
    ("read", ("read", "code_digest")),
    ("models", ("models",)),
    ("check", ("validation",)),
    ("flat tables", ("flat",)),
    ("snapshot", ("publish.snapshot", "publish.stats")),
    ("outputs", ("publish.outputs", "publish.codegen")),
    ("build and release", ("publish",)),
    ("load and commands", ("loader", "site", "cli", "__init__", "__main__")),
]  # fmt: skip


def _stage(module: str) -> int:
    """The stage of the most specific name in STAGES that is the module or holds it."""
    found = [
        (len(name), number)
        for number, (_, names) in enumerate(STAGES)
        for name in names
        if module == name or module.startswith(f"{name}.")
    ]
    if not found:
        raise AssertionError(f"module {module} has no stage: add it to STAGES")
    return max(found)[1]


def test_a_dotted_stage_name_is_more_specific_than_its_package() -> None:
    assert _stage("flat.rows") == 0
    assert _stage("flat.catalog") == _stage("flat") > _stage("models")


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


def _stage_table() -> str:
    rows = [
        f"| {number} | {name} | {', '.join(f'`{m}`' for m in modules)} |"
        for number, (name, modules) in enumerate(STAGES)
    ]
    return "\n".join(["| stage | name | modules |", "|---|---|---|", *rows])


def test_the_map_shows_these_stages() -> None:
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert _stage_table() in doc, "docs/architecture.md's stage table differs from STAGES:\n" + (
        _stage_table()
    )


def test_no_stage_imports_a_higher_one() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", ".")
        own = _stage(module)
        for imported in _imports(path):
            assert _stage(imported) <= own, f"{module} (stage {own}) imports {imported}"


def _module_graph() -> dict[str, set[str]]:
    """Every module of the package and the package modules it imports, at any level of
    the file (functions and ``TYPE_CHECKING`` blocks too: a loop there is still a loop
    for a reader)."""
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        name = ".".join(["plan_dataset", *(parts[:-1] if is_package else parts)])
        modules[name] = (path, is_package)
    graph: dict[str, set[str]] = {}
    for name, (path, is_package) in modules.items():
        package = name if is_package else name.rsplit(".", 1)[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    module = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    module = node.module or ""
                for alias in node.names:
                    submodule = f"{module}.{alias.name}"
                    found.add(submodule if submodule in modules else module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def _loops(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    loops: list[list[str]] = []

    def visit(module: str) -> None:
        order[module] = low[module] = len(order)
        stack.append(module)
        for imported in sorted(graph[module]):
            if imported not in order:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], order[imported])
        if low[module] == order[module]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                loops.append(sorted(group))

    for module in sorted(graph):
        if module not in order:
            visit(module)
    return loops


def test_no_import_loop() -> None:
    assert _loops(_module_graph()) == []


def test_the_loop_finder_finds_a_loop() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _loops(graph) == [["a", "b", "c"]]


def test_no_module_is_large_and_no_function_long() -> None:
    generated = {"records/classes.py", "flat/columns.py", "models/countries.py"}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.relative_to(PACKAGE).as_posix() in generated:
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


def test_typed_frames_import_no_pydantic() -> None:
    # The generated flat/columns.py carries the column types, so to_pandas needs no models.
    pytest.importorskip("pandas")
    code = """
import sys
import plan_dataset
frames = plan_dataset.load().to_pandas()
assert str(frames["corroboration"]["weakly_sourced"].dtype) == "boolean"
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
