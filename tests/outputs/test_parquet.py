"""The optional Parquet export: typed columns, and what happens without pyarrow."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

import plan_dataset
from plan_dataset.flat.tables import TABLES, TABLES_BY_NAME


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("pyarrow")
    out = tmp_path_factory.mktemp("parquet") / "parquet"
    result = run_cli("export", "--format", "parquet", "--out", str(out), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return out


def test_every_table_with_typed_columns(exported: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    dataset = plan_dataset.load()
    for table in TABLES:
        data = pq.read_table(exported / f"{table.name}.parquet")
        assert data.num_rows == len(dataset.rows(table.name)), table.name
        for column in table.columns:
            field = data.schema.field(column.name)
            if column.name in ("date", "published", "retrieved", "date_earliest", "date_latest"):
                assert field.type == pa.date32(), (table.name, column.name)
                assert f"{column.name}_precision" in data.schema.names
            elif column.enum:
                assert pa.types.is_dictionary(field.type), (table.name, column.name)
                chunk = data.column(column.name).combine_chunks()
                assert chunk.dictionary.to_pylist() == list(column.enum)
            elif column.type == "integer":
                assert field.type == pa.int64(), (table.name, column.name)
    positions = pq.read_table(exported / "positions.parquet").to_pylist()
    rows = dataset.rows("positions")
    for parsed, row in zip(positions, rows, strict=True):
        assert parsed["stance"] == row["stance"] and parsed["notes"] == row["notes"]
        if row["date"] is not None:
            assert parsed["date"].isoformat().startswith(row["date"])
            assert parsed["date_precision"] == ("year", "month", "day")[row["date"].count("-")]
    corroboration = pq.read_table(exported / "corroboration.parquet")
    assert corroboration.schema.field("weakly_sourced").type == pa.bool_()
    assert TABLES_BY_NAME["events"].columns[0].description in str(
        pq.read_schema(exported / "events.parquet").field("id").metadata
    )


def test_the_export_is_deterministic(exported: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert run_cli("export", "--format", "parquet", "--out", str(again), cwd=ROOT).returncode == 0
    for file in exported.iterdir():
        assert (again / file.name).read_bytes() == file.read_bytes(), file.name


def test_without_pyarrow_export_names_the_extra(project: Path, tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['pyarrow'] = None\n"
        "from plan_dataset.cli import main\n"
        f"sys.exit(main(['--root', {str(project)!r}, 'export', '--format', 'parquet', "
        f"'--out', {str(tmp_path / 'out')!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    assert "pip install 'pyarrow>=14'" in result.stderr and "plan-dataset[" not in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()


@pytest.mark.parametrize("readme", ["README.md", "docs/DATA-README.md"])
def test_the_duckdb_example_runs(
    readme: str, exported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    duckdb = pytest.importorskip("duckdb")
    text = (ROOT / readme).read_text(encoding="utf-8")
    (example,) = [b for b in re.findall(r"```python\n(.*?)```", text, re.S) if "duckdb" in b]
    monkeypatch.chdir(exported.parent)  # the examples read parquet/<table>.parquet
    namespace: dict[str, object] = {}
    exec(example.replace(".show()", ".fetchall()"), namespace)
    query = re.search(r'duckdb\.sql\("""(.*?)"""\)', example, re.S)
    assert query and duckdb.sql(query.group(1)).fetchall()
    # A month is stored as its first day: the example selects its precision beside it.
    result = duckdb.sql(query.group(1))
    columns = result.columns
    assert columns.index("date_precision") == columns.index("date") + 1
    rows = result.fetchall()
    at = columns.index("date")
    assert any(row[at + 1] == "month" for row in rows) or readme == "docs/DATA-README.md"
