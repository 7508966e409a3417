"""plan_dataset: the November 2025 US-drafted 28-point peace plan for Ukraine, as data.

>>> import plan_dataset
>>> dataset = plan_dataset.load()
>>> dataset.provisions[0].title  # doctest: +SKIP
"""

from plan_dataset._version import __version__
from plan_dataset.bundle.shape import BundleInvalid
from plan_dataset.loader import Dataset, load

# DatasetInvalid comes from problems.py, whose Problem dataclass would import dataclasses
# and inspect (more than loading the shipped bundle): it is imported on first use (PEP 562).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from plan_dataset.problems import DatasetInvalid

__all__ = ["BundleInvalid", "Dataset", "DatasetInvalid", "__version__", "load"]


def __getattr__(name: str) -> object:
    if name == "DatasetInvalid":
        from plan_dataset.problems import DatasetInvalid

        return DatasetInvalid
    raise AttributeError(f"module 'plan_dataset' has no attribute {name!r}")
