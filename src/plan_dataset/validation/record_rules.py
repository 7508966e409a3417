"""The rules within one record (``models/rules.py``), each under its own code.

The model layer finds them, since the models check them; this layer lists their codes,
so the code table, the reporters and the examples treat them as every other check.
"""

from __future__ import annotations

from plan_dataset.models.rules import RULES
from plan_dataset.validation.base import Code
from plan_dataset.validation.layer import Layer

CODES = {code: Code("record rules", rule.meaning, rule.example) for code, rule in RULES.items()}

LAYER = Layer("record rules", CODES)
