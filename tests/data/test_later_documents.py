"""The later documents curated for issue 22: point counts, a figure each, and their lineage."""

from __future__ import annotations

import plan_dataset

DRAFT = "us-28-point-draft"
EU24 = "european-24-point-plan"
SECURITY = "us-security-framework-agreement"
PARIS = "paris-declaration-2026"
PROSPERITY = "eu-us-prosperity-framework"
GUARANTEE = "us-ukraine-guarantee-agreement"


def _points(dataset: plan_dataset.Dataset, document: str) -> list[int]:
    return sorted(
        p.point_number or 0
        for p in dataset.provisions
        if p.document == document and p.status == "published"
    )


def test_european_24_point_plan_has_its_first_twelve_points(dataset: plan_dataset.Dataset) -> None:
    document = dataset.get("documents", EU24)
    assert (document.kind, document.date, document.derived_from) == (
        "counter_proposal",
        "2025-11-23",
        DRAFT,
    )
    # 24 points in all copies, but only 1-12 are seen in one order: the count stays open.
    assert document.point_count is None and "24 points" in document.notes
    assert _points(dataset, EU24) == list(range(1, 13))
    # Every copy relays The Telegraph: each point says it rests on one origin.
    for number in range(1, 13):
        point = dataset.provision(f"eu24-point-{number:02d}")
        assert point.sourcing_note and "The Telegraph" in point.sourcing_note


def test_european_24_point_links_cover_every_us_point(dataset: plan_dataset.Dataset) -> None:
    links = [link for link in dataset.point_links if link.later_document == EU24]
    assert {link.earlier for link in links if link.earlier} == {
        f"point-{n:02d}" for n in range(1, 29)
    }
    cap = dataset.get("point_links", "us28-06-to-eu24-11")
    assert (cap.operation, cap.later) == ("amended", "eu24-point-11")
    assert "600,000" in cap.change
    split = {link.later for link in links if link.earlier == "point-24"}
    assert split == {"eu24-point-06", "eu24-point-07", "eu24-point-08"}
    assert dataset.get("point_links", "us28-26-unclear-eu24").operation == "unclear"
    assert dataset.get("point_links", "eu24-01-added").operation == "added"


def test_european_24_point_order_is_a_discrepancy(dataset: plan_dataset.Dataset) -> None:
    found = dataset.get("discrepancies", "text-eu24-point-order")
    assert (found.about.table, found.about.id) == ("documents", EU24)
    sources = {item.source for variant in found.variants for item in variant.evidence}
    assert {"bblv-eu24-plan", "censor-eu24-plan"} <= sources


def test_security_framework_agreement_runs_ten_years(dataset: plan_dataset.Dataset) -> None:
    document = dataset.get("documents", SECURITY)
    assert (document.point_count, document.derived_from) == (3, None)
    assert _points(dataset, SECURITY) == [1, 2, 3]
    term = {t.id: t for t in dataset.provision("sfa-point-03").terms}["guarantee-duration"]
    assert (term.relation, term.value, term.unit) == ("exactly", 10, "years")
    # A companion text, not a version: no lineage links.
    assert not [
        link
        for link in dataset.point_links
        if SECURITY in (link.earlier_document, link.later_document)
    ]


def test_paris_declaration_rests_on_its_official_text(dataset: plan_dataset.Dataset) -> None:
    document = dataset.get("documents", PARIS)
    assert (document.date, document.point_count) == ("2026-01-06", 5)
    assert _points(dataset, PARIS) == [1, 2, 3, 4, 5]
    official = dataset.get("sources", "president-gov-ua-paris-declaration")
    assert official.reliability == "primary"
    assert official.publisher == "Office of the President of Ukraine"
    assert official.metadata_checked == "2026-12-03"
    monitoring = dataset.provision("paris-point-01")
    assert "president-gov-ua-paris-declaration" in {e.source for e in monitoring.evidence}
    # Two independent origins or more: no sourcing note needed.
    assert monitoring.sourcing_note is None
    assert not dataset.corroboration(monitoring).weakly_sourced


def test_reported_2026_documents_have_no_invented_points(dataset: plan_dataset.Dataset) -> None:
    for document_id in (PROSPERITY, GUARANTEE):
        assert dataset.get("documents", document_id).point_count is None
        assert _points(dataset, document_id) == []
    target = {t.id: t for t in dataset.provision("prosperity-framework-funding-target").terms}
    assert target["recovery-funding-target"].value == 800_000_000_000
    term = {t.id: t for t in dataset.provision("us-ukraine-guarantee-15-year-term").terms}
    assert term["guarantee-duration"].value == 15
    assert dataset.provision("us-ukraine-guarantee-15-year-term").status == "reported"


# Review of the later documents (docs/curation-notes/review-documents-2026.md): each test pins
# a fact the review corrected against the stored pages.


def test_security_framework_paragraph_1_is_numbered_outside_the_aggregator(
    dataset: plan_dataset.Dataset,
) -> None:
    # Le Grand Continent's translation numbers paragraph 1 too, so the number does not rest
    # on the Pravda-network repost alone.
    translation = dataset.get("sources", "legrandcontinent-axios-security-framework")
    assert (translation.reliability, translation.origin) == ("regional_outlet", "axios")
    point = dataset.provision("sfa-point-01")
    assert "legrandcontinent-axios-security-framework" in {e.source for e in point.evidence}
    assert "rests on one aggregator" not in (point.notes or "")
    # Still one origin (Axios): the point keeps its sourcing note.
    assert point.sourcing_note and "Le Grand Continent" in point.sourcing_note
    document = dataset.get("documents", SECURITY)
    assert "rest on one aggregator" not in (document.notes or "")


def test_finnish_repost_entry_into_force_is_its_fifth_and_last_paragraph(
    dataset: plan_dataset.Dataset,
) -> None:
    term_evidence = [
        e
        for e in dataset.provision("sfa-point-03").evidence
        if e.source == "finland-pravda-security-framework"
    ]
    assert {e.locator for e in term_evidence} == {"paragraph 5"}


def test_the_independent_carries_ap_copy(dataset: plan_dataset.Dataset) -> None:
    independent = dataset.get("sources", "independent-paris-five-priorities")
    assert independent.origin == "associated-press"
    assert "PARIS (AP)" in independent.caveats


def test_paris_summary_is_no_stronger_than_stands_ready(dataset: plan_dataset.Dataset) -> None:
    summary = dataset.get("documents", PARIS).summary
    assert "stands ready to commit" in summary
    assert "It commits the coalition" not in summary
    assert "US envoys" not in summary


def test_plant_and_dnipro_are_not_only_from_an_aggregator(dataset: plan_dataset.Dataset) -> None:
    for link_id in ("us28-19-unclear-eu24", "us28-23-unclear-eu24"):
        link = dataset.get("point_links", link_id)
        assert link.operation == "unclear" and link.later is None
        assert "glavcom-eu24-plan" in {e.source for e in link.evidence}
        assert "only an aggregator" not in (link.notes or "").lower()
    assert dataset.get("sources", "glavcom-eu24-plan").origin == "the-telegraph"


def test_guarantee_agreement_ready_dates_are_kept_as_discrepancies(
    dataset: plan_dataset.Dataset,
) -> None:
    first = dataset.get("discrepancies", "us-ukraine-guarantee-first-ready")
    assert (first.about.table, first.about.id) == ("documents", GUARANTEE)
    assert {item.source for v in first.variants for item in v.evidence} == {
        "kyivindependent-us-guarantee-draft-ready",
        "walaw-us-guarantee-100-ready",
    }
    readiness = dataset.get("discrepancies", "us-ukraine-guarantee-readiness")
    assert "25 January 2026" in readiness.variants[0].value
    reuters = dataset.get("sources", "theprint-reuters-guarantees-peace-deal")
    assert reuters.origin == "reuters"
