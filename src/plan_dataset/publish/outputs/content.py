"""A file's content as the outputs hand it on: whole, in chunks, or as a writer.

A renderer that yields chunks lets the build, the release and export stage each file as
it is rendered, never holding it whole; ``outputs/atomic.py`` writes them (``write``),
and the in-memory renders join them (``joined``)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

# Its bytes, or its bytes in chunks, consumed once (what a renderer gives)...
Streamed = bytes | Iterable[bytes]
# ... or a function that writes it to a file that can seek (a zip's writer needs to).
Content = Streamed | Callable[[BinaryIO], None]


def chunks(content: Streamed) -> Iterable[bytes]:
    return (content,) if isinstance(content, bytes) else content


def joined(content: Content) -> bytes:
    """The whole content in memory (tests, the site and other in-memory renders)."""
    if isinstance(content, bytes):
        return content
    if callable(content):
        import io

        buffer = io.BytesIO()
        content(buffer)
        return buffer.getvalue()
    return b"".join(content)


def reader(path: Path) -> BinaryIO | None:
    """The file at ``path`` opened to compare new content with, without following a
    link; None when there is none."""
    try:
        return os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)), "rb")
    except FileNotFoundError:
        return None


def write(stream: BinaryIO, content: Content, old: BinaryIO | None) -> bool:
    """Write the content to ``stream``; whether it equals ``old``'s bytes to the end,
    read alongside chunk by chunk (a writer's content is never taken as equal)."""
    if callable(content):
        content(stream)
        return False
    same = old is not None
    with old if old is not None else contextlib.nullcontext():
        for chunk in chunks(content):
            stream.write(chunk)
            same = same and old is not None and old.read(len(chunk)) == chunk
        return same and old is not None and old.read(1) == b""
