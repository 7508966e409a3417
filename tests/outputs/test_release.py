"""Exports, the release zip, pandas frames and the record scaffold."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, run_cli

import plan_dataset
from plan_dataset.flat.catalog import TABLES


@pytest.fixture
def project(small_project: Path) -> Path:
    """Mechanics behave alike whatever the data: the small project (tests/small_project.py)."""
    return small_project


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_sqlite_export_has_keys_indexes_and_every_row(whole_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.sqlite"
    result = run_cli("export", "--format", "sqlite", "--out", str(out), cwd=whole_project)
    assert result.returncode == 0, result.stderr
    db = sqlite3.connect(out)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in TABLES:
        count = db.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()[0]
        assert count == len(_csv_rows(ROOT / "tables" / f"{table.name}.csv")), table.name
        info = db.execute(f'PRAGMA table_info("{table.name}")').fetchall()
        assert [row[1] for row in info if row[5]] == list(table.primary_key)
        references = {row[3] for row in db.execute(f'PRAGMA foreign_key_list("{table.name}")')}
        assert references == {k.columns[0] for k in table.foreign_keys}
        indexed = {
            db.execute(f'PRAGMA index_info("{row[1]}")').fetchone()[2]
            for row in db.execute(f'PRAGMA index_list("{table.name}")')
            if row[3] == "c"
        }
        assert indexed >= references
    verdicts = dict(db.execute("SELECT id, reconciliation_verdict FROM provisions"))
    assert verdicts["army-size-limit"] == "partly_accurate"


def test_json_export_keeps_every_key(whole_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "json"
    assert (
        run_cli("export", "--format", "json", "--out", str(out), cwd=whole_project).returncode == 0
    )
    for table in TABLES:
        rows = json.loads((out / f"{table.name}.json").read_text(encoding="utf-8"))
        names = [c.name for c in table.columns]
        assert all(list(row) == names for row in rows), table.name
    events = json.loads((out / "events.json").read_text(encoding="utf-8"))
    assert any(row["location"] is None for row in events)


def test_release_zip_is_reproducible_complete_and_valid(release_zip: Path, tmp_path: Path) -> None:
    archive = release_zip
    whole_project = archive.parent.parent  # the module's copy of the checkout, released once
    assert archive.is_file()
    assert archive.name == f"plan-dataset-{plan_dataset.__version__}.zip"
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    assert run_cli("release", cwd=whole_project).returncode == 0
    assert hashlib.sha256(archive.read_bytes()).hexdigest() == digest

    with zipfile.ZipFile(archive) as bundle:
        top = tmp_path / "unpacked"
        bundle.extractall(top)
        names = set(bundle.namelist())
    for expected in (
        "datapackage.json",
        "data-dictionary.md",
        "plan-dataset.json",
        "plan-dataset.sqlite",
        "README.md",
        "SHA256SUMS",
        "csv/provisions.csv",
        "json/provisions.json",
        "schema/provisions.schema.json",
        "LICENSE",
        "LICENSE-DATA.md",
        "CITATION.cff",
    ):
        assert expected in names, expected  # at the zip's root, where Frictionless looks
    # The archived texts its descriptor lists are in it, byte for byte, as are the licences.
    listed = json.loads(bundle_text := (top / "datapackage.json").read_text(encoding="utf-8"))
    seeds = [source["path"] for source in listed["sources"]]
    assert seeds and all(path.startswith("seeds/") for path in seeds), bundle_text[:200]
    for name in [*seeds, "LICENSE", "LICENSE-DATA.md"]:
        assert (top / name).read_bytes() == (whole_project / name).read_bytes(), name
    citation = yaml.safe_load((top / "CITATION.cff").read_text(encoding="utf-8"))
    assert str(citation["version"]) == plan_dataset.__version__
    from plan_dataset.publish.outputs import parquet

    # Parquet is in the zip exactly when pyarrow is installed (the parquet extra).
    assert ("parquet/positions.parquet" in names) == parquet.available()
    summed = set()
    for line in (top / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        expected_digest, name = line.split("  ", 1)
        assert hashlib.sha256((top / name).read_bytes()).hexdigest() == expected_digest, name
        summed.add(name)
    assert summed == names - {"SHA256SUMS"}  # every other file, seeds and licences included
    package = json.loads((top / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == plan_dataset.__version__
    assert {
        r["name"]
        for r in package["resources"]
        if r.get("format") == "json" and r.get("type") == "table"
    } == {f"{t.name}-json" for t in TABLES}
    # Frictionless judges the unpacked package in test_the_data_readme_commands_work_as_written.


@pytest.fixture(scope="module")
def release_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("release") / "project")
    result = run_cli("release", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / result.stdout.strip()


def test_the_zip_opens_in_frictionless_as_it_is(release_zip: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    package = frictionless.Package(str(release_zip))
    assert {r.name for r in package.resources} >= {t.name for t in TABLES}
    report = frictionless.validate(str(release_zip))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])


def test_the_data_readme_commands_work_as_written(release_zip: Path, tmp_path: Path) -> None:
    readme = (ROOT / "docs" / "DATA-README.md").read_text(encoding="utf-8")
    assert "pip install 'frictionless[json]'\nfrictionless validate datapackage.json" in readme
    with zipfile.ZipFile(release_zip) as archive:
        archive.extractall(tmp_path)
    cli = Path(sys.executable).parent / "frictionless"
    if not cli.exists():
        pytest.skip("the frictionless command is not installed")
    for command in (["validate", "datapackage.json"], ["validate", str(release_zip)]):
        result = subprocess.run(
            [str(cli), *command], cwd=tmp_path, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    if shutil.which("sha256sum"):
        checked = subprocess.run(
            ["sha256sum", "-c", "SHA256SUMS"], cwd=tmp_path, capture_output=True, text=True
        )
        assert checked.returncode == 0 and "FAILED" not in checked.stdout
    database = sqlite3.connect(tmp_path / "plan-dataset.sqlite")
    sql = readme.split("```sql\n", 1)[1].split("```", 1)[0]
    for statement in (s for s in sql.split(";") if s.strip() and not s.strip().startswith(".")):
        lines = [line for line in statement.splitlines() if not line.startswith((".", "--"))]
        assert database.execute("\n".join(lines)).fetchall(), statement


def test_load_reads_a_release_zip_folder_or_bundle_file(release_zip: Path, tmp_path: Path) -> None:
    shipped = plan_dataset.load()
    with zipfile.ZipFile(release_zip) as archive:
        archive.extractall(tmp_path / "unpacked")
    for path in (release_zip, tmp_path / "unpacked", tmp_path / "unpacked" / "plan-dataset.json"):
        loaded = plan_dataset.load(path)
        assert loaded.version == shipped.version
        for table in shipped.table_names():
            assert loaded.table(table) == shipped.table(table), (path, table)
    # A 0.1.0 release had its files inside one top folder: it loads too.
    old = tmp_path / "old.zip"
    with zipfile.ZipFile(release_zip) as new, zipfile.ZipFile(old, "w") as archive:
        for name in new.namelist():
            archive.writestr(f"plan-dataset-0.1.0/{name}", new.read(name))
    assert plan_dataset.load(old).counts() == shipped.counts()


def test_load_refuses_a_damaged_release(release_zip: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(release_zip) as archive:
        archive.extractall(tmp_path)
    bundle = tmp_path / "plan-dataset.json"
    bundle.write_bytes(bundle.read_bytes().replace(b"army-size-limit", b"army-size-limjt"))
    with pytest.raises(plan_dataset.BundleInvalid, match="does not match its checksum"):
        plan_dataset.load(tmp_path)
    with pytest.raises(plan_dataset.BundleInvalid, match="neither data/"):
        plan_dataset.load(tmp_path / "csv")


def test_release_refuses_a_version_without_a_changelog_entry(project: Path) -> None:
    changelog = project / "CHANGELOG.md"
    version = plan_dataset.__version__
    text = changelog.read_text(encoding="utf-8")
    assert f"## [{version}] - " in text  # the real changelog has this release's entry
    changelog.write_text(text.replace(f"## [{version}]", "## [Unreleased]"), encoding="utf-8")
    result = run_cli("release", cwd=project)
    assert result.returncode == 1 and f"no entry for version {version}" in result.stderr
    assert not (project / "dist").exists()


def test_reconciliation_is_in_every_output(project: Path) -> None:
    dataset = plan_dataset.load()
    # Early reports about the 28-point draft; reports of later versions name their document.
    reported = [p for p in dataset.provisions if p.status != "published" and p.document is None]
    assert reported and all(p.reconciliation is not None for p in reported)
    rows = {r["id"]: r for r in _csv_rows(ROOT / "tables" / "provisions.csv")}
    links = {
        (r["provision_id"], r["point_id"])
        for r in _csv_rows(ROOT / "tables" / "provision_points.csv")
    }
    for provision in reported:
        assert rows[provision.id]["reconciliation_verdict"] == provision.reconciliation.verdict
        for point in provision.reconciliation.points:
            assert (provision.id, point) in links
            assert dataset.provision(point).status == "published"
    assert ("army-size-limit", "point-06") in links
    bundle = json.loads(
        (ROOT / "src/plan_dataset/data/plan-dataset.json").read_text(encoding="utf-8")
    )
    army = next(p for p in bundle["tables"]["provisions"] if p["id"] == "army-size-limit")
    assert army["reconciliation"]["points"] == ["point-06"]


def test_to_pandas_types_and_lazy_import() -> None:
    pd = pytest.importorskip("pandas")
    dataset = plan_dataset.load()
    events = dataset.to_pandas("events")
    assert str(events["id"].dtype) == "string"
    assert isinstance(events["date_precision"].dtype, pd.CategoricalDtype)
    assert str(events["date"].dtype).startswith("datetime64")
    positions = dataset.to_pandas("positions")
    assert list(positions["stance"].cat.categories) == [
        "supports",
        "conditional",
        "opposes",
        "unclear",
    ]
    assert "date_precision" in positions.columns
    attributions = dataset.to_pandas("attributions")
    assert str(attributions["start"].dtype) == "Int64"
    assert attributions["start"].notna().sum() == attributions["kind"].eq("quote").sum()
    frames = dataset.to_pandas()
    assert set(frames) == {t.name for t in TABLES}
    code = "import sys, plan_dataset; plan_dataset.load(); print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_new_scaffolds_a_record_that_validates_once_filled(whole_project: Path) -> None:
    # An archived source (a text in seeds/): the evidence is a verbatim quote.
    result = run_cli("new", "positions", "tusk-on-plan", "--source", "seed-002", cwd=whole_project)
    assert result.returncode == 0, result.stderr
    path = whole_project / "data" / "positions" / "tusk-on-plan.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/positions.schema.json\n")
    empty = run_cli("validate", "data/positions/tusk-on-plan.yaml", cwd=whole_project)
    assert empty.returncode == 1
    assert {line.split()[1] for line in empty.stdout.splitlines()} <= {
        "M004",
        "M007",
        "M006",  # the empty date: not a date
        "M008",
    }
    record = yaml.safe_load(text)
    # Positions carry a date: the scaffold asks for it, though it may stay null.
    assert set(record) == {"id", "stakeholder", "target", "stance", "summary", "date", "evidence"}
    assert set(record["evidence"][0]) == {"source", "quote", "hedge"}
    assert record["evidence"][0]["source"] == "seed-002"
    record.update(
        stakeholder="donald-tusk", target="plan", stance="unclear", summary="A test.", date=None
    )
    record["evidence"][0].update(quote="Polish Prime Minister Donald Tusk", hedge="asserted")
    path.write_text(text.split("\n", 1)[0] + "\n" + yaml.safe_dump(record), encoding="utf-8")
    filled = run_cli("validate", "data/positions/tusk-on-plan.yaml", cwd=whole_project)
    assert filled.returncode == 0, filled.stdout + filled.stderr
    again = run_cli("new", "positions", "tusk-on-plan", cwd=whole_project)
    assert again.returncode == 1 and "already used in data/positions/" in again.stderr
    assert run_cli("new", "positions", "Not A Slug", cwd=whole_project).returncode == 2


def test_new_scaffolds_a_locator_and_paraphrase_for_a_web_page(whole_project: Path) -> None:
    web = "24tv-point-20-ceasefire"
    result = run_cli("new", "events", "a-web-event", "--source", web, cwd=whole_project)
    assert result.returncode == 0, result.stderr
    path = whole_project / "data" / "events" / "a-web-event.yaml"
    text = path.read_text(encoding="utf-8")
    record = yaml.safe_load(text)
    assert "date" in record
    (item,) = record["evidence"]
    assert set(item) == {"source", "locator", "paraphrase", "hedge"} and item["source"] == web
    record.update(date="2025-12-24", title="A test event", summary="A test.")
    item.update(locator="headline", paraphrase="The headline says something.", hedge="asserted")
    path.write_text(text.split("\n", 1)[0] + "\n" + yaml.safe_dump(record), encoding="utf-8")
    filled = run_cli("validate", "data/events/a-web-event.yaml", cwd=whole_project)
    assert filled.returncode == 0, filled.stdout + filled.stderr
    # Without --source the stub is the common case, a web page; a new source cites itself.
    page = run_cli("new", "sources", "a-new-page", cwd=whole_project)
    assert page.returncode == 0, page.stderr
    source = yaml.safe_load((whole_project / "data" / "sources" / "a-new-page.yaml").read_text())
    assert {"url", "retrieved", "published"} <= set(source) and "path" not in source
    assert set(source["evidence"][0]) == {"source", "locator", "paraphrase", "hedge"}
    assert source["evidence"][0]["source"] == "a-new-page"
    # An unknown source is refused, with a hint found by the parts of the ids.
    unknown = run_cli("new", "events", "another-event", "--source", "ceasefire", cwd=whole_project)
    assert unknown.returncode == 2 and "no source 'ceasefire'" in unknown.stderr
    assert "did you mean '24tv-point-20-ceasefire'?" in unknown.stderr
    assert not (whole_project / "data" / "events" / "another-event.yaml").exists()
