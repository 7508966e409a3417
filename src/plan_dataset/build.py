"""Build: validate, then write the schemas, flat tables, JSON bundle and datapackage.json.

Outputs are rendered in memory first and written only when validation passes.
Each file goes to a temporary name beside its target and is then renamed over
it, so a failed or interrupted build leaves the previous outputs whole.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from plan_dataset._version import __version__
from plan_dataset.codegen import RECORDS_PATH, render_records_module
from plan_dataset.export import (
    PACKAGE_METADATA,
    FlatTables,
    render_csv,
    render_descriptor,
    table_resource,
)
from plan_dataset.models import MODELS, AnyEvidence, QuoteEvidence, Record, Source
from plan_dataset.schema import SCHEMA_DIR, render_schema, schema_file_name
from plan_dataset.tables import TABLES, Spans, flat_tables
from plan_dataset.validation import ValidationReport, validate

TABLES_DIR = "tables"
BUNDLE_PATH = "src/plan_dataset/data/plan-dataset.json"
DATAPACKAGE_PATH = "datapackage.json"


def records_by_table(report: ValidationReport) -> dict[str, list[Record]]:
    """Valid records of each table, sorted by id."""
    tables: dict[str, list[Record]] = {name: [] for name in MODELS}
    for checked in report.records:
        if checked.model is not None:
            tables[checked.table].append(checked.model)
    for records in tables.values():
        records.sort(key=lambda record: record.id)
    return tables


def quote_spans(report: ValidationReport, records: dict[str, list[Record]]) -> Spans:
    """Where each quote sits in its archived text, found through the validation index."""
    texts = {}
    for source in records["sources"]:
        assert isinstance(source, Source)
        text = report.index.source_text(source)
        if text is not None:
            texts[source.id] = text

    def spans(_attribution_id: str, item: AnyEvidence) -> tuple[int, int] | None:
        if isinstance(item, QuoteEvidence) and item.source in texts:
            return texts[item.source].find(item.quote)
        return None

    return spans


def render_bundle(records: dict[str, list[Record]], flat: FlatTables) -> bytes:
    """The whole dataset as nested JSON: what ``plan_dataset.load()`` reads.

    ``offsets`` carries each quote's place in its archived text, which the
    installed package cannot recompute because it does not ship the seeds.
    """
    bundle = {
        "name": PACKAGE_METADATA["name"],
        "version": __version__,
        "tables": {
            table: [record.model_dump(mode="json") for record in table_records]
            for table, table_records in records.items()
        },
        "offsets": {
            row["id"]: [row["start"], row["end"]]
            for row in flat["attributions"]
            if row["start"] is not None
        },
    }
    return (json.dumps(bundle, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def bundle_resource() -> dict[str, Any]:
    return {
        "name": "bundle",
        "title": "Whole dataset as nested JSON",
        "description": "Every record with its embedded evidence, as plan_dataset.load() reads it.",
        "path": BUNDLE_PATH,
        "type": "json",
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
    }


def archived_sources(records: dict[str, list[Record]]) -> list[dict[str, Any]]:
    return [
        {"title": s.title, "path": s.path}
        for s in records["sources"]
        if isinstance(s, Source) and s.path
    ]


def render_outputs(report: ValidationReport) -> dict[str, bytes]:
    """Every generated file, by path relative to the project root."""
    records = records_by_table(report)
    flat = flat_tables(records, quote_spans(report, records))
    outputs = {
        f"{SCHEMA_DIR}/{schema_file_name(table)}": render_schema(table).encode("utf-8")
        for table in MODELS
    }
    for table in TABLES:
        outputs[f"{TABLES_DIR}/{table.name}.csv"] = render_csv(table, flat[table.name])
    outputs[BUNDLE_PATH] = render_bundle(records, flat)
    outputs[RECORDS_PATH] = render_records_module().encode("utf-8")
    resources = [table_resource(t, f"{TABLES_DIR}/{t.name}.csv", "csv") for t in TABLES]
    outputs[DATAPACKAGE_PATH] = render_descriptor(
        [*resources, bundle_resource()], archived_sources(records)
    )
    return outputs


def stale_outputs(root: Path, outputs: dict[str, bytes]) -> list[str]:
    """Generated files whose committed copy differs from a fresh build, or is missing."""
    stale = []
    for relative, content in sorted(outputs.items()):
        target = root / relative
        if not target.is_file() or target.read_bytes() != content:
            stale.append(relative)
    for folder, suffix in ((SCHEMA_DIR, ".schema.json"), (TABLES_DIR, ".csv")):
        for path in sorted((root / folder).glob(f"*{suffix}")):
            if path.relative_to(root).as_posix() not in outputs:
                stale.append(path.relative_to(root).as_posix())
    return stale


def write_outputs(root: Path, outputs: dict[str, bytes]) -> list[str]:
    """Write changed outputs so that a failure leaves the previous ones in place.

    All new contents go to temporary files first. Old files are kept as hard-linked
    backups while the new ones are renamed into place, and restored if any rename fails.
    """
    changed = [rel for rel, content in sorted(outputs.items()) if _differs(root / rel, content)]
    obsolete = [
        path
        for folder, suffix in ((SCHEMA_DIR, ".schema.json"), (TABLES_DIR, ".csv"))
        for path in sorted((root / folder).glob(f"*{suffix}"))
        if path.relative_to(root).as_posix() not in outputs
    ]
    staged: dict[Path, Path] = {}
    backups: dict[Path, Path] = {}
    swapped: list[Path] = []
    try:
        for relative in changed:
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            staged[target] = _temporary_copy(target, outputs[relative])
        for target in [*staged, *obsolete]:
            if target.exists():
                backup = target.with_name(f".{target.name}.backup")
                backup.unlink(missing_ok=True)
                os.link(target, backup)
                backups[target] = backup
        for target, temporary in staged.items():
            os.replace(temporary, target)
            swapped.append(target)
        for path in obsolete:
            path.unlink()
            swapped.append(path)
    except BaseException:
        for target, backup in backups.items():
            # rename() between two links to one file is a no-op, so only swapped ones move back.
            if target in swapped:
                os.replace(backup, target)
            else:
                backup.unlink()
        for temporary in staged.values():
            temporary.unlink(missing_ok=True)
        for target in swapped:
            if target not in backups:
                target.unlink(missing_ok=True)
        raise
    for backup in backups.values():
        backup.unlink(missing_ok=True)
    return changed + [path.relative_to(root).as_posix() for path in obsolete]


def _temporary_copy(target: Path, content: bytes) -> Path:
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    with os.fdopen(handle, "wb") as stream:
        stream.write(content)
    os.chmod(temporary, 0o644)
    return Path(temporary)


def _differs(path: Path, content: bytes) -> bool:
    return not path.is_file() or path.read_bytes() != content


def build(root: Path) -> tuple[ValidationReport, list[str]]:
    """Validate the project at ``root``; if valid, write its outputs. Returns what changed."""
    report = validate(root)
    if not report.ok:
        return report, []
    return report, write_outputs(root, render_outputs(report))
