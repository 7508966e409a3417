"""A cProfile of ``validate`` on one corpus, and a plain-language reading of it."""

from __future__ import annotations

import pstats
from pathlib import Path
from typing import Any

from context import Bench, Profile
from corpora import Corpus
from harness import PY, BenchError, run_child
from markdown import fmt_m, fmt_s, table

# The layers' own functions (validation/<module>.py), in the order validate() runs them.
LAYER_FUNCTIONS = (
    ("dataset.py", "check_unique"),
    ("dataset.py", "check_references"),
    ("provenance.py", "check_provenance"),
    ("corroboration.py", "check_sourcing"),
    ("lineage.py", "check_link"),
    ("lineage.py", "check_versions"),
    ("timeline.py", "check_dates"),
    ("timeline.py", "check_same_day_stances"),
)


def profile_validate(corpus: Corpus, out: Path) -> Profile:
    command = ["-m", "plan_dataset", "--root", str(corpus.root), "validate"]
    run, _, err = run_child([PY, "-m", "cProfile", "-o", str(out), *command])
    if f"valid: {corpus.size}" not in err:
        raise BenchError(f"profiled validate failed: {err[-500:]}")
    return Profile(corpus, run.seconds, pstats.Stats(str(out)))


def short_path(filename: str) -> str:
    if "/plan_dataset/" in filename:
        return "plan_dataset/" + filename.rsplit("/plan_dataset/", 1)[1]
    for marker in ("site-packages/", "/src/", "/lib/python3"):
        if marker in filename:
            tail = filename.split(marker, 1)[1]
            return tail if marker != "/lib/python3" else "stdlib/" + tail.split("/", 1)[-1]
    return filename


def function_label(func: tuple[str, int, str]) -> str:
    filename, line, name = func
    if filename == "~":
        return name
    return f"{short_path(filename)}:{line} {name}"


def _entries(stats: pstats.Stats) -> dict[Any, Any]:
    return stats.stats  # type: ignore[attr-defined,no-any-return]


def profile_rows(stats: pstats.Stats, limit: int = 15) -> tuple[float, list[tuple[Any, ...]]]:
    wrappers = ("<frozen runpy>", "<string>", "cProfile.py")
    rows = []
    for func, (cc, nc, tt, ct, _callers) in _entries(stats).items():
        label = function_label(func)
        if func[0].startswith(wrappers) or "builtins.exec" in label or func[2] == "<module>":
            continue
        rows.append((ct, tt, nc, cc, label))
    rows.sort(key=lambda row: row[0], reverse=True)
    total = stats.total_tt  # type: ignore[attr-defined]
    return total, rows[:limit]


def cumulative_of(stats: pstats.Stats, file_suffix: str, name: str) -> float:
    best = 0.0
    for (filename, _line, func), (_cc, _nc, _tt, ct, _c) in _entries(stats).items():
        if func == name and filename.endswith(file_suffix):
            best = max(best, ct)
    return best


def self_of(stats: pstats.Stats, file_suffix: str, name: str) -> float:
    return sum(
        tt
        for (filename, _line, func), (_cc, _nc, tt, _ct, _c) in _entries(stats).items()
        if func == name and filename.endswith(file_suffix)
    )


def calls_of(stats: pstats.Stats, file_suffix: str, name: str) -> int:
    return sum(
        nc
        for (filename, _l, func), (_cc, nc, _tt, _ct, _c) in _entries(stats).items()
        if func == name and filename.endswith(file_suffix)
    )


def section(bench: Bench) -> list[str]:
    profile = bench.profile
    assert profile is not None
    total, rows = profile_rows(profile.stats)
    label = profile.corpus.label
    intro = (
        f"`python -m cProfile -o validate.prof -m plan_dataset --root DIR validate` on the "
        f"{label} corpus: {fmt_s(profile.seconds)} under the profiler "
        f"(median without it: {fmt_m(bench.m[f'validate/{label}'])}; the profiler's overhead is "
        f"largest on many small Python calls, so shares are indicative). Top 15 functions by "
        f"cumulative time; the interpreter's own wrappers (`runpy`, `exec`, module bodies) are "
        f"left out. Profiled total: {total:.2f} s.\n"
    )
    cells = [
        [f"{ct:.2f} s", f"{ct / total * 100:.0f} %", f"{tt:.2f} s", f"{nc:,}", f"`{name}`"]
        for ct, tt, nc, _cc, name in rows
    ]
    return [
        f"## Profile: `validate` at {label}\n",
        intro,
        table(["cumulative", "% of total", "self", "calls", "function"], cells) + "\n",
        profile_reading(profile.stats, total, profile.corpus.size) + "\n",
    ]


class _Reading:
    """Shares of the profiled total, as text."""

    def __init__(self, stats: pstats.Stats, total: float) -> None:
        self.stats, self.total = stats, total

    def pct(self, seconds: float) -> str:
        return f"{seconds / self.total * 100:.0f} %"

    def cum(self, file_suffix: str, name: str) -> float:
        return cumulative_of(self.stats, file_suffix, name)


def _schema_finding(r: _Reading) -> tuple[float, str] | None:
    schema = r.cum("jsonschema/validators.py", "iter_errors")
    if not schema:
        return None
    pydantic = r.cum("pydantic/main.py", "model_validate")
    return (
        schema,
        f"**The second, JSON Schema pass** (`check_model` → jsonschema `iter_errors`, "
        f"{r.pct(schema)}). After Pydantic has accepted a record, `check_model` validates the "
        "same mapping again with a `jsonschema` validator, only to catch a disagreement "
        f"between model and schema (M010). Pydantic's own validation (`model_validate`) "
        f"takes {r.pct(pydantic)}; jsonschema interprets the schema in Python, keyword by "
        "keyword, for every record.",
    )


def _yaml_finding(r: _Reading, records: int) -> tuple[float, str] | None:
    read = r.cum("plan_dataset/read/yaml_reader.py", "read_yaml")
    if not read:
        return None
    parts = [f"**Strict YAML reading** (`read_yaml`, {r.pct(read)})."]
    feed = r.cum("plan_dataset/read/yaml_reader.py", "feed")
    if feed:
        events = calls_of(r.stats, "plan_dataset/read/yaml_reader.py", "feed")
        parse = self_of(r.stats, "yaml/__init__.py", "parse")
        parts.append(
            f"The event builder (`_Builder.feed` and what it calls, {r.pct(feed)}; "
            f"{events / records:.0f} parser events per record) turns each event "
            "into values and position maps in Python"
            + (
                f", on top of the C parser's own event stream (`yaml.parse`, {r.pct(parse)} self)."
                if parse
                else "."
            )
        )
    bounded = r.cum("plan_dataset/read/yaml_reader.py", "_read_bounded")
    read_self = self_of(r.stats, "plan_dataset/read/yaml_reader.py", "read_yaml")
    text = r.cum("plan_dataset/read/yaml_reader.py", "text_problems")
    parts.append(
        f"Opening and reading each file with its size checked first (`_read_bounded`) takes "
        f"{r.pct(bounded)}, `read_yaml`'s own code {r.pct(read_self)} self time, and "
        f"`text_problems` (per string value) {r.pct(text)}."
    )
    return read, " ".join(parts)


def _other_findings(r: _Reading, records: int) -> list[tuple[float, str]]:
    found = []
    validators = r.cum("plan_dataset/models/schema.py", "schema_validator")
    if validators >= r.total * 0.02:
        meta = r.cum("jsonschema/validators.py", "check_schema")
        found.append(
            (
                validators,
                f"**Building the JSON Schema validators** (`schema_validator`, "
                f"{r.pct(validators)}, once per table), of which checking a committed "
                f"schema against the metaschema (`check_schema`) {r.pct(meta)}, so that a "
                "damaged schema file is a coded problem (M012); only a schema whose sha256 "
                "differs from the one the build generated (`schema_digests.py`) is checked.",
            )
        )
    parser = r.cum("plan_dataset/cli/__init__.py", "parser")
    if parser >= r.total * 0.02:
        found.append(
            (
                parser,
                f"**The command line** (`cli.parser`, {r.pct(parser)}): building the "
                "sub-commands' arguments imports what their choices come from (the output "
                "registry).",
            )
        )
    resolve = r.cum("pathlib.py", "resolve")
    if resolve >= r.total * 0.02:
        resolves = calls_of(r.stats, "pathlib.py", "resolve")
        found.append(
            (
                resolve,
                f"**Path resolution** (`Path.resolve`, {r.pct(resolve)}, {resolves / records:.1f} "
                "calls per record): each call does an `lstat` per path component.",
            )
        )
    return found


def profile_reading(stats: pstats.Stats, total: float, records: int) -> str:
    """A plain-language reading of the profile, built from the functions that matter.

    Each finding is stated only when its functions appear in the profile, so the
    text follows the code as it changes.
    """
    r = _Reading(stats, total)
    findings = [f for f in (_schema_finding(r), _yaml_finding(r, records)) if f]
    findings += _other_findings(r, records)
    findings.sort(key=lambda item: item[0], reverse=True)
    shares = [
        (name, r.cum(f"plan_dataset/validation/{module}", name)) for module, name in LAYER_FUNCTIONS
    ]
    layers = ", ".join(f"`{name}` {r.pct(seconds)}" for name, seconds in shares)
    cheap = "are cheap" if sum(s for _n, s in shares) < total * 0.15 else "take"
    index = r.cum("plan_dataset/validation/index.py", "__init__")
    fold = r.cum("plan_dataset/evidence/quotes.py", "_fold")
    top_self = sorted(
        ((tt, function_label(func)) for func, (_cc, _nc, tt, _ct, _c) in _entries(stats).items()),
        reverse=True,
    )[:5]
    record_file = r.cum("plan_dataset/validation/files.py", "check_record_file")
    lines = [
        f"**Reading.** The per-file layers in `check_record_file` take {r.pct(record_file)} of "
        f"the time. The layers that run after them, over the validated models, {cheap}: "
        f"{layers} (folding quotes in `provenance._fold` {r.pct(fold)}), building the "
        f"`DatasetIndex` {r.pct(index)}. In order of cost:",
        "",
        *(f"{number}. {text}" for number, (_share, text) in enumerate(findings, 1)),
        "",
        "Most self time: " + "; ".join(f"`{label}` {r.pct(tt)}" for tt, label in top_self) + ".",
    ]
    return "\n".join(lines)
