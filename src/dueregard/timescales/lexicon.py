"""Word tables of the timescale parser. Every entry is lower case; phrases are tuples of token texts.

A dash inside a phrase ("on-going", "6-monthly") is the token "-"; the tokenizer turns every dash character
(hyphen, en dash, em dash, minus) into that one token, so one entry covers each spelling.
"""

from __future__ import annotations

from dueregard.timescales.model import Frequency, Recurrence, Relation, Status

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

SEASONS: dict[str, str] = {
    "spring": "spring",
    "summer": "summer",
    "autumn": "autumn",
    "fall": "autumn",
    "winter": "winter",
}

ORDINAL_WORDS: dict[str, int] = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})

NUMBER_WORDS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
    "twenty-four": 24,
}

UNIT_WORDS: dict[str, Frequency] = {
    "day": Frequency.DAILY,
    "days": Frequency.DAILY,
    "week": Frequency.WEEKLY,
    "weeks": Frequency.WEEKLY,
    "month": Frequency.MONTHLY,
    "months": Frequency.MONTHLY,
    "year": Frequency.YEARLY,
    "years": Frequency.YEARLY,
}

# Words that say a cell's work has no end ("Ongoing"). "immediate and ongoing" is one phrase: it adds no date.
OPEN_PHRASES: dict[tuple[str, ...], str] = {
    ("ongoing",): "ongoing",
    ("on", "-", "going"): "ongoing",
    ("on", "going"): "ongoing",
    ("continuing",): "ongoing",
    ("continuous",): "ongoing",
    ("underway",): "under way",
    ("under", "way"): "under way",
    ("already", "underway"): "under way",
    ("already", "under", "way"): "under way",
    ("immediate", "and", "ongoing"): "starts now, ongoing",
    ("immediately", "and", "ongoing"): "starts now, ongoing",
}

STATUS_PHRASES: dict[tuple[str, ...], Status] = {
    ("completed",): Status.COMPLETE,
    ("complete",): Status.COMPLETE,
    ("achieved",): Status.COMPLETE,
    ("actioned",): Status.COMPLETE,
    ("all", "actions", "met"): Status.COMPLETE,
    ("partially", "completed"): Status.IN_PROGRESS,
    ("partially", "complete"): Status.IN_PROGRESS,
}

_QUARTERLY = Recurrence(Frequency.MONTHLY, 3)
_YEARLY = Recurrence(Frequency.YEARLY)
_HALF_YEARLY = Recurrence(Frequency.MONTHLY, 6)

# Fixed recurrence phrases. "every N units", "N monthly" and "at least ..." are built by the parser from these
# parts, so they are not listed here.
RECURRENCE_PHRASES: dict[tuple[str, ...], Recurrence] = {
    ("daily",): Recurrence(Frequency.DAILY),
    ("weekly",): Recurrence(Frequency.WEEKLY),
    ("fortnightly",): Recurrence(Frequency.WEEKLY, 2),
    ("monthly",): Recurrence(Frequency.MONTHLY),
    ("quarterly",): _QUARTERLY,
    ("half", "-", "yearly"): _HALF_YEARLY,
    ("half", "yearly"): _HALF_YEARLY,
    ("twice", "yearly"): _HALF_YEARLY,
    ("twice", "a", "year"): _HALF_YEARLY,
    ("annual",): _YEARLY,
    ("annually",): _YEARLY,
    ("yearly",): _YEARLY,
    ("each", "year"): _YEARLY,
    ("every", "year"): _YEARLY,
    ("per", "year"): _YEARLY,
    ("per", "annum"): _YEARLY,
    ("a", "year"): _YEARLY,
    ("biennial",): Recurrence(Frequency.YEARLY, 2),
    ("biennially",): Recurrence(Frequency.YEARLY, 2),
    ("on", "an", "annual", "basis"): _YEARLY,
    ("on", "a", "yearly", "basis"): _YEARLY,
    ("on", "a", "quarterly", "basis"): _QUARTERLY,
    ("on", "a", "monthly", "basis"): Recurrence(Frequency.MONTHLY),
}

# "<N> monthly" / "<N>-yearly" / "three-yearly cycle": the unit word after a number.
PERIODIC_UNIT_WORDS: dict[str, Frequency] = {
    "weekly": Frequency.WEEKLY,
    "monthly": Frequency.MONTHLY,
    "yearly": Frequency.YEARLY,
    "annual": Frequency.YEARLY,
}

# Phrases that put a length of time against an unstated "now": ("within", N, "days").
RELATIVE_LEADS: dict[tuple[str, ...], Relation] = {
    ("within",): Relation.NEXT,
    ("within", "the", "next"): Relation.NEXT,
    ("over", "the", "next"): Relation.NEXT,
    ("for", "the", "next"): Relation.NEXT,
    ("in", "the", "next"): Relation.NEXT,
    ("a", "maximum", "of"): Relation.NEXT,
    ("up", "to", "a", "maximum", "of"): Relation.NEXT,
    ("after",): Relation.AFTER,
    ("in", "the", "past"): Relation.PAST,
    ("in", "the", "last"): Relation.PAST,
    ("over", "the", "past"): Relation.PAST,
    ("within", "the", "previous"): Relation.PAST,
    ("within", "the", "last"): Relation.PAST,
}

# "later this year", "next year": whole calendar units around "now".
CALENDAR_RELATIVE_PHRASES: dict[tuple[str, ...], Relation] = {
    ("this", "year"): Relation.THIS_PERIOD,
    ("later", "this", "year"): Relation.THIS_PERIOD,
    ("next", "year"): Relation.NEXT_PERIOD,
}

# A reference: the dates live in another document ("As detailed within the Action Plan").
REFERENCE_CUES: tuple[tuple[str, ...], ...] = (
    ("as", "detailed", "within"),
    ("as", "detailed", "in"),
    ("as", "set", "out", "in"),
    ("as", "set", "out", "within"),
    ("as", "described", "in"),
    ("as", "shown", "in"),
    ("as", "per"),
    ("in", "line", "with"),
    ("in", "accordance", "with"),
    ("see",),
)

# Nouns that make a dateless cell a deliverable ("Annual Diversity Strategy Progress Report") rather than text
# the parser does not understand.
DELIVERABLE_NOUNS = frozenset(
    {
        "report",
        "reports",
        "strategy",
        "plan",
        "publication",
        "newsletter",
        "survey",
        "guidance",
        "toolkit",
        "event",
        "conference",
        "statement",
        "document",
        "framework",
        "scheme",
        "programme",
        "policy",
    }
)

# Words in front of a date that say how the date is meant. Each maps to the role the date plays.
DEADLINE_LEADS: tuple[tuple[str, ...], ...] = (("by",), ("due", "by"), ("no", "later", "than"), ("before",))
UNTIL_LEADS: tuple[tuple[str, ...], ...] = (("until",), ("till",), ("up", "to"), ("to",), ("through",))
FROM_LEADS: tuple[tuple[str, ...], ...] = (
    ("from",),
    ("since",),
    ("beginning",),
    ("starting",),
    ("starting", "in"),
    ("starting", "from"),
    ("commencing",),
)
POINT_LEADS: tuple[tuple[str, ...], ...] = (
    ("in",),
    ("during",),
    ("throughout",),
    ("for",),
    ("on",),
    ("at",),
    ("scheduled", "for"),
    ("due",),
    ("due", "in"),
)
RANGE_CONNECTORS: tuple[tuple[str, ...], ...] = (("-",), ("to",), ("until",), ("till",), ("through",))
CONJUNCTIONS = frozenset({"and", "&"})
