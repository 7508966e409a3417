"""The static site: complete, self-contained, linked, escaped and deterministic."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ROOT, run_cli

import plan_dataset

pytest.importorskip("jinja2", reason="the site extra is not installed")
pytest.importorskip("lunr", reason="the site extra is not installed")

from plan_dataset.publish.snapshot import snapshot_of
from plan_dataset.site import render_site
from plan_dataset.validation import validate


@pytest.fixture
def project(small_project: Path) -> Path:
    """Mechanics behave alike whatever the data: the small project (tests/small_project.py)."""
    return small_project


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        for name in ("href", "src"):
            if values.get(name):
                self.links.append(values[name] or "")


@pytest.fixture(scope="module")
def site() -> dict[str, bytes]:
    return render_site(snapshot_of(validate(ROOT), ROOT))


def _parse(content: bytes) -> _Links:
    parser = _Links()
    parser.feed(content.decode("utf-8"))
    return parser


def test_every_internal_link_and_anchor_resolves(site: dict[str, bytes]) -> None:
    pages = {path: _parse(content) for path, content in site.items() if path.endswith(".html")}
    assert sum(len(parsed.links) for parsed in pages.values()) > 5000
    for path, parsed in pages.items():
        for link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https"):
                continue  # a source's own address: the only links that leave the site
            assert not parts.scheme and not link.startswith("/"), f"{path}: {link} is not relative"
            target = (Path(path).parent / unquote(parts.path)).as_posix() if parts.path else path
            target = str(Path(target)).replace("\\", "/")
            while "/../" in f"/{target}":
                target = re.sub(r"(^|/)[^/]+/\.\./", r"\1", target, count=1)
            assert target in site, f"{path}: {link} -> {target} does not exist"
            if parts.fragment and target.endswith(".html"):
                assert parts.fragment in pages[target].ids, f"{path}: {link} has no anchor"


def test_every_point_stakeholder_and_source_has_its_page(site: dict[str, bytes]) -> None:
    dataset = plan_dataset.load()
    for provision in dataset.provisions:
        assert f"provisions/{provision.id}.html" in site
    for stakeholder in dataset.stakeholders:
        assert f"stakeholders/{stakeholder.id}.html" in site
    sources: set[str] = set()
    for path, content in site.items():
        if path.startswith("sources/") and path.endswith(".html"):
            sources |= _parse(content).ids
    assert {s.id for s in dataset.sources} <= sources
    assert all(len(site[path]) < 300_000 for path in site if path.startswith("sources/"))
    for document in dataset.documents:
        assert f"versions/{document.id}.html" in site
    for earlier, later in {(k.earlier_document, k.later_document) for k in dataset.point_links}:
        assert f"compare/{earlier}--{later}.html" in site
    assert dataset.questions and "questions/index.html" in site
    for question in dataset.questions:
        assert f"questions/{question.id}.html" in site


def test_no_request_leaves_the_site(site: dict[str, bytes]) -> None:
    for path, content in site.items():
        if not path.endswith((".html", ".css", ".js")) or path.endswith("lunr.min.js"):
            continue
        text = content.decode("utf-8")
        for match in re.finditer(r"""(?:src|href)=["'](https?:)?//""", text):
            line = text[: match.start()].count("\n")
            context = text.splitlines()[line]
            assert "<a " in context, f"{path}: loads {context.strip()[:120]}"
        assert "@import" not in text and "url(http" not in text


def test_weakly_sourced_points_say_so_plainly(site: dict[str, bytes]) -> None:
    page = site["provisions/point-20.html"].decode("utf-8")
    assert "Weakly sourced" in page and "Why it is weakly sourced" in page
    assert "Corroborated" in site["provisions/point-06.html"].decode("utf-8")


def test_quote_evidence_shows_its_context_with_the_quote_highlighted(
    site: dict[str, bytes],
) -> None:
    dataset = plan_dataset.load()
    army = dataset.provision("army-size-limit")
    quotes = {" ".join(e.quote.split()) for e in dataset.evidence(army) if e.kind == "quote"}
    page = site["provisions/army-size-limit.html"].decode("utf-8")
    marked = re.findall(r"<blockquote>…(.*?)<mark>(.*?)</mark>(.*?)…</blockquote>", page, re.S)
    assert marked
    for before, quote, after in marked:
        assert before.strip() and after.strip()  # context on both sides
        assert " ".join(html.unescape(quote).split()).replace("\u2019", "'") in {
            q.replace("\u2019", "'") for q in quotes
        }


def test_the_matrix_has_one_cell_per_stakeholder_and_target(site: dict[str, bytes]) -> None:
    """Every stance cell appears, and once per view: the views by version and by early
    report split the targets between them; the views by question repeat some of them."""
    page = site["matrix.html"].decode("utf-8")
    cells = re.findall(
        r'<td class="cell [^"]*"[^>]*><a href="stakeholders/([^"#]+)\.html#([^"]+)"', page
    )
    matrix = plan_dataset.load().stance_matrix()
    assert {position for _who, position in cells} == {c["position"] for c in matrix.values()}
    by_question = page[page.index('id="question-') :] if 'id="question-' in page else ""
    assert page.count('class="cell ') - by_question.count('class="cell ') == len(matrix)


def test_the_timeline_reads_without_javascript(site: dict[str, bytes]) -> None:
    page = site["timeline.html"].decode("utf-8")
    assert page.count('<section id="month-') >= 4  # one panel per month
    assert '<li class="item event' in page and '<li class="item position' in page
    assert "mark span" in page  # ranges and month-only dates show as bars
    assert '<script src="static/timeline.js"></script>' in page  # filters only add to it


def test_figures_read_with_their_units_and_no_raw_number(site: dict[str, bytes]) -> None:
    army = site["provisions/point-06.html"].decode("utf-8")
    assert "at most 600,000 personnel" in army
    assert "a reduction of 50%" in site["provisions/army-size-limit.html"].decode("utf-8")
    compare = site["compare/us-28-point-draft--european-counter-proposal.html"].decode("utf-8")
    assert "at most 600,000 personnel → at most 800,000 personnel" in compare
    for name, content in site.items():
        if name.endswith(".html"):
            text = content.decode("utf-8")
            assert not re.search(r"\d\.?\d*e\+\d", text), name  # no 1e+11
            assert "reduction_by" not in text and "600000" not in text, name


def test_no_month_is_shown_as_its_first_day(site: dict[str, bytes]) -> None:
    """A first day of a month appears only where a source gives that very day."""
    from plan_dataset.site.pages import TIMELINE_START

    dataset = plan_dataset.load()
    days = {TIMELINE_START} | {
        value
        for record in (*dataset.events, *dataset.positions, *dataset.sources)
        for name in ("date", "date_earliest", "date_latest", "published", "retrieved")
        if (value := getattr(record, name, None)) and value.count("-") == 2
    }
    for name, content in site.items():
        if name.endswith(".html"):
            text = re.sub(r'(href|src)="[^"]*"', "", content.decode("utf-8"))
            for first in re.findall(r"\b\d{4}-\d{2}-01\b", text):
                assert first in days, (name, first)


def test_month_positions_are_spans_on_the_timeline(site: dict[str, bytes]) -> None:
    """A position dated '2025-11' covers its month: a vague bar across the whole month's
    panel, never a mark on the 1st."""
    page = site["timeline.html"].decode("utf-8")
    month = [p for p in plan_dataset.load().positions if p.date and p.date.count("-") == 1]
    assert month
    for position in month:
        item = re.search(
            r'<li class="item position[^"]*"[^>]*>(?:(?!</li>).)*?#'
            + re.escape(position.id)
            + r'"(?:(?!</li>).)*</li>',
            page,
            re.S,
        )
        assert item, position.id
        mark = re.search(
            r'<span class="mark([^"]*)" style="left: ([\d.]+)%; width: ([\d.]+)%"', item.group()
        )
        assert mark, position.id
        classes, left, width = mark.group(1).split(), float(mark.group(2)), float(mark.group(3))
        assert {"span", "vague"} <= set(classes), (position.id, classes)
        assert left == 0 and width > 90, (position.id, left, width)


def test_the_site_is_deterministic_and_escapes_data(whole_project: Path, tmp_path: Path) -> None:
    event = whole_project / "data" / "events" / "alaska-summit.yaml"
    text = event.read_text(encoding="utf-8")
    event.write_text(re.sub(r"(?m)^title: .*$", 'title: "<script>alert(1)</script> & co"', text))
    # Rendered twice from one snapshot: validation's own determinism is build's to test.
    snapshot = snapshot_of(validate(whole_project), whole_project)
    first = render_site(snapshot)
    assert render_site(snapshot) == first
    timeline = first["timeline.html"].decode("utf-8")
    assert "<script>alert(1)</script>" not in timeline
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in timeline


def test_html_is_well_formed(site: dict[str, bytes]) -> None:
    html5lib = pytest.importorskip("html5lib")
    for path, content in site.items():
        if path.endswith(".html"):
            parser = html5lib.HTMLParser(strict=True)
            parser.parse(content.decode("utf-8"))  # raises on any parse error
            assert content.startswith(b'<!DOCTYPE html>\n<html lang="en">'), path


def test_site_command_writes_a_site_and_refuses_other_folders(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    result = run_cli("site", "--out", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    assert (out / "index.html").is_file() and (out / "search-index.js").is_file()
    (out / "stale.html").write_text("old")
    assert run_cli("site", "--out", str(out), cwd=project).returncode == 0
    assert not (out / "stale.html").exists()
    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("mine")
    assert run_cli("site", "--out", str(other), cwd=project).returncode == 2
    assert (other / "keep.txt").read_text() == "mine"


def _text(fragment: str, between_tags: str = " ") -> str:
    """The text a reader sees; ``between_tags=""`` for inline markup inside one phrase."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", between_tags, fragment)).split())


def test_a_question_page_shows_its_history_in_date_order_with_labels(
    site: dict[str, bytes],
) -> None:
    from plan_dataset.records.dates import first_day, last_day
    from plan_dataset.site.labels import label

    dataset = plan_dataset.load()
    for question in dataset.questions:
        page = site[f"questions/{question.id}.html"].decode("utf-8")
        history = dataset.question_history(question)
        shown = re.findall(r'<li id="([^"]+)">\s*<h3>(.*?)</h3>', page, re.S)
        assert [status_id for status_id, _ in shown] == [s.id for s in history], question.id
        for (_, heading), status in zip(shown, history, strict=True):
            assert (
                _text(heading, "") == f"{status.date}: {label('QuestionStanding', status.status)}"
            )
        # A status counts once its whole date has passed: a month sorts by its last day.
        days = [(last_day(s.date), first_day(s.date)) for s in history]
        assert days == sorted(days), question.id
        current = dataset.question_status(question)
        now = page[page.index("Where it stands now") : page.index('id="history"')]
        assert label("QuestionStanding", current.status) in _text(now)
        assert current.date in _text(now) and 'class="badge' in now
        for record in (question, *history):
            if record.curation_notes:
                assert html.escape(record.curation_notes, quote=False) not in page


def test_a_question_page_shows_its_points_from_several_versions(site: dict[str, bytes]) -> None:
    dataset = plan_dataset.load()
    page = site["questions/army-cap.html"].decode("utf-8")
    table = page[page.index('id="points"') : page.index('id="positions"')]
    for point_id in dataset.question("army-cap").provisions:
        point = dataset.provision(point_id)
        assert f'href="../provisions/{point_id}.html"' in table
        if point.document:
            assert dataset.document(point.document).title in _text(table)
    versions = {dataset.provision(p).document for p in dataset.question("army-cap").provisions}
    assert len(versions - {None}) >= 3
    assert "Point 6: " in _text(table) and "Point 4: " in _text(table)


def test_the_home_page_lists_every_question_with_its_status(site: dict[str, bytes]) -> None:
    from plan_dataset.site.labels import label

    dataset = plan_dataset.load()
    home = site["index.html"].decode("utf-8")
    table = home[home.index("Where each question stands now") : home.index("About this dataset")]
    assert home.index("Where each question stands now") < home.index("Versions of the plan")
    rows = re.findall(r"<tr><td(.*?)</tr>", table, re.S)
    assert len(rows) == len(dataset.questions)
    stand = {row["question"]: row for row in dataset.where_questions_stand()}
    for question in dataset.questions:
        row = next(r for r in rows if f'href="questions/{question.id}.html"' in r)
        status = stand[question.id]
        assert question.title in _text(row)
        assert label("QuestionStanding", status["status"]) in _text(row)
        assert status["latest_evidence"] in _text(row) and 'class="badge' in row
    assert 'href="questions/index.html"' in home
