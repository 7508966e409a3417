"""The base of the generated record types in ``records/classes.py``.

Immutability, equality by value, hashing, pickling and ``to_dict()`` live here, in
plain code; ``records/classes.py`` only declares each type's fields (``_fields``, in
order) and its decoder. A decoded record keeps the parsed JSON mapping it came from as
its ``__dict__`` (``set_dict``), its list fields turned into tuples of values or
records: one call per record instead of one per field, which decodes the shipped bundle
in less than half the time that setting slots took. The price: a record is immutable
through its attributes (setting or deleting one raises), but ``vars(record)`` is its
mapping itself, which code that means to can change.
Like the loader, this imports nothing beyond the standard library, and ``typing``
only for type checkers.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar

# Sets a field past the refusing __setattr__: for constructors and decoders only.
set_field = object.__setattr__


class RecordBase:
    """Base of every record type: immutable, compared by value, fields in ``_fields``."""

    _fields: ClassVar[tuple[str, ...]] = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} records are immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} records are immutable")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, RecordBase)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({fields})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickle and copy would set fields through __setattr__, which refuses.
        return (_rebuild, (type(self), self._values()))

    def _repr_html_(self) -> str:
        """The record as an HTML table, for notebooks."""
        from plan_dataset.records.html_view import record_html

        return record_html(self)

    def to_dict(self) -> dict[str, Any]:
        """The record as plain JSON values: nested records as dicts, tuples as lists."""
        return {name: _plain(getattr(self, name)) for name in self._fields}


# Gives a new record its fields all at once, past the refusing __setattr__: decoders only.
set_dict = vars(RecordBase)["__dict__"].__set__


def _rebuild(cls: type[RecordBase], values: tuple[Any, ...]) -> RecordBase:
    record = object.__new__(cls)
    for name, value in zip(cls._fields, values, strict=True):
        set_field(record, name, value)
    return record


def _plain(value: Any) -> Any:
    if isinstance(value, RecordBase):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value
