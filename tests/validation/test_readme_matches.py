"""The README says what the validator does: its code table and its YAML notes are
checked against the behaviour (issue 23: it said unquoted no/yes were read as text)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
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
    words += ["eleven", "twelve"]
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


@pytest.mark.parametrize("value", _yaml_note_examples())
def test_each_value_the_yaml_notes_name_is_refused_with_y011(project: Path, value: str) -> None:
    path = project / "data" / "events" / "noted.yaml"
    path.write_text(
        HEADER + f"id: noted\ndate: '2025'\ntitle: {value}\nsummary: s\n" + EVIDENCE,
        encoding="utf-8",
    )
    assert {p.code for p in validate(project, [path]).problems} == {"Y011"}
