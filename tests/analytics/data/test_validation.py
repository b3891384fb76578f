"""Validation messages and declaration rates, with exact numbers, on both engines."""

from __future__ import annotations

from pathlib import Path

import ibis
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dueregard.analytics import translations
from dueregard.analytics.dataset import DatasetDescription, load_description, parse_description
from dueregard.analytics.i18n import language
from dueregard.analytics.inputs import read_frame, read_table
from dueregard.analytics.validation import LISTED, ValidationIssue, validate

ROOT = Path(__file__).parents[3]
FIXTURES = ROOT / "tests" / "analytics" / "fixtures"
DESCRIPTION = load_description(ROOT / "docs" / "examples" / "workforce.yaml")


@pytest.fixture(scope="module", autouse=True)
def _compiled() -> None:
    translations.compile_if_stale("cy")


@pytest.mark.parametrize("file_name", ["workforce.csv", "workforce.xlsx", "workforce.ods", "workforce.parquet"])
def test_fixture_problems_are_found_in_every_format(backend: ibis.BaseBackend, file_name: str) -> None:
    spark_file = backend.name == "pyspark" and file_name.endswith((".csv", ".parquet"))
    table = read_table(backend, FIXTURES / file_name, row_numbers=not spark_file)
    report = validate(table, DESCRIPTION)
    assert report.rows == 12
    assert not report.ok
    messages = [f"{issue.key}: {issue.problem}" for issue in report.issues]
    assert messages == [
        "characteristics.ethnicity.column: 'Whte Irish' is not a category of ethnicity-ew-2021 (1 row); "
        "did you mean 'White Irish'?",
        "characteristics.age.column: 1 value is not a number: 'thirty'",
        "pay.ordinary_pay: 1 value is negative: -10.0",
    ]
    expected_rows = [(), (), ()] if spark_file else [(8,), (10,), (9,)]
    assert [issue.rows for issue in report.issues] == expected_rows
    assert report.row_numbers is not spark_file


def test_declaration_rates_have_exact_counts(backend: ibis.BaseBackend) -> None:
    report = validate(read_table(backend, FIXTURES / "workforce.xlsx"), DESCRIPTION)
    rates = {
        rate.characteristic: (rate.total, rate.known, rate.unknown, rate.unmatched) for rate in report.declaration_rates
    }
    assert rates == {
        "sex": (12, 12, 0, 0),
        "ethnicity": (12, 9, 2, 1),  # "Prefer not to say" and a blank are unknown; "Whte Irish" is unmatched
        "disability": (12, 10, 2, 0),
        "age": (12, 11, 0, 1),  # "thirty"
    }
    assert report.declaration_rate("ethnicity").rate == pytest.approx(0.75)
    assert report.declaration_rate("disability").to_dict()["rate"] == pytest.approx(10 / 12)


def _description_for_checks() -> DatasetDescription:
    return parse_description(
        {
            "name": "recruitment",
            "unit": "applicant",
            "record_id": "id",
            "weight": "weight",
            "characteristics": {"sex": {"column": "sex", "classification": "sex"}},
            "outcomes": {
                "shortlisted": "shortlisted",
                "appointed": {"column": "appointed", "among": "shortlisted"},
                "training_days": {"column": "days", "kind": "count"},
            },
            "pay": {"ordinary_pay": "pay", "weekly_hours": "hours", "full_pay_relevant": "full_pay"},
        }
    )


def test_each_rule_names_key_rows_and_values(backend: ibis.BaseBackend) -> None:
    report = validate(read_frame(backend, _frame_with_every_problem(), row_numbers=True), _description_for_checks())
    found = {(issue.key, issue.problem, issue.rows) for issue in report.issues}
    assert found == {
        ("record_id", "1 row has no record id", (5,)),
        ("record_id", "1 record id appears more than once: 2", (2, 3)),
        ("characteristics.sex.column", "'X' is not a category of sex (1 row)", (5,)),
        ("outcomes.shortlisted.column", "values that are neither yes nor no (yes/y/no/n): 'maybe' (1 row)", (5,)),
        ("outcomes.appointed.among", "1 row has appointed but not shortlisted (shortlisted)", (2,)),
        ("outcomes.training_days.column", "1 value is not a number: 'lots'", (5,)),
        ("outcomes.training_days.column", "1 value is negative: -1", (3,)),
        ("pay.weekly_hours", "1 value is zero or negative: 0.0", (2,)),
        ("pay.full_pay_relevant", "values that are neither yes nor no (yes/y/no/n): 'on leave' (1 row)", (4,)),
        ("weight", "1 value is negative: -2.0", (3,)),
    }
    assert report.declaration_rate("sex").known == 4
    as_dict = report.to_dict()
    assert as_dict["ok"] is False
    assert as_dict["standardisation"]["sex"]["unmatched"][0] == {
        "value": "X",
        "count": 1,
        "status": "unmatched",
        "code": "unmatched",
        "suggestion": None,
    }


def test_missing_columns_are_named_and_not_checked_further(backend: ibis.BaseBackend) -> None:
    table = read_frame(backend, pa.table({"id": [1, 2], "sex": ["F", "M"]}))
    report = validate(table, _description_for_checks())
    assert [str(issue) for issue in report.issues] == [
        "error: weight: column 'weight' is not in the data",
        "error: outcomes.shortlisted.column: column 'shortlisted' is not in the data",
        "error: outcomes.appointed.column: column 'appointed' is not in the data",
        "error: outcomes.training_days.column: column 'days' is not in the data",
        "error: pay.ordinary_pay: column 'pay' is not in the data",
        "error: pay.weekly_hours: column 'hours' is not in the data",
        "error: pay.full_pay_relevant: column 'full_pay' is not in the data",
    ]
    assert report.declaration_rate("sex").rate == 1.0


def test_clean_data_passes(backend: ibis.BaseBackend) -> None:
    table = read_frame(backend, pa.table({"id": [1, 2], "sex": ["Female", "Prefer not to say"]}))
    description = parse_description(
        {
            "name": "x",
            "unit": "person",
            "record_id": "id",
            "characteristics": {"sex": {"column": "sex", "classification": "sex"}},
        }
    )
    report = validate(table, description)
    assert report.ok
    assert report.issues == ()
    assert report.declaration_rate("sex").to_dict() == {
        "characteristic": "sex",
        "column": "sex",
        "classification": "sex",
        "total": 2,
        "known": 1,
        "unknown": 1,
        "unmatched": 0,
        "rate": 0.5,
    }


def test_row_counts_of_the_checks_come_from_one_aggregate_query(
    backend: ibis.BaseBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The number checks, blank record ids, the "among" contradictions and the row total are counted in one
    query: no check falls back to a query of its own."""
    from dueregard.analytics import validation

    aggregates: list[int] = []
    single: list[object] = []
    count_together, counted = validation._Validator.count_together, validation._Validator.counted

    def counting_together(self: validation._Validator, conditions: list, *, with_total: bool = False) -> int | None:
        aggregates.append(len(conditions))
        return count_together(self, conditions, with_total=with_total)

    def counting(self: validation._Validator, condition: ibis.expr.types.BooleanValue) -> int:
        if self._known(condition) is None:
            single.append(condition)
        return counted(self, condition)

    monkeypatch.setattr(validation._Validator, "count_together", counting_together)
    monkeypatch.setattr(validation._Validator, "counted", counting)
    report = validate(read_frame(backend, _frame_with_every_problem(), row_numbers=True), _description_for_checks())
    # blank ids; days not numeric and negative; pay negative; hours not positive; weight negative; the one
    # contradiction (appointed but not shortlisted)
    assert aggregates == [7]
    assert single == []
    assert report.rows == 5


def test_an_outcome_nobody_has_is_counted_without_error(backend: ibis.BaseBackend) -> None:
    """Appointed among shortlisted where nobody was appointed or shortlisted: no contradiction, no error (the
    "nobody" condition is still a column the aggregate can count)."""
    frame = pa.table(
        {
            "id": [1, 2],
            "sex": ["F", "M"],
            "shortlisted": ["N", "N"],
            "appointed": ["N", "N"],
            "days": ["30", "30"],
            "pay": [100.0, 200.0],
            "hours": [37.5, 37.5],
            "full_pay": ["yes", "no"],
            "weight": [1.0, 1.0],
        }
    )
    report = validate(read_frame(backend, frame), _description_for_checks())
    assert report.rows == 2
    assert [issue.key for issue in report.issues if issue.key.startswith("outcomes")] == []


def _frame_with_every_problem() -> pa.Table:
    return pa.table(
        {
            "id": [1, 2, 2, 4, None],
            "sex": ["F", "M", "f", "Male", "X"],
            "shortlisted": ["Y", "N", "N", "Y", "maybe"],
            "appointed": ["N", "Y", "N", "Y", "N"],
            "days": ["1", "2", "-1", "0", "lots"],
            "pay": [100.0, 200.0, 300.0, 400.0, 500.0],
            "hours": [37.5, 0.0, 20.0, 37.5, 37.5],
            "full_pay": ["yes", "no", "YES", "on leave", "no"],
            "weight": [1.0, 1.0, -2.0, 1.0, 1.0],
        }
    )


def test_problems_are_in_welsh_under_language_cy(backend: ibis.BaseBackend) -> None:
    """The sentence is Welsh; the keys, columns, values, numbers and the severity code stay as they are."""
    table = read_frame(backend, _frame_with_every_problem(), row_numbers=True)
    with language("cy"):
        report = validate(table, _description_for_checks())
        shown = sorted(str(issue) for issue in report.issues)
    assert shown == sorted(
        [
            "gwall: record_id: nid oes id cofnod gan 1 rhes (rhes 5)",
            "gwall: record_id: mae 1 id cofnod yn ymddangos fwy nag unwaith: 2 (rhesi 2, 3)",
            "gwall: characteristics.sex.column: nid yw 'X' yn un o gategorïau sex (1 rhes) (rhes 5)",
            "gwall: outcomes.shortlisted.column: gwerthoedd nad ydynt yn ie nac yn na (yes/y/no/n): 'maybe' (1 rhes) "
            "(rhes 5)",
            "gwall: outcomes.appointed.among: mae gan 1 rhes appointed ond nid shortlisted (shortlisted) (rhes 2)",
            "gwall: outcomes.training_days.column: nid yw 1 gwerth yn rhif: 'lots' (rhes 5)",
            "gwall: outcomes.training_days.column: mae 1 gwerth yn negatif: -1 (rhes 3)",
            "gwall: pay.weekly_hours: mae 1 gwerth yn sero neu'n negatif: 0.0 (rhes 2)",
            "gwall: pay.full_pay_relevant: gwerthoedd nad ydynt yn ie nac yn na (yes/y/no/n): 'on leave' (1 rhes) "
            "(rhes 4)",
            "gwall: weight: mae 1 gwerth yn negatif: -2.0 (rhes 3)",
        ]
    )
    assert {issue.severity for issue in report.issues} == {"error"}  # the code stays English
    assert report.to_dict()["issues"][0]["severity"] == "error"
    # Made in English by default, whatever was made before.
    english = validate(table, _description_for_checks())
    assert "error: record_id: 1 row has no record id (row 5)" in [str(issue) for issue in english.issues]


def test_welsh_counts_take_the_welsh_plural_forms(backend: ibis.BaseBackend) -> None:
    table = read_frame(
        backend,
        pa.table({"id": [1, 2, 3, 4, 5, 6, 7], "sex": ["X", "X", "Y", "Y", "Y", "Female", "Male"]}),
        row_numbers=True,
    )
    description = parse_description(
        {
            "name": "x",
            "unit": "person",
            "record_id": "id",
            "characteristics": {"sex": {"column": "sex", "classification": "sex"}},
            "weight": "weight",
        }
    )
    with language("cy"):
        issues = [str(issue) for issue in validate(table, description).issues]
    assert issues == [
        "gwall: weight: nid yw'r golofn 'weight' yn y data",
        "gwall: characteristics.sex.column: nid yw 'X' yn un o gategorïau sex (2 res) (rhesi 1, 2)",
        "gwall: characteristics.sex.column: nid yw 'Y' yn un o gategorïau sex (3 rhes) (rhesi 3, 4, 5)",
    ]
    assert [str(issue) for issue in validate(table, description).issues] == [
        "error: weight: column 'weight' is not in the data",
        "error: characteristics.sex.column: 'X' is not a category of sex (2 rows) (rows 1, 2)",
        "error: characteristics.sex.column: 'Y' is not a category of sex (3 rows) (rows 3, 4, 5)",
    ]


def test_an_ambiguous_value_names_its_candidates_in_welsh(backend: ibis.BaseBackend) -> None:
    table = read_frame(backend, pa.table({"id": [1], "ethnicity": ["Other"]}))
    description = parse_description(
        {
            "name": "x",
            "unit": "person",
            "characteristics": {"ethnicity": {"column": "ethnicity", "classification": "ethnicity-ew-2001"}},
        }
    )
    report = validate(table, description)
    english = [issue.problem for issue in report.issues]
    with language("cy"):
        welsh = [issue.problem for issue in validate(table, description).issues]
    # The same candidates as the standardisation report's suggestion (which stays English: it is data for programs).
    suggestion = report.standardisation["ethnicity"].unmatched[0].suggestion
    assert english == [f"'Other' is not a category of ethnicity-ew-2001 (1 row); {suggestion}"]
    # The labels are data ("Chinese or other" is one group's label); only the "or" between them is translated.
    assert english == [
        "'Other' is not a category of ethnicity-ew-2001 (1 row); ambiguous: could be Asian Other or Black Other or "
        "Mixed Other or Chinese or other Other or White Other (name the group, e.g. 'White Other')"
    ]
    assert welsh == [
        "nid yw 'Other' yn un o gategorïau ethnicity-ew-2001 (1 rhes); amwys: gallai fod yn Asian Other neu Black "
        "Other neu Mixed Other neu Chinese or other Other neu White Other (enwch y grŵp, e.e. 'White Other')"
    ]


@given(
    rows=st.lists(st.integers(min_value=1, max_value=10_000), min_size=1, max_size=LISTED, unique=True).map(sorted),
    more=st.integers(min_value=0, max_value=1_000),
)
def test_the_rows_of_an_issue_are_one_row_or_rows_in_both_languages(rows: list[int], more: int) -> None:
    issue = ValidationIssue(
        severity="error", key="record_id", column="id", problem="x", count=len(rows) + more, rows=tuple(rows)
    )
    listed = ", ".join(map(str, rows)) + ("..." if more else "")
    one = len(rows) == 1 and not more
    assert str(issue) == f"error: record_id: x ({'row' if one else 'rows'} {listed})"
    with language("cy"):
        assert str(issue) == f"gwall: record_id: x ({'rhes' if one else 'rhesi'} {listed})"
        assert issue.severity_label == "gwall"
    assert issue.severity_label == "error"
