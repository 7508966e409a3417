"""What a page builder is given: the dataset, its views, the template environment and
the files written so far. ``pages.py`` provides it; the builders in ``question_pages``,
``search`` and ``source_pages`` take it, so none of them imports ``pages``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from jinja2 import Environment

    from plan_dataset.site.views import Views


class PageSet(Protocol):
    dataset: Any
    views: Views
    environment: Environment
    files: dict[str, bytes]
    documents: dict[str, Any]
    points: dict[str, Any]
    stakeholders_by_id: dict[str, Any]

    def page(self, path: str, template: str, title: str, **values: Any) -> None:
        """Render ``template`` to ``path``."""
