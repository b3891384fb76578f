"""Apply the timescale parser to an action: its reading, start, due date, recurrence and milestones.

The parser (dueregard.timescales) is framework-free; this module only decides what an action keeps of its reading.
A timescale the parser does not understand is kept as written, with no dates: a person resolves it; nothing is
guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ActionTimescale:
    reading: dict[str, Any] | None
    start: dt.date | None
    due: dt.date | None
    recurrence: str
    understood: bool
    milestones: list[tuple[str, dict[str, Any], dt.date | None]] = field(default_factory=list)


def read_action_timescale(
    text: str, *, quarter_convention: str, year_range_convention: str = "calendar"
) -> ActionTimescale:
    if not text.strip():
        return ActionTimescale(reading=None, start=None, due=None, recurrence="", understood=True)
    from dueregard.timescales import ParseSettings, parse_timescale

    settings = ParseSettings(
        quarter_convention=quarter_convention,  # type: ignore[arg-type]
        year_range_convention=year_range_convention,  # type: ignore[arg-type]
    )
    result = parse_timescale(text, settings=settings)
    reading = result.to_dict()
    parts = list(result.parts) or [result]
    ends = [part.end for part in parts if part.end is not None and not part.open_end]
    starts = [part.start for part in parts if part.start is not None]
    recurrence = next((part.recurrence.label for part in parts if part.recurrence is not None), "")
    milestones = []
    if len(parts) > 1:
        milestones = [(part.text, part.to_dict(), part.end) for part in parts]
    return ActionTimescale(
        reading=reading,
        start=min(starts) if starts else None,
        due=max(ends) if ends else None,
        recurrence=recurrence,
        understood=result.understood,
        milestones=milestones,
    )


def describe_reading(reading: dict[str, Any] | None) -> str:
    """One translated sentence saying how a timescale was read, for the action page."""
    from django.utils.formats import date_format
    from django.utils.translation import gettext as _

    if not reading:
        return _("No timescale given.")

    def day(value: str | None) -> str:
        return date_format(dt.date.fromisoformat(value)) if value else ""

    kind = reading.get("kind")
    start, end = reading.get("start"), reading.get("end")
    if kind == "not_understood":
        return _("Not understood: the timescale is kept as written, with no dates. Reword it to set dates.")
    if kind == "multiple":
        count = len(reading.get("parts") or [])
        return _("%(count)s milestones, from %(start)s to %(end)s.") % {
            "count": count,
            "start": day(start),
            "end": day(end),
        }
    if kind == "recurring":
        return _("Recurring.")
    if kind == "open_ended":
        return _("Ongoing, with no end date.") if not start else _("From %(start)s, ongoing.") % {"start": day(start)}
    if kind == "reference":
        return _("Refers to another plan or document; no date.")
    if kind == "deliverable" and not end:
        return _("Names something to deliver; no date.")
    if kind in {"deadline", "until"} and end:
        return _("Due by %(end)s.") % {"end": day(end)}
    if start and end:
        return _("From %(start)s to %(end)s.") % {"start": day(start), "end": day(end)}
    if end:
        return _("Due by %(end)s.") % {"end": day(end)}
    return _("No date in it.")


def settings_used(reading: dict[str, Any] | None) -> list[str]:
    """Which of the organisation's settings decided the reading (names of settings, translated)."""
    from django.utils.translation import gettext as _

    names = {
        "quarter_convention": _("how to read 'first quarter'"),
        "year_range_convention": _("how to read a range of years like '2007-08'"),
    }
    used = {item.get("setting") for item in (reading or {}).get("settings_used", [])}
    for part in (reading or {}).get("parts", []) or []:
        used |= {item.get("setting") for item in part.get("settings_used", [])}
    return [names[name] for name in sorted(used) if name in names]
