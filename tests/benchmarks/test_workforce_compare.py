"""compare.py, which checks dueregard's workforce report against the pandas baseline: a report holding the
baseline's own numbers agrees; a rate, a ratio or a pay figure changed is found; a grouping the report does not
have is listed as missing, not counted as a difference."""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dueregard.analytics.report import Report, ReportSection
from dueregard.analytics.results import Cell, Column, ResultTable, TableNotes, label
from dueregard.analytics.stats.disparity_table import disparity_table

HERE = Path(__file__).resolve().parents[2] / "benchmarks" / "workforce"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"workforce_benchmark_{name}", HERE / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


generate = load("generate")
baseline = load("baseline_pandas")
compare = load("compare")


@pytest.fixture(scope="module")
def baseline_result(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = generate.generate(20_000, tmp_path_factory.mktemp("workforce") / "w.parquet", chunk_rows=20_000)
    return json.loads(json.dumps(baseline.workforce_report(baseline.read_workforce(path))))


def _report(result: dict[str, Any], *, skip: str = "") -> Report:
    """The baseline's numbers as dueregard tables: the same counts through disparity_table (other labels)."""
    tables = []
    for base in result["tables"]:
        if base["characteristic"] == skip:
            continue
        counts = {
            f"Group {g['group']}": (g["n"], g["k"]) for g in base["groups"] if g["n"] is not None and g["k"] is not None
        }
        reference = f"Group {base['reference']}"
        if len(counts) != len(base["groups"]) or reference not in counts:
            continue
        tables.append(
            disparity_table(title=f"{base['outcome']} by {base['characteristic']}", counts=counts, reference=reference)
        )
    pay = result["pay_gap"]
    rows = tuple(
        (label(name), Cell(pay[key]["gap"], f"{pay[key]['gap']:.1f}%"))
        for key, name in (
            ("mean_hourly", "Mean hourly pay gap"),
            ("median_hourly", "Median hourly pay gap"),
            ("mean_bonus", "Mean bonus gap"),
            ("median_bonus", "Median bonus gap"),
        )
    )
    notes = TableNotes(unknown_count=0, unknowns_used=False)
    gaps = ResultTable(
        "Pay gaps", (Column("measure", "Measure", "label"), Column("gap", "Gap", "percent")), rows, notes
    )
    bonus = ResultTable(
        "Paid a bonus",
        (Column("group", "Group", "label"), Column("proportion", "Paid a bonus", "percent")),
        (
            (label("Men"), Cell(pay["paid_a_bonus"]["men"], "")),
            (label("Women"), Cell(pay["paid_a_bonus"]["women"], "")),
        ),
        notes,
    )
    quarters = ResultTable(
        "Quarters",
        (
            Column("quarter", "Quarter", "label"),
            Column("reference_n", "Men", "count"),
            Column("comparison_n", "Women", "count"),
        ),
        tuple((label(q["quarter"]), Cell(q["men"], ""), Cell(q["women"], "")) for q in pay["quarters"]),
        notes,
    )
    sections = (ReportSection("Outcomes", tuple(tables)), ReportSection("Pay", (gaps, bonus, quarters)))
    return Report("workforce", "Workforce", "w", result["rows"], sections)


def _write(tmp_path: Path, report: Report, result: dict[str, Any]) -> tuple[Path, Path]:
    (tmp_path / "report.json").write_text(json.dumps(report.to_dict()), encoding="utf-8")
    (tmp_path / "baseline.json").write_text(json.dumps(result), encoding="utf-8")
    return tmp_path / "report.json", tmp_path / "baseline.json"


def test_the_same_numbers_agree(tmp_path: Path, baseline_result: dict[str, Any]) -> None:
    outcome = compare.compare(*_write(tmp_path, _report(baseline_result), baseline_result))
    assert outcome.differences == []
    assert outcome.tables_matched >= 30
    assert outcome.summary().startswith("agrees with pandas:")


def test_a_changed_rate_and_pay_figure_are_found(tmp_path: Path, baseline_result: dict[str, Any]) -> None:
    report = _report(baseline_result)
    first = report.sections[0].tables[0]
    row = first.rows[0]
    changed_rate = replace(row[3], value=row[3].value + 0.001)  # type: ignore[operator]
    first = replace(first, rows=((*row[:3], changed_rate, *row[4:]), *first.rows[1:]))
    gaps = report.sections[1].tables[0]
    gaps = replace(gaps, rows=((gaps.rows[0][0], Cell(1.0, "1.0%")), *gaps.rows[1:]))
    changed = replace(
        report,
        sections=(
            ReportSection("Outcomes", (first, *report.sections[0].tables[1:])),
            ReportSection("Pay", (gaps, *report.sections[1].tables[1:])),
        ),
    )
    outcome = compare.compare(*_write(tmp_path, changed, baseline_result))
    assert len(outcome.differences) == 2
    assert ": rate " in outcome.differences[0]
    assert outcome.differences[1].startswith("pay gap mean hourly: 1.0 vs ")
    assert outcome.summary().startswith("DIFFERS from pandas in 2 figure(s)")


def test_a_grouping_the_report_lacks_is_listed_not_a_difference(
    tmp_path: Path, baseline_result: dict[str, Any]
) -> None:
    outcome = compare.compare(*_write(tmp_path, _report(baseline_result, skip="religion"), baseline_result))
    assert outcome.differences == []
    assert [name for name in outcome.unmatched if name.startswith("religion")] == [
        f"religion x {o}" for o in ("applied", "shortlisted", "appointed", "disciplinary", "training", "leaver")
    ]


def test_a_p_value_below_the_smallest_double_is_a_bound() -> None:
    """'p < 1e-300' (a p-value that underflowed) agrees with any baseline p below the bound; 'p = ...' is a value."""
    assert compare._p_value(["Pearson χ²: statistic 16690.571, p < 1e-300. Every expected count..."]) == ("<", 1e-300)
    assert compare._p_value(["Fisher's exact test: p = 0.0123."]) == ("=", 0.0123)
    assert compare._p_value(["no test"]) is None
