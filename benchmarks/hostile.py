"""The hostile worst cases of issue 23, each timed and measured in a fresh child process.

    /work/main/.venv/bin/python benchmarks/hostile.py [--case NAME ...] [--reps N]

Cases (each built in a temporary folder):

- ``zip-bomb``: a 300 MiB bundle of zeros deflated into a small release zip, given to
  ``load()``; refused unread (``BundleInvalid``).
- ``huge-seed``: a 3 GiB (sparse) archived seed behind one source record, validated
  alone; a coded problem (``P003``), no ``MemoryError``.
- ``deep-tree``: 1,500 nested folders under ``data/events``, the whole of ``data/``
  validated; the walk stops at its depth limit (``F004``), no ``RecursionError``.
- ``redos-pattern``: a committed schema whose ``title`` pattern is ``^(a+)+$`` and a record
  that would make it backtrack for ever; refused as a damaged schema (``M012``).
- ``long-chain``: 600 sources, each relaying the next (``origin``), validated whole;
  the chain is walked in linear time.

Target, from the issue: at most 2 s and 200 MB each (wall time and peak RSS of the
child, which includes the interpreter's start-up). Prints one line per case and exits
1 when a case misses its target or is judged wrongly.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from harness import PLAN, PROJECT, PY, Run, run_child

from plan_dataset.bundle import NAME as BUNDLE_NAME

TARGET_SECONDS = 2.0
TARGET_MB = 200.0
TIMEOUT = 60.0
HEADER = "# yaml-language-server: $schema=../../schema/{table}.schema.json\n"


@dataclass
class Case:
    """How to build a case in a folder, the command that meets it, and what must be said."""

    build: Callable[[Path], list[str]]
    expect: str  # a string the child's output must hold (a code, or the error's name)


def _minimal_project(root: Path) -> None:
    """A project with the real schemas and nothing else, for cases that need few records."""
    (root / "data").mkdir(parents=True)
    shutil.copytree(PROJECT / "schema", root / "schema")
    (root / "seeds").mkdir()


def _zip_bomb(root: Path) -> list[str]:
    root.mkdir(parents=True)
    path = root / "plan-dataset-9.9.9.zip"
    chunk = b"\0" * (1 << 20)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open(BUNDLE_NAME, "w") as member,
    ):
        for _ in range(300):  # 300 MiB of zeros deflate to about 300 KiB
            member.write(chunk)
    program = (
        "import sys, plan_dataset\n"
        "try:\n    plan_dataset.load(sys.argv[1])\nexcept plan_dataset.BundleInvalid as e:\n"
        "    print('BundleInvalid', e)\n"
    )
    return [PY, "-c", program, str(path)]


def _huge_seed(root: Path) -> list[str]:
    _minimal_project(root)
    seed = root / "seeds" / "huge.txt"
    with open(seed, "wb") as stream:
        stream.truncate(3 * 1024 * 1024 * 1024)  # sparse: costs no disk
    record = root / "data" / "sources" / "huge-seed.yaml"
    record.parent.mkdir()
    record.write_text(
        HEADER.format(table="sources")
        + 'id: "huge-seed"\ntitle: "A huge archive"\nkind: "news_report"\n'
        'path: "seeds/huge.txt"\nsha256: "' + "ab" * 32 + '"\nurl: null\npublisher: null\n'
        'published: null\nretrieved: "2025-11-21"\nreliability: "wire"\norigin: null\n'
        'caveats: null\nnotes: null\nevidence:\n  - source: "huge-seed"\n'
        '    quote: "some words"\n    hedge: "asserted"\n    attributed_to: null\n',
        encoding="utf-8",
    )
    return [PLAN, "--root", str(root), "validate", str(record)]


def _deep_tree(root: Path) -> list[str]:
    _minimal_project(root)
    deep = root / "data" / "events"
    deep.mkdir()
    handle = os.open(deep, os.O_RDONLY)
    try:
        for _ in range(1500):  # by descriptor: deeper than a path may be written
            os.mkdir("d", dir_fd=handle)
            inner = os.open("d", os.O_RDONLY, dir_fd=handle)
            os.close(handle)
            handle = inner
    finally:
        os.close(handle)
    return [PLAN, "--root", str(root), "validate", str(root / "data")]


def _redos_pattern(root: Path) -> list[str]:
    _minimal_project(root)
    schema_path = root / "schema" / "events.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["properties"]["title"]["pattern"] = "^(a+)+$"
    schema_path.write_text(json.dumps(schema), encoding="utf-8")
    record = root / "data" / "events" / "slow.yaml"
    record.parent.mkdir()
    record.write_text(
        HEADER.format(table="events")
        + "id: slow\ndate: '2025'\ntitle: "
        + "a" * 64
        + "!\nsummary: s\nevidence:\n  - source: nowhere\n    locator: top\n"
        "    paraphrase: p\n    hedge: reported\n",
        encoding="utf-8",
    )
    return [PLAN, "--root", str(root), "validate", str(record)]


def _long_chain(root: Path, length: int = 600) -> list[str]:
    _minimal_project(root)
    folder = root / "data" / "sources"
    folder.mkdir()
    for number in range(length):
        origin = f'"chain-{number + 1:04d}"' if number + 1 < length else "null"
        (folder / f"chain-{number:04d}.yaml").write_text(
            HEADER.format(table="sources")
            + f'id: "chain-{number:04d}"\ntitle: "Relay {number}"\nkind: "news_report"\n'
            f'path: null\nsha256: null\nurl: "https://relay-{number}.example/story"\n'
            'publisher: null\npublished: null\nretrieved: "2025-11-21"\n'
            f'reliability: "republisher"\norigin: {origin}\ncaveats: null\nnotes: null\n'
            f'evidence:\n  - source: "chain-{number:04d}"\n    locator: "headline"\n'
            '    paraphrase: "The page relays the next one."\n    hedge: "reported"\n'
            "    attributed_to: null\n",
            encoding="utf-8",
        )
    return [PLAN, "--root", str(root), "validate"]


CASES = {
    "zip-bomb": Case(_zip_bomb, "BundleInvalid"),
    "huge-seed": Case(_huge_seed, "P003"),
    "deep-tree": Case(_deep_tree, "F004"),
    "redos-pattern": Case(_redos_pattern, "M012"),
    "long-chain": Case(_long_chain, "valid: 600 record file(s)"),
}


def _remove_deep(folder: Path) -> None:
    """Remove a tree too deep for shutil.rmtree (which recurses), one level at a time."""
    top = folder / "data" / "events"
    while (top / "d").is_dir():
        if (top / "d" / "d").is_dir():
            os.rename(top / "d" / "d", top / "lifted")
            os.rmdir(top / "d")
            os.rename(top / "lifted", top / "d")
        else:
            os.rmdir(top / "d")


def measure(name: str, work: Path) -> tuple[Run, bool]:
    """Build one case, run its command once in a fresh child; (the run, judged right)."""
    case = CASES[name]
    command = case.build(work / name)
    run, stdout, stderr = run_child(command, check=False, timeout=TIMEOUT)
    judged = case.expect in stdout + stderr and not run.inner.get("timed_out")
    _remove_deep(work / name)
    shutil.rmtree(work / name)
    return run, judged


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", nargs="+", choices=sorted(CASES), default=list(CASES))
    parser.add_argument("--reps", type=int, default=1)
    args = parser.parse_args(argv)
    failed = False
    floor, _, _ = run_child([PLAN, "--version"])
    print(
        f"{'floor':14} {floor.seconds:6.2f} s {floor.peak_kb / 1024:7.1f} MB  (plan-dataset --version)"
    )
    with tempfile.TemporaryDirectory(prefix="plan-dataset-hostile-") as folder:
        for name in args.case:
            runs = []
            for rep in range(args.reps):
                run, judged = measure(name, Path(folder) / f"rep{rep}")
                runs.append((run, judged))
            seconds = sorted(r.seconds for r, _ in runs)[len(runs) // 2]
            peak_mb = max(r.peak_kb for r, _ in runs) / 1024
            ok = all(judged for _, judged in runs)
            within = seconds <= TARGET_SECONDS and peak_mb <= TARGET_MB
            failed |= not (ok and within)
            print(
                f"{name:14} {seconds:6.2f} s {peak_mb:7.1f} MB  "
                f"{'judged right' if ok else 'JUDGED WRONG'}  "
                f"{'within' if within else 'MISSES'} {TARGET_SECONDS:g} s / {TARGET_MB:g} MB"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
