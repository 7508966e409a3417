"""Second pass of the notes split (after the 2026-12 merges): working notes that later
passes wrote into `notes` or `caveats` move to `curation_notes`, sentence by sentence.

Trail-only sentences move whole; a sentence that opens with a pass's label keeps its
reader's part; a trailing parenthesis naming a pass is dropped from the reader's text.
Only the touched lines change in each file.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")
TRAIL_ONLY = re.compile(
    r"^(Found by the independent review\.|Recorded after the 2026-12 audit\.|"
    r"Added by the independent review of the 2026 story records\.|"
    r"Found in the second blind audit\b.*|Audit 2026-12: .*)$"
)
LABEL = re.compile(r"^(Blind audit 2|Dated after the 2026-12 audit): (.*)$")
PARENTHESIS = re.compile(r" \((?:blind audit 2|review-story audit)\)(?=\.$)")
REMOVED_AFTER_AUDIT = re.compile(r" was removed after the 2026-12 audit: ")


def decide(sentence: str) -> tuple[str | None, str | None]:
    """(reader's text, trail text) for one sentence."""
    if TRAIL_ONLY.match(sentence):
        return None, sentence
    if m := LABEL.match(sentence):
        rest = m.group(2)
        return rest[0].upper() + rest[1:], sentence
    if PARENTHESIS.search(sentence):
        return PARENTHESIS.sub("", sentence), sentence
    if REMOVED_AFTER_AUDIT.search(sentence):
        return None, sentence
    return sentence, None


def main(apply: bool) -> None:
    for path in sorted(Path("data").glob("*/*.yaml")):
        text = path.read_text(encoding="utf-8")
        record = yaml.safe_load(text)
        trail_parts = [record["curation_notes"]] if record.get("curation_notes") else []
        new_values = {}
        for field in ("notes", "caveats"):
            value = record.get(field)
            if not value:
                continue
            reader_parts = []
            for sentence in SPLIT.split(value):
                reader, trail = decide(sentence)
                if reader:
                    reader_parts.append(reader)
                if trail:
                    trail_parts.append(trail)
            if " ".join(reader_parts) != value:
                new_values[field] = " ".join(reader_parts) or None
        if not new_values:
            continue
        lines = text.split("\n")
        for field, value in new_values.items():
            (index,) = [i for i, line in enumerate(lines) if line.startswith(f"{field}: ")]
            lines[index] = f"{field}: {json.dumps(value, ensure_ascii=False) if value else 'null'}"
        trail = json.dumps(" ".join(trail_parts), ensure_ascii=False)
        existing = [i for i, line in enumerate(lines) if line.startswith("curation_notes: ")]
        if existing:
            lines[existing[0]] = f"curation_notes: {trail}"
        else:
            (index,) = [i for i, line in enumerate(lines) if line.startswith("notes: ")]
            lines.insert(index + 1, f"curation_notes: {trail}")
        changed = "\n".join(lines)
        after = yaml.safe_load(changed)
        untouched = {"notes", "caveats", "curation_notes"}
        assert {k: v for k, v in after.items() if k not in untouched} == {
            k: v for k, v in record.items() if k not in untouched
        }, path
        print(f"== {path}: {new_values} | trail: {' '.join(trail_parts)[:160]}")
        if apply:
            path.write_text(changed, encoding="utf-8")


if __name__ == "__main__":
    main(apply="--apply" in sys.argv)
