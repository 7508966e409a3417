"""Validating one changed file, paired with the floor of the command's own start-up."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from context import Bench
from corpora import Corpus
from harness import CHEAP_EXTRA, PLAN, BenchError, Run, run_child
from markdown import fmt_m, fmt_s, table, verdict

from measures.validate import validate_action


def validator_start() -> Run:
    """A fresh ``plan-dataset --version``: the command's start-up, checking nothing."""
    run, out, _err = run_child([PLAN, "--version"])
    if not out.startswith("plan-dataset "):
        raise BenchError(f"unexpected --version output: {out[:200]}")
    return run


def paired(measured: Callable[[], Run]) -> Callable[[], Run]:
    """``measured``, right after its own floor run.

    Timings on this machine drift over a run; a ratio taken within each pair is not
    moved by the drift, so targets use the median of these ratios.
    """

    def action() -> Run:
        floor = validator_start()
        run = measured()
        run.inner.update(
            floor=floor.seconds, ratio=run.seconds / floor.seconds, floor_peak_kb=floor.peak_kb
        )
        return run

    return action


def register_corpus(bench: Bench, corpus: Corpus, reps: int) -> None:
    single = str(corpus.root / "data" / "events" / corpus.files("events")[0])
    bench.singles[corpus.label] = single
    action = paired(validate_action(corpus, single))
    bench.plan.add(f"single/{corpus.label}", action, reps + CHEAP_EXTRA, 0, warm_up=True)


HEADER = [
    "corpus",
    "file",
    "validate one file",
    "floor (paired)",
    "ratio (median of pairs)",
    "above floor",
    "peak",
    "n",
]


def _intro(bench: Bench) -> str:
    cli, imp = bench.m["import-cli"], bench.m["import"]
    return (
        "`plan-dataset --root DIR validate DIR/data/events/<one>.yaml`, against the floor of a "
        "fresh `plan-dataset --version`: the same command starting up, with its Pydantic "
        "models, YAML reader and validation layers imported, and checking nothing. Each "
        "one-file run follows its own floor run, and the ratio is the median of the ratios "
        'within those pairs, since timings on this machine drift during a run. "Near the '
        'floor" is read here as at most 1.5× it, at every corpus size. What is left above '
        "the floor is reading the table's committed schema (its sha256 compared with the one "
        "the build generated, `schema_digests.py`; a schema that differs is checked against "
        "the metaschema with jsonschema, so that a damaged one is M012), and checking the file "
        "and the few records it cites (probed by file name, not by listing the corpus). "
        "jsonschema is imported only for such a schema or a record the compiled check does "
        "not pass, so not here. "
        f"For scale: a fresh `python -c 'import plan_dataset.cli'` takes "
        f"{fmt_m(cli)} (n={cli.n}), and the loader alone, `python -c 'import plan_dataset'`, "
        f"{fmt_m(imp)}: neither imports Pydantic (the commands import what they use when they "
        "build their arguments or run), so neither is a floor for a validator.\n"
    )


def _row(bench: Bench, corpus: Corpus) -> list[str]:
    single = bench.m[f"single/{corpus.label}"]
    floor = single.inner_median("floor")
    ratio = single.inner_median("ratio")
    bench.checks.targets.append(
        (
            f"validate one file at {corpus.label}: ≤ 1.5× a fresh `plan-dataset --version`",
            ratio <= 1.5,
            f"{fmt_s(single.median)} vs {fmt_s(floor)}; median of paired ratios {ratio:.2f}×",
        )
    )
    return [
        corpus.label,
        f"`{Path(bench.singles[corpus.label]).name}`",
        fmt_m(single),
        fmt_s(floor),
        f"{ratio:.2f}×",
        fmt_s(single.median - floor),
        f"{single.peak_mb:.0f} MB",
        str(single.n),
    ]


def _growth(bench: Bench) -> list[str]:
    if len(bench.corpora) < 2:
        return []
    first, last = bench.corpora[0], bench.corpora[-1]
    growth = bench.m[f"single/{last.label}"].median / bench.m[f"single/{first.label}"].median
    name = f"validate one file: time at {last.label} ≤ 1.2× time at {first.label}"
    bench.checks.targets.append((name, growth <= 1.2, f"{growth:.2f}×"))
    return [
        f"Growth with the corpus: one file at {last.label} takes **{growth:.2f}×** "
        f"the time at {first.label} (flat is 1.0×; allowed ≤ 1.2×: "
        f"{verdict(growth <= 1.2)}).\n"
    ]


def section(bench: Bench) -> list[str]:
    rows = [_row(bench, c) for c in bench.corpora]
    heading = "### Validating one changed file\n"
    return [heading, _intro(bench), table(HEADER, rows) + "\n", *_growth(bench)]
