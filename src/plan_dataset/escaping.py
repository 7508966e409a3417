"""One escaping policy per output kind, applied here and nowhere else.

Anything a user or a record supplies (a value echoed in a message, a file name, a
record's text) passes through the function of the output it goes to:

- ``for_terminal``: text reports and diagnostics. Every control, format, separator,
  private-use, unassigned or invisible character becomes a visible ``\\u....`` escape,
  so a value cannot forge a line, a terminal sequence or a workflow command, nor hide.
- ``for_message``: exception messages (``DatasetInvalid``, ``BundleInvalid``): the same.
- ``for_annotation``: GitHub workflow commands (``::error file=…::message``).
- ``for_markdown``: Markdown that GitHub renders (job summaries): no HTML, no links,
  no emphasis, no table breaks; the text reads as it was written (``for_markdown_code``
  inside a code span).
- ``for_html``: HTML text and attribute values.
- ``for_csv``: a CSV cell never starts like a spreadsheet formula.

``INVISIBLE`` lists the characters that render as nothing although Unicode calls them
letters or marks (Hangul fillers, variation selectors, the combining grapheme joiner):
validation refuses them in record text (T001) as it refuses the bidi controls.
Standard library only.
"""

from __future__ import annotations

import html
import unicodedata

INVISIBLE = frozenset(
    {
        "\u034f",  # COMBINING GRAPHEME JOINER
        "\u115f",  # HANGUL CHOSEONG FILLER
        "\u1160",  # HANGUL JUNGSEONG FILLER
        "\u17b4",  # KHMER VOWEL INHERENT AQ
        "\u17b5",  # KHMER VOWEL INHERENT AA
        "\u2800",  # BRAILLE PATTERN BLANK
        "\u3164",  # HANGUL FILLER
        "\uffa0",  # HALFWIDTH HANGUL FILLER
        *(chr(code) for code in range(0x180B, 0x1810)),  # MONGOLIAN VARIATION SELECTORS
        *(chr(code) for code in range(0xFE00, 0xFE10)),  # VARIATION SELECTOR-1 to -16
        *(chr(code) for code in range(0xE0100, 0xE01F0)),  # VARIATION SELECTOR-17 to -256
    }
)
# Categories no output shows as what they are: controls, formats (bidi controls, zero
# widths), line and paragraph separators, surrogates, private use, unassigned.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def is_hidden(char: str) -> bool:
    """Whether a character would not show as itself in a terminal, a page or a log."""
    return char in INVISIBLE or unicodedata.category(char) in _HIDDEN_CATEGORIES


def _escaped(char: str) -> str:
    code = ord(char)
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else f"\\U{code:08x}"
    )


def for_terminal(value: str) -> str:
    """Every hidden character (and every whitespace but the plain space) as an escape."""
    return "".join(
        _escaped(char) if is_hidden(char) or (char.isspace() and char != " ") else char
        for char in value
    )


def for_message(value: str) -> str:
    """An exception message: one line, every hidden character visible."""
    return for_terminal(value)


def for_annotation(value: str, *, is_property: bool = False) -> str:
    """A GitHub workflow command's message, or a property (which also escapes ':' and ',')."""
    value = for_terminal(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if is_property else value


# Characters Markdown or GitHub's renderer give a meaning to, as backslash escapes.
_MARKDOWN_PUNCTUATION = frozenset("\\`*_{}[]()#+-.!|~>")


def for_markdown(value: str) -> str:
    """Text that renders as itself in GitHub Markdown, in a table cell too: hidden
    characters escaped, HTML inert, every Markdown mark escaped, no bare links."""
    text = html.escape(for_terminal(value), quote=True)
    escaped = "".join(f"\\{char}" if char in _MARKDOWN_PUNCTUATION else char for char in text)
    # GitHub links bare addresses; a character reference between the parts stops it.
    return escaped.replace("://", "&#58;//").replace("www\\.", "www&#46;")


def for_markdown_code(value: str) -> str:
    """The inside of a Markdown code span in a table cell (shown literally): hidden
    characters escaped, no backtick to close the span, no '|' to end the cell."""
    return for_terminal(value).replace("`", "'").replace("|", "\\|")


def for_html(value: str) -> str:
    """HTML text or a quoted attribute value; hidden characters as visible escapes
    (line breaks and tabs are ordinary white space in HTML)."""
    shown = "".join(
        _escaped(char) if is_hidden(char) and char not in "\n\t" else char for char in value
    )
    return html.escape(shown, quote=True)


def for_csv(value: str) -> str:
    """A CSV cell: text that starts like a formula gets a leading apostrophe (validation
    refuses such text in records, T003, so this never changes the published tables)."""
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value
