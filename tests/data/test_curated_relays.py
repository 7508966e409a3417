"""Relays and origins (issue 21): who a page's text comes from, derived from the origin
chains and the outlets; what counts; what the README says about it."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from conftest import ROOT

import plan_dataset
from plan_dataset.corroboration import (
    NEVER_COUNTS,
    all_corroboration,
    classes_along,
    corroboration_of,
    origin_of,
    parts_of,
)
from plan_dataset.stats import evidence_strength_of

NAMED_AGENCIES = (
    *("tass", "ria-novosti", "interfax-russia", "xinhua", "cgtn", "anadolu", "ukrinform"),
    *("wam", "afp", "reuters", "associated-press", "axios"),
)


def _look_up(dataset: plan_dataset.Dataset) -> Callable[[str], Any]:
    by_id = dataset._by_id
    return lambda i: by_id.get(("sources", i)) or by_id.get(("outlets", i))


def _relays_what_never_counts(dataset: plan_dataset.Dataset) -> set[str]:
    """Sources whose page is, relays or credits state media, an aggregator or a blog,
    anywhere along their origin chains (outlets included)."""
    look_up = _look_up(dataset)
    return {
        s.id for s in dataset.sources if any(c in NEVER_COUNTS for c in classes_along(s, look_up))
    }


def test_the_named_agencies_are_outlets_with_a_class(dataset: plan_dataset.Dataset) -> None:
    outlets = {o.id: o for o in dataset.outlets}
    assert set(NAMED_AGENCIES) <= set(outlets)
    for state in ("tass", "ria-novosti", "xinhua", "cgtn", "anadolu", "ukrinform", "wam"):
        assert outlets[state].reliability == "state_affiliated", state
    for wire in ("afp", "reuters", "associated-press"):
        assert outlets[wire].reliability == "wire", wire
    # Every origin and credit names an outlet or a source; none names a stakeholder only.
    look_up = _look_up(dataset)
    for source in dataset.sources:
        for named in (source.origin, *source.credits):
            assert named is None or look_up(named) is not None, (source.id, named)


def test_no_relay_of_state_media_or_an_aggregator_counts_anywhere(
    dataset: plan_dataset.Dataset,
) -> None:
    never = _relays_what_never_counts(dataset)
    assert {"magyarhirlap-lin-jian-dec29", "wion-trump-putin-call-dec28"} <= never
    look_up = _look_up(dataset)
    found = all_corroboration({name: dataset.table(name) for name in dataset.table_names()})
    for table in dataset.table_names():
        for record in dataset.table(table):
            for part, items in parts_of(record).items():
                kept = [item for item in items if item.source not in never]
                key = f"{table}/{record.id}" + (f"/{part}" if part else "")
                counted = found[key]
                # Dropping every such page changes nothing: none of them was counted.
                without = corroboration_of(kept, look_up)
                assert (counted.origin_ids, counted.strongest_reliability) == (
                    without.origin_ids,
                    without.strongest_reliability,
                ), key


def test_a_caveat_naming_state_media_means_the_page_does_not_count(
    dataset: plan_dataset.Dataset,
) -> None:
    never = _relays_what_never_counts(dataset)
    state = [o for o in dataset.outlets if o.reliability in NEVER_COUNTS]
    for source in dataset.sources:
        text = f"{source.caveats or ''} {source.notes or ''}"
        for outlet in state:
            for name in (outlet.name, *outlet.aliases):
                if re.search(rf"(?<![\w/-]){re.escape(name)}(?![\w/])", text):
                    assert source.id in never, (source.id, name)


@pytest.mark.parametrize(
    ("source_id", "origin", "credited"),
    [
        ("magyarhirlap-lin-jian-dec29", "tass", set()),
        ("wion-trump-putin-call-dec28", "ria-novosti", {"tass"}),
        ("up-peskov-good-basis", "ria-novosti", {"tass", "interfax-russia"}),
        ("livemint-peskov-very-good-basis", "abc-news", {"tass", "financial-times"}),
        ("publicitytop-putin-yearend", "tass", set()),
        ("fakti-ushakov-e3", "bta", {"tass", "reuters"}),
        ("interfaxua-erdogan-zelenskyy-ankara", "anadolu", set()),
    ],
)
def test_the_audited_relays_carry_their_agency(
    dataset: plan_dataset.Dataset, source_id: str, origin: str, credited: set[str]
) -> None:
    source = dataset.source(source_id)
    assert (source.origin, set(source.credits)) == (origin, credited)
    assert source_id in _relays_what_never_counts(dataset)
    for record in dataset.cited_by(source_id):
        found = dataset.corroboration(record)
        for result in (found, *found.parts.values()):
            assert source_id not in result.origin_ids and origin not in result.origin_ids


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


def _readme() -> str:
    return " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())


def test_readme_states_the_primary_and_weakly_sourced_counts(
    dataset: plan_dataset.Dataset,
) -> None:
    readme = _readme()
    look_up = _look_up(dataset)
    primary = [s for s in dataset.sources if s.reliability == "primary"]
    resting, with_evidence, weak = set(), 0, 0
    for table in dataset.table_names():
        if table == "sources":
            continue
        for record in dataset.table(table):
            items = dataset.evidence(record)
            if None in parts_of(record):  # evidence of its own, not only in parts (variants)
                with_evidence += 1
                weak += dataset.corroboration(record).weakly_sourced
            if any("primary" in classes_along(look_up(i.source), look_up) for i in items):
                resting.add((table, record.id))
    # `plan-dataset stats` reports the same figures, from the same computation as here.
    records = {name: list(dataset.table(name)) for name in dataset.table_names()}
    assert evidence_strength_of(records) == {
        "primary_sources": len(primary),
        "records_resting_on_primary": len(resting),
        "records_with_own_evidence": with_evidence,
        "records_weakly_sourced": weak,
    }
    stated = re.search(r"Today (\d+) sources are an official site's own page", readme)
    assert stated and int(stated.group(1)) == len(primary)
    stated = re.search(r"(\d+) records rest on a primary text", readme)
    assert stated and int(stated.group(1)) == len(resting)
    stated = re.search(
        r"Of the (\d+) records with evidence of their own \(sources aside\), (\d+) are", readme
    )
    assert stated and (int(stated.group(1)), int(stated.group(2))) == (with_evidence, weak)
    stated = re.search(r"`us-28-point-draft` has (\d+) of its (\d+) points", readme)
    draft = dataset.corroboration(dataset.document("us-28-point-draft"))
    assert stated and (int(stated.group(1)), int(stated.group(2))) == (
        draft.points_well_sourced,
        draft.points,
    )


def test_official_sites_own_pages_are_primary(dataset: plan_dataset.Dataset) -> None:
    official = [o for o in dataset.outlets if o.kind == "official_site"]
    assert {"kremlin", "white-house", "president-of-ukraine", "european-union"} <= {
        o.id for o in official
    }
    for source in dataset.sources:
        host = re.sub(r"^https?://([^/:]+).*$", r"\1", source.url or "")
        for outlet in official:
            if any(host == d or host.endswith("." + d) for d in outlet.domains):
                assert source.reliability == "primary", source.id


# The outlets pass (docs/curation-notes/outlets-pass.md): each relay the two review passes
# left open, with the origin and credits its page or caveat supports, and whether it counts.
@pytest.mark.parametrize(
    ("source_id", "origin", "credited", "can_count"),
    [
        ("anews-kremlin-confirms-trump-request", "anadolu", set(), False),
        ("anews-300-pows-each-20260306", "afp", set(), True),
        ("anews-coalition-anniversary-statement", None, set(), True),
        ("anews-trilateral-postponed-us-proposal", None, set(), True),
        ("anews-witkoff-abu-dhabi-constructive", None, set(), True),
        (
            "turkiyetoday-uae-abu-dhabi-second-round",
            "anews-witkoff-abu-dhabi-constructive",
            {"wam"},
            False,
        ),
        ("royanews-geneva-difficult-businesslike", "trt-world", {"reuters"}, False),
        ("tportal-talks-paused-20260319", "reuters", {"izvestia"}, True),
        ("dunyanews-reuters-talks-paused-izvestia", "reuters", {"izvestia"}, True),
        ("ebiztoday-loan-package-hungary-changes-vote", "global-news", set(), True),
        ("1lurer-sybiha-separate-agreements", "european-pravda", set(), True),
        ("sentinelassam-mea-peace-efforts", "ians", set(), True),
        ("odaily-jinshi-open-letter", "jinshi", set(), False),
        ("moldova1-patriot-afp", "afp", {"efe", "agerpres"}, False),
        ("hurriyet-axios-scoop", "anadolu", {"axios"}, False),
        ("dailysabah-paris-security-guarantees", "reuters", set(), True),
        ("irishtimes-geneva-19-points", "financial-times", set(), True),
        ("novynylive-peskov-parameters", "tass", set(), False),
        ("unn-vatican-news-pope-italy-mediator", "vatican-news", set(), False),
        ("uanews-tusk-author", "ukrainska-pravda", {"european-pravda"}, True),
        ("up-first-tranche-eu-loan-april", None, {"european-pravda"}, True),
        ("fmt-geneva-joint-statement", None, set(), True),
        ("okaz-umerov-red-lines", None, set(), True),
    ],
)
def test_the_outlets_pass_relays(
    dataset: plan_dataset.Dataset,
    source_id: str,
    origin: str | None,
    credited: set[str],
    can_count: bool,
) -> None:
    source = dataset.source(source_id)
    assert (source.origin, set(source.credits)) == (origin, credited)
    assert (source_id not in _relays_what_never_counts(dataset)) == can_count
    assert "outlets pass" in (source.caveats or "") or source_id in {
        "dunyanews-reuters-talks-paused-izvestia",
        "sentinelassam-mea-peace-efforts",
        "odaily-jinshi-open-letter",
        "uanews-tusk-author",
        "up-first-tranche-eu-loan-april",
        "unn-vatican-news-pope-italy-mediator",
    }


def test_copies_of_one_text_now_count_once(dataset: plan_dataset.Dataset) -> None:
    look_up = _look_up(dataset)
    same = [
        ("anews-300-pows-each-20260306", "citizen-afp-500-pow-exchange"),
        ("tportal-talks-paused-20260319", "dunyanews-reuters-talks-paused-izvestia"),
        ("irishtimes-geneva-19-points", "liga-ft-19-points"),
    ]
    for one, other in same:
        first, second = dataset.source(one), dataset.source(other)
        assert origin_of(first, look_up) == origin_of(second, look_up), (one, other)
    geneva = dataset.corroboration(dataset.document("us-19-point-revision"))
    assert "irishtimes-geneva-19-points" not in geneva.origin_ids
    assert "financial-times" in geneva.origin_ids


def test_the_new_outlets_and_their_classes(dataset: plan_dataset.Dataset) -> None:
    outlets = {o.id: o for o in dataset.outlets}
    classes = {
        "ians": "established_outlet",
        "jinshi": "regional_outlet",
        "izvestia": "regional_outlet",
        "adnkronos": "established_outlet",
        "efe": "state_affiliated",
        "agerpres": "state_affiliated",
        "global-news": "established_outlet",
        "european-pravda": "established_outlet",
        "vatican-news": "state_affiliated",
    }
    assert {i: outlets[i].reliability for i in classes} == classes
    # The Holy See's news service is judged like any government's: an official outlet,
    # evidence of what the Holy See said, never corroboration; the judgement is recorded.
    vatican = outlets["vatican-news"]
    assert vatican.country == "VA" and "official" in (vatican.notes or "")
    assert "Dicastery for Communication" in (vatican.notes or "")
