"""Adding a field is one line in its model plus a build: the field reaches the JSON Schema,
the record types, the flat table's columns and the CSV, with no other code touched."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

FIELD_LINE = (
    '    venue: ShortText | None = Field(default=None, description="The venue, if named.")\n'
    '    signed: PartialDate | None = Field(default=None, description="When it was signed.")\n'
)


def test_a_field_added_to_a_model_reaches_every_output(small_project: Path) -> None:
    package = small_project / "src" / "plan_dataset"
    shutil.rmtree(package)
    shutil.copytree(
        ROOT / "src" / "plan_dataset", package, ignore=shutil.ignore_patterns("__pycache__")
    )
    story = package / "models" / "story.py"
    text = story.read_text(encoding="utf-8")
    anchor = "    location: ShortText | None = Field("
    assert text.count(anchor) == 1, "the Event model's location field moved: update the test"
    story.write_text(text.replace(anchor, FIELD_LINE + anchor), encoding="utf-8")
    event_file = sorted((small_project / "data" / "events").glob("*.yaml"))[0]
    with event_file.open("a", encoding="utf-8") as handle:
        handle.write("venue: A named venue\nsigned: 2026-01\n")

    environment = {**os.environ, "PYTHONPATH": str(small_project / "src")}
    result = subprocess.run(
        [sys.executable, "-m", "plan_dataset", "--root", str(small_project), "build"],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr

    schema = json.loads((small_project / "schema" / "events.schema.json").read_text("utf-8"))
    assert "venue" in schema["properties"]
    assert "venue: str | None" in (package / "records" / "classes.py").read_text("utf-8")
    assert "('venue', 'string', None, 'venue')" in (package / "flat" / "columns.py").read_text(
        "utf-8"
    )
    with (small_project / "tables" / "events.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    header = list(rows[0])
    assert header[header.index("venue") :][:3] == ["venue", "signed", "location"]
    values = {row["id"]: row["venue"] for row in rows}
    assert values[event_file.stem] == "A named venue"
    assert sum(1 for value in values.values() if value) == 1
    descriptor = json.loads((small_project / "datapackage.json").read_text("utf-8"))
    events = next(r for r in descriptor["resources"] if r["name"] == "events")
    fields = {field["name"]: field for field in events["schema"]["fields"]}
    assert fields["venue"] == {
        "name": "venue",
        "type": "string",
        "description": "The venue, if named.",
    }
    # A reduced-precision date carries the date pattern, as every other one does.
    assert fields["signed"]["constraints"]["pattern"] == fields["date"]["constraints"]["pattern"]
    assert values[event_file.stem] == "A named venue"
