"""The fast path of strict YAML reading: libyaml's composer, then one walk of its nodes.

``yaml_reader`` builds a record from the parser's event stream, one Python call per
event. For a clean file the same record comes cheaper from libyaml's C composer
(``CParser.get_single_node``), with tags left unresolved, and one recursive walk of
the node tree. This path only ever *accepts*: at the first sign of anything the strict
reader would report (an anchor, alias or tag, a second document, a parser error, a
value YAML 1.1 and 1.2 read differently, a duplicate or non-string key, unclean text,
nesting past the limit, a file that is not one mapping), it gives up and the
event-stream reader reads the file again, so problems, their order, their codes and
their marks are exactly the strict reader's. A file it accepts gets the same value,
value and key positions and plain-scalar texts, since both read libyaml's own marks.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

try:  # libyaml's binding; without it, every file takes the event-stream reader
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _CParser = None

_IMPLICIT = "?"  # the tag the composer gets for every node without an explicit one
# An anchor (&a) or a tag (!t, and the bare '!' that resolves like no tag) can only start
# after a space, a line start or a flow indicator; inside text these characters are
# content. Over-matching only costs a slower read, so the test is deliberately loose.
# Aliases need no test: one to a known anchor needs that anchor, and one to an unknown
# anchor stops the composer. Every other tag is seen on its node.
_PROPERTY = re.compile(r"(?:^|[\s,\[\{:])[&!]")

Location = tuple[int, int]
Loc = tuple[str | int, ...]


class GiveUp(Exception):
    """The fast path met something the strict reader must judge."""


if _CParser is not None:

    class _Composer(_CParser):  # type: ignore[misc]
        """libyaml's composer with resolution switched off: every tag stays implicit."""

        def resolve(self, _kind: Any, _value: Any, _implicit: Any) -> str:
            return _IMPLICIT

        def descend_resolver(self, _parent: Any, _index: Any) -> None:
            return None

        def ascend_resolver(self) -> None:
            return None


def available() -> bool:
    return _CParser is not None


_BRACKETS = re.compile(r"[^\[\]{}]+")
_LINE_STARTS = re.compile(r"(?m)^[ \t-]*")


def nesting_could_exceed(text: str, max_depth: int) -> bool:
    """Whether the file might nest deeper than ``max_depth``: an over-estimate, cheap.

    libyaml's composer recurses once per level in C; some PyYAML releases (6.0) have no
    limit there, so a nesting bomb would overflow the stack and kill the process. Such a
    file never reaches it: the event-stream reader, which counts levels, judges it.
    Flow nesting is bounded by the running depth of brackets (quoted brackets only make
    the estimate larger); block nesting by the run of spaces, tabs and dashes at a line's
    start, since every level of a block collection takes at least one column.
    """
    depth = deepest = 0
    for bracket in _BRACKETS.sub("", text):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    if deepest > max_depth:
        return True
    return max(map(len, _LINE_STARTS.findall(text)), default=0) > 4 * max_depth


def compose(data: bytes, text: str, max_depth: int) -> Any | None:
    """The node tree of a file that may take the fast path, or None when it may not."""
    if _CParser is None or (("&" in text or "!" in text) and _PROPERTY.search(text)):
        return None
    if nesting_could_exceed(text, max_depth):
        return None
    composer = _Composer(data)
    try:
        return composer.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        composer.dispose()


def _mark(node: Any) -> Location:
    start = node.start_mark
    return start.line + 1, start.column + 1


class Walk:
    """Builds the value and the position maps from a node tree, or raises ``GiveUp``.

    ``resolve`` and ``text_problems`` are the strict reader's own rules, passed in so
    that both paths apply one definition of each.
    """

    def __init__(self, resolve: Any, text_problems: Any, max_depth: int) -> None:
        self.resolve = resolve
        self.text_problems = text_problems
        self.max_depth = max_depth
        self.value_marks: dict[Loc, Location] = {}
        self.key_marks: dict[Loc, Location] = {}
        self.plain_scalars: dict[Loc, str] = {}

    def node(self, node: Any, loc: Loc, depth: int) -> Any:
        if node.tag != _IMPLICIT:
            raise GiveUp
        self.value_marks[loc] = _mark(node)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, loc)
        if depth >= self.max_depth:
            raise GiveUp
        if isinstance(node, yaml.SequenceNode):
            return [
                self.node(item, (*loc, index), depth + 1) for index, item in enumerate(node.value)
            ]
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node)
            if key in mapping:
                raise GiveUp
            child = (*loc, key)
            self.key_marks[child] = _mark(key_node)
            mapping[key] = self.node(value_node, child, depth + 1)
        return mapping

    def key(self, node: Any) -> str:
        if node.tag != _IMPLICIT or not isinstance(node, yaml.ScalarNode):
            raise GiveUp
        key = node.value
        if node.style == "":
            key, error = self.resolve(key)
            if error or not isinstance(key, str):
                raise GiveUp
        if self.text_problems(key):
            raise GiveUp
        return str(key)

    def scalar(self, node: Any, loc: Loc) -> Any:
        value = node.value
        if node.style == "":
            value, error = self.resolve(node.value)
            if error:
                raise GiveUp
            if value is not None and not isinstance(value, str):
                self.plain_scalars[loc] = node.value
        if isinstance(value, str) and self.text_problems(value):
            raise GiveUp
        return value
