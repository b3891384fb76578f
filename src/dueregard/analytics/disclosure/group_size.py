"""The minimum group size rule: ethnicity and disability pay gaps (and other comparisons of groups) are published
only when there are at least 10 people in each group compared (2023 voluntary guidance; 2025 proposals)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..i18n import and_list, ngettext

DEFAULT_MINIMUM_GROUP_SIZE = 10


@dataclass(frozen=True)
class GroupSizeCheck:
    passed: bool
    minimum: int
    too_small: tuple[str, ...]
    note: str

    def to_dict(self) -> dict[str, Any]:
        return {"passed": self.passed, "minimum": self.minimum, "too_small": list(self.too_small), "note": self.note}


def check_group_sizes(counts: Mapping[str, int], *, minimum: int = DEFAULT_MINIMUM_GROUP_SIZE) -> GroupSizeCheck:
    """Passed when every group compared has at least ``minimum`` people; the note names the groups that do not."""
    too_small = tuple(sorted(group for group, count in counts.items() if count < minimum))
    if not too_small:
        return GroupSizeCheck(True, minimum, (), "")
    groups = and_list(too_small, commas=False)
    note = ngettext(
        "Withheld: fewer than {minimum} people in the {groups} group.",
        "Withheld: fewer than {minimum} people in the {groups} groups.",
        len(too_small),
    ).format(minimum=minimum, groups=groups)
    return GroupSizeCheck(False, minimum, too_small, note)
