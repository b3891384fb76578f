"""The full workforce report written as a plain pandas + SciPy script: the baseline dueregard is compared with.

    .venv/bin/python benchmarks/workforce/baseline_pandas.py benchmarks/out/workforce-1m.parquet --out results.json

It does the same job as the report over the synthetic workforce of generate.py (columns of workforce.yaml):

- for every characteristic (sex; age in the standard bands; ethnicity in the 19 Census 2021 categories, and White
  vs other than White; disability, disabled vs not; religion; sexual orientation) and every outcome (applied;
  shortlisted among applied; appointed among shortlisted; disciplinary; non-mandatory training; leaver): per
  group the denominator n and events k, the rate with its Wilson 95% interval, the relative likelihood against
  the reference group with the Katz log 95% interval (zero cells: not calculable); unknown values counted
  beside, with the declaration rate;
- per table a Pearson chi-squared test without continuity correction when every expected count is at least 5,
  else Fisher's exact test for a 2x2 table (a larger table keeps chi-squared, marked approximate);
  Benjamini-Hochberg adjusted p-values across every table of the report;
- the gender pay gap's six figures (mean and median hourly gaps over full-pay relevant employees, mean and
  median bonus gaps among those paid a bonus, the proportions of men and women paid a bonus among relevant
  employees) and the pay quarters (ranks cut after floor(kN/4); ties interleaved by sex as in
  dueregard.analytics.paygap.quartiles);
- disclosure control: primary suppression of counts below 10 (a group whose n or k is below 10 has its count,
  rate and ratio withheld); pay figures withheld for a sex with fewer than 10 employees.

It reads only the needed columns from Parquet (strings as dictionaries, so pandas holds them as categoricals)
and writes every number to a JSON file, so that dueregard's output can be compared with it.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
from scipy import stats

Z: Final = float(stats.norm.ppf(0.975))
THRESHOLD: Final = 10  # primary suppression: counts below this are withheld
YES: Final = "Yes"

ETHNICITY: Final = (
    "Indian",
    "Pakistani",
    "Bangladeshi",
    "Chinese",
    "Any other Asian background",
    "Caribbean",
    "African",
    "Any other Black, Black British, or Caribbean background",
    "White and Black Caribbean",
    "White and Black African",
    "White and Asian",
    "Any other Mixed or multiple ethnic background",
    "English, Welsh, Scottish, Northern Irish or British",
    "Irish",
    "Gypsy or Irish Traveller",
    "Roma",
    "Any other White background",
    "Arab",
    "Any other ethnic group",
)
WHITE: Final = ETHNICITY[12:17]
AGE_BANDS: Final = (16, 25, 35, 45, 55, 65)
AGE_LABELS: Final = ("16 to 24", "25 to 34", "35 to 44", "45 to 54", "55 to 64", "65 and over")


@dataclass(frozen=True)
class Grouping:
    """How one characteristic's column is grouped for the report: raw value -> group; anything else unknown."""

    name: str
    column: str
    groups: dict[str, str]  # raw value -> reported group
    reference: str
    order: tuple[str, ...] = field(default=())

    def group_order(self) -> tuple[str, ...]:
        return self.order or tuple(dict.fromkeys(self.groups.values()))


def _same(values: Sequence[str]) -> dict[str, str]:
    return {value: value for value in values}


GROUPINGS: Final = (
    Grouping("sex", "sex", _same(("Female", "Male")), reference="Male"),
    Grouping("age", "age", _same(AGE_LABELS), reference="35 to 44"),  # banded from the number first
    Grouping("ethnicity", "ethnicity", _same(ETHNICITY), reference=ETHNICITY[12]),
    Grouping(
        "ethnicity: White and other than White",
        "ethnicity",
        {value: "White" if value in WHITE else "Other than White" for value in ETHNICITY},
        reference="White",
        order=("White", "Other than White"),
    ),
    Grouping(
        "disability",
        "disabled",
        {
            "Condition, reduces activities a lot": "Disabled",
            "Condition, reduces activities a little": "Disabled",
            "Condition, does not reduce activities": "Not disabled",
            "No long-term condition": "Not disabled",
        },
        reference="Not disabled",
    ),
    Grouping(
        "religion",
        "religion",
        _same(("Buddhist", "Christian", "Hindu", "Jewish", "Muslim", "No religion", "Sikh", "Other religion")),
        reference="No religion",
    ),
    Grouping(
        "sexual orientation",
        "sexual_orientation",
        _same(("Bisexual", "Gay or Lesbian", "Other sexual orientation", "Straight or Heterosexual")),
        reference="Straight or Heterosexual",
    ),
)
# outcome -> the stage it is counted among (None: every record)
OUTCOMES: Final = {
    "applied": None,
    "shortlisted": "applied",
    "appointed": "shortlisted",
    "disciplinary": None,
    "training": None,
    "leaver": None,
}
FLAG_COLUMNS: Final = ("applied", "shortlisted", "appointed", "disciplinary", "training", "leaver")
PAY_COLUMNS: Final = ("ordinary_pay", "pay_period_days", "weekly_hours", "full_pay", "bonus_pay", "relevant")
CHARACTERISTIC_COLUMNS: Final = ("sex", "age", "ethnicity", "disabled", "religion", "sexual_orientation")
COLUMNS: Final = (*CHARACTERISTIC_COLUMNS, *FLAG_COLUMNS, *PAY_COLUMNS)
STRING_COLUMNS: Final = (
    "sex",
    "ethnicity",
    "disabled",
    "religion",
    "sexual_orientation",
    *FLAG_COLUMNS,
    "full_pay",
    "relevant",
)


# Statistics ---------------------------------------------------------------------------------------------------


def wilson_interval(k: Any, n: Any, z: float = Z) -> tuple[Any, Any]:
    """Wilson score interval for k events in n (arrays or numbers); n = 0 gives NaN."""
    k = np.asarray(k, dtype=float)
    n = np.asarray(n, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        centre = (k + z * z / 2) / (n + z * z)
        half = z / (n + z * z) * np.sqrt(k * (n - k) / n + z * z / 4)
    low = np.where(n > 0, np.clip(centre - half, 0.0, 1.0), np.nan)
    high = np.where(n > 0, np.clip(centre + half, 0.0, 1.0), np.nan)
    return low, high


def katz_interval(k: Any, n: Any, k_ref: Any, n_ref: Any, z: float = Z) -> tuple[Any, Any, Any]:
    """Relative likelihood (k/n) / (k_ref/n_ref) and its Katz log interval; NaN where a cell is zero."""
    k, n, k_ref, n_ref = (np.asarray(value, dtype=float) for value in (k, n, k_ref, n_ref))
    calculable = (k > 0) & (n > 0) & (k_ref > 0) & (n_ref > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = (k / n) / (k_ref / n_ref)
        se = np.sqrt(1 / k - 1 / n + 1 / k_ref - 1 / n_ref)
        low = np.exp(np.log(ratio) - z * se)
        high = np.exp(np.log(ratio) + z * se)
    nan = np.full_like(ratio, np.nan)
    return np.where(calculable, ratio, nan), np.where(calculable, low, nan), np.where(calculable, high, nan)


def table_test(k: Any, n: Any) -> dict[str, Any]:
    """Test of no difference between the groups of an r x 2 table of events k among n."""
    k = np.asarray(k, dtype=float)
    n = np.asarray(n, dtype=float)
    keep = n > 0
    table = np.column_stack([k[keep], n[keep] - k[keep]])
    if table.shape[0] < 2 or (table.sum(axis=0) == 0).any():
        return {"test": None, "statistic": None, "p": None, "approximate": False}
    expected = table.sum(axis=1, keepdims=True) * table.sum(axis=0, keepdims=True) / table.sum()
    if (expected >= 5).all() or table.shape[0] > 2:
        statistic, p, _, _ = stats.chi2_contingency(table, correction=False)
        return {
            "test": "chi-squared",
            "statistic": float(statistic),
            "p": float(p),
            "approximate": bool((expected < 5).any()),
        }
    result = stats.fisher_exact(table.astype(int))
    return {
        "test": "Fisher exact",
        "statistic": float(result.statistic),
        "p": float(result.pvalue),
        "approximate": False,
    }


def benjamini_hochberg(p_values: Sequence[float]) -> list[float]:
    if not p_values:
        return []
    return [float(value) for value in stats.false_discovery_control(np.asarray(p_values), method="bh")]


# Reading ------------------------------------------------------------------------------------------------------


def read_workforce(path: str | Path) -> pd.DataFrame:
    """The needed columns only; text columns as pandas categoricals."""
    table = pq.read_table(path, columns=list(COLUMNS), read_dictionary=list(STRING_COLUMNS))
    return table.to_pandas()


def group_keys(frame: pd.DataFrame, grouping: Grouping) -> pd.Series:
    """A categorical of reported groups (NaN = unknown) for every row."""
    if grouping.name == "age":
        banded = pd.cut(frame["age"], bins=[*AGE_BANDS, np.inf], right=False, labels=list(AGE_LABELS))
        return banded.astype(pd.CategoricalDtype(list(grouping.group_order())))
    column = frame[grouping.column]
    order = list(grouping.group_order())
    # old category -> new group code (-1 unknown); the last slot maps the missing code -1 to unknown.
    lookup = np.array(
        [order.index(grouping.groups[value]) if value in grouping.groups else -1 for value in column.cat.categories]
        + [-1],
        dtype=np.int64,
    )
    codes = lookup[column.cat.codes.to_numpy()]
    return pd.Series(pd.Categorical.from_codes(codes, categories=order), index=frame.index)


# The report ---------------------------------------------------------------------------------------------------


def outcome_tables(frame: pd.DataFrame) -> list[dict[str, Any]]:
    flags = pd.DataFrame({column: (frame[column] == YES).to_numpy() for column in FLAG_COLUMNS})
    counted = pd.DataFrame({"all": np.ones(len(frame), dtype=bool)})
    for outcome, among in OUTCOMES.items():
        counted[f"n:{outcome}"] = flags[among].to_numpy() if among else True
        counted[f"k:{outcome}"] = (flags[outcome] & flags[among]).to_numpy() if among else flags[outcome].to_numpy()
    counted = counted.drop(columns="all")

    tables = []
    for grouping in GROUPINGS:
        keys = group_keys(frame, grouping)
        sums = counted.groupby(keys, observed=False, dropna=False).sum()
        known = sums.loc[sums.index.notna()].reindex(list(grouping.group_order()), fill_value=0)
        unknown = sums.loc[sums.index.isna()].sum()
        for outcome, among in OUTCOMES.items():
            tables.append(_table(grouping, outcome, among, known, unknown))
    return tables


def _table(grouping: Grouping, outcome: str, among: str | None, known: pd.DataFrame, unknown: pd.Series) -> dict:
    n = known[f"n:{outcome}"].to_numpy(dtype=np.int64)
    k = known[f"k:{outcome}"].to_numpy(dtype=np.int64)
    groups = list(known.index.astype(str))
    ref = groups.index(grouping.reference)
    rate = np.where(n > 0, k / np.maximum(n, 1), np.nan)
    low, high = wilson_interval(k, n)
    ratio, ratio_low, ratio_high = katz_interval(k, n, k[ref], n[ref])
    unknown_n = int(unknown.get(f"n:{outcome}", 0))
    total = int(n.sum()) + unknown_n
    rows = []
    for index, group in enumerate(groups):
        withheld = bool(n[index] < THRESHOLD or k[index] < THRESHOLD)
        rows.append(
            {
                "group": group,
                "reference": index == ref,
                "n": None if n[index] < THRESHOLD else int(n[index]),
                "k": None if withheld else int(k[index]),
                "rate": _number(rate[index], withheld),
                "rate_low": _number(low[index], withheld),
                "rate_high": _number(high[index], withheld),
                "ratio": _number(ratio[index], withheld or index == ref),
                "ratio_low": _number(ratio_low[index], withheld or index == ref),
                "ratio_high": _number(ratio_high[index], withheld or index == ref),
                "withheld": withheld,
            }
        )
    return {
        "characteristic": grouping.name,
        "outcome": outcome,
        "among": among,
        "reference": grouping.reference,
        "groups": rows,
        "unknown": unknown_n,
        "declaration_rate": (total - unknown_n) / total if total else None,
        **table_test(k, n),
    }


def _number(value: float, withheld: bool) -> float | None:
    return None if withheld or not math.isfinite(value) else float(value)


def pay_gap(frame: pd.DataFrame) -> dict[str, Any]:
    """The gender pay gap's six figures and the pay quarters."""
    sex = frame["sex"].astype(str).to_numpy()
    man = sex == "Male"
    woman = sex == "Female"
    full_pay = (frame["full_pay"] == YES).to_numpy() & (man | woman)
    hourly = (
        frame["ordinary_pay"].to_numpy(dtype=float)
        * 7.0
        / frame["pay_period_days"].to_numpy(dtype=float)
        / frame["weekly_hours"].to_numpy(dtype=float)
    )
    men_hourly, women_hourly = hourly[full_pay & man], hourly[full_pay & woman]
    relevant = (frame["relevant"] == YES).to_numpy() & (man | woman)
    bonus = frame["bonus_pay"].fillna(0.0).to_numpy(dtype=float)
    paid = bonus > 0
    men_bonus, women_bonus = bonus[relevant & man & paid], bonus[relevant & woman & paid]
    withheld = min(len(men_hourly), len(women_hourly)) < THRESHOLD

    def gap(men: float, women: float) -> float | None:
        return None if withheld or not men else (men - women) / men * 100

    figures: dict[str, Any] = {
        "full_pay_relevant": {"men": len(men_hourly), "women": len(women_hourly)},
        "relevant": {"men": int((relevant & man).sum()), "women": int((relevant & woman).sum())},
        "mean_hourly": {"men": float(men_hourly.mean()), "women": float(women_hourly.mean())},
        "median_hourly": {"men": float(np.median(men_hourly)), "women": float(np.median(women_hourly))},
        "mean_bonus": {"men": float(men_bonus.mean()), "women": float(women_bonus.mean())},
        "median_bonus": {"men": float(np.median(men_bonus)), "women": float(np.median(women_bonus))},
        "paid_a_bonus": {
            "men": float(len(men_bonus) / max(1, (relevant & man).sum()) * 100),
            "women": float(len(women_bonus) / max(1, (relevant & woman).sum()) * 100),
        },
        "withheld": withheld,
    }
    for name in ("mean_hourly", "median_hourly", "mean_bonus", "median_bonus"):
        figures[name]["gap"] = gap(figures[name]["men"], figures[name]["women"])
    figures["quarters"] = pay_quarters(hourly[full_pay], sex[full_pay])
    return figures


def pay_quarters(hourly: np.ndarray, sex: np.ndarray) -> list[dict[str, Any]]:
    """Cut the ranked employees into four quarters (sizes differ by at most one); ties interleaved by sex."""
    frame = pd.DataFrame({"rate": hourly, "sex": sex})
    by_rate_and_sex = frame.groupby(["rate", "sex"], sort=False)
    place = (by_rate_and_sex.cumcount().to_numpy() + 0.5) / by_rate_and_sex["rate"].transform("size").to_numpy()
    order = np.lexsort((sex, place, hourly))
    count = len(hourly)
    quarter = np.empty(count, dtype=np.int64)
    quarter[order] = (np.arange(1, count + 1) * 4 - 1) // count
    rows = []
    for index, name in enumerate(("Lower", "Lower middle", "Upper middle", "Upper")):
        in_quarter = quarter == index
        men = int((in_quarter & (sex == "Male")).sum())
        women = int((in_quarter & (sex == "Female")).sum())
        size = men + women
        rows.append(
            {
                "quarter": name,
                "men": men,
                "women": women,
                "men_percent": men / size * 100 if size else None,
                "women_percent": women / size * 100 if size else None,
            }
        )
    return rows


def workforce_report(frame: pd.DataFrame) -> dict[str, Any]:
    tables = outcome_tables(frame)
    tested = [table for table in tables if table["p"] is not None]
    for table, adjusted in zip(tested, benjamini_hochberg([table["p"] for table in tested]), strict=True):
        table["p_adjusted"] = adjusted
    return {"rows": len(frame), "tables": tables, "pay_gap": pay_gap(frame)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", help="Parquet file from generate.py")
    parser.add_argument("--out", required=True, help="JSON file to write the results to")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    frame = read_workforce(args.data)
    read = time.perf_counter()
    report = workforce_report(frame)
    report["seconds"] = {"read": read - started, "report": time.perf_counter() - read}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(
        f"{len(report['tables'])} tables over {report['rows']:,} rows; read {report['seconds']['read']:.1f} s, "
        f"report {report['seconds']['report']:.1f} s -> {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
