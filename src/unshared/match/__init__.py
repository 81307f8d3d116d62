"""Signals -> matches -> a verdict: thresholds per bank, dihedral variants, allow-lists."""

from __future__ import annotations

from unshared.match.matcher import Matcher
from unshared.match.policy import VARIANTS, Hit, Match, Verdict, decide, threshold
from unshared.match.query import Query

__all__ = ["VARIANTS", "Hit", "Match", "Matcher", "Query", "Verdict", "decide", "threshold"]
