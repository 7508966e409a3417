"""Outputs own only what they wrote (publish/outputs/atomic.py, the only writer).

Debris is known by its journal entry alone; links are never followed when writing or
deleting; one writer at a time per root; a killed run leaves nothing after the next.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run_cli

from plan_dataset.publish.outputs import atomic


@pytest.fixture
def project(small_project: Path) -> Path:
    """Writes, locks, links and kills behave alike whatever the data: the small project."""
    return small_project


# Names that look like the debris of some tool, and belong to the user.
USER_FILES = (
    ".env.backup",
    ".env.database",
    ".eslintrc.original",
    "docs/.draft.personal",
    "schema/.notes.backup",
    "tables/.sources.csv.backup",
    "tables/.events.csv.abcd1234",
    "dist/.plan-dataset-0.1.0.zip.x1y2z3w4",
)


def _plant(project: Path) -> dict[Path, str]:
    planted = {}
    for name in USER_FILES:
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"mine: {name}\n")
        planted[path] = f"mine: {name}\n"
    return planted


def _debris(root: Path) -> list[str]:
    suffixes = (atomic.TEMPORARY_SUFFIX, atomic.BACKUP_SUFFIX)
    found = [p for p in root.rglob("*") if p.name.endswith(suffixes) or p.name == atomic.JOURNAL]
    return sorted(p.relative_to(root).as_posix() for p in found)


def test_user_files_that_look_like_debris_survive_every_build(project: Path) -> None:
    planted = _plant(project)
    assert run_cli("build", cwd=project).returncode == 0
    broken = project / "data" / "events" / "broken.yaml"
    broken.write_text("id: [\n")
    assert run_cli("build", cwd=project).returncode == 1  # a refused build
    broken.unlink()
    assert run_cli("release", cwd=project).returncode == 0
    assert {path: path.read_text() for path in planted} == planted
    assert _debris(project) == []


def test_only_journaled_names_are_removed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("keep")
    (tmp_path / ".a.txt.0011aabb.plan-dataset-new").write_text("not journaled: keep")
    left = tmp_path / ".a.txt.ffeeddcc.plan-dataset-new"
    left.write_text("journaled: debris")
    (tmp_path / atomic.JOURNAL).write_text(f"{left.name}\na.txt\n../outside\n/etc/passwd\n")
    with atomic.writing(tmp_path):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".a.txt.0011aabb.plan-dataset-new",
        "a.txt",
    ]


@pytest.mark.parametrize("linked", ["tables", "schema"])
def test_build_refuses_a_linked_output_folder(project: Path, tmp_path: Path, linked: str) -> None:
    elsewhere = tmp_path / "elsewhere"
    (project / linked).rename(elsewhere)
    (elsewhere / "unrelated.csv").write_text("theirs\n")
    (project / linked).symlink_to(elsewhere, target_is_directory=True)
    before = {p.name: p.read_bytes() for p in elsewhere.iterdir()}
    (elsewhere / next(iter(sorted(before)))).write_bytes(b"stale, but not ours to touch\n")
    before = {p.name: p.read_bytes() for p in elsewhere.iterdir()}
    result = run_cli("build", cwd=project)
    assert result.returncode == 1 and "W001" in result.stderr
    assert {p.name: p.read_bytes() for p in elsewhere.iterdir()} == before


def test_release_refuses_a_linked_dist(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (project / "dist").symlink_to(elsewhere, target_is_directory=True)
    result = run_cli("release", cwd=project)
    assert result.returncode == 1 and "W001" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_new_refuses_a_linked_table_folder(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "events"
    (project / "data" / "events").rename(elsewhere)
    (project / "data" / "events").symlink_to(elsewhere, target_is_directory=True)
    result = run_cli("new", "events", "brand-new-event", cwd=project)
    assert result.returncode != 0
    assert not (elsewhere / "brand-new-event.yaml").exists()


def test_site_refuses_a_linked_subfolder(project: Path, tmp_path: Path) -> None:
    pytest.importorskip("jinja2")
    pytest.importorskip("lunr")
    out = tmp_path / "site"
    assert run_cli("site", "--out", str(out), cwd=project).returncode == 0
    subfolders = sorted(p for p in out.iterdir() if p.is_dir())
    victim = subfolders[0]
    elsewhere = tmp_path / "elsewhere"
    victim.rename(elsewhere)
    (elsewhere / "theirs.txt").write_text("theirs")
    victim.symlink_to(elsewhere, target_is_directory=True)
    before = {p.name: p.read_bytes() for p in elsewhere.iterdir()}
    result = run_cli("site", "--out", str(out), cwd=project)
    assert result.returncode == 1 and "W001" in result.stderr
    assert {p.name: p.read_bytes() for p in elsewhere.iterdir()} == before


def test_export_refuses_a_linked_out_folder(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "out").symlink_to(elsewhere, target_is_directory=True)
    result = run_cli("export", "--format", "csv", "--out", str(tmp_path / "out"), cwd=project)
    assert result.returncode != 0 and "W001" in result.stderr
    assert list(elsewhere.iterdir()) == []


HOLDER = """
import sys, time
from pathlib import Path
from plan_dataset.publish.outputs import atomic
with atomic.writing(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _hold(root: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(root), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


def test_a_second_writer_waits_then_stops_with_a_clear_message(tmp_path: Path) -> None:
    holder = _hold(tmp_path, 5)
    try:
        with pytest.raises(atomic.WriteError, match="W002"), atomic.writing(tmp_path, wait=0.2):
            pass
    finally:
        holder.kill()
        holder.wait()


def test_a_second_writer_waits_for_the_first(tmp_path: Path) -> None:
    holder = _hold(tmp_path, 0.5)
    started = time.monotonic()
    atomic.write_file(tmp_path / "file.txt", b"second")
    assert time.monotonic() - started >= 0.2  # it waited for the holder to finish
    holder.wait()
    assert (tmp_path / "file.txt").read_bytes() == b"second"


def test_concurrent_builds_both_succeed_and_leave_no_debris(project: Path) -> None:
    for name in ("events.csv", "sources.csv"):
        (project / "tables" / name).write_text("old\n")
    command = [sys.executable, "-m", "plan_dataset", "build"]
    builds = [subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL) for _ in range(2)]
    assert [build.wait() for build in builds] == [0, 0]
    assert _debris(project) == []
    assert (project / "tables" / "events.csv").read_text() != "old\n"


# A release killed at each step: before, between and after the journal, the temporary
# file and the rename. The next release (or build) leaves no debris.
RELEASE_KILLER = """
import os, sys
from pathlib import Path
from plan_dataset.publish.outputs import atomic
stop, count = int(sys.argv[2]), [0]
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
atomic._journal = around(atomic._journal)
atomic._staged = around(atomic._staged)
atomic.os.replace = around(atomic.os.replace)
from plan_dataset.cli import main
sys.exit(main(["--root", sys.argv[1], "release"]))
"""


# Steps: 3 after the journal entry, 4 after the temporary file, 6 after the rename.
@pytest.mark.parametrize("stop", [3, 4, 6])
def test_a_killed_release_leaves_no_debris_after_the_next(project: Path, stop: int) -> None:
    planted = _plant(project)
    killed = subprocess.run(
        [sys.executable, "-c", RELEASE_KILLER, str(project), str(stop)], check=False
    )
    assert killed.returncode in (0, 9)
    assert run_cli("release", cwd=project).returncode == 0
    assert _debris(project) == []
    assert {path: path.read_text() for path in planted} == planted


def test_threads_of_one_process_take_turns(tmp_path: Path) -> None:
    import threading

    inside: list[int] = []
    overlaps: list[bool] = []

    def writer(number: int) -> None:
        with atomic.writing(tmp_path):
            inside.append(number)
            overlaps.append(len(inside) > 1)
            time.sleep(0.05)
            inside.remove(number)
            atomic.write_file(tmp_path / f"{number}.txt", b"x")  # re-entrant in one thread

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert overlaps == [False] * 4
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{n}.txt" for n in range(4)]


def test_a_drawn_name_that_is_taken_is_never_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken = tmp_path / ".a.txt.00000000.plan-dataset-new"
    taken.write_text("someone else's")
    tokens = iter(["00000000", "11111111"])
    monkeypatch.setattr(atomic.secrets, "token_hex", lambda _n: next(tokens))
    real_replace = atomic.os.replace

    def killed(*_args: object) -> None:
        raise KeyboardInterrupt  # stands in for a kill before the rename

    monkeypatch.setattr(atomic.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_file(tmp_path / "a.txt", b"new")
    monkeypatch.setattr(atomic.os, "replace", real_replace)
    (tmp_path / atomic.JOURNAL).write_text(
        f"{taken.name}\n!{taken.name}\n.a.txt.11111111.plan-dataset-new\n"
    )  # what the journal held when the kill came
    with atomic.writing(tmp_path):
        pass
    assert taken.read_text() == "someone else's"
