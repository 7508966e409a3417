"""Building a corpus: validation, then rendering and writing every output."""

from __future__ import annotations

from collections.abc import Callable

from context import Bench
from corpora import Corpus, remove_build_outputs
from harness import PLAN, BenchError, Run, run_child
from markdown import fmt_m, fmt_s, table


def build_action(corpus: Corpus) -> Callable[[], Run]:
    def action() -> Run:
        remove_build_outputs(corpus.root)  # every timed build writes every output
        run, out, _err = run_child([PLAN, "--root", str(corpus.root), "build"])
        if f"built {corpus.size} records" not in out:
            raise BenchError(f"unexpected build output: {out[:500]}")
        return run

    return action


def register_corpus(bench: Bench, corpus: Corpus, reps: int, heavy: int) -> None:
    bench.plan.add(f"build/{corpus.label}", build_action(corpus), reps, heavy + 1)


INTRO = (
    "`plan-dataset --root DIR build`, with the previous outputs (`tables/`, "
    "`datapackage.json`, the bundle) deleted before each run so that every run renders and "
    "writes everything. Build validates first; the last column is build minus the "
    "validate median, i.e. rendering and writing (a negative value means the difference is "
    "within run-to-run noise).\n"
)


def section(bench: Bench) -> list[str]:
    rows = []
    for c in bench.corpora:
        build = bench.m[f"build/{c.label}"]
        validate = bench.m[f"validate/{c.label}"]
        rows.append(
            [
                c.label,
                fmt_m(build),
                f"{build.median / c.size * 1e6:.0f} µs",
                f"{build.peak_mb:.0f} MB",
                fmt_s(build.median - validate.median),
                str(build.n),
            ]
        )
    header = ["corpus", "build", "per record", "peak", "beyond validation", "n"]
    return ["## Build\n", INTRO, table(header, rows) + "\n"]
