"""The release bundle: one reproducible zip with every format, the schemas and checksums."""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import zipfile
from pathlib import Path

from plan_dataset._version import __version__
from plan_dataset.build import (
    archived_sources,
    quote_spans,
    records_by_table,
    render_bundle,
)
from plan_dataset.export import render_descriptor, render_sqlite, table_files, table_resource
from plan_dataset.models import MODELS
from plan_dataset.schema import render_schema, schema_file_name
from plan_dataset.tables import TABLES, flat_tables
from plan_dataset.validation import ValidationReport

RELEASE_DIR = "dist"
DATA_README = Path("docs/DATA-README.md")
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)  # the earliest zip date: no build time leaks in


def release_name() -> str:
    return f"plan-dataset-{__version__}"


def release_files(root: Path, report: ValidationReport) -> dict[str, bytes]:
    """Every file of the bundle, by path inside its top folder."""
    records = records_by_table(report)
    flat = flat_tables(records, quote_spans(report, records))
    files: dict[str, bytes] = {}
    for data_format in ("csv", "json"):
        tables = table_files(flat, data_format, folder=data_format)
        del tables["datapackage.json"]
        files.update(tables)
    files["plan-dataset.json"] = render_bundle(records, flat)
    files["plan-dataset.sqlite"] = render_sqlite(flat)
    for table in MODELS:
        files[f"schema/{schema_file_name(table)}"] = render_schema(table).encode("utf-8")
    readme = root / DATA_README
    if readme.is_file():
        files["README.md"] = readme.read_bytes()
    resources = [table_resource(t, f"csv/{t.name}.csv", "csv") for t in TABLES]
    resources += [table_resource(t, f"json/{t.name}.json", "json", suffix="-json") for t in TABLES]
    resources.append(
        {
            "name": "bundle",
            "title": "Whole dataset as nested JSON",
            "description": "Every record with its embedded evidence, as plan_dataset.load() reads it.",
            "path": "plan-dataset.json",
            "type": "json",
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
        }
    )
    files["datapackage.json"] = render_descriptor(resources, archived_sources(records))
    sums = "".join(
        f"{hashlib.sha256(content).hexdigest()}  {name}\n"
        for name, content in sorted(files.items())
    )
    files["SHA256SUMS"] = sums.encode("utf-8")
    return files


def render_zip(files: dict[str, bytes], top: str) -> bytes:
    """A zip whose bytes depend only on the files: fixed dates, order and permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{top}/{name}", date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()


def write_release(root: Path, report: ValidationReport) -> Path:
    """Write dist/plan-dataset-<version>.zip atomically and return its path."""
    target = root / RELEASE_DIR / f"{release_name()}.zip"
    target.parent.mkdir(parents=True, exist_ok=True)
    content = render_zip(release_files(root, report), release_name())
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    with os.fdopen(handle, "wb") as stream:
        stream.write(content)
    os.chmod(temporary, 0o644)
    os.replace(temporary, target)
    return target
