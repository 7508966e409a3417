"""Synthetic corpora: generated once by ``generate.py`` and cached by size, seed and inputs."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from harness import BENCH, PROJECT, PY, BenchError, log, run_child

from plan_dataset.models import MODELS
from plan_dataset.publish.build import BUNDLE_PATH

TABLES = tuple(MODELS)
BUNDLE = BUNDLE_PATH
BUILD_OUTPUTS = ("tables", "datapackage.json", BUNDLE)


def corpus_key(seed: int, *extra: Path) -> str:
    """A hash of the generator, its inputs, the seed and any ``extra`` files."""
    digest = hashlib.sha256((BENCH / "generate.py").read_bytes())
    digest.update((BENCH / "synthetic.py").read_bytes())
    for path in extra:
        digest.update(path.read_bytes())
    for path in sorted((PROJECT / "seeds").iterdir()):
        digest.update(path.read_bytes())
    for path in sorted((PROJECT / "data" / "sources").glob("seed-*.yaml")):
        digest.update(path.read_bytes())
    digest.update(str(seed).encode())
    return digest.hexdigest()[:12]


@dataclass
class Corpus:
    size: int
    root: Path
    generated_seconds: float | None  # None: taken from the cache
    records: dict[str, int] = field(default_factory=dict)
    data_bytes: int = 0

    @property
    def label(self) -> str:
        return f"{self.size // 1000}k" if self.size >= 1000 else str(self.size)

    def files(self, table: str) -> list[str]:
        return sorted(e.name for e in os.scandir(self.root / "data" / table))

    def evidence_items(self) -> int:
        """Evidence items in the built corpus: rows of its attributions table."""
        attributions = self.root / "tables" / "attributions.csv"
        with attributions.open(encoding="utf-8") as lines:
            return sum(1 for _ in lines) - 1


def ensure_corpus(size: int, seed: int, cache: Path) -> Corpus:
    root = cache / f"{size}-seed{seed}-{corpus_key(seed)}"
    generated = None
    if not (root / "data").is_dir():
        tmp = cache / f".{root.name}.{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        log(f"generating {size} records into {root}")
        start = time.perf_counter()
        command = [PY, str(BENCH / "generate.py"), "--records", str(size), "--seed", str(seed)]
        run_child([*command, "--out", str(tmp)])
        generated = time.perf_counter() - start
        tmp.rename(root)
    corpus = Corpus(size, root, generated)
    for table in TABLES:
        entries = list(os.scandir(root / "data" / table))
        corpus.records[table] = len(entries)
        corpus.data_bytes += sum(e.stat().st_size for e in entries)
    if sum(corpus.records.values()) != size:
        raise BenchError(f"{root} holds {sum(corpus.records.values())} records, not {size}")
    return corpus


def remove_build_outputs(root: Path) -> None:
    for relative in BUILD_OUTPUTS:
        target = root / relative
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
