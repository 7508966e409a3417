"""Problems found by the checks, and the registry of their stable codes.

Checks return ``Problem`` values; reporters (``reporters.py``) decide how to
print them. Codes never change meaning once released; new ones get new numbers.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located as precisely as the check can."""

    path: str
    line: int
    column: int
    code: str
    message: str


# code -> (layer, what it means, an example message). The README table is made from this.
CODES: dict[str, tuple[str, str, str]] = {
    # Files and YAML (layer 1)
    "Y001": ("yaml", "YAML syntax error", "mapping values are not allowed here"),
    "Y002": ("yaml", "duplicate key", "duplicate key 'title' (first at line 3)"),
    "Y003": ("yaml", "YAML tag used", "tags such as '!!python/object' are not allowed"),
    "Y004": ("yaml", "anchor or alias used", "anchors and aliases are not allowed"),
    "Y005": ("yaml", "top level is not a mapping", "a record must be a mapping, found a list"),
    "Y006": ("yaml", "empty file", "the file holds no record"),
    "Y007": ("yaml", "not UTF-8", "invalid UTF-8 byte 0xff"),
    "Y008": ("yaml", "byte-order mark", "remove the UTF-8 byte-order mark at the start"),
    "Y009": ("yaml", "file too large", "file is 300000 bytes; the limit is 262144"),
    "Y010": ("yaml", "nested too deeply", "nesting deeper than 12 levels"),
    "Y011": ("yaml", "ambiguous number", "'012' has a leading zero (octal in YAML 1.1); quote it"),
    "Y012": ("yaml", "more than one document", "a file holds one record: remove '---'"),
    "Y013": ("yaml", "key is not a string", "mapping keys must be plain strings"),
    # Files and layout
    "F001": ("file", "file name differs from id", "id 'a-b' but the file is named 'a-c.yaml'"),
    "F002": (
        "file",
        "schema line missing or wrong",
        "first line must be '# yaml-language-server: $schema=../../schema/events.schema.json'",
    ),
    "F003": ("file", "file outside a table folder", "records live in data/<table>/<id>.yaml"),
    "F004": ("file", "path not found", "no such file or directory: data/x"),
    # Text hygiene
    "T001": (
        "text",
        "invisible or bidirectional-control character",
        "U+202E RIGHT-TO-LEFT OVERRIDE in text",
    ),
    "T002": ("text", "text not NFC-normalized", "normalize the text to NFC"),
    "T003": ("text", "starts like a spreadsheet formula", "text must not start with '='"),
    "T004": ("text", "control character", "U+0007 in text"),
    # Model (layer 2)
    "M001": ("model", "unknown field", "unknown field 'titel' (did you mean 'title'?)"),
    "M002": ("model", "missing required field", "missing required field 'summary'"),
    "M003": ("model", "wrong type", "expected a string, got a number: quote the value 3.10"),
    "M004": (
        "model",
        "value not in vocabulary",
        "'support' is not one of supports, conditional, opposes, unclear (did you mean 'supports'?)",
    ),
    "M005": ("model", "number out of range", "point_number must be at most 28"),
    "M006": ("model", "bad date", "2025-02-30 is not a calendar date"),
    "M007": ("model", "bad format", "'Army_Size' is not a lowercase slug"),
    "M008": ("model", "wrong length", "evidence needs at least 1 item"),
    "M009": (
        "model",
        "record rule broken",
        "a speculative provision may only cite speculative evidence",
    ),
    "M010": (
        "model",
        "JSON Schema and model disagree",
        "the model accepts what schema/x.schema.json rejects",
    ),
    # Dataset (layer 3)
    "D001": ("dataset", "duplicate id", "id 'x' is also used by data/events/x.yaml"),
    "D002": ("dataset", "dangling reference", "stakeholder 'nobody' does not exist"),
    "D003": ("dataset", "reserved or conflicting id", "'plan' is reserved for position targets"),
    "D004": (
        "dataset",
        "duplicate point number",
        "point 6 of us-28-point-draft is also provisions/point-06",
    ),
    # Provenance (layer 4)
    "P001": ("provenance", "quote not in source", "quote not found in seed-001"),
    "P002": (
        "provenance",
        "quote in another source",
        "quote not found in seed-001, but it is in seed-004",
    ),
    "P003": ("provenance", "archived file missing", "seeds/x.txt does not exist"),
    "P004": ("provenance", "sha256 mismatch", "sha256 of seeds/x.txt is 3f2a..., not 9b1c..."),
    "P005": ("provenance", "path escapes seeds/", "path must stay inside seeds/"),
    "P006": (
        "provenance",
        "wrong kind of evidence for the source",
        "seed-001 is archived: quote it instead of a locator",
    ),
}
