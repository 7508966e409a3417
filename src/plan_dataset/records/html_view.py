"""HTML views of the dataset and its records, for notebooks (``_repr_html_``).

Standard library only; every value is escaped.
"""

from __future__ import annotations

from plan_dataset.escaping import for_html as escape

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Nested values deeper than this are shown by their repr: records are never deep.
MAX_DEPTH = 4


def _value_html(value: Any, depth: int) -> str:
    if value is None:
        return '<span style="opacity:.5">null</span>'
    if isinstance(value, tuple):
        if not value:
            return '<span style="opacity:.5">none</span>'
        items = "".join(f"<li>{_value_html(item, depth + 1)}</li>" for item in value)
        return f'<ul style="margin:0;padding-left:1.2em">{items}</ul>'
    if hasattr(value, "_fields") and hasattr(value, "to_dict") and depth < MAX_DEPTH:
        return _fields_html(value, depth + 1)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        from plan_dataset.records.figures import format_number

        return format_number(value)  # 100,000,000,000, never 1e+11
    return escape(str(value))


def _fields_html(record: Any, depth: int) -> str:
    names = list(record._fields)
    if hasattr(record, "figure"):  # a term: its figure in words first
        names.insert(0, "figure")
    rows = "".join(
        f'<tr><th style="text-align:left;vertical-align:top">{escape(name)}</th>'
        f"<td style='text-align:left'>{_value_html(getattr(record, name), depth)}</td></tr>"
        for name in names
    )
    return f"<table>{rows}</table>"


def record_html(record: Any) -> str:
    """A record as a two-column table of its fields; nested records and lists nest."""
    title = escape(type(record).__name__)
    record_id = getattr(record, "id", None)
    caption = f"{title} <code>{escape(record_id)}</code>" if record_id else title
    return f"<div><strong>{caption}</strong>{_fields_html(record, 0)}</div>"


def dataset_html(dataset: Any) -> str:
    """The dataset's version and its tables with their record counts."""
    rows = "".join(
        f"<tr><td style='text-align:left'><code>{escape(name)}</code></td>"
        f"<td style='text-align:right'>{count}</td></tr>"
        for name, count in dataset.counts().items()
    )
    return (
        f"<div><strong>plan-dataset {escape(dataset.version)}</strong>"
        f"<table><tr><th style='text-align:left'>table</th><th>records</th></tr>{rows}</table>"
        "<p>Look-ups: <code>dataset.provision('point-06')</code>, "
        "<code>dataset.evidence(record)</code>, <code>dataset.timeline()</code>; "
        "flat tables: <code>dataset.rows('positions')</code>, "
        "<code>dataset.to_pandas('positions')</code>.</p></div>"
    )
