"""Fuzzing the command line in-process with mutated real records (a bounded budget)."""

from __future__ import annotations

import contextlib
import io
import shutil
import time
import unicodedata
from pathlib import Path

import pytest
from conftest import ROOT, copy_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan_dataset.cli import main

RECORDS = sorted((ROOT / "data").glob("*/*.yaml"))[::25]  # a spread over every table
TOKENS = [b"\n", b": ", b"- ", b"[", b"{", b"&a", b"*a", b"!!python/object", b"\t", b'"\\u001b',
          b"\\n::error::x", b"\x00", b"\xff", b"9" * 40, b"1e999", b"yes", b"---\n", b"'", b'"']  # fmt: skip


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("fuzz"))


@st.composite
def mutations(draw: st.DrawFn) -> tuple[Path, bytes]:
    record = draw(st.sampled_from(RECORDS))
    data = bytearray(record.read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "delete", "flip", "duplicate"]))
        if kind == "insert":
            data[at:at] = draw(st.sampled_from(TOKENS))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif kind == "flip" and data:
            data[min(at, len(data) - 1)] = draw(st.integers(0, 255))
        else:
            line_start = data.rfind(b"\n", 0, at) + 1
            line_end = data.find(b"\n", at)
            data[at:at] = data[line_start : line_end if line_end >= 0 else len(data)] + b"\n"
    return record, bytes(data)


@settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(mutations())
def test_mutated_records_never_crash_or_forge(scratch: Path, case: tuple[Path, bytes]) -> None:
    record, data = case
    target = scratch / record.relative_to(ROOT)
    target.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    started = time.monotonic()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["--root", str(scratch), "validate", str(target)])
    finally:
        shutil.copy2(record, target)
    assert time.monotonic() - started < 20
    assert status in (0, 1)
    text = out.getvalue() + err.getvalue()
    assert "Traceback" not in text
    for line in text.splitlines():
        assert not line.startswith("::"), line
        assert all(unicodedata.category(ch) != "Cc" for ch in line), repr(line)
