"""docs/data-dictionary.md covers every table, column, key and vocabulary value."""

from __future__ import annotations

import typing

from conftest import ROOT

from plan_dataset.flat.catalog import TABLES
from plan_dataset.models import vocabulary
from plan_dataset.publish.outputs.dictionary import vocabularies


def test_every_vocabulary_value_has_a_meaning() -> None:
    literals = {
        name: value
        for name, value in vars(vocabulary).items()
        if typing.get_origin(value) is typing.Literal
    }
    assert set(vocabulary.MEANINGS) == set(literals)
    for name, values in vocabularies().items():
        assert set(vocabulary.MEANINGS[name]) == set(values), name
        assert all(vocabulary.MEANINGS[name].values()), name


def test_the_dictionary_lists_every_table_column_key_and_value() -> None:
    text = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    for table in TABLES:
        section = text.split(f"## `{table.name}`\n", 1)[1].split("\n## ", 1)[0]
        assert f"Primary key: {', '.join(f'`{c}`' for c in table.primary_key)}." in section
        for key in table.foreign_keys:
            assert f"`{key.columns[0]}` → `{key.table}`" in section, (table.name, key)
        for column in table.columns:
            assert f"| `{column.name}` | {column.type} |" in section, (table.name, column.name)
            for value in column.enum or ():
                assert f"`{value}`" in section
    for name, values in vocabularies().items():
        section = text.split(f"\n## {name}\n", 1)[1].split("\n## ", 1)[0]
        for value in values:
            assert f"| `{value}` | {vocabulary.MEANINGS[name][value]} |" in section
