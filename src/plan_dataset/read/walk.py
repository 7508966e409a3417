"""Walking a folder tree: iteratively (no recursion to exhaust), to a depth limit, never
through a link. Standard library only; every reader and writer that lists a tree uses it."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

MAX_DEPTH = 16  # folders below the starting one; the project's own trees use 2
MAX_ENTRIES = 1_000_000  # entries listed in one walk (ten times the 100k records of issue 26),
# so that a huge tree cannot stall a command


@dataclass
class Tree:
    """What a walk found: regular files, and what it refused or could not list."""

    files: list[Path] = field(default_factory=list)
    links: list[Path] = field(default_factory=list)
    special: list[Path] = field(default_factory=list)
    too_deep: list[Path] = field(default_factory=list)
    unreadable: list[tuple[Path, str]] = field(default_factory=list)
    truncated: bool = False


def walk(folder: Path, max_depth: int = MAX_DEPTH, max_entries: int = MAX_ENTRIES) -> Tree:
    """Every entry under ``folder`` (which the caller has checked is a real folder)."""
    tree = Tree()
    pending: list[tuple[Path, int]] = [(folder, 0)]
    seen = 0
    while pending:
        current, depth = pending.pop()
        try:
            with os.scandir(current) as entries:
                listed = sorted(entries, key=lambda entry: entry.name)
        except OSError as error:
            tree.unreadable.append((current, error.strerror or str(error)))
            continue
        folders: list[tuple[Path, int]] = []
        for entry in listed:
            seen += 1
            if seen > max_entries:
                tree.truncated = True
                return tree
            path = Path(entry.path)
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError as error:
                tree.unreadable.append((path, error.strerror or str(error)))
                continue
            if stat.S_ISLNK(mode):
                tree.links.append(path)
            elif stat.S_ISDIR(mode):
                if depth + 1 > max_depth:
                    tree.too_deep.append(path)
                else:
                    folders.append((path, depth + 1))
            elif stat.S_ISREG(mode):
                tree.files.append(path)
            else:
                tree.special.append(path)
        pending.extend(reversed(folders))  # taken in order, so the files come nearly sorted
    tree.files.sort()
    return tree
