"""Selection rates and disparities from record-level rows (a list of outcomes and groups), as fairness toolkits
compute them (fairlearn's demographic parity; Aequitas's group metrics and disparities).

* selection rate of a group = selected / people in the group;
* between-groups difference = highest − lowest selection rate; ratio = lowest ÷ highest (fairlearn);
* with a true label as well: false positive rate FP/(FP+TN), false negative rate FN/(FN+TP), false discovery
  rate FP/(FP+TP), predicted prevalence (pprev) = predicted positive / people; a group's disparity on a metric is
  its value ÷ the reference group's value (Aequitas).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SelectionRates:
    overall: float
    by_group: tuple[tuple[str, int, float], ...]  # (group, n, rate), sorted by group
    difference: float
    ratio: float | None

    def rate(self, group: str) -> float:
        return next(rate for name, _n, rate in self.by_group if name == group)

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall,
            "by_group": [{"group": g, "n": n, "rate": r} for g, n, r in self.by_group],
            "difference": self.difference,
            "ratio": self.ratio,
        }


def selection_rates(*, selected: Sequence[int | bool], groups: Sequence[Hashable]) -> SelectionRates:
    if len(selected) != len(groups):
        raise ValueError("selected and groups must have one entry per person.")
    if not selected:
        raise ValueError("No people given.")
    counts: dict[str, list[int]] = {}
    for flag, group in zip(selected, groups, strict=True):
        tally = counts.setdefault(str(group), [0, 0])
        tally[0] += 1
        tally[1] += 1 if flag else 0
    by_group = tuple((g, n, k / n) for g, (n, k) in sorted(counts.items()))
    rates = [rate for _g, _n, rate in by_group]
    highest, lowest = max(rates), min(rates)
    return SelectionRates(
        overall=sum(1 for flag in selected if flag) / len(selected),
        by_group=by_group,
        difference=highest - lowest,
        ratio=lowest / highest if highest > 0 else None,
    )


@dataclass(frozen=True)
class Confusion:
    group: str
    tp: int
    fp: int
    tn: int
    fn: int

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.tn + self.fn

    def metric(self, name: str) -> float | None:
        """fpr, fnr, fdr, for (false omission rate), tpr, tnr, precision, pprev; None when the denominator is 0."""
        parts = {
            "fpr": (self.fp, self.fp + self.tn),
            "fnr": (self.fn, self.fn + self.tp),
            "fdr": (self.fp, self.fp + self.tp),
            "for": (self.fn, self.fn + self.tn),
            "tpr": (self.tp, self.tp + self.fn),
            "tnr": (self.tn, self.tn + self.fp),
            "precision": (self.tp, self.tp + self.fp),
            "pprev": (self.tp + self.fp, self.n),
        }
        if name not in parts:
            raise KeyError(f"Unknown metric {name!r}; use one of {sorted(parts)}.")
        numerator, denominator = parts[name]
        return numerator / denominator if denominator else None

    def to_dict(self) -> dict[str, Any]:
        return {"group": self.group, "tp": self.tp, "fp": self.fp, "tn": self.tn, "fn": self.fn}


def confusion_by_group(
    *, labels: Sequence[int | bool], predictions: Sequence[int | bool], groups: Sequence[Hashable]
) -> dict[str, Confusion]:
    if not len(labels) == len(predictions) == len(groups):
        raise ValueError("labels, predictions and groups must have one entry per person.")
    tallies: dict[str, list[int]] = {}
    for label, prediction, group in zip(labels, predictions, groups, strict=True):
        tally = tallies.setdefault(str(group), [0, 0, 0, 0])
        if label:
            tally[0 if prediction else 3] += 1  # true positive, else false negative
        else:
            tally[1 if prediction else 2] += 1  # false positive, else true negative
    return {g: Confusion(g, tp=t[0], fp=t[1], tn=t[2], fn=t[3]) for g, t in sorted(tallies.items())}


def disparity(*, confusion: dict[str, Confusion], metric: str, group: str, reference: str) -> float | None:
    """The group's value of ``metric`` ÷ the reference group's (Aequitas); None when not calculable."""
    value, base = confusion[group].metric(metric), confusion[reference].metric(metric)
    if value is None or base is None or base == 0:
        return None
    return value / base
