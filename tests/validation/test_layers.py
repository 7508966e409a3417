"""The later check layers on a copy of the real project: sourcing, lineage, timeline, files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plan_dataset.evidence.corroboration import corroboration_of
from plan_dataset.validation import LAYERS, validate


@pytest.fixture
def project(small_project: Path) -> Path:
    """Mechanics behave alike whatever the data: the small project (tests/small_project.py)."""
    return small_project


def _codes(project: Path) -> set[tuple[str, str]]:
    return {(p.path, p.code) for p in validate(project).problems}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


class _Source:
    def __init__(self, id: str, reliability: str, origin: str | None = None) -> None:
        self.id, self.reliability, self.origin = id, reliability, origin


class _Item:
    def __init__(self, source: str) -> None:
        self.source = source


def test_republications_of_one_wire_text_count_once() -> None:
    sources = {
        "a": _Source("a", "regional_outlet", "afp"),
        "b": _Source("b", "established_outlet", "afp"),
        "c": _Source("c", "republisher", "b"),  # a chain: c carries b, which carries AFP
    }
    result = corroboration_of([_Item("a"), _Item("b"), _Item("c")], sources.get)
    assert result.origin_ids == ("afp",) and result.origins == 1
    assert result.strongest_reliability == "established_outlet"
    assert result.weakly_sourced


def test_state_affiliated_aggregator_and_partisan_pages_never_count() -> None:
    sources = {
        "own": _Source("own", "regional_outlet"),
        "tass": _Source("tass", "state_affiliated"),
        "pravda": _Source("pravda", "aggregator"),
        "blog": _Source("blog", "partisan_blog"),
    }
    items = [_Item(s) for s in sources]
    result = corroboration_of(items, sources.get)
    assert result.origin_ids == ("own",) and result.weakly_sourced
    sources["second"] = _Source("second", "wire")
    result = corroboration_of([*items, _Item("second")], sources.get)
    assert result.strong_origin_ids == ("own", "second") and not result.weakly_sourced
    assert result.strong_origins == 2


def test_relaying_state_media_does_not_make_it_count() -> None:
    sources = {
        "state": _Source("state", "state_affiliated"),
        "relay": _Source("relay", "regional_outlet", "state"),
        "copy": _Source("copy", "established_outlet", "weak"),
        "weak": _Source("weak", "republisher"),
    }
    result = corroboration_of([_Item("relay"), _Item("copy")], sources.get)
    assert result.origin_ids == ("weak",)  # the relay of state media is not counted at all
    assert (
        result.strongest_reliability == "republisher"
    )  # a copy is no stronger than what it copies


def test_a_chain_of_relays_counts_at_its_weakest_link() -> None:
    sources = {
        "tass": _Source("tass", "state_affiliated", "axios"),
        "rewrite": _Source("rewrite", "regional_outlet", "tass"),
        "repost": _Source("repost", "established_outlet", "rewrite"),
        "blog": _Source("blog", "republisher", "axios"),
        "copy": _Source("copy", "wire", "blog"),
    }
    result = corroboration_of([_Item("repost"), _Item("copy")], sources.get)
    # State media two links up the chain makes the repost not count; the wire's copy of a
    # republisher's page counts as that republisher does, under the origin at the chain's end.
    assert result.origin_ids == ("axios",) and result.strongest_reliability == "republisher"


def test_a_relay_of_a_state_media_outlet_named_as_origin_does_not_count() -> None:
    class _Outlet:
        def __init__(self, id: str, reliability: str | None) -> None:
            self.id, self.reliability = id, reliability

    sources = {
        "relay": _Source("relay", "regional_outlet", "agency"),
        "own": _Source("own", "regional_outlet"),
        "agency": _Outlet("agency", "state_affiliated"),
        "unclassed": _Outlet("unclassed", None),
        "copy": _Source("copy", "established_outlet", "unclassed"),
    }
    result = corroboration_of([_Item("relay"), _Item("own"), _Item("copy")], sources.get)
    assert result.origin_ids == ("own", "unclassed")
    assert result.strongest_reliability == "established_outlet"


def test_a_point_losing_its_second_origin_fails_validation(project: Path) -> None:
    point = project / "data" / "provisions" / "point-06.yaml"
    assert not any(code.startswith("S") for _path, code in _codes(project))
    text = point.read_text(encoding="utf-8")
    # Keep only the evidence citing pages that carry the Axios text: one origin.
    head, evidence = text.split("\nevidence:\n", 1)
    items = re.split(r"(?m)^  - ", evidence)[1:]
    axios = [i for i in items if 'attributed_to: "axios"' in i and "source: " in i][:2]
    assert len(axios) == 2
    point.write_text(head + "\nevidence:\n" + "".join("  - " + i for i in axios), "utf-8")
    assert ("data/provisions/point-06.yaml", "S001") in _codes(project)


def test_a_sourcing_note_on_a_well_sourced_point_is_reported(project: Path) -> None:
    point = project / "data" / "provisions" / "point-06.yaml"
    _edit(point, "\nevidence:\n", '\nsourcing_note: "Not true any more."\nevidence:\n')
    assert ("data/provisions/point-06.yaml", "S002") in _codes(project)


def test_an_origin_loop_is_reported(project: Path) -> None:
    sources = project / "data" / "sources"
    _edit(sources / "liga-28-points.yaml", 'origin: "axios"', 'origin: "rbc-ukraine-28-points"')
    _edit(sources / "rbc-ukraine-28-points.yaml", 'origin: "axios"', 'origin: "liga-28-points"')
    found = _codes(project)
    assert ("data/sources/liga-28-points.yaml", "S003") in found
    assert ("data/sources/rbc-ukraine-28-points.yaml", "S003") in found


def test_one_page_recorded_twice_is_reported(project: Path) -> None:
    sources = project / "data" / "sources"
    copy = (sources / "liga-28-points.yaml").read_text(encoding="utf-8")
    (sources / "liga-copy.yaml").write_text(copy.replace('id: "liga-28-points"', 'id: "liga-copy"'))
    assert ("data/sources/liga-copy.yaml", "D005") in _codes(project)


def test_point_numbers_must_run_without_gaps(project: Path) -> None:
    (project / "data" / "provisions" / "point-07.yaml").unlink()
    for link in (project / "data" / "point_links").glob("*.yaml"):
        if 'earlier: "point-07"' in link.read_text(encoding="utf-8"):
            link.unlink()
    found = _codes(project)
    assert ("data/documents/us-28-point-draft.yaml", "L002") in found


def test_derivation_loops_are_reported(whole_project: Path) -> None:
    _edit(
        whole_project / "data" / "documents" / "us-28-point-draft.yaml",
        "derived_from: null",
        'derived_from: "european-counter-proposal"',
    )
    assert ("data/documents/us-28-point-draft.yaml", "L003") in _codes(whole_project)


def test_every_point_of_an_earlier_version_is_linked(whole_project: Path) -> None:
    links = whole_project / "data" / "point_links"
    (links / "us28-03-deleted-e3.yaml").unlink()
    assert ("data/provisions/point-03.yaml", "L004") in _codes(whole_project)


def test_conflicting_same_day_stances_need_an_explanation(whole_project: Path) -> None:
    positions = sorted((whole_project / "data" / "positions").glob("*.yaml"))
    dated = [
        p for p in positions if re.search(r'(?m)^date: "\d{4}-\d\d-\d\d"', p.read_text("utf-8"))
    ]
    original = dated[0].read_text(encoding="utf-8")
    stance = re.search(r'(?m)^stance: "(\w+)"', original).group(1)  # type: ignore[union-attr]
    other = "opposes" if stance != "opposes" else "supports"
    twin = original.replace(f'stance: "{stance}"', f'stance: "{other}"')
    twin = re.sub(r"(?m)^notes: .*$", "notes: null", twin)
    twin = twin.replace(f'id: "{dated[0].stem}"', 'id: "twin-position"')
    (dated[0].parent / "twin-position.yaml").write_text(twin, encoding="utf-8")
    dated[0].write_text(re.sub(r"(?m)^notes: .*$", "notes: null", original), encoding="utf-8")
    assert ("data/positions/twin-position.yaml", "E003") in _codes(whole_project)


def test_symbolic_links_are_refused_with_a_code(project: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: secret\napi_key: hunter2\n", encoding="utf-8")
    (project / "data" / "events" / "leak.yaml").symlink_to(secret)
    problems = validate(project).problems
    assert [(p.path, p.code) for p in problems] == [("data/events/leak.yaml", "F005")]
    assert "hunter2" not in str(problems) and "api_key" not in str(problems)


def test_every_layer_declares_distinct_codes() -> None:
    seen: set[str] = set()
    for layer in LAYERS:
        assert layer.codes, layer.name
        assert not seen & set(layer.codes)
        seen |= set(layer.codes)


def test_a_record_failing_its_model_still_gets_reference_and_quote_checks(
    project: Path,
) -> None:
    path = project / "data" / "events" / "half-broken.yaml"
    path.write_text(
        "# yaml-language-server: $schema=../../schema/events.schema.json\n"
        'id: half-broken\ndate: "2025-11"\ntitel: A typo\nsummary: A summary.\n'
        "participants: [kaja-kalas, Not_A_Slug]\nevidence:\n"
        "  - source: seed-004\n"
        "    quote: Reducing the size of the Ukrainian Armed Forces by a third.\n"
        "    hedge: reported\n"
        "  - source: nowhere\n    locator: paragraph 1\n    paraphrase: A page.\n"
        "    hedge: reported\n"
        "  - source: seed-004\n    hedge: guessed\n    quote: not checked, the item is invalid\n",
        encoding="utf-8",
    )
    found = {(p.code, p.line) for p in validate(project, [path]).problems}
    # The model fails (unknown and missing fields, a bad slug, a bad hedge), and the
    # references and quotes it holds are checked all the same.
    assert {("M001", 4), ("M002", 2), ("M007", 6), ("M004", 16)} <= found
    assert {("D002", 6), ("D002", 11), ("P001", 9)} <= found
    assert not any(code == "P001" and line == 17 for code, line in found)


def test_table_of_reads_a_files_place_under_data(tmp_path: Path) -> None:
    from plan_dataset.validation import table_of

    root = tmp_path / "project"
    (root / "data" / "events").mkdir(parents=True)
    (root / "data" / "events" / "a.yaml").write_text("", encoding="utf-8")
    linked = tmp_path / "linked"
    linked.symlink_to(root)
    cases = {
        root / "data" / "events" / "a.yaml": "events",
        linked / "data" / "events" / "a.yaml": "events",  # the same file, through a link
        root / "data" / "events" / "a.yml": None,
        root / "data" / "nonsense" / "a.yaml": None,
        root / "data" / "events" / "deeper" / "a.yaml": None,
        root / "data" / ".." / "a.yaml": None,
        root / "data" / "a.yaml": None,
        root / "elsewhere" / "events" / "a.yaml": None,
        Path("data") / "events" / "a.yaml": None,  # relative to another folder
    }
    for path, table in cases.items():
        assert table_of(root, path) == table, path
    assert table_of(Path("."), Path("data") / "events" / "a.yaml") == "events"
