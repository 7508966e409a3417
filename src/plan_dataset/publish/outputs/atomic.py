"""The only code that writes or deletes files on disk.

Rules, for every file the tools create, replace or remove under a root (the project,
a ``site --out`` folder, an ``export --out`` folder):
- one writer at a time per root: an advisory lock on the root folder itself (no lock
  file to leave behind); a second writer waits, then stops with ``W002``;
- nothing is followed: a symbolic link anywhere between the root and a file written
  or removed is refused with ``W001``, before anything is touched;
- contents go to a fresh temporary name beside the target, created exclusively and
  without following links, then are renamed into place;
- a set of files switches together: old files are kept as hard-linked backups
  until every rename succeeded, and restored if one fails;
- every temporary and backup name is appended to the root's journal *before* the
  file is made, so the debris of a killed run is recognised by its journal entry
  alone: the next writer removes exactly those names, and nothing else is ever
  deleted (a user's ``.env.backup`` looks like debris but is in no journal);
- every OS error names its file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from plan_dataset.publish.outputs.content import Content, Streamed, reader, write

JOURNAL = ".plan-dataset-switch"
STAMP = ".plan-dataset-build"  # the build's stamp (build_stamp.py): written only here
TEMPORARY_SUFFIX = ".plan-dataset-new"
BACKUP_SUFFIX = ".plan-dataset-old"
LOCK_WAIT_SECONDS = 60.0
_NAME_KEEP = 80  # characters of the target's name kept in a temporary name
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


class WriteError(OSError):
    """An OS error while writing, with the file it concerns in its message."""

    def __str__(self) -> str:
        return str(self.strerror)


def _fail(path: Path, error: OSError) -> WriteError:
    return WriteError(error.errno or 0, f"{path}: {error.strerror or error}")


def _linked(path: Path) -> WriteError:
    return WriteError(
        errno.ELOOP,
        f"W001 {path}: is a symbolic link; refusing to write or delete through it "
        "(its target is left untouched)",
    )


def _mode(path: Path) -> int | None:
    """``lstat`` mode of ``path``, None when it does not exist."""
    try:
        return os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        raise _fail(path, error) from error


def refuse_links(root: Path, path: Path) -> None:
    """Raise ``W001`` if ``path`` or any folder between ``root`` and it is a link.

    ``root`` itself is the caller's choice (a project reached through a link is fine).
    """
    try:
        relative = path.relative_to(root)
    except ValueError:
        raise WriteError(0, f"W003 {path}: is outside {root}; refusing to write there") from None
    if ".." in relative.parts:
        raise WriteError(0, f"W003 {path}: leaves {root}; refusing to write there")
    current = root
    for part in relative.parts:
        current = current / part
        mode = _mode(current)
        if mode is None:
            return  # nothing below a missing folder can be a link yet
        if stat.S_ISLNK(mode):
            raise _linked(current)


def _make_folders(root: Path, folder: Path) -> None:
    """Create ``folder`` under ``root`` one level at a time, never through a link."""
    refuse_links(root, folder)
    current = root
    for part in folder.relative_to(root).parts:
        current = current / part
        try:
            os.mkdir(current)
        except FileExistsError:
            mode = _mode(current) or 0
            if stat.S_ISLNK(mode):
                raise _linked(current) from None
            if not stat.S_ISDIR(mode):
                raise WriteError(errno.ENOTDIR, f"W003 {current}: is not a folder") from None
        except OSError as error:
            raise _fail(current, error) from error


# --- the lock -------------------------------------------------------------------------

# Per root: a re-entrant lock for the threads of this process, and how deep the current
# holder is; the folder lock (flock) keeps other processes out while the depth is above 0.
_threads: dict[str, threading.RLock] = {}
_depth: dict[str, int] = {}
_guard = threading.Lock()


@contextlib.contextmanager
def writing(root: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the writer lock of ``root`` and clear a killed run's debris first."""
    os.makedirs(root, exist_ok=True)
    key = os.path.realpath(root)
    seconds = LOCK_WAIT_SECONDS if wait is None else wait
    with _guard:
        thread_lock = _threads.setdefault(key, threading.RLock())
    if not thread_lock.acquire(timeout=seconds):
        raise _busy(root)
    handle = None
    try:
        outermost = _depth.get(key, 0) == 0
        if outermost:
            handle = _lock(root, seconds)
        _depth[key] = _depth.get(key, 0) + 1
        try:
            if outermost:
                recover(root)
            yield
        finally:
            _depth[key] -= 1
    finally:
        if handle is not None:
            os.close(handle)
        thread_lock.release()


def _busy(root: Path) -> WriteError:
    return WriteError(
        errno.EBUSY,
        f"W002 {root}: another plan-dataset command is writing here; "
        "run this one again when it has finished",
    )


def _lock(root: Path, wait: float) -> int | None:
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks on folders; the journal still protects
        return None
    try:
        handle = os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as error:
        raise _fail(root, error) from error
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return handle
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(handle)
                raise _busy(root) from None
            time.sleep(0.05)


# --- the journal ----------------------------------------------------------------------


NOT_OURS = "!"  # a journal line so marked names a file that existed before we could make it


def _journal(root: Path, name: Path, *, ours: bool = True) -> None:
    """Record a temporary or backup name before it is made (or, ``ours=False``, that the
    name turned out to be taken already, so that recovery leaves that file alone)."""
    line = ("" if ours else NOT_OURS) + name.relative_to(root).as_posix() + "\n"
    path = root / JOURNAL
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | _NO_FOLLOW, 0o644)
    except OSError as error:
        raise (_linked(path) if error.errno == errno.ELOOP else _fail(path, error)) from error
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(line)


def _debris_name(target: Path, suffix: str) -> Path:
    return target.with_name(f".{target.name[:_NAME_KEEP]}.{secrets.token_hex(4)}{suffix}")


def interrupted(root: Path) -> bool:
    """Whether a write under ``root`` was interrupted (its journal is still there)."""
    return _mode(root / JOURNAL) is not None


def recover(root: Path) -> list[Path]:
    """Remove the debris a killed run journaled under ``root``; returns what was removed.

    Only names in the journal, of the shapes this module generates, that are regular
    files reached without a link, are removed. Call it holding the lock (``writing``).
    """
    journal = root / JOURNAL
    mode = _mode(journal)
    if mode is None:
        return []
    if not stat.S_ISREG(mode):
        raise _linked(journal) if stat.S_ISLNK(mode) else WriteError(0, f"W003 {journal}: odd")
    try:
        lines = journal.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as error:
        raise _fail(journal, error) from error
    removed = []
    taken = {line[len(NOT_OURS) :] for line in lines if line.startswith(NOT_OURS)}
    for line in lines:
        path = root / line
        if (
            not line
            or line in taken
            or line.startswith(("/", NOT_OURS))
            or ".." in Path(line).parts
        ):
            continue
        if not path.name.endswith((TEMPORARY_SUFFIX, BACKUP_SUFFIX)):
            continue  # a journal of an older version listed targets: never remove those
        try:
            refuse_links(root, path.parent)
        except WriteError:
            continue
        if stat.S_ISREG(_mode(path) or 0):
            path.unlink()
            removed.append(path)
    journal.unlink()
    return removed


# --- writing --------------------------------------------------------------------------


def _staged(root: Path, target: Path, content: Content) -> Path | None:
    """The content in a fresh, journaled temporary file beside ``target``, written as it
    comes; None (and no file) when chunks or bytes turn out equal to ``target``'s."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW
    while True:
        temporary = _debris_name(target, TEMPORARY_SUFFIX)
        _journal(root, temporary)
        try:
            handle = os.open(temporary, flags, 0o644)
            break
        except FileExistsError:
            _journal(root, temporary, ours=False)  # someone else's: never touch it
            continue
        except OSError as error:
            raise _fail(target.parent, error) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            same = write(stream, content, None if callable(content) else reader(target))
    except BaseException as error:  # a renderer failing mid-file leaves no temporary
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError) and not isinstance(error, WriteError):
            raise _fail(target, error) from error
        raise
    if same:
        temporary.unlink()
        return None
    return temporary


def _backup(root: Path, target: Path) -> Path:
    while True:
        backup = _debris_name(target, BACKUP_SUFFIX)
        _journal(root, backup)
        try:
            os.link(target, backup, follow_symlinks=False)
            return backup
        except FileExistsError:
            _journal(root, backup, ours=False)


def _check_target(root: Path, target: Path) -> None:
    refuse_links(root, target)
    mode = _mode(target)
    if mode is not None and not stat.S_ISREG(mode):
        raise WriteError(0, f"W003 {target}: is not a regular file; refusing to replace it")


def switch_files(
    root: Path,
    files: Mapping[str, Content] | Iterable[tuple[str, Content]],
    obsolete: Iterable[Path] | Callable[[list[str]], Iterable[Path]] = (),
) -> list[str]:
    """Write changed files under ``root`` and remove obsolete ones, all or nothing;
    returns the relative paths that changed (an unchanged file is not rewritten).

    ``files``: a mapping, all checked (no links, regular files only) before anything is
    made, or a stream of ``(path, content)``, each checked and staged as it comes (a
    caller rendering as it goes holds one chunk at a time; ``obsolete`` may then be a
    function of the paths streamed). Nothing switches until all is staged and checked."""
    with writing(root):
        if isinstance(files, Mapping):
            for relative in files:
                _check_target(root, root / relative)
        pairs = files.items() if isinstance(files, Mapping) else files
        names: list[str] = []
        staged: dict[Path, Path] = {}
        try:
            for relative, content in pairs:
                target = root / relative
                _check_target(root, target)
                names.append(relative)
                _make_folders(root, target.parent)
                temporary = _staged(root, target, content)
                if temporary is not None:  # None: the same bytes are there already
                    staged[target] = temporary
            gone = list(obsolete(names) if callable(obsolete) else obsolete)
            gone = [path for path in gone if _mode(path) is not None]
            for path in gone:
                _check_target(root, path)
        except BaseException:
            for temporary in staged.values():
                temporary.unlink(missing_ok=True)
            (root / JOURNAL).unlink(missing_ok=True)
            raise
        _switch(root, staged, gone)  # with nothing staged, it only clears the journal
        changed = sorted(target.relative_to(root).as_posix() for target in staged)
        return changed + [path.relative_to(root).as_posix() for path in gone]


def _switch(root: Path, staged: dict[Path, Path], obsolete: list[Path]) -> None:
    """Move staged files into place and remove obsolete ones; undo all on any failure."""
    backups: dict[Path, Path] = {}
    swapped: list[Path] = []
    try:
        for target in [*staged, *obsolete]:
            if _mode(target) is not None:
                backups[target] = _backup(root, target)
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
        (root / JOURNAL).unlink(missing_ok=True)
        if isinstance(error, OSError) and not isinstance(error, WriteError):
            raise _fail(Path(error.filename or root), error) from error
        raise
    for backup in backups.values():
        backup.unlink(missing_ok=True)
    (root / JOURNAL).unlink(missing_ok=True)


def write_file(target: Path, content: Content, root: Path | None = None) -> Path:
    """Write one file atomically (a release zip, an export), its content streamed into
    place; ``root`` (by default the target's folder) is where the lock and journal live,
    and no link may lie between."""
    base = target.parent if root is None else root
    with writing(base):
        _check_target(base, target)
        _make_folders(base, target.parent)
        temporary = None
        try:  # the journal goes whatever happens, a renderer failing mid-stream too
            temporary = _staged(base, target, content)
            if temporary is not None:
                os.replace(temporary, target)
        except OSError as error:
            if temporary is not None:
                temporary.unlink(missing_ok=True)
            raise _fail(target, error) from error
        finally:
            (base / JOURNAL).unlink(missing_ok=True)
    return target


def create_file(target: Path, content: bytes, root: Path | None = None) -> Path:
    """Create a new file; never overwrite one, and never follow a link (even a dangling
    one, or a linked folder between ``root`` and the file)."""
    base = target.parent if root is None else root
    with writing(base):
        refuse_links(base, target)
        _make_folders(base, target.parent)
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW
            handle = os.open(target, flags, 0o644)
        except OSError as error:
            raise _fail(target, error) from error
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
    return target


def write_stamp(root: Path, content: Streamed | None) -> None:
    """Replace the build stamp atomically, or with None remove it (before a switch)."""
    target = root / STAMP
    with writing(root):
        _check_target(root, target)
        if content is not None:
            write_file(target, content, root=root)
        elif _mode(target) is not None:
            target.unlink()
