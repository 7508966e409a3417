"""Layer: point links never run in a circle.

A point link leads from an earlier point to a later one. A chain of links that comes
back to where it started says a point descends from itself; ``lineage()`` would then
have no first link. The walk is iterative and visits each point and link once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from plan_dataset.models import PointLink
from plan_dataset.validation.base import CheckedRecord, Code, Finding
from plan_dataset.validation.index import DatasetIndex
from plan_dataset.validation.layer import Layer

CODES = {
    "L005": Code(
        "lineage",
        "point links run in a circle",
        "this link closes a circle of point links: e3-point-06 -> point-06 -> e3-point-06",
    ),
}


def check_link_cycles(
    records: Sequence[CheckedRecord], _index: DatasetIndex, _complete: bool
) -> Iterator[tuple[CheckedRecord, Finding]]:
    onward: dict[str, list[tuple[str, CheckedRecord]]] = {}
    for record in records:
        model = record.model
        if isinstance(model, PointLink) and model.earlier and model.later:
            onward.setdefault(model.earlier, []).append((model.later, record))
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in sorted(onward):
        if start in state:
            continue
        path = [start]
        pending = [iter(onward.get(start, ()))]
        state[start] = 1
        while pending:
            step = next(pending[-1], None)
            if step is None:
                state[path.pop()] = 2
                pending.pop()
                continue
            later, record = step
            if state.get(later) == 1:
                circle = [*path[path.index(later) :], later]
                yield (
                    record,
                    Finding(
                        ("later",),
                        "L005",
                        f"this link closes a circle of point links: {' -> '.join(circle)}",
                    ),
                )
            elif later not in state:
                state[later] = 1
                path.append(later)
                pending.append(iter(onward.get(later, ())))


LAYER = Layer("link cycles", CODES, across=check_link_cycles)
