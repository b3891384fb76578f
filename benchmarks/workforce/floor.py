"""The floor: read the columns the workforce report needs from Parquet with DuckDB and do nothing else.

    .venv/bin/python benchmarks/workforce/floor.py benchmarks/out/workforce-1m.parquet

One query sums every needed column (the length of each text value, so strings are decoded), forcing a full
scan; no report can read its input faster than this on the same machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from typing import Final

import duckdb

# The columns named by workforce.yaml that the report uses (the record id is not needed), plus `relevant`.
TEXT_COLUMNS: Final = (
    "sex",
    "ethnicity",
    "disabled",
    "religion",
    "sexual_orientation",
    "applied",
    "shortlisted",
    "appointed",
    "disciplinary",
    "training",
    "leaver",
    "full_pay",
    "relevant",
)
NUMBER_COLUMNS: Final = ("age", "ordinary_pay", "pay_period_days", "weekly_hours", "bonus_pay")
COLUMNS: Final = (*TEXT_COLUMNS, *NUMBER_COLUMNS)


def floor_query(path: str) -> str:
    sums = [f'sum(length("{column}"))' for column in TEXT_COLUMNS]
    sums += [f'sum("{column}")' for column in NUMBER_COLUMNS]
    source = path.replace("'", "''")
    return f"SELECT count(*), {', '.join(sums)} FROM read_parquet('{source}')"  # noqa: S608 - our own path


def scan(path: str) -> tuple[object, ...]:
    row = duckdb.connect().execute(floor_query(path)).fetchone()
    assert row is not None
    return tuple(row)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", help="Parquet file from generate.py")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    row = scan(args.data)
    print(f"{row[0]:,} rows, {len(COLUMNS)} columns scanned in {time.perf_counter() - started:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
