"""Layer: record ids make file names every system can check out.

An id is a file name (``data/<table>/<id>.yaml``). Windows reserves the device names
``con``, ``prn``, ``aux``, ``nul``, ``com0``…``com9`` and ``lpt0``…``lpt9`` whatever the
extension, so a record named ``con`` makes a checkout fail there. Slugs already keep
out every other non-portable character (case, dots, spaces, ``:``), and their length.
"""

from __future__ import annotations

from collections.abc import Iterator

from plan_dataset.validation.base import CheckedRecord, Code, Finding
from plan_dataset.validation.index import DatasetIndex
from plan_dataset.validation.layer import Layer

WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "conin", "conout", "clock"}
    | {f"com{n}" for n in range(10)}
    | {f"lpt{n}" for n in range(10)}
)

CODES = {
    "F006": Code(
        "file",
        "id is not a portable file name",
        "'con' is a device name Windows reserves: a checkout there cannot hold "
        "data/events/con.yaml; choose another id",
    ),
}


def non_portable(record_id: str, table: str) -> str | None:
    """Why ``record_id`` cannot be a file name on every system, or None."""
    if record_id.lower() in WINDOWS_RESERVED:
        return (
            f"{record_id!r} is a device name Windows reserves: a checkout there cannot hold "
            f"data/{table}/{record_id}.yaml; choose another id"
        )
    return None


def check_portable(record: CheckedRecord, _index: DatasetIndex) -> Iterator[Finding]:
    reason = non_portable(record.path.stem, record.table)
    if reason is not None:
        yield Finding(("id",), "F006", reason)


LAYER = Layer("portable names", CODES, per_record=check_portable, unmodelled=check_portable)
