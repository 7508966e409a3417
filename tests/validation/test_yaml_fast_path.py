"""libyaml's composer (yaml_composed.py) reads exactly what the event-stream reader reads.

The fast path only ever accepts a clean file; anything else goes to the strict reader.
Each case is read both ways and every part of the result must be equal, key order and
position maps included.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

from plan_dataset.read import yaml_composed, yaml_reader
from plan_dataset.read.yaml_reader import YamlRecord, read_yaml

HEADER = "# yaml-language-server: $schema=../../schema/events.schema.json\n"
CASES = {
    "clean": "id: a\ntitle: 'x'\nitems:\n  - 1\n  - b: 2.5\n    c: null\n",
    "flow": "id: a\nlist: [1, 'two', {x: y}]\nmap: {a: 1, 'b': \"c\"}\n",
    "block scalars": "a: |\n  one\n  two\nb: >-\n  folded\n  text\n",
    "numbers": "a: 12\nb: -3\nc: 1.5\nd: .5\ne: true\nf: ~\ng: 2025-11-20\n",
    "merge key is text": "'<<': 1\nb: 2\n",
    "anchor": "a: &x 1\nb: 2\n",
    "alias": "a: &x 1\nb: *x\n",
    "undefined alias": "a: *x\n",
    "tag": "a: !!str 1\n",
    "bare tag": "a: ! 1\n",
    "local tag": "a: !foo bar\n",
    "duplicate key": "a: 1\na: 2\n",
    "integer key": "1: a\n",
    "null key": "~: a\n",
    "list key": "[a]: b\n",
    "yaml 1.1 boolean": "a: yes\n",
    "octal": "a: 0123\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "list": "- a\n- b\n",
    "scalar": "just text\n",
    "empty": "",
    "comment only": "# nothing\n",
    "syntax": "a: [1, 2\n",
    "deep": "a: " + "[" * 14 + "]" * 14 + "\n",
    "deep but allowed": "a: " + "[" * 11 + "]" * 11 + "\n",
    "escaped bidi": 'a: "x\\u202ey"\n',
    "escaped control": 'a: "x\\ay"\n',
    "escaped tab": 'a: "x\\ty"\n',
    "not nfc": 'a: "e\\u0301"\n',
    "formula": "a: '=1+1'\n",
    "formula key": "'=k': 1\n",
    "unicode": "a: Zelenskyy\u2019s «plan» \u2014 28 points\n",
    "crlf": "a: 1\r\nb: two\r\n",
    "emphasis": "a: 'a *b* and **c** & d!'\n",
    "huge integer": "a: 12345678901234567890\n",
}


def _read_both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    def parts(record: YamlRecord) -> tuple[Any, ...]:
        value = record.value
        return (
            value,
            list(value) if isinstance(value, dict) else None,
            list(record.value_marks.items()),
            list(record.key_marks.items()),
            list(record.plain_scalars.items()),
            record.first_line,
            record.problems,
        )

    fast = parts(read_yaml(path, "f.yaml"))
    with monkeypatch.context() as patch:
        patch.setattr(yaml_composed, "compose", lambda _data, _text, _depth: None)
        strict = parts(read_yaml(path, "f.yaml"))
    return fast, strict


@pytest.mark.parametrize("name", sorted(CASES))
def test_both_paths_read_a_case_alike(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes((HEADER + CASES[name]).encode("utf-8"))
    fast, strict = _read_both(path, monkeypatch)
    assert fast == strict


def test_both_paths_read_every_data_file_and_fixture_alike(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = sorted((ROOT / "data").glob("*/*.yaml"))
    files += sorted((ROOT / "tests" / "fixtures").rglob("*.yaml"))
    assert len(files) > 100
    for path in files:
        fast, strict = _read_both(path, monkeypatch)
        assert fast == strict, path


def test_a_clean_file_takes_the_fast_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without this, a fast path that always gave up would pass the tests above."""
    if not yaml_composed.available():
        pytest.skip("PyYAML without libyaml")
    calls = []
    original = yaml_reader._build
    monkeypatch.setattr(yaml_reader, "_build", lambda *a: calls.append(1) or original(*a))
    path = tmp_path / "f.yaml"
    path.write_text(HEADER + CASES["clean"], encoding="utf-8")
    assert read_yaml(path, "f.yaml").value["items"][1] == {"b": 2.5, "c": None}
    assert calls == []
    path.write_text(HEADER + CASES["anchor"], encoding="utf-8")
    assert [p.code for p in read_yaml(path, "f.yaml").problems] == ["Y004"]
    assert calls == [1]


def test_no_nesting_bomb_reaches_libyamls_composer() -> None:
    """PyYAML 6.0's composer recurses in C without a limit: a bomb would kill the process
    (it did, in the lowest-versions run), so the estimate must send every bomb to the
    event-stream reader, and no real record away from the fast path."""
    from plan_dataset.read.yaml_composed import nesting_could_exceed
    from plan_dataset.read.yaml_reader import MAX_DEPTH

    bombs = [
        "id: [" + "[" * 50_000 + "]" * 50_000 + "]\n",
        "id: " + "{a: " * 20_000 + "1" + "}" * 20_000 + "\n",
        "id:\n" + "".join(" " * n + "- x:\n" for n in range(0, 200, 2)),
        "id:\n  " + "- " * 16_000 + "x\n",
    ]
    assert all(nesting_could_exceed(bomb, MAX_DEPTH) for bomb in bombs)
    records = sorted((ROOT / "data").glob("*/*.yaml"))
    deep = [p.name for p in records if nesting_could_exceed(p.read_text("utf-8"), MAX_DEPTH)]
    assert deep == []
