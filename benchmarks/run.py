"""Benchmarks for plan-dataset: load, validation, build, hostile input, and a profile.

    /work/main/.venv/bin/python benchmarks/run.py

Offline. Generates synthetic corpora of 1k, 10k and 100k records with
``benchmarks/generate.py`` (cached in the temp folder by size, seed and a hash
of the generator and its inputs) and the hardening worst cases with
``benchmarks/worst_cases.py``, runs every measurement in a fresh child process,
and writes ``docs/benchmarks.md``.

Every measurement runs once first; further repetitions (up to 5 for the 1k and
10k corpora and 3 for the 100k corpus) run in rounds, cheapest and most
target-relevant first, only while the time budget (``--budget``, 600 s) allows.
The report gives, for every figure, the median and how many runs it comes from.

The modules beside this one: ``harness`` (child runs, measures, the budget),
``machine`` (the machine and the code under test), ``corpora``, ``worst_cases``,
``measures/`` (one module per measure, each with its section of the report),
``profiles`` and ``report``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import profiles
import report
from context import Bench
from corpora import Corpus, ensure_corpus
from harness import PLAN, PROJECT, PY, BenchError, Plan, log, run_child
from machine import changed_since, machine_details, prepare_code
from measures import build, changed, hostile, load, scale, single, validate, worst
from worst_cases import ensure_worst_cases


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--seed", type=int, default=20251119)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "plan-dataset-bench"
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=600.0,
        help="seconds; repetitions after the first stop when it would be exceeded",
    )
    parser.add_argument("--reps-small", type=int, default=5)
    parser.add_argument("--reps-large", type=int, default=3)
    parser.add_argument(
        "--cjs-files",
        type=int,
        default=2000,
        help="check-jsonschema checks every k-th file so that about this many "
        "are checked per corpus (all of them when the corpus is smaller)",
    )
    parser.add_argument("--profile-size", type=int, default=10000)
    parser.add_argument("--out", type=Path, default=PROJECT / "docs" / "benchmarks.md")
    return parser.parse_args(argv)


def warm_up(corpus: Corpus, have_cjs: bool) -> None:
    """Untimed: fills the bytecode cache for everything the children import."""
    run_child(
        [
            PY,
            "-c",
            "import plan_dataset, plan_dataset.cli, plan_dataset.publish.build, "
            "plan_dataset.publish.outputs, plan_dataset.flat.catalog, jsonschema, frictionless, pandas, yaml",
        ]
    )
    run_child([PLAN, "--root", str(corpus.root), "validate"])
    if have_cjs:
        run_child(validate.cjs_batches(corpus, 1, 1)[0], cwd=corpus.root)


def register(bench: Bench, snapshot: Path) -> None:
    """Every measure, each run once as it is added, in the report's order."""
    args = bench.args
    load.register_startup(bench.plan, args.reps_small, snapshot)
    validate.register_startup(bench, args.reps_small)
    for corpus in bench.corpora:
        big = corpus.size >= 100_000
        reps = args.reps_large if big else args.reps_small
        heavy = 3 if big else (1 if corpus.size >= 10_000 else 0)
        build.register_corpus(bench, corpus, reps, heavy)
        validate.register_corpus(bench, corpus, reps, heavy)
        single.register_corpus(bench, corpus, reps)
        changed.register_corpus(bench, corpus, reps, heavy)
        load.register_corpus(bench.plan, corpus, reps)
        scale.register_corpus(bench, corpus, reps, heavy)
    worst.register(bench, args.reps_small)
    hostile.register(bench, args.reps_small)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    plan = Plan()
    args.cache.mkdir(parents=True, exist_ok=True)
    code, snapshot = prepare_code(args.cache)
    machine = machine_details()
    have_cjs = validate.ensure_check_jsonschema()
    corpora = [ensure_corpus(size, args.seed, args.cache) for size in sorted(set(args.sizes))]
    bench = Bench(args, plan, corpora, have_cjs, machine=machine)
    bench.worst = ensure_worst_cases(args.seed, args.cache)
    bench.generation_seconds = plan.elapsed()
    warm_up(corpora[0], have_cjs)
    register(bench, snapshot)
    profile_corpus = next((c for c in corpora if c.size == args.profile_size), corpora[-1])
    log(f"profiling validate at {profile_corpus.label}")
    profile_file = args.cache / f"validate-{profile_corpus.label}.prof"
    bench.profile = profiles.profile_validate(profile_corpus, profile_file)
    bench.first_pass_seconds = plan.elapsed()
    plan.repeat(args.budget)
    bench.total_seconds = plan.elapsed()
    bench.code = (*code, changed_since(code[2]))
    bench.imports = load.import_breakdown()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report.render(bench), encoding="utf-8")
    log(f"wrote {args.out} after {plan.elapsed():.0f} s")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as error:
        log(f"benchmark failed: {error}")
        sys.exit(1)
