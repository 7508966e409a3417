"""Finding evidence quotes in archived source texts.

Quotes match exactly, except that straight and curly quote marks are
interchangeable and any run of whitespace counts as one space. Offsets are
reported in the archived text as it is (Python string indices).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

_WHITESPACE_RUN = re.compile(r"\s+")
_QUOTE_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _fold(text: str) -> tuple[str, list[int]]:
    """Folded text, and for each of its characters the index it came from."""
    # Work by runs, not characters: archived texts are long and this runs for every source.
    text = text.translate(_QUOTE_MARKS)
    parts: list[str] = []
    origin: list[int] = []
    position = 0
    for run in _WHITESPACE_RUN.finditer(text):
        start = run.start()
        parts.append(text[position:start])
        parts.append(" ")
        origin.extend(range(position, start + 1))  # the run keeps its first index
        position = run.end()
    parts.append(text[position:])
    origin.extend(range(position, len(text)))
    return "".join(parts), origin


def fold_quote(quote: str) -> str:
    return _fold(quote.strip())[0]


@dataclass(frozen=True)
class SourceText:
    """An archived text, ready for quote look-ups."""

    text: str
    folded: str
    origin: tuple[int, ...]

    @classmethod
    def from_text(cls, text: str) -> SourceText:
        folded, origin = _fold(text)
        return cls(text, folded, tuple(origin))

    def find(self, quote: str) -> tuple[int, int] | None:
        """Start and end offsets of the quote in the archived text, or None."""
        needle = fold_quote(quote)
        if not needle:
            return None
        at = self.folded.find(needle)
        if at < 0:
            return None
        return self.origin[at], self.origin[at + len(needle) - 1] + 1


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def archive_path_problem(root: Path, relative: str) -> str | None:
    """Why a source path is not a safe path under seeds/, or None if it is."""
    if "\0" in relative:
        return "path holds a NUL character"
    try:
        return _archive_path_problem(root, relative)
    except OSError as error:
        return f"path {relative!r} cannot be checked: {error.strerror}"


def _archive_path_problem(root: Path, relative: str) -> str | None:
    candidate = Path(relative)
    if candidate.is_absolute() or ".." in candidate.parts or "\\" in relative:
        return f"path {relative!r} must be relative and stay inside seeds/"
    if not candidate.parts or candidate.parts[0] != "seeds" or len(candidate.parts) < 2:
        return f"path {relative!r} must be under seeds/"
    seeds = (root / "seeds").resolve()
    current = root
    for part in candidate.parts:
        current = current / part
        if current.is_symlink():
            return f"path {relative!r} goes through a symbolic link"
    if not (root / candidate).resolve().is_relative_to(seeds):
        return f"path {relative!r} resolves outside seeds/"
    return None
