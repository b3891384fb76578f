"""Date expressions: the rules that turn a run of tokens into a period ("Sept 07") or a dated core ("By end 2008").

Every reader method takes a token index and returns what it read with the index after it, or ``None``; nothing
here raises on odd input. Settings that decide a reading are recorded on the result (``SettingUse``).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dueregard.timescales import lexicon
from dueregard.timescales.calendar_math import (
    PART_OF_YEAR_START_MONTH,
    SEASON_START_MONTH,
    add_months,
    financial_years,
    months_span,
)
from dueregard.timescales.model import Confidence, Kind, Precision, SettingUse
from dueregard.timescales.settings import ParseSettings
from dueregard.timescales.tokens import Token, TokenType

MIN_YEAR = 1900
MAX_YEAR = 2099
_ONE_DAY = timedelta(days=1)
_WORDS_AFTER_A_YEAR = frozenset({"and", "to", "until", "till", "through", "or", "onwards", "ongoing"})
MAX_YEAR_PAIR_SPAN = 10  # "2012/16" spans four; anything over ten is not a pair of years


def _lower_confidence(first: Confidence, second: Confidence) -> Confidence:
    order = [Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW]
    return max(first, second, key=order.index)


@dataclass(frozen=True)
class Period:
    """A stretch of calendar named by the text: a day, month, quarter, season, third of a year, year(s)."""

    start: date
    end: date
    precision: Precision
    is_span: bool = False  # two ends were given ("2012/16", "2008-10"): a range rather than one period
    notes: tuple[str, ...] = ()
    settings_used: tuple[SettingUse, ...] = ()
    confidence: Confidence = Confidence.HIGH

    def with_evidence(
        self,
        *others: Period,
        notes: tuple[str, ...] = (),
        settings_used: tuple[SettingUse, ...] = (),
        confidence: Confidence = Confidence.HIGH,
    ) -> Period:
        """This period carrying the notes, settings and lowest confidence of ``others`` too."""
        all_notes = list(self.notes)
        all_settings = list(self.settings_used)
        lowest = _lower_confidence(self.confidence, confidence)
        for other in others:
            all_notes += [note for note in other.notes if note not in all_notes]
            all_settings += [use for use in other.settings_used if use not in all_settings]
            lowest = _lower_confidence(lowest, other.confidence)
        all_notes += [note for note in notes if note not in all_notes]
        all_settings += [use for use in settings_used if use not in all_settings]
        return replace(self, notes=tuple(all_notes), settings_used=tuple(all_settings), confidence=lowest)


@dataclass(frozen=True)
class Core:
    """A dated milestone read from tokens ``first`` to ``stop`` (exclusive)."""

    kind: Kind
    start: date | None
    end: date | None
    precision: Precision
    first: int
    stop: int
    evidence: Period  # carries the notes, settings used and confidence
    open_end: bool = False


@dataclass(frozen=True)
class _Year:
    value: int
    settings_used: tuple[SettingUse, ...] = ()
    notes: tuple[str, ...] = ()
    confidence: Confidence = Confidence.HIGH


class DateReader:
    """Reads date expressions from a token list under one set of :class:`ParseSettings`."""

    def __init__(self, text: str, tokens: list[Token], settings: ParseSettings) -> None:
        self.text = text
        self.tokens = tokens
        self.settings = settings

    # --- token helpers -------------------------------------------------------------------------------------

    def _token(self, index: int) -> Token | None:
        return self.tokens[index] if 0 <= index < len(self.tokens) else None

    def word(self, index: int) -> str | None:
        token = self._token(index)
        return token.norm if token is not None and token.type is TokenType.WORD else None

    def number(self, index: int, digits: tuple[int, ...] = (1, 2, 3, 4)) -> int | None:
        token = self._token(index)
        if token is None or token.type is not TokenType.NUMBER or len(token.text) not in digits:
            return None
        return int(token.text)

    def is_type(self, index: int, token_type: TokenType) -> bool:
        token = self._token(index)
        return token is not None and token.type is token_type

    def glued(self, index: int) -> bool:
        token = self._token(index)
        return token is not None and token.glued

    def source(self, first: int, stop: int) -> str:
        """The exact text of tokens ``first`` to ``stop`` (exclusive)."""
        return self.text[self.tokens[first].start : self.tokens[stop - 1].end]

    def phrase(self, index: int, phrases: tuple[tuple[str, ...], ...] | list[tuple[str, ...]]) -> int | None:
        """The index after the longest of ``phrases`` found at ``index``, or ``None``."""
        best: int | None = None
        for phrase in phrases:
            stop = index + len(phrase)
            if stop > len(self.tokens):
                continue
            if all(self.tokens[index + offset].norm == part for offset, part in enumerate(phrase)) and (
                best is None or stop > best
            ):
                best = stop
        return best

    def skip_words(self, index: int, *words: str) -> int:
        """Past any of ``words`` ("the", "of") at ``index``."""
        while self.word(index) in words:
            index += 1
        return index

    # --- years ---------------------------------------------------------------------------------------------

    def two_digit_year(self, two_digits: int, written: str) -> _Year:
        window_start = self.settings.two_digit_year_window_start
        year = window_start - window_start % 100 + two_digits
        if year < window_start:
            year += 100
        use = SettingUse(
            "two_digit_year_window_start",
            str(window_start),
            f"'{written}' read as {year} (two-digit years fall in {window_start}-{window_start + 99})",
        )
        return _Year(year, settings_used=(use,))

    def year(self, index: int, *, two_digit: bool) -> tuple[_Year, int] | None:
        """A year at ``index``: four digits; or, when ``two_digit``, "08", "'10" and the slip "099"."""
        token = self._token(index)
        if token is None:
            return None
        if token.type is TokenType.APOSTROPHE:
            after = self._token(index + 1)
            if after is not None and after.glued and after.type is TokenType.NUMBER and len(after.text) == 2:
                return self.two_digit_year(int(after.text), token.text + after.text), index + 2
            return None
        if token.type is not TokenType.NUMBER:
            return None
        digits = token.text
        if len(digits) == 4 and MIN_YEAR <= int(digits) <= MAX_YEAR:
            return _Year(int(digits)), index + 1
        if not two_digit:
            return None
        if len(digits) == 2:
            return self.two_digit_year(int(digits), digits), index + 1
        if len(digits) == 3 and digits[0] == "0" and digits[1] == digits[2]:
            # "Sep 099": a doubled key. Read as "09", flagged low so that a person confirms it.
            read = self.two_digit_year(int(digits[:2]), digits[:2])
            note = f"'{digits}' is not a year; read as '{digits[:2]}' (a doubled digit?)"
            return replace(read, notes=(note,), confidence=Confidence.LOW), index + 1
        return None

    # --- periods -------------------------------------------------------------------------------------------

    def period(self, index: int) -> tuple[Period, int] | None:
        """The longest single period at ``index``."""
        if self.word(index) == "the":
            return self.period(index + 1)
        for reader in (
            self._end_of,
            self._part_of_year,
            self._day,
            self._numeric_date,
            self._quarter,
            self._financial_year,
            self._season,
            self._month_year,
            self._plain_year,
        ):
            found = reader(index)
            if found is not None:
                return found
        return None

    def _end_of(self, index: int) -> tuple[Period, int] | None:
        if self.word(index) != "end":
            return None
        after = self.skip_words(index + 1, "of")
        found = self.period(after)
        if found is None:
            return None
        inner, stop = found
        note = f"'{self.source(index, stop)}' read as its last day"
        return Period(inner.end, inner.end, Precision.DAY).with_evidence(inner, notes=(note,)), stop

    def _part_of_year(self, index: int) -> tuple[Period, int] | None:
        word = self.word(index)
        if word in ("start", "beginning"):
            if self.word(index + 1) != "of":
                return None
            part, after = "early", index + 2
        elif word == "middle":
            if self.word(index + 1) != "of":
                return None
            part, after = "mid", index + 2
        elif word in PART_OF_YEAR_START_MONTH:
            part, after = word, index + 1
            if self.is_type(after, TokenType.DASH):
                after += 1
        else:
            return None
        after = self.skip_words(after, "of", "the")
        found = self.year(after, two_digit=False)
        if found is None:
            return None
        year, stop = found
        start, end = months_span(year.value, PART_OF_YEAR_START_MONTH[part], 4)
        note = f"'{self.source(index, stop)}' read as {start:%B} to {end:%B} {year.value} (a third of the year)"
        period = Period(start, end, Precision.PART_OF_YEAR, notes=(note,), confidence=Confidence.MEDIUM)
        return period, stop

    def _day(self, index: int) -> tuple[Period, int] | None:
        day = self.number(index, (1, 2))
        if day is None:
            return None
        after = index + 1
        if self.glued(after) and self.word(after) in lexicon.ORDINAL_SUFFIXES:
            after += 1
        after = self.skip_words(after, "of")
        month = lexicon.MONTHS.get(self.word(after) or "")
        if month is None:
            return None
        after += 1
        if self.is_type(after, TokenType.COMMA):
            after += 1
        found = self.year(after, two_digit=True)
        if found is None or day < 1 or day > calendar.monthrange(found[0].value, month)[1]:
            return None
        year, stop = found
        day_date = date(year.value, month, day)
        return Period(day_date, day_date, Precision.DAY, settings_used=year.settings_used), stop

    def _numeric_date(self, index: int) -> tuple[Period, int] | None:
        day = self.number(index, (1, 2))
        month = self.number(index + 2, (1, 2))
        if day is None or month is None or not (self.is_type(index + 1, TokenType.SLASH)):
            return None
        if not (self.is_type(index + 3, TokenType.SLASH) and self.glued(index + 1) and self.glued(index + 3)):
            return None
        year_token = self._token(index + 4)
        if year_token is None or not year_token.glued or year_token.type is not TokenType.NUMBER:
            return None
        found = self.year(index + 4, two_digit=len(year_token.text) == 2)
        if found is None or not 1 <= month <= 12:
            return None
        year, stop = found
        if not 1 <= day <= calendar.monthrange(year.value, month)[1]:
            return None
        day_date = date(year.value, month, day)
        note = f"'{self.source(index, stop)}' read as day/month/year"
        return Period(day_date, day_date, Precision.DAY, notes=(note,), settings_used=year.settings_used), stop

    def _year_pair(self, index: int) -> tuple[int, int, str, tuple[SettingUse, ...], int] | None:
        """ "2007/08", "2002/3", "2012/16", "2008/2009", "09/10" and "2007-08" as (first, last, separator, ...)."""
        separator_token = self._token(index + 1)
        if separator_token is None or separator_token.type not in (TokenType.SLASH, TokenType.DASH):
            return None
        separator = "/" if separator_token.type is TokenType.SLASH else "-"
        first_token = self._token(index)
        last_token = self._token(index + 2)
        if first_token is None or last_token is None or last_token.type is not TokenType.NUMBER:
            return None
        if first_token.type is not TokenType.NUMBER:
            return None
        # "16/07/08" is a date, not a year pair followed by a stray number.
        if self.is_type(index + 3, TokenType.SLASH) and self.glued(index + 3):
            return None
        last_digits = last_token.text
        settings_used: tuple[SettingUse, ...] = ()
        if len(first_token.text) == 4:
            first = int(first_token.text)
            if not MIN_YEAR <= first <= MAX_YEAR:
                return None
            if len(last_digits) == 4 and separator == "/":
                last = int(last_digits)
            elif len(last_digits) in (1, 2):
                unit = 10 ** len(last_digits)
                last = first - first % unit + int(last_digits)
                if last <= first:
                    last += unit
            else:
                return None
        elif len(first_token.text) == 2 and len(last_digits) == 2 and separator == "/":
            if not separator_token.glued or not last_token.glued:
                return None
            read = self.two_digit_year(int(first_token.text), first_token.text)
            first, settings_used = read.value, read.settings_used
            last = first + 1
            if last % 100 != int(last_digits):
                return None
        else:
            return None
        if not first < last <= first + MAX_YEAR_PAIR_SPAN:
            return None
        return first, last, separator, settings_used, index + 3

    def _financial_reading(
        self, first: int, last: int, written: str, settings_used: tuple[SettingUse, ...], why: str
    ) -> Period:
        start_month = self.settings.financial_year_start_month
        start, end = financial_years(first, last, start_month)
        use = SettingUse(
            "financial_year_start_month",
            str(start_month),
            f"'{written}' read as {start.isoformat()} to {end.isoformat()} "
            f"(financial years start in {calendar.month_name[start_month]})",
        )
        return Period(
            start,
            end,
            Precision.FINANCIAL_YEAR,
            is_span=last - first > 1,
            notes=(why,),
            settings_used=(*settings_used, use),
        )

    def _financial_year(self, index: int, *, forced: bool = False) -> tuple[Period, int] | None:
        """A year pair, with optional "financial year" before or after. Slash pairs are financial years."""
        prefix_stop = self.phrase(index, [("financial", "year"), ("fiscal", "year"), ("fy",)])
        named = prefix_stop is not None
        pair_at = prefix_stop if prefix_stop is not None else index
        found = self._year_pair(pair_at)
        if found is None:
            return None
        first, last, separator, settings_used, stop = found
        suffix_stop = self.phrase(
            stop, [("financial", "year"), ("financial", "years"), ("fiscal", "year"), ("fiscal", "years")]
        )
        if suffix_stop is not None:
            named, stop = True, suffix_stop
        elif self.word(stop) == "years":
            stop += 1  # "2008-11 years"
        written = self.source(index, stop)
        if forced:
            why = f"'{written}' read as a financial year: it is the year of a named quarter"
            return self._financial_reading(first, last, written, settings_used, why), stop
        if named:
            why = f"'{written}' is named as a financial year"
            return self._financial_reading(first, last, written, settings_used, why), stop
        if separator == "/":
            why = f"a year pair written with '/' ('{written}') is read as financial years"
            return self._financial_reading(first, last, written, settings_used, why), stop
        convention = self.settings.year_range_convention
        if convention == "financial":
            use = SettingUse("year_range_convention", convention, f"'{written}' read as financial years")
            period = self._financial_reading(first, last, written, settings_used, f"'{written}': financial years")
            return period.with_evidence(settings_used=(use,)), stop
        use = SettingUse("year_range_convention", convention, f"'{written}' read as the calendar years {first}-{last}")
        period = Period(date(first, 1, 1), date(last, 12, 31), Precision.YEAR, is_span=True, settings_used=(use,))
        return period, stop

    def _quarter_number(self, index: int) -> tuple[int, int] | None:
        """(quarter, index after "quarter") for "first quarter", "1st quarter", "Q1", "quarter 1"."""
        word = self.word(index)
        if word in lexicon.ORDINAL_WORDS and self.word(index + 1) == "quarter":
            return lexicon.ORDINAL_WORDS[word], index + 2
        number = self.number(index, (1,))
        ordinal = self.glued(index + 1) and self.word(index + 1) in lexicon.ORDINAL_SUFFIXES
        if number is not None and ordinal and self.word(index + 2) == "quarter" and 1 <= number <= 4:
            return number, index + 3
        if word == "q" and self.glued(index + 1):
            number = self.number(index + 1, (1,))
            if number is not None and 1 <= number <= 4:
                return number, index + 2
        if word == "quarter":
            number = self.number(index + 1, (1,))
            if number is not None and 1 <= number <= 4:
                return number, index + 2
        return None

    def _quarter(self, index: int) -> tuple[Period, int] | None:
        found = self._quarter_number(index)
        if found is None:
            return None
        quarter, after = found
        after = self.skip_words(after, "of", "the")
        fiscal = self._financial_year(after, forced=True)
        if fiscal is not None:
            year_period, stop = fiscal
            if year_period.is_span:
                return None
            start = add_months(year_period.start, 3 * (quarter - 1))
            end = add_months(start, 3) - _ONE_DAY
            note = f"'{self.source(index, stop)}' is a quarter of a financial year"
            return Period(start, end, Precision.QUARTER).with_evidence(year_period, notes=(note,)), stop
        year_found = self.year(after, two_digit=False)
        if year_found is None:
            return None
        year, stop = year_found
        written = self.source(index, stop)
        convention = self.settings.quarter_convention
        if convention == "calendar":
            start, end = months_span(year.value, 3 * quarter - 2, 3)
            reading = f"'{written}' read as calendar quarter {quarter}: {start.isoformat()} to {end.isoformat()}"
            uses: tuple[SettingUse, ...] = (SettingUse("quarter_convention", convention, reading),)
        else:
            start_month = self.settings.financial_year_start_month
            start = add_months(date(year.value, start_month, 1), 3 * (quarter - 1))
            end = add_months(start, 3) - _ONE_DAY
            reading = (
                f"'{written}' read as quarter {quarter} of the financial year starting in "
                f"{calendar.month_name[start_month]} {year.value}: {start.isoformat()} to {end.isoformat()}"
            )
            uses = (
                SettingUse("quarter_convention", convention, reading),
                SettingUse(
                    "financial_year_start_month",
                    str(start_month),
                    f"financial years start in {calendar.month_name[start_month]}",
                ),
            )
        return Period(start, end, Precision.QUARTER, settings_used=uses), stop

    def _season(self, index: int) -> tuple[Period, int] | None:
        season = lexicon.SEASONS.get(self.word(index) or "")
        if season is None:
            return None
        found = self.year(self.skip_words(index + 1, "of"), two_digit=True)
        if found is None:
            return None
        year, stop = found
        start, end = months_span(year.value, SEASON_START_MONTH[season], 3)
        note = f"'{self.source(index, stop)}' read as {start:%B} to {end:%B %Y} (three-month season)"
        period = Period(start, end, Precision.SEASON, notes=(note,), confidence=Confidence.MEDIUM)
        return period.with_evidence(
            settings_used=year.settings_used, notes=year.notes, confidence=year.confidence
        ), stop

    def _month_year(self, index: int) -> tuple[Period, int] | None:
        month = lexicon.MONTHS.get(self.word(index) or "")
        if month is None:
            return None
        after = index + 1
        if self.is_type(after, TokenType.COMMA):
            after += 1
        found = self.year(after, two_digit=True)
        if found is not None:
            year, stop = found
            start, end = months_span(year.value, month, 1)
            period = Period(start, end, Precision.MONTH)
            return period.with_evidence(
                settings_used=year.settings_used, notes=year.notes, confidence=year.confidence
            ), stop
        if self.is_type(after, TokenType.DASH) and self.number(after + 1, (2,)) is not None:
            # "May – 08 to June 09": a dash between month and year (garbled in the source).
            year = self.two_digit_year(self.number(after + 1, (2,)) or 0, self.source(after + 1, after + 2))
            start, end = months_span(year.value, month, 1)
            note = f"'{self.source(index, after + 2)}' read as {start:%B %Y} (the dash was ignored)"
            period = Period(start, end, Precision.MONTH, notes=(note,), confidence=Confidence.LOW)
            return period.with_evidence(settings_used=year.settings_used), after + 2
        if self.is_type(after, TokenType.SLASH):
            # "April/may 10": either month of one year; read as the span of both.
            found_second = self._month_year(after + 1)
            if found_second is not None:
                second, stop = found_second
                start = date(second.start.year, month, 1)
                if start <= second.start:
                    note = f"'{self.source(index, stop)}': two months joined by '/', read as the span of both"
                    period = Period(start, second.end, Precision.MONTH, is_span=True, notes=(note,))
                    return period.with_evidence(second, confidence=Confidence.MEDIUM), stop
        return None

    def _plain_year(self, index: int) -> tuple[Period, int] | None:
        token = self._token(index)
        found = self.year(index, two_digit=token is not None and token.type is TokenType.APOSTROPHE)
        if found is None:
            return None
        year, stop = found
        following = self.word(stop)
        if self.word(index - 1) == "the" and following is not None and following not in _WORDS_AFTER_A_YEAR:
            # "the 2007 CSR years", "the 2008 strategy": the year names a thing, it is not a date.
            return None
        period = Period(date(year.value, 1, 1), date(year.value, 12, 31), Precision.YEAR)
        return period.with_evidence(settings_used=year.settings_used), stop

    # --- ranges and cores ----------------------------------------------------------------------------------

    def period_or_range(self, index: int) -> tuple[Period, int] | None:
        """A period, or a range of two ("January – March 2008", "2008 - 2011", "May 08 to June 09")."""
        month = lexicon.MONTHS.get(self.word(index) or "")
        if month is not None and self._month_year(index) is None:
            # "January – March 2008": the year is given only on the end.
            connector_stop = self.phrase(index + 1, lexicon.RANGE_CONNECTORS)
            if connector_stop is not None:
                found_end = self._month_year(connector_stop)
                if found_end is not None:
                    end_period, stop = found_end
                    year = end_period.start.year if month <= end_period.start.month else end_period.start.year - 1
                    start = date(year, month, 1)
                    span = Period(start, end_period.end, Precision.MONTH, is_span=True)
                    return span.with_evidence(end_period), stop
            return None
        found = self.period(index)
        if found is None:
            return None
        first, after = found
        connector_stop = self.phrase(after, lexicon.RANGE_CONNECTORS)
        if connector_stop is not None:
            found_last = self.period(connector_stop)
            if found_last is not None:
                last, stop = found_last
                if last.end >= first.start and last.start >= first.start:
                    precision = first.precision if first.precision == last.precision else Precision.MONTH
                    if {first.precision, last.precision} <= {Precision.YEAR, Precision.FINANCIAL_YEAR}:
                        precision = first.precision
                    span = Period(first.start, last.end, precision, is_span=True)
                    return span.with_evidence(first, last), stop
        return first, after

    def _and_span(self, first: Period, first_index: int, after: int, *, explicit: bool) -> tuple[Period, int] | None:
        """The span from ``first`` to the period after "and": "between March 2009 and March 2010".

        "through 2009 and 2011" and "throughout late 2008 and 2009" (``explicit`` False) are read the same way by
        convention, which is noted and lowers the confidence.
        """
        if self.word(after) != "and":
            return None
        found = self.period(after + 1)
        if found is None:
            return None
        last, stop = found
        if last.end < first.start:
            return None
        span = Period(first.start, last.end, first.precision, is_span=True)
        if explicit:
            return span.with_evidence(first, last), stop
        note = (
            f"'{self.source(first_index, stop)}': two periods joined by 'and', read as the span from one to the other"
        )
        return span.with_evidence(first, last, notes=(note,), confidence=Confidence.MEDIUM), stop

    def core(self, index: int) -> Core | None:
        """A dated milestone starting at ``index``, with the words in front of the date that say how it is meant."""
        for role, leads in (
            ("deadline", lexicon.DEADLINE_LEADS),
            ("until", lexicon.UNTIL_LEADS),
            ("from", lexicon.FROM_LEADS),
            ("between", (("between",),)),
            ("point", lexicon.POINT_LEADS),
        ):
            after = self.phrase(index, leads)
            if after is not None:
                found = self._core_after_lead(role, index, after)
                if found is not None:
                    return found
        found_period = self.period_or_range(index)
        if found_period is None:
            return None
        period, stop = found_period
        kind = Kind.RANGE if period.is_span else Kind.POINT
        return Core(kind, period.start, period.end, period.precision, index, stop, period)

    def _core_after_lead(self, role: str, index: int, after: int) -> Core | None:
        lead = [token.norm for token in self.tokens[index:after]]
        found = self.period_or_range(after)
        if found is None:
            return None
        period, stop = found
        if role == "deadline":
            return Core(Kind.DEADLINE, None, period.end, period.precision, index, stop, period)
        if role == "between":
            spanned = self._and_span(period, after, stop, explicit=True)
            if spanned is None:
                return None
            period, stop = spanned
            return Core(Kind.RANGE, period.start, period.end, period.precision, index, stop, period)
        if lead[-1] in ("through", "throughout"):
            spanned = self._and_span(period, after, stop, explicit=False)
            if spanned is not None:
                period, stop = spanned
                return Core(Kind.RANGE, period.start, period.end, period.precision, index, stop, period)
        if period.is_span:
            return Core(Kind.RANGE, period.start, period.end, period.precision, index, stop, period)
        if role == "until":
            return Core(Kind.UNTIL, None, period.end, period.precision, index, stop, period)
        if role == "from":
            return Core(Kind.OPEN_ENDED, period.start, None, period.precision, index, stop, period, open_end=True)
        return Core(Kind.POINT, period.start, period.end, period.precision, index, stop, period)
