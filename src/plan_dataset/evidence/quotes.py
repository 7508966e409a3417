"""Finding evidence quotes in archived source texts.

Quotes match exactly, except that straight and curly quote marks are
interchangeable and any run of whitespace counts as one space. Offsets are
reported in the archived text as it is (Python string indices).
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from plan_dataset.read.bounded import MAX_SEED_BYTES, read_regular

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
    """The quote as ``_fold`` folds it, without the offsets only a source text needs."""
    return _WHITESPACE_RUN.sub(" ", quote.strip().translate(_QUOTE_MARKS))


@dataclass(frozen=True)
class SourceText:
    """An archived text, ready for quote look-ups."""

    text: str
    folded: str
    origin: tuple[int, ...]
    # Quotes already looked up: validation finds each quote, then the snapshot asks again.
    found: dict[str, tuple[int, int] | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def from_text(cls, text: str) -> SourceText:
        folded, origin = _fold(text)
        return cls(text, folded, tuple(origin))

    def closest(self, quote: str) -> Passage | None:
        """The passage of this text that comes closest to a quote it does not hold."""
        return closest_passage(self, quote)

    @cached_property
    def words(self) -> tuple[tuple[int, int], ...]:
        """Start and end of every word of the folded text."""
        return tuple(match.span() for match in _WORD.finditer(self.folded))

    @cached_property
    def word_positions(self) -> dict[str, list[int]]:
        """For each word key (lowercase, no punctuation), where it occurs in ``words``."""
        positions: dict[str, list[int]] = {}
        for number, (start, end) in enumerate(self.words):
            positions.setdefault(_word_key(self.folded[start:end]), []).append(number)
        return positions

    def find(self, quote: str) -> tuple[int, int] | None:
        """Start and end offsets of the quote in the archived text, or None."""
        if quote not in self.found:
            self.found[quote] = self._find(quote)
        return self.found[quote]

    def _find(self, quote: str) -> tuple[int, int] | None:
        needle = fold_quote(quote)
        if not needle:
            return None
        at = self.folded.find(needle)
        if at < 0:
            return None
        return self.origin[at], self.origin[at + len(needle) - 1] + 1


# Em and en dashes join words without spaces ("personnel\u2014the"): they separate words.
_WORD = re.compile("[^\\s\u2014\u2013]+")
_PUNCTUATION = "\"'*_.,;:!?()[]{}\u00ab\u00bb\u201e\u201c\u201d\u2018\u2019-\u2013\u2014\u2026"
# Bounds on the cost of a look-up, however long the text or the quote: words that occur
# more often than this carry no information about where the quote is; quotes are cut.
MAX_OCCURRENCES = 400
MAX_QUOTE_WORDS = 200
MAX_SHOWN = 240  # characters of the passage shown in a message
MAX_DIFFERENCES = 3


def _word_key(word: str) -> str:
    return word.strip(_PUNCTUATION).lower()


@dataclass(frozen=True)
class Passage:
    """The passage of an archived text closest to a quote, and how the quote differs."""

    text: str  # as folded: quote marks straight, whitespace runs as one space
    line: int  # the line of the archived text where it starts
    differences: tuple[str, ...]

    def describe(self) -> str:
        shown = self.text if len(self.text) <= MAX_SHOWN else self.text[:MAX_SHOWN] + "…"
        how = "; ".join(self.differences[:MAX_DIFFERENCES]) or (
            "the words are the same, so look at the characters inside them"
        )
        more = len(self.differences) - MAX_DIFFERENCES
        if more > 0:
            how += f"; and {more} more difference(s)"
        return f'the closest passage (line {self.line}) reads "{shown}": {how}'


def _differences(quote: list[str], passage: list[str]) -> tuple[str, ...]:
    found = []
    matcher = difflib.SequenceMatcher(None, quote, passage, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        ours, theirs = " ".join(quote[i1:i2]), " ".join(passage[j1:j2])
        if tag == "replace":
            found.append(f"the quote has '{ours}' where the source has '{theirs}'")
        elif tag == "delete":
            found.append(f"the source does not have '{ours}' here")
        elif tag == "insert":
            found.append(f"the source also has '{theirs}' here")
    return tuple(found)


def _ends_sentence(word: str) -> bool:
    return word.rstrip("\"')*\u00bb\u201d\u2019").endswith((".", "!", "?", ":", ";"))


def _stretch(
    words: list[str], window: list[str], head: difflib.Match, tail: difflib.Match
) -> tuple[int, int]:
    """The passage's first and end word in the window: the matched span, stretched over
    as many words as the quote has unmatched at each end (within the sentence), so that
    a changed first or last word shows up as a replacement."""
    first = head.b
    for _ in range(head.a):
        if first == 0 or _ends_sentence(window[first - 1]):
            break
        first -= 1
    end = tail.b + tail.size
    for _ in range(len(words) - (tail.a + tail.size)):
        if end >= len(window) or _ends_sentence(window[end - 1]):
            break
        end += 1
    return first, end


def closest_passage(text: SourceText, quote: str) -> Passage | None:
    """Where the quote's words line up best with the text's, at a bounded cost.

    Each word of the quote votes for the places its occurrences would put the quote's
    start; the best-voted start, give or take a few words, is aligned word by word.
    None when fewer than a third of the quote's words match there.
    """
    words = _WORD.findall(fold_quote(quote))[:MAX_QUOTE_WORDS]
    votes: Counter[int] = Counter()
    for offset, word in enumerate(words):
        occurrences = text.word_positions.get(_word_key(word), ())
        if len(occurrences) <= MAX_OCCURRENCES:
            for position in occurrences:
                votes[position - offset] += 1
    if not words or not votes:
        return None
    slack = 3
    start = max(votes, key=lambda s: (sum(votes[s + d] for d in range(-slack, slack + 1)), -s))
    window = text.words[max(0, start - slack) : start + len(words) + slack]
    window_words = [text.folded[a:b] for a, b in window]
    matcher = difflib.SequenceMatcher(
        None, [_word_key(w) for w in words], [_word_key(w) for w in window_words], autojunk=False
    )
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if sum(b.size for b in blocks) * 3 < len(words):
        return None
    first, last = _stretch(words, window_words, blocks[0], blocks[-1])
    begin, end = window[first][0], window[last - 1][1]
    line = text.text.count("\n", 0, text.origin[begin]) + 1
    differences = _differences(words, window_words[first:last])
    return Passage(text.folded[begin:end], line, differences)


def sha256_of(path: Path) -> str:
    """The sha256 of an archived file: a regular file of at most MAX_SEED_BYTES."""
    return hashlib.sha256(read_regular(path, MAX_SEED_BYTES)).hexdigest()


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
