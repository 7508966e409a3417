"""The README's quick start runs as written and answers its three questions."""

from __future__ import annotations

import re

from conftest import ROOT


def test_quick_start_code_runs_and_answers() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start for data users", 1)[1].split("\n## ", 1)[0]
    (code,) = re.findall(r"```python\n(.*?)```", section, re.S)
    namespace: dict[str, object] = {}
    lines = code.rstrip().splitlines()
    answers = []
    for line in lines:
        if line.startswith(("point.summary", "[(")):
            answers.append(eval(line, namespace))
        elif line.strip():
            exec(line, namespace)
    summary, terms, corroboration = answers[0]
    assert "600,000" in summary and terms == ["at most 600,000 personnel"]
    assert not corroboration.weakly_sourced
    # The README shows the figure and the corroboration as they print.
    assert f"`{terms!r}`" in " ".join(section.split())
    shown = re.search(r"`(Corroboration\(origins=.*?), origin_ids=\[\.\.\.\]", section, re.S)
    assert shown and repr(corroboration).startswith(" ".join(shown.group(1).split()))
    assert {row[0] for row in answers[1]} == {
        "european-counter-proposal",
        "european-24-point-plan",
        "us-ukraine-20-point-framework",
    }
    dates = [row[0] for row in answers[2] if row[0]]
    assert dates and dates[0].startswith("2025-11") and len({row[2] for row in answers[2]}) > 1
