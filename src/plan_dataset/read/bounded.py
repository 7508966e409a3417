"""Reading one file, bounded: only a regular file reached without a link is opened, and
never more than a limit is read, whatever the file claims. Standard library only; every
reader of the project's own files (records, seeds, schemas, bundles, the changelog) uses it,
so that ``/dev/zero``, a FIFO or a huge file costs nothing and hangs nothing."""

from __future__ import annotations

import os
import stat

MAX_SEED_BYTES = 16 * 1024 * 1024  # an archived page; the largest seed is far smaller
MAX_SCHEMA_BYTES = 1024 * 1024
MAX_TEXT_BYTES = 4 * 1024 * 1024  # CHANGELOG.md, docs/DATA-README.md


class NotRegular(OSError):
    """A link, folder, FIFO, device or socket where a regular file was expected."""

    def __init__(self, reason: str) -> None:
        super().__init__(0, reason)

    def __str__(self) -> str:
        return str(self.strerror)


class TooLarge(OSError):
    """A file larger than its limit; ``size`` is what it holds (at least limit + 1)."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(0, f"the file is {size} bytes; the limit is {limit}")
        self.size = size
        self.limit = limit

    def __str__(self) -> str:
        return str(self.strerror)


def regular_size(path: str | os.PathLike[str]) -> int:
    """The size of a regular file reached without a link, else ``NotRegular``."""
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        raise NotRegular("symbolic links are refused")
    if not stat.S_ISREG(info.st_mode):
        raise NotRegular("not a regular file")
    return info.st_size


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file, else ``NotRegular`` or ``TooLarge``.

    The file is opened without following a link and without blocking (a FIFO), its
    type and size are checked on the open handle, and the read itself is bounded, so
    a file that grows after the check is refused too.
    """
    where = os.fspath(path)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(where, flags)
    except OSError as error:
        if os.path.islink(where):
            raise NotRegular("symbolic links are refused") from error
        raise
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular("not a regular file")
        if info.st_size > limit:
            raise TooLarge(info.st_size, limit)
        chunks, left = [], limit + 1
        while left > 0 and (chunk := os.read(handle, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:
            raise TooLarge(len(data), limit)
        return data
    finally:
        os.close(handle)
