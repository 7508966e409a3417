"""Key facts of the 20-point framework, the Geneva revision and the lineage from the 28-point draft."""

from __future__ import annotations

import plan_dataset

FRAMEWORK = "us-ukraine-20-point-framework"
DRAFT = "us-28-point-draft"


def test_framework_has_twenty_published_points(dataset: plan_dataset.Dataset) -> None:
    points = [p for p in dataset.provisions if p.document == FRAMEWORK]
    assert sorted(p.point_number for p in points) == list(range(1, 21))
    assert {p.id for p in points} == {f"f20-point-{n:02d}" for n in range(1, 21)}
    assert all(p.status == "published" for p in points)
    assert dataset.get("documents", FRAMEWORK).point_count == 20
    # Every point that rests on fewer sources says why.
    for n in (15, 19, 20):
        assert dataset.provision(f"f20-point-{n:02d}").sourcing_note


def test_army_cap_path_from_600000_to_800000(dataset: plan_dataset.Dataset) -> None:
    draft = {t.id: t for t in dataset.provision("point-06").terms}["personnel-cap"]
    framework = {t.id: t for t in dataset.provision("f20-point-04").terms}["personnel-cap"]
    assert (draft.value, framework.value) == (600000, 800000)
    assert framework.unit == "personnel"
    link = dataset.get("point_links", "us28-06-to-f20-04")
    assert (link.earlier, link.later, link.operation) == ("point-06", "f20-point-04", "amended")
    assert "800,000" in link.change
    # Independent newsrooms and the AFP transcript back the figure.
    assert {"hromadske-20-points", "rbc-ukraine-20-points", "hindustantimes-20-points-afp"} <= {
        e.source for e in framework.evidence
    }


def test_security_guarantee_point(dataset: plan_dataset.Dataset) -> None:
    point = dataset.provision("f20-point-05")
    assert point.point_number == 5
    assert "security_guarantees" in point.topics
    assert "Article 5" in point.summary and "compensating the United States" in point.summary
    assert {"hromadske-20-points", "rbc-ukraine-20-points", "glavnoe-20-points-suspilne"} <= {
        e.source for e in point.evidence
    }
    link = dataset.get("point_links", "us28-10-to-f20-05")
    assert link.operation == "amended" and link.earlier == "point-10"


def test_zaporizhzhia_point_is_disputed(dataset: plan_dataset.Dataset) -> None:
    point = dataset.provision("f20-point-12")
    assert point.point_number == 12
    assert {"nuclear", "energy"} <= set(point.topics)
    share = {t.id: t for t in point.terms}["electricity-share"]
    assert (share.value, share.unit) == (50, "percent")
    assert "not agreed" in point.summary
    assert "rbc-ukraine-znpp-point-12" in {e.source for e in point.evidence}
    link = dataset.get("point_links", "us28-19-to-f20-12")
    assert (link.earlier, link.operation) == ("point-19", "amended")


def test_geneva_point_count_discrepancy_keeps_every_variant(dataset: plan_dataset.Dataset) -> None:
    found = dataset.get("discrepancies", "us-19-point-revision-point-count")
    assert (found.about.table, found.about.id) == ("documents", "us-19-point-revision")
    values = [v.value for v in found.variants]
    assert values[0] == "19 points."
    assert "About 20 points." in values
    assert any(v.startswith("20 points") for v in values)
    nineteen = {e.source for e in found.variants[0].evidence}
    assert {"liga-ft-19-points", "caliber-19-points", "irishtimes-geneva-19-points"} <= nineteen
    assert dataset.get("documents", "us-19-point-revision").point_count == 19


def test_every_draft_point_has_a_link(dataset: plan_dataset.Dataset) -> None:
    links = [
        k
        for k in dataset.point_links
        if k.earlier_document == DRAFT and k.later_document == FRAMEWORK
    ]
    linked = {k.earlier for k in links if k.earlier}
    assert linked == {f"point-{n:02d}" for n in range(1, 29)}
    ops = {k.earlier: k.operation for k in links if k.earlier}
    assert ops["point-26"] == "deleted" and ops["point-07"] == "deleted"
    assert ops["point-14"] == "unclear"
    assert [k.later for k in links if k.operation == "added"] == ["f20-point-10"]
