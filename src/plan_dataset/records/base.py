"""The base of the generated record types in ``records/classes.py``.

Immutability, equality by value, hashing, pickling and ``to_dict()`` live here, in
plain code; ``records/classes.py`` only declares each type's fields and its decoder.
Like the loader, this imports nothing beyond the standard library, and ``typing``
only for type checkers.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Sets a field past the refusing __setattr__: for constructors and decoders only.
set_field = object.__setattr__


class RecordBase:
    """Base of every record type: immutable, compared by value, fields in ``__slots__``."""

    __slots__: tuple[str, ...] = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} records are immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} records are immutable")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, RecordBase)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickle and copy would set slots through __setattr__, which refuses.
        return (_rebuild, (type(self), self._values()))

    def _repr_html_(self) -> str:
        """The record as an HTML table, for notebooks."""
        from plan_dataset.records.html_view import record_html

        return record_html(self)

    def to_dict(self) -> dict[str, Any]:
        """The record as plain JSON values: nested records as dicts, tuples as lists."""
        return {name: _plain(getattr(self, name)) for name in self.__slots__}


def slot_setters(cls: type[RecordBase]) -> tuple[Any, ...]:
    """The slot setters of a record type, in field order, for its decoder.

    Calling them directly skips the refusing ``__setattr__`` and an attribute
    look-up per field, which halves the time to build each record.
    """
    return tuple(getattr(cls, name).__set__ for name in cls.__slots__)


def _rebuild(cls: type[RecordBase], values: tuple[Any, ...]) -> RecordBase:
    record = object.__new__(cls)
    for name, value in zip(cls.__slots__, values, strict=True):
        set_field(record, name, value)
    return record


def _plain(value: Any) -> Any:
    if isinstance(value, RecordBase):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value
