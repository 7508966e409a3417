"""The site in a real browser: no errors, no requests out, search, matrix, axe-core, two widths."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from site_browser import CHROMIUM_FLAGS, axe_path, chromium_path, write_site

import plan_dataset

pytest.importorskip("jinja2", reason="the site extra is not installed")

ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
PAGE_TYPES = {
    "home": "index.html",
    "version": "versions/us-28-point-draft.html",
    "point": "provisions/point-06.html",
    "compare": "compare/us-28-point-draft--european-counter-proposal.html",
    "stakeholder": "stakeholders/volodymyr-zelenskyy.html",
    "matrix": "matrix.html",
    "timeline": "timeline.html",
    "sources": "sources.html",
    "discrepancies": "discrepancies.html",
    "search": "search.html",
}


def _need(thing: Any, what: str) -> Any:
    if thing is None:
        if os.environ.get("CI"):
            pytest.fail(f"{what} is required in CI (.ci/run installs it)")
        pytest.skip(f"{what} is not installed here: browser tests skipped")
    return thing


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from plan_dataset.site import render_site
    from plan_dataset.snapshot import snapshot_of
    from plan_dataset.validation import validate

    files = render_site(snapshot_of(validate(ROOT), ROOT))
    return write_site(files, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def browser() -> Any:
    executable = _need(chromium_path(), "Chromium (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def _open(browser: Any, url: str, width: int) -> tuple[Any, list[str]]:
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed request: {r.url}"))
    page.on(
        "request",
        lambda r: (
            problems.append(f"request leaves the site: {r.url}")
            if not r.url.startswith("file://")
            else None
        ),
    )
    page.goto(url)
    page.wait_for_load_state("load")
    return page, problems


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_page_type_renders_cleanly_and_accessibly(
    browser: Any, site_dir: Path, kind: str, width: int
) -> None:
    page, problems = _open(browser, (site_dir / PAGE_TYPES[kind]).as_uri(), width)
    try:
        assert problems == []
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{kind}-{width}.png"))
        # Usable at both widths: the page itself never scrolls sideways (wide tables scroll
        # inside their own boxes).
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{kind} is {overflow}px wider than the window"
        axe = _need(axe_path(ROOT), "axe-core (npm install axe-core)")
        page.add_script_tag(path=str(axe))
        result = page.evaluate(
            "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'best-practice']})"
        )
        serious = [
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert serious == []
    finally:
        page.close()


def test_search_finds_a_point_by_a_word_in_it(browser: Any, site_dir: Path) -> None:
    page, problems = _open(browser, (site_dir / "search.html").as_uri(), 1280)
    try:
        page.fill("#search-input", "Zaporizhzhia")
        page.wait_for_selector("#search-results li")
        links = page.eval_on_selector_all(
            "#search-results a", "els => els.map(e => e.getAttribute('href'))"
        )
        assert any(link.startswith("provisions/") for link in links)
        page.click("#search-results a[href^='provisions/']")
        page.wait_for_load_state("load")
        assert "/provisions/" in page.url
        assert problems == []
    finally:
        page.close()


def test_the_matrix_cell_count_matches_the_data(browser: Any, site_dir: Path) -> None:
    page, _problems = _open(browser, (site_dir / "matrix.html").as_uri(), 1280)
    try:
        cells = page.eval_on_selector_all("#matrix td.cell", "els => els.length")
        assert cells == len(plan_dataset.load().stance_matrix())
        labels = page.eval_on_selector_all(
            "#matrix td.cell a", "els => els.map(e => e.textContent)"
        )
        assert set(labels) <= {"supports", "conditional", "opposes", "unclear"}
    finally:
        page.close()


def test_pages_work_without_javascript(browser: Any, site_dir: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto((site_dir / "timeline.html").as_uri())
        assert page.locator("svg").count() == 2
        page.goto((site_dir / "provisions/point-06.html").as_uri())
        assert "600,000" in page.content()
    finally:
        context.close()


def test_every_page_is_valid_html(site_dir: Path) -> None:
    import shutil
    import subprocess

    java = _need(shutil.which("java"), "Java (for the Nu HTML Checker)")
    checker = ROOT / ".ci-node/node_modules/vnu-jar/build/dist/vnu.jar"
    _need(checker if checker.is_file() else None, "the Nu HTML Checker (npm install vnu-jar)")
    result = subprocess.run(
        [java, "-jar", str(checker), "--errors-only", "--skip-non-html", str(site_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[:3000]
