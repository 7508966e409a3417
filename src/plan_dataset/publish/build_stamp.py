"""The build's stamp: what the last successful build was made from and what it wrote.

A build with nothing changed skips validation and rendering. "Nothing changed" means:
- the same code: a hash of every file of the package (generated ones aside), the
  package version, Python's and the libraries' versions that shape the outputs;
- the same inputs: a content hash of every file under ``data/`` and ``seeds/`` and of
  ``CITATION.cff``, and the same list of them;
- the same outputs: every file the build wrote holds what it wrote (sha256), and no
  file the build would remove has appeared.

Reading every input on every build would cost seconds at 100,000 records, so, as git
does, a file whose size and modification time are those recorded, and whose time is
older than the stamp by a safe margin, is taken as unchanged; any other file is read
and hashed. The stamp file itself is written and removed only by ``outputs/atomic.py``
(``STAMP``): it is removed before a build switches its outputs and written after the
switch, so a stamp exists only beside the complete outputs it describes.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plan_dataset.code_digest import PACKAGE
from plan_dataset.code_digest import code_digest as shared_code_digest
from plan_dataset.publish.outputs.atomic import STAMP
from plan_dataset.read.bounded import read_regular

FORMAT = 1
INPUT_FOLDERS = ("data", "seeds")
INPUT_FILES = ("CITATION.cff",)
# A file changed within this long of the moment its time was recorded could keep the
# same time (file systems keep coarse clocks): it is always read.
RACY_NS = 2_000_000_000
_MAX_FILE = 1 << 30

Stats = dict[str, list[int]]  # relative path: [size, mtime_ns]


def _digest_of(root: Path, names: list[str], prefix: bytes = b"") -> str:
    digest = hashlib.sha256(prefix)
    for name in names:
        content = read_regular(root / name, _MAX_FILE)
        digest.update(f"{name}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()


def _walk(root: Path) -> Stats | None:
    """Size and time of every input file; None when one is not a regular file (the full
    build then reports it, or reads past it, as it always does)."""
    found: Stats = {}
    pending = [name for name in INPUT_FOLDERS if (root / name).exists()]
    pending += [name for name in INPUT_FILES if os.path.lexists(root / name)]
    while pending:
        relative = pending.pop()
        try:
            info = os.lstat(root / relative)
        except OSError:
            return None
        if stat.S_ISDIR(info.st_mode):
            try:
                pending += [f"{relative}/{entry}" for entry in os.listdir(root / relative)]
            except OSError:
                return None
        elif stat.S_ISREG(info.st_mode):
            found[relative] = [info.st_size, info.st_mtime_ns]
        else:
            return None
    return dict(sorted(found.items()))


def code_digest() -> str:
    """The code and versions that shape the outputs (``code_digest.py``)."""
    return shared_code_digest(PACKAGE)


@dataclass
class Inputs:
    """The inputs as a build found them before it read them."""

    stats: Stats | None
    taken_ns: int = field(default_factory=time.time_ns)
    _digest: str | None = None

    def digest(self, root: Path) -> str | None:
        if self.stats is None:
            return None
        if self._digest is None:
            self._digest = _digest_of(root, list(self.stats))
        return self._digest


def read_stamp(root: Path) -> bytes | None:
    """The stamp ``outputs/atomic.py`` wrote under ``root``, if one can be read."""
    try:
        return read_regular(root / STAMP, _MAX_FILE)
    except OSError:
        return None


def current_inputs(root: Path) -> Inputs:
    return Inputs(_walk(root))


def _trusted(recorded: list[Any], now: list[int], taken_ns: int) -> bool:
    return recorded[:2] == now and now[1] < taken_ns - RACY_NS


def render(
    inputs: Inputs, root: Path, outputs: dict[str, str], records: int
) -> Iterator[bytes] | None:
    """The stamp of a build that has just switched ``outputs`` (path: sha256) into place,
    in chunks (it names every input file): the bytes of ``json.dumps(body, indent=0,
    sort_keys=True)`` and a newline."""
    digest = inputs.digest(root)
    if digest is None:
        return None
    written: dict[str, list[Any]] = {}
    for name, sha in sorted(outputs.items()):
        info = os.lstat(root / name)
        written[name] = [info.st_size, info.st_mtime_ns, sha]
    body = {
        "format": FORMAT,
        "code": code_digest(),
        "taken_ns": time.time_ns(),
        "records": records,
        "inputs": {"digest": digest, "taken_ns": inputs.taken_ns, "files": inputs.stats},
        "outputs": written,
    }
    return _encoded(json.JSONEncoder(indent=0, sort_keys=True).iterencode(body))


def _encoded(pieces: Iterator[str], batch: int = 4096) -> Iterator[bytes]:
    """The text in UTF-8 chunks of ``batch`` pieces each, and a closing newline."""
    gathered: list[str] = []
    for piece in pieces:
        gathered.append(piece)
        if len(gathered) == batch:
            yield "".join(gathered).encode("utf-8")
            gathered = []
    yield ("".join(gathered) + "\n").encode("utf-8")


@dataclass(frozen=True)
class LastBuild:
    """The last build, as its stamp describes it, when nothing has changed since."""

    records: int
    outputs: dict[str, str]  # path: sha256
    # A file had to be read to know it unchanged (touched, or changed just before the
    # stamp): stamping again spares every later build that reading.
    read_files: bool


def unchanged(stamp: bytes | None, inputs: Inputs, root: Path) -> LastBuild | None:
    """The last build when nothing changed since, else None."""
    try:
        body = json.loads(stamp) if stamp else None
    except ValueError:
        return None
    if not isinstance(body, dict) or body.get("format") != FORMAT or inputs.stats is None:
        return None
    try:
        return _compare(body, inputs, root)
    except (KeyError, TypeError, ValueError, OSError):
        return None  # a stamp of another shape, or a file gone: build


def _compare(body: dict[str, Any], inputs: Inputs, root: Path) -> LastBuild | None:
    if body["code"] != code_digest():
        return None
    recorded = body["inputs"]
    files = recorded["files"]
    assert inputs.stats is not None
    if list(files) != list(inputs.stats):
        return None
    taken = int(recorded["taken_ns"])
    same = all(_trusted(files[name], now, taken) for name, now in inputs.stats.items())
    if same:
        inputs._digest = str(recorded["digest"])  # what a new stamp would hash them to
    elif inputs.digest(root) != recorded["digest"]:
        return None
    read_files = not same
    taken = int(body["taken_ns"])
    outputs: dict[str, str] = {}
    for name, (size, mtime_ns, sha) in body["outputs"].items():
        info = os.lstat(root / name)
        if not stat.S_ISREG(info.st_mode):
            return None
        outputs[name] = str(sha)
        if _trusted([size, mtime_ns], [info.st_size, info.st_mtime_ns], taken):
            continue
        read_files = True
        content = read_regular(root / name, _MAX_FILE)
        if hashlib.sha256(content).hexdigest() != sha:
            return None
    return LastBuild(int(body["records"]), outputs, read_files)
