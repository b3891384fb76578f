"""Check a table against its dataset description, and measure how many people declared each characteristic.

Every problem names the description key, the column, what is wrong, how many rows, example values and (when
the table has the ``_row`` column from ``read_table(..., row_numbers=True)``) the row numbers. The engine does the
counting; only distinct values and a few row numbers come back to Python, so this works on large tables too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, Literal

from .classifications import (
    AgeBands,
    Classification,
    StandardisationReport,
    ValueMatch,
    get_classification,
    normalise_label,
    standardise_values,
    value_counts_of,
)
from .classifications.matching import label_index
from .dataset import CharacteristicColumn, DatasetDescription, OutcomeColumn
from .i18n import N_, _, ngettext
from .inputs import ROW_COLUMN

if TYPE_CHECKING:
    import ibis.expr.types as ir

Severity = Literal["error", "warning"]

#: The severities as people read them (the codes stay English in ``severity`` and the JSON).
SEVERITY_WORDS: Final[dict[str, str]] = {"error": N_("error"), "warning": N_("warning")}

#: How many row numbers and example values an issue lists at most.
LISTED: Final = 20

#: The range each pay column must lie in.
_PAY_RULES: Final[dict[str, dict[str, Any]]] = {
    "ordinary_pay": {"minimum": 0},
    "bonus_pay": {"minimum": 0},
    "pay_period_days": {"positive": True},
    "weekly_hours": {"positive": True},
}


@dataclass(frozen=True)
class ValidationIssue:
    severity: Severity
    key: str  # the description key, e.g. characteristics.ethnicity.column
    column: str | None
    problem: str
    count: int = 0  # rows affected
    rows: tuple[int, ...] = ()  # the first LISTED row numbers, when the table has them
    values: tuple[str, ...] = ()  # example offending values

    @property
    def severity_label(self) -> str:
        """The severity in the current language ("error", "gwall")."""
        return _(SEVERITY_WORDS[self.severity])

    def __str__(self) -> str:
        where = ""
        if self.rows:
            rows = ", ".join(map(str, self.rows)) + ("..." if self.count > len(self.rows) else "")
            shown = ngettext("(row {rows})", "(rows {rows})", max(self.count, len(self.rows)))
            where = " " + shown.format(rows=rows)
        return f"{self.severity_label}: {self.key}: {self.problem}{where}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "key": self.key,
            "column": self.column,
            "problem": self.problem,
            "count": self.count,
            "rows": list(self.rows),
            "values": list(self.values),
        }


@dataclass(frozen=True)
class DeclarationRate:
    """How many records state a value for a characteristic: known / total, with what is not known beside it."""

    characteristic: str
    column: str
    classification: str
    total: int
    known: int
    unknown: int  # missing, blank, not stated, prefer not to say
    unmatched: int  # values that match no category (reported as issues)

    @property
    def rate(self) -> float | None:
        return self.known / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "characteristic": self.characteristic,
            "column": self.column,
            "classification": self.classification,
            "total": self.total,
            "known": self.known,
            "unknown": self.unknown,
            "unmatched": self.unmatched,
            "rate": self.rate,
        }


@dataclass(frozen=True)
class ValidationReport:
    dataset: str
    rows: int
    issues: tuple[ValidationIssue, ...]
    declaration_rates: tuple[DeclarationRate, ...]
    standardisation: dict[str, StandardisationReport] = field(default_factory=dict)
    row_numbers: bool = False  # whether issues could name rows
    #: The distinct values (as text) of the text columns checked, with how many rows hold each: a preset can
    #: start from them instead of counting again (``PresetInput.value_counts``). Not in ``to_dict()``.
    value_counts: dict[str, list[tuple[str | None, int]]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not any(issue.severity == "error" for issue in self.issues)

    @property
    def errors(self) -> tuple[ValidationIssue, ...]:
        return tuple(issue for issue in self.issues if issue.severity == "error")

    def declaration_rate(self, characteristic: str) -> DeclarationRate:
        for rate in self.declaration_rates:
            if rate.characteristic == characteristic:
                return rate
        raise KeyError(f"no declaration rate for {characteristic!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "rows": self.rows,
            "ok": self.ok,
            "row_numbers": self.row_numbers,
            "issues": [issue.to_dict() for issue in self.issues],
            "declaration_rates": [rate.to_dict() for rate in self.declaration_rates],
            "standardisation": {name: report.to_dict() for name, report in self.standardisation.items()},
        }


class _Validator:
    def __init__(self, table: ir.Table, description: DatasetDescription) -> None:
        self.table = table
        self.description = description
        self.has_rows = ROW_COLUMN in table.columns
        self.issues: list[ValidationIssue] = []
        self.rates: list[DeclarationRate] = []
        self.reports: dict[str, StandardisationReport] = {}
        self.known_counts: list[tuple[ir.BooleanValue, int]] = []
        self.values: dict[str, list[tuple[str | None, int]]] = {}

    def load_values(self, missing: set[str]) -> None:
        """The distinct values of every text column the checks read (characteristics, yes/no outcomes, the
        full-pay flag), in one query."""
        columns = [
            c.column for c in self.description.characteristics if c.age_bands is None and c.column not in missing
        ]
        columns += [o.column for o in self.description.outcomes if o.kind == "flag" and o.column not in missing]
        pay = self.description.pay
        if pay is not None and pay.full_pay_relevant and pay.full_pay_relevant not in missing:
            columns.append(pay.full_pay_relevant)
        columns = [column for column in dict.fromkeys(columns) if not self.table[column].type().is_boolean()]
        self.values = value_counts_of(self.table, columns)

    def issue(
        self,
        *,
        key: str,
        column: str | None,
        problem: str,
        where: ir.BooleanValue | None = None,
        count: int = 0,
        values: tuple[str, ...] = (),
        severity: Severity = "error",
    ) -> None:
        rows: tuple[int, ...] = ()
        if where is not None and self.has_rows:
            found = self.table.filter(where).select(ROW_COLUMN).order_by(ROW_COLUMN).limit(LISTED).to_pyarrow()
            rows = tuple(found.column(ROW_COLUMN).to_pylist())
        self.issues.append(
            ValidationIssue(
                severity=severity, key=key, column=column, problem=problem, count=count, rows=rows, values=values
            )
        )

    def raw_in(self, column: str, values: list[str]) -> ir.BooleanValue:
        expression: ir.BooleanValue = self.table[column].cast("string").isin(values)
        return expression

    # --- columns -------------------------------------------------------------------------------------------------
    def missing_columns(self) -> set[str]:
        present = set(self.table.columns)
        missing = set()
        for column, key in self.description.required_columns().items():
            if column not in present:
                missing.add(column)
                self.issue(
                    key=key, column=column, problem=_("column {column} is not in the data").format(column=repr(column))
                )
        return missing

    # --- characteristics -----------------------------------------------------------------------------------------
    def characteristic(self, characteristic: CharacteristicColumn, total: int) -> None:
        if characteristic.age_bands is not None:
            self.age(characteristic, total)
            return
        classification = get_classification(characteristic.classification)
        report = standardise_values(self.values[characteristic.column], classification)
        self.reports[characteristic.name] = report
        key = f"characteristics.{characteristic.name}.column"
        for match in report.unmatched:
            self.issue(
                key=key,
                column=characteristic.column,
                problem=_unmatched_problem(match, classification),
                where=self.raw_in(characteristic.column, [str(match.value)]),
                count=match.count,
                values=(str(match.value),),
            )
        self.rates.append(
            DeclarationRate(
                characteristic=characteristic.name,
                column=characteristic.column,
                classification=classification.id,
                total=total,
                known=report.count("matched"),
                unknown=report.count("unknown"),
                unmatched=report.count("unmatched"),
            )
        )

    def age_conditions(self, characteristic: CharacteristicColumn) -> tuple[ir.BooleanValue, ...]:
        """Not a number, below the first band, unknown: the conditions `age()` counts."""
        bands = AgeBands(lower_bounds=characteristic.age_bands or ())
        raw = self.table[characteristic.column]
        numeric = raw if raw.type().is_numeric() else raw.cast("string").strip().nullif("").try_cast("float64")
        not_numeric = raw.notnull() & numeric.isnull()
        if not raw.type().is_numeric():
            not_numeric = not_numeric & (raw.cast("string").strip() != "")
        return not_numeric, numeric < bands.lower_bounds[0], numeric.isnull() & ~not_numeric

    def age(self, characteristic: CharacteristicColumn, total: int) -> None:
        key = f"characteristics.{characteristic.name}.column"
        bands = AgeBands(lower_bounds=characteristic.age_bands or ())
        not_numeric, young, unknown_age = self.age_conditions(characteristic)
        bad_text = self.counted(not_numeric)
        too_young = self.counted(young)
        unknown = self.counted(unknown_age)
        if bad_text:
            examples = self.examples(characteristic.column, not_numeric)
            self.issue(
                key=key,
                column=characteristic.column,
                problem=_not_numbers(bad_text, examples),
                where=not_numeric,
                count=bad_text,
                values=examples,
            )
        if too_young:
            self.issue(
                key=key,
                column=characteristic.column,
                problem=ngettext(
                    "{count} age is below the first band ({band})",
                    "{count} ages are below the first band ({band})",
                    too_young,
                ).format(count=too_young, band=bands.codes[0]),
                where=young,
                count=too_young,
            )
        self.rates.append(
            DeclarationRate(
                characteristic=characteristic.name,
                column=characteristic.column,
                classification=characteristic.classification,
                total=total,
                known=total - unknown - bad_text - too_young,
                unknown=unknown,
                unmatched=bad_text + too_young,
            )
        )

    def examples(self, column: str, where: ir.BooleanValue) -> tuple[str, ...]:
        found = (
            self.table.filter(where)
            .select(value=self.table[column].cast("string"))
            .distinct()
            .order_by("value")
            .limit(5)
            .to_pyarrow()
        )
        return tuple(str(value) for value in found.column("value").to_pylist())

    # --- outcomes and flags --------------------------------------------------------------------------------------
    def flag_values(
        self, column: str, *, key: str, true_values: tuple[str, ...], false_values: tuple[str, ...]
    ) -> dict[str, bool]:
        """Raw value -> True/False for the flag's distinct values; reports values that are neither."""
        meaning, bad = self.flag_meaning(column, true_values=true_values, false_values=false_values)
        if bad:
            shown = ", ".join(_value_rows(value, count) for value, count in sorted(bad))
            allowed = "/".join([*true_values[:2], *false_values[:2]])
            self.issue(
                key=key,
                column=column,
                problem=_("values that are neither yes nor no ({allowed}): {values}").format(
                    allowed=allowed, values=shown
                ),
                where=self.raw_in(column, [value for value, _count in bad]),
                count=sum(count for _value, count in bad),
                values=tuple(value for value, _count in sorted(bad)),
            )
        return meaning

    def flag_meaning(
        self, column: str, *, true_values: tuple[str, ...], false_values: tuple[str, ...]
    ) -> tuple[dict[str, bool], list[tuple[str, int]]]:
        """Raw value -> True/False for the flag's distinct values, and the values that are neither."""
        truthy = {normalise_label(value) for value in true_values}
        falsy = {normalise_label(value) for value in false_values}
        meaning: dict[str, bool] = {}
        bad: list[tuple[str, int]] = []
        for value, count in self.values[column]:
            if value is None:
                continue
            normal = normalise_label(value)
            if normal in truthy:
                meaning[value] = True
            elif normal in falsy:
                meaning[value] = False
            else:
                bad.append((value, count))
        return meaning, bad

    def contradictions(self, missing: set[str]) -> dict[str, ir.BooleanValue]:
        """For each outcome counted among another (appointed among shortlisted): the rows that have it without
        the other."""
        flags = {
            outcome.name: self.flag_expression(outcome)
            for outcome in self.description.outcomes
            if outcome.kind == "flag" and outcome.column not in missing
        }
        return {
            outcome.name: flags[outcome.name] & ~flags[outcome.among]
            for outcome in self.description.outcomes
            if outcome.among and outcome.name in flags and outcome.among in flags
        }

    def outcomes(self, missing: set[str]) -> None:
        for outcome in self.description.outcomes:
            if outcome.column in missing:
                continue
            key = f"outcomes.{outcome.name}.column"
            if outcome.kind == "flag" and not self.table[outcome.column].type().is_boolean():
                self.flag_values(
                    outcome.column, key=key, true_values=outcome.true_values, false_values=outcome.false_values
                )
            elif outcome.kind == "count":
                self.number(outcome.column, key=key, minimum=0)
        for name, contradiction in self.contradictions(missing).items():
            outcome = self.description.outcome(name)
            count = self.counted(contradiction)
            if count:
                among = self.description.outcome(str(outcome.among))
                self.issue(
                    key=f"outcomes.{outcome.name}.among",
                    column=outcome.column,
                    problem=ngettext(
                        "{count} row has {outcome} but not {among} ({column})",
                        "{count} rows have {outcome} but not {among} ({column})",
                        count,
                    ).format(count=count, outcome=outcome.name, among=among.name, column=among.column),
                    where=contradiction,
                    count=count,
                )

    def flag_expression(self, outcome: OutcomeColumn) -> ir.BooleanValue:
        """Whether each row has the outcome (a missing or unrecognised value counts as no)."""
        import ibis

        column = self.table[outcome.column]
        if column.type().is_boolean():
            typed: ir.BooleanValue = column.fill_null(False)
            return typed
        meaning, _bad = self.flag_meaning(
            outcome.column, true_values=outcome.true_values, false_values=outcome.false_values
        )
        truthy = [value for value, flag in meaning.items() if flag]
        if not truthy:  # nobody has it; still a column, so that it can be counted
            nobody: ir.BooleanValue = column.isnull() & ibis.literal(False)
            return nobody
        expression: ir.BooleanValue = column.cast("string").isin(truthy).fill_null(False)
        return expression

    # --- numbers -------------------------------------------------------------------------------------------------
    def number_checks(
        self, column: str, *, minimum: float | None = None, positive: bool = False
    ) -> tuple[ir.BooleanValue | None, ir.BooleanValue | None, Callable[[int, tuple[str, ...]], str]]:
        """The conditions for text that is not a number and for values out of range (None when not checked), and
        the message for values out of range (from their count and examples)."""
        raw = self.table[column]
        not_numeric: ir.BooleanValue | None = None
        if raw.type().is_numeric():
            numeric = raw
        else:
            text = raw.cast("string").strip()
            numeric = text.nullif("").try_cast("float64")
            not_numeric = text.notnull() & (text != "") & numeric.isnull()
        if positive:
            return not_numeric, numeric <= 0, _zero_or_negative
        if minimum is not None:
            return not_numeric, numeric < minimum, _negative
        return not_numeric, None, _negative

    def number(self, column: str, *, key: str, minimum: float | None = None, positive: bool = False) -> None:
        not_numeric, bad, out_of_range = self.number_checks(column, minimum=minimum, positive=positive)
        if not_numeric is not None:
            count = self.counted(not_numeric)
            if count:
                examples = self.examples(column, not_numeric)
                self.issue(
                    key=key,
                    column=column,
                    problem=_not_numbers(count, examples),
                    where=not_numeric,
                    count=count,
                    values=examples,
                )
        if bad is None:
            return
        count = self.counted(bad)
        if count:
            examples = self.examples(column, bad)
            self.issue(
                key=key,
                column=column,
                problem=out_of_range(count, examples),
                where=bad,
                count=count,
                values=examples,
            )

    # --- counting several conditions in one query ----------------------------------------------------------------
    def count_together(self, conditions: list[ir.BooleanValue], *, with_total: bool = False) -> int | None:
        """Count the rows meeting each condition in one aggregate query (one scan instead of one per condition);
        `counted()` then answers from these counts. With `with_total`, the number of rows too (returned)."""
        pending = [condition for condition in conditions if self._known(condition) is None]
        if not pending and not with_total:
            return None
        measures = {f"c{index}": condition.cast("int64").sum() for index, condition in enumerate(pending)}
        if with_total:
            measures["total"] = self.table.count()
        totals = self.table.aggregate(**measures).to_pyarrow()
        for index, condition in enumerate(pending):
            value = totals.column(f"c{index}")[0].as_py()
            self.known_counts.append((condition, int(value or 0)))
        return int(totals.column("total")[0].as_py()) if with_total else None

    def first_counts(self, missing: set[str]) -> int:
        """The number of rows, with the blank record ids, every number check, the age checks and the "among"
        contradictions counted in the same query (after :meth:`load_values`)."""
        conditions: list[ir.BooleanValue] = []
        record_id = self.description.record_id
        if record_id is not None and record_id not in missing:
            conditions.append(self.table[record_id].isnull())
        numbers: list[tuple[str, dict[str, Any]]] = [
            (outcome.column, {"minimum": 0})
            for outcome in self.description.outcomes
            if outcome.kind == "count" and outcome.column not in missing
        ]
        if self.description.pay is not None:
            numbers += [
                (column, _PAY_RULES[name])
                for name, column in self.description.pay.columns().items()
                if name != "full_pay_relevant" and column not in missing
            ]
        if self.description.weight and self.description.weight not in missing:
            numbers.append((self.description.weight, {"minimum": 0}))
        for column, rules in numbers:
            not_numeric, bad, _words = self.number_checks(column, **rules)
            conditions += [condition for condition in (not_numeric, bad) if condition is not None]
        for characteristic in self.description.characteristics:
            if characteristic.age_bands is not None and characteristic.column not in missing:
                conditions += self.age_conditions(characteristic)
        conditions += self.contradictions(missing).values()
        total = self.count_together(conditions, with_total=True)
        assert total is not None
        return total

    def counted(self, condition: ir.BooleanValue) -> int:
        """Rows meeting `condition`: from `count_together()` when it was counted there, else one query."""
        known = self._known(condition)
        if known is not None:
            return known
        return int(self.table.filter(condition).count().to_pyarrow().as_py())

    def _known(self, condition: ir.BooleanValue) -> int | None:
        for seen, count in self.known_counts:
            if seen.equals(condition):
                return count
        return None

    def pay(self, missing: set[str]) -> None:
        pay = self.description.pay
        if pay is None:
            return
        for name, column in pay.columns().items():
            if column in missing:
                continue
            if name == "full_pay_relevant":
                if self.table[column].type().is_boolean():
                    continue
                self.flag_values(
                    column,
                    key=f"pay.{name}",
                    true_values=("yes", "y", "true", "1"),
                    false_values=("no", "n", "false", "0"),
                )
            else:
                self.number(column, key=f"pay.{name}", **_PAY_RULES[name])

    def record_id(self, missing: set[str]) -> None:
        column = self.description.record_id
        if column is None or column in missing:
            return
        ids = self.table[column]
        blank = ids.isnull()
        blanks = self.counted(blank)
        if blanks:
            self.issue(
                key="record_id",
                column=column,
                problem=ngettext("{count} row has no record id", "{count} rows have no record id", blanks).format(
                    count=blanks
                ),
                where=blank,
                count=blanks,
            )
        if not self.may_repeat(column):
            return
        repeated = (
            self.table.filter(ids.notnull())
            .group_by(column)
            .aggregate(n=lambda t: t.count())
            .filter(lambda t: t.n > 1)
            .order_by(column)
            .to_pyarrow()
        )
        if repeated.num_rows:
            values = tuple(str(value) for value in repeated.column(column).to_pylist())
            self.issue(
                key="record_id",
                column=column,
                problem=ngettext(
                    "{count} record id appears more than once: {ids}",
                    "{count} record ids appear more than once: {ids}",
                    repeated.num_rows,
                ).format(count=repeated.num_rows, ids=", ".join(values[:5])),
                where=ids.cast("string").isin(list(values)),
                count=sum(repeated.column("n").to_pylist()),
                values=values[:LISTED],
            )

    def may_repeat(self, column: str) -> bool:
        """False when no value of `column` appears twice. On DuckDB this is a sort and a comparison of each value
        with the one before (it spills to disk like any sort), about twice as fast as counting every value; on
        Spark, where a window over the whole table would run in one task, the count itself answers (True)."""
        import ibis

        from .engine import backend_name

        if backend_name(self.table.get_backend()) != "duckdb":
            return True
        ids = self.table.select(_id=self.table[column]).filter(lambda t: t._id.notnull())
        previous = ids._id.lag().over(ibis.window(order_by=ids._id))
        repeats = ids.mutate(_previous=previous).filter(lambda t: t._previous == t._id).count()
        return bool(repeats.to_pyarrow().as_py())

    def weight(self, missing: set[str]) -> None:
        if self.description.weight and self.description.weight not in missing:
            self.number(self.description.weight, key="weight", minimum=0)


def _negative(count: int, examples: tuple[str, ...]) -> str:
    return ngettext("{count} value is negative: {values}", "{count} values are negative: {values}", count).format(
        count=count, values=", ".join(examples)
    )


def _zero_or_negative(count: int, examples: tuple[str, ...]) -> str:
    return ngettext(
        "{count} value is zero or negative: {values}", "{count} values are zero or negative: {values}", count
    ).format(count=count, values=", ".join(examples))


def _not_numbers(count: int, examples: tuple[str, ...]) -> str:
    return ngettext(
        "{count} value is not a number: {values}", "{count} values are not numbers: {values}", count
    ).format(count=count, values=", ".join(map(repr, examples)))


def _value_rows(value: object, count: int) -> str:
    """A value and how many rows hold it: "'maybe' (1 row)"."""
    return ngettext("{value} ({count} row)", "{value} ({count} rows)", count).format(value=repr(value), count=count)


def _unmatched_problem(match: ValueMatch, classification: Classification) -> str:
    """A value that is not a category: with the label it is close to, or the categories it could be."""
    value, count, code = repr(match.value), match.count, classification.id
    candidates = label_index(classification).ambiguous.get(normalise_label(str(match.value)))
    if candidates:
        labels = [
            f"{classification.group(classification.category(candidate).group).short_label} "
            f"{classification.category(candidate).label}"
            for candidate in candidates
        ]
        either = labels[0]
        for label in labels[1:]:
            either = _("{first} or {second}").format(first=either, second=label)
        return ngettext(
            "{value} is not a category of {classification} ({count} row); ambiguous: could be {candidates} "
            "(name the group, e.g. 'White Other')",
            "{value} is not a category of {classification} ({count} rows); ambiguous: could be {candidates} "
            "(name the group, e.g. 'White Other')",
            count,
        ).format(value=value, classification=code, count=count, candidates=either)
    if match.suggestion:
        return ngettext(
            "{value} is not a category of {classification} ({count} row); did you mean {suggestion}?",
            "{value} is not a category of {classification} ({count} rows); did you mean {suggestion}?",
            count,
        ).format(value=value, classification=code, count=count, suggestion=repr(match.suggestion))
    return ngettext(
        "{value} is not a category of {classification} ({count} row)",
        "{value} is not a category of {classification} ({count} rows)",
        count,
    ).format(value=value, classification=code, count=count)


def validate(table: ir.Table, description: DatasetDescription) -> ValidationReport:
    """Check ``table`` against ``description`` and compute declaration rates per characteristic."""
    validator = _Validator(table, description)
    missing = validator.missing_columns()
    validator.load_values(missing)
    total = validator.first_counts(missing)
    validator.record_id(missing)
    for characteristic in description.characteristics:
        if characteristic.column not in missing:
            validator.characteristic(characteristic, total)
    validator.outcomes(missing)
    validator.pay(missing)
    validator.weight(missing)
    return ValidationReport(
        dataset=description.name,
        rows=total,
        issues=tuple(validator.issues),
        declaration_rates=tuple(validator.rates),
        standardisation=validator.reports,
        row_numbers=validator.has_rows,
        value_counts=validator.values,
    )
