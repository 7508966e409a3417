"""Ways to print problems. Checks never print; they hand problems to one of these."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TextIO

from plan_dataset.escaping import for_annotation, for_markdown, for_markdown_code, for_terminal
from plan_dataset.problems import Problem

# Each output kind has one escaping policy, in escaping.py.
_escape_annotation = for_annotation
_escape_text = for_terminal


def report_text(problems: Sequence[Problem], out: TextIO) -> None:
    """One line per problem, ``path:line:col: CODE message``, and nothing else: the
    summary is a diagnostic (``summary()``), so that every line here is a problem."""
    for p in problems:
        path, message = _escape_text(p.path), _escape_text(p.message)
        out.write(f"{path}:{p.line}:{p.column}: {p.code} {message}\n")


def summary(problems: Sequence[Problem], checked_files: int) -> str:
    """The closing line of a text report: how many problems in how many files, or valid."""
    if not problems:
        return f"valid: {checked_files} record file(s)"
    files = len({p.path for p in problems})
    return f"{len(problems)} problem(s) in {files} file(s)"


def report_json(problems: Sequence[Problem], out: TextIO) -> None:
    rows = [
        {"path": p.path, "line": p.line, "column": p.column, "code": p.code, "message": p.message}
        for p in problems
    ]
    json.dump({"valid": not problems, "problems": rows}, out, indent=2, ensure_ascii=False)
    out.write("\n")


def report_github(problems: Sequence[Problem], out: TextIO) -> None:
    for p in problems:
        file = _escape_annotation(p.path, is_property=True)
        title = _escape_annotation(p.code, is_property=True)
        out.write(
            f"::error file={file},line={p.line},col={p.column},title={title}::"
            f"{_escape_annotation(f'{p.code} {p.message}')}\n"
        )


def report_markdown(problems: Sequence[Problem], out: TextIO) -> None:
    """A Markdown table of every problem, e.g. for a CI job summary ($GITHUB_STEP_SUMMARY),
    which shows all of them where annotations stop at the first ten."""
    if not problems:
        out.write("**plan-dataset validate**: no problems.\n")
        return
    files = len({p.path for p in problems})
    out.write(f"**plan-dataset validate**: {len(problems)} problem(s) in {files} file(s)\n\n")
    out.write("| where | code | message |\n|---|---|---|\n")
    for p in problems:
        where = for_markdown_code(f"{p.path}:{p.line}:{p.column}")
        out.write(f"| `{where}` | {for_markdown(p.code)} | {for_markdown(p.message)} |\n")


REPORTERS: dict[str, Callable[[Sequence[Problem], TextIO], None]] = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
    "markdown": report_markdown,
}
