"""Strict YAML reading with line and column for every value.

PyYAML's loaders accept things a data file must not contain (duplicate keys,
tags, aliases, YAML 1.1 booleans and octals), so records are built here from
the parser's event stream instead. Scalars resolve by a small YAML 1.2
core-like rule set: dates stay strings, and numbers YAML 1.1 would read
differently are errors, never silent surprises.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from plan_dataset.escaping import FORMULA_PREFIXES, INVISIBLE
from plan_dataset.problems import Problem
from plan_dataset.read import yaml_composed
from plan_dataset.read.bounded import NotRegular, TooLarge, read_regular
from plan_dataset.read.yaml_messages import plain_yaml_error

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 12
UTF8_BOM = b"\xef\xbb\xbf"

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
# What YAML 1.1 reads as a number but a reader would not expect: octal, hex, 1_000, .inf.
_AMBIGUOUS_NUMBER = re.compile(
    r"[-+]?(0[0-9_]+|0[xob][0-9a-fA-F_]+|[0-9][0-9_]*_[0-9_]*(\.[0-9_]*)?|\.(inf|Inf|INF|nan|NaN|NAN)"
    # 1e3 is a string in YAML 1.1 and 1000.0 in 1.2; 1:30 is 90 in YAML 1.1 (base 60).
    r"|[0-9]+[eE][-+]?[0-9]+|[0-9]+(:[0-5]?[0-9])+(\.[0-9_]*)?)"
)
# YAML 1.1 reads these as booleans, YAML 1.2 as text: both readings are plausible, so
# an unquoted one is an error (quote it for text, or write true/false).
_YAML11_BOOLS = {
    word
    for base in ("yes", "no", "on", "off", "y", "n")
    for word in (base, base.capitalize(), base.upper())
}
_SPECIAL_WORDS = frozenset(_NULLS) | frozenset(_BOOLS) | _YAML11_BOOLS
# The largest integer JSON readers, SQLite and pandas all hold exactly.
SAFE_INTEGER = 2**53

Location = tuple[int, int]
Loc = tuple[str | int, ...]


@dataclass
class YamlRecord:
    """A parsed record, the position of each of its values, and what went wrong."""

    value: Any = None
    value_marks: dict[Loc, Location] = field(default_factory=dict)
    key_marks: dict[Loc, Location] = field(default_factory=dict)
    plain_scalars: dict[Loc, str] = field(default_factory=dict)
    first_line: str = ""
    problems: list[Problem] = field(default_factory=list)

    def locate(self, loc: Loc, *, at_key: bool = False) -> Location:
        """Position of the deepest known value on the way to ``loc``."""
        for end in range(len(loc), 0, -1):
            prefix = loc[:end]
            if at_key and end == len(loc) and prefix in self.key_marks:
                return self.key_marks[prefix]
            if prefix in self.value_marks:
                return self.value_marks[prefix]
        return self.value_marks.get((), (1, 1))


def _line_col(text: str, index: int) -> Location:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


# Characters worth a closer look: everything but tab, newlines and printable ASCII.
_UNUSUAL_CHARACTER = re.compile(r"[^\t\n\r\x20-\x7e]")


@functools.cache
def character_problem(char: str) -> tuple[str, str] | None:
    """The code and message for a character no record text may hold, if it is one."""
    category = unicodedata.category(char)
    name = unicodedata.name(char, "unnamed")
    if category in ("Cf", "Co", "Zl", "Zp") or char in INVISIBLE:
        return "T001", f"invisible or format character U+{ord(char):04X} {name}"
    if category == "Cc" and char not in "\n\r\t":
        return "T004", f"control character U+{ord(char):04X}"
    return None


def text_problems(value: str) -> list[tuple[str, str]]:
    """Codes and messages for a string value that is not clean text."""
    found = []
    if value.startswith(FORMULA_PREFIXES):
        found.append(
            ("T003", f"text starts with {value[0]!r}, which spreadsheets run as a formula")
        )
    if value.isascii() and value.isprintable():
        return found  # no tab, carriage return or control character, and ASCII is NFC
    if "\t" in value or "\r" in value:
        found.append(("T004", "tab or carriage return inside text"))
    # Escapes in quoted scalars ("\u202e") bypass the scan of the raw file.
    for char in dict.fromkeys(_UNUSUAL_CHARACTER.findall(value)):
        problem = character_problem(char)
        if problem:
            found.append(problem)
    if not unicodedata.is_normalized("NFC", value):
        found.append(("T002", "text is not NFC-normalized"))
    return found


# What a plain scalar must start with to be read as anything but text (a number), beyond
# the words in _NULLS, _BOOLS and _YAML11_BOOLS.
_NUMBER_START = frozenset("+-.0123456789")


def _resolve_plain(text: str) -> tuple[Any, str | None]:
    """Value of a plain (unquoted) scalar, or an error message."""
    if text and text[0] not in _NUMBER_START and text not in _SPECIAL_WORDS:
        return text, None  # the common case, decided without a regular expression
    if text in _NULLS:
        return None, None
    if text in _BOOLS:
        return _BOOLS[text], None
    if text in _YAML11_BOOLS:
        return (
            None,
            f"{text!r} is a boolean in YAML 1.1 but text in 1.2: quote it, or write true/false",
        )
    if _INT.fullmatch(text):
        if len(text.lstrip("+-")) > 16:  # past 2**53 whatever the digits; int() balks at 4300
            return None, f"the number {text[:20]}... has {len(text)} digits: quote it if it is text"
        return int(text), None
    if _AMBIGUOUS_NUMBER.fullmatch(text):
        return None, f"{text!r} is read differently by YAML 1.1 and 1.2 readers: quote it"
    if _FLOAT.fullmatch(text) and any(ch.isdigit() for ch in text):
        number = float(text)
        if number in (float("inf"), float("-inf")):
            return None, f"{text!r} overflows to infinity: quote it if it is text"
        return number, None
    return text, None


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    loc: Loc
    key: Any = None
    key_mark: Location | None = None
    has_key: bool = False
    key_lines: dict[str, int] = field(default_factory=dict)


class _Builder:
    """Turns parser events into plain Python values, recording positions and problems."""

    def __init__(self, display: str, record: YamlRecord) -> None:
        self.display = display
        self.record = record
        self.stack: list[_Frame] = []
        self.documents = 0

    def problem(self, mark: Location, code: str, message: str) -> None:
        self.record.problems.append(Problem(self.display, mark[0], mark[1], code, message))

    def child_loc(self) -> Loc:
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            return (*frame.loc, len(frame.container))
        return (*frame.loc, frame.key) if frame.has_key else frame.loc

    def is_key_position(self) -> bool:
        return (
            bool(self.stack)
            and isinstance(self.stack[-1].container, dict)
            and not self.stack[-1].has_key
        )

    def feed(self, event: yaml.Event) -> bool:
        """Handle one event; False when reading should stop."""
        mark = (event.start_mark.line + 1, event.start_mark.column + 1)
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.problem(mark, "Y012", "a record file holds one YAML document: remove '---'")
                return False
            return True
        if isinstance(event, yaml.AliasEvent):
            self.problem(
                mark, "Y004", f"alias '*{event.anchor}' is not allowed: write the value out"
            )
            self.complete(None, mark)
            return True
        if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
            if event.anchor is not None:
                self.problem(mark, "Y004", f"anchor '&{event.anchor}' is not allowed")
            if event.tag is not None:
                self.problem(mark, "Y003", f"YAML tag '{event.tag}' is not allowed")
        if isinstance(event, yaml.ScalarEvent):
            self.scalar(event, mark)
        elif isinstance(event, yaml.CollectionStartEvent):
            if len(self.stack) >= MAX_DEPTH:
                # Stop here: every deeper level would cost more (locations grow with depth).
                self.problem(mark, "Y010", f"nested deeper than {MAX_DEPTH} levels")
                return False
            loc = self.child_loc()
            container: dict[str, Any] | list[Any] = (
                {} if isinstance(event, yaml.MappingStartEvent) else []
            )
            self.mark_value(loc, mark)
            self.stack.append(_Frame(container, loc))
        elif isinstance(event, yaml.CollectionEndEvent):
            frame = self.stack.pop()
            self.complete(frame.container, None)
        return True

    def mark_value(self, loc: Loc, mark: Location) -> None:
        if not self.is_key_position():
            self.record.value_marks[loc] = mark

    def scalar(self, event: yaml.ScalarEvent, mark: Location) -> None:
        plain = event.style in (None, "") and event.tag is None
        value: Any = event.value
        if plain:
            value, error = _resolve_plain(event.value)
            if error:
                self.problem(mark, "Y011", error)
        if self.is_key_position() and isinstance(value, str):
            # Keys are echoed in messages too: they get the same text checks as values.
            for code, message in text_problems(value):
                self.problem(mark, code, f"in a key: {message}")
        if not self.is_key_position():
            loc = self.child_loc()
            self.record.value_marks[loc] = mark
            if plain and not isinstance(value, str) and value is not None:
                self.record.plain_scalars[loc] = event.value
            if isinstance(value, str):
                for code, message in text_problems(value):
                    self.problem(mark, code, message)
        self.complete(value, mark)

    def complete(self, value: Any, mark: Location | None) -> None:
        if not self.stack:
            self.record.value = value
            return
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            frame.container.append(value)
        elif not frame.has_key:
            if not isinstance(value, str):
                self.problem(mark or (1, 1), "Y013", "mapping keys must be plain strings")
                value = f"<key {value!r}>"
            frame.key, frame.key_mark, frame.has_key = value, mark, True
            self.record.key_marks[(*frame.loc, value)] = mark or (1, 1)
        else:
            key = frame.key
            assert isinstance(frame.container, dict)
            if key in frame.container:
                first = frame.key_lines[key]
                where = frame.key_mark or (1, 1)
                self.problem(where, "Y002", f"duplicate key '{key}' (first at line {first})")
            else:
                frame.container[key] = value
                frame.key_lines[key] = (frame.key_mark or (1, 1))[0]
            frame.has_key = False


def read_yaml(path: Path, display: str) -> YamlRecord:
    """Read one record file strictly. Problems are returned, never raised."""
    record = YamlRecord()

    def fail(line: int, column: int, code: str, message: str) -> YamlRecord:
        record.problems.append(Problem(display, line, column, code, message))
        return record

    try:
        data = read_regular(path, MAX_FILE_BYTES)
    except NotRegular as error:
        return fail(1, 1, "F005", str(error))
    except TooLarge as error:
        return fail(1, 1, "Y009", f"file is {error.size} bytes; the limit is {MAX_FILE_BYTES}")
    except OSError as error:
        return fail(1, 1, "F004", f"cannot read the file: {error.strerror}")
    if b"\t" in data:  # a tab byte is never part of a multi-byte UTF-8 character
        # libyaml accepts a tab after 'key:' and the pure-Python parser does not: refuse
        # tabs outright, so validity never depends on which parser is installed.
        at = data.index(b"\t")
        line = data.count(b"\n", 0, at) + 1
        column = at - (data.rfind(b"\n", 0, at) + 1) + 1
        return fail(line, column, "Y001", "tab character: indent and separate with spaces")
    if data.startswith(UTF8_BOM):
        return fail(1, 1, "Y008", "remove the UTF-8 byte-order mark at the start of the file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return fail(line, column, "Y007", f"invalid UTF-8 byte 0x{data[error.start]:02x}")
    record.first_line = text.split("\n", 1)[0].rstrip("\r")
    for match in _UNUSUAL_CHARACTER.finditer(text):
        found = character_problem(match.group())
        if found:
            line, column = _line_col(text, match.start())
            record.problems.append(Problem(display, line, column, *found))
    if record.problems:
        return record
    if _composed(data, text, record):
        return record
    try:
        _build(text, _Builder(display, record), _Loader)
    except yaml.YAMLError as error:
        deep_at = _too_deep(text, display) if _Loader is not yaml.SafeLoader else None
        if deep_at:
            # libyaml scans ahead and may refuse deep nesting with its own error (PyYAML
            # 6.0.4 does) before our depth check sees the event. The pure-Python parser is
            # lazy, so replaying with it lets the project's limit, and code, decide.
            return fail(*deep_at, "Y010", f"nested deeper than {MAX_DEPTH} levels")
        return _syntax_problem(record, display, text, error)
    if record.problems:
        return record
    if () not in record.value_marks:
        return fail(1, 1, "Y006", "the file holds no record")
    if not isinstance(record.value, dict):
        kind = "a list" if isinstance(record.value, list) else "a single value"
        line, column = record.value_marks.get((), (1, 1))
        return fail(line, column, "Y005", f"a record must be a mapping of fields, found {kind}")
    return record


def _composed(data: bytes, text: str, record: YamlRecord) -> bool:
    """Fill ``record`` from libyaml's composer when the file is clean (``yaml_composed``);
    False, with ``record`` untouched, when the event-stream reader must judge it."""
    if _Loader is not getattr(yaml, "CSafeLoader", None):
        return False  # libyaml's composer stands in only for libyaml's own parser
    root = yaml_composed.compose(data, text, MAX_DEPTH)
    if root is None:
        return False
    walk = yaml_composed.Walk(_resolve_plain, text_problems, MAX_DEPTH)
    try:
        value = walk.node(root, (), 0)
    except yaml_composed.GiveUp:
        return False
    if not isinstance(value, dict):
        return False
    record.value = value
    record.value_marks = walk.value_marks
    record.key_marks = walk.key_marks
    record.plain_scalars = walk.plain_scalars
    return True


def _build(text: str, builder: _Builder, loader: Any) -> None:
    for event in yaml.parse(text, Loader=loader):
        if not builder.feed(event):
            break


def _too_deep(text: str, display: str) -> Location | None:
    """Where the pure-Python parser meets the depth limit, if it does before any error."""
    probe = YamlRecord()
    try:
        _build(text, _Builder(display, probe), yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    deep = [problem for problem in probe.problems if problem.code == "Y010"]
    return (deep[0].line, deep[0].column) if deep else None


def _syntax_problem(
    record: YamlRecord, display: str, text: str, error: yaml.YAMLError
) -> YamlRecord:
    """A parser's error as one Y001 problem at its mark."""
    line, column, message = 1, 1, str(error).splitlines()[0]
    if isinstance(error, yaml.MarkedYAMLError):
        problem_mark = error.problem_mark or error.context_mark
        if problem_mark:
            line, column = problem_mark.line + 1, problem_mark.column + 1
        message = plain_yaml_error(error.context, error.problem)
        if problem_mark and text[problem_mark.index : problem_mark.index + 1] == "\t":
            message = "tab character: indent with spaces"
    record.problems.append(Problem(display, line, column, "Y001", message))
    return record
