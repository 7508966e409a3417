"""Property-based fuzzing of the writer with injected kills: a writer killed at any
step, then run again, leaves exactly the new files, the user's files untouched and no
debris. ``build`` and ``release`` write only through ``publish/outputs/atomic.py``, so this is
their crash safety; a small root keeps each example well under a second."""

from __future__ import annotations

import json
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan_dataset.publish.outputs import atomic

# atomic.py needs only the standard library: loading it alone keeps each child fast.
WRITER = """
import importlib.util, json, os, sys
from pathlib import Path
spec = importlib.util.spec_from_file_location("atomic", sys.argv[4])
atomic = importlib.util.module_from_spec(spec)
spec.loader.exec_module(atomic)
root, stop, plan = Path(sys.argv[1]), int(sys.argv[2]), json.loads(sys.argv[3])
count = [0]
def tick():
    count[0] += 1
    if count[0] == stop:
        os._exit(9)  # a kill: no cleanup, no rollback
def around(real):
    def wrapped(*args, **kwargs):
        tick()
        result = real(*args, **kwargs)
        tick()
        return result
    return wrapped
for name in ("_journal", "_staged", "_backup", "_make_folders"):
    setattr(atomic, name, around(getattr(atomic, name)))
atomic.os.replace = around(atomic.os.replace)
atomic.os.unlink = around(atomic.os.unlink)
files = {name: text.encode() for name, text in plan["files"].items()}
if plan["single"]:
    atomic.write_file(root / "dist" / "release.zip", b"zip", root=root)
else:
    atomic.switch_files(root, files, [root / name for name in plan["obsolete"]])
"""
USER_FILES = {".env.backup": "mine", "tables/.notes.backup": "mine", "tables/.x.ab12cd34": "mine"}
NAMES = st.sampled_from(["tables/a.csv", "tables/b.csv", "schema/c.json", "d.json"])


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    old=st.dictionaries(NAMES, st.text(min_size=1, max_size=5), max_size=4),
    new=st.dictionaries(NAMES, st.text(min_size=1, max_size=5), min_size=1, max_size=4),
    stop=st.integers(1, 40),
    single=st.booleans(),
)
def test_a_killed_writer_is_repaired_by_the_next(
    tmp_path_factory: object, old: dict[str, str], new: dict[str, str], stop: int, single: bool
) -> None:
    root = tmp_path_factory.mktemp("root")  # type: ignore[attr-defined]
    for name, text in {**old, **USER_FILES}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(text.encode())
    obsolete = sorted(set(old) - set(new))
    plan = {"files": new, "obsolete": obsolete, "single": single}
    killed = subprocess.run(
        [sys.executable, "-c", WRITER, str(root), str(stop), json.dumps(plan), atomic.__file__],
        check=False,
    )
    assert killed.returncode in (0, 9)
    if single:
        atomic.write_file(root / "dist" / "release.zip", b"zip", root=root)
        expected = {**old, **USER_FILES, "dist/release.zip": "zip"}
    else:
        atomic.switch_files(
            root, {n: t.encode() for n, t in new.items()}, [root / n for n in obsolete]
        )
        expected = {**new, **USER_FILES}
    found = {
        p.relative_to(root).as_posix(): p.read_bytes().decode()
        for p in root.rglob("*")
        if p.is_file()
    }
    assert found == expected
