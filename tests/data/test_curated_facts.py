"""Key facts of the curated data, pinned so that an edit cannot drop them silently."""

from __future__ import annotations

import plan_dataset
from plan_dataset.records import Discrepancy, Provision


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


def test_ternopil_death_toll_keeps_both_counts(dataset: plan_dataset.Dataset) -> None:
    toll = dataset.get("discrepancies", "ternopil-death-toll")
    assert isinstance(toll, Discrepancy)
    quotes = " ".join(e.quote for v in toll.variants for e in v.evidence if e.kind == "quote")
    assert "at least 25" in quotes and "at least 26" in quotes


def test_analysts_expectations_are_speculative(dataset: plan_dataset.Dataset) -> None:
    for provision_id in ("sanctions-relief", "economic-framework"):
        provision = dataset.provision(provision_id)
        assert provision.status == "speculative"
        assert {e.hedge for e in dataset.evidence(provision)} == {"speculative"}


def test_every_seed_is_cited_across_tables(dataset: plan_dataset.Dataset) -> None:
    tables_citing: dict[str, set[str]] = {}
    for table in dataset.table_names():
        for record in dataset.table(table):
            for item in dataset.evidence(record):
                tables_citing.setdefault(item.source, set()).add(table)
    seeds = [s.id for s in dataset.sources if s.path]
    assert len(seeds) == 5
    for seed in seeds:
        assert len(tables_citing[seed] - {"sources"}) >= 3, (seed, tables_citing[seed])


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


def test_unarchived_sources_carry_url_and_retrieval_date(dataset: plan_dataset.Dataset) -> None:
    for source in dataset.sources:
        if source.path is None:
            assert source.url and source.retrieved, source.id


def test_seed_sources_guess_no_metadata(dataset: plan_dataset.Dataset) -> None:
    for source in dataset.sources:
        if source.path:
            assert source.publisher is None and source.published is None and source.url is None


def test_reported_provisions_are_not_published_points(dataset: plan_dataset.Dataset) -> None:
    published_texts = {p.document for p in dataset.provisions if p.status == "published"}
    for provision in dataset.provisions:
        assert isinstance(provision, Provision)
        if provision.status != "published":
            # A report about an unpublished later version names that version, never a
            # number; versions whose text was published are cited point by point instead.
            assert provision.point_number is None
            assert provision.document not in published_texts, provision.id
