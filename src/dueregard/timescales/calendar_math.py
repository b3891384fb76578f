"""Whole-period date arithmetic: months, quarters, seasons, thirds of a year and financial years."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clipped to the month's last day (31 January + 1 month = 28/29 February)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def months_span(year: int, month: int, count: int) -> tuple[date, date]:
    """The ``count`` whole months starting with ``month`` of ``year`` (may run into the next year)."""
    start = date(year, month, 1)
    return start, add_months(start, count) - timedelta(days=1)


def financial_years(first_start_year: int, end_year: int, start_month: int) -> tuple[date, date]:
    """Financial years from the one starting in ``first_start_year`` to the one ending in ``end_year``.

    "2007/08" is (2007, 2008) and "2012/16" is (2012, 2016): with an April start, 2007-04-01..2008-03-31 and
    2012-04-01..2016-03-31. A January start makes financial years calendar years.
    """
    start = date(first_start_year, start_month, 1)
    end = date(end_year, start_month, 1) - timedelta(days=1)
    return start, end


SEASON_START_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
"""Meteorological seasons (three whole months each), the usual reading in UK public-sector planning."""

PART_OF_YEAR_START_MONTH = {"early": 1, "mid": 5, "late": 9}
"""Thirds of a year for "early 2008", "Mid-2008", "late 2008"."""
