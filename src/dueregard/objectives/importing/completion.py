"""The completion date an imported progress update states, e.g. "Completed June 08" or "Achieved in March 2008".

Only a date written right after a word of completion is read, and only for an action whose status is complete: "Point
1 completed June 08. Point 2 partially completed" says nothing about when the action finished. The date is the last
day of the period written ("June 08" → 30 June 2008: the latest the work can have finished), never after the date of
the update itself. Anything else gives no date: the update keeps its text and a person can add the date."""

from __future__ import annotations

import datetime as dt
import re

_COMPLETION = re.compile(r"\b(?:completed|achieved|finished|done|delivered)\b[\s:,\-–]*(?:in|on|by|during)?\s*", re.I)
_END_OF_PHRASE = re.compile(r"[.;,()\n]|\s-\s|\s–\s")
_MAX_WORDS = 7


def completion_date_in(
    text: str,
    *,
    reported_on: dt.date,
    quarter_convention: str = "calendar",
    year_range_convention: str = "calendar",
) -> dt.date | None:
    """The completion date the text states, or None when it states none that can be read as one point in time."""
    from dueregard.timescales import ParseSettings, parse_timescale
    from dueregard.timescales.model import Kind

    settings = ParseSettings(
        quarter_convention=quarter_convention,  # type: ignore[arg-type]
        year_range_convention=year_range_convention,  # type: ignore[arg-type]
    )
    for match in _COMPLETION.finditer(text):
        rest = _END_OF_PHRASE.split(text[match.end() :], maxsplit=1)[0]
        words = rest.split()[:_MAX_WORDS]
        while words:
            reading = parse_timescale(" ".join(words), settings=settings)
            if reading.kind == Kind.POINT and reading.end is not None and reading.recurrence is None:
                return reading.end if reading.end <= reported_on else None
            words.pop()
    return None
