"""The second pass: tokens grouped into meaningful atoms (a dated core, "ongoing", "quarterly", a reference...).

Everything that is not recognised stays a plain word atom; words become labels ("Phase 2", "Final review") or, in a
cell with nothing else, the text a person has to read.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from dueregard.timescales import lexicon
from dueregard.timescales.dates import Core, DateReader
from dueregard.timescales.model import Duration, Frequency, Recurrence, Relation, Status
from dueregard.timescales.tokens import TokenType

ROMAN_NUMERALS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}


class AtomType(Enum):
    CORE = "core"  # a dated milestone
    OPEN = "open"  # "ongoing"
    STATUS = "status"  # "completed"
    RELATIVE = "relative"  # "within 28 days"
    REFERENCE = "reference"  # "As detailed within the Action Plan"
    RECURRENCE = "recurrence"  # "quarterly"
    PHASE = "phase"  # "Phase 2"
    CONJUNCTION = "conjunction"  # "and", "&"
    WORD = "word"  # anything else, punctuation included
    BREAK = "break"  # end of a sentence or list item: ". ; :", "1.", brackets, a leading bullet dash


HEAD_TYPES = frozenset({AtomType.CORE, AtomType.OPEN, AtomType.STATUS, AtomType.RELATIVE, AtomType.REFERENCE})
"""Atoms that make a milestone on their own; the other atoms are words around them."""


@dataclass(frozen=True)
class Atom:
    type: AtomType
    first: int  # token indices, stop exclusive
    stop: int
    core: Core | None = None
    status: Status | None = None
    recurrence: Recurrence | None = None
    recurrence_note: str | None = None
    duration: Duration | None = None
    relation: Relation | None = None
    phase: int | None = None
    open_meaning: str | None = None
    reference_first: int | None = None  # where the referenced name starts, for REFERENCE


def _amount(reader: DateReader, index: int) -> tuple[int, int] | None:
    """A count written as digits, a number word or "a"/"an" (= 1)."""
    number = reader.number(index, (1, 2, 3))
    if number is not None:
        return number, index + 1
    word = reader.word(index)
    if word in lexicon.NUMBER_WORDS:
        return lexicon.NUMBER_WORDS[word], index + 1
    if word in ("a", "an"):
        return 1, index + 1
    return None


class Atomizer:
    """Turns the tokens of one text into atoms, left to right, longest match first."""

    def __init__(self, reader: DateReader) -> None:
        self.reader = reader
        self.tokens = reader.tokens

    def atoms(self) -> list[Atom]:
        atoms: list[Atom] = []
        index = 0
        while index < len(self.tokens):
            at_segment_start = not atoms or atoms[-1].type is AtomType.BREAK
            atom = self._atom_at(index, at_segment_start)
            atoms.append(atom)
            index = atom.stop
        return atoms

    def _atom_at(self, index: int, at_segment_start: bool) -> Atom:
        for reader in (self._break, self._list_marker):
            found = reader(index, at_segment_start)
            if found is not None:
                return found
        if at_segment_start:
            reference = self._reference(index)
            if reference is not None:
                return reference
        core = self.reader.core(index)
        if core is not None:
            return Atom(AtomType.CORE, index, core.stop, core=core)
        for atom_reader in (self._open, self._status, self._relative, self._recurrence, self._phase):
            atom = atom_reader(index)
            if atom is not None:
                return atom
        if self.tokens[index].norm in lexicon.CONJUNCTIONS:
            return Atom(AtomType.CONJUNCTION, index, index + 1)
        return Atom(AtomType.WORD, index, index + 1)

    def _break(self, index: int, at_segment_start: bool) -> Atom | None:
        token = self.tokens[index]
        if token.type in (TokenType.OPEN_BRACKET, TokenType.CLOSE_BRACKET):
            return Atom(AtomType.BREAK, index, index + 1)
        if token.type is TokenType.BREAK:
            following = self.reader._token(index + 1)
            if following is not None and following.glued and following.type is TokenType.NUMBER:
                return None  # "1.6 times": a decimal point
            return Atom(AtomType.BREAK, index, index + 1)
        if token.type is TokenType.DASH and at_segment_start:
            return Atom(AtomType.BREAK, index, index + 1)  # a bullet: "- Consultation and ..."
        return None

    def _list_marker(self, index: int, at_segment_start: bool) -> Atom | None:
        """ "1." / "2)" opening a numbered item ends what came before."""
        if self.reader.number(index, (1, 2)) is None:
            return None
        marker = self.reader._token(index + 1)
        after = self.reader._token(index + 2)
        if marker is None or not marker.glued or marker.text not in (".", ")"):
            return None
        if after is not None and after.glued:
            return None
        return Atom(AtomType.BREAK, index, index + 2)

    def _reference(self, index: int) -> Atom | None:
        after = self.reader.phrase(index, lexicon.REFERENCE_CUES)
        if after is None or after >= len(self.tokens):
            return None
        stop = after
        while stop < len(self.tokens) and self.tokens[stop].type is not TokenType.BREAK:
            stop += 1
        core = None
        for position in range(after, stop):
            core = self.reader.core(position)
            if core is not None and core.stop <= stop:
                break
            core = None
        return Atom(AtomType.REFERENCE, index, stop, core=core, reference_first=after)

    def _open(self, index: int) -> Atom | None:
        stop = self.reader.phrase(index, list(lexicon.OPEN_PHRASES))
        if stop is None:
            return None
        meaning = lexicon.OPEN_PHRASES[tuple(token.norm for token in self.tokens[index:stop])]
        return Atom(AtomType.OPEN, index, stop, open_meaning=meaning)

    def _status(self, index: int) -> Atom | None:
        stop = self.reader.phrase(index, list(lexicon.STATUS_PHRASES))
        if stop is None:
            return None
        # "Complete scoping and consultation ..." is an instruction, not a status: a status word stands alone,
        # ends a sentence, or comes just before a date or another status ("Completed June 08", "Complete Complete").
        following = self.reader._token(stop)
        standalone = following is None or following.type in (TokenType.BREAK, TokenType.COMMA)
        if (
            not standalone
            and self.reader.core(stop) is None
            and self.reader.phrase(stop, list(lexicon.STATUS_PHRASES)) is None
        ):
            return None
        status = lexicon.STATUS_PHRASES[tuple(token.norm for token in self.tokens[index:stop])]
        return Atom(AtomType.STATUS, index, stop, status=status)

    def _relative(self, index: int) -> Atom | None:
        calendar_stop = self.reader.phrase(index, list(lexicon.CALENDAR_RELATIVE_PHRASES))
        if calendar_stop is not None:
            relation = lexicon.CALENDAR_RELATIVE_PHRASES[tuple(t.norm for t in self.tokens[index:calendar_stop])]
            return Atom(
                AtomType.RELATIVE,
                index,
                calendar_stop,
                duration=Duration(1, Frequency.YEARLY),
                relation=relation,
            )
        lead_stop = self.reader.phrase(index, list(lexicon.RELATIVE_LEADS))
        if lead_stop is None:
            return None
        relation = lexicon.RELATIVE_LEADS[tuple(t.norm for t in self.tokens[index:lead_stop])]
        amount_found = _amount(self.reader, lead_stop)
        amount, unit_at = amount_found if amount_found is not None else (1, lead_stop)
        unit = lexicon.UNIT_WORDS.get(self.reader.word(unit_at) or "")
        if unit is None or amount < 1:
            return None
        return Atom(AtomType.RELATIVE, index, unit_at + 1, duration=Duration(amount, unit), relation=relation)

    def _recurrence(self, index: int) -> Atom | None:
        qualifier_stop = self.reader.phrase(index, [("at", "least"), ("initially",)])
        start = qualifier_stop if qualifier_stop is not None else index
        found = self._plain_recurrence(start)
        if found is None:
            return None
        recurrence, stop = found
        note = None
        if qualifier_stop is not None and self.tokens[index].norm == "at":
            recurrence = Recurrence(recurrence.frequency, recurrence.interval, at_least=True)
        elif qualifier_stop is not None:
            note = "'initially': the cycle may change later"
        return Atom(AtomType.RECURRENCE, index, stop, recurrence=recurrence, recurrence_note=note)

    def _plain_recurrence(self, index: int) -> tuple[Recurrence, int] | None:
        if self.reader.word(index) == "every":
            amount_found = _amount(self.reader, index + 1)
            amount, unit_at = amount_found if amount_found is not None else (1, index + 1)
            unit = lexicon.UNIT_WORDS.get(self.reader.word(unit_at) or "")
            if unit is not None and amount >= 1:
                return Recurrence(unit, amount), unit_at + 1
        amount_found = _amount(self.reader, index)
        if amount_found is not None and self.reader.word(index) not in ("a", "an"):
            amount, after = amount_found
            if self.reader.is_type(after, TokenType.DASH):
                after += 1
            unit = lexicon.PERIODIC_UNIT_WORDS.get(self.reader.word(after) or "")
            if unit is not None and amount >= 1:
                return Recurrence(unit, amount), after + 1
        stop = self.reader.phrase(index, list(lexicon.RECURRENCE_PHRASES))
        if stop is None:
            return None
        return lexicon.RECURRENCE_PHRASES[tuple(t.norm for t in self.tokens[index:stop])], stop

    def _phase(self, index: int) -> Atom | None:
        if self.reader.word(index) not in ("phase", "stage"):
            return None
        number = self.reader.number(index + 1, (1, 2))
        word = self.reader.word(index + 1) or ""
        if number is None:
            number = lexicon.NUMBER_WORDS.get(word, ROMAN_NUMERALS.get(word))
        if number is None:
            return None
        return Atom(AtomType.PHASE, index, index + 2, phase=number)
