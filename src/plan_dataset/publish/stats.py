"""Counts for ``plan-dataset stats``: records, evidence, sources cited, and corroboration."""

from __future__ import annotations

from collections import Counter
from typing import Any

from plan_dataset.evidence.corroboration import Corroboration, classes_along, lookup_of, part_key
from plan_dataset.models import MODELS, Provision, QuoteEvidence, Source, evidence_items
from plan_dataset.publish.snapshot import Snapshot

# Issue 21's targets for citable sources: shares of all sources.
PUBLISHER_TARGET = 0.95
DATE_TARGET = 0.90


def source_metadata_of(sources: list[Source]) -> dict[str, Any]:
    """How many sources name their publisher, and how many give a publication date or were
    checked and show none (metadata_checked set, published null), as shares of all sources.

    ``unchecked`` lists the sources with no date that nobody has checked yet: the gap
    between the dated-or-checked share and 100%.
    """
    total = len(sources)
    with_publisher = sum(1 for s in sources if s.publisher is not None)
    dated = sum(1 for s in sources if s.published is not None)
    checked_undated = sum(
        1 for s in sources if s.published is None and s.metadata_checked is not None
    )
    unchecked = sorted(s.id for s in sources if s.published is None and s.metadata_checked is None)

    def share(count: int) -> float:
        return round(count / total, 4) if total else 0.0

    return {
        "sources": total,
        "with_publisher": with_publisher,
        "publisher_share": share(with_publisher),
        "publisher_target": PUBLISHER_TARGET,
        "with_date": dated,
        "checked_no_date_shown": checked_undated,
        "date_or_checked_share": share(dated + checked_undated),
        "date_target": DATE_TARGET,
        "unchecked": unchecked,
    }


def evidence_strength_of(
    records: dict[str, list[Any]], found: dict[str, Corroboration]
) -> dict[str, int]:
    """The figures the README states: how many sources are an official site's own page
    (class ``primary``); how many records (sources aside) cite a page whose origin chain or
    credits reach a primary text; and, of the records with evidence of their own (not only
    in terms or variants), how many are weakly sourced. ``found`` is the corroboration
    computed once (``Snapshot.corroboration``, or a loaded bundle's)."""
    look_up = lookup_of(records)
    primary_sources = sum(1 for s in records.get("sources", ()) if s.reliability == "primary")
    resting, with_evidence, weak = 0, 0, 0
    for table, table_records in records.items():
        if table == "sources":
            continue
        for record in table_records:
            own = found.get(part_key(table, record.id, None))
            if own is not None:
                with_evidence += 1
                weak += own.weakly_sourced
            cited = {item.source for _loc, _part, item in evidence_items(record)}
            pages = (look_up(source) for source in cited)
            if any(
                page is not None and "primary" in classes_along(page, look_up) for page in pages
            ):
                resting += 1
    return {
        "primary_sources": primary_sources,
        "records_resting_on_primary": resting,
        "records_with_own_evidence": with_evidence,
        "records_weakly_sourced": weak,
    }


def stats_of(snapshot: Snapshot) -> dict[str, Any]:
    """Counts per table, per source (records citing it, by table), per evidence kind and
    hedge, and how many records and parts are weakly sourced, with every published
    point that is weakly sourced by exception (its sourcing_note)."""
    tables: Counter[str] = Counter()
    by_source: dict[str, Counter[str]] = {}
    kinds: Counter[str] = Counter()
    hedges: Counter[str] = Counter()
    weak: Counter[str] = Counter()
    found = snapshot.corroboration
    exceptions = []
    for table, records in snapshot.records.items():
        for record in records:
            tables[table] += 1
            cited: set[str] = set()
            for _loc, _part, item in evidence_items(record):
                kinds["quote" if isinstance(item, QuoteEvidence) else "locator"] += 1
                hedges[item.hedge] += 1
                cited.add(item.source)
            for source in cited:
                by_source.setdefault(source, Counter())[table] += 1
            own = found.get(part_key(table, record.id, None))
            # A source's own evidence is the page itself: one origin by definition.
            if table != "sources" and own is not None and own.weakly_sourced:
                weak[table] += 1
            if isinstance(record, Provision) and record.sourcing_note is not None:
                exceptions.append({"id": record.id, "sourcing_note": record.sourcing_note})
    sources = [
        record for record in snapshot.records.get("sources", []) if isinstance(record, Source)
    ]
    return {
        "records": {table: tables[table] for table in MODELS},
        "source_metadata": source_metadata_of(sources),
        "evidence_strength": evidence_strength_of(snapshot.records, found),
        "evidence_kinds": {kind: kinds[kind] for kind in ("quote", "locator")},
        "hedges": dict(sorted(hedges.items())),
        "weakly_sourced_records": {table: weak[table] for table in MODELS if weak[table]},
        "weakly_sourced_published_points": exceptions,
        "records_citing_source": {
            source: {table: counts[table] for table in MODELS if counts[table]}
            for source, counts in sorted(by_source.items())
        },
    }


def stats_lines(stats: dict[str, Any]) -> list[str]:
    lines = ["records per table"]
    lines += [f"  {table:<14} {count:>6}" for table, count in stats["records"].items()]
    lines.append(f"  {'total':<14} {sum(stats['records'].values()):>6}")
    lines.append("evidence items by kind")
    lines += [f"  {kind:<14} {count:>6}" for kind, count in stats["evidence_kinds"].items()]
    lines.append("evidence items by hedge")
    lines += [f"  {hedge:<14} {count:>6}" for hedge, count in stats["hedges"].items()]
    meta = stats["source_metadata"]
    lines.append("sources with a publisher, and with a date (or checked: the page shows none)")
    lines.append(
        f"  {'publisher':<14} {meta['with_publisher']:>6}  {meta['publisher_share']:.1%}"
        f" (target {meta['publisher_target']:.0%})"
    )
    lines.append(
        f"  {'date/checked':<14} {meta['with_date'] + meta['checked_no_date_shown']:>6}"
        f"  {meta['date_or_checked_share']:.1%} (target {meta['date_target']:.0%};"
        f" {meta['with_date']} dated, {meta['checked_no_date_shown']} checked, none shown)"
    )
    lines.append(f"  {'not checked':<14} {len(meta['unchecked']):>6}")
    strength = stats["evidence_strength"]
    lines.append("primary texts (an official site's own page)")
    lines.append(f"  {'sources':<14} {strength['primary_sources']:>6}")
    lines.append(f"  {'records on one':<14} {strength['records_resting_on_primary']:>6}")
    lines.append(
        f"  {'weak records':<14} {strength['records_weakly_sourced']:>6}"
        f"  of {strength['records_with_own_evidence']} with evidence of their own"
    )
    lines.append("weakly sourced records (fewer than two independent origins), by table")
    lines += [f"  {t:<14} {n:>6}" for t, n in stats["weakly_sourced_records"].items()]
    lines.append("published points weakly sourced by exception")
    lines += [
        f"  {e['id']}: {e['sourcing_note']}" for e in stats["weakly_sourced_published_points"]
    ]
    lines.append("records citing each source, by table")
    for source, counts in stats["records_citing_source"].items():
        detail = ", ".join(f"{table} {n}" for table, n in counts.items())
        lines.append(f"  {source}: {sum(counts.values())} ({detail})")
    return lines
