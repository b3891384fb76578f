"""``parse_timescale``: a timescale cell read into a :class:`Timescale`.

Three passes: tokens (:mod:`.tokens`), atoms (:mod:`.atoms`), then milestones. A milestone is the words in front
of a *head* (a dated core, "ongoing", a status, a relative duration or a reference), the head, and the words after
it up to the next head or the end of the sentence. A cell with several heads ("Sept 07 Nov 07 Ongoing") is a
``multiple`` result with one part per milestone, because action-plan cells list one timescale per action.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from dueregard.timescales import lexicon
from dueregard.timescales.atoms import HEAD_TYPES, Atom, Atomizer, AtomType
from dueregard.timescales.calendar_math import add_months
from dueregard.timescales.dates import Core, DateReader
from dueregard.timescales.model import (
    Confidence,
    Duration,
    Frequency,
    Kind,
    Precision,
    Relation,
    SettingUse,
    Status,
    Timescale,
)
from dueregard.timescales.settings import ParseSettings
from dueregard.timescales.tokens import TokenType, tokenize

DEFAULT_SETTINGS = ParseSettings()
_LABEL_TOKEN_TYPES = frozenset({TokenType.WORD, TokenType.NUMBER, TokenType.APOSTROPHE})
_EDGE_WORDS = frozenset({"and", "&"})
_EDGE_PUNCTUATION = frozenset({TokenType.DASH, TokenType.SLASH, TokenType.COMMA, TokenType.AMPERSAND})


@dataclass
class _Milestone:
    atoms: list[Atom] = field(default_factory=list)
    extra_notes: list[str] = field(default_factory=list)

    @property
    def heads(self) -> list[Atom]:
        return [atom for atom in self.atoms if atom.type in HEAD_TYPES]

    def has_recurrence(self) -> bool:
        return any(atom.type is AtomType.RECURRENCE for atom in self.atoms)


def _can_join(current: _Milestone, between: list[Atom], head: Atom) -> bool:
    """Whether ``head`` continues the milestone ``current`` rather than starting a new one.

    "Ongoing until October 2008" (ongoing, then an end); "Dec 08 and ongoing" (a date, "and", ongoing);
    "Completed June 08" (a status, then its date).
    """
    heads = current.heads
    if len(heads) != 1:
        return False
    last = heads[0]
    if any(atom.type is not AtomType.CONJUNCTION for atom in between) or len(between) > 1:
        return False
    if last.type is AtomType.OPEN and not between and head.type is AtomType.CORE and head.core is not None:
        return head.core.kind is Kind.UNTIL
    if last.type is AtomType.CORE and between and head.type is AtomType.OPEN and last.core is not None:
        return last.core.kind in (Kind.POINT, Kind.RANGE, Kind.OPEN_ENDED)
    return last.type is AtomType.STATUS and not between and head.type is AtomType.CORE


def _group(atoms: list[Atom]) -> list[_Milestone]:
    """Atoms into milestones (see the module docstring)."""
    milestones: list[_Milestone] = []
    segment: list[Atom] = []

    def close_segment() -> None:
        current: _Milestone | None = None
        pending: list[Atom] = []
        for atom in segment:
            if atom.type not in HEAD_TYPES:
                pending.append(atom)
                continue
            if current is not None and _can_join(current, pending, atom):
                current.atoms += [*pending, atom]
            else:
                if current is not None:
                    milestones.append(current)
                current = _Milestone([*pending, atom])
            pending = []
        if current is not None:
            current.atoms += pending
            milestones.append(current)
        elif pending:
            previous = milestones[-1] if milestones else None
            recurrence_only = any(atom.type is AtomType.RECURRENCE for atom in pending) and not any(
                atom.type is AtomType.PHASE for atom in pending
            )
            if previous is not None and previous.heads and recurrence_only and not previous.has_recurrence():
                # "... Action Plan. The Action plan will be reviewed annually ...": the cycle of the milestone before.
                previous.atoms += pending
                previous.extra_notes.append("the cycle named in the words that follow was read as this milestone's")
            elif any(_is_content(atom) for atom in pending):
                milestones.append(_Milestone(list(pending)))

    for atom in atoms:
        if atom.type is AtomType.BREAK:
            close_segment()
            segment = []
        else:
            segment.append(atom)
    close_segment()
    return milestones


def _is_content(atom: Atom) -> bool:
    return atom.type is not AtomType.WORD or atom.stop - atom.first > 1 or _is_label_atom(atom)


def _is_label_atom(atom: Atom) -> bool:
    return atom.type in (AtomType.WORD, AtomType.PHASE, AtomType.RECURRENCE, AtomType.CONJUNCTION)


class _Builder:
    """Turns milestones into results, with the text, reader and settings of one call."""

    def __init__(self, text: str, reader: DateReader, settings: ParseSettings) -> None:
        self.text = text
        self.reader = reader
        self.tokens = reader.tokens
        self.settings = settings

    # --- text slices ---------------------------------------------------------------------------------------

    def _trimmed_span(self, first: int, stop: int, *, words_only: bool) -> tuple[int, int] | None:
        """Token range [first, stop) without punctuation (and, for labels, "and") at either end."""

        def keep(index: int) -> bool:
            token = self.tokens[index]
            if words_only:
                return token.type in _LABEL_TOKEN_TYPES and token.norm not in _EDGE_WORDS
            return token.type not in _EDGE_PUNCTUATION and token.norm not in _EDGE_WORDS

        while first < stop and not keep(first):
            first += 1
        while stop > first and not keep(stop - 1):
            stop -= 1
        return (first, stop) if first < stop else None

    def _source_span(self, milestone: _Milestone) -> tuple[int, int]:
        """Character offsets of a milestone in the cell; a closing bracket opened inside it is included."""
        first, stop = milestone.atoms[0].first, milestone.atoms[-1].stop
        trimmed = self._trimmed_span(first, stop, words_only=False) or (first, stop)
        first, stop = trimmed
        start, end = self.tokens[first].start, self.tokens[stop - 1].end
        if self.text.count("(", start, end) > self.text.count(")", start, end):
            closing = self.reader._token(stop)
            if closing is not None and closing.text == ")":
                end = closing.end
        return start, end

    def _label(self, atoms: list[Atom]) -> str | None:
        if not atoms:
            return None
        span = self._trimmed_span(atoms[0].first, atoms[-1].stop, words_only=True)
        if span is None:
            return None
        return self.text[self.tokens[span[0]].start : self.tokens[span[1] - 1].end]

    def _milestone_label(self, milestone: _Milestone) -> str | None:
        heads = milestone.heads
        if not heads:
            return self._label(milestone.atoms)
        first_head = milestone.atoms.index(heads[0])
        last_head = milestone.atoms.index(heads[-1])
        leading = [atom for atom in milestone.atoms[:first_head] if _is_label_atom(atom)]
        return self._label(leading) or self._label(
            [atom for atom in milestone.atoms[last_head + 1 :] if _is_label_atom(atom)]
        )

    # --- results -------------------------------------------------------------------------------------------

    def build(self, milestone: _Milestone, text: str, span: tuple[int, int] | None) -> Timescale:
        recurrences = [atom for atom in milestone.atoms if atom.type is AtomType.RECURRENCE]
        phases = [atom.phase for atom in milestone.atoms if atom.type is AtomType.PHASE]
        recurrence = recurrences[0].recurrence if recurrences else None
        notes = [atom.recurrence_note for atom in recurrences[:1] if atom.recurrence_note]
        notes += milestone.extra_notes
        result = Timescale(
            text=text,
            kind=Kind.NOT_UNDERSTOOD,
            recurrence=recurrence,
            label=self._milestone_label(milestone),
            phase=phases[0] if phases else None,
            span=span,
        )
        heads = milestone.heads
        if not heads:
            return self._headless(milestone, result, notes)
        return self._headed(heads, result, notes)

    def _headless(self, milestone: _Milestone, result: Timescale, notes: list[str]) -> Timescale:
        words = {self.tokens[atom.first].norm for atom in milestone.atoms if atom.type is AtomType.WORD}
        if result.phase is not None:
            return _with(result, kind=Kind.PHASE, notes=[*notes, "a stage with no date"])
        if words & lexicon.DELIVERABLE_NOUNS:
            return _with(result, kind=Kind.DELIVERABLE, notes=[*notes, "names something to deliver, but no date"])
        if result.recurrence is not None:
            only_cycle = all(atom.type is AtomType.RECURRENCE for atom in milestone.atoms)
            return _with(result, kind=Kind.RECURRING, label=None if only_cycle else result.label, notes=notes)
        return _with(
            result,
            kind=Kind.NOT_UNDERSTOOD,
            label=None,
            notes=[*notes, "no date, cycle, status or reference was recognised; kept for a person to read"],
        )

    def _headed(self, heads: list[Atom], result: Timescale, notes: list[str]) -> Timescale:
        first = heads[0]
        if first.type is AtomType.REFERENCE:
            return self._reference(first, result, notes)
        if first.type is AtomType.RELATIVE:
            return self._relative(first, result, notes)
        if first.type is AtomType.STATUS:
            result = _with(result, status=first.status)
            if len(heads) == 1:
                return _with(result, kind=Kind.STATUS, notes=notes)
            first, heads = heads[1], heads[1:]
        if first.type is AtomType.OPEN:
            meaning = first.open_meaning or "ongoing"
            end_core = heads[1].core if len(heads) > 1 else None
            if end_core is not None:
                given = self.reader.source(end_core.first, end_core.stop)
                notes.append(f"already under way; the end is given ('{given}')")
                return self._from_core(end_core, result, notes)
            if meaning != "ongoing":
                notes.append(meaning)
            if meaning == "under way" and result.status is None:
                result = _with(result, status=Status.IN_PROGRESS)
            return _with(result, kind=Kind.OPEN_ENDED, open_end=True, notes=notes)
        core = first.core
        if core is None:  # a CORE atom always has a core; kept for the type checker
            return _with(result, notes=notes)
        if len(heads) > 1 and heads[1].type is AtomType.OPEN:
            notes.append(f"starts {self.reader.source(core.first, core.stop)}, no end")
            opened = self._from_core(core, result, notes)
            return _with(opened, kind=Kind.OPEN_ENDED, end=None, open_end=True)
        return self._from_core(core, result, notes)

    def _from_core(self, core: Core, result: Timescale, notes: list[str]) -> Timescale:
        return _with(
            result,
            kind=core.kind,
            start=core.start,
            end=core.end,
            precision=core.precision,
            open_end=core.open_end,
            confidence=core.evidence.confidence,
            notes=list(core.evidence.notes) + notes,
            settings_used=core.evidence.settings_used,
        )

    def _reference(self, atom: Atom, result: Timescale, notes: list[str]) -> Timescale:
        first = atom.reference_first if atom.reference_first is not None else atom.first
        reference = self._label([Atom(AtomType.WORD, first, atom.stop)])
        referenced = _with(result, kind=Kind.REFERENCE, reference=reference, label=None)
        if atom.core is None:
            return _with(referenced, notes=[*notes, "the dates are in the referenced document"])
        dated = self._from_core(atom.core, referenced, [*notes, "the dates are those named in the reference"])
        return _with(dated, kind=Kind.REFERENCE)

    def _relative(self, atom: Atom, result: Timescale, notes: list[str]) -> Timescale:
        relative = _with(result, kind=Kind.RELATIVE, duration=atom.duration, relation=atom.relation, notes=notes)
        now = self.settings.reference_date
        if now is None or atom.duration is None or atom.relation is None:
            return relative
        try:
            start, end = _resolve_relative(now, atom.duration, atom.relation)
        except (OverflowError, ValueError):  # beyond the calendar (year 9999): keep the duration only
            return _with(relative, notes=[*relative.notes, "too far from the reference date to give dates"])
        use = SettingUse(
            "reference_date", now.isoformat(), f"read from {now.isoformat()}: {start.isoformat()} to {end.isoformat()}"
        )
        return _with(relative, start=start, end=end, precision=Precision.DAY, settings_used=(use,))


def _shift(day: date, duration: Duration, sign: int) -> date:
    amount = sign * duration.amount
    if duration.unit is Frequency.DAILY:
        return day + timedelta(days=amount)
    if duration.unit is Frequency.WEEKLY:
        return day + timedelta(weeks=amount)
    if duration.unit is Frequency.MONTHLY:
        return add_months(day, amount)
    return add_months(day, 12 * amount)


def _resolve_relative(now: date, duration: Duration, relation: Relation) -> tuple[date, date]:
    if relation is Relation.NEXT:
        return now, _shift(now, duration, 1) - timedelta(days=1)
    if relation is Relation.AFTER:
        moment = _shift(now, duration, 1)
        return moment, moment
    if relation is Relation.PAST:
        return _shift(now, duration, -1) + timedelta(days=1), now
    if relation is Relation.THIS_PERIOD:
        return now, date(now.year, 12, 31)
    return date(now.year + 1, 1, 1), date(now.year + 1, 12, 31)


def _with(result: Timescale, **changes: object) -> Timescale:
    """``result`` with ``changes``; lists become tuples so that results stay immutable."""
    converted: dict[str, Any] = {
        key: tuple(value) if isinstance(value, list) else value for key, value in changes.items()
    }
    return replace(result, **converted)


def _envelope(text: str, parts: tuple[Timescale, ...]) -> Timescale:
    dates = [day for part in parts if part.understood for day in (part.start, part.end) if day is not None]
    order = [Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW]
    confidence = max((part.confidence for part in parts), key=order.index)
    settings_used: list[SettingUse] = []
    for part in parts:
        settings_used += [use for use in part.settings_used if use not in settings_used]
    notes = [f"{len(parts)} milestones in one cell; start and end cover the dated ones"]
    understood = [part for part in parts if part.understood]
    if len(understood) < len(parts):
        notes.append(f"{len(parts) - len(understood)} of them not understood")
    return Timescale(
        text=text,
        kind=Kind.MULTIPLE,
        start=min(dates) if dates else None,
        end=max(dates) if dates else None,
        open_end=any(part.open_end for part in parts),
        confidence=confidence,
        notes=tuple(notes),
        settings_used=tuple(settings_used),
        parts=parts,
    )


def _slash_note(text: str, parts: list[Timescale]) -> list[Timescale]:
    """ "Nov 07/May 08": two milestones, or a date and its revised date; say so on the second."""
    noted: list[Timescale] = []
    for index, part in enumerate(parts):
        previous = parts[index - 1] if index else None
        if previous is not None and previous.span is not None and part.span is not None:
            between = text[previous.span[1] : part.span[0]]
            if between.strip() == "/":
                note = "dates joined by '/': read as two milestones (the second may be a revised date)"
                part = _with(part, notes=[*part.notes, note])
        noted.append(part)
    return noted


def parse_timescale(text: str, settings: ParseSettings = DEFAULT_SETTINGS) -> Timescale:
    """Read a free-text timescale. Never raises on any text; what it cannot read is ``not_understood``."""
    tokens = tokenize(text)
    reader = DateReader(text, tokens, settings)
    milestones = _group(Atomizer(reader).atoms())
    builder = _Builder(text, reader, settings)
    if not milestones:
        return Timescale(text=text, kind=Kind.NOT_UNDERSTOOD, notes=("no words to read",))
    if len(milestones) == 1:
        return builder.build(milestones[0], text, None)
    parts: list[Timescale] = []
    for milestone in milestones:
        start, end = builder._source_span(milestone)
        parts.append(builder.build(milestone, text[start:end], (start, end)))
    if not any(part.understood for part in parts):
        return Timescale(
            text=text,
            kind=Kind.NOT_UNDERSTOOD,
            notes=("no date, cycle, status or reference was recognised; kept for a person to read",),
        )
    return _envelope(text, tuple(_slash_note(text, parts)))


__all__ = ["DEFAULT_SETTINGS", "parse_timescale"]
