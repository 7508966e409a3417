"""YAML syntax errors in plain words.

The parser's own messages ("did not find expected '-' indicator") name its
internals, and they differ between the C and the pure-Python parser. The common
ones are explained here instead, so that a message does not depend on which
parser is installed; an unknown one is passed on as the parser words it.
"""

from __future__ import annotations

INDENT = "the indentation is off"
# (words in the parser's message, the explanation), first match wins.
PLAIN_MESSAGES: tuple[tuple[str, str], ...] = (
    (
        "expected '-' indicator",
        f"{INDENT}: this line is lined up neither with the fields of the list item above "
        "it nor with the list's '- ' lines; indent it like the fields of its item, or start "
        "a new item with '- '",
    ),
    (
        "expected key",
        f"{INDENT}: this line is not lined up with the fields above it; indent it like them, "
        "with spaces",
    ),
    (
        "expected <block end>",
        f"{INDENT}: this line is not lined up with the fields or list items before it",
    ),
    (
        "mapping values are not allowed",
        "a ':' where no field can start: if this line starts a field, line it up with the "
        "fields above; if the value holds ': ', put the value in quotes",
    ),
    (
        "could not find expected ':'",
        "a line without ':' after its field name: write 'name: value', or put a value that "
        "runs over several lines in quotes",
    ),
    ("expected ',' or ']'", "a list opened with '[' is not closed with ']', or lacks a comma"),
    ("expected ',' or '}'", "a mapping opened with '{' is not closed with '}', or lacks a comma"),
    ("unexpected end of stream", "a quoted value is not closed: add the closing quote mark"),
    (
        "cannot start any token",
        "a value starts with a character YAML reserves (such as ` @ or %): put the value in quotes",
    ),
)


def plain_yaml_error(context: str | None, problem: str | None) -> str:
    """The parser's complaint in plain words, or as it worded it when it is unusual."""
    said = " ".join(part for part in (context, problem) if part)
    for words, explanation in PLAIN_MESSAGES:
        if words in said:
            return explanation
    return said or "YAML syntax error"
