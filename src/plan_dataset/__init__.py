"""plan_dataset: the November 2025 US-drafted 28-point peace plan for Ukraine, as data.

>>> import plan_dataset
>>> dataset = plan_dataset.load()
>>> dataset.provisions[0].title  # doctest: +SKIP
"""

from plan_dataset._version import __version__
from plan_dataset.bundle.shape import BundleInvalid
from plan_dataset.loader import Dataset, load
from plan_dataset.problems import DatasetInvalid

__all__ = ["BundleInvalid", "Dataset", "DatasetInvalid", "__version__", "load"]
