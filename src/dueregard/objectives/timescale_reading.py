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


def read_action_timescale(text: str, *, quarter_convention: str) -> ActionTimescale:
    if not text.strip():
        return ActionTimescale(reading=None, start=None, due=None, recurrence="", understood=True)
    from dueregard.timescales import ParseSettings, parse_timescale

    result = parse_timescale(text, settings=ParseSettings(quarter_convention=quarter_convention))  # type: ignore[arg-type]
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
