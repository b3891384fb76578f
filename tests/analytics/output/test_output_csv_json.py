"""CSV (one file per table, formula-escaped) and JSON (Report.to_dict, round-trips) writers."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from output_samples import FORMULA_LABEL, sample_report

from dueregard.analytics.output import report_json, write_csv_tables, write_json
from dueregard.analytics.report import Report


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_one_csv_per_table_named_by_position_and_title(tmp_path: Path) -> None:
    written = write_csv_tables(sample_report(), tmp_path / "csv")
    assert [path.name for path in written] == [
        "01-appointed-among-shortlisted-by-ethnic-group.csv",
        "02-appointed-among-shortlisted-by-ethnic-group.csv",
        "03-leavers-by-reason.csv",
    ]


def test_csv_has_the_figures_as_shown_with_interval_columns(tmp_path: Path) -> None:
    first = _read(write_csv_tables(sample_report(), tmp_path)[0])
    assert first[0] == [
        "Ethnic group",
        "People",
        "With the outcome",
        "Rate",
        "Rate (lower)",
        "Rate (upper)",
        "Relative likelihood (vs White)",
        "Relative likelihood (vs White) (lower)",
        "Relative likelihood (vs White) (upper)",
        "Impact ratio",
    ]
    white = first[4]
    assert white[:4] == ["White", "400", "120", "30.0%"]
    assert float(white[4]) == 0.25716767195619705
    assert white[6] == "1.00 (reference)"


def test_csv_of_a_published_table_shows_symbols_and_no_bounds_for_withheld_figures(tmp_path: Path) -> None:
    published = _read(write_csv_tables(sample_report(), tmp_path)[1])
    mixed = published[3]
    assert mixed[0] == "Mixed"
    assert mixed[1:4] == ["!", "!", "!"]
    assert mixed[4:6] == ["", ""]  # the interval would give the withheld rate back


def test_csv_escapes_text_a_spreadsheet_would_run_but_keeps_negative_numbers(tmp_path: Path) -> None:
    rows = _read(write_csv_tables(sample_report(), tmp_path)[2])
    assert rows[1][0] == "'" + FORMULA_LABEL
    assert rows[1][2] == "'+44 1234"
    assert rows[2][0] == "'@SUM(A1:A2)"
    assert rows[2][2] == "'-moved away"
    assert rows[3][1] == "-4"


def test_csv_starts_with_a_byte_order_mark_for_spreadsheets(tmp_path: Path) -> None:
    path = write_csv_tables(sample_report(), tmp_path)[0]
    assert path.read_bytes().startswith(b"\xef\xbb\xbfEthnic group,")


def test_json_round_trips_to_the_same_report(tmp_path: Path) -> None:
    report = sample_report()
    write_json(report, tmp_path / "report.json")
    loaded = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert Report.from_dict(loaded) == report
    assert loaded["records"] == 647
    assert loaded["sections"][0]["tables"][1]["notes"]["legend"] == [
        {"symbol": "!", "meaning": "withheld to protect confidentiality"}
    ]


def test_json_is_strict_even_with_an_infinite_bound() -> None:
    report = sample_report()
    table = report.sections[1].tables[0]
    from dataclasses import replace

    from dueregard.analytics.report import ReportSection
    from dueregard.analytics.results import Cell

    row = (table.rows[0][0], Cell(12, "12", low=0.5, high=float("inf")), table.rows[0][2])
    changed = replace(report, sections=(ReportSection("Leavers", (replace(table, rows=(row,)),)),))
    text = report_json(changed)
    assert "Infinity" not in text
    assert json.loads(text)["sections"][0]["tables"][0]["rows"][0][1]["high"] is None
