"""Regenerate the README's screenshots of the site: `python docs/screenshots.py`.

Needs the site extra and Playwright (`pip install '.[test]'`) and Debian's Chromium
(`apt-get install -y chromium`). Renderers differ between machines, so the images are
not drift-tested.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "site"))

from playwright.sync_api import sync_playwright  # noqa: E402
from site_browser import CHROMIUM_FLAGS, chromium_path, write_site  # noqa: E402

from plan_dataset.publish.snapshot import snapshot_of  # noqa: E402
from plan_dataset.site import render_site  # noqa: E402
from plan_dataset.validation import validate  # noqa: E402

SHOTS = {
    "home": "index.html",
    "point": "provisions/point-06.html",
    "matrix": "matrix.html",
    "timeline": "timeline.html#month-2025-11",  # the dense fortnight, in its month's panel
}


def main() -> None:
    executable = chromium_path()
    if executable is None:
        sys.exit("Chromium is needed: apt-get install -y chromium")
    with tempfile.TemporaryDirectory() as folder:
        site = write_site(render_site(snapshot_of(validate(ROOT), ROOT)), Path(folder))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            for name, path in SHOTS.items():
                page_path, _, fragment = path.partition("#")
                page.goto((site / page_path).as_uri() + (f"#{fragment}" if fragment else ""))
                page.screenshot(path=str(ROOT / "docs" / "screenshots" / f"{name}.png"))
                print(f"docs/screenshots/{name}.png")
            browser.close()


if __name__ == "__main__":
    main()
