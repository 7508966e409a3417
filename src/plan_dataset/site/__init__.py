"""The browsable site: ``plan-dataset site --out DIR`` (the ``site`` extra: Jinja2, lunr).

``render_site(snapshot)`` is pure: it returns every file of a static, self-contained
site by relative path. Jinja2 escapes every text from the data; links are relative,
so the site works from file:// and under any subpath; nothing is fetched from elsewhere.
"""

from __future__ import annotations

from importlib import resources

from plan_dataset.publish.snapshot import Snapshot
from plan_dataset.site.pages import render_pages

STATIC_FILES = (
    "style.css",
    "search.js",
    "matrix.js",
    "timeline.js",
    "lunr.min.js",
    "lunr.LICENSE.txt",
)


def render_site(snapshot: Snapshot) -> dict[str, bytes]:
    """Every file of the site, by path relative to its root."""
    from plan_dataset.bundle import RESOURCE
    from plan_dataset.loader import from_snapshot
    from plan_dataset.publish.outputs import export_files
    from plan_dataset.publish.outputs.bundle import render_bundle

    dataset = from_snapshot(snapshot)
    texts = {source_id: text.text for source_id, text in snapshot.texts.items()}
    files: dict[str, bytes] = render_pages(dataset, texts)
    static = resources.files("plan_dataset.site").joinpath("static")
    for name in STATIC_FILES:
        files[f"static/{name}"] = static.joinpath(name).read_bytes()
    files[RESOURCE] = render_bundle(snapshot)  # data/, beside the tables
    for name, content in export_files(snapshot, "csv").items():
        files[f"data/{name}"] = content  # the tables and their datapackage.json, side by side
    return files


def missing_extra() -> str | None:
    """Why the site cannot be built here, or None."""
    try:
        import jinja2  # noqa: F401
        import lunr  # noqa: F401
    except ImportError:
        return (
            "the site needs jinja2 and lunr: pip install 'jinja2>=3.1' 'lunr>=0.7' "
            "(the site extra: pip install '.[site]' in a checkout)"
        )
    return None


__all__ = ["missing_extra", "render_site"]
