"""A build with nothing changed skips its work; any change to inputs, code or outputs
means a full build (build_stamp.py)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import run_cli

from plan_dataset import code_digest
from plan_dataset.publish import build_stamp
from plan_dataset.publish.build import build, unchanged_since_last_build
from plan_dataset.publish.outputs import atomic


def _edit(path: Path, change: Callable[[bytes], bytes]) -> Callable[[], None]:
    """Change a file; the returned function puts back its bytes and its time."""
    before, info = path.read_bytes(), path.stat()
    path.write_bytes(change(before))

    def restore() -> None:
        path.write_bytes(before)
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))

    return restore


def test_a_second_build_skips_and_any_change_builds(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert unchanged_since_last_build(project) is None  # no stamp yet
    report, _changed = build(project)
    assert report.ok and (project / atomic.STAMP).is_file()
    records = len(report.records)
    assert unchanged_since_last_build(project) == records

    record = sorted((project / "data" / "events").glob("*.yaml"))[0]
    seed = sorted((project / "seeds").iterdir())[0]
    bundle = project / "src" / "plan_dataset" / "data" / "plan-dataset.json"
    changes: dict[str, tuple[Path, Callable[[bytes], bytes]]] = {
        "a record": (record, lambda b: b + b"# a comment\n"),
        "a record, same size": (record, lambda b: b[:-2] + b"#\n"),
        "an archived text": (seed, lambda b: b + b" "),
        "CITATION.cff": (project / "CITATION.cff", lambda b: b + b"\n"),
        "a table": (project / "tables" / "events.csv", lambda b: b + b"x"),
        "the bundle": (bundle, lambda b: b[:-1]),
    }
    for name, (path, change) in changes.items():
        restore = _edit(path, change)
        assert unchanged_since_last_build(project) is None, name
        restore()
        assert unchanged_since_last_build(project) == records, f"after restoring {name}"

    new_record = project / "data" / "events" / "zz-new.yaml"
    new_record.write_text("id: zz-new\n")
    assert unchanged_since_last_build(project) is None  # a new input
    new_record.unlink()
    leftover = project / "tables" / "leftover.csv"
    leftover.write_text("a file the build would remove\n")
    assert unchanged_since_last_build(project) is None
    leftover.unlink()
    (project / "tables" / "events.csv").rename(project / "events.csv")
    assert unchanged_since_last_build(project) is None  # an output gone
    (project / "events.csv").rename(project / "tables" / "events.csv")
    assert unchanged_since_last_build(project) == records

    monkeypatch.setattr(code_digest, "__version__", "0.0.0-other")  # another code
    assert unchanged_since_last_build(project) is None
    monkeypatch.undo()
    (project / atomic.STAMP).write_text("{not json")
    assert unchanged_since_last_build(project) is None


def test_a_touched_file_is_read_once_then_stamped_again(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file whose bytes are unchanged but whose time is not (a checkout, an edit undone)
    is read to know it; the stamp is then written again, so later builds do not read it."""
    report, _changed = build(project)
    stamp = (project / atomic.STAMP).read_bytes()
    record = sorted((project / "data" / "events").glob("*.yaml"))[0]
    output = project / "tables" / "events.csv"
    earlier = record.stat().st_mtime_ns - 60 * 10**9
    for path in (record, output):
        os.utime(path, ns=(earlier, earlier))  # as `touch`, but far enough in the past
    inputs_read: list[Path] = []
    read = build_stamp.read_regular

    def counted(path: Path, limit: int) -> bytes:
        if build_stamp.PACKAGE not in Path(path).parents:  # not the code digest
            inputs_read.append(Path(path))
        return read(path, limit)

    monkeypatch.setattr(build_stamp, "read_regular", counted)
    assert unchanged_since_last_build(project) == len(report.records)
    assert record in inputs_read and output in inputs_read
    assert (project / atomic.STAMP).read_bytes() != stamp  # stamped again
    inputs_read.clear()
    assert unchanged_since_last_build(project) == len(report.records)
    assert inputs_read == [project / atomic.STAMP]  # the stamp alone
    record.write_bytes(record.read_bytes() + b"# changed\n")
    assert unchanged_since_last_build(project) is None  # and a change still builds


def test_the_command_says_it_skipped_and_force_builds(project: Path) -> None:
    first = run_cli("build", cwd=project)
    assert first.returncode == 0 and first.stdout.startswith("built ")
    second = run_cli("build", cwd=project)
    assert second.returncode == 0, second.stderr
    assert second.stdout.startswith("unchanged since the last build: ")
    forced = run_cli("build", "--force", cwd=project)
    assert forced.returncode == 0 and forced.stdout.startswith("built ")


def test_a_failed_build_after_a_change_leaves_the_stamp_of_the_old_outputs(
    project: Path,
) -> None:
    assert build(project)[0].ok
    stamp = (project / atomic.STAMP).read_bytes()
    broken = project / "data" / "events" / "broken.yaml"
    broken.write_text("id: [\n")
    assert not build(project)[0].ok
    assert (project / atomic.STAMP).read_bytes() == stamp
    assert unchanged_since_last_build(project) is None  # the broken file is an input
    broken.unlink()
    assert unchanged_since_last_build(project) is not None


def test_the_code_digest_follows_every_package_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    package = tmp_path / "plan_dataset"
    shutil.copytree(build_stamp.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(build_stamp, "PACKAGE", package)
    before = build_stamp.code_digest()
    (package / "data" / "plan-dataset.json").write_text("{}")  # an output, not code
    assert build_stamp.code_digest() == before
    model = package / "models" / "core.py"
    model.write_text(model.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert build_stamp.code_digest() != before
