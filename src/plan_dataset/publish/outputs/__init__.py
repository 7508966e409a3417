"""Outputs: one registry of pure renderers, consumed by build, release and export.

Each output renders a ``Snapshot`` to its files, each a name and its bytes, whole or
in chunks (``content.py``): ``{file name: bytes}``, or ``(name, chunks)`` pairs made as
they are read, so that a large file is handed on while it is rendered and never held
whole. It says where they go: a folder of the project (the build), a folder of the
release zip, and whether ``plan-dataset export`` offers it. Adding an output is a new
renderer and one ``register`` call; nothing here writes to disk (``atomic.py`` does).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from plan_dataset.bundle import NAME as BUNDLE_NAME
from plan_dataset.models import MODELS
from plan_dataset.models.schema import render_schema, schema_file_name
from plan_dataset.publish.codegen import render_records_module
from plan_dataset.publish.outputs import parquet
from plan_dataset.publish.outputs.bundle import bundle_chunks, bundle_resource
from plan_dataset.publish.outputs.content import Streamed, joined
from plan_dataset.publish.outputs.datasette import render_metadata
from plan_dataset.publish.outputs.descriptor import archived_sources, render_descriptor
from plan_dataset.publish.outputs.dictionary import DICTIONARY_NAME, render_dictionary
from plan_dataset.publish.outputs.sqlite import render_sqlite
from plan_dataset.publish.outputs.tabular import table_files, table_resources
from plan_dataset.publish.snapshot import Snapshot

Files = dict[str, bytes]
# What a renderer gives: whole files by name, or (name, content) pairs as it makes them.
Rendered = Mapping[str, Streamed] | Iterable[tuple[str, Streamed]]
DATAPACKAGE = "datapackage.json"


def _no_resources(_folder: str, _suffix: str) -> list[dict[str, Any]]:
    return []


@dataclass(frozen=True)
class Output:
    """One output: how to render it, and where build, release and export put it."""

    name: str
    title: str
    render: Callable[[Snapshot], Rendered]
    resources: Callable[[str, str], list[dict[str, Any]]] = field(default=_no_resources)
    build_folder: str | None = None  # in the project; None: not part of the build
    owned_pattern: str | None = None  # files of this pattern in build_folder are all ours
    release_folder: str | None = None  # in the release zip ('' for its root)
    release_suffix: str = ""  # keeps resource names unique beside another format
    export: bool = False  # offered by `plan-dataset export --format`
    single_file: bool = False  # export's --out names the file itself


OUTPUTS: dict[str, Output] = {}


def register(output: Output) -> Output:
    OUTPUTS[output.name] = output
    return output


register(
    Output(
        "schema",
        "JSON Schemas of the record files",
        lambda _s: {schema_file_name(t): render_schema(t).encode("utf-8") for t in MODELS},
        build_folder="schema",
        owned_pattern="*.schema.json",
        release_folder="schema",
    )
)
register(
    Output(
        "csv",
        "CSV tables with datapackage.json",
        lambda s: table_files(s.rows, "csv"),
        lambda folder, suffix: table_resources(folder, "csv", suffix),
        build_folder="tables",
        owned_pattern="*.csv",
        release_folder="csv",
        export=True,
    )
)
register(
    Output(
        "json",
        "JSON tables with datapackage.json",
        lambda s: table_files(s.rows, "json"),
        lambda folder, suffix: table_resources(folder, "json", suffix),
        release_folder="json",
        release_suffix="-json",
        export=True,
    )
)
register(
    Output(
        "bundle",
        "Whole dataset as nested JSON",
        lambda s: {BUNDLE_NAME: bundle_chunks(s)},
        lambda folder, _suffix: [
            bundle_resource(f"{folder}/{BUNDLE_NAME}" if folder else BUNDLE_NAME)
        ],
        build_folder="src/plan_dataset/data",
        release_folder="",
    )
)
register(
    Output(
        "sqlite",
        "SQLite database",
        lambda s: {"plan-dataset.sqlite": render_sqlite(s.rows)},
        release_folder="",
        export=True,
        single_file=True,
    )
)
# Optional: only with pyarrow installed (the parquet extra); `export --format parquet`
# says which extra to install otherwise.
OPTIONAL_EXPORTS = {"parquet": parquet.INSTALL_HINT}
if parquet.available():
    register(
        Output(
            "parquet",
            "Parquet tables (typed, vocabularies dictionary-encoded)",
            lambda s: parquet.render_parquet(s.rows),
            release_folder="parquet",
            export=True,
        )
    )
register(
    Output(
        "datasette",
        "Datasette metadata for the SQLite file",
        lambda s: {"metadata.json": render_metadata(s)},
        release_folder="",
    )
)
register(
    Output(
        "records",
        "Record types of the loader",
        lambda _s: {"classes.py": render_records_module().encode("utf-8")},
        build_folder="src/plan_dataset/records",
    )
)


def _render_schema_digests(_snapshot: Snapshot) -> Files:
    lines = [
        '"""The sha256 of each table\'s JSON Schema file as the models generate it: a committed',
        "schema with these bytes needs no check against the metaschema (``models/schema.py``).",
        "",
        'Generated from the models by ``plan-dataset build``: do not edit."""',
        "",
        "SCHEMA_SHA256: dict[str, str] = {",
    ]
    for table in MODELS:
        digest = hashlib.sha256(render_schema(table).encode("utf-8")).hexdigest()
        lines.append(f'    "{table}": "{digest}",')  # table names are slugs: formatted as ruff does
    return {"schema_digests.py": ("\n".join([*lines, "}"]) + "\n").encode("utf-8")}


register(
    Output(
        "schema-digests",
        "Digests of the generated JSON Schemas, for validation",
        _render_schema_digests,
        build_folder="src/plan_dataset/models",
    )
)


def _render_columns(_snapshot: Snapshot) -> Files:
    from plan_dataset.flat.catalog import TABLES

    lines = [
        '"""Columns of every flat table, in order, with their types: what ``Dataset.rows()``',
        "and ``Dataset.to_pandas()`` need.",
        "",
        "Generated from flat/tables/ by ``plan-dataset build``: do not edit. It lets the",
        'loader build flat rows and typed frames without importing pydantic."""',
        "",
        "# table -> ((column, Frictionless type, vocabulary or None, the record field it",
        "# holds in a record table, or None), ...)",
        "TYPES: dict[",
        "    str, tuple[tuple[str, str, tuple[str, ...] | None, str | None], ...]",
        "] = {",
    ]
    for table in TABLES:
        lines.append(f"    {table.name!r}: (")
        lines += [
            f"        ({c.name!r}, {c.type!r}, {c.enum!r}, {c.path!r})," for c in table.columns
        ]
        lines.append("    ),")
    lines += [
        "}",
        "COLUMNS: dict[str, tuple[str, ...]] = {",
        "    table: tuple(column[0] for column in columns) for table, columns in TYPES.items()",
        "}",
        "PATHS: dict[str, tuple[tuple[str, str | None], ...]] = {",
        "    table: tuple((column[0], column[3]) for column in columns)",
        "    for table, columns in TYPES.items()",
        "}",
    ]
    return {"columns.py": ("\n".join(lines) + "\n").encode("utf-8")}


register(
    Output(
        "columns",
        "Columns of the flat tables with their types, for the loader",
        _render_columns,
        build_folder="src/plan_dataset/flat",
    )
)
register(
    Output(
        "dictionary",
        "Data dictionary: tables, columns, keys and vocabularies",
        lambda s: {DICTIONARY_NAME: render_dictionary(s)},
        build_folder="docs",
        release_folder="",
    )
)
register(
    Output(
        "readme",
        "README for data users",
        lambda s: {"README.md": s.data_readme} if s.data_readme is not None else {},
        release_folder="",
    )
)


register(
    Output(
        "verbatim",
        "The archived source texts (seeds/) and the licences, byte for byte",
        lambda s: dict(s.verbatim),
        release_folder="",
    )
)
register(
    Output(
        "citation",
        "CITATION.cff, with the dataset's version",
        lambda s: {"CITATION.cff": render_citation(s)} if s.citation is not None else {},
        build_folder="",
        release_folder="",
    )
)


def render_citation(snapshot: Snapshot) -> bytes:
    """CITATION.cff with its ``version`` set to the dataset's: _version.py is the one place
    the version is written; the build carries it here."""
    assert snapshot.citation is not None
    text = snapshot.citation.decode("utf-8")
    line = f"version: {snapshot.version}"
    updated, count = re.subn(r"(?m)^version: .*$", line, text, count=1)
    if count == 0:
        updated = text.rstrip("\n") + f"\n{line}\n"
    return updated.encode("utf-8")


def _join(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name


def _files(output: Output, snapshot: Snapshot) -> Iterator[tuple[str, Streamed]]:
    """The output's files, each rendered only when the one before has been handed on."""
    rendered = output.render(snapshot)
    yield from rendered.items() if isinstance(rendered, Mapping) else rendered


def _stream(snapshot: Snapshot, release: bool) -> Iterator[tuple[str, Streamed]]:
    """The files of every output of the build (or the release), then the descriptor."""
    resources: list[dict[str, Any]] = []
    for output in OUTPUTS.values():
        folder = output.release_folder if release else output.build_folder
        if folder is None:
            continue
        for name, content in _files(output, snapshot):
            yield _join(folder, name), content
        resources += output.resources(folder, output.release_suffix if release else "")
    yield DATAPACKAGE, render_descriptor(snapshot.version, resources, archived_sources(snapshot))


def iter_build_files(snapshot: Snapshot) -> Iterator[tuple[str, Streamed]]:
    """Every generated file of the project, by path from its root, each rendered as it is
    read (the build stages each chunk as it comes, instead of holding the outputs)."""
    return _stream(snapshot, release=False)


def build_files(snapshot: Snapshot) -> Files:
    """Every generated file of the project, by path from its root, in memory."""
    return {name: joined(content) for name, content in iter_build_files(snapshot)}


CHECKSUMS = "SHA256SUMS"


def iter_release_files(snapshot: Snapshot) -> Iterator[tuple[str, Streamed]]:
    """Every file of the release zip but ``SHA256SUMS`` (``checksums`` of the others),
    each rendered as it is read."""
    return _stream(snapshot, release=True)


def checksums(digests: Mapping[str, str]) -> bytes:
    """``SHA256SUMS``: the sha256 of every other file of the release, by name."""
    return "".join(f"{digests[name]}  {name}\n" for name in sorted(digests)).encode("utf-8")


def release_files(snapshot: Snapshot) -> Files:
    """Every file of the release zip, with its descriptor and checksums, in memory."""
    files = {name: joined(content) for name, content in iter_release_files(snapshot)}
    files[CHECKSUMS] = checksums(
        {name: hashlib.sha256(content).hexdigest() for name, content in files.items()}
    )
    return files


def iter_export_files(snapshot: Snapshot, name: str) -> Iterator[tuple[str, Streamed]]:
    """The files of one export format, each rendered as it is read; folder formats get
    their own datapackage.json."""
    output = OUTPUTS[name]
    yield from _files(output, snapshot)
    resources = output.resources("", "")
    if resources and not output.single_file:
        yield DATAPACKAGE, render_descriptor(snapshot.version, resources, [])


def export_files(snapshot: Snapshot, name: str) -> Files:
    """The files of one export format, in memory."""
    return {file: joined(content) for file, content in iter_export_files(snapshot, name)}


def exporters() -> list[str]:
    return [name for name, output in OUTPUTS.items() if output.export]


def missing_exporters() -> dict[str, str]:
    """Export formats this installation lacks, with the command that adds each."""
    return {name: hint for name, hint in OPTIONAL_EXPORTS.items() if name not in OUTPUTS}
