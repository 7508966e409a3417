"""What one run gathers: its settings, corpora, measures and the verdicts on its targets.

The measure modules fill a ``Bench`` as they register their measures, and read it
back when they write their section of the report.
"""

from __future__ import annotations

import argparse
import pstats
from dataclasses import dataclass, field
from typing import Any

from corpora import Corpus
from harness import Measure, Plan

Check = tuple[str, bool, str]  # (what, passed, what was measured)


@dataclass
class Checks:
    targets: list[Check] = field(default_factory=list)  # what the issues ask
    scaling: list[Check] = field(default_factory=list)  # the same checks beyond the issues


@dataclass
class Profile:
    corpus: Corpus
    seconds: float
    stats: pstats.Stats


@dataclass
class Bench:
    args: argparse.Namespace
    plan: Plan
    corpora: list[Corpus]
    have_cjs: bool
    code: tuple[str, list[str], str, bool] = ("unknown", [], "", False)
    machine: list[tuple[str, str]] = field(default_factory=list)
    cjs_info: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    singles: dict[str, str] = field(default_factory=dict)
    worst: Any = None  # worst_cases.WorstCases, once generated
    profile: Profile | None = None
    imports: list[tuple[str, float, float]] = field(default_factory=list)
    generation_seconds: float = 0.0
    first_pass_seconds: float = 0.0
    total_seconds: float = 0.0
    checks: Checks = field(default_factory=Checks)

    @property
    def m(self) -> dict[str, Measure]:
        return self.plan.measures
