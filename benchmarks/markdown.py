"""Formatting for the report: durations, verdicts and Markdown tables."""

from __future__ import annotations

from harness import Measure


def fmt_s(seconds: float) -> str:
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s"


def fmt_m(measure: Measure) -> str:
    return f"{fmt_s(measure.median)}"


def verdict(ok: bool) -> str:
    return "**pass**" if ok else "**FAIL**"


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
