"""Match raw labels ("WHITE - British", "A", "White: Irish") to a classification's codes.

Labels are compared after normalisation (case, accents, spaces and punctuation do not matter; "&" reads as
"and"). Each category answers to its label, its aliases and codes, and each of those preceded by its group's
names ("White Irish", "White: Irish"). A normalised key claimed by two categories (2001's several "Other"s) is
ambiguous and matches neither, so nothing is ever guessed. Values that match nothing are reported with a count and
a suggestion, never dropped.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from .model import UNKNOWN_CODE, UNMATCHED_CODE, Classification

_NOT_WORD = re.compile(r"[\W_]+")

MatchStatus = Literal["matched", "unknown", "unmatched"]


def normalise_label(value: str) -> str:
    """The comparison key of a label: casefolded, accents and punctuation removed, single spaces."""
    text = unicodedata.normalize("NFKD", value)
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = text.replace("&", " and ").replace("+", " plus ")
    return " ".join(_NOT_WORD.sub(" ", text).split())


@dataclass(frozen=True)
class LabelIndex:
    """Normalised key -> category code for one classification, with the keys that are ambiguous."""

    codes_by_key: Mapping[str, str]
    ambiguous: Mapping[str, tuple[str, ...]]
    unknown_keys: frozenset[str]
    display_by_key: Mapping[str, str]  # key -> a readable label, for suggestions


@cache
def label_index(classification: Classification) -> LabelIndex:
    claims: dict[str, set[str]] = {}
    display: dict[str, str] = {}
    for category in classification.categories:
        group = classification.group(category.group)
        names = [category.code, category.label, *category.aliases]
        prefixes = {group.short_label, group.label, *group.aliases}
        candidates = [*names, *(f"{prefix} {name}" for prefix in prefixes for name in names[1:])]
        for candidate in candidates:
            key = normalise_label(candidate)
            if key:
                claims.setdefault(key, set()).add(category.code)
                display.setdefault(key, _qualified_label(classification, category.code))
    unknown_keys = frozenset(normalise_label(value) for value in classification.unknown_values)
    codes_by_key = {key: next(iter(codes)) for key, codes in claims.items() if len(codes) == 1}
    ambiguous = {key: tuple(sorted(codes)) for key, codes in claims.items() if len(codes) > 1}
    # A real category label wins over the shared list of unknown values ("None" is a religion answer).
    return LabelIndex(
        codes_by_key=codes_by_key,
        ambiguous=ambiguous,
        unknown_keys=unknown_keys - codes_by_key.keys(),
        display_by_key=display,
    )


@dataclass(frozen=True)
class ValueMatch:
    """What one distinct raw value became."""

    value: str | None
    count: int
    status: MatchStatus
    code: str  # a category code, UNKNOWN_CODE or UNMATCHED_CODE
    suggestion: str | None = None  # for unmatched values: the closest label, or the ambiguous candidates

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "count": self.count,
            "status": self.status,
            "code": self.code,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class StandardisationReport:
    """The outcome of matching a column's distinct values to a classification."""

    classification: str
    matches: tuple[ValueMatch, ...]
    mapping: dict[str | None, str] = field(repr=False)  # raw value -> code, for every distinct value

    @property
    def unmatched(self) -> tuple[ValueMatch, ...]:
        return tuple(match for match in self.matches if match.status == "unmatched")

    @property
    def total(self) -> int:
        return sum(match.count for match in self.matches)

    def count(self, status: MatchStatus) -> int:
        return sum(match.count for match in self.matches if match.status == status)

    def to_dict(self) -> dict[str, Any]:
        return {
            "classification": self.classification,
            "total": self.total,
            "matched": self.count("matched"),
            "unknown": self.count("unknown"),
            "unmatched": [match.to_dict() for match in self.unmatched],
            "values": [match.to_dict() for match in self.matches],
        }


def match_value(value: str | None, classification: Classification) -> tuple[MatchStatus, str, str | None]:
    """Status, code and (for unmatched values) a suggestion for one raw value."""
    if value is None:
        return "unknown", UNKNOWN_CODE, None
    index = label_index(classification)
    key = normalise_label(str(value))
    if key in index.codes_by_key:
        return "matched", index.codes_by_key[key], None
    if key in index.unknown_keys:
        return "unknown", UNKNOWN_CODE, None
    if key in index.ambiguous:
        candidates = " or ".join(_qualified_label(classification, code) for code in index.ambiguous[key])
        return "unmatched", UNMATCHED_CODE, f"ambiguous: could be {candidates} (name the group, e.g. 'White Other')"
    close = difflib.get_close_matches(key, index.codes_by_key.keys(), n=1, cutoff=0.75)
    suggestion = index.display_by_key[close[0]] if close else None
    return "unmatched", UNMATCHED_CODE, suggestion


def _qualified_label(classification: Classification, code: str) -> str:
    category = classification.category(code)
    return f"{classification.group(category.group).short_label} {category.label}"


def standardise_values(
    value_counts: Iterable[tuple[str | None, int]], classification: Classification
) -> StandardisationReport:
    """Match distinct raw values (with how many rows hold each) to the classification's codes.

    The report lists every value, sorted by status then value, so it does not depend on input order.
    """
    totals: dict[str | None, int] = {}
    for value, count in value_counts:
        totals[value] = totals.get(value, 0) + int(count)
    matches = []
    for value, count in totals.items():
        status, code, suggestion = match_value(value, classification)
        matches.append(ValueMatch(value=value, count=count, status=status, code=code, suggestion=suggestion))
    matches.sort(key=lambda match: (match.status, match.value is not None, match.value or ""))
    return StandardisationReport(
        classification=classification.id,
        matches=tuple(matches),
        mapping={match.value: match.code for match in matches},
    )
