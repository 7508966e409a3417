"""Source classes applied once per domain, the same way to every side (sources-final pass).

Rules (docs/curation-guide.md, "How strong is the evidence"): media owned and run by a
government of any country are state_affiliated, the US government's RFE/RL and VOA included;
public-service broadcasters with statutory governance are not; every page of one domain
has one class; a page that carries a classed outlet's text points its origin at that
outlet's source record when the dataset has one.
"""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlparse

import plan_dataset

US_GOVERNMENT_MEDIA = ("rferl.org", "voanews.com", "radiosvoboda.org", "svoboda.org")
# RFE/RL pages served from a content-delivery mirror rather than rferl.org.
RFERL_MIRRORS = {"rferl-e3-comparison"}


def _host(url: str | None) -> str:
    host = (urlparse(url).hostname or "").lower() if url else ""
    return host[4:] if host.startswith("www.") else host


def _under(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def test_us_government_broadcasters_are_state_affiliated(dataset: plan_dataset.Dataset) -> None:
    pages = [
        s
        for s in dataset.sources
        if s.id in RFERL_MIRRORS or any(_under(_host(s.url), d) for d in US_GOVERNMENT_MEDIA)
    ]
    assert {"rferl-rutte-geneva", "rferl-e3-comparison"} <= {s.id for s in pages}
    for source in pages:
        assert source.reliability == "state_affiliated", source.id
        assert "US Agency for Global Media" in (source.caveats or ""), source.id
    # So the Rutte position now rests on one strong origin, not two.
    rutte = dataset.get("positions", "rutte-us-draft-served-as-base-20251124")
    assert "rferl-rutte-geneva" not in dataset.corroboration(rutte).origin_ids


SHARED_HOSTING_DOMAINS = {"cloudfront.net"}


def test_one_class_per_domain(dataset: plan_dataset.Dataset) -> None:
    classes: dict[str, set[str]] = defaultdict(set)
    for source in dataset.sources:
        if source.url:
            host = _host(source.url)
            # A page's domain: the registrable part (news.liga.net -> liga.net).
            labels = host.split(".")
            two_level = len(labels[-1]) == 2 and labels[-2] in {"co", "com", "edu", "org", "net"}
            domain = ".".join(labels[-3:] if two_level else labels[-2:])
            # A shared content-delivery domain is no masthead: each host is its own site.
            if domain in SHARED_HOSTING_DOMAINS:
                domain = host
            classes[domain].add(source.reliability)
    mixed = {d: c for d, c in classes.items() if len(c) > 1}
    assert mixed == {}, mixed
    assert classes["uanews.net"] == {"regional_outlet"}
    assert classes["lbcgroup.tv"] == {"established_outlet"}
    assert classes["menafn.com"] == {"republisher"}


def test_public_service_and_government_media_are_told_apart(
    dataset: plan_dataset.Dataset,
) -> None:
    # Teleradio-Moldova (statutory supervisory board) is a public-service broadcaster.
    assert dataset.source("moldova1-patriot-afp").reliability == "established_outlet"
    assert dataset.source("polskieradio-costa-progress").reliability == "established_outlet"
    assert dataset.source("dw-merz-g20-interview").reliability == "established_outlet"
    # United24 Media is the Ukrainian government's own platform; DotDotNews belongs to a
    # group that publishes the state-owned Wen Wei Po; Ukrinform is a state agency.
    for sid in ("united24-ft-19-points", "dotdotnews-geneva", "ukrinform-20-points"):
        assert dataset.source(sid).reliability == "state_affiliated", sid
    # dpa is a national agency like Adnkronos: the wire class is for AFP, Reuters and AP.
    assert dataset.source("dpa-merz-luanda-no-breakthrough").reliability == "established_outlet"
    assert not [s.id for s in dataset.sources if s.reliability == "wire"]


def test_relays_point_at_the_carried_source_record(dataset: plan_dataset.Dataset) -> None:
    origin = {s.id: s.origin for s in dataset.sources}
    assert origin["prologue-20-points-ukrinform"] == "ukrinform-20-points"
    assert origin["anews-merz-dw-interview"] == "dw-merz-g20-interview"
    assert origin["taazalivefeed-wion-referendum"] == "wionews-zelensky-referendum"
    assert origin["fakti-bg-axios"] == "tass-axios-plan-living-document"
    # Two relays of one DW interview are one origin for Merz's position.
    merz = dataset.get("positions", "merz-frozen-assets-202511")
    assert dataset.corroboration(merz).origin_ids == ("dw-merz-g20-interview",)


def test_pages_that_say_they_carry_a_named_text_have_an_origin(
    dataset: plan_dataset.Dataset,
) -> None:
    markers = ("counts as", "so origin names", "so origin points", "so origin is the")
    flagged = [s for s in dataset.sources if any(m in (s.caveats or "") for m in markers)]
    assert len(flagged) >= 15
    for source in flagged:
        assert source.origin is not None, source.id
    expected = {
        "bharathorizon-vance-fantasy": "reuters",
        "liga-gdansk-sabotage": "the-guardian",
        "up-lavrov-20-point-not-received": "ria-novosti",
        "up-peskov-main-parameters": "interfax-russia",
        "eurointegration-ryabkov-20-points": "interfax-russia",
        "globalsecurity-rferl-ternopil": "rfe-rl",
        "newsgram-rferl-geneva": "rfe-rl",
    }
    for sid, want in expected.items():
        assert origin_of(dataset, sid) == want, sid


def origin_of(dataset: plan_dataset.Dataset, sid: str) -> str | None:
    return dataset.source(sid).origin
