"""The declarative description of a dataset: which column holds what.

A YAML file (see docs/examples/workforce.yaml) says which column holds each characteristic and which
classification it uses, which columns are outcomes or stages (applied, shortlisted, appointed, disciplinary,
training, leaver...), which hold pay, and the weight, period, unit and record id. It is parsed into frozen
dataclasses; every problem found is reported at once, each naming its key (``characteristics.ethnicity.column``)
and what is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml

from .classifications import get_classification, list_classifications
from .i18n import _, ngettext

TRUE_VALUES: Final = ("yes", "y", "true", "1")
FALSE_VALUES: Final = ("no", "n", "false", "0")
OUTCOME_KINDS: Final = ("flag", "category", "count")
PAY_FIELDS: Final = ("ordinary_pay", "bonus_pay", "pay_period_days", "weekly_hours", "full_pay_relevant")


@dataclass(frozen=True)
class DescriptionProblem:
    key: str
    problem: str

    def __str__(self) -> str:
        return f"{self.key}: {self.problem}"


class DescriptionError(ValueError):
    """A dataset description has problems; ``problems`` lists every one."""

    def __init__(self, source: str, problems: Sequence[DescriptionProblem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        count = len(self.problems)
        heading = ngettext("{source} has {count} problem:", "{source} has {count} problems:", count)
        listed = "".join(f"\n  - {problem}" for problem in self.problems)
        super().__init__(heading.format(source=source, count=count) + listed)


@dataclass(frozen=True)
class CharacteristicColumn:
    name: str  # the characteristic: ethnicity, sex, disability, age...
    column: str
    classification: str  # a classification id, e.g. ethnicity-ew-2021
    age_bands: tuple[int, ...] | None = None  # for a numeric age column: lower bounds of the bands

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "column": self.column,
            "classification": self.classification,
            "age_bands": list(self.age_bands) if self.age_bands else None,
        }


@dataclass(frozen=True)
class OutcomeColumn:
    """An outcome or stage: a yes/no flag (appointed), a category (leaving reason) or a count (training days)."""

    name: str
    column: str
    kind: str = "flag"
    among: str | None = None  # the earlier stage this one is counted among (appointed among shortlisted)
    true_values: tuple[str, ...] = TRUE_VALUES
    false_values: tuple[str, ...] = FALSE_VALUES

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "column": self.column,
            "kind": self.kind,
            "among": self.among,
            "true_values": list(self.true_values),
            "false_values": list(self.false_values),
        }


@dataclass(frozen=True)
class PayColumns:
    """Columns for the pay gap (Specific Duties Regulations 2017, Schedule 1)."""

    ordinary_pay: str | None = None
    bonus_pay: str | None = None
    pay_period_days: str | None = None
    weekly_hours: str | None = None
    full_pay_relevant: str | None = None  # a flag: not on reduced or nil pay because of leave

    def columns(self) -> dict[str, str]:
        return {name: column for name in PAY_FIELDS if (column := getattr(self, name)) is not None}

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in PAY_FIELDS}


@dataclass(frozen=True)
class Period:
    """What period the data covers: a fixed label (``2023/24``, a snapshot date) or a column holding it."""

    label: str | None = None
    column: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "column": self.column}


@dataclass(frozen=True)
class DatasetDescription:
    name: str
    title: str
    unit: str  # what one row is: "staff member", "applicant", "search"
    record_id: str | None = None
    weight: str | None = None
    period: Period | None = None
    characteristics: tuple[CharacteristicColumn, ...] = ()
    outcomes: tuple[OutcomeColumn, ...] = ()
    pay: PayColumns | None = None
    notes: str = ""

    def characteristic(self, name: str) -> CharacteristicColumn:
        for characteristic in self.characteristics:
            if characteristic.name == name:
                return characteristic
        raise KeyError(f"{self.name} describes no characteristic {name!r}")

    def outcome(self, name: str) -> OutcomeColumn:
        for outcome in self.outcomes:
            if outcome.name == name:
                return outcome
        raise KeyError(f"{self.name} describes no outcome {name!r}")

    def required_columns(self) -> dict[str, str]:
        """Every column the description names -> the key that names it."""
        named: dict[str, str] = {}
        if self.record_id:
            named[self.record_id] = "record_id"
        if self.weight:
            named[self.weight] = "weight"
        if self.period and self.period.column:
            named[self.period.column] = "period.column"
        for characteristic in self.characteristics:
            named[characteristic.column] = f"characteristics.{characteristic.name}.column"
        for outcome in self.outcomes:
            named[outcome.column] = f"outcomes.{outcome.name}.column"
        if self.pay:
            named.update({column: f"pay.{name}" for name, column in self.pay.columns().items()})
        return named

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "unit": self.unit,
            "record_id": self.record_id,
            "weight": self.weight,
            "period": self.period.to_dict() if self.period else None,
            "characteristics": [c.to_dict() for c in self.characteristics],
            "outcomes": [o.to_dict() for o in self.outcomes],
            "pay": self.pay.to_dict() if self.pay else None,
            "notes": self.notes,
        }


def load_description(path: str | Path) -> DatasetDescription:
    """Read and check a dataset description YAML file."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DescriptionError(path.name, [DescriptionProblem("(file)", _("file not found"))]) from None
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        problem = (
            _("not valid YAML at line {line}").format(line=where.line + 1) if where is not None else _("not valid YAML")
        )
        raise DescriptionError(path.name, [DescriptionProblem("(file)", problem)]) from error
    return parse_description(data, source=path.name)


class _Checker:
    """Collects problems while reading, so that one run reports all of them."""

    def __init__(self) -> None:
        self.problems: list[DescriptionProblem] = []

    def add(self, key: str, problem: str) -> None:
        self.problems.append(DescriptionProblem(key, problem))

    def mapping(self, value: Any, key: str) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.add(key, _("must be a mapping of names to settings, not {type}").format(type=type(value).__name__))
            return {}
        return value

    def known_keys(self, value: Mapping[str, Any], key: str, allowed: Sequence[str]) -> None:
        for name in value:
            if name not in allowed:
                self.add(
                    f"{key}.{name}" if key else str(name),
                    _("unknown key (expected one of: {keys})").format(keys=", ".join(allowed)),
                )

    def text(self, value: Any, key: str, *, required: bool = False) -> str | None:
        if value is None or value == "":
            if required:
                self.add(key, _("is required"))
            return None
        if not isinstance(value, str | int):
            self.add(key, _("must be text, not {type}").format(type=type(value).__name__))
            return None
        return str(value)


TOP_KEYS: Final = (
    "name",
    "title",
    "unit",
    "record_id",
    "weight",
    "period",
    "characteristics",
    "outcomes",
    "pay",
    "notes",
)


def parse_description(data: Any, *, source: str = "description") -> DatasetDescription:
    """Check a parsed YAML mapping and build the description; raise DescriptionError listing every problem."""
    check = _Checker()
    if not isinstance(data, dict):
        raise DescriptionError(source, [DescriptionProblem("(file)", _("must be a YAML mapping (key: value lines)"))])
    check.known_keys(data, "", TOP_KEYS)
    name = check.text(data.get("name"), "name", required=True) or ""
    description = DatasetDescription(
        name=name,
        title=check.text(data.get("title"), "title") or name,
        unit=check.text(data.get("unit"), "unit", required=True) or "",
        record_id=check.text(data.get("record_id"), "record_id"),
        weight=check.text(data.get("weight"), "weight"),
        period=_period(data.get("period"), check),
        characteristics=_characteristics(data.get("characteristics"), check),
        outcomes=_outcomes(data.get("outcomes"), check),
        pay=_pay(data.get("pay"), check),
        notes=str(data.get("notes") or "").strip(),
    )
    _check_columns_used_once(description, check)
    if check.problems:
        raise DescriptionError(source, check.problems)
    return description


def _period(value: Any, check: _Checker) -> Period | None:
    if value is None:
        return None
    if isinstance(value, str | int):
        return Period(label=str(value))
    settings = check.mapping(value, "period")
    check.known_keys(settings, "period", ("label", "column"))
    period = Period(
        label=check.text(settings.get("label"), "period.label"),
        column=check.text(settings.get("column"), "period.column"),
    )
    if settings and period.label is None and period.column is None:
        check.add("period", _("give a label or a column"))
    return period


def _characteristics(value: Any, check: _Checker) -> tuple[CharacteristicColumn, ...]:
    found = []
    ids = {classification.id for classification in list_classifications()}
    for name, settings in check.mapping(value, "characteristics").items():
        key = f"characteristics.{name}"
        if isinstance(settings, str):
            settings = {"column": settings}
        settings = check.mapping(settings, key)
        check.known_keys(settings, key, ("column", "classification", "age_bands"))
        column = check.text(settings.get("column"), f"{key}.column", required=True)
        classification = check.text(settings.get("classification"), f"{key}.classification", required=True)
        if classification is not None and classification not in ids:
            close = sorted(i for i in ids if i.split("-")[0] == classification.split("-")[0])
            if close:
                problem = _("no classification {classification}; for {name} there are: {ids}").format(
                    classification=repr(classification), name=name, ids=", ".join(close)
                )
            else:
                problem = _("no classification {classification}; there are: {ids}").format(
                    classification=repr(classification), ids=", ".join(sorted(ids))
                )
            check.add(f"{key}.classification", problem)
        elif classification is not None and get_classification(classification).characteristic.replace("_", "-") != str(
            name
        ).replace("_", "-"):
            actual = get_classification(classification).characteristic
            check.add(
                f"{key}.classification",
                _("{classification} classifies {actual}, not {name}").format(
                    classification=repr(classification), actual=actual, name=name
                ),
            )
        bands = _age_bands(settings.get("age_bands"), f"{key}.age_bands", check)
        if column and classification:
            found.append(
                CharacteristicColumn(name=str(name), column=column, classification=classification, age_bands=bands)
            )
    return tuple(found)


def _age_bands(value: Any, key: str, check: _Checker) -> tuple[int, ...] | None:
    if value is None:
        return None
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(bound, int) and not isinstance(bound, bool) and bound >= 0 for bound in value)
    ):
        check.add(key, _("must be a list of whole-number ages, the lower bound of each band, e.g. [16, 25, 35]"))
        return None
    if value != sorted(set(value)):
        check.add(key, _("lower bounds must be distinct and increasing"))
        return None
    return tuple(value)


def _outcomes(value: Any, check: _Checker) -> tuple[OutcomeColumn, ...]:
    found = []
    settings_by_name = check.mapping(value, "outcomes")
    for name, settings in settings_by_name.items():
        key = f"outcomes.{name}"
        if isinstance(settings, str):
            settings = {"column": settings}
        settings = check.mapping(settings, key)
        check.known_keys(settings, key, ("column", "kind", "among", "true_values", "false_values"))
        column = check.text(settings.get("column"), f"{key}.column", required=True)
        kind = check.text(settings.get("kind"), f"{key}.kind") or "flag"
        if kind not in OUTCOME_KINDS:
            check.add(
                f"{key}.kind",
                _("must be one of {kinds}, not {kind}").format(kinds=", ".join(OUTCOME_KINDS), kind=repr(kind)),
            )
        among = check.text(settings.get("among"), f"{key}.among")
        if among is not None and among not in settings_by_name:
            check.add(f"{key}.among", _("names no outcome of this dataset: {among}").format(among=repr(among)))
        if among == name:
            check.add(f"{key}.among", _("an outcome cannot be counted among itself"))
        true_values = _values(settings.get("true_values"), f"{key}.true_values", TRUE_VALUES, check)
        false_values = _values(settings.get("false_values"), f"{key}.false_values", FALSE_VALUES, check)
        if column:
            found.append(
                OutcomeColumn(
                    name=str(name),
                    column=column,
                    kind=kind,
                    among=among,
                    true_values=true_values,
                    false_values=false_values,
                )
            )
    return tuple(found)


def _values(value: Any, key: str, default: tuple[str, ...], check: _Checker) -> tuple[str, ...]:
    if value is None:
        return default
    if not isinstance(value, list) or not value:
        check.add(key, _("must be a non-empty list of values"))
        return default
    # YAML 1.1 reads unquoted yes/no/true/false as booleans, so the word typed is lost: accept both spellings.
    words: list[str] = []
    for item in value:
        if isinstance(item, bool):
            words += ["yes", "true"] if item else ["no", "false"]
        else:
            words.append(str(item))
    return tuple(words)


def _pay(value: Any, check: _Checker) -> PayColumns | None:
    if value is None:
        return None
    settings = check.mapping(value, "pay")
    check.known_keys(settings, "pay", PAY_FIELDS)
    columns = {name: check.text(settings.get(name), f"pay.{name}") for name in PAY_FIELDS}
    if settings and columns["ordinary_pay"] is None:
        check.add("pay.ordinary_pay", _("is required when pay is described"))
    return PayColumns(**columns)


def _check_columns_used_once(description: DatasetDescription, check: _Checker) -> None:
    seen: dict[str, str] = {}
    for key, column in _column_keys(description):
        if column in seen:
            check.add(key, _("column {column} is already used by {key}").format(column=repr(column), key=seen[column]))
        else:
            seen[column] = key


def _column_keys(description: DatasetDescription) -> list[tuple[str, str]]:
    keys: list[tuple[str, str]] = []
    if description.record_id:
        keys.append(("record_id", description.record_id))
    keys += [(f"characteristics.{c.name}.column", c.column) for c in description.characteristics]
    keys += [(f"outcomes.{o.name}.column", o.column) for o in description.outcomes]
    if description.pay:
        keys += [(f"pay.{name}", column) for name, column in description.pay.columns().items()]
    return keys
