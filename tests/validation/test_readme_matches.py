"""The README says what the validator does: its code table and its YAML notes are
checked against the behaviour (issue 23: it said unquoted no/yes were read as text)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

from plan_dataset.validation import LAYERS, all_codes, validate

README = (ROOT / "README.md").read_text(encoding="utf-8")
ROW = re.compile(r"^\| `([A-Z]\d{3})` \| ([^|]+) \| ([^|]+) \| (`+) ?(.*?) ?\4 \|$", re.MULTILINE)
HEADER = "# yaml-language-server: $schema=../../schema/events.schema.json\n"
EVIDENCE = """evidence:
  - source: seed-004
    quote: Reducing the size of the Ukrainian Armed Forces by half.
    hedge: reported
"""


def test_the_code_table_lists_every_code_as_registered() -> None:
    table = {
        code: (layer, meaning, example) for code, layer, meaning, _, example in ROW.findall(README)
    }
    registered = {c: (i.layer, i.meaning, i.example) for c, i in all_codes().items()}
    assert table == registered


def test_the_layer_count_and_modules_are_the_registered_ones() -> None:
    words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    words += ["eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"]
    assert f"{words[len(LAYERS) - 1].capitalize()} layers run over every file" in README
    for layer in LAYERS:
        module = next(m for m in _layer_modules() if m.LAYER is layer)
        assert f"(`{Path(module.__file__).name}`)" in README, module.__name__


def _layer_modules() -> list:  # type: ignore[type-arg]
    import importlib
    import pkgutil

    import plan_dataset.validation as package

    modules = [
        importlib.import_module(f"{package.__name__}.{m.name}")
        for m in pkgutil.iter_modules(package.__path__)
    ]
    return [m for m in modules if hasattr(m, "LAYER")]


def _yaml_note_examples() -> list[str]:
    """The unquoted values the README's YAML notes say are refused with Y011."""
    start = README.index("YAML 1.1 and 1.2 read differently")
    note = README[start : README.index("(`Y011`)", start)]
    return re.findall(r"`([^`]+)`", note)


def test_the_yaml_notes_name_values_that_are_refused() -> None:
    examples = _yaml_note_examples()
    assert {"012", "no", "yes"} <= set(examples)


def test_each_value_the_yaml_notes_name_is_refused_with_y011(project: Path) -> None:
    paths = {}
    for number, value in enumerate(_yaml_note_examples()):
        path = project / "data" / "events" / f"noted-{number}.yaml"
        path.write_text(
            HEADER + f"id: noted-{number}\ndate: '2025'\ntitle: {value}\nsummary: s\n" + EVIDENCE,
            encoding="utf-8",
        )
        paths[f"data/events/{path.name}"] = value
    found: dict[str, set[str]] = {shown: set() for shown in paths}
    for problem in validate(project, [project / p for p in paths]).problems:
        found[problem.path].add(problem.code)
    assert {paths[shown]: codes for shown, codes in found.items()} == {
        value: {"Y011"} for value in paths.values()
    }


def test_the_readme_states_the_date_range_the_models_enforce() -> None:
    from plan_dataset.models.vocabulary import MAX_YEAR, MIN_YEAR

    assert f"years {MIN_YEAR} to {MAX_YEAR}" in README


def test_the_readme_lists_the_write_codes_atomic_py_raises() -> None:
    source = (ROOT / "src" / "plan_dataset" / "publish" / "outputs" / "atomic.py").read_text(
        encoding="utf-8"
    )
    raised = set(re.findall(r"\b(W\d{3}) ", source))
    listed = set(re.findall(r"^\| `(W\d{3})` \|", README, re.MULTILINE))
    assert raised == listed == {"W001", "W002", "W003"}
