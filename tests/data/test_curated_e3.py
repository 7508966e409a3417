"""Key facts of the E3 (UK, France, Germany) counter-proposal and its lineage from the US 28 points."""

from __future__ import annotations

import pytest

import plan_dataset


def links_from(dataset: plan_dataset.Dataset, earlier: str) -> list:
    return [
        link
        for link in dataset.point_links
        if link.earlier == earlier and link.later_document == "european-counter-proposal"
    ]


def test_army_cap_path_600000_to_800000_in_peacetime(dataset: plan_dataset.Dataset) -> None:
    us = {t.id: t for t in dataset.provision("point-06").terms}["personnel-cap"]
    e3_point = dataset.provision("e3-point-06")
    e3 = {t.id: t for t in e3_point.terms}["personnel-cap"]
    assert (us.value, e3.value) == (600000, 800000)
    assert us.relation == e3.relation == "at_most" and us.unit == e3.unit == "personnel"
    assert "peacetime" in e3.label
    (link,) = links_from(dataset, "point-06")
    assert (link.id, link.later, link.operation) == ("us28-06-to-e3-06", "e3-point-06", "amended")
    assert "800,000" in link.change and "peacetime" in link.change
    # The cap rests on more than the Reuters text: The Telegraph's account is among the evidence.
    assert {"liga-e3-text", "rbc-ukraine-e3-telegraph"} <= {e.source for e in e3.evidence}
    assert e3_point.sourcing_note is None


def test_us_point_3_is_deleted(dataset: plan_dataset.Dataset) -> None:
    (link,) = links_from(dataset, "point-03")
    assert link.id == "us28-03-deleted-e3"
    assert link.operation == "deleted" and link.later is None
    assert {"liga-e3-text", "tg24-sky-e3-text"} <= {e.source for e in link.evidence}
    numbers = {
        p.point_number for p in dataset.provisions if p.document == "european-counter-proposal"
    }
    assert 3 not in numbers and {1, 2, 4, 6, 21} <= numbers


def test_every_us_point_is_linked_once(dataset: plan_dataset.Dataset) -> None:
    for n in range(1, 29):
        assert len(links_from(dataset, f"point-{n:02d}")) == 1, n


def test_point_count_stays_open(dataset: plan_dataset.Dataset) -> None:
    document = dataset.get("documents", "european-counter-proposal")
    assert document.point_count is None
    counts = dataset.get("discrepancies", "text-european-counter-proposal-point-count")
    values = " | ".join(v.value for v in counts.variants)
    assert "28 points" in values and "27" in values and "24 points" in values
    identity = dataset.get("discrepancies", "european-24-point-alternative-identity")
    assert identity.about.id == "european-counter-proposal" and len(identity.variants) == 2


@pytest.mark.parametrize(
    ("earlier", "later", "phrase"),
    [
        ("point-02", "e3-point-02", "NATO"),
        ("point-07", "e3-point-07", "consensus"),
        ("point-21", "e3-point-21", "line of contact"),
        ("point-25", "e3-point-25", "as soon as possible"),
    ],
)
def test_amended_points(
    dataset: plan_dataset.Dataset, earlier: str, later: str, phrase: str
) -> None:
    (link,) = links_from(dataset, earlier)
    assert link.later == later and link.operation == "amended"
    assert phrase in link.change


def test_zaporizhzhia_share_kept_with_same_term(dataset: plan_dataset.Dataset) -> None:
    us = {t.id: t.value for t in dataset.provision("point-19").terms}
    e3 = {t.id: t.value for t in dataset.provision("e3-point-19").terms}
    assert us["electricity-share"] == e3["electricity-share"] == 50
    (link,) = links_from(dataset, "point-19")
    assert link.operation == "kept"


def test_text_carriers_relay_reuters(dataset: plan_dataset.Dataset) -> None:
    assert dataset.source("liga-e3-text").origin == "reuters"
    assert dataset.source("uanews-e3-text").origin == "eurointegration-e3-text"
    assert dataset.source("eurointegration-e3-text").origin == "reuters"
    assert dataset.source("emegypt-cnn-e3").origin == "cnn"
