"""``validate --changed`` (the pre-commit hook) against a full ``validate`` of the same corpus."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Callable
from pathlib import Path

from context import Bench
from corpora import Corpus
from harness import CHILD_ENV, PLAN, BenchError, Run, run_child
from markdown import fmt_m, fmt_s, table, verdict

# The issue names no number; this is the one held to: the cache must at least save the
# per-file work, which is most of a full run at every size measured.
TARGET_RATIO = 0.65
# Every edit differs from every earlier one: an edit the cache has seen is not a change.
EDITS = itertools.count()


def _cache_dir(bench: Bench, corpus: Corpus) -> Path:
    """One folder per corpus, so that emptying one for a first run leaves the others."""
    return Path(bench.args.cache) / "validate-cache" / corpus.label


def changed_action(bench: Bench, corpus: Corpus, *, cold: bool) -> Callable[[], Run]:
    """One run after one record file changed (a comment added, so its bytes and hash
    differ), restored afterwards; ``cold`` empties the cache first (a first run)."""
    env = {**CHILD_ENV, "PLAN_DATASET_CACHE_DIR": str(_cache_dir(bench, corpus))}
    edited = corpus.root / "data" / "events" / corpus.files("events")[0]

    def action() -> Run:
        if cold:
            shutil.rmtree(_cache_dir(bench, corpus), ignore_errors=True)
        original = edited.read_bytes()
        edited.write_bytes(original + f"# edited {next(EDITS)}\n".encode())
        try:
            command = [PLAN, "--root", str(corpus.root), "validate", "--changed"]
            run, _out, err = run_child(command, env=env)
        finally:
            edited.write_bytes(original)
        kept = 0 if cold else corpus.size - 1
        expected = [f"valid: {corpus.size} record file(s)", f"{kept} unchanged files taken"]
        if not all(line in err for line in expected):
            raise BenchError(f"unexpected validate --changed output: {err[-500:]}")
        return run

    return action


def register_corpus(bench: Bench, corpus: Corpus, reps: int, heavy: int) -> None:
    plan = bench.plan
    plan.add(f"changed-cold/{corpus.label}", changed_action(bench, corpus, cold=True), 1, heavy)
    warm = changed_action(bench, corpus, cold=False)
    plan.add(f"changed/{corpus.label}", warm, reps, min(heavy, 1), warm_up=True)


INTRO = (
    "`plan-dataset --root DIR validate --changed` right after one record file changed, "
    "against a full `validate` of the same corpus (its median above). It reads only the "
    "changed file again; the other files' per-file results come from the cache "
    "(`validation/cache.py`: SQLite in a cache folder outside the corpus, checked by size, mtime, ctime "
    "and inode, or by sha256 for a file changed in the last two seconds before it was cached), "
    "and every cross-record layer runs over all the records, so its problems are a full "
    "run's (`tests/validation/test_cache.py`). What it cannot save is those layers and the "
    "walk of `data/`. **first run**: the same with the cache emptied, so every file is "
    "checked and kept (its sha256 and mapping written to SQLite). The issue sets no number; "
    f"the target here is at most {TARGET_RATIO}× a full run at 10k and above.\n"
)
HEADER = [
    "corpus",
    "validate --changed",
    "full validate",
    "ratio",
    "peak",
    "n",
    "first run",
    "ratio",
    "peak",
]


def _row(bench: Bench, corpus: Corpus) -> list[str]:
    warm, cold = bench.m[f"changed/{corpus.label}"], bench.m[f"changed-cold/{corpus.label}"]
    full = bench.m[f"validate/{corpus.label}"]
    ratio = warm.median / full.median
    judged = corpus.size >= 10_000  # below, start-up is most of both runs
    if judged:
        bench.checks.targets.append(
            (
                f"validate --changed at {corpus.label}, one file changed: ≤ {TARGET_RATIO}× a "
                "full validate",
                ratio <= TARGET_RATIO,
                f"{fmt_s(warm.median)} vs {fmt_s(full.median)}: {ratio:.2f}×",
            )
        )
    return [
        corpus.label,
        fmt_m(warm),
        fmt_s(full.median),
        f"{ratio:.2f}× ({verdict(ratio <= TARGET_RATIO) if judged else 'no target'})",
        f"{warm.peak_mb:.0f} MB",
        str(warm.n),
        fmt_s(cold.median),
        f"{cold.median / full.median:.2f}×",
        f"{cold.peak_mb:.0f} MB",
    ]


def section(bench: Bench) -> list[str]:
    rows = [_row(bench, c) for c in bench.corpora]
    heading = "### Validating after a change, with the cache (`validate --changed`)\n"
    return [heading, INTRO, table(HEADER, rows) + "\n"]
