"""Read the classification data files in ``data/`` and check them as they are read.

One YAML file per classification (files whose names start with ``_`` hold shared data: the values that mean
"unknown" everywhere, and the crosswalks between census versions). A file that breaks a rule (duplicate code,
a category without a group, an aggregation that misses a category) fails loudly with the file and the reason,
so a bad data change cannot ship.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .model import UNKNOWN_CODE, UNMATCHED_CODE, AggregateGroup, Aggregation, Category, Classification, Crosswalk, Group

DATA_DIR = Path(__file__).parent / "data"
RESERVED_CODES = frozenset({UNKNOWN_CODE, UNMATCHED_CODE})


class ClassificationDataError(ValueError):
    """A classification data file breaks a rule."""


def _read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def shared_unknown_values() -> tuple[str, ...]:
    """Values that mean "not known" in every classification (not stated, prefer not to say, blank...)."""
    data = _read_yaml(DATA_DIR / "_unknown-values.yaml")
    return tuple(str(value) for value in data["unknown_values"])


@cache
def load_all() -> dict[str, Classification]:
    classifications: dict[str, Classification] = {}
    for path in sorted(DATA_DIR.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        classification = parse_classification(_read_yaml(path), source=path.name)
        if classification.id in classifications:
            raise ClassificationDataError(f"{path.name}: id {classification.id!r} is used by another file")
        classifications[classification.id] = classification
    return classifications


@cache
def load_crosswalks() -> tuple[Crosswalk, ...]:
    classifications = load_all()
    crosswalks = []
    for entry in _read_yaml(DATA_DIR / "_crosswalks.yaml")["crosswalks"]:
        source, target = classifications[entry["source"]], classifications[entry["target"]]
        mapping = {code: code for code in source.codes if code in target.codes}
        mapping.update(entry.get("changes") or {})
        problems = [f"{code} (not in {source.id})" for code in mapping if code not in source.codes]
        problems += [f"{code} -> {to} (not in {target.id})" for code, to in mapping.items() if to not in target.codes]
        problems += [f"{code} has no target" for code in source.codes if code not in mapping]
        if problems:
            raise ClassificationDataError(f"_crosswalks.yaml {source.id} -> {target.id}: {'; '.join(problems)}")
        crosswalks.append(
            Crosswalk(
                source=source.id,
                target=target.id,
                mapping=mapping,
                exact=bool(entry["exact"]),
                note=str(entry.get("note", "")),
            )
        )
    return tuple(crosswalks)


def parse_classification(data: dict[str, Any], *, source: str) -> Classification:
    """Build a Classification from the parsed YAML of one data file, checking its integrity."""

    def fail(problem: str) -> ClassificationDataError:
        return ClassificationDataError(f"{source}: {problem}")

    for key in ("id", "characteristic", "title", "version", "groups"):
        if key not in data:
            raise fail(f"missing key {key!r}")
    groups: list[Group] = []
    categories: list[Category] = []
    for group_order, group_data in enumerate(data["groups"]):
        group = Group(
            code=str(group_data["code"]),
            label=str(group_data["label"]),
            short_label=str(group_data.get("short_label", group_data["label"])),
            order=group_order,
            aliases=tuple(str(alias) for alias in group_data.get("aliases", ())),
        )
        groups.append(group)
        members = group_data.get("categories") or []
        if not members:
            raise fail(f"group {group.code!r} has no categories")
        for category_data in members:
            categories.append(
                Category(
                    code=str(category_data["code"]),
                    label=str(category_data["label"]),
                    group=group.code,
                    order=len(categories),
                    aliases=tuple(str(alias) for alias in category_data.get("aliases", ())),
                )
            )
    _check_unique(source, "group code", [group.code for group in groups])
    _check_unique(source, "category code", [category.code for category in categories])
    reserved = RESERVED_CODES & {category.code for category in categories}
    if reserved:
        raise fail(f"category codes {sorted(reserved)} are reserved")
    aggregations = tuple(
        _parse_aggregation(entry, categories=categories, fail=fail) for entry in data.get("aggregations") or []
    )
    return Classification(
        id=str(data["id"]),
        characteristic=str(data["characteristic"]),
        title=str(data["title"]),
        version=str(data["version"]),
        geography=str(data.get("geography", "")),
        source=str(data.get("source", "")),
        note=str(data.get("note", "")).strip(),
        groups=tuple(groups),
        categories=tuple(categories),
        unknown_values=(*shared_unknown_values(), *(str(v) for v in data.get("unknown_values") or ())),
        aggregations=aggregations,
    )


def _check_unique(source: str, what: str, values: list[str]) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ClassificationDataError(f"{source}: {what} {value!r} appears twice")
        seen.add(value)


def _parse_aggregation(entry: dict[str, Any], *, categories: list[Category], fail: Any) -> Aggregation:
    """An aggregation lists members by category code, by whole group (``member_groups``) or as ``rest``."""
    codes = [category.code for category in categories]
    assigned: dict[str, str] = {}
    rest_group: str | None = None
    specs = entry["groups"]
    for spec in specs:
        members = [str(code) for code in spec.get("members", ())]
        members += [c.code for c in categories if c.group in spec.get("member_groups", ())]
        for code in members:
            if code not in codes:
                raise fail(f"aggregation {entry['id']!r} names unknown category {code!r}")
            if code in assigned:
                raise fail(f"aggregation {entry['id']!r} puts {code!r} in two groups")
            assigned[code] = str(spec["code"])
        if spec.get("rest"):
            rest_group = str(spec["code"])
    if rest_group is not None:
        assigned.update({code: rest_group for code in codes if code not in assigned})
    missing = [code for code in codes if code not in assigned]
    if missing:
        raise fail(f"aggregation {entry['id']!r} leaves out {missing}")
    groups = tuple(
        AggregateGroup(
            code=str(spec["code"]),
            label=str(spec["label"]),
            members=tuple(code for code in codes if assigned[code] == str(spec["code"])),
        )
        for spec in specs
    )
    reference = str(entry.get("reference", groups[0].code))
    if reference not in {group.code for group in groups}:
        raise fail(f"aggregation {entry['id']!r} has reference {reference!r}, which is not one of its groups")
    return Aggregation(
        id=str(entry["id"]),
        label=str(entry["label"]),
        groups=groups,
        reference=reference,
        note=str(entry.get("note", "")).strip(),
    )
