"""Check that dueregard's workforce report and the pandas + SciPy baseline give the same numbers.

    .venv/bin/python benchmarks/workforce/compare.py benchmarks/out/dueregard-1M/report.json \
        benchmarks/out/baseline-1M.json

The two label groups differently (dueregard uses the classification's labels, the script the raw values), so
tables are matched by their numbers: a baseline table (one characteristic x one outcome) matches the dueregard
table whose rows hold the same (people, with the outcome) counts for every group both publish. For a matched
table it checks each group's rate, the relative likelihood where both use the same reference group, and the
p-value of the test of the whole table where both give one. For the gender pay gap it checks the six figures
and the quarters. Figures agree when they differ by at most 1e-9 (relative), p-values to the three significant
figures dueregard prints.

Prints what matched, what differed and which baseline tables have no counterpart (e.g. a grouping the preset
does not report); exit status 1 if any matched figure differs.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

TOLERANCE: Final = 1e-9
P_VALUE = re.compile(r"\bp\s*([=<])\s*([0-9.eE+-]+)")
PAY_ROWS: Final = {
    "mean_hourly": "mean hourly",
    "median_hourly": "median hourly",
    "mean_bonus": "mean bonus",
    "median_bonus": "median bonus",
}


@dataclass
class Comparison:
    tables_matched: int = 0
    figures_checked: int = 0
    differences: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)

    @property
    def agrees(self) -> bool:
        return not self.differences

    def summary(self) -> str:
        if self.differences:
            return f"DIFFERS from pandas in {len(self.differences)} figure(s), e.g. {self.differences[0]}"
        text = f"agrees with pandas: {self.tables_matched} tables, {self.figures_checked:,} figures"
        if self.unmatched:
            text += f"; {len(self.unmatched)} baseline table(s) not in the report"
        return text


def _close(a: float | None, b: float | None, tolerance: float = TOLERANCE) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=tolerance, abs_tol=tolerance)


def _tables(report: dict[str, Any]) -> Iterable[dict[str, Any]]:
    for section in report["sections"]:
        yield from section["tables"]


def _count_columns(table: dict[str, Any]) -> tuple[int, int] | None:
    ids = [column["id"] for column in table["columns"]]
    if "n" in ids and "k" in ids:
        return ids.index("n"), ids.index("k")
    counts = [index for index, column in enumerate(table["columns"]) if column["kind"] == "count"]
    return (counts[0], counts[1]) if len(counts) >= 2 else None


def _column(table: dict[str, Any], *kinds: str, ids: Sequence[str] = ()) -> int | None:
    for index, column in enumerate(table["columns"]):
        if column["id"] in ids:
            return index
    for index, column in enumerate(table["columns"]):
        if column["kind"] in kinds:
            return index
    return None


@dataclass
class _Row:
    n: int
    k: int
    rate: float | None
    ratio: float | None
    reference: bool


def _dueregard_rows(table: dict[str, Any]) -> dict[tuple[int, int], _Row] | None:
    positions = _count_columns(table)
    if positions is None:
        return None
    rate_at = _column(table, "rate", ids=("rate",))
    ratio_at = _column(table, ids=("relative_likelihood",))
    rows: dict[tuple[int, int], _Row] = {}
    for row in table["rows"]:
        n, k = (row[positions[0]].get("value"), row[positions[1]].get("value"))
        if not isinstance(n, int) or not isinstance(k, int) or row[positions[0]].get("symbol"):
            continue
        rate = row[rate_at].get("value") if rate_at is not None and not row[rate_at].get("symbol") else None
        ratio_cell = row[ratio_at] if ratio_at is not None else {}
        reference = "(reference)" in ratio_cell.get("display", "")
        ratio = None if ratio_cell.get("symbol") or reference else ratio_cell.get("value")
        rows[(n, k)] = _Row(n, k, rate, ratio, reference)
    return rows


def _p_value(texts: Iterable[str]) -> tuple[str, float] | None:
    """("=", p) for "p = 0.0123", ("<", bound) for "p < 1e-300" (a p-value too small for a double)."""
    for text in texts:
        found = P_VALUE.search(text)
        if found:
            try:
                return found.group(1), float(found.group(2).rstrip("."))
            except ValueError:
                continue
    return None


def compare_outcomes(report: dict[str, Any], baseline: dict[str, Any], result: Comparison) -> None:
    candidates = [(table, rows) for table in _tables(report) if (rows := _dueregard_rows(table))]
    for base in baseline["tables"]:
        name = f"{base['characteristic']} x {base['outcome']}"
        published = {(g["n"], g["k"]): g for g in base["groups"] if g["n"] is not None and g["k"] is not None}
        if len(published) < 2:
            result.unmatched.append(f"{name} (fewer than two groups published)")
            continue
        match = next(
            (
                (table, rows)
                for table, rows in candidates
                if set(published) <= set(rows) and len(rows) == len(base["groups"])
            ),
            None,
        )
        if match is None:
            result.unmatched.append(name)
            continue
        table, rows = match
        result.tables_matched += 1
        same_reference = any(rows[key].reference and group["reference"] for key, group in published.items())
        for key, group in published.items():
            ours = rows[key]
            result.figures_checked += 2
            if not _close(ours.rate, group["rate"]):
                result.differences.append(f"{name}, {group['group']}: rate {ours.rate} vs {group['rate']}")
            if same_reference and not group["reference"]:
                result.figures_checked += 1
                if not _close(ours.ratio, group["ratio"]):
                    result.differences.append(f"{name}, {group['group']}: ratio {ours.ratio} vs {group['ratio']}")
        stated = _p_value(table["notes"].get("tests", ()))
        if stated is not None and base.get("p") is not None:
            result.figures_checked += 1
            sign, ours_p = stated
            agree = base["p"] < ours_p if sign == "<" else _close(ours_p, float(f"{base['p']:.3g}"), 1e-2)
            if not agree:
                result.differences.append(f"{name}: p {sign} {ours_p} vs {base['p']:.3g} ({base.get('test')})")


def _find_row(report: dict[str, Any], words: str) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    for table in _tables(report):
        for row in table["rows"]:
            if words in str(row[0].get("value", "")).lower():
                return table, row
    return None


def compare_pay(report: dict[str, Any], baseline: dict[str, Any], result: Comparison) -> None:
    pay = baseline["pay_gap"]
    if pay.get("withheld"):
        return
    for key, words in PAY_ROWS.items():
        found = _find_row(report, words)
        if found is None:
            result.unmatched.append(f"pay gap: {words}")
            continue
        table, row = found
        at = _column(table, "percent", ids=("gap",))
        ours = row[at].get("value") if at is not None else None
        result.figures_checked += 1
        if not _close(ours, pay[key]["gap"]):
            result.differences.append(f"pay gap {words}: {ours} vs {pay[key]['gap']}")
    for sex, words in (("men", "men"), ("women", "women")):
        found = next(
            (
                (table, row)
                for table in _tables(report)
                if "proportion" in [column["id"] for column in table["columns"]]
                for row in table["rows"]
                if str(row[0].get("value", "")).lower() == words
            ),
            None,
        )
        if found is None:
            result.unmatched.append(f"pay gap: proportion of {words} paid a bonus")
            continue
        table, row = found
        ours = row[[column["id"] for column in table["columns"]].index("proportion")].get("value")
        result.figures_checked += 1
        if not _close(ours, pay["paid_a_bonus"][sex]):
            result.differences.append(f"proportion of {words} paid a bonus: {ours} vs {pay['paid_a_bonus'][sex]}")
    quarters = {row["quarter"].lower(): row for row in pay["quarters"]}
    for table in _tables(report):
        labels = [str(row[0].get("value", "")).lower() for row in table["rows"]]
        if set(labels) != set(quarters):
            continue
        ids = [column["id"] for column in table["columns"]]
        if "reference_n" not in ids or "comparison_n" not in ids:
            continue
        result.tables_matched += 1
        for row, name in zip(table["rows"], labels, strict=True):
            men, women = row[ids.index("reference_n")].get("value"), row[ids.index("comparison_n")].get("value")
            result.figures_checked += 2
            if (men, women) != (quarters[name]["men"], quarters[name]["women"]):
                result.differences.append(
                    f"pay quarter {name}: men/women {men}/{women} vs {quarters[name]['men']}/{quarters[name]['women']}"
                )
        break
    else:
        result.unmatched.append("pay quarters")


def compare(report_path: Path, baseline_path: Path) -> Comparison:
    report = json.loads(report_path.read_text(encoding="utf-8"))
    baseline = json.loads(baseline_path.read_text(encoding="utf-8"))
    result = Comparison()
    if report["records"] != baseline["rows"]:
        result.differences.append(f"records {report['records']} vs {baseline['rows']}")
    compare_outcomes(report, baseline, result)
    compare_pay(report, baseline, result)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", type=Path, help="report.json written by dueregard analyse")
    parser.add_argument("baseline", type=Path, help="JSON written by baseline_pandas.py")
    args = parser.parse_args(argv)
    result = compare(args.report, args.baseline)
    for line in result.differences:
        print(f"differs: {line}")
    for line in result.unmatched:
        print(f"not in the report: {line}")
    print(result.summary())
    return 0 if result.agrees else 1


if __name__ == "__main__":
    sys.exit(main())
