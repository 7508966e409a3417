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

# Deselected by the default run (pyproject's addopts); `pytest -m browser` runs them.
pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
PAGE_TYPES = {
    "home": "index.html",
    "version": "versions/us-28-point-draft.html",
    "point": "provisions/point-06.html",
    "compare": "compare/us-28-point-draft--european-counter-proposal.html",
    "stakeholder": "stakeholders/volodymyr-zelenskyy.html",
    "matrix": "matrix.html",
    "timeline": "timeline.html",
    "sources": "sources/index.html",
    "source-class": "sources/regional-outlet-a-m.html",
    "discrepancies": "discrepancies.html",
    "search": "search.html",
    "stakeholders": "stakeholders/index.html",
    "versions": "versions/index.html",
    "question": "questions/army-cap.html",
    "questions": "questions/index.html",
}


def _need(thing: Any, what: str) -> Any:
    if thing is None:
        if os.environ.get("CI"):
            pytest.fail(f"{what} is required in CI (.ci/run installs it)")
        pytest.skip(f"{what} is not installed here: browser tests skipped")
    return thing


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from plan_dataset.publish.snapshot import snapshot_of
    from plan_dataset.site import render_site
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


# Words a reader may see broken across lines: a run of letters, digits and the marks
# inside numbers and names. Spaces, hyphens, dashes and slashes are where breaking is allowed.
_BROKEN_WORDS_AND_OVERFLOWS = r"""
() => {
  const problems = [];
  const where = el => el.tagName.toLowerCase() + ' "' + el.textContent.trim().slice(0, 50) + '"';
  for (const el of document.querySelectorAll('td, th, .badge, .stance')) {
    if (el.closest('svg')) continue;
    if (el.scrollWidth > el.clientWidth + 1) problems.push('overflows: ' + where(el));
    const box = el.getBoundingClientRect();
    const cell = el.parentElement.closest('td, th');
    if (cell && el.matches('.badge, .stance')) {
      const outer = cell.getBoundingClientRect();
      if (box.right > outer.right + 1) problems.push('sticks out of its cell: ' + where(el));
    }
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const word = /[^\s\-\u2010-\u2015\/]+/g;
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (!parent || !parent.closest('td, th, .badge, .stance, dd')) continue;
    if (parent.closest('code, pre, a.url, svg')) continue;
    let match;
    while ((match = word.exec(node.data))) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0)
        .map(r => Math.round(r.bottom)));
      if (lines.size > 1) problems.push('breaks inside "' + match[0] + '" in ' + where(parent));
    }
  }
  return problems.slice(0, 20);
}
"""


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_no_cell_or_badge_overflows_or_breaks_inside_a_word(
    browser: Any, site_dir: Path, kind: str, width: int
) -> None:
    page, _problems = _open(browser, (site_dir / PAGE_TYPES[kind]).as_uri(), width)
    try:
        if kind == "search":
            page.fill("#search-input", "territory")
            page.wait_for_selector("#search-results li")
        assert page.evaluate(_BROKEN_WORDS_AND_OVERFLOWS) == []
    finally:
        page.close()


# Visible text, without code, addresses and what is not rendered.
_VISIBLE_WORDS = r"""
() => {
  const words = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (!parent || parent.closest('code, pre, a.url, script, style, title, noscript')) continue;
    if (!parent.checkVisibility()) continue;
    for (const token of node.data.match(/[A-Za-z0-9_]+(?:[-\/][A-Za-z0-9_]+)*/g) || []) {
      words.push(token);
    }
  }
  return words;
}
"""


def _ids_and_codes() -> set[str]:
    from plan_dataset.site.labels import vocabulary_codes

    dataset = plan_dataset.load()
    tables = ("sources", "stakeholders", "documents", "provisions", "point_links")
    tables += ("positions", "events", "discrepancies", "questions", "question_statuses")
    ids = {r.id for table in tables for r in getattr(dataset, table) if "-" in r.id}
    # A question's id may be a plain word of its own title ("non-aggression"): as a word in
    # running text it is no id.
    words = {w for q in dataset.questions for w in q.title.lower().split()}
    return (ids - words) | vocabulary_codes()


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_no_record_id_or_vocabulary_code_in_visible_text(
    browser: Any, site_dir: Path, kind: str
) -> None:
    page, _problems = _open(browser, (site_dir / PAGE_TYPES[kind]).as_uri(), 1280)
    try:
        if kind == "search":
            for query in ("Zelenskyy", "territory"):
                page.fill("#search-input", query)
                page.wait_for_selector("#search-results li")
        forbidden = _ids_and_codes()
        shown = set(page.evaluate(_VISIBLE_WORDS))
        slug_paths = {
            w for w in shown if "/" in w and w.split("/")[0] in ("provisions", "positions")
        }
        underscored = {w for w in shown if "_" in w}
        assert sorted((shown & forbidden) | slug_paths | underscored) == []
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


def test_search_stems_so_territory_and_territorial_find_the_same_positions(
    browser: Any, site_dir: Path
) -> None:
    page, problems = _open(browser, (site_dir / "search.html").as_uri(), 1280)
    try:
        found = {}
        for word in ("territory", "territorial"):
            page.fill("#search-input", word)
            page.wait_for_selector("#search-results li")
            found[word] = set(
                page.eval_on_selector_all(
                    "#search-results a[href*='#']", "els => els.map(e => e.getAttribute('href'))"
                )
            )
        assert found["territory"] and found["territory"] == found["territorial"]
        # Each result names its record, says what kind it is and shows a snippet.
        first = page.locator("#search-results li").first
        assert first.locator(".muted").inner_text().startswith(" · ")
        assert first.locator("p.snippet").inner_text().strip()
        assert problems == []
    finally:
        page.close()


def test_the_matrix_cell_count_matches_the_data(browser: Any, site_dir: Path) -> None:
    page, _problems = _open(browser, (site_dir / "matrix.html").as_uri(), 1280)
    try:
        # The views by version and early report split the targets between them; the views
        # by question repeat some of their cells.
        cells = page.eval_on_selector_all(
            "section.matrix-view:not([id^='question-']) table.matrix td.cell", "els => els.length"
        )
        assert cells == len(plan_dataset.load().stance_matrix())
        labels = page.eval_on_selector_all(
            "table.matrix td.cell a", "els => els.map(e => e.textContent)"
        )
        assert set(labels) <= {"supports", "conditional", "opposes", "unclear"}
    finally:
        page.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_the_matrix_is_grouped_by_side_filterable_and_keeps_its_headers(
    browser: Any, site_dir: Path, width: int
) -> None:
    page, problems = _open(browser, (site_dir / "matrix.html").as_uri(), width)
    try:
        sides = page.eval_on_selector_all(
            "#versions tr.side th", "els => els.map(e => e.textContent.trim())"
        )
        assert sides[:3] == ["Ukraine", "Russia", "United States"]
        sticky = page.eval_on_selector("#versions thead th", "th => getComputedStyle(th).position")
        assert sticky == "sticky"
        # The header row stays in view while the reader scrolls inside the table's box.
        box = page.locator("#versions .scroll")
        box.evaluate("el => { el.scrollTop = 300; }")
        header_top = page.eval_on_selector(
            "#versions thead th", "th => th.getBoundingClientRect().top"
        )
        box_top = box.evaluate("el => el.getBoundingClientRect().top")
        assert abs(header_top - box_top) <= 2
        page.select_option("#matrix-view", "versions")
        hidden = page.eval_on_selector_all(
            "section.matrix-view", "els => els.filter(e => e.hidden).map(e => e.id)"
        )
        shown = page.eval_on_selector_all(
            "section.matrix-view", "els => els.filter(e => !e.hidden).map(e => e.id)"
        )
        assert shown == ["versions"] and hidden
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1
        assert problems == []
    finally:
        page.close()


_TIMELINE_LAYOUT = r"""
() => {
  const problems = [];
  for (const month of document.querySelectorAll('section.month')) {
    const marks = [...month.querySelectorAll('li.item .mark')].map(m => m.getBoundingClientRect());
    for (let i = 0; i < marks.length; i++) {
      for (let j = i + 1; j < marks.length; j++) {
        const a = marks[i], b = marks[j];
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
          problems.push('marks overlap in ' + month.id);
        }
      }
    }
    for (const what of month.querySelectorAll('.what')) {
      if (what.scrollWidth > what.clientWidth + 1) problems.push('label cut: ' + what.textContent.trim().slice(0, 40));
    }
  }
  return problems;
}
"""


@pytest.mark.parametrize("width", [375, 1280])
def test_the_timeline_has_month_panels_whole_labels_and_marks_apart(
    browser: Any, site_dir: Path, width: int
) -> None:
    page, problems = _open(browser, (site_dir / "timeline.html").as_uri(), width)
    try:
        assert page.evaluate(_TIMELINE_LAYOUT) == []
        # A position dated only to the month is a bar over the whole month.
        month_only = next(p for p in plan_dataset.load().positions if p.date and len(p.date) == 7)
        item = page.locator(f"#position-{month_only.id}")
        mark = item.locator(".mark").bounding_box()
        track = item.locator(".track").bounding_box()
        assert mark and track and mark["width"] >= track["width"] - 3
        assert problems == []
    finally:
        page.close()


def test_the_timeline_filters_by_actor_and_kind(browser: Any, site_dir: Path) -> None:
    page, problems = _open(browser, (site_dir / "timeline.html").as_uri(), 1280)
    try:
        everything = page.locator("li.item:visible").count()
        page.uncheck("input[name=kind][value=position]")
        events = page.locator("li.item:visible").count()
        assert 0 < events < everything
        assert page.locator("li.position:visible").count() == 0
        page.check("input[name=kind][value=position]")
        page.select_option("#timeline-actor", "volodymyr-zelenskyy")
        actors = page.eval_on_selector_all(
            "li.item:not([hidden])", "els => els.map(e => e.dataset.actors.split(' '))"
        )
        assert actors and all("volodymyr-zelenskyy" in a for a in actors)
        assert page.locator("section.month:not([hidden])").count() >= 1
        assert problems == []
    finally:
        page.close()


def test_pages_work_without_javascript(browser: Any, site_dir: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto((site_dir / "timeline.html").as_uri())
        assert page.locator("section.month").count() >= 4
        assert page.locator("li.item:visible").count() == page.locator("li.item").count()
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
