"""Typed view of a classification: categories in groups, aggregations, the values that mean "unknown".

The content lives in YAML files under ``data/`` (see :mod:`.loader`); this module only says what a loaded
classification looks like and answers questions about it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Code given to values that mean "not known": missing, blank, not stated, prefer not to say.
UNKNOWN_CODE = "unknown"
#: Code given to values that match nothing in the classification; they are reported, never dropped.
UNMATCHED_CODE = "unmatched"


@dataclass(frozen=True)
class Category:
    code: str
    label: str
    group: str  # code of the group the category belongs to
    order: int  # position in published tables (groups alphabetical, Other last; categories in census order)
    aliases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "label": self.label,
            "group": self.group,
            "order": self.order,
            "aliases": list(self.aliases),
        }


@dataclass(frozen=True)
class Group:
    code: str
    label: str
    short_label: str  # the word people put before a category, e.g. "White" in "White Irish"
    order: int
    aliases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "label": self.label,
            "short_label": self.short_label,
            "order": self.order,
            "aliases": list(self.aliases),
        }


@dataclass(frozen=True)
class AggregateGroup:
    code: str
    label: str
    members: tuple[str, ...]  # category codes

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "label": self.label, "members": list(self.members)}


@dataclass(frozen=True)
class Aggregation:
    """A coarser grouping of the categories, e.g. White British vs all ethnic minorities."""

    id: str
    label: str
    groups: tuple[AggregateGroup, ...]
    reference: str  # code of the aggregate group used as comparator
    note: str = ""

    def group_of(self) -> dict[str, str]:
        """Category code -> aggregate group code."""
        return {member: group.code for group in self.groups for member in group.members}

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "reference": self.reference,
            "note": self.note,
            "groups": [group.to_dict() for group in self.groups],
        }


@dataclass(frozen=True)
class Classification:
    id: str
    characteristic: str
    title: str
    version: str
    geography: str
    source: str
    groups: tuple[Group, ...]
    categories: tuple[Category, ...]
    unknown_values: tuple[str, ...]
    aggregations: tuple[Aggregation, ...] = ()
    note: str = ""
    _by_code: dict[str, Category] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_code.update({category.code: category for category in self.categories})

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(category.code for category in self.categories)

    def category(self, code: str) -> Category:
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"{self.id} has no category {code!r}") from None

    def group(self, code: str) -> Group:
        for group in self.groups:
            if group.code == code:
                return group
        raise KeyError(f"{self.id} has no group {code!r}")

    def aggregation(self, aggregation_id: str) -> Aggregation:
        """An aggregation by id; ``groups`` is always available and rolls categories up to their group."""
        if aggregation_id == "groups":
            return Aggregation(
                id="groups",
                label="Groups",
                groups=tuple(
                    AggregateGroup(
                        code=group.code,
                        label=group.label,
                        members=tuple(c.code for c in self.categories if c.group == group.code),
                    )
                    for group in self.groups
                ),
                reference=self.groups[0].code,
            )
        for aggregation in self.aggregations:
            if aggregation.id == aggregation_id:
                return aggregation
        available = ", ".join(["groups", *(a.id for a in self.aggregations)])
        raise KeyError(f"{self.id} has no aggregation {aggregation_id!r}; it has: {available}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "characteristic": self.characteristic,
            "title": self.title,
            "version": self.version,
            "geography": self.geography,
            "source": self.source,
            "note": self.note,
            "groups": [group.to_dict() for group in self.groups],
            "categories": [category.to_dict() for category in self.categories],
            "unknown_values": list(self.unknown_values),
            "aggregations": [aggregation.to_dict() for aggregation in self.aggregations],
        }


@dataclass(frozen=True)
class Crosswalk:
    """How codes of one classification translate into another (e.g. census 2011 to 2021)."""

    source: str
    target: str
    mapping: dict[str, str]
    exact: bool  # False when some target categories cannot be told apart in the source
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "exact": self.exact,
            "note": self.note,
            "mapping": dict(self.mapping),
        }
