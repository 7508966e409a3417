"""When two sources are one page: their addresses normalise to the same one, or they
archive the same file. Standard library only: validation refuses such pairs (D006), and
corroboration counts a page once however its address is written.

An address is normalised by dropping what does not change the page: the scheme (http
and https), a leading ``www.`` or ``amp.``, a default port, an ``amp`` path segment or
``.amp`` suffix, a trailing slash, the fragment, and tracking parameters (``utm_*``,
``fbclid``, ``mc_cid`` …). Other parameters are kept, sorted: ``?p=165179`` and
``view_news.php?id=235616`` name pages.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Parameters that follow a reader, not a page.
TRACKING_PARAMETERS = frozenset(
    {
        "amp",
        "cmpid",
        "fbclid",
        "gclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "mkt_tok",
        "ocid",
        "output",
        "outputtype",
        "ref",
        "ref_src",
        "smid",
        "src",
        "taid",
        "yclid",
    }
)
_HOST_PREFIXES = ("www.", "amp.", "m.")


def normalised_url(url: str) -> str:
    """The page an address names, written one way (see the module's docstring)."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower().rstrip(".")
        port = parts.port
    except ValueError:
        return url.strip()  # validation reports a malformed address elsewhere
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    if port is not None and port not in (80, 443):
        host = f"{host}:{port}"
    segments = [s for s in parts.path.split("/") if s and s.lower() != "amp"]
    if segments and segments[-1].lower().endswith(".amp"):
        segments[-1] = segments[-1][: -len(".amp")]
    if segments and segments[-1].lower() in ("amp.html", "index.html", "index.php"):
        segments.pop()
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in TRACKING_PARAMETERS and not key.lower().startswith("utm_")
    )
    path = "/".join(segments)
    return f"{host}/{path}" + (f"?{urlencode(query)}" if query else "")


def page_keys(source: Any) -> list[str]:
    """What makes a source one page: its normalised address and its archived file
    (path and sha256); two sources sharing any key are the same page."""
    keys = []
    url = getattr(source, "url", None)
    if url:
        keys.append(f"url:{normalised_url(url)}")
    sha256 = getattr(source, "sha256", None)
    if sha256:
        keys.append(f"sha256:{sha256}")
    path = getattr(source, "path", None)
    if path:
        keys.append(f"path:{path}")
    return keys
