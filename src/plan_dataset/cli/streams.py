"""The command line's output streams: results on stdout, diagnostics on stderr.

A reader that goes away (``plan-dataset validate | head``) is not an error: the
stream falls silent, the command finishes, and it exits with its own status.
A terminal that cannot encode a character gets it escaped, never a traceback.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import Any, TextIO


class QuietWhenClosed:
    """A text stream that turns a closed pipe into silence instead of BrokenPipeError."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.reader_left = False

    def _silence(self) -> None:
        """Point the file descriptor at /dev/null, so that the interpreter's final flush
        of whatever is still buffered succeeds quietly too."""
        self.reader_left = True
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)

    def write(self, text: str) -> int:
        if not self.reader_left:
            try:
                return self._stream.write(text)
            except BrokenPipeError:
                self._silence()
        return len(text)

    def flush(self) -> None:
        if not self.reader_left:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._silence()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _escape_unencodable(stream: TextIO) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")


@contextlib.contextmanager
def command_streams() -> Iterator[None]:
    """stdout and stderr for one command: escaped, and quiet when their reader leaves."""
    saved = sys.stdout, sys.stderr
    for stream in saved:
        _escape_unencodable(stream)
    sys.stdout = QuietWhenClosed(saved[0])  # type: ignore[assignment, unused-ignore]
    sys.stderr = QuietWhenClosed(saved[1])  # type: ignore[assignment, unused-ignore]
    try:
        yield
        sys.stdout.flush()
    finally:
        sys.stdout, sys.stderr = saved
