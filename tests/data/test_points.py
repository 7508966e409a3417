"""The 28 points of the US draft, and the early reports of its provisions.

Each test pins a fact against the pages or archived seeds that give it; the comment above
each group names the curation pass and its notes in docs/curation-notes/. Rules that hold
for every point (a weakly sourced point says why, S001/S002) are coded checks, not tests.
"""

from __future__ import annotations

from typing import Any

import pytest

import plan_dataset
from plan_dataset.evidence.corroboration import NEVER_COUNTS

DRAFT = "us-28-point-draft"
POINTS_15_TO_28 = [f"point-{n:02d}" for n in range(15, 29)]


@pytest.fixture(scope="module")
def sources(dataset):
    return {s.id: s for s in dataset.sources}


@pytest.fixture(scope="module")
def provisions(dataset):
    return {p.id: p for p in dataset.provisions}


def locator_of(record, source_id: str) -> list[str]:
    return [e.locator for e in record.evidence if e.source == source_id]


def by_id(records: Any) -> dict[str, Any]:
    return {record.id: record for record in records}


# --- Early reports in the five archived seeds (issue 1) ---


def test_army_size_carries_both_reported_figures(dataset: plan_dataset.Dataset) -> None:
    army = dataset.provision("army-size-limit")
    terms = {(t.relation, t.value, t.unit): t for t in army.terms}
    cap = terms[("approximately", 400000, "personnel")]
    cut = terms[("reduction_by", 50, "percent")]
    assert {e.source for e in cap.evidence} == {"seed-001"}
    assert {e.source for e in cut.evidence} == {"seed-004"}


def test_army_size_disagreement_is_a_discrepancy(dataset: plan_dataset.Dataset) -> None:
    found = [
        d
        for d in dataset.discrepancies
        if d.about.table == "provisions" and d.about.id == "army-size-limit"
    ]
    assert found, "no discrepancy about army-size-limit"
    sources = [{e.source for e in variant.evidence} for variant in found[0].variants]
    assert {"seed-001"} in sources and {"seed-004"} in sources


def test_analysts_expectations_are_speculative(dataset: plan_dataset.Dataset) -> None:
    for provision_id in ("sanctions-relief", "economic-framework"):
        provision = dataset.provision(provision_id)
        # Its evidence is then speculative too: the model refuses anything else (M009).
        assert provision.status == "speculative"


# That a report names no version whose text is published is L006.


# --- The published draft ---


def test_published_draft_has_exactly_28_points(dataset: plan_dataset.Dataset) -> None:
    points = [p for p in dataset.provisions if p.document == "us-28-point-draft"]
    assert sorted(p.point_number for p in points) == list(range(1, 29))
    for point in points:
        assert point.status == "published"
        assert point.evidence, point.id
        assert all(e.kind == "locator" for e in point.evidence), point.id


def test_published_points_cite_two_outlets_where_they_exist(dataset: plan_dataset.Dataset) -> None:
    points = [p for p in dataset.provisions if p.document == "us-28-point-draft"]
    single = [p.point_number for p in points if len({e.source for e in p.evidence}) < 2]
    assert single == []


def test_the_28_point_draft_is_judged_by_its_points(dataset: plan_dataset.Dataset) -> None:
    draft = dataset.corroboration(dataset.document("us-28-point-draft"))
    points = [
        p
        for p in dataset.provisions
        if p.status == "published" and p.document == "us-28-point-draft"
    ]
    well = [p for p in points if not dataset.corroboration(p).weakly_sourced]
    assert (draft.points, draft.points_well_sourced) == (len(points), len(well)) == (28, 24)
    assert not draft.weakly_sourced and draft.strong_origins < 2
    e3 = dataset.corroboration(dataset.document("european-counter-proposal"))
    assert e3.points_well_sourced is not None and e3.points is not None
    assert e3.weakly_sourced == (e3.points_well_sourced * 2 < e3.points)


# Blind audit 2 (issue 21, item 6; docs/curation-notes/blind-audit-2.md), each pinned
# against the stored page.


def test_draft_locators_a_paragraph_off_are_corrected(dataset: plan_dataset.Dataset) -> None:
    draft = dataset.get("documents", "us-28-point-draft")
    # The four categories are in the fourth paragraph of the Hindustan Times report.
    assert locator_of(draft, "hindustantimes-four-categories") == ["paragraph 4"]
    # Driscoll handing over the written plan is the sixth paragraph of the uanews report.
    assert locator_of(draft, "uanews-28-points") == ["paragraphs 3 to 6"]


# --- Points 1 to 14, re-sourced (helper points-a; docs/curation-notes/points-a.md) ---


@pytest.mark.parametrize("number", range(1, 15))
def test_points_1_to_14_rest_on_two_independent_origins(dataset, number: int) -> None:
    # Counted as corroboration counts them everywhere (classes along each origin chain,
    # credits included): the AP text gives point 12 its second origin besides Axios.
    point = dataset.provision(f"point-{number:02d}")
    found = dataset.corroboration(point)
    assert not found.weakly_sourced, (point.id, found.strong_origin_ids)


def test_ap_text_gives_points_1_to_11_an_origin_of_their_own(dataset) -> None:
    source = dataset.source("globalnews-ap-28-points")
    assert (source.reliability, source.origin) == ("established_outlet", "associated-press")
    for number in range(1, 12):
        cited = {e.source for e in dataset.provision(f"point-{number:02d}").evidence}
        assert cited & {"globalnews-ap-28-points", "turkiyetoday-ap-28-points"}, number


def test_personnel_cap_of_600000_backed_by_ap_afp_and_reuters_copies(dataset) -> None:
    cap = next(t for t in dataset.provision("point-06").terms if t.id == "personnel-cap")
    assert (cap.relation, cap.value, cap.unit) == ("at_most", 600000, "personnel")
    sources = {e.source for e in cap.evidence}
    assert {
        "globalnews-ap-28-points",
        "unionesarda-afp-28-points",
        "moderndiplomacy-reuters-28-points",
    } <= sources


def test_point_14_figures_have_ap_and_telegraph_copies(dataset) -> None:
    terms = {t.id: t for t in dataset.provision("point-14").terms}
    assert terms["us-profit-share"].value == 50
    assert "turkiyetoday-ap-28-points" in {e.source for e in terms["us-profit-share"].evidence}
    assets = {e.source for e in terms["russian-assets-invested"].evidence}
    assert {"turkiyetoday-ap-28-points", "nordictimes-telegraph-plan"} <= assets
    assert dataset.source("nordictimes-telegraph-plan").origin == "the-telegraph"


def test_reuters_quotation_of_point_3_keeps_the_expectation(dataset) -> None:
    items = [e for e in dataset.provision("point-03").evidence if e.source == "liga-e3-text"]
    assert items and items[0].attributed_to == "reuters"
    assert dataset.source("liga-e3-text").origin == "reuters"


def test_point_7_and_point_9_wording_disagreements_are_recorded(dataset) -> None:
    seven = dataset.get("discrepancies", "text-point-07-constitution-scope")
    assert seven.about.id == "point-07"
    variant_sources = [{e.source for e in v.evidence} for v in seven.variants]
    assert any("calgary-uaconnect-honcharenko" in s for s in variant_sources)
    assert any("globalnews-ap-28-points" in s for s in variant_sources)
    nine = dataset.get("discrepancies", "text-point-09-jets-or-troops")
    assert nine.about.id == "point-09"
    troops = [v for v in nine.variants if "troops" in v.value]
    assert {e.source for e in troops[0].evidence} == {"statement-mp-28-points"}
    assert dataset.source("statement-mp-28-points").reliability == "republisher"


# --- Points 15 to 28, re-sourced (helper points-b; docs/curation-notes/points-b.md):
# which origins back each point, the three audit fixes, and a few specific facts. ---


@pytest.mark.parametrize("point_id", [p for p in POINTS_15_TO_28 if p != "point-20"])
def test_no_point_rests_only_on_aggregator_or_partisan_pages(provisions, sources, point_id):
    classes = {sources[e.source].reliability for e in provisions[point_id].evidence}
    assert classes - NEVER_COUNTS - {"republisher"}, (point_id, classes)


def test_point_20_says_plainly_that_no_newsroom_carries_it(provisions, sources):
    point = provisions["point-20"]
    classes = {sources[e.source].reliability for e in point.evidence}
    assert classes <= NEVER_COUNTS
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


def test_point_25_election_deadline_and_clock_discrepancy(dataset, provisions):
    (term,) = provisions["point-25"].terms
    assert (term.relation, term.value, term.unit) == ("at_most", 100, "days")
    assert (
        not dataset.corroboration(provisions["point-25"]).parts[f"terms/{term.id}"].weakly_sourced
    )
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


def test_point_19_plant_share_rests_on_reuters_and_axios(dataset, provisions):
    (term,) = provisions["point-19"].terms
    assert term.value == 50 and term.unit == "percent"
    found = dataset.corroboration(provisions["point-19"]).parts[f"terms/{term.id}"]
    assert {"reuters", "axios"} <= set(found.strong_origin_ids)


# Blind audit of issue 21 (pages logged in docs/curation-notes/sources-metadata.md).


@pytest.mark.parametrize(
    ("discrepancy_id", "locator"),
    [("text-point-28-sequence", "paragraph 8"), ("text-point-14-remaining-assets", "paragraph 6")],
)
def test_teamredvictory_locators_point_at_the_right_paragraph(
    dataset: Any, discrepancy_id: str, locator: str
) -> None:
    discrepancy = by_id(dataset.discrepancies)[discrepancy_id]
    (evidence,) = [
        e
        for variant in discrepancy.variants
        for e in variant.evidence
        if e.source == "teamredvictory-28-points"
    ]
    assert evidence.locator == locator
