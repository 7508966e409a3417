"""The release bundle: one reproducible zip with every format, the schemas and checksums."""

from __future__ import annotations

import hashlib
import io
import re
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from plan_dataset._version import __version__
from plan_dataset.publish.outputs import CHECKSUMS, checksums, iter_release_files
from plan_dataset.publish.outputs.atomic import write_file
from plan_dataset.publish.outputs.content import chunks
from plan_dataset.publish.snapshot import Snapshot
from plan_dataset.read.bounded import MAX_TEXT_BYTES, read_regular

RELEASE_DIR = "dist"
CHANGELOG = "CHANGELOG.md"
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)  # the earliest zip date: no build time leaks in
COPY_BYTES = 1 << 20  # what is read back from the spool at a time


def release_name() -> str:
    return f"plan-dataset-{__version__}"


def changelog_problem(root: Path, version: str = __version__) -> str | None:
    """Why a release of ``version`` may not be built yet: CHANGELOG.md has no entry
    ``## [<version>] - YYYY-MM-DD`` for it. None when it has."""
    heading = re.compile(rf"(?m)^## \[{re.escape(version)}\] - \d{{4}}-\d{{2}}-\d{{2}}\s*$")
    try:
        text = read_regular(root / CHANGELOG, MAX_TEXT_BYTES).decode("utf-8", errors="replace")
    except FileNotFoundError:
        return f"{CHANGELOG} is missing: a release needs its entry"
    except OSError as error:
        return f"{CHANGELOG} cannot be read ({error}): a release needs its entry"
    if heading.search(text) is None:
        return (
            f"{CHANGELOG} has no entry for version {version}: add '## [{version}] - YYYY-MM-DD' "
            "with what changed, or change src/plan_dataset/_version.py"
        )
    return None


def _entry(name: str, size: int) -> zipfile.ZipInfo:
    """A zip entry whose bytes depend only on the file: fixed date and permissions."""
    info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3
    info.external_attr = 0o100644 << 16
    info.file_size = size  # as writestr sets it: it decides whether the entry needs zip64
    return info


def render_zip(files: dict[str, bytes]) -> bytes:
    """A zip whose bytes depend only on the files: fixed dates, order and permissions,
    in memory (``write_release`` writes the same bytes, streamed).

    The files sit at the zip's root, so that ``datapackage.json`` is where Frictionless
    looks for it (``frictionless validate plan-dataset-<version>.zip``).
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            archive.writestr(_entry(name, len(files[name])), files[name])
    return buffer.getvalue()


def _spool(snapshot: Snapshot, spool: BinaryIO) -> dict[str, tuple[int, int]]:
    """Every file of the release written into ``spool`` as it is rendered, one after
    another, and then ``SHA256SUMS`` of them; where each sits (offset, size) by name."""
    places: dict[str, tuple[int, int]] = {}
    digests: dict[str, str] = {}
    for name, content in iter_release_files(snapshot):
        start, digest = spool.tell(), hashlib.sha256()
        for chunk in chunks(content):
            spool.write(chunk)
            digest.update(chunk)
        places[name] = (start, spool.tell() - start)
        digests[name] = digest.hexdigest()
    sums = checksums(digests)
    places[CHECKSUMS] = (spool.tell(), len(sums))
    spool.write(sums)
    return places


def _zip_from(spool: BinaryIO, places: dict[str, tuple[int, int]]) -> Callable[[BinaryIO], None]:
    """What writes the zip of the spooled files, entry by entry in name order, each
    compressed as it is read back: the bytes ``render_zip`` makes of the same files."""

    def write(stream: BinaryIO) -> None:
        with zipfile.ZipFile(stream, "w") as archive:
            for name in sorted(places):
                start, size = places[name]
                spool.seek(start)
                with archive.open(_entry(name, size), "w") as entry:
                    while size > 0:
                        chunk = spool.read(min(COPY_BYTES, size))
                        entry.write(chunk)
                        size -= len(chunk)

    return write


def write_release(root: Path, snapshot: Snapshot) -> Path:
    """Write dist/plan-dataset-<version>.zip atomically and return its path. Each file is
    rendered into an unnamed temporary file of the system's (removed by the system even
    after a kill), since the zip's ``SHA256SUMS`` comes before most of the files it sums;
    the zip is then written straight to its staged file (``outputs/atomic.py``)."""
    target = root / RELEASE_DIR / f"{release_name()}.zip"
    with tempfile.TemporaryFile() as spool:
        places = _spool(snapshot, spool)
        return write_file(target, _zip_from(spool, places), root=root)
