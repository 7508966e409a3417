"""Facts about the dataset that several stages need, each stated once here.

Standard library only, at the bottom of the stages: the models, the flat tables, the
outputs and the loader all read these. Static files that repeat one (``CITATION.cff``,
``pyproject.toml``) are checked against it by ``tests/test_version.py``.
"""

from __future__ import annotations

TITLE = "The November 2025 US-drafted 28-point peace plan for Ukraine"
DESCRIPTION = (
    "A hand-curated, validated dataset of the reported provisions of the November 2025 "
    "US-drafted 28-point peace plan for Ukraine, the published points, the positions "
    "stakeholders took on it, the events around it, where sources disagree, and where "
    "every fact comes from. Every record carries evidence: a verbatim quote from an "
    "archived source, or a URL and locator for a source that is not archived. The "
    "archived source texts remain their authors' and are included only so that quotes "
    "can be verified."
)
DATA_LICENCE = "CC-BY-4.0"
DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
DATA_LICENCE_TITLE = "Creative Commons Attribution 4.0 (data records)"
CODE_LICENCE = "MIT"

# The target of a position on the plan as a whole, rather than on one version or point.
PLAN_TARGET = "plan"

# How precise a date is, by its number of parts: 2025, 2025-11, 2025-11-21.
DATE_PRECISIONS = ("year", "month", "day")
# The date fields of every table, which the frames and Parquet give their precision.
DATE_COLUMNS = frozenset({"date", "published", "retrieved", "date_earliest", "date_latest"})
