"""Corrections from the second-pass review of the plan's later versions (E3, Geneva, 20 points)."""

from __future__ import annotations

import plan_dataset

FRAMEWORK = "us-ukraine-20-point-framework"
E3 = "european-counter-proposal"


def links(dataset: plan_dataset.Dataset, later_document: str) -> dict[str, object]:
    return {
        k.earlier: k
        for k in dataset.point_links
        if k.later_document == later_document and k.earlier
    }


def test_framework_deletions_need_a_page_saying_so(dataset: plan_dataset.Dataset) -> None:
    # A short-form list that omits a subject is not proof of deletion: unclear.
    f20 = links(dataset, FRAMEWORK)
    for n in ("04", "08", "09", "13", "15", "17"):
        link = f20[f"point-{n}"]
        assert (link.id, link.operation, link.later) == (f"us28-{n}-unclear-f20", "unclear", None)
    deleted = sorted(e for e, k in f20.items() if k.operation == "deleted")
    assert deleted == ["point-07", "point-26"]
    # The amnesty deletion rests on an on-record official, not only on the list.
    amnesty = {(e.source, e.attributed_to) for e in f20["point-26"].evidence}
    assert ("liga-dw-stefanishyna-amnesty", "olha-stefanishyna") in amnesty


def test_partly_seen_successors_are_unclear_not_kept_or_moved(
    dataset: plan_dataset.Dataset,
) -> None:
    f20 = links(dataset, FRAMEWORK)
    e3 = links(dataset, E3)
    for link, later in (
        (f20["point-22"], "f20-point-15"),
        (f20["point-27"], "f20-point-19"),
        (e3["point-12"], "e3-point-12"),
        (e3["point-24"], "e3-point-24"),
    ):
        assert (link.operation, link.later, link.change) == ("unclear", later, None)
    first = f20["point-01"]
    assert first.operation == "amended" and "signatory" in first.change
    # Audit 2026-12: the full 20-point lists give the whole education point, so it is amended.
    education = f20["point-20"]
    assert (education.operation, education.later) == ("amended", "f20-point-13")


def test_fakti_bg_carries_tass_text(dataset: plan_dataset.Dataset) -> None:
    fakti = dataset.source("fakti-bg-axios")
    assert fakti.origin == "tass-axios-plan-living-document"
    tass = dataset.source("tass-axios-plan-living-document")
    assert (tass.reliability, tass.origin) == ("state_affiliated", None)
    assert tass.published == "2025-11-21"
    # So fakti.bg no longer counts: point 17 rests on AP and the German overview only.
    assert dataset.corroboration(dataset.provision("point-17")).origin_ids == (
        "associated-press",
        "insuedthueringen-28-points",
    )
    gloss = [
        e
        for e in dataset.provision("point-17").evidence
        if e.source == "fakti-bg-axios" and "2010" in e.paraphrase
    ]
    assert [(e.hedge, e.attributed_to) for e in gloss] == [("reported", "axios")]


def test_wion_relays_the_guardian_interview(dataset: plan_dataset.Dataset) -> None:
    assert dataset.source("wion-matviichuk-amnesty").origin == "the-guardian"
    origins = dataset.corroboration(dataset.provision("point-26")).origin_ids
    assert "the-guardian" in origins and "wion-matviichuk-amnesty" not in origins


def test_geneva_point_count_keeps_trumps_22(dataset: plan_dataset.Dataset) -> None:
    found = dataset.get("discrepancies", "us-19-point-revision-point-count")
    by_value = {v.value: v for v in found.variants}
    trump = by_value["22 points (Trump, 25 November)."]
    assert ("interfax-ua-trump-22-points", "donald-trump") in {
        (e.source, e.attributed_to) for e in trump.evidence
    }
    nineteen = {e.source for e in by_value["19 points."].evidence}
    assert "liga-dw-stefanishyna-amnesty" in nineteen
    assert dataset.get("documents", "us-19-point-revision").point_count == 19
