"""The release bundle: one reproducible zip with every format, the schemas and checksums."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from plan_dataset._version import __version__
from plan_dataset.publish.outputs import release_files
from plan_dataset.publish.outputs.atomic import write_file
from plan_dataset.publish.snapshot import Snapshot
from plan_dataset.read.bounded import MAX_TEXT_BYTES, read_regular

RELEASE_DIR = "dist"
CHANGELOG = "CHANGELOG.md"
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)  # the earliest zip date: no build time leaks in


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


def render_zip(files: dict[str, bytes]) -> bytes:
    """A zip whose bytes depend only on the files: fixed dates, order and permissions.

    The files sit at the zip's root, so that ``datapackage.json`` is where Frictionless
    looks for it (``frictionless validate plan-dataset-<version>.zip``).
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()


def write_release(root: Path, snapshot: Snapshot) -> Path:
    """Write dist/plan-dataset-<version>.zip atomically and return its path."""
    target = root / RELEASE_DIR / f"{release_name()}.zip"
    return write_file(target, render_zip(release_files(snapshot)), root=root)
