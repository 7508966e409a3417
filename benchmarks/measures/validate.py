"""Validating a whole corpus: ``plan-dataset validate`` against check-jsonschema."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from context import Bench
from corpora import TABLES, Corpus
from harness import CJS, PLAN, PROJECT, PY, BenchError, Plan, Run, log, run_child
from markdown import fmt_m, fmt_s, table, verdict


def validate_action(corpus: Corpus, *paths: str) -> Callable[[], Run]:
    def action() -> Run:
        run, _out, err = run_child([PLAN, "--root", str(corpus.root), "validate", *paths])
        expected = len(paths) if paths else corpus.size
        if f"valid: {expected} record file(s)" not in err:
            raise BenchError(f"unexpected validate output: {err[-500:]}")
        return run

    return action


def cjs_batches(corpus: Corpus, step: int, per_table: int = 0) -> list[list[str]]:
    """check-jsonschema command lines: one per table, split like xargs under ARG_MAX.

    ``step`` > 1 takes every step-th file of each table (sorted by name);
    ``per_table`` > 0 takes only that many files of each table.
    """
    commands = []
    for table_name in TABLES:
        names = corpus.files(table_name)[::step]
        if per_table:
            names = names[:per_table]
        schema = str(PROJECT / "schema" / f"{table_name}.schema.json")
        batch: list[str] = []
        length = 0
        for name in names:
            relative = f"data/{table_name}/{name}"
            if batch and length + len(relative) + 1 > 100_000:
                commands.append([CJS, "--schemafile", schema, *batch])
                batch, length = [], 0
            batch.append(relative)
            length += len(relative) + 1
        if batch:
            commands.append([CJS, "--schemafile", schema, *batch])
    return commands


def cjs_action(corpus: Corpus, step: int, per_table: int = 0) -> tuple[Callable[[], Run], int, int]:
    commands = cjs_batches(corpus, step, per_table)
    files = sum(len(c) - 3 for c in commands)

    def action() -> Run:
        runs = []
        for command in commands:
            run, out, _ = run_child(command, cwd=corpus.root)
            if "ok -- validation done" not in out:
                raise BenchError(f"check-jsonschema failed: {out[-500:]}")
            runs.append(run)
        total, peak = sum(r.seconds for r in runs), max(r.peak_kb for r in runs)
        return Run(total, peak, load=runs[0].load)

    return action, files, len(commands)


def ensure_check_jsonschema() -> bool:
    if Path(CJS).exists():
        return True
    log("check-jsonschema missing: installing it into the venv")
    result = subprocess.run([PY, "-m", "pip", "install", "-q", "check-jsonschema"], check=False)
    return result.returncode == 0 and Path(CJS).exists()


def register_startup(bench: Bench, reps: int) -> None:
    """Start-up cost of a check-jsonschema call: one call per table on a single file."""
    if not bench.have_cjs:
        return
    action, files, calls = cjs_action(bench.corpora[0], 1, 1)
    bench.cjs_info["startup"] = (files, calls, 1)
    bench.plan.add("cjs/startup", action, reps, 0)


def register_corpus(bench: Bench, corpus: Corpus, reps: int, heavy: int) -> None:
    plan: Plan = bench.plan
    # The scaling target compares validate at 100k with 10k: their repeats come first.
    plan.add(f"validate/{corpus.label}", validate_action(corpus), reps, min(heavy, 1))
    if bench.have_cjs:
        step = max(1, round(corpus.size / bench.args.cjs_files))
        action, files, invocations = cjs_action(corpus, step)
        bench.cjs_info[corpus.label] = (files, invocations, step)
        plan.add(f"cjs/{corpus.label}", action, reps, heavy + 1)


INTRO = (
    "`plan-dataset --root DIR validate` (fresh process) against `check-jsonschema "
    "--schemafile schema/<table>.schema.json DIR/data/<table>/*.yaml` with the project's "
    "own schemas, one invocation per table (split like `xargs` when the argument list "
    "would be too long) and the times summed. check-jsonschema only checks the JSON Schema "
    "layer; `plan-dataset validate` runs the seven layers of `validation.LAYERS`: files "
    "(layout, strict YAML, text hygiene), the Pydantic models and the schema, references, "
    "quote provenance, sourcing, lineage and timeline.\n"
)
HEADER = [
    "corpus",
    "plan-dataset",
    "per record",
    "peak",
    "n",
    "check-jsonschema",
    "files checked",
    "calls",
    "per record",
    "per record without start-up",
    "peak",
    "ours ÷ theirs",
    "ours ≤ theirs",
    "n",
]


def _startup_call(bench: Bench) -> float | None:
    """check-jsonschema's start-up per call, or None without it."""
    if "cjs/startup" not in bench.m:
        return None
    _files, calls, _step = bench.cjs_info["startup"]
    return bench.m["cjs/startup"].median / calls


def _validate_row(bench: Bench, corpus: Corpus, startup_call: float | None) -> list[str]:
    label = corpus.label
    ours = bench.m[f"validate/{label}"]
    per_record = ours.median / corpus.size
    row = [label, fmt_m(ours), f"{per_record * 1e6:.0f} µs", f"{ours.peak_mb:.0f} MB", str(ours.n)]
    if f"cjs/{label}" not in bench.m or startup_call is None:
        return [*row, "not installed", *[""] * 8]
    cj = bench.m[f"cjs/{label}"]
    files, invocations, step = bench.cjs_info[label]
    marginal = (cj.median - invocations * startup_call) / files
    ok = per_record <= marginal
    bench.checks.targets.append(
        (
            f"validate {label}: per record ≤ check-jsonschema",
            ok,
            f"{per_record * 1e6:.0f} µs vs {marginal * 1e6:.0f} µs (theirs without start-up)",
        )
    )
    return [
        *row,
        fmt_m(cj),
        f"{files:,} ({'all' if step == 1 else f'every {step}th'})",
        str(invocations),
        f"{cj.median / files * 1e6:.0f} µs",
        f"{marginal * 1e6:.0f} µs",
        f"{cj.peak_mb:.0f} MB",
        f"{per_record / marginal:.2f}×",
        verdict(ok),
        str(cj.n),
    ]


def _cjs_note(bench: Bench, startup_call: float) -> str:
    return (
        f"check-jsonschema checks about {bench.args.cjs_files:,} files per corpus (every "
        "k-th file of each table, sorted by name; all of them at 1k): it checks each file "
        "independently, so its cost per file does not depend on the corpus, and a full "
        "run at 100k would take about 8 minutes on its own. Its start-up per call "
        f"(median of `check-jsonschema` on one file, once per table: "
        f"{fmt_s(startup_call)} per call, n={bench.m['cjs/startup'].n}) is taken out of its "
        "per-record figure before the comparison, which is the stricter test for "
        "plan-dataset. plan-dataset's figure includes its own start-up.\n"
    )


def _scaling(bench: Bench) -> list[str]:
    labels = [c.label for c in bench.corpora]
    if "10k" not in labels or "100k" not in labels:
        return []
    ratio = bench.m["validate/100k"].median / bench.m["validate/10k"].median
    ok = ratio <= 11
    bench.checks.targets.append(("validate: time at 100k ≤ 11× time at 10k", ok, f"{ratio:.2f}×"))
    return [
        f"Scaling: validate at 100k takes **{ratio:.2f}×** the time at 10k "
        f"(target ≤ 11×: {verdict(ok)}).\n"
    ]


def _memory(bench: Bench) -> list[str]:
    if len(bench.corpora) < 2:
        return []
    a, b = bench.corpora[-2], bench.corpora[-1]
    pa, pb = bench.m[f"validate/{a.label}"].peak_mb, bench.m[f"validate/{b.label}"].peak_mb
    slope = (pb - pa) * 1024 / (b.size - a.size)
    base = pa - slope * a.size / 1024
    return [
        f"Memory: peak RSS of `validate` grows linearly with the corpus, "
        f"**{slope:.1f} KB per record** between {a.label} and {b.label} on top of about "
        f"{base:.0f} MB. The bound this run supports: peak ≈ {base:.0f} MB + "
        f"{slope:.1f} KB × records ({pb:.0f} MB at {b.label}). What grows is the "
        "validated model of every record, which the cross-record layers and the build "
        "need, with one object for each repeated string and field set of a batch of files "
        "(`validation/shared.py`); each file's parsed YAML and value positions are dropped "
        "once its own checks are done, and read again only for a file a later layer faults. "
        "check-jsonschema's peak stays flat, since each call holds only its own batch.\n"
    ]


def section(bench: Bench) -> list[str]:
    startup_call = _startup_call(bench)
    rows = [_validate_row(bench, c, startup_call) for c in bench.corpora]
    out = ["## Validation\n", INTRO, table(HEADER, rows) + "\n"]
    if startup_call is not None:
        out.append(_cjs_note(bench, startup_call))
    return out + _scaling(bench) + _memory(bench)
