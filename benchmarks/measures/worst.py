"""Hostile input: the hardening worst cases, each validated alone in a fresh child.

Every run is paired with a fresh ``plan-dataset --version`` (as one-file validation
is), so each case is compared with the command's own start-up, and the nesting
cases with a plain valid file of the same size.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from context import Bench
from harness import PLAN, Measure, Run, run_child
from markdown import fmt_s, table, verdict
from worst_cases import WorstCase, WorstCases

from measures.single import paired
from plan_dataset.validation.dataset import HINTS_PER_RECORD

PROBLEM = re.compile(r"^.*?:\d+:\d+: ([A-Z]\d{3}) ", re.MULTILINE)
TIMEOUT = 120.0  # seconds: a case that hangs is killed and fails
SLOW_SECONDS = 5.0  # item 5: the 256 KiB file of unknown references, at 5,000 stakeholders
NEAR_FLOOR = 1.5  # item 7: refused at most this many times a fresh --version
NEAR_ZERO_MB = 5.0  # item 7: peak RSS at most this far above a fresh --version's


def check_action(worst: WorstCases, case: WorstCase) -> Callable[[], Run]:
    """Validate the case's file alone; ``inner['ok']`` says whether it was judged right."""
    path = str(case.path(worst.root))

    def action() -> Run:
        command = [PLAN, "--root", str(worst.root), "validate", path]
        run, out, err = run_child(command, check=False, timeout=TIMEOUT)
        # Problems are validate's results, on stdout; its summary is on stderr.
        codes = PROBLEM.findall(out)
        if case.codes:
            ok = run.status == 1 and sorted(codes) == sorted(case.codes * case.count)
        else:
            ok = run.status == 0 and "valid: 1 record file(s)" in err
        hints = out.count("(did you mean")
        ok = ok and not run.inner.get("timed_out") and hints <= HINTS_PER_RECORD
        run.inner.update(ok=ok, problems=len(codes), hints=hints, codes=sorted(set(codes)))
        return run

    return action


def register(bench: Bench, reps: int) -> None:
    worst: WorstCases = bench.worst
    for case in worst.cases:
        bench.plan.add(f"worst/{case.key}", paired(check_action(worst, case)), reps, 0)


INTRO = (
    "Hostile files from the hardening issue (items 1, 5 and 7), written by "
    "`benchmarks/worst_cases.py` into one project folder with 5,000 generated "
    "stakeholders. Each is checked alone, `plan-dataset --root DIR validate "
    "DIR/data/events/<file>`, in a fresh child process, right after its own fresh "
    "`plan-dataset --version` (the floor: the command starting up and checking nothing); "
    "ratios are medians of those pairs. A case counts as judged right only when the "
    "command exits 1 with exactly the expected problems (the plain file: exits 0), within "
    f'{TIMEOUT:.0f} s, and gives at most {HINTS_PER_RECORD} "did you mean" hints. '
    "Targets: a nesting bomb stops at the depth limit (Y010) in no more time (paired "
    "ratio) and memory than the plain valid file of the same size; the 256 KiB file of "
    f"unknown participants validates in under {SLOW_SECONDS:.0f} s; a huge, special or "
    f"linked file is refused at most {NEAR_FLOOR}× the floor's time and "
    f"{NEAR_ZERO_MB:.0f} MB above its peak memory. Size is what `stat` gives (a FIFO "
    "and a link show 0).\n"
)
HEADER = [
    "item",
    "file",
    "what",
    "size",
    "expected",
    "reported",
    "time",
    "floor (paired)",
    "ratio",
    "peak",
    "above floor peak",
    "n",
]


def _floor_peak_mb(measure: Measure) -> float:
    return max(r.inner["floor_peak_kb"] for r in measure.runs) / 1024


def _reported(measure: Measure) -> str:
    last = measure.runs[-1].inner
    if last.get("timed_out"):
        return f"killed after {TIMEOUT:.0f} s"
    codes = ", ".join(last["codes"]) or "valid"
    count = f"{last['problems']:,} × " if last["problems"] > 1 else ""
    hints = f", {last['hints']} hint(s)" if last["hints"] else ""
    judged = "" if all(r.inner["ok"] for r in measure.runs) else " (**wrong**)"
    return f"{count}{codes}{hints}{judged}"


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:,.0f} MiB"
    return f"{size / 1024:,.0f} KiB" if size else "0"


def _row(bench: Bench, case: WorstCase) -> list[str]:
    m = bench.m[f"worst/{case.key}"]
    size = bench.worst.size(case)
    expected = ", ".join(case.codes) if case.codes else "valid"
    if case.count > 1:
        expected = f"{case.count:,} × {expected}"
    return [
        str(case.item),
        f"`{case.name}`",
        case.what,
        _size(size),
        expected,
        _reported(m),
        fmt_s(m.median),
        fmt_s(m.inner_median("floor")),
        f"{m.inner_median('ratio'):.2f}×",
        f"{m.peak_mb:.0f} MB",
        f"{m.peak_mb - _floor_peak_mb(m):+.0f} MB",
        str(m.n),
    ]


def _target(bench: Bench, case: WorstCase) -> tuple[str, bool, str]:
    m = bench.m[f"worst/{case.key}"]
    judged = all(r.inner["ok"] for r in m.runs)
    ratio, peak = m.inner_median("ratio"), m.peak_mb
    if case.item == 1:
        plain = bench.m["worst/plain-valid"]
        base_ratio, base_peak = plain.inner_median("ratio"), plain.peak_mb
        judged = judged and all(r.inner["ok"] for r in plain.runs)
        ok = judged and ratio <= base_ratio and peak <= base_peak
        name = f"worst case 1, {case.what}: stops at Y010, no costlier than a plain valid file"
        detail = f"{ratio:.2f}× vs {base_ratio:.2f}× the floor; {peak:.0f} MB vs {base_peak:.0f} MB"
    elif case.item == 5:
        ok = judged and m.median < SLOW_SECONDS
        name = f"worst case 5, {case.what}: under {SLOW_SECONDS:.0f} s"
        detail = f"{fmt_s(m.median)}; {_reported(m)}"
    else:
        above = peak - _floor_peak_mb(m)
        ok = judged and ratio <= NEAR_FLOOR and above <= NEAR_ZERO_MB
        name = f"worst case 7, {case.what}: refused ({', '.join(case.codes)}) at once"
        detail = f"{ratio:.2f}× the floor (≤ {NEAR_FLOOR}×); {above:+.0f} MB (≤ {NEAR_ZERO_MB:.0f})"
    return name, ok, detail if judged else f"judged wrongly: {_reported(m)}; {detail}"


def section(bench: Bench) -> list[str]:
    if bench.worst is None:
        return []
    cases = bench.worst.cases
    rows = [_row(bench, case) for case in cases]
    targets = [_target(bench, case) for case in cases if case.key != "plain-valid"]
    bench.checks.targets.extend(targets)
    failed = sum(not ok for _name, ok, _detail in targets)
    summary = (
        f"{len(targets) - failed} of {len(targets)} worst-case targets pass"
        + (f", {failed} {verdict(False)}" if failed else "")
        + " (each is listed under Targets below).\n"
    )
    return [
        "## Hostile input: the hardening worst cases\n",
        INTRO,
        table(HEADER, rows) + "\n",
        summary,
    ]
