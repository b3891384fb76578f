"""Every seed phrasing is read into its exact structure (see timescale_seed_cases.py), plus the S0 acceptance checks
and the readings that depend on an organisation's settings."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from timescale_seed_cases import SEED_CASES, Expected

from dueregard.timescales import Kind, ParseSettings, Timescale, parse_timescale

EMPTY: Expected = {
    "start": None,
    "end": None,
    "precision": None,
    "open_end": False,
    "recurrence": None,
    "label": None,
    "reference": None,
    "phase": None,
    "status": None,
    "confidence": "high",
    "duration": None,
    "relation": None,
}


def _observed(result: Timescale) -> dict[str, Any]:
    return {
        "kind": result.kind.value,
        "start": None if result.start is None else result.start.isoformat(),
        "end": None if result.end is None else result.end.isoformat(),
        "precision": None if result.precision is None else result.precision.value,
        "open_end": result.open_end,
        "recurrence": None if result.recurrence is None else result.recurrence.label,
        "label": result.label,
        "reference": result.reference,
        "phase": result.phase,
        "status": None if result.status is None else result.status.value,
        "confidence": result.confidence.value,
        "duration": None if result.duration is None else f"{result.duration.amount} {result.duration.unit.value}",
        "relation": None if result.relation is None else result.relation.value,
    }


@pytest.mark.parametrize(("text", "expected", "parts"), SEED_CASES, ids=[case[0][:60] for case in SEED_CASES])
def test_every_seed_phrasing_is_read_into_its_structure(
    text: str, expected: Expected, parts: list[tuple[str, Expected]]
) -> None:
    result = parse_timescale(text)
    assert result.text == text
    assert _observed(result) == EMPTY | expected
    assert [(part.text, _observed(part)) for part in result.parts] == [
        (part_text, EMPTY | part_expected) for part_text, part_expected in parts
    ]
    for part in result.parts:
        assert part.span is not None
        assert text[part.span[0] : part.span[1]] == part.text


def test_the_seed_table_covers_every_kind_the_seeds_need() -> None:
    kinds = {case[1]["kind"] for case in SEED_CASES} | {p[1]["kind"] for case in SEED_CASES for p in case[2]}
    assert kinds >= {kind.value for kind in Kind}


# --- S0 acceptance checks (F-S0-01) ----------------------------------------------------------------------------


def test_by_april_2013_is_due_on_or_before_the_end_of_april() -> None:
    result = parse_timescale("By April 2013")
    assert result.kind is Kind.DEADLINE
    assert result.end == date(2013, 4, 30)
    assert result.start is None


def test_by_april_2013_with_a_full_stop_reads_the_same() -> None:
    assert parse_timescale("By April 2013.").to_dict() | {"text": ""} == parse_timescale("By April 2013").to_dict() | {
        "text": ""
    }


def test_april_2014_is_the_month() -> None:
    result = parse_timescale("April 2014")
    assert (result.kind, result.start, result.end, result.precision.value if result.precision else None) == (
        Kind.POINT,
        date(2014, 4, 1),
        date(2014, 4, 30),
        "month",
    )


def test_quarterly_is_recurring_every_three_months_with_no_date() -> None:
    result = parse_timescale("Quarterly")
    assert result.kind is Kind.RECURRING
    assert result.recurrence is not None
    assert (result.recurrence.frequency.value, result.recurrence.interval) == ("monthly", 3)
    assert result.start is None
    assert result.end is None


def test_on_going_is_open_ended() -> None:
    result = parse_timescale("On-going")
    assert result.kind is Kind.OPEN_ENDED
    assert result.open_end is True
    assert result.end is None


def test_as_detailed_within_the_action_plan_is_a_reference_with_no_date() -> None:
    result = parse_timescale("As detailed within the Action Plan")
    assert result.kind is Kind.REFERENCE
    assert result.reference == "the Action Plan"
    assert result.start is None
    assert result.end is None


def test_final_review_first_quarter_2015_follows_the_quarter_setting_and_says_so() -> None:
    financial = parse_timescale("Final review first quarter 2015", ParseSettings(quarter_convention="financial"))
    calendar = parse_timescale("Final review first quarter 2015", ParseSettings(quarter_convention="calendar"))
    assert (financial.start, financial.end) == (date(2015, 4, 1), date(2015, 6, 30))
    assert (calendar.start, calendar.end) == (date(2015, 1, 1), date(2015, 3, 31))
    assert financial.label == calendar.label == "Final review"
    assert [use.setting for use in financial.settings_used] == ["quarter_convention", "financial_year_start_month"]
    assert [(use.setting, use.value) for use in calendar.settings_used] == [("quarter_convention", "calendar")]
    assert "financial year" in financial.settings_used[0].reading


# --- settings -------------------------------------------------------------------------------------------------


def test_a_quarter_of_a_named_financial_year_ignores_the_quarter_setting() -> None:
    for convention in ("financial", "calendar"):
        result = parse_timescale("first quarter of 2008-09", ParseSettings(quarter_convention=convention))  # type: ignore[arg-type]
        assert (result.start, result.end) == (date(2008, 4, 1), date(2008, 6, 30))
        assert "quarter_convention" not in [use.setting for use in result.settings_used]


def test_dash_year_pairs_follow_the_year_range_setting() -> None:
    calendar = parse_timescale("2012-15")
    financial = parse_timescale("2012-15", ParseSettings(year_range_convention="financial"))
    assert (calendar.kind, calendar.start, calendar.end) == (Kind.RANGE, date(2012, 1, 1), date(2015, 12, 31))
    assert (financial.kind, financial.start, financial.end) == (Kind.RANGE, date(2012, 4, 1), date(2015, 3, 31))
    assert ("year_range_convention", "financial") in [(u.setting, u.value) for u in financial.settings_used]
    one_year = parse_timescale("2007-08", ParseSettings(year_range_convention="financial"))
    assert (one_year.kind, one_year.start, one_year.end) == (Kind.POINT, date(2007, 4, 1), date(2008, 3, 31))


def test_the_2012_15_action_plan_reads_as_the_s0_fiscal_assumption_when_set() -> None:
    text = (
        "As detailed within the 2012-15 Action Plan. The Action plan will be reviewed annually to measure "
        "progress on delivery of the actions."
    )
    result = parse_timescale(text, ParseSettings(year_range_convention="financial"))
    assert result.kind is Kind.REFERENCE
    assert (result.start, result.end) == (date(2012, 4, 1), date(2015, 3, 31))
    assert result.recurrence is not None
    assert result.recurrence.label == "annually"


def test_the_financial_year_start_month_moves_financial_years() -> None:
    result = parse_timescale("By the end of the 2007/08 financial year", ParseSettings(financial_year_start_month=7))
    assert result.end == date(2008, 6, 30)
    assert ("financial_year_start_month", "7") in [(u.setting, u.value) for u in result.settings_used]


def test_two_digit_years_follow_the_window_setting() -> None:
    assert parse_timescale("Dec 99").start == date(1999, 12, 1)
    assert parse_timescale("Dec 99", ParseSettings(two_digit_year_window_start=2000)).start == date(2099, 12, 1)
    assert parse_timescale("Sept 07").settings_used[0].setting == "two_digit_year_window_start"


def test_relative_phrasings_are_resolved_only_against_a_given_reference_date() -> None:
    kept = parse_timescale("over the next 6 months")
    assert (kept.kind, kept.start, kept.end) == (Kind.RELATIVE, None, None)
    resolved = parse_timescale("over the next 6 months", ParseSettings(reference_date=date(2026, 11, 23)))
    assert (resolved.start, resolved.end) == (date(2026, 11, 23), date(2027, 5, 22))
    past = parse_timescale("within the previous 12 months", ParseSettings(reference_date=date(2026, 3, 31)))
    assert (past.start, past.end) == (date(2025, 4, 1), date(2026, 3, 31))


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"quarter_convention": "fiscal"}, "quarter_convention"),
        ({"year_range_convention": "fiscal"}, "year_range_convention"),
        ({"financial_year_start_month": 13}, "financial_year_start_month"),
        ({"two_digit_year_window_start": 50}, "two_digit_year_window_start"),
    ],
)
def test_bad_settings_are_refused_with_the_setting_named(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ParseSettings(**overrides)


# --- not understood -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "Since birthday list 08", "the 2007 CSR years", "as soon as possible"])
def test_text_with_nothing_to_read_is_not_understood_and_kept(text: str) -> None:
    result = parse_timescale(text)
    assert result.kind is Kind.NOT_UNDERSTOOD
    assert result.text == text
    assert (result.start, result.end, result.recurrence) == (None, None, None)
    assert result.understood is False
    assert result.needs_review is True
    assert result.notes


def test_a_cell_with_one_unreadable_item_keeps_the_readable_ones_and_is_flagged() -> None:
    result = parse_timescale("1. The call for proposals for the centre is currently out. 2. By May 2008")
    assert result.kind is Kind.MULTIPLE
    assert [part.kind for part in result.parts] == [Kind.NOT_UNDERSTOOD, Kind.DEADLINE]
    assert result.parts[0].text == "The call for proposals for the centre is currently out"
    assert result.understood is False


def test_a_repaired_slip_is_read_but_needs_review() -> None:
    result = parse_timescale("Sep 099")
    assert result.understood is True
    assert result.needs_review is True
    assert result.start == date(2009, 9, 1)
