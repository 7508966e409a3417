"""Findings of the second blind audit (issue 21, item 6), each read back from the records.

The audit log is docs/curation-notes/blind-audit-2.md; every assertion here pins one
correction made there against the stored page.
"""

from __future__ import annotations

from conftest import ROOT

import plan_dataset


def locator_of(record, source_id: str) -> list[str]:
    return [e.locator for e in record.evidence if e.source == source_id]


def test_merz_dw_interview_is_dated_to_sunday_23_november(
    dataset: plan_dataset.Dataset,
) -> None:
    merz = dataset.get("positions", "merz-frozen-assets-202511")
    # Fakti.bg's copy of the DW interview gives the day that no page read before did.
    assert merz.date == "2025-11-23"
    assert "fakti-bg-merz-dw-sunday" in {e.source for e in merz.evidence}
    # DW and Fakti.bg place the interview after the summit, not at it.
    assert "after the G20 summit" in merz.summary
    assert "at the G20," not in merz.summary
    relay = dataset.source("fakti-bg-merz-dw-sunday")
    assert relay.origin == "dw-merz-g20-interview"
    # Three pages, one DW interview: still a single origin.
    assert dataset.corroboration(merz).origin_ids == ("dw-merz-g20-interview",)


def test_locators_a_paragraph_off_are_corrected(dataset: plan_dataset.Dataset) -> None:
    draft = dataset.get("documents", "us-28-point-draft")
    # The four categories are in the fourth paragraph of the Hindustan Times report.
    assert locator_of(draft, "hindustantimes-four-categories") == ["paragraph 4"]
    # Driscoll handing over the written plan is the sixth paragraph of the uanews report.
    assert locator_of(draft, "uanews-28-points") == ["paragraphs 3 to 6"]
    # The Finnish relay's in-force and ten-year sentence is its fifth body paragraph.
    point = dataset.get("provisions", "sfa-point-03")
    assert locator_of(point, "finland-pravda-security-framework") == ["paragraph 5"]
    gap = dataset.get("discrepancies", "text-sfa-point-03-start")
    finnish = [
        e.locator
        for v in gap.variants
        for e in v.evidence
        if e.source == "finland-pravda-security-framework"
    ]
    assert finnish == ["paragraph 5"]


def test_publication_dates_the_pages_show(dataset: plan_dataset.Dataset) -> None:
    # The stored copy's date field.
    assert dataset.source("unn-zelensky-cnn-signing-sequence").published == "2026-02-24"
    # The site's timestamp in the address, matching the Russian-language item of 24 December.
    assert dataset.source("rbc-ukraine-znpp-point-12").published == "2025-12-24"


def test_audit_log_records_sample_and_outlets_pass() -> None:
    log = (ROOT / "docs" / "curation-notes" / "blind-audit-2.md").read_text(encoding="utf-8")
    assert "Seed: 20261203" in log
    assert "## For the outlets pass" in log
    for source_id in (
        "hurriyet-axios-scoop",
        "dailysabah-paris-security-guarantees",
        "irishtimes-geneva-19-points",
        "moldova1-patriot-afp",
    ):
        assert source_id in log, source_id
