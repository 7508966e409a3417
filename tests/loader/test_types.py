"""The types users see agree with the models: one reliability order, the same vocabularies."""

from __future__ import annotations

import typing

from plan_dataset.evidence import corroboration
from plan_dataset.models import vocabulary
from plan_dataset.models.schema import json_schema
from plan_dataset.queries import results


def test_the_reliability_order_is_stated_once() -> None:
    """The models' vocabulary, the JSON Schema and the ranking all read one list."""
    assert typing.get_args(vocabulary.Reliability) == corroboration.RELIABILITY_ORDER
    schema = json_schema("sources")["properties"]["reliability"]
    assert tuple(schema["enum"]) == corroboration.RELIABILITY_ORDER
    assert corroboration.RELIABILITY_ORDER[0] == "primary"
    assert set(corroboration.RELIABILITY_ORDER[:4]) == corroboration.STRONG


def test_the_result_types_use_the_models_vocabularies() -> None:
    assert typing.get_args(results.Stance) == typing.get_args(vocabulary.Stance)
    assert typing.get_args(results.LinkOperation) == typing.get_args(vocabulary.LinkOperation)
    hints = typing.get_type_hints(results.ComparisonRow)
    assert set(hints) == {
        "earlier",
        "earlier_number",
        "later",
        "later_number",
        "operation",
        "change",
        "changed_figures",
        "link",
    }
    assert set(typing.get_type_hints(results.StanceCell)) == {"stance", "date", "position"}


def test_query_results_have_exactly_their_declared_keys() -> None:
    import plan_dataset

    dataset = plan_dataset.load()
    rows = dataset.compare("us-28-point-draft", "european-counter-proposal")
    assert rows and all(set(row) == set(results.ComparisonRow.__annotations__) for row in rows)
    cells = dataset.stance_matrix()
    assert cells and all(set(c) == set(results.StanceCell.__annotations__) for c in cells.values())


def test_loading_and_querying_import_no_typing() -> None:
    """The types cost nothing at run time: typing is for type checkers only."""
    import subprocess
    import sys

    code = (
        "import sys, plan_dataset\n"
        "d = plan_dataset.load()\n"
        "d.corroboration(d.provision('point-06')); d.stance_matrix(); d.lineage('point-06')\n"
        "d.compare('us-28-point-draft', 'european-counter-proposal')\n"
        "[t.figure for p in d.provisions for t in p.terms]\n"
        "print('typing' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
