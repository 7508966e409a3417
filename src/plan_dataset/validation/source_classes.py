"""Layer: source classes, the same way for every side (docs/curation-guide.md).

A page on the own domain of an outlet that never counts (state media, an aggregator
network, a partisan blog) takes that outlet's class; a page that never counts says why in
its caveats; and every page of one domain has one class. Which domains belong to which
outlet is data: the ``domains`` of the ``outlets`` table, read through ``relays.py``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from urllib.parse import urlsplit

from plan_dataset.evidence.corroboration import NEVER_COUNTS
from plan_dataset.models import Source
from plan_dataset.validation.base import CheckedRecord, Code, Finding
from plan_dataset.validation.index import DatasetIndex
from plan_dataset.validation.layer import Layer
from plan_dataset.validation.relays import outlet_names

CODES = {
    "S004": Code(
        "sourcing",
        "page on the domain of an outlet that never counts, classed otherwise",
        "url is on tass.com, a domain of TASS (tass), classed state_affiliated: class the "
        "page state_affiliated too",
    ),
    "S005": Code(
        "sourcing",
        "page that never counts gives no caveat",
        "a page classed aggregator never counts as corroboration: say why in caveats",
    ),
    "S006": Code(
        "sourcing",
        "one domain, two classes",
        "pages on uanews.net are classed regional_outlet (data/sources/uanews-28-points.yaml)"
        ": class this one regional_outlet too, not established_outlet",
    ),
}

# Shared content-delivery domains are no masthead: each host under them is its own site.
SHARED_HOSTING_DOMAINS = frozenset({"cloudfront.net"})
# Second-level labels under a country code that are not themselves a site (news.co.uk).
GENERIC_SECOND_LEVELS = frozenset({"co", "com", "edu", "org", "net"})


def site_of(url: str | None) -> str | None:
    """The registrable part of a page's host (news.liga.net -> liga.net), or None."""
    host = (urlsplit(url).hostname or "").lower() if url else ""
    host = host.removeprefix("www.")
    if not host:
        return None
    labels = host.split(".")
    two_level = len(labels[-1]) == 2 and len(labels) > 2 and labels[-2] in GENERIC_SECOND_LEVELS
    domain = ".".join(labels[-3:] if two_level else labels[-2:])
    return host if domain in SHARED_HOSTING_DOMAINS else domain


def check_source_class(record: CheckedRecord, index: DatasetIndex) -> Iterator[Finding]:
    source = record.model
    if not isinstance(source, Source):
        return
    if source.reliability in NEVER_COUNTS and not source.caveats:
        yield Finding(
            ("reliability",),
            "S005",
            f"a page classed {source.reliability} never counts as corroboration: say why "
            "in caveats",
        )
    owner = outlet_names(index).owner_of(source.url)
    if owner is None or owner.reliability not in NEVER_COUNTS:
        return
    if source.reliability != owner.reliability:
        host = (urlsplit(source.url or "").hostname or "").lower()
        domain = next(d for d in owner.domains if host == d or host.endswith("." + d))
        yield Finding(
            ("reliability",),
            "S004",
            f"url is on {domain}, a domain of {owner.name} ({owner.id}), classed "
            f"{owner.reliability}: class the page {owner.reliability} too",
        )


def check_one_class_per_domain(
    records: Sequence[CheckedRecord], _index: DatasetIndex, complete: bool
) -> Iterator[tuple[CheckedRecord, Finding]]:
    """Every page of one domain has one class: the class of the first page (by file name)
    is the one the others are measured against."""
    if not complete:
        return
    first: dict[str, CheckedRecord] = {}
    for record in sorted(records, key=lambda r: r.display):
        source = record.model
        if not isinstance(source, Source):
            continue
        site = site_of(source.url)
        if site is None:
            continue
        other = first.setdefault(site, record)
        assert isinstance(other.model, Source)
        if source.reliability != other.model.reliability:
            yield (
                record,
                Finding(
                    ("reliability",),
                    "S006",
                    f"pages on {site} are classed {other.model.reliability} ({other.display})"
                    f": class this one {other.model.reliability} too, not "
                    f"{source.reliability}",
                ),
            )


LAYER = Layer(
    "source classes", CODES, per_record=check_source_class, across=check_one_class_per_domain
)
