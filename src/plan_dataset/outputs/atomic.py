"""The only code that writes files to disk.

Rules, for every file the tools create:
- contents go to a fresh ``mkstemp`` name beside the target (never a predictable
  name that someone could pre-create as a link), then are renamed into place;
- a target that is a symbolic link is refused, never written through;
- a set of files switches together: old files are kept as hard-linked backups
  until every rename succeeded, and restored if one fails;
- a journal marks a switch in progress, so that a build killed half-way is
  detected by the next one, which cleans up the debris and rewrites the set;
- every OS error names its file.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

JOURNAL = ".plan-dataset-switch"
# mkstemp names are '.<target name>.' plus 8 random characters; backups end in '.backup'.
_DEBRIS = re.compile(r"^\..+\.([a-z0-9_]{8}|backup)$")


class WriteError(OSError):
    """An OS error while writing, with the file it concerns in its message."""


def _fail(path: Path, error: OSError) -> WriteError:
    return WriteError(error.errno or 0, f"{path}: {error.strerror or error}")


def _refuse_link(target: Path) -> None:
    if target.is_symlink():
        raise WriteError(0, f"{target}: is a symbolic link; refusing to write through it")


def _staged(target: Path, content: bytes) -> Path:
    """The content in a fresh temporary file beside ``target``."""
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as error:
        raise _fail(target.parent, error) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.chmod(temporary, 0o644)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise _fail(target, error) from error
    return Path(temporary)


def clean_debris(folders: Iterable[Path]) -> list[Path]:
    """Remove temporary and backup files a killed run left behind; returns them."""
    removed = []
    for folder in folders:
        if not folder.is_dir() or folder.is_symlink():
            continue
        for path in folder.iterdir():
            if _DEBRIS.match(path.name) and path.is_file() and not path.is_symlink():
                path.unlink()
                removed.append(path)
    return removed


def interrupted(root: Path) -> bool:
    """Whether a switch under ``root`` was interrupted (its journal is still there)."""
    return (root / JOURNAL).exists()


def switch_files(root: Path, files: dict[str, bytes], obsolete: Iterable[Path] = ()) -> list[str]:
    """Write changed files under ``root`` and remove obsolete ones, all or nothing.

    Returns the relative paths that changed. An unchanged file is not rewritten.
    """
    changed = []
    for relative, content in sorted(files.items()):
        target = root / relative
        _refuse_link(target)
        try:
            same = target.is_file() and target.read_bytes() == content
        except OSError as error:
            raise _fail(target, error) from error
        if not same:
            changed.append(relative)
    obsolete = [path for path in obsolete if path.exists()]
    staged: dict[Path, Path] = {}
    backups: dict[Path, Path] = {}
    swapped: list[Path] = []
    journal = root / JOURNAL
    if not changed and not obsolete:
        journal.unlink(missing_ok=True)
        return []
    try:
        for relative in changed:
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            staged[target] = _staged(target, files[relative])
        for target in [*staged, *obsolete]:
            if target.exists():
                backup = target.with_name(f".{target.name}.backup")
                backup.unlink(missing_ok=True)
                os.link(target, backup)
                backups[target] = backup
        journal.write_text("\n".join(str(t.relative_to(root)) for t in staged) + "\n")
        for target, temporary in staged.items():
            os.replace(temporary, target)
            swapped.append(target)
        for path in obsolete:
            path.unlink()
            swapped.append(path)
    except BaseException as error:
        for target, backup in backups.items():
            # rename() between two links to one file is a no-op, so only swapped ones move back.
            if target in swapped:
                os.replace(backup, target)
            else:
                backup.unlink()
        for temporary in staged.values():
            temporary.unlink(missing_ok=True)
        for target in swapped:
            if target not in backups:
                target.unlink(missing_ok=True)
        journal.unlink(missing_ok=True)
        if isinstance(error, OSError) and not isinstance(error, WriteError):
            raise _fail(Path(error.filename or root), error) from error
        raise
    for backup in backups.values():
        backup.unlink(missing_ok=True)
    journal.unlink(missing_ok=True)
    return changed + [path.relative_to(root).as_posix() for path in obsolete]


def write_file(target: Path, content: bytes) -> Path:
    """Write one file atomically (a release zip, an SQLite export, a new record)."""
    _refuse_link(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _fail(target.parent, error) from error
    temporary = _staged(target, content)
    try:
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise _fail(target, error) from error
    return target


def create_file(target: Path, content: bytes) -> Path:
    """Create a new file; never overwrite one, and never follow a link (even a dangling one)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        handle = os.open(target, flags, 0o644)
    except OSError as error:
        raise _fail(target, error) from error
    with os.fdopen(handle, "wb") as stream:
        stream.write(content)
    return target
