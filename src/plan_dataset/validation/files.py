"""Layer 1: finding record files, their layout, strict YAML and clean text.

The YAML reader (``read/yaml_reader.py``) emits the Y and T codes; this module
declares them with the file-layout codes, finds the files to check and runs the
per-file layers on each.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from plan_dataset.models import MODELS, SLUG_RE
from plan_dataset.models.schema import schema_header_line
from plan_dataset.problems import Problem
from plan_dataset.read.walk import walk
from plan_dataset.read.yaml_reader import read_yaml
from plan_dataset.validation.base import (
    DATA_DIR,
    RECORD_SUFFIX,
    CheckedRecord,
    Code,
    _relative,
    display_path,
)
from plan_dataset.validation.layer import Layer
from plan_dataset.validation.model import check_model

# data/<table>/<id>.yaml needs two levels; a few more still get a clear F003 per file.
WALK_DEPTH = 4

CODES = {
    "Y001": Code(
        "yaml",
        "YAML syntax error",
        "the indentation is off: this line is lined up neither with the fields of the list item above it nor with the list's '- ' lines; indent it like the fields of its item, or start a new item with '- '",
    ),
    "Y002": Code("yaml", "duplicate key", "duplicate key 'title' (first at line 4)"),
    "Y003": Code(
        "yaml",
        "YAML tag used",
        "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",
    ),
    "Y004": Code("yaml", "anchor or alias used", "alias '*t' is not allowed: write the value out"),
    "Y005": Code(
        "yaml", "top level is not a mapping", "a record must be a mapping of fields, found a list"
    ),
    "Y006": Code("yaml", "empty file", "the file holds no record"),
    "Y007": Code("yaml", "not UTF-8", "invalid UTF-8 byte 0xe9"),
    "Y008": Code(
        "yaml", "byte-order mark", "remove the UTF-8 byte-order mark at the start of the file"
    ),
    "Y009": Code("yaml", "file too large", "file is 262161 bytes; the limit is 262144"),
    "Y010": Code("yaml", "nested too deeply", "nested deeper than 12 levels"),
    "Y011": Code(
        "yaml",
        "value YAML 1.1 and 1.2 read differently",
        "'012345' is read differently by YAML 1.1 and 1.2 readers: quote it",
    ),
    "Y012": Code(
        "yaml", "more than one document", "a record file holds one YAML document: remove '---'"
    ),
    "Y013": Code("yaml", "key is not a string", "mapping keys must be plain strings"),
    "F001": Code(
        "file",
        "file name differs from id",
        "id 'another-id' differs from the file name 'f001-id-mismatch.yaml'",
    ),
    "F002": Code(
        "file",
        "schema line missing or wrong",
        "the first line must be '# yaml-language-server: $schema=../../schema/events.schema.json'",
    ),
    "F003": Code(
        "file",
        "file outside a table folder",
        # Built from the tables, so that a new table keeps the example true.
        "not a record file: records live in data/<table>/<id>.yaml with a table from "
        + ", ".join(MODELS),
    ),
    "F004": Code("file", "path not found or unreadable", "no such file or directory"),
    "F005": Code(
        "file",
        "not a regular file",
        "symbolic links are refused",
    ),
    "T001": Code(
        "text",
        "invisible or bidirectional-control character",
        "invisible or format character U+202E RIGHT-TO-LEFT OVERRIDE",
    ),
    "T002": Code("text", "text not NFC-normalized", "text is not NFC-normalized"),
    "T003": Code(
        "text",
        "starts like a spreadsheet formula",
        "text starts with '=', which spreadsheets run as a formula",
    ),
    "T004": Code("text", "control character", "control character U+0007"),
}


def check_record_file(
    root: Path, table: str, path: Path, schema_dir: Path | None = None
) -> CheckedRecord:
    """The per-file layers for one file: layout, strict YAML, text hygiene, model."""
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
    checked.readable = True
    check_model(checked, schema_dir)
    record_id = parsed.value.get("id")
    if isinstance(record_id, str) and record_id != path.stem:
        checked.add(("id",), "F001", f"id {record_id!r} differs from the file name {path.name!r}")
    if not SLUG_RE.fullmatch(path.stem):
        checked.problems.append(
            Problem(display, 1, 1, "F001", f"file name {path.name!r} is not '<slug>.yaml'")
        )
    return checked


def _walk(folder: Path, root: Path, problems: list[Problem]) -> list[Path]:
    """Regular files under ``folder``; links and special files are reported, never followed,
    and the walk is iterative and stops at a depth limit (no RecursionError, no hang)."""
    tree = walk(folder, max_depth=WALK_DEPTH)

    def report(path: Path, code: str, message: str) -> None:
        problems.append(Problem(display_path(root, path), 1, 1, code, message))

    for path, reason in tree.unreadable:
        report(path, "F004", f"cannot list: {reason}")
    for path in tree.links:
        report(path, "F005", "symbolic links are refused")
    for path in tree.special:
        report(path, "F005", "not a regular file")
    for path in tree.too_deep:
        report(path, "F004", f"folders nested deeper than {WALK_DEPTH} levels are not read")
    if tree.truncated:
        report(folder, "F004", "more entries than any dataset holds; the rest are not read")
    return tree.files


def find_record_files(root: Path, paths: Sequence[Path] | None) -> tuple[list[Path], list[Problem]]:
    """Record files to check: everything under data/, or the given files and folders."""
    problems: list[Problem] = []
    found: list[Path] = []
    targets = [root / DATA_DIR] if paths is None else list(paths)
    for target in targets:
        shown = display_path(root, target)
        try:
            if target.is_symlink():
                problems.append(Problem(shown, 1, 1, "F005", "symbolic links are refused"))
            elif not target.exists():
                problems.append(Problem(shown, 1, 1, "F004", "no such file or directory"))
            elif target.is_dir():
                found.extend(_walk(target, root, problems))
            elif target.is_file():
                found.append(target)
            else:
                problems.append(Problem(shown, 1, 1, "F005", "not a regular file"))
        except (OSError, ValueError) as error:  # e.g. a name too long, or a NUL byte
            problems.append(Problem(shown, 1, 1, "F004", f"cannot read: {error}"))
    # A walk lists its files in order: dropping repeats in order keeps the sort cheap.
    return sorted(dict.fromkeys(found)), problems


@functools.lru_cache(maxsize=8)
def _data_parts(root: Path) -> tuple[str, ...]:
    return (root / DATA_DIR).parts


def table_of(root: Path, path: Path) -> str | None:
    """The table a record file belongs to, from its place under data/."""
    if path.parts[:-2] == _data_parts(root):  # a walk's files: no need to compare further
        parts = path.parts[-2:]
    else:
        relative = _relative(path, root / DATA_DIR)
        if relative is None or ".." in relative.parts:
            return None
        parts = relative.parts
    if len(parts) == 2 and parts[0] in MODELS and parts[1].endswith(RECORD_SUFFIX):
        return parts[0]
    return None


def not_a_record_file(root: Path, path: Path) -> Problem:
    return Problem(
        display_path(root, path),
        1,
        1,
        "F003",
        "not a record file: records live in data/<table>/<id>.yaml with a table "
        f"from {', '.join(MODELS)}",
    )


LAYER = Layer("files", CODES)
