"""Apply a classification to a column of an Ibis table, on any backend.

The engine counts the column's distinct values; they are matched in Python (:mod:`.matching`, a handful of
values however many rows); the result goes back to the engine as a ``CASE`` expression, or as a join against a
small mapping table when there are too many distinct values for a readable ``CASE``. Both compile on DuckDB and
Spark alike.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .matching import StandardisationReport, standardise_values
from .model import UNKNOWN_CODE, UNMATCHED_CODE, Classification, Crosswalk

if TYPE_CHECKING:
    import ibis.expr.types as ir

#: Above this many distinct raw values the mapping is joined as a table instead of written as a CASE.
CASE_LIMIT = 200
CODE_COLUMN = "__dueregard_code"


def value_counts(table: ir.Table, column: str) -> list[tuple[str | None, int]]:
    """Distinct values of ``column`` (as text) with how many rows hold each, counted by the engine."""
    raw = table[column].cast("string").name("value")
    counts = table.select(raw).group_by("value").aggregate(rows=lambda t: t.count()).to_pyarrow()
    return list(zip(counts.column("value").to_pylist(), counts.column("rows").to_pylist(), strict=True))


def value_counts_of(table: ir.Table, columns: Sequence[str]) -> dict[str, list[tuple[str | None, int]]]:
    """:func:`value_counts` of several columns in one query (a UNION ALL of small group-bys: one job on Spark)."""
    import ibis

    if not columns:
        return {}
    branches = []
    for column in dict.fromkeys(columns):
        values = table.select(_value=table[column].cast("string"))
        counted = values.group_by("_value").aggregate(_rows=values.count())
        branches.append(counted.select(_column=ibis.literal(column), _value=counted["_value"], _rows=counted["_rows"]))
    query = branches[0] if len(branches) == 1 else ibis.union(*branches, distinct=False)
    out: dict[str, list[tuple[str | None, int]]] = {column: [] for column in columns}
    for row in query.to_pyarrow().to_pylist():
        out[row["_column"]].append((row["_value"], int(row["_rows"])))
    return out


@dataclass(frozen=True)
class StandardisedColumn:
    table: ir.Table  # the input table with the code column added
    column: str  # name of the code column
    report: StandardisationReport


def standardise_column(
    table: ir.Table,
    column: str,
    classification: Classification,
    *,
    output: str | None = None,
    aggregation: str | None = None,
    case_limit: int = CASE_LIMIT,
) -> StandardisedColumn:
    """Add a column of codes for ``column``: category codes, or the groups of ``aggregation`` if given.

    Missing and "prefer not to say" values become ``unknown``; values that match nothing become ``unmatched``
    and are listed, with counts and suggestions, in the report. No row is dropped.
    """
    report = standardise_values(value_counts(table, column), classification)
    mapping = dict(report.mapping)
    if aggregation is not None:
        group_of = classification.aggregation(aggregation).group_of()
        mapping = {raw: group_of.get(code, code) for raw, code in mapping.items()}
    name = output or f"{column}_code"
    mapped = map_values(table, column, mapping, case_limit=case_limit)
    return StandardisedColumn(table=_code_as(mapped, name), column=name, report=report)


def _code_as(mapped: ir.Table, name: str) -> ir.Table:
    """Name the ``__dueregard_code`` column ``name``, replacing a column of that name if there is one."""
    if name in mapped.columns:
        mapped = mapped.drop(name)
    return mapped.rename({name: CODE_COLUMN})


def map_values(
    table: ir.Table, column: str, mapping: Mapping[str, str] | Mapping[str | None, str], *, case_limit: int = CASE_LIMIT
) -> ir.Table:
    """Return ``table`` with a ``__dueregard_code`` column: ``mapping`` applied to ``column`` read as text.

    NULL maps to ``mapping[None]`` if given, else ``unknown``; values missing from the mapping map to
    ``unmatched``.
    """
    import ibis

    raw = table[column].cast("string")
    given: dict[str | None, str] = dict(mapping.items())
    null_code = given.get(None, UNKNOWN_CODE)
    pairs = {value: code for value, code in given.items() if value is not None}
    if len(pairs) <= case_limit:
        mapped = raw.substitute(pairs, else_=ibis.literal(UNMATCHED_CODE)) if pairs else ibis.literal(UNMATCHED_CODE)
        code = ibis.ifelse(raw.isnull(), ibis.literal(null_code), mapped)
        return table.mutate(__dueregard_code=code)
    return _map_by_join(table, raw=raw, pairs=pairs, null_code=null_code)


def _map_by_join(table: ir.Table, *, raw: ir.StringColumn, pairs: Mapping[str, str], null_code: str) -> ir.Table:
    import ibis
    import pyarrow as pa

    from ..engine import to_backend

    lookup = to_backend(
        table.get_backend(),
        pa.table({"__dueregard_raw": list(pairs), "__dueregard_mapped": list(pairs.values())}),
    )
    keyed = table.mutate(__dueregard_key=raw)
    joined = keyed.left_join(lookup, keyed["__dueregard_key"] == lookup["__dueregard_raw"])
    code = ibis.ifelse(
        joined["__dueregard_key"].isnull(),
        ibis.literal(null_code),
        joined["__dueregard_mapped"].fill_null(UNMATCHED_CODE),
    )
    return joined.mutate(__dueregard_code=code).drop("__dueregard_key", "__dueregard_raw", "__dueregard_mapped")


def crosswalk_column(table: ir.Table, column: str, crosswalk: Crosswalk, *, output: str | None = None) -> ir.Table:
    """Translate a column of codes of ``crosswalk.source`` into codes of ``crosswalk.target``.

    ``unknown`` and ``unmatched`` pass through unchanged; any other code not in the source becomes ``unmatched``.
    """
    mapping: dict[str, str] = {
        **crosswalk.mapping,
        UNKNOWN_CODE: UNKNOWN_CODE,
        UNMATCHED_CODE: UNMATCHED_CODE,
    }
    return _code_as(map_values(table, column, mapping), output or column)


def label_column(table: ir.Table, column: str, classification: Classification, *, output: str) -> ir.Table:
    """Add the readable label of each code in ``column`` (unknown and unmatched get "Unknown"/"Not matched")."""
    labels: dict[str | None, str] = {category.code: category.label for category in classification.categories}
    labels.update({UNKNOWN_CODE: "Unknown", UNMATCHED_CODE: "Not matched", None: "Unknown"})
    return _code_as(map_values(table, column, labels), output)


@dataclass(frozen=True)
class AgeBands:
    """Age bands given by their lower bounds; the last band is open-ended ("65+")."""

    lower_bounds: Sequence[int]

    def __post_init__(self) -> None:
        bounds = list(self.lower_bounds)
        if not bounds or bounds != sorted(set(bounds)) or bounds[0] < 0:
            raise ValueError(f"Age band lower bounds must be distinct, increasing and not negative: {bounds}")

    @property
    def codes(self) -> tuple[str, ...]:
        bounds = list(self.lower_bounds)
        closed = [f"{low}-{high - 1}" for low, high in itertools.pairwise(bounds)]
        return (*closed, f"{bounds[-1]}+")


#: 16-24, 25-34, 35-44, 45-54, 55-64, 65+ (the codes of the ``age-bands-standard`` classification).
STANDARD_AGE_BANDS = AgeBands(lower_bounds=(16, 25, 35, 45, 55, 65))


def age_band(age: ir.NumericValue, bands: AgeBands = STANDARD_AGE_BANDS) -> ir.StringValue:
    """Band a numeric age: NULL becomes ``unknown``, an age below the first band ``unmatched``."""
    import ibis

    branches = [(age >= low, code) for low, code in reversed(list(zip(bands.lower_bounds, bands.codes, strict=True)))]
    return ibis.cases((age.isnull(), UNKNOWN_CODE), *branches, else_=UNMATCHED_CODE)
