"""Counts for ``plan-dataset stats``: records, evidence, sources cited, and corroboration."""

from __future__ import annotations

from collections import Counter
from typing import Any

from plan_dataset.corroboration import all_corroboration, part_key
from plan_dataset.models import MODELS, Provision, QuoteEvidence, evidence_items
from plan_dataset.snapshot import Snapshot


def stats_of(snapshot: Snapshot) -> dict[str, Any]:
    """Counts per table, per source (records citing it, by table), per evidence kind and
    hedge, and how many records and parts are weakly sourced, with every published
    point that is weakly sourced by exception (its sourcing_note)."""
    tables: Counter[str] = Counter()
    by_source: dict[str, Counter[str]] = {}
    kinds: Counter[str] = Counter()
    hedges: Counter[str] = Counter()
    weak: Counter[str] = Counter()
    found = all_corroboration(snapshot.records)
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
    return {
        "records": {table: tables[table] for table in MODELS},
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
