"""The organisation settings that settle ambiguous timescales. The web app stores one of these per organisation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

QuarterConvention = Literal["financial", "calendar"]
YearRangeConvention = Literal["calendar", "financial"]


@dataclass(frozen=True)
class ParseSettings:
    """How to read the phrasings that the text alone does not settle.

    quarter_convention
        "first quarter 2015" / "Q1 2015": the first quarter of the financial year that starts in 2015
        ("financial", the default: UK public bodies plan in financial years), or January-March 2015 ("calendar").
        A quarter of a named financial year ("first quarter of 2008-09") is always a financial quarter.
    financial_year_start_month
        1-12; 4 (April) for UK public bodies. "2007/08" = 1 April 2007 to 31 March 2008.
    year_range_convention
        "2007-08", "2012-15" (a year and a two-digit year joined by a dash): the calendar years 2007 to 2008
        ("calendar", the default) or the financial years 2007/08 ("financial"). Slash pairs ("2007/08",
        "2012/16") are always financial years, and four-digit pairs ("2008 - 2011") always calendar years.
    two_digit_year_window_start
        Two-digit years fall in the 100 years starting here: with 1950, "Sept 07" is 2007 and "Dec 99" is 1999.
    reference_date
        "Now", for relative phrasings ("over the next 6 months"). Without it they are kept as durations.
    """

    quarter_convention: QuarterConvention = "financial"
    financial_year_start_month: int = 4
    year_range_convention: YearRangeConvention = "calendar"
    two_digit_year_window_start: int = 1950
    reference_date: date | None = None

    def __post_init__(self) -> None:
        if self.quarter_convention not in ("financial", "calendar"):
            raise ValueError(f"quarter_convention must be 'financial' or 'calendar', not {self.quarter_convention!r}")
        if self.year_range_convention not in ("financial", "calendar"):
            raise ValueError(
                f"year_range_convention must be 'financial' or 'calendar', not {self.year_range_convention!r}"
            )
        if not 1 <= self.financial_year_start_month <= 12:
            raise ValueError(f"financial_year_start_month must be 1-12, not {self.financial_year_start_month}")
        if not 1000 <= self.two_digit_year_window_start <= 9000:
            raise ValueError(
                f"two_digit_year_window_start must be a four-digit year, not {self.two_digit_year_window_start}"
            )
