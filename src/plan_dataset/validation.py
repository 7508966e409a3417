"""The validation layers: files and YAML, model, dataset, provenance.

Every layer reports ``Problem`` values and never raises on bad input, so one run
lists everything that is wrong. Printing is the reporters' job.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from plan_dataset.models import (
    MODELS,
    PLAN_TARGET,
    SLUG_RE,
    LocatorEvidence,
    Provision,
    QuoteEvidence,
    Record,
    Source,
    evidence_items,
    references,
)
from plan_dataset.problems import Problem
from plan_dataset.provenance import SourceText, archive_path_problem, sha256_of
from plan_dataset.schema import (
    SCHEMA_DIR,
    field_names_at,
    schema_header_line,
    schema_validator,
)
from plan_dataset.yaml_reader import Loc, YamlRecord, read_yaml

DATA_DIR = "data"
RECORD_SUFFIX = ".yaml"


@dataclass
class CheckedRecord:
    """One record file after the file, YAML and model layers."""

    table: str
    path: Path
    display: str
    parsed: YamlRecord | None  # None once released; see release()
    model: Record | None = None
    problems: list[Problem] = field(default_factory=list)

    def add(self, loc: Loc, code: str, message: str, *, at_key: bool = False) -> None:
        line, column = self.yaml().locate(loc, at_key=at_key)
        self.problems.append(Problem(self.display, line, column, code, message))

    def yaml(self) -> YamlRecord:
        """The parsed file with the position of every value, read again if released."""
        if self.parsed is None:
            self.parsed = read_yaml(self.path, self.display)
        return self.parsed

    def release(self) -> None:
        """Drop the parsed mapping and positions once the per-file layers are done.

        They are most of a record's memory, so keeping them would make a large
        corpus cost gigabytes; the few records a later layer faults are read again.
        """
        self.parsed = None


@dataclass
class ValidationReport:
    records: list[CheckedRecord]
    problems: list[Problem]
    index: DatasetIndex

    @property
    def ok(self) -> bool:
        return not self.problems


def _relative(path: Path, base: Path) -> Path | None:
    """``path`` relative to ``base``: lexically when it can be, else after resolving links."""
    try:
        return path.relative_to(base)
    except ValueError:
        pass
    try:
        return path.resolve().relative_to(base.resolve())
    except ValueError:
        return None


def display_path(root: Path, path: Path) -> str:
    relative = _relative(path, root)
    return (relative or path).as_posix()


# Layer 1 and 2: one file at a time.

_PATTERN_MESSAGES = {
    "slug": "is not a lowercase slug (a-z, 0-9, single hyphens between)",
    "date": "is not a date like 2025-11-19, 2025-11 or 2025",
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


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _loc_text(loc: Loc) -> str:
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
    return "date" if "[0-9]{4}" in pattern else "slug"


def _model_problem(checked: CheckedRecord, error: dict[str, Any]) -> tuple[Loc, str, str, bool]:
    """Code, message and location for one pydantic error."""
    kind = error["type"]
    loc = _clean_loc(error["loc"], checked.yaml().value, kind)
    name = _loc_text(loc)
    value = error.get("input")
    message = str(error.get("msg", ""))
    if kind == "extra_forbidden":
        hint = _did_you_mean(str(loc[-1]), field_names_at(checked.table, loc[:-1]))
        return loc, "M001", f"unknown field '{loc[-1]}'{hint}", True
    if kind == "missing":
        where = _loc_text(loc[:-1])
        suffix = "" if where == "record" else f" in {where}"
        return loc[:-1], "M002", f"missing required field '{loc[-1]}'{suffix}", False
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))
        hint = _did_you_mean(str(value), allowed) if isinstance(value, str) else ""
        return loc, "M004", f"{name}: {value!r} is not one of {', '.join(allowed)}{hint}", False
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        return loc, "M005", f"{name}: {message.replace('Input should', 'must')}", False
    if kind in ("too_short", "too_long", "string_too_short", "string_too_long"):
        return loc, "M008", f"{name}: {message.replace('Input should', 'must')}", False
    if kind == "string_pattern_mismatch":
        pattern_kind = _pattern_kind(str(error.get("ctx", {}).get("pattern", "")))
        code = "M006" if pattern_kind == "date" else "M007"
        return loc, code, f"{name}: {value!r} {_PATTERN_MESSAGES[pattern_kind]}", False
    if kind == "value_error":
        reason = message.removeprefix("Value error, ")
        if "calendar date" in reason:
            return loc, "M006", f"{name}: {reason}", False
        if "country code" in reason:
            hint = _did_you_mean(str(value).upper(), [str(value).upper()])
            return loc, "M007", f"{name}: {reason}{hint if hint else ''}", False
        return loc, "M009", reason if not loc else f"{name}: {reason}", False
    if kind in _TYPE_NAMES:
        text = f"{name}: expected {_TYPE_NAMES[kind]}, got {_describe(value)}"
        raw = checked.yaml().plain_scalars.get(loc)
        if raw is not None and kind == "string_type":
            text += (
                f": the unquoted value {raw} is read as a {_describe(value).split()[1]}, quote it"
            )
        return loc, "M003", text, False
    return loc, "M003", f"{name}: {message}", False


def check_model(checked: CheckedRecord, schema_dir: Path | None = None) -> None:
    """Layer 2: the Pydantic model, then the table's JSON Schema, which must agree."""
    model_class = MODELS[checked.table]
    raw = checked.yaml().value
    try:
        checked.model = model_class.model_validate(raw, strict=True)
    except ValidationError as error:
        seen: set[tuple[Loc, str]] = set()
        for item in error.errors(include_url=False):
            loc, code, message, at_key = _model_problem(checked, dict(item))
            if (loc, code) not in seen:
                seen.add((loc, code))
                checked.add(loc, code, message, at_key=at_key)
        return
    schema_errors = sorted(
        schema_validator(checked.table, schema_dir).iter_errors(raw),
        key=lambda e: list(e.absolute_path),
    )
    if schema_errors:
        first = schema_errors[0]
        loc = tuple(first.absolute_path)
        checked.add(
            loc,
            "M010",
            f"{_loc_text(loc)}: the model accepts this but schema/{checked.table}.schema.json "
            f"rejects it: {first.message} (after a model change, `plan-dataset build` "
            "regenerates the schema)",
        )


def check_record_file(root: Path, table: str, path: Path) -> CheckedRecord:
    """Layers 1 and 2 for one file: file layout, strict YAML, text hygiene, model."""
    display = display_path(root, path)
    parsed = read_yaml(path, display)
    checked = CheckedRecord(table, path, display, parsed, problems=list(parsed.problems))
    structure_broken = any(not problem.code.startswith("T") for problem in parsed.problems)
    if structure_broken or not isinstance(parsed.value, dict):
        return checked  # later layers need a sound mapping; text problems alone allow one
    header = schema_header_line(table)
    if parsed.first_line != header:
        checked.problems.append(
            Problem(display, 1, 1, "F002", f"the first line must be '{header}'")
        )
    check_model(checked, root / SCHEMA_DIR)
    record_id = parsed.value.get("id")
    if isinstance(record_id, str) and record_id != path.stem:
        checked.add(("id",), "F001", f"id '{record_id}' differs from the file name '{path.name}'")
    if not SLUG_RE.fullmatch(path.stem):
        checked.problems.append(
            Problem(display, 1, 1, "F001", f"file name '{path.name}' is not '<slug>.yaml'")
        )
    return checked


# Finding files.


def find_record_files(root: Path, paths: Sequence[Path] | None) -> tuple[list[Path], list[Problem]]:
    """Record files to check: everything under data/, or the given files and folders."""
    data = root / DATA_DIR
    problems: list[Problem] = []
    found: list[Path] = []
    targets = [data] if paths is None else list(paths)
    for target in targets:
        if not target.exists():
            problems.append(
                Problem(display_path(root, target), 1, 1, "F004", "no such file or directory")
            )
        elif target.is_dir():
            found.extend(p for p in sorted(target.rglob("*")) if p.is_file())
        else:
            found.append(target)
    return sorted(set(found)), problems


def table_of(root: Path, path: Path) -> str | None:
    """The table a record file belongs to, from its place under data/."""
    relative = _relative(path, root / DATA_DIR)
    if relative is None or ".." in relative.parts:
        return None
    parts = relative.parts
    if len(parts) == 2 and parts[0] in MODELS and parts[1].endswith(RECORD_SUFFIX):
        return parts[0]
    return None


# Layer 3 and 4: across records.


class DatasetIndex:
    """What exists in the whole dataset, with records loaded only when needed.

    Ids come from file names (the file layer makes them equal), so validating a
    few files does not parse the rest.
    """

    # Past this many look-ups in one table, listing its folder is cheaper than probing files.
    PROBES_BEFORE_LISTING = 64

    def __init__(self, root: Path, checked: Iterable[CheckedRecord]) -> None:
        self.root = root
        self.loaded: dict[tuple[str, str], CheckedRecord] = {}
        self.checked_ids: dict[str, set[str]] = {table: set() for table in MODELS}
        self.listed: dict[str, set[str]] = {}
        self.probes: dict[str, int] = dict.fromkeys(MODELS, 0)
        for record in checked:
            if record.model is not None:
                self.loaded[(record.table, record.model.id)] = record
                self.checked_ids[record.table].add(record.model.id)
        self.texts: dict[str, SourceText | None] = {}

    def ids(self, table: str) -> set[str]:
        """Every id in a table: the file names in its folder, listed once."""
        if table not in self.listed:
            folder = self.root / DATA_DIR / table
            names = os.listdir(folder) if folder.is_dir() else []
            stems = {n[: -len(RECORD_SUFFIX)] for n in names if n.endswith(RECORD_SUFFIX)}
            self.listed[table] = stems | self.checked_ids[table]
        return self.listed[table]

    def exists(self, table: str, record_id: str) -> bool:
        """Whether a record exists, without listing big folders for a few look-ups."""
        if record_id in self.checked_ids[table]:
            return True
        if table not in self.listed:
            self.probes[table] += 1
            if self.probes[table] <= self.PROBES_BEFORE_LISTING:
                return (self.root / DATA_DIR / table / f"{record_id}{RECORD_SUFFIX}").is_file()
        return record_id in self.ids(table)

    def record(self, table: str, record_id: str) -> Record | None:
        key = (table, record_id)
        if key not in self.loaded:
            path = self.root / DATA_DIR / table / f"{record_id}{RECORD_SUFFIX}"
            if not path.is_file():
                return None
            self.loaded[key] = check_record_file(self.root, table, path)
        return self.loaded[key].model

    def source_text(self, source: Source) -> SourceText | None:
        """The archived text of a source, if its path is safe and the file is there."""
        if source.id not in self.texts:
            text = None
            if source.path is not None and archive_path_problem(self.root, source.path) is None:
                file = self.root / source.path
                if file.is_file():
                    text = SourceText.from_text(file.read_text(encoding="utf-8", errors="replace"))
            self.texts[source.id] = text
        return self.texts[source.id]

    def archived_sources(self) -> list[Source]:
        sources = [self.record("sources", source_id) for source_id in sorted(self.ids("sources"))]
        return [s for s in sources if isinstance(s, Source) and s.path is not None]


def check_references(record: CheckedRecord, index: DatasetIndex) -> None:
    """Layer 3: every reference resolves to a record of the right table and kind."""
    assert record.model is not None
    model = record.model
    if isinstance(model, Provision) and model.id == PLAN_TARGET:
        record.add(("id",), "D003", f"'{PLAN_TARGET}' is reserved for position targets")
    if getattr(model, "affiliation", None) == model.id:
        record.add(("affiliation",), "D003", "a stakeholder cannot be affiliated with itself")
    for loc, tables, target in references(model):
        found = [table for table in tables if index.exists(table, target)]
        if not found:
            singular = " or ".join(table.removesuffix("s") for table in tables)
            known = set().union(*(index.ids(table) for table in tables))
            record.add(
                loc, "D002", f"{singular} '{target}' does not exist{_did_you_mean(target, known)}"
            )
        elif loc[:2] == ("reconciliation", "points"):
            point = index.record(found[0], target)
            if isinstance(point, Provision) and point.status != "published":
                record.add(loc, "D002", f"provision '{target}' is not a published point")
    for field_name in ("supersedes", "derived_from"):
        if getattr(model, field_name, None) == model.id:
            record.add((field_name,), "D003", f"a document cannot name itself in {field_name}")


def check_unique(records: Sequence[CheckedRecord], index: DatasetIndex) -> None:
    """Layer 3: ids are unique across all tables; point numbers within a document."""
    checked_files = {(record.table, record.path.stem) for record in records}
    first_seen: dict[str, CheckedRecord] = {}
    for record in records:
        if record.model is None:
            continue
        record_id = record.model.id
        other = first_seen.setdefault(record_id, record)
        if other is not record:
            record.add(("id",), "D001", f"id '{record_id}' is also used by {other.display}")
        for table in MODELS:
            if (
                table != record.table
                and (table, record_id) not in checked_files
                and index.exists(table, record_id)
            ):
                record.add(("id",), "D001", f"id '{record_id}' is also used in data/{table}/")
    points: dict[tuple[str, int], list[CheckedRecord]] = {}
    for record in records:
        model = record.model
        if isinstance(model, Provision) and model.document and model.point_number:
            points.setdefault((model.document, model.point_number), []).append(record)
    for (document, number), holders in points.items():
        for record in holders if len(holders) > 1 else ():
            others = ", ".join(other.display for other in holders if other is not record)
            record.add(("point_number",), "D004", f"point {number} of {document} is also {others}")


def check_provenance(record: CheckedRecord, index: DatasetIndex) -> None:
    """Layer 4: archived files are intact and every quote occurs in its source."""
    model = record.model
    assert model is not None
    if isinstance(model, Source) and model.path is not None:
        reason = archive_path_problem(index.root, model.path)
        if reason:
            record.add(("path",), "P005", reason)
        elif not (index.root / model.path).is_file():
            record.add(("path",), "P003", f"archived file {model.path} does not exist")
        else:
            actual = sha256_of(index.root / model.path)
            if actual != model.sha256:
                record.add(
                    ("sha256",), "P004", f"sha256 of {model.path} is {actual}, not {model.sha256}"
                )
    for loc, _part, item in evidence_items(model):
        source = index.record("sources", item.source)
        if not isinstance(source, Source):
            continue  # a missing or broken source is reported where it is
        if isinstance(item, LocatorEvidence) and source.path is not None:
            record.add(
                (*loc, "locator"),
                "P006",
                f"source '{source.id}' is archived: cite it with a verbatim quote",
            )
        elif isinstance(item, QuoteEvidence):
            if source.path is None:
                record.add(
                    (*loc, "quote"),
                    "P006",
                    f"source '{source.id}' is not archived: cite it with a locator and paraphrase",
                )
                continue
            text = index.source_text(source)
            if text is None or text.find(item.quote) is not None:
                continue
            elsewhere = [
                other.id
                for other in index.archived_sources()
                if other.id != source.id
                and (other_text := index.source_text(other)) is not None
                and other_text.find(item.quote) is not None
            ]
            if elsewhere:
                record.add(
                    (*loc, "quote"),
                    "P002",
                    f"quote is not in '{source.id}', but it is in '{elsewhere[0]}'",
                )
            else:
                record.add((*loc, "quote"), "P001", f"quote is not in source '{source.id}'")


def validate(root: Path, paths: Sequence[Path] | None = None) -> ValidationReport:
    """Run every layer over the dataset under ``root``, or over the given paths only."""
    files, problems = find_record_files(root, paths)
    checked: list[CheckedRecord] = []
    for path in files:
        table = table_of(root, path)
        if table is None:
            problems.append(
                Problem(
                    display_path(root, path),
                    1,
                    1,
                    "F003",
                    "not a record file: records live in data/<table>/<id>.yaml with a table "
                    f"from {', '.join(MODELS)}",
                )
            )
            continue
        record = check_record_file(root, table, path)
        record.release()
        checked.append(record)
    index = DatasetIndex(root, checked)
    check_unique(checked, index)
    for record in checked:
        if record.model is not None:
            check_references(record, index)
            check_provenance(record, index)
    for record in checked:
        problems.extend(record.problems)
    return ValidationReport(checked, sorted(problems), index)
