"""Hostile files for the hardening worst cases (issue 15, items 1, 5 and 7).

One project folder, cached like the corpora, holds them all next to what they
are compared with:

- item 1, nesting: a 100 KB file of 50,000 nested ``[`` (and as many ``]``),
  16,000 and 50,000 nested block-style ``- - - ...``, and 20,000 nested
  ``{a: {a: ...}}``; beside them a plain valid record file of the same size;
- item 5, "did you mean": 5,000 stakeholders (from the corpus generator, ``synthetic.py``)
  and one event of just under 256 KiB whose participants are all unknown, each a
  near miss of a real id, so every one of them could be given a hint;
- item 7, what must be refused before reading: a record truncated to 1500 MiB
  (``truncate -s 1500M``: sparse, so it costs no disk), a FIFO and a symbolic link
  to ``/dev/zero``.

The same seed gives the same files.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml
from corpora import corpus_key
from generate import header, write_record
from harness import PROJECT, log
from synthetic import Generator, SeedText

from plan_dataset.models import MODELS
from plan_dataset.read.yaml_reader import MAX_FILE_BYTES

STAKEHOLDERS = 5_000
PLAIN_BYTES = 100_000
TRUNCATED_BYTES = 1500 * 1024 * 1024  # truncate -s 1500M


@dataclass
class WorstCase:
    key: str  # the measure's name, after "worst/"
    item: int  # the finding in the hardening issue
    name: str  # file name under data/events/
    what: str  # how the report describes it
    codes: tuple[str, ...] = ()  # the problem codes validation must report (none: valid)
    count: int = 1  # how many problems with those codes

    def path(self, root: Path) -> Path:
        return root / "data" / "events" / self.name


@dataclass
class WorstCases:
    root: Path
    cases: list[WorstCase] = field(default_factory=list)
    generated_seconds: float | None = None  # None: taken from the cache

    def size(self, case: WorstCase) -> int:
        """The file's size as ``stat`` gives it (0 for a FIFO or a link)."""
        path = case.path(self.root)
        return path.lstat().st_size if path.is_file() and not path.is_symlink() else 0


# Item 1: (key, file name, description, text after the schema line).
NESTING = (
    ("flow-lists", "[" * 50_000 + "]" * 50_000, "50,000 nested `[` and their `]` (100 KB)"),
    ("block-lists-16k", "- " * 16_000 + "x\n", "16,000 nested block-style `- - - …` (32 KB)"),
    ("block-lists-50k", "- " * 50_000 + "x\n", "50,000 nested block-style `- - - …` (100 KB)"),
    ("flow-maps", "{a: " * 20_000 + "1" + "}" * 20_000, "20,000 nested `{a: {a: …}}` (100 KB)"),
)


def _dump(table: str, record: dict[str, Any]) -> bytes:
    body = yaml.safe_dump(record, allow_unicode=True, sort_keys=False)
    return (header(table) + body).encode("utf-8")


def _plain_valid(gen: Generator) -> bytes:
    """A valid event of at least PLAIN_BYTES: many evidence items, each a real quote."""
    record = gen.event()
    record["id"] = "worst-plain-valid"
    while len(data := _dump("events", record)) < PLAIN_BYTES:
        record["evidence"] += gen.evidence(20)
    return data


def _unknown_participants(gen: Generator) -> tuple[bytes, int]:
    """An event of at most MAX_FILE_BYTES naming only stakeholders that do not exist."""
    record = gen.event()
    record["id"] = "worst-unknown-participants"
    record["participants"] = []
    left = MAX_FILE_BYTES - len(_dump("events", record)) + len("[]")
    names: list[str] = []
    round_number = 0
    while True:
        for stakeholder in gen.stakeholders:
            name = f"{stakeholder}-gone{round_number}"  # a near miss of a real id
            if left < len(name) + 3:  # "- name\n"
                record["participants"] = names
                data = _dump("events", record)
                assert len(data) <= MAX_FILE_BYTES, len(data)
                return data, len(names)
            names.append(name)
            left -= len(name) + 3
        round_number += 1


def _refused(events: Path, gen: Generator) -> list[WorstCase]:
    huge = events / "worst-truncated-1500m.yaml"
    record = gen.event()
    record["id"] = huge.stem
    huge.write_bytes(_dump("events", record))
    os.truncate(huge, TRUNCATED_BYTES)
    os.mkfifo(events / "worst-fifo.yaml")
    (events / "worst-dev-zero.yaml").symlink_to("/dev/zero")
    return [
        WorstCase("truncated-1500m", 7, huge.name, "a record truncated to 1500 MiB", ("Y009",)),
        WorstCase("fifo", 7, "worst-fifo.yaml", "a FIFO (no writer)", ("F005",)),
        WorstCase("dev-zero-link", 7, "worst-dev-zero.yaml", "a link to `/dev/zero`", ("F005",)),
    ]


def _write(out: Path, seed: int) -> list[WorstCase]:
    """Write the project folder; return its cases."""
    shutil.copytree(PROJECT / "seeds", out / "seeds")
    shutil.copytree(PROJECT / "schema", out / "schema")
    for table in MODELS:
        (out / "data" / table).mkdir(parents=True)
    seeds = []
    for path in sorted((PROJECT / "data" / "sources").glob("seed-*.yaml")):
        (out / "data" / "sources" / path.name).write_bytes(path.read_bytes())
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = (PROJECT / record["path"]).read_text(encoding="utf-8")
        seeds.append(SeedText(record["id"], text))
    gen = Generator(seed, seeds)
    for _ in range(STAKEHOLDERS):
        write_record(out, "stakeholders", gen.stakeholder())
    events = out / "data" / "events"
    cases = []
    for key, text, what in NESTING:
        (events / f"worst-{key}.yaml").write_text(header("events") + text)
        cases.append(WorstCase(key, 1, f"worst-{key}.yaml", what, ("Y010",)))
    (events / "worst-plain-valid.yaml").write_bytes(_plain_valid(gen))
    cases.append(WorstCase("plain-valid", 1, "worst-plain-valid.yaml", "a plain valid record"))
    data, unknown = _unknown_participants(gen)
    (events / "worst-unknown-participants.yaml").write_bytes(data)
    what = f"{unknown:,} unknown participants among {STAKEHOLDERS:,} stakeholders"
    name = "worst-unknown-participants.yaml"
    cases.append(WorstCase("unknown-participants", 5, name, what, ("D002",), unknown))
    return cases + _refused(events, gen)


def ensure_worst_cases(seed: int, cache: Path) -> WorstCases:
    root = cache / f"worst-seed{seed}-{corpus_key(seed, Path(__file__))}"
    described = root / "worst-cases.json"
    if described.is_file():
        cases = [WorstCase(**case) for case in json.loads(described.read_text())]
        for case in cases:
            case.codes = tuple(case.codes)
        return WorstCases(root, cases)
    tmp = cache / f".{root.name}.{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    log(f"generating the worst cases into {root}")
    start = time.perf_counter()
    cases = _write(tmp, seed)
    (tmp / described.name).write_text(json.dumps([asdict(case) for case in cases], indent=1))
    tmp.rename(root)
    return WorstCases(root, cases, time.perf_counter() - start)
