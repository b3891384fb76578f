"""Reports built by hand for the writer tests: a disparity table as computed, the same table under a disclosure
policy (withheld counts, the legend), a table whose labels a spreadsheet would run as formulas, and a table with
a note on one figure."""

from __future__ import annotations

from dueregard.analytics.disclosure import DisclosurePolicy, apply_policy
from dueregard.analytics.report import Report, ReportSection
from dueregard.analytics.results import Cell, Column, ResultTable, TableNotes, label
from dueregard.analytics.stats.disparity_table import disparity_table

FORMULA_LABEL = '=HYPERLINK("http://x.example","click")'


def appointed_table() -> ResultTable:
    return disparity_table(
        title="Appointed among shortlisted, by ethnic group",
        counts={"White": (400, 120), "Asian": (150, 30), "Black": (60, 9), "Mixed": (7, 2)},
        reference="White",
        unknown=(30, 6),
        group_label="Ethnic group",
    )


def published_table() -> ResultTable:
    return apply_policy(appointed_table(), policy=DisclosurePolicy(threshold=10))


def formula_table() -> ResultTable:
    return ResultTable(
        title="Leavers by reason",
        columns=(Column("reason", "Reason", "label"), Column("n", "Leavers", "count"), Column("why", "Said", "text")),
        rows=(
            (label(FORMULA_LABEL), Cell(12, "12"), Cell("+44 1234", "+44 1234")),
            (label("@SUM(A1:A2)"), Cell(15, "15"), Cell("-moved away", "-moved away")),
            (label("Retired"), Cell(-4, "-4", note="Corrected after the audit."), Cell("plain", "plain")),
        ),
        notes=TableNotes(unknown_count=3, unknowns_used=False, warnings=("A small table.",)),
    )


def sample_report() -> Report:
    return Report(
        preset="sample",
        title="Workforce report 2024",
        dataset="workforce-2024",
        records=647,
        sections=(
            ReportSection(
                heading="Recruitment",
                notes=("Rates are appointments among the people shortlisted.",),
                tables=(appointed_table(), published_table()),
            ),
            ReportSection(heading="Leavers", tables=(formula_table(),)),
        ),
        notes=("People whose ethnic group is not known are counted apart.",),
        warnings=("Fewer than 150 employees: a test warning.",),
    )
