"""Layer 6: relays. A page whose caveat names the agency it relays carries that origin, and
an official site's own page is classed primary.

Both checks read the ``outlets`` table: an outlet's name and aliases (as whole words, in
a source's ``caveats`` and ``notes``) and its web domains.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator, Sequence
from urllib.parse import urlsplit

from plan_dataset.evidence.corroboration import chain_of
from plan_dataset.models import Outlet, Source
from plan_dataset.validation.base import CheckedRecord, Code, Finding
from plan_dataset.validation.index import DatasetIndex
from plan_dataset.validation.layer import Layer

CODES = {
    "R001": Code(
        "relays",
        "caveat names an outlet the origin does not reach",
        "caveats name TASS (tass), but neither the origin chain nor credits reach it: set "
        "origin to the outlet whose text the page carries, and list any other it credits in "
        "credits",
    ),
    "R002": Code(
        "relays",
        "official site's own page not classed primary",
        "url is on kremlin.ru, the official site of The Kremlin (kremlin.ru): class it primary",
    ),
}
# A mention this close to the word 'photo' is a photo credit, not a credit for the text.
PHOTO_WINDOW = 30
PHOTO = re.compile(r"photo", re.IGNORECASE)


class OutletNames:
    """Every outlet's names as whole-word patterns, longest first (so 'Interfax-Ukraine'
    is found before 'Interfax'), and every outlet's domains."""

    def __init__(self, outlets: Sequence[Outlet]) -> None:
        names = [(name, o) for o in outlets for name in dict.fromkeys((o.name, *o.aliases))]
        names.sort(key=lambda pair: (-len(pair[0]), pair[0]))
        self.patterns = [
            (re.compile(rf"(?<![\w/-]){re.escape(name)}(?![\w/])"), outlet)
            for name, outlet in names
        ]
        self.outlets = {o.id: o for o in outlets}

    def named_in(self, text: str) -> dict[str, str]:
        """The outlets a text names (outside photo credits): id -> the name it uses."""
        found: dict[str, str] = {}
        for pattern, outlet in self.patterns:
            for match in pattern.finditer(text):
                around = text[max(0, match.start() - PHOTO_WINDOW) : match.end() + PHOTO_WINDOW]
                if not PHOTO.search(around):
                    found.setdefault(outlet.id, match.group())
            text = pattern.sub(lambda m: " " * len(m.group()), text)
        return found

    def owner_of(self, url: str | None) -> Outlet | None:
        """The outlet whose own domain (or a subdomain of it) a URL is on."""
        host = (urlsplit(url).hostname or "") if url else ""
        for outlet in self.outlets.values():
            if any(host == d or host.endswith("." + d) for d in outlet.domains):
                return outlet
        return None


_NAMES: weakref.WeakKeyDictionary[DatasetIndex, OutletNames] = weakref.WeakKeyDictionary()


def outlet_names(index: DatasetIndex) -> OutletNames:
    if index not in _NAMES:
        outlets = [o for o in index.all_records("outlets") if isinstance(o, Outlet)]
        _NAMES[index] = OutletNames(outlets)
    return _NAMES[index]


def reached(source: Source, index: DatasetIndex, names: OutletNames) -> set[str]:
    """Ids of every outlet and source a page rests on: along its origin chain, through the
    credits of any source on it, and the owners of those sources' domains."""

    def look_up(record_id: str) -> Source | Outlet | None:
        return index.typed("sources", record_id, Source) or index.typed(
            "outlets", record_id, Outlet
        )

    found: set[str] = set()
    pending: list[Source | Outlet] = [source]
    while pending:
        for link in chain_of(pending.pop(), look_up):
            if link.id in found:
                continue
            found.add(link.id)
            if isinstance(link, Source):
                owner = names.owner_of(link.url)
                if owner is not None:
                    found.add(owner.id)
                credited = (look_up(credit) for credit in link.credits)
                pending.extend(record for record in credited if record is not None)
    return found


def check_relays(record: CheckedRecord, index: DatasetIndex) -> Iterator[Finding]:
    source = record.model
    if not isinstance(source, Source):
        return
    names = outlet_names(index)
    if not names.outlets:
        return
    rests_on: set[str] | None = None
    for field in ("caveats", "notes"):
        text = getattr(source, field)
        for outlet_id, name in sorted(names.named_in(text or "").items()):
            rests_on = reached(source, index, names) if rests_on is None else rests_on
            if outlet_id not in rests_on:
                yield Finding(
                    (field,),
                    "R001",
                    f"{field} name {name} ({outlet_id}), but neither the origin chain nor "
                    "credits reach it: set origin to the outlet whose text the page carries, "
                    "and list any other it credits in credits",
                )
    owner = names.owner_of(source.url)
    if owner is not None and owner.kind == "official_site" and source.reliability != "primary":
        host = next(
            d for d in owner.domains if (urlsplit(source.url or "").hostname or "").endswith(d)
        )
        yield Finding(
            ("reliability",),
            "R002",
            f"url is on {host}, the official site of {owner.name}: class it primary",
        )


LAYER = Layer("relays", CODES, per_record=check_relays)
