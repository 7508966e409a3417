"""Move curators' working notes from `notes` to `curation_notes`, sentence by sentence.

Each sentence of `notes` is either kept for readers, moved to the curation trail, or both:
a sentence mixing a caveat with the trail goes verbatim to `curation_notes` and, in a
reader's wording (OVERRIDES), stays in `notes`. Only the two lines change in each file.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")

# Sentences that are the trail only: which pass did what, conventions, searches.
TRAIL_ONLY = [
    re.compile(r"^Recorded in the review-(story|rest) audit\b"),
    re.compile(r"^Review: changed from \w+ to \w+\.$"),
    re.compile(r"^Review-rest: "),
    re.compile(r"^Review-story audit: "),
    re.compile(r"^Summary reworded in the review-story audit"),
    re.compile(r"^The first pass (used|found)\b"),
    re.compile(r"^The News Ghana item is the one the first pass read"),
    re.compile(r"^The id follows the project convention\.$"),
    re.compile(r"^The record id keeps its old wording\.$"),
    re.compile(r"^The Inquirer page was not re-opened in the review-rest audit\.$"),
    re.compile(r"^The review-story audit dropped "),
    re.compile(r"^The earlier summary said she called its absence very important"),
    re.compile(r"^LIGA locator corrected in the review-story audit"),
    re.compile(r"^Searched further for CSIS"),
    re.compile(r"^Yermak|^$"),  # placeholder never matching real text
]
TRAIL_ONLY = TRAIL_ONLY[:-1]

# Sentences whose trail is a trailing parenthesis: readers get the sentence without it.
TRAILING_PARENTHESES = re.compile(
    r" \((?:added in the review-story audit|review-story audit[^)]*|review-rest[^)]*)\)(?=\.$)"
)

# "Judgement call (review-rest): X." -> readers: "This stance is a judgement call: X."
JUDGEMENT = re.compile(r"^Judgement call \(review-rest\): (.*)$")

# Mixed sentences: the reader's wording (None: trail only). Keyed by the sentence's start.
OVERRIDES: dict[str, str | None] = {
    "The target was left at point-10": (
        "The target is point-10 (the point that introduces the US guarantee), but the wording "
        "she praised is not on the pages read; point-05 (reliable guarantees, unspecified) is "
        "the alternative if she meant guarantees in general."
    ),
    "Seed-002 mentions discussions in Anchorage and Miami": (
        "Seed-002 mentions discussions in Anchorage and Miami without saying who took part or when."
    ),
    "The first pass read LIGA.net as placing": (
        "LIGA.net was read as placing Zelenskyy's consultations on a successor and his signing "
        "of the dismissal decree on 29 November."
    ),
    "In the review-story audit the LIGA page did not come up again;": (
        "Interfax-Ukraine (10 December) dates decree No. 868/2025 to 28 November, and Ukrainska "
        "Pravda says the decree was published as an update to its 28 November report, so the "
        "decree date is unsettled."
    ),
    "Review: changed from kept to amended, because": (
        "Amended, because the 20-point wording adds the confirmation by all signatories, which "
        "the draft's point 1 does not have; same subject and number."
    ),
    "Kept as deleted after review, because": (
        "Recorded as deleted because pages say positively that the clause was removed, not merely "
        "that a list omits it: Ukraine's ambassador to the US said on record that amnesty is not "
        "among the 19 points drafted at Geneva, and Zelenskyy said the 20 points were worked out "
        "there; none of the framework's twenty points as summarised concerns amnesty."
    ),
    "Review-rest: World Tribune is classed partisan_blog": (
        "World Tribune is a partisan blog and does not count; NewsX places the post on Tuesday "
        "and World Tribune is dated 25 November."
    ),
    "Review-rest: NOTUS (Tuesday 25 November) added;": (
        "NOTUS (Tuesday 25 November) says he posted on X; TurkiyeToday says Facebook."
    ),
    "The Okaz page did not come up again in the review-story audit;": (
        "LIGA.net's own report of the same statement is a second, independent page; its last "
        "background bullet also notes his denial of having approved points."
    ),
    "The day is not settled, so only the month is given (review-rest": (
        "The day is not settled, so only the month is given."
    ),
    "The teamredvictory.com summary is at paragraph 7 of its body, counting from the first "
    "paragraph under the headline (an earlier": (
        "The teamredvictory.com summary is at paragraph 7 of its body, counting from the first "
        "paragraph under the headline."
    ),
    "The term shares its id with the 600,000 cap": (
        "The figure is matched with the 600,000 cap in point-06 of the 28-point draft, so the "
        "two can be compared."
    ),
    "The electricity-share term shares its id with point-19": (
        "The electricity-share figure is matched with point-19 of the 28-point draft, where the "
        "50:50 split was between Russia and Ukraine; here the other half would be at the "
        "disposal of the United States."
    ),
    "Seed-004 lists this among concessions demanded of Ukraine": (
        "Seed-004 lists this among concessions demanded of Ukraine, while the assistance itself "
        "comes from the United States; no party that would have to act is recorded."
    ),
    "No page ties individual points of this text to numbers, so no point_links": (
        "No page ties individual points of this text to numbers, so it has no point-by-point "
        "comparison."
    ),
}


def decide(sentence: str) -> tuple[str | None, str | None]:
    """(reader's wording or None, trail wording or None) for one sentence."""
    for start, reader in OVERRIDES.items():
        if sentence.startswith(start):
            return reader, sentence
    if any(p.search(sentence) for p in TRAIL_ONLY):
        return None, sentence
    if m := JUDGEMENT.match(sentence):
        rest = m.group(1)
        return f"This stance is a judgement call: {rest}", sentence
    if TRAILING_PARENTHESES.search(sentence):
        return TRAILING_PARENTHESES.sub("", sentence), sentence
    return sentence, None


def quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def main(apply: bool) -> None:
    used: set[str] = set()
    for path in sorted(Path("data").glob("*/*.yaml")):
        text = path.read_text(encoding="utf-8")
        record = yaml.safe_load(text)
        notes = record.get("notes")
        if not notes or "curation_notes" in record:
            continue
        reader_parts, trail_parts = [], []
        for sentence in SPLIT.split(notes):
            for start in OVERRIDES:
                if sentence.startswith(start):
                    used.add(start)
            reader, trail = decide(sentence)
            if reader:
                reader_parts.append(reader)
            if trail:
                trail_parts.append(trail)
        if not trail_parts:
            continue
        new_notes = " ".join(reader_parts) or None
        new_trail = " ".join(trail_parts)
        print(f"== {path}")
        print(f"   reader: {new_notes}")
        print(f"   trail:  {new_trail}")
        lines = text.split("\n")
        (index,) = [i for i, line in enumerate(lines) if line.startswith("notes: ")]
        assert yaml.safe_load(lines[index])["notes"] == notes, path
        lines[index : index + 1] = [
            f"notes: {quoted(new_notes) if new_notes else 'null'}",
            f"curation_notes: {quoted(new_trail)}",
        ]
        changed = "\n".join(lines)
        after = yaml.safe_load(changed)
        before = dict(record)
        assert {k: v for k, v in after.items() if k not in ("notes", "curation_notes")} == {
            k: v for k, v in before.items() if k != "notes"
        }, path
        if apply:
            path.write_text(changed, encoding="utf-8")
    unused = set(OVERRIDES) - used
    assert not unused, unused


if __name__ == "__main__":
    main(apply="--apply" in sys.argv)
