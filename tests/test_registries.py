"""Adding a check, a table or a command is one new module plus one registry line: a module
that declares one but is missing from its registry (or a registry line whose module is
gone) fails here, so the registries and the folders cannot drift apart."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import plan_dataset.cli
import plan_dataset.flat.tables
import plan_dataset.validation
from plan_dataset.cli import COMMANDS
from plan_dataset.flat.tables import MODULES
from plan_dataset.validation import LAYERS


def _modules(package: ModuleType) -> list[ModuleType]:
    return [
        importlib.import_module(f"{package.__name__}.{info.name}")
        for info in pkgutil.iter_modules(package.__path__)
    ]


def test_every_check_module_is_a_layer() -> None:
    declared = [m for m in _modules(plan_dataset.validation) if hasattr(m, "LAYER")]
    assert len(declared) >= 17
    assert {id(m.LAYER) for m in declared} == {id(layer) for layer in LAYERS}


def test_every_table_module_is_registered() -> None:
    declared = [m for m in _modules(plan_dataset.flat.tables) if hasattr(m, "TABLES")]
    assert len(declared) >= 12
    assert {m.__name__ for m in declared} == {m.__name__ for m in MODULES}


def test_every_command_module_is_registered() -> None:
    declared = [
        m for m in _modules(plan_dataset.cli) if hasattr(m, "run") and hasattr(m, "add_arguments")
    ]
    assert len(declared) >= 9
    assert {m.__name__ for m in declared} == {m.__name__ for m in COMMANDS.values()}


def test_every_query_mixin_is_a_base_of_dataset() -> None:
    import plan_dataset.queries
    from plan_dataset import Dataset

    mixins = [
        value
        for module in _modules(plan_dataset.queries)
        for name, value in vars(module).items()
        if isinstance(value, type)
        and name.endswith("Queries")
        and value.__module__ == module.__name__
    ]
    assert len(mixins) >= 4
    assert set(mixins) == {base for base in Dataset.__mro__ if base.__name__.endswith("Queries")}
    for mixin in mixins:  # each method reaches the Dataset
        for name in vars(mixin):
            if not name.startswith("_"):
                assert getattr(Dataset, name) is vars(mixin)[name], (mixin.__name__, name)
