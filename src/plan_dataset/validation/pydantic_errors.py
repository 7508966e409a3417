"""Pydantic's validation errors, translated into this project's codes and plain words."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any

from plan_dataset.models.rules import RULES_ERROR, Broken
from plan_dataset.models.schema import field_names_at
from plan_dataset.models.vocabulary import MAX_YEAR, MIN_YEAR
from plan_dataset.read.yaml_reader import Loc
from plan_dataset.validation.base import CheckedRecord

_PATTERN_MESSAGES = {
    "slug": "is not a lowercase slug (a-z, 0-9, single hyphens between)",
    "date": (
        f"is not a date like 2025-11-19, 2025-11 or 2025 in the years {MIN_YEAR} to {MAX_YEAR}, "
        "which every output (Parquet, pandas, the site) can write"
    ),
    "sha": "is not a SHA-256 in 64 lowercase hex digits",
    "url": "is not an http(s) URL without spaces",
}
_TYPE_NAMES = {
    "string_type": "text",
    "int_type": "a number",
    "float_type": "a number",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "bool_type": "true or false",
}


_PATTERN_WANTED = {
    "slug": "an id: a lowercase slug such as 'army-size-limit'",
    "date": "a date like 2025-11-19, 2025-11 or 2025",
    "sha": "the SHA-256 of the file, in 64 lowercase hex digits",
    "url": "an http(s) URL",
}
_LENGTH_ERRORS = ("too_short", "too_long", "string_too_short", "string_too_long")


def _length_message(name: str, kind: str, value: Any, ctx: dict[str, Any]) -> str:
    """Too short or too long, in plain words; an empty value says so."""
    if kind == "string_too_short" and value == "":
        return f"{name} is empty: write the text"
    if kind == "too_short" and not value:
        least = ctx.get("min_length", 1)
        return f"{name} is empty: give at least {least} item{'s' if least != 1 else ''}"
    if kind == "string_too_short":
        return f"{name} is {len(value)} characters long; it needs at least {ctx.get('min_length')}"
    if kind == "string_too_long":
        return f"{name} is {len(value)} characters long; the limit is {ctx.get('max_length')}"
    count = ctx.get("actual_length", len(value) if isinstance(value, list) else "?")
    bound = "needs at least" if kind == "too_short" else "may have at most"
    limit = ctx.get("min_length" if kind == "too_short" else "max_length")
    return f"{name} has {count} item(s); it {bound} {limit}"


# difflib compares a word with every candidate; past this many, candidates are pre-filtered.
_MAX_CANDIDATES = 200


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest choice, at a bounded cost however many choices there are.

    Ids are compared whole and by their parts, so a surname finds the person
    (``tusk`` -> ``donald-tusk``) before a merely similar word (``turkey``).
    """
    candidates = sorted(choices)
    if len(candidates) > _MAX_CANDIDATES:
        # A close match shares a prefix (of the id or of one of its parts) or has nearly
        # the same length; keep the nearest few.
        candidates = [
            c
            for c in candidates
            if abs(len(c) - len(word)) <= 1 or any(part[:2] == word[:2] for part in c.split("-"))
        ]
        candidates = candidates[:_MAX_CANDIDATES]
    scored = [
        (_similarity(word, candidate), -len(candidate), candidate) for candidate in candidates
    ]
    # The most alike; among equals, the shortest id (the person, not a page about them).
    best = max((entry for entry in scored if entry[0] >= _CUTOFF), default=None)
    return f" (did you mean '{best[2]}'?)" if best is not None else ""


_CUTOFF = 0.6
# A part matching well counts a little less than the whole id matching as well.
_PART_WEIGHT = 0.95


def _similarity(word: str, candidate: str) -> float:
    """How alike a word and a choice are: the whole choice, or its best run of '-' parts."""
    whole = difflib.SequenceMatcher(None, word, candidate).ratio()
    parts = candidate.split("-")
    if len(parts) == 1:
        return whole
    runs = {
        "-".join(parts[start:end])
        for start in range(len(parts))
        for end in range(start + 1, len(parts) + 1)
        if end - start < len(parts)
    }
    best_run = max(difflib.SequenceMatcher(None, word, run).ratio() for run in runs)
    return max(whole, best_run * _PART_WEIGHT)


def loc_text(loc: Loc) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "record"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return "text"
    return "a list" if isinstance(value, list) else "a mapping"


def _clean_loc(loc: tuple[Any, ...], raw: Any, error_type: str) -> Loc:
    """Drop union tags and member names from a pydantic location, keeping real keys."""
    cleaned: list[str | int] = []
    node = raw
    for index, part in enumerate(loc):
        is_last = index == len(loc) - 1
        after_evidence_item = (
            len(cleaned) >= 2 and cleaned[-2] == "evidence" and isinstance(cleaned[-1], int)
        )
        if after_evidence_item and part in ("quote", "locator") and not is_last:
            continue  # the evidence union's tag
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and part < len(node)
        ):
            node = node[part]
            cleaned.append(part)
        elif is_last and error_type in ("missing", "extra_forbidden"):
            cleaned.append(part)
    return tuple(cleaned)


def _pattern_kind(pattern: str) -> str:
    if "0-9a-f" in pattern:
        return "sha"
    if "https?" in pattern:
        return "url"
    return "date" if "(0[1-9]|1[0-2])" in pattern else "slug"


def model_problems(
    checked: CheckedRecord, error: dict[str, Any]
) -> list[tuple[Loc, str, str, bool]]:
    """Code, message and location of each problem one pydantic error stands for: the
    record rules a model's validator raised together (``models/rules.py``) are one each."""
    if error["type"] != RULES_ERROR:
        return [model_problem(checked, error)]
    broken: list[Broken] = error.get("ctx", {}).get("broken", [])
    base = tuple(error["loc"])
    return [
        ((*base, item.field) if item.field else base, item.code, item.message, False)
        for item in broken
    ]


def model_problem(checked: CheckedRecord, error: dict[str, Any]) -> tuple[Loc, str, str, bool]:
    """Code, message and location for one pydantic error."""
    kind = error["type"]
    loc = _clean_loc(error["loc"], checked.yaml().value, kind)
    name = loc_text(loc)
    value = error.get("input")
    message = str(error.get("msg", ""))
    if kind == "extra_forbidden":
        hint = did_you_mean(str(loc[-1]), field_names_at(checked.table, loc[:-1]))
        return loc, "M001", f"unknown field '{loc[-1]}'{hint}", True
    if kind == "missing":
        where = loc_text(loc[:-1])
        suffix = "" if where == "record" else f" in {where}"
        return loc[:-1], "M002", f"missing required field '{loc[-1]}'{suffix}", False
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))
        if value == "":
            return loc, "M004", f"{name} is empty: choose one of {', '.join(allowed)}", False
        hint = did_you_mean(str(value), allowed) if isinstance(value, str) else ""
        return loc, "M004", f"{name}: {value!r} is not one of {', '.join(allowed)}{hint}", False
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        return loc, "M005", f"{name}: {message.replace('Input should', 'must')}", False
    if kind in _LENGTH_ERRORS:
        return loc, "M008", _length_message(name, kind, value, error.get("ctx", {})), False
    if kind == "string_pattern_mismatch":
        pattern_kind = _pattern_kind(str(error.get("ctx", {}).get("pattern", "")))
        code = "M006" if pattern_kind == "date" else "M007"
        if value == "":
            return loc, code, f"{name} is empty: give {_PATTERN_WANTED[pattern_kind]}", False
        return loc, code, f"{name}: {value!r} {_PATTERN_MESSAGES[pattern_kind]}", False
    if kind == "value_error":
        reason = message.removeprefix("Value error, ")
        if "calendar date" in reason:
            return loc, "M006", f"{name}: {reason}", False
        if "web address" in reason:
            return loc, "M007", f"{name}: {reason}", False
        if "country code" in reason:
            hint = did_you_mean(str(value).upper(), [str(value).upper()])
            return loc, "M007", f"{name}: {reason}{hint if hint else ''}", False
        return loc, "M003", reason if not loc else f"{name}: {reason}", False
    if kind in _TYPE_NAMES and value is None:
        return loc, "M003", f"{name} is empty (null): give {_TYPE_NAMES[kind]}", False
    if kind in _TYPE_NAMES:
        text = f"{name}: expected {_TYPE_NAMES[kind]}, got {_describe(value)}"
        raw = checked.yaml().plain_scalars.get(loc)
        if raw is not None and kind == "string_type":
            text += (
                f": the unquoted value {raw} is read as a {_describe(value).split()[1]}, quote it"
            )
        return loc, "M003", text, False
    return loc, "M003", f"{name}: {message}", False
