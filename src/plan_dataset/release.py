"""The release bundle: one reproducible zip with every format, the schemas and checksums."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from plan_dataset._version import __version__
from plan_dataset.outputs import release_files
from plan_dataset.outputs.atomic import write_file
from plan_dataset.snapshot import Snapshot

RELEASE_DIR = "dist"
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)  # the earliest zip date: no build time leaks in


def release_name() -> str:
    return f"plan-dataset-{__version__}"


def render_zip(files: dict[str, bytes], top: str) -> bytes:
    """A zip whose bytes depend only on the files: fixed dates, order and permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{top}/{name}", date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()


def write_release(root: Path, snapshot: Snapshot) -> Path:
    """Write dist/plan-dataset-<version>.zip atomically and return its path."""
    target = root / RELEASE_DIR / f"{release_name()}.zip"
    return write_file(target, render_zip(release_files(snapshot), release_name()))
