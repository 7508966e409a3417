"""Curated facts for points 15-28 of the US 28-point draft (helper points-b).

Reads the checkout with full validation and pins the re-sourcing of points 15-28:
which origins back each point, the three audit fixes, and a few specific facts.
"""

from __future__ import annotations

import pytest

COUNTED = {"primary", "wire", "established_outlet", "regional_outlet"}
NEVER_COUNTED = {"aggregator", "state_affiliated", "partisan_blog"}
POINTS = [f"point-{n:02d}" for n in range(15, 29)]


@pytest.fixture(scope="module")
def sources(dataset):
    return {s.id: s for s in dataset.sources}


@pytest.fixture(scope="module")
def provisions(dataset):
    return {p.id: p for p in dataset.provisions}


def origin_key(sources, source_id):
    """Follow origin chains through sources; a source without origin is its own origin."""
    seen = set()
    source = sources[source_id]
    while source.origin and source.origin in sources and source.origin not in seen:
        seen.add(source.origin)
        source = sources[source.origin]
    return source.origin or source.id


def counted_origins(sources, evidence):
    return {
        origin_key(sources, item.source)
        for item in evidence
        if sources[item.source].reliability in COUNTED
    }


@pytest.mark.parametrize("point_id", POINTS)
def test_sourcing_note_exactly_when_fewer_than_two_origins(provisions, sources, point_id):
    point = provisions[point_id]
    origins = counted_origins(sources, point.evidence)
    if len(origins) >= 2:
        assert point.sourcing_note is None, (point_id, origins)
    else:
        assert point.sourcing_note, (point_id, origins)


@pytest.mark.parametrize("point_id", [p for p in POINTS if p != "point-20"])
def test_no_point_rests_only_on_aggregator_or_partisan_pages(provisions, sources, point_id):
    classes = {sources[e.source].reliability for e in provisions[point_id].evidence}
    assert classes - NEVER_COUNTED - {"republisher"}, (point_id, classes)


def test_point_20_says_plainly_that_no_newsroom_carries_it(provisions, sources):
    point = provisions["point-20"]
    classes = {sources[e.source].reliability for e in point.evidence}
    assert classes <= NEVER_COUNTED
    assert "No independent newsroom" in point.sourcing_note
    assert "Pravda-network" in point.sourcing_note


def test_pravda_evidence_kept_as_extra(provisions):
    cited = {e.source for e in provisions["point-15"].evidence}
    assert {"italy-pravda-points-15-20", "croatia-pravda-cnn-summary"} <= cited
    assert "turkiyetoday-ap-28-points" in cited


def test_audit_fix_teamredvictory_paragraphs(provisions):
    def locator(point_id):
        (item,) = [
            e for e in provisions[point_id].evidence if e.source == "teamredvictory-28-points"
        ]
        return item.locator

    assert locator("point-20") == "paragraph 7"
    assert locator("point-24") == "paragraph 7"
    assert locator("point-26") == "paragraph 7"
    assert locator("point-28") == "paragraph 8"
    assert locator("point-27") == "paragraph 9"


def test_audit_fix_point_17_treaty_gloss_is_the_outlets_own(provisions):
    fakti = [e for e in provisions["point-17"].evidence if e.source == "fakti-bg-axios"]
    gloss = [e for e in fakti if "2010" in e.paraphrase]
    quote = [e for e in fakti if "2010" not in e.paraphrase]
    # The page credits the 2010 remark to the outlet that published the points (Axios).
    assert len(gloss) == 1 and gloss[0].attributed_to == "axios"
    assert quote and all(e.attributed_to == "axios" for e in quote)


def test_audit_fix_annexation_reconciliation_reason(provisions):
    reason = provisions["recognize-annexed-territory"].reconciliation.reason
    assert "only frozen" not in reason
    assert "de facto recognition along that line" in reason


def test_ap_copy_backs_points_15_17_and_28(provisions, sources):
    assert sources["turkiyetoday-ap-28-points"].origin == "associated-press"
    assert sources["kursiv-ap-28-points"].origin == "associated-press"
    for point_id in ("point-15", "point-17", "point-28"):
        items = [
            e for e in provisions[point_id].evidence if e.source == "turkiyetoday-ap-28-points"
        ]
        assert items and items[0].attributed_to == "associated-press"


def test_point_25_election_deadline_and_clock_discrepancy(dataset, provisions, sources):
    (term,) = provisions["point-25"].terms
    assert (term.relation, term.value, term.unit) == ("at_most", 100, "days")
    assert len(counted_origins(sources, term.evidence)) >= 2
    disc = {d.id: d for d in dataset.discrepancies}["text-point-25-election-clock"]
    assert disc.about.id == "point-25"
    assert len(disc.variants) == 5


def test_point_26_amnesty_for_all_parties(dataset, provisions, sources):
    wion = sources["wion-matviichuk-amnesty"]
    assert wion.published == "2025-11-28"
    assert wion.reliability == "established_outlet"
    cited = {e.source for e in provisions["point-26"].evidence}
    assert {
        "wion-matviichuk-amnesty",
        "liga-dw-stefanishyna-amnesty",
        "axy-dw-stefanishyna-amnesty",
    } <= cited
    # A headline's framing ("Russia to receive amnesty") is not a second text: no discrepancy.
    assert "text-point-26-amnesty-scope" not in {d.id for d in dataset.discrepancies}


def test_point_19_plant_share_rests_on_reuters_and_axios(provisions, sources):
    (term,) = provisions["point-19"].terms
    assert term.value == 50 and term.unit == "percent"
    assert {"reuters", "axios"} <= counted_origins(sources, term.evidence)
