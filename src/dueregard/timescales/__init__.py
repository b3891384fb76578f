"""Free-text timescales of action plans ("By April 2013", "Quarterly", "2012/16") read into structures.

    >>> from dueregard.timescales import parse_timescale
    >>> parse_timescale("By April 2013").end
    datetime.date(2013, 4, 30)

Framework-free: no Django, nothing heavy; an import-linter contract keeps it so.
"""

from dueregard.timescales.model import (
    Confidence,
    Duration,
    Frequency,
    Kind,
    Precision,
    Recurrence,
    Relation,
    SettingUse,
    Status,
    Timescale,
)
from dueregard.timescales.parse import DEFAULT_SETTINGS, parse_timescale
from dueregard.timescales.settings import ParseSettings

__all__ = [
    "DEFAULT_SETTINGS",
    "Confidence",
    "Duration",
    "Frequency",
    "Kind",
    "ParseSettings",
    "Precision",
    "Recurrence",
    "Relation",
    "SettingUse",
    "Status",
    "Timescale",
    "parse_timescale",
]
