"""Field types every record model uses: slugs, text, dates, references and evidence."""

from __future__ import annotations

import calendar
import functools
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    WithJsonSchema,
)

from plan_dataset.models.countries import COUNTRY_OR_BLOC_CODES
from plan_dataset.models.vocabulary import (
    FULL_DATE_PATTERN,
    PARTIAL_DATE_PATTERN,
    SLUG_MAX_LENGTH,
    SLUG_PATTERN,
    Hedge,
)

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Ref:
    """Marks a field whose value is the id of a record in one of ``tables``.

    Every reference field carries this marker, so the reference checks, the
    flat tables' foreign keys and the docs all derive from one declaration.
    ``reserved`` values are not references (e.g. 'plan' as a position target).
    ``table_field`` names a sibling field holding the table, for references into
    any table (a discrepancy's ``about``). ``examples`` are ids of real records of
    those tables: the JSON Schemas show them, so that an editor suggests a
    stakeholder for a stakeholder (a test checks that each one resolves).
    """

    tables: tuple[str, ...] = ()
    reserved: tuple[str, ...] = ()
    table_field: str | None = None
    examples: tuple[str, ...] = ()

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        schema: dict[str, Any] = handler(core_schema)
        if self.examples:
            is_list = handler.resolve_ref_schema(schema).get("type") == "array"
            schema["examples"] = [list(self.examples)] if is_list else list(self.examples)
        return schema


def ref(*tables: str, reserved: tuple[str, ...] = (), examples: tuple[str, ...] = ()) -> Ref:
    return Ref(tables=tables, reserved=reserved, examples=examples)


def _check_calendar_date(value: str) -> str:
    """Reject dates the pattern admits but the calendar does not (2025-02-30)."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 3:
        year, month, day = parts
        if day > calendar.monthrange(year, month)[1]:
            raise ValueError(f"{value} is not a calendar date")
    return value


def _check_web_address(value: str) -> str:
    """Reject addresses the pattern admits but nothing can open: one whose host cannot
    be read ('https://[example.org/...', an unclosed IPv6 bracket) or that has none."""
    try:
        host = urlsplit(value).hostname
    except ValueError as error:
        raise ValueError(f"not a web address ({error})") from None
    if not host:
        raise ValueError("not a web address (no host)")
    return value


def _check_country(value: str) -> str:
    if value not in COUNTRY_OR_BLOC_CODES:
        raise ValueError(
            f"{value!r} is not an ISO 3166-1 alpha-2 country code (or EU, for EU institutions)"
        )
    return value


# No examples here: a slug's examples depend on the table it names (see Ref).
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=SLUG_MAX_LENGTH)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=300)]
WebAddress = Annotated[
    str,
    StringConstraints(pattern=r"^https?://\S+$", max_length=2000),
    AfterValidator(_check_web_address),
]
PartialDate = Annotated[
    str,
    StringConstraints(pattern=PARTIAL_DATE_PATTERN),
    AfterValidator(_check_calendar_date),
    Field(examples=["2025-11-19", "2025-11", "2025"]),
]
FullDate = Annotated[
    str,
    StringConstraints(pattern=FULL_DATE_PATTERN),
    AfterValidator(_check_calendar_date),
    Field(examples=["2025-11-21"]),
]
CountryCode = Annotated[
    str,
    AfterValidator(_check_country),
    WithJsonSchema({"type": "string", "enum": sorted(COUNTRY_OR_BLOC_CODES)}),
    Field(examples=["UA"]),
]


class Strict(BaseModel):
    """Closed, immutable records: unknown keys are errors, never ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _id_example(schema: dict[str, Any], model: type[Any]) -> None:
    schema["properties"]["id"]["examples"] = [model.ID_EXAMPLE]


class Record(Strict):
    """A record of one table, stored as data/<table>/<id>.yaml.

    ``ID_EXAMPLE`` is the id of a real record of the table, shown in its JSON Schema.
    """

    model_config = ConfigDict(json_schema_extra=_id_example)
    ID_EXAMPLE: ClassVar[str] = ""

    id: Slug = Field(description="Lowercase slug; equals the file name without .yaml.")


class QuoteEvidence(Strict):
    """A verbatim quote from an archived source (one with a file under seeds/)."""

    source: Annotated[Slug, ref("sources", examples=("seed-004",))] = Field(
        description="Id of the cited source (a record in sources/)."
    )
    quote: Text = Field(
        description=(
            "The shortest verbatim span of the source's archived text that carries the fact. "
            "Matched exactly, except that straight and curly quote marks are interchangeable "
            "and runs of whitespace count as one space."
        ),
        examples=["Reducing the size of the Ukrainian Armed Forces by half."],
    )
    hedge: Hedge = Field(
        description=(
            "How the source itself frames the claim: asserted (stated as fact), reported "
            "('reportedly', 'according to reports'), alleged ('allegedly', 'purportedly'), "
            "speculative (an analyst's expectation or guess, e.g. 'must contain', "
            "'was expected to')."
        )
    )
    attributed_to: Annotated[Slug | None, ref("stakeholders", examples=("axios",))] = Field(
        default=None,
        description="Stakeholder the source says made the statement, if it names one.",
    )


class LocatorEvidence(Strict):
    """A pointer into a source that is not archived: a locator and a paraphrase, no quote."""

    source: Annotated[Slug, ref("sources", examples=("rbc-ukraine-28-points",))] = Field(
        description="Id of the cited source; it must have a url and no path."
    )
    locator: ShortText = Field(
        description="Where in the source the fact is, e.g. 'point 6' or 'paragraph 3'.",
        examples=["point 6"],
    )
    paraphrase: Text = Field(
        description="What the source says there, in the curator's own neutral words."
    )
    hedge: Hedge = Field(description="How the source itself frames the claim (see quote evidence).")
    attributed_to: Annotated[Slug | None, ref("stakeholders", examples=("axios",))] = Field(
        default=None,
        description="Stakeholder the source says made the statement, if it names one.",
    )


def evidence_kind(value: Any) -> str:
    if isinstance(value, dict):
        return "locator" if "locator" in value and "quote" not in value else "quote"
    return "locator" if isinstance(value, LocatorEvidence) else "quote"


Evidence = Annotated[
    Annotated[QuoteEvidence, Tag("quote")] | Annotated[LocatorEvidence, Tag("locator")],
    Discriminator(evidence_kind),
]
EvidenceList = Annotated[
    list[Evidence],
    Field(
        min_length=1,
        description="What this record rests on: at least one quote or locator.",
    ),
]


def reference_marker(model: type[BaseModel], field_name: str) -> Ref | None:
    """The ``Ref`` marker of a model field, if the field is a reference."""
    for item in model.model_fields[field_name].metadata:
        if isinstance(item, Ref):
            return item
    return None


def reference_fields(model: type[BaseModel]) -> dict[str, Ref]:
    """The reference fields a model declares directly, with their markers."""
    found = {}
    for name in model.model_fields:
        marker = reference_marker(model, name)
        if marker is not None:
            found[name] = marker
    return found


@functools.cache
def _fields_and_markers(model: type[BaseModel]) -> tuple[tuple[str, Ref | None], ...]:
    """Each field of a model with its ``Ref`` marker, if any: looked up once per model,
    since ``references`` walks every record of a validation run."""
    markers = reference_fields(model)
    return tuple((name, markers.get(name)) for name in model.model_fields)


def references(record: BaseModel) -> list[tuple[Loc, tuple[str, ...], str]]:
    """Every reference a record makes: its location, the tables it may point into, the id.

    Derived from the ``Ref`` markers, walking nested models (evidence, terms, variants).
    """
    found: list[tuple[Loc, tuple[str, ...], str]] = []
    _walk_references(record, (), found)
    return found


def _walk_references(
    node: BaseModel, loc: Loc, found: list[tuple[Loc, tuple[str, ...], str]]
) -> None:
    # A function of the module, not a closure calling itself: such a closure is a
    # reference cycle, left for the garbage collector once per record.
    for name, marker in _fields_and_markers(type(node)):
        value = getattr(node, name)
        if marker is not None:
            tables = (getattr(node, marker.table_field),) if marker.table_field else marker.tables
            values = value if isinstance(value, list) else [value]
            for index, item in enumerate(values):
                if item is None or item in marker.reserved:
                    continue
                where = (*loc, name, index) if isinstance(value, list) else (*loc, name)
                found.append((where, tables, item))
        elif isinstance(value, BaseModel):
            _walk_references(value, (*loc, name), found)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    _walk_references(item, (*loc, name, index), found)


# Two kinds of notes, kept apart so the site can show readers only theirs.
READER_NOTES = "Caveats a reader should know, in words for readers; the site shows them."
CURATION_NOTES = (
    "The curators' working trail: which review pass changed what, judgement calls as they "
    "were made, conventions followed, pages that were searched for and not found. Kept in "
    "the data and its exports, never shown on the site as content."
)
