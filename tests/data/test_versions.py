"""Later versions of the plan (the E3 answer, the Geneva revision, the 20-point framework,
the 2026 documents) and how their points descend from the draft's (point links).

Each test pins a fact against the pages that give it; the comment above each group names
the curation pass and its notes in docs/curation-notes/. Every point of a version with a
curated successor is linked onwards (L004), so those rules are coded checks.
"""

from __future__ import annotations

from typing import Any

import pytest

import plan_dataset

DRAFT = "us-28-point-draft"
E3 = "european-counter-proposal"
FRAMEWORK = "us-ukraine-20-point-framework"
EU24 = "european-24-point-plan"
SECURITY = "us-security-framework-agreement"
PARIS = "paris-declaration-2026"
PROSPERITY = "eu-us-prosperity-framework"
GUARANTEE = "us-ukraine-guarantee-agreement"


def by_id(records: Any) -> dict[str, Any]:
    return {record.id: record for record in records}


def cited(record: Any) -> set[str]:
    return {evidence.source for evidence in record.evidence}


# --- The E3 (UK, France, Germany) counter-proposal and its lineage from the US 28 points
# (docs/curation-notes/e3.md) ---


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


# Blind audit of issue 21 (pages logged in docs/curation-notes/sources-metadata.md).


def test_e3_point_11_note_names_only_pages_that_reach_it(dataset: Any) -> None:
    provision = by_id(dataset.provisions)["e3-point-11"]
    note = provision.sourcing_note or ""
    assert "stop before point 11" in note
    assert cited(provision) == {"tg24-sky-e3-text", "nato-pravda-e3-text", "georgiatoday-e3"}


# --- The 20-point framework, the Geneva revision and the lineage from the 28-point draft
# (docs/curation-notes/f20.md) ---


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


# --- Corrections from the second-pass review of the later versions (E3, Geneva, 20 points;
# docs/curation-notes/review-versions.md) ---


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
    assert education.change  # blind audit of issue 21 (docs/curation-notes/sources-metadata.md)


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


# --- The later documents curated for issue 22 (docs/curation-notes/documents-2026.md):
# point counts, a figure each, and their lineage ---


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


# Blind audit 2 (issue 21, item 6; docs/curation-notes/blind-audit-2.md).


def test_security_framework_locator_a_paragraph_off_is_corrected(
    dataset: plan_dataset.Dataset,
) -> None:
    # The Finnish relay's in-force and ten-year sentence is its fifth body paragraph.
    point = dataset.get("provisions", "sfa-point-03")
    assert [
        e.locator for e in point.evidence if e.source == "finland-pravda-security-framework"
    ] == ["paragraph 5"]
    gap = dataset.get("discrepancies", "text-sfa-point-03-start")
    finnish = [
        e.locator
        for v in gap.variants
        for e in v.evidence
        if e.source == "finland-pravda-security-framework"
    ]
    assert finnish == ["paragraph 5"]
