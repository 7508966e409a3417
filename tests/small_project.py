"""A small, valid project: the valid fixtures plus the real records they reference.

Tests of mechanics (atomic writes, kills, locks, links, exit codes, every command in a
fresh process) judge how the tools behave, not what the data says, so they run on this
project of about 140 records instead of the whole dataset: every table, every output
and every command still runs, in a fraction of the time. Tests of the data itself use
the real checkout.

``python tests/small_project.py --update`` recomputes the record list
(``tests/fixtures/small-project.txt``) after the data or the rules change: it starts
from the valid fixtures and adds every real record that validation reports missing
until the project validates.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VALID_FIXTURES = ROOT / "tests" / "fixtures" / "valid"
RECORD_LIST = ROOT / "tests" / "fixtures" / "small-project.txt"
MISSING = re.compile(r"D002 [\w ]+ '([a-z0-9-]+)' does not exist")
MISSING_POINTS = re.compile(r"L002 points of ([a-z0-9-]+) do not run 1\.\.\d+: missing ([\d, ]+)")


def listed_records() -> list[str]:
    lines = RECORD_LIST.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def fill_data(project: Path, records: list[str]) -> None:
    """Replace the project's data/ with the valid fixtures and the listed real records."""
    shutil.rmtree(project / "data")
    shutil.copytree(VALID_FIXTURES, project / "data")
    for relative in records:
        target = project / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / relative, target)


def update(scratch: Path) -> list[str]:
    """The closure of the fixtures' references over the real data, found by validating."""
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import copy_project

    import plan_dataset
    from plan_dataset.validation import validate

    project = copy_project(scratch)
    records: set[str] = set()
    by_id: dict[str, list[str]] = {}
    for path in sorted((ROOT / "data").glob("*/*.yaml")):
        by_id.setdefault(path.stem, []).append(path.relative_to(ROOT).as_posix())
    point_ids = {
        (p.document, str(p.point_number)): p.id
        for p in plan_dataset.load(ROOT).provisions
        if p.point_number is not None
    }
    while True:
        fill_data(project, sorted(records))
        report = validate(project)
        if report.ok:
            return sorted(records)
        found = [f"{p.code} {p.message}" for p in report.problems]
        wanted = {record_id for text in found for record_id in MISSING.findall(text)}
        for text in found:
            for document, numbers in MISSING_POINTS.findall(text):
                wanted |= {point_ids[document, n.strip()] for n in numbers.split(",")}
        added = {path for record_id in wanted for path in by_id.get(record_id, [])} - records
        if not added:
            raise SystemExit("\n".join(found[:20]))
        records |= added


if __name__ == "__main__":
    import tempfile

    if sys.argv[1:] != ["--update"]:
        raise SystemExit(__doc__)
    with tempfile.TemporaryDirectory() as scratch:
        found = update(Path(scratch) / "project")
    header = [line for line in RECORD_LIST.read_text().splitlines() if line.startswith("#")]
    RECORD_LIST.write_text("\n".join([*header, *found]) + "\n", encoding="utf-8")
    print(f"{len(found)} real records listed in {RECORD_LIST.relative_to(ROOT)}")
