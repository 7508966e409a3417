"""The timeline as SVG: readable without JavaScript, every mark with a text label or title."""

from __future__ import annotations

from datetime import date
from typing import Any

from markupsafe import Markup, escape

from plan_dataset.dates import first_day, last_day
from plan_dataset.site.views import span_of, when

ROW = 22
LABEL_WIDTH = 330
CHART_WIDTH = 620
STANCE_FILL = {
    "supports": "#2e7d32",
    "conditional": "#b26a00",
    "opposes": "#b71c1c",
    "unclear": "#555555",
}


LABEL_CHARACTERS = 52


def _short(text: str) -> str:
    """A label that fits beside the chart; the full text is in the table below it."""
    return text if len(text) <= LABEL_CHARACTERS else text[: LABEL_CHARACTERS - 1] + "…"


def _day(value: str) -> date:
    return date.fromisoformat(value)


def _x(day: str, start: date, end: date) -> float:
    total = max((end - start).days, 1)
    offset = min(max((_day(day) - start).days, 0), total)
    return LABEL_WIDTH + CHART_WIDTH * offset / total


def _axis(start: date, end: date, height: int) -> list[str]:
    parts = []
    year, month = start.year, start.month
    while date(year, month, 1) <= end:
        tick = date(year, month, 1).isoformat()
        x = _x(tick, start, end)
        parts.append(f'<line x1="{x:.1f}" y1="18" x2="{x:.1f}" y2="{height}" stroke="#d0d0d0"/>')
        parts.append(f'<text x="{x + 2:.1f}" y="12">{tick[:7]}</text>')
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return parts


def events_svg(events: list[Any], start: str, end: str) -> Markup:
    first, last = _day(start), _day(end)
    height = 24 + ROW * len(events)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{LABEL_WIDTH + CHART_WIDTH + 70}" '
        f'height="{height}" role="img" aria-labelledby="events-title events-desc">',
        '<title id="events-title">Events around the plan</title>',
        f'<desc id="events-desc">{len(events)} events from {start} to {end}, one per row, '
        "labelled with their date; bars are ranges.</desc>",
        *_axis(first, last, height),
    ]
    for row, event in enumerate(events):
        y = 24 + row * ROW
        begin, finish = span_of(event)
        label = _short(f"{when(event)}  {event.title}")
        # Plain text: the SVG is one image to assistive technology; the table below links.
        parts.append(f'<text x="0" y="{y + 14}">{escape(label)}</text>')
        x1, x2 = _x(begin, first, last), _x(finish, first, last)
        tip = escape(f"{event.title} ({when(event)})")
        if x2 - x1 < 4:
            parts.append(
                f'<circle cx="{x1:.1f}" cy="{y + 10}" r="5" fill="#0b4f8a"><title>{tip}</title></circle>'
            )
        else:
            parts.append(
                f'<rect x="{x1:.1f}" y="{y + 5}" width="{x2 - x1:.1f}" height="10" fill="#0b4f8a" '
                f'fill-opacity="0.6"><title>{tip}</title></rect>'
            )
    parts.append("</svg>")
    return Markup("\n".join(parts))


def positions_svg(rows: list[tuple[str, list[Any]]], start: str, end: str) -> Markup:
    first, last = _day(start), _day(end)
    height = 24 + ROW * len(rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{LABEL_WIDTH + CHART_WIDTH + 70}" '
        f'height="{height}" role="img" aria-labelledby="positions-title positions-desc">',
        '<title id="positions-title">Dated positions by stakeholder</title>',
        '<desc id="positions-desc">One row per stakeholder; each mark is a dated position, '
        "with its stance as text in the mark's title and its first letter beside it.</desc>",
        *_axis(first, last, height),
    ]
    for row, (name, positions) in enumerate(rows):
        y = 24 + row * ROW
        parts.append(f'<text x="0" y="{y + 14}">{escape(_short(name))}</text>')
        for position in positions:
            begin, finish = span_of_position(position)
            x, x_end = _x(begin, first, last), _x(finish, first, last)
            tip = escape(f"{position.date}: {position.stance} on {position.target}")
            fill = STANCE_FILL[position.stance]
            letter = position.stance[0].upper()
            if x_end - x < 4:  # a day
                parts.append(
                    f'<circle cx="{x:.1f}" cy="{y + 10}" r="5" fill="{fill}"><title>{tip}</title></circle>'
                    f'<text x="{x + 6:.1f}" y="{y + 14}">{letter}</text>'
                )
            else:  # a month or a year: the whole span it may fall in, never its first day
                parts.append(
                    f'<rect class="span" x="{x:.1f}" y="{y + 5}" width="{x_end - x:.1f}" '
                    f'height="10" fill="{fill}" fill-opacity="0.35" stroke="{fill}">'
                    f"<title>{tip}</title></rect>"
                    f'<text x="{x_end + 2:.1f}" y="{y + 14}">{letter}</text>'
                )
    parts.append("</svg>")
    return Markup("\n".join(parts))


def span_of_position(position: Any) -> tuple[str, str]:
    return first_day(position.date), last_day(position.date)
