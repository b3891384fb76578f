"""Properties that hold for any text: the parser never raises, keeps the text, never puts an end before a start,
round-trips through JSON, and reads generated "Month YYYY" / "By Month YYYY" / "Qn YYYY/YY" to the right dates."""

from __future__ import annotations

import calendar
import json
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from dueregard.timescales import Kind, ParseSettings, Timescale, parse_timescale

MONTH_SPELLINGS = [
    (month, spelling)
    for month in range(1, 13)
    for spelling in {calendar.month_name[month], calendar.month_abbr[month]} | ({"Sept"} if month == 9 else set())
]
WORDS = [
    "by", "end", "of", "the", "and", "ongoing", "on-going", "quarterly", "first", "quarter", "financial", "year",
    "from", "to", "until", "through", "phase", "summer", "early", "mid", "2008", "08", "2007/08", "2012-15", "–",
    "/", ".", "Q1", "Sep", "099", "As detailed within", "annual", "report", "completed", "within", "28", "days",
]  # fmt: skip

texts = st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join),
)
settings = st.builds(
    ParseSettings,
    quarter_convention=st.sampled_from(["financial", "calendar"]),
    financial_year_start_month=st.integers(1, 12),
    year_range_convention=st.sampled_from(["calendar", "financial"]),
    two_digit_year_window_start=st.integers(1900, 2050),
    reference_date=st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2090, 12, 31))),
)


def _every_result(result: Timescale) -> list[Timescale]:
    return [result, *(part for part in result.parts)]


@given(texts, settings)
def test_any_text_is_read_without_raising_and_the_text_is_kept(text: str, chosen: ParseSettings) -> None:
    result = parse_timescale(text, chosen)
    assert result.text == text
    for part in result.parts:
        assert part.span is not None
        assert text[part.span[0] : part.span[1]] == part.text
        assert not part.parts


@given(texts, settings)
def test_an_end_never_comes_before_its_start(text: str, chosen: ParseSettings) -> None:
    for result in _every_result(parse_timescale(text, chosen)):
        if result.start is not None and result.end is not None:
            assert result.start <= result.end
        if result.open_end:
            assert result.kind in (Kind.OPEN_ENDED, Kind.MULTIPLE)
        if result.kind is Kind.NOT_UNDERSTOOD:
            assert (result.start, result.end, result.recurrence) == (None, None, None)


@given(texts, settings)
def test_results_round_trip_through_json(text: str, chosen: ParseSettings) -> None:
    result = parse_timescale(text, chosen)
    assert Timescale.from_dict(json.loads(json.dumps(result.to_dict()))) == result


@given(st.sampled_from(MONTH_SPELLINGS), st.integers(1950, 2049), st.booleans())
def test_month_year_reads_as_that_whole_month(month_spelling: tuple[int, str], year: int, by: bool) -> None:
    month, spelling = month_spelling
    text = f"{'By ' if by else ''}{spelling} {year}"
    result = parse_timescale(text)
    last_day = date(year, month, calendar.monthrange(year, month)[1])
    assert result.end == last_day
    if by:
        assert (result.kind, result.start) == (Kind.DEADLINE, None)
    else:
        assert (result.kind, result.start) == (Kind.POINT, date(year, month, 1))


@given(st.sampled_from(MONTH_SPELLINGS), st.integers(0, 99))
def test_month_and_two_digit_year_reads_in_the_window(month_spelling: tuple[int, str], two_digits: int) -> None:
    month, spelling = month_spelling
    result = parse_timescale(f"{spelling} {two_digits:02d}")
    expected_year = 1900 + two_digits if two_digits >= 50 else 2000 + two_digits
    assert result.start == date(expected_year, month, 1)


@given(st.integers(1, 4), st.integers(1950, 2090), st.integers(1, 12))
def test_a_quarter_of_a_financial_year_reads_as_its_three_months(quarter: int, year: int, start_month: int) -> None:
    text = f"Q{quarter} {year}/{(year + 1) % 100:02d}"
    result = parse_timescale(text, ParseSettings(financial_year_start_month=start_month))
    first_month_index = year * 12 + start_month - 1 + 3 * (quarter - 1)
    start = date(first_month_index // 12, first_month_index % 12 + 1, 1)
    last_month_index = first_month_index + 2
    end_year, end_month = last_month_index // 12, last_month_index % 12 + 1
    assert (result.kind, result.start) == (Kind.POINT, start)
    assert result.end == date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


@given(
    st.sampled_from(
        ["By April 2013", "Dec 08 and ongoing", "Final review first quarter 2015", "Sept 07 Nov 07 Ongoing", "2012/16"]
    ),
    st.sampled_from([str.upper, str.lower, str.title, lambda s: s]),
    st.text(" \t\n", max_size=3),
    st.integers(1, 3),
)
def test_case_and_spacing_do_not_change_the_reading(text: str, recase: object, padding: str, gap: int) -> None:
    variant = padding + recase(text).replace(" ", " " * gap) + padding  # type: ignore[operator]

    def reading(result: Timescale) -> list[tuple[object, ...]]:
        return [
            (r.kind, r.start, r.end, r.precision, r.recurrence, r.open_end, r.confidence) for r in _every_result(result)
        ]

    assert reading(parse_timescale(variant)) == reading(parse_timescale(text))
