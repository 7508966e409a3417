"""The shape of a bundle, checked before decoding: one clear error for a truncated,
tampered or foreign file. Standard library only."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

BUNDLE_KEYS = {"name", "version", "tables", "offsets", "corroboration"}
# An outlet may share its id with the stakeholder that is the same organisation (the
# rule validation.dataset.SHARED_ID_TABLES states); no other tables share ids.
SHARED_ID_TABLES = frozenset({"outlets", "stakeholders"})


class BundleInvalid(ValueError):
    """Raised when a bundle is not one the build wrote: truncated, tampered or of another shape."""


def check_bundle_shape(bundle: Any, table_names: tuple[str, ...]) -> None:
    """Raise BundleInvalid unless ``bundle`` has the shape the build writes."""
    if not isinstance(bundle, dict) or set(bundle) != BUNDLE_KEYS:
        raise BundleInvalid(f"not a plan-dataset bundle: expected the keys {sorted(BUNDLE_KEYS)}")
    version, tables, offsets = bundle["version"], bundle["tables"], bundle["offsets"]
    if bundle["name"] != "plan-dataset" or not isinstance(version, str) or not version:
        raise BundleInvalid("not a plan-dataset bundle: wrong name or version")
    if not isinstance(tables, dict) or set(tables) != set(table_names):
        raise BundleInvalid(f"the bundle's tables must be exactly {', '.join(table_names)}")
    if not isinstance(offsets, dict) or not isinstance(bundle["corroboration"], dict):
        raise BundleInvalid("the bundle's offsets and corroboration must be mappings")
    seen: dict[str, str] = {}  # id -> table it was first seen in
    for name in table_names:
        rows = tables[name]
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise BundleInvalid(f"table {name} must be a list of records")
        for row in rows:
            record_id = row.get("id")
            first = seen.get(record_id) if isinstance(record_id, str) else name
            if first is not None and (first == name or {first, name} != SHARED_ID_TABLES):
                raise BundleInvalid(f"table {name}: missing or duplicate id {record_id!r}")
            seen.setdefault(record_id, name)
