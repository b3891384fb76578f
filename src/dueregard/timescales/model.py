"""Result types of the timescale parser: immutable, typed and JSON-serialisable.

A :class:`Timescale` is what one cell of an action plan ("By April 2013", "Quarterly", "Sept 07 Nov 07") means.
A cell naming several milestones is a ``multiple`` result whose ``parts`` are the milestones, each carrying the
exact slice of the cell it was read from. Dates are :class:`datetime.date` in Python and ISO strings in JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """What sort of timescale a text names."""

    POINT = "point"  # one period when something happens: "April 2014", "Summer 08", "2013/14", "End 2007"
    RANGE = "range"  # from a start to an end: "January – March 2008", "2008 - 2011", "2012/16"
    DEADLINE = "deadline"  # due no later than the end: "By April 2013", "By the end of the 2007/08 financial year"
    UNTIL = "until"  # under way already, stops at the end: "Ongoing until October 2008", "up to April 2008"
    OPEN_ENDED = "open_ended"  # no end: "Ongoing", "Dec 08 and ongoing" (start, open end), "from April 2008"
    RECURRING = "recurring"  # a cycle with no date: "Quarterly", "6 monthly reviews"
    RELATIVE = "relative"  # a length of time from an unstated moment: "within 28 days", "over the next 6 months"
    REFERENCE = "reference"  # the dates are elsewhere: "As detailed within the Action Plan"
    DELIVERABLE = "deliverable"  # names a product, no date: "Annual Diversity Strategy Progress Report"
    PHASE = "phase"  # names a stage, no date: "Phase 2"
    STATUS = "status"  # a progress word, no date: "Completed", "Achieved"
    MULTIPLE = "multiple"  # several milestones in one cell: see ``parts``
    NOT_UNDERSTOOD = "not_understood"  # kept for a person to read; nothing is guessed


class Precision(StrEnum):
    """How finely the text names its dates (the dates themselves are always whole days)."""

    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    PART_OF_YEAR = "part_of_year"  # "early 2008", "Mid-2008": a third of a year, fuzzy by nature
    YEAR = "year"
    FINANCIAL_YEAR = "financial_year"


class Confidence(StrEnum):
    """How sure the reading is. ``low`` readings repair a slip ("Sep 099") and need a person to confirm them."""

    HIGH = "high"
    MEDIUM = "medium"  # a fixed convention filled a gap: seasons, "early/mid/late", "2009 and 2011" as a span
    LOW = "low"


class Frequency(StrEnum):
    """Units of a recurrence or a duration (the names follow RFC 5545's FREQ values, lower-cased)."""

    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    YEARLY = "yearly"


class Relation(StrEnum):
    """Where a relative duration sits against the moment it is read from."""

    NEXT = "next"  # a window starting now: "over the next 6 months", "within 28 days", "a maximum of 4 years"
    AFTER = "after"  # one moment after a delay: "after three months"
    PAST = "past"  # a window ending now: "in the past year", "within the previous 12 months"
    THIS_PERIOD = "this_period"  # the current calendar unit: "later this year"
    NEXT_PERIOD = "next_period"  # the following calendar unit: "updated next year"


class Status(StrEnum):
    """A progress word found beside (or instead of) a date: "Completed June 08"."""

    COMPLETE = "complete"
    IN_PROGRESS = "in_progress"


@dataclass(frozen=True)
class Recurrence:
    """A repeating cycle: every ``interval`` ``frequency`` units ("Quarterly" = every 3 months)."""

    frequency: Frequency
    interval: int = 1
    at_least: bool = False  # "at least annually": the cycle is a minimum, more often is fine

    @property
    def label(self) -> str:
        """Plain-English name of the cycle, for people ("quarterly", "every 6 months")."""
        named = {
            (Frequency.DAILY, 1): "daily",
            (Frequency.WEEKLY, 1): "weekly",
            (Frequency.WEEKLY, 2): "fortnightly",
            (Frequency.MONTHLY, 1): "monthly",
            (Frequency.MONTHLY, 3): "quarterly",
            (Frequency.YEARLY, 1): "annually",
        }
        unit = {
            Frequency.DAILY: "days",
            Frequency.WEEKLY: "weeks",
            Frequency.MONTHLY: "months",
            Frequency.YEARLY: "years",
        }
        text = named.get((self.frequency, self.interval), f"every {self.interval} {unit[self.frequency]}")
        return f"at least {text}" if self.at_least else text

    def to_dict(self) -> dict[str, Any]:
        return {"frequency": self.frequency.value, "interval": self.interval, "at_least": self.at_least}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Recurrence:
        return cls(Frequency(data["frequency"]), int(data["interval"]), bool(data["at_least"]))


@dataclass(frozen=True)
class Duration:
    """A length of time ("28 days", "6 months") for relative timescales."""

    amount: int
    unit: Frequency  # daily = days, weekly = weeks, monthly = months, yearly = years

    def to_dict(self) -> dict[str, Any]:
        return {"amount": self.amount, "unit": self.unit.value}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Duration:
        return cls(int(data["amount"]), Frequency(data["unit"]))


@dataclass(frozen=True)
class SettingUse:
    """One organisation setting that decided a reading, so the interface can say why a date is what it is."""

    setting: str  # a field name of ParseSettings, e.g. "quarter_convention"
    value: str  # the value it had, as text, e.g. "financial"
    reading: str  # what it decided, for people: "'first quarter 2015' read as the financial quarter ..."

    def to_dict(self) -> dict[str, Any]:
        return {"setting": self.setting, "value": self.value, "reading": self.reading}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SettingUse:
        return cls(str(data["setting"]), str(data["value"]), str(data["reading"]))


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


@dataclass(frozen=True)
class Timescale:
    """What a free-text timescale means.

    ``start``/``end`` are inclusive. A deadline has only ``end`` (the last day it is due on); "until" has only
    ``end``; an open-ended timescale may have a ``start`` and never an ``end``. For ``multiple`` results they
    cover every dated part. ``span`` is the (start, end) character offsets of ``text`` in the cell it came from;
    it is set on parts only.
    """

    text: str
    kind: Kind
    start: date | None = None
    end: date | None = None
    precision: Precision | None = None
    recurrence: Recurrence | None = None
    open_end: bool = False
    confidence: Confidence = Confidence.HIGH
    notes: tuple[str, ...] = ()
    settings_used: tuple[SettingUse, ...] = ()
    label: str | None = None  # the words naming what happens: "Phase 2", "Final review", "Establish ... council"
    reference: str | None = None  # what a reference points to: "the Action Plan"
    status: Status | None = None
    phase: int | None = None
    duration: Duration | None = None
    relation: Relation | None = None
    span: tuple[int, int] | None = None
    parts: tuple[Timescale, ...] = field(default=())

    @property
    def understood(self) -> bool:
        """True when the text, and every part of it, was read."""
        return self.kind is not Kind.NOT_UNDERSTOOD and all(part.understood for part in self.parts)

    @property
    def needs_review(self) -> bool:
        """True when a person should look: something was not understood, or a slip was repaired."""
        if not self.understood or self.confidence is Confidence.LOW:
            return True
        return any(part.needs_review for part in self.parts)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: dates as ISO strings, enums as their values, tuples as lists."""
        return {
            "text": self.text,
            "kind": self.kind.value,
            "start": _iso(self.start),
            "end": _iso(self.end),
            "precision": None if self.precision is None else self.precision.value,
            "recurrence": None if self.recurrence is None else self.recurrence.to_dict(),
            "open_end": self.open_end,
            "confidence": self.confidence.value,
            "notes": list(self.notes),
            "settings_used": [use.to_dict() for use in self.settings_used],
            "label": self.label,
            "reference": self.reference,
            "status": None if self.status is None else self.status.value,
            "phase": self.phase,
            "duration": None if self.duration is None else self.duration.to_dict(),
            "relation": None if self.relation is None else self.relation.value,
            "span": None if self.span is None else list(self.span),
            "parts": [part.to_dict() for part in self.parts],
            "understood": self.understood,
            "needs_review": self.needs_review,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Timescale:
        """The inverse of :meth:`to_dict` (``understood`` and ``needs_review`` are derived, so ignored)."""
        span = data.get("span")
        return cls(
            text=str(data["text"]),
            kind=Kind(data["kind"]),
            start=_date(data.get("start")),
            end=_date(data.get("end")),
            precision=None if data.get("precision") is None else Precision(data["precision"]),
            recurrence=None if data.get("recurrence") is None else Recurrence.from_dict(data["recurrence"]),
            open_end=bool(data.get("open_end", False)),
            confidence=Confidence(data.get("confidence", Confidence.HIGH.value)),
            notes=tuple(str(note) for note in data.get("notes", ())),
            settings_used=tuple(SettingUse.from_dict(use) for use in data.get("settings_used", ())),
            label=data.get("label"),
            reference=data.get("reference"),
            status=None if data.get("status") is None else Status(data["status"]),
            phase=None if data.get("phase") is None else int(data["phase"]),
            duration=None if data.get("duration") is None else Duration.from_dict(data["duration"]),
            relation=None if data.get("relation") is None else Relation(data["relation"]),
            span=None if span is None else (int(span[0]), int(span[1])),
            parts=tuple(cls.from_dict(part) for part in data.get("parts", ())),
        )
