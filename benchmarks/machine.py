"""The machine, the installed packages and the code under test.

Another engineer may edit src/ while a run goes on, so the children import a
snapshot of src/plan_dataset taken at the start (first on ``PYTHONPATH``, ahead of
the editable install), and the report says which code that was.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from harness import CHILD_ENV, PROJECT, PY, BenchError, load_average, log, use_snapshot

PACKAGES = (
    "pydantic",
    "pydantic-core",
    "PyYAML",
    "jsonschema",
    "frictionless",
    "pandas",
    "check-jsonschema",
    "plan-dataset",
)

VERSIONS_SCRIPT = """import json, importlib.metadata as m, platform
names = {names!r}
out = {{}}
for n in names:
    try: out[n] = m.version(n)
    except m.PackageNotFoundError: out[n] = 'not installed'
out['python'] = platform.python_version()
print(json.dumps(out))
"""


def _proc_field(path: str, prefix: str) -> str | None:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(prefix):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def machine_details() -> list[tuple[str, str]]:
    cpu = _proc_field("/proc/cpuinfo", "model name") or "unknown"
    mem = _proc_field("/proc/meminfo", "MemTotal")
    memory = f"{int(mem.split()[0]) / 1024 / 1024:.1f} GiB" if mem else "unknown"
    versions = json.loads(
        subprocess.run(
            [PY, "-c", VERSIONS_SCRIPT.format(names=list(PACKAGES))],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    try:
        loads = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        loads = "unknown"
    rows = [
        ("date", dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("CPU (/proc/cpuinfo)", cpu),
        ("cores (os.cpu_count)", str(os.cpu_count())),
        ("memory", memory),
        ("load average at the start (1, 5, 15 min)", loads),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("Python", f"{versions.pop('python')} ({PY})"),
    ]
    rows += [(name, version) for name, version in versions.items()]
    return rows


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def snapshot_source(cache: Path) -> tuple[Path, str]:
    """Copy src/plan_dataset into the cache, retrying until the copy matches the tree."""
    live = PROJECT / "src" / "plan_dataset"
    for _attempt in range(10):
        before = tree_digest(live)
        target = cache / f"src-{before[:16]}"
        if not (target / "plan_dataset").is_dir():
            tmp = cache / f".src-{os.getpid()}"
            shutil.rmtree(tmp, ignore_errors=True)
            shutil.copytree(
                live, tmp / "plan_dataset", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
            )
            if tree_digest(tmp / "plan_dataset") != before:
                shutil.rmtree(tmp)
                time.sleep(2)
                continue
            tmp.rename(target)
        if tree_digest(target / "plan_dataset") == before:
            return target, before
        time.sleep(2)
    raise BenchError("src/plan_dataset keeps changing: no consistent snapshot")


def git_state() -> tuple[str, list[str]]:
    """HEAD and the uncommitted changes under src/ (read-only git commands)."""

    def git(*args: str) -> str:
        result = subprocess.run(
            ["git", "--no-optional-locks", "-C", str(PROJECT), *args],
            capture_output=True,
            text=True,
            check=False,
        )
        return result.stdout.strip()

    head = git("log", "-1", "--format=%h %ad %s", "--date=iso")
    dirty = [line for line in git("status", "--porcelain", "--", "src").splitlines() if line]
    return head or "unknown", dirty


def prepare_code(cache: Path) -> tuple[tuple[str, list[str], str], Path]:
    """Snapshot the code under test and point the children at it.

    Returns ((git HEAD, uncommitted changes, snapshot digest), snapshot folder).
    """
    head, dirty = git_state()
    snapshot, digest = snapshot_source(cache)
    use_snapshot(snapshot, cache)
    where = subprocess.run(
        [PY, "-c", "import plan_dataset; print(plan_dataset.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        env=CHILD_ENV,
        cwd=tempfile.gettempdir(),
    ).stdout.strip()
    if not where.startswith(str(snapshot)):
        raise BenchError(f"children import plan_dataset from {where}, not the snapshot")
    log(f"code under test: {head}; snapshot {snapshot}; load average {load_average():.2f}")
    return (head, dirty, digest), snapshot


def changed_since(digest: str) -> bool:
    changed = tree_digest(PROJECT / "src" / "plan_dataset") != digest
    if changed:
        log("note: src/plan_dataset changed during the run; the snapshot was measured")
    return changed
