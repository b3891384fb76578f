"""Generate a synthetic workforce as Parquet, in chunks, for the workforce-report benchmark (issue 5, item 9).

    .venv/bin/python benchmarks/workforce/generate.py --rows 1000000 --out benchmarks/out/workforce-1m.parquet
    (options: --seed 1, --chunk-rows 1000000)

One row is one member of staff on the snapshot date, with the recruitment stages they went through in the year
(applied, shortlisted, appointed), whether they entered a formal disciplinary process, accessed non-mandatory
training or left, and their pay. The columns are described by `workforce.yaml` beside this file; where they
overlap with docs/examples/workforce.yaml they have the same names and the same kind of values.

Rows are generated and written one chunk (one Parquet row group, zstd) at a time, so memory stays at a few
hundred MB whatever the number of rows. The output is deterministic for (seed, chunk size, rows).

Differences built in (each a multiplicative factor independent of every other, so the ratio between two groups
holds in expectation whatever the other characteristics; the test checks them on a 50,000-row sample):

| measure | comparison | built-in size |
|---|---|---|
| appointed among shortlisted | White (all five White categories) vs other than White | 0.30 vs 0.20: ratio 1.5 |
| appointed among shortlisted | not disabled vs disabled | factor 1 vs 0.8: ratio 1.25 |
| shortlisted among applied | every group | 0.5 (no difference) |
| disciplinary | other than White vs White | 0.025 vs 0.020: ratio 1.25 |
| non-mandatory training | White vs other than White | 0.50 vs 0.45: ratio 1.11 |
| leaver | disabled vs not disabled | 0.13 vs 0.10: ratio 1.3 |
| hourly pay (full-pay relevant) | men vs women | women x 0.90: mean and median gaps 10% |
| hourly pay | White British vs ethnic minorities | minorities x 0.95: gaps 5% |
| hourly pay | not disabled vs disabled | disabled x 0.96: gaps 4% |
| paid a bonus | men vs women | 30% vs 24% |
| bonus pay (those paid one) | men vs women | women x 0.80: mean and median bonus gaps 20% |

People whose ethnicity or disability is not known get the factors of the reference group, except where stated
in the code. Shares: sex 60% women; ethnicity the Census 2021 England and Wales shares of the 19 categories
with 8% not stated (three quarters "Not stated", a quarter empty); disability (GSS) 10% "Prefer not to say";
religion 12% and sexual orientation 15% "Prefer not to say".
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Final

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

CHUNK_ROWS: Final = 1_000_000
YES_NO: Final = ("No", "Yes")

# Census 2021, England and Wales, ethnic group shares (%), by the classification's category code.
ETHNICITY_SHARES: Final = {
    "indian": 3.1,
    "pakistani": 2.7,
    "bangladeshi": 1.1,
    "chinese": 0.7,
    "asian_other": 1.6,
    "black_caribbean": 1.1,
    "black_african": 2.5,
    "black_other": 0.5,
    "mixed_white_black_caribbean": 0.9,
    "mixed_white_black_african": 0.4,
    "mixed_white_asian": 0.8,
    "mixed_other": 0.8,
    "white_british": 74.4,
    "white_irish": 0.9,
    "white_gypsy_traveller": 0.1,
    "white_roma": 0.2,
    "white_other": 6.2,
    "arab": 0.6,
    "other": 1.6,
}
WHITE: Final = frozenset({"white_british", "white_irish", "white_gypsy_traveller", "white_roma", "white_other"})
ETHNICITY_NOT_STATED: Final = 0.08
ETHNICITY_NOT_STATED_LABEL: Final = "Not stated"

# Labels exactly as the classification data files have them (dueregard/analytics/classifications/data/).
ETHNICITY_LABELS: Final = {
    "indian": "Indian",
    "pakistani": "Pakistani",
    "bangladeshi": "Bangladeshi",
    "chinese": "Chinese",
    "asian_other": "Any other Asian background",
    "black_caribbean": "Caribbean",
    "black_african": "African",
    "black_other": "Any other Black, Black British, or Caribbean background",
    "mixed_white_black_caribbean": "White and Black Caribbean",
    "mixed_white_black_african": "White and Black African",
    "mixed_white_asian": "White and Asian",
    "mixed_other": "Any other Mixed or multiple ethnic background",
    "white_british": "English, Welsh, Scottish, Northern Irish or British",
    "white_irish": "Irish",
    "white_gypsy_traveller": "Gypsy or Irish Traveller",
    "white_roma": "Roma",
    "white_other": "Any other White background",
    "arab": "Arab",
    "other": "Any other ethnic group",
}
PREFER_NOT: Final = "Prefer not to say"
SEX: Final = {"Female": 0.6, "Male": 0.4}
DISABILITY: Final = {  # GSS harmonised standard; disabled = the first two
    "Condition, reduces activities a lot": 0.05,
    "Condition, reduces activities a little": 0.11,
    "Condition, does not reduce activities": 0.06,
    "No long-term condition": 0.78,
}
DISABILITY_UNKNOWN: Final = 0.10
RELIGION: Final = {  # Census 2021 England and Wales, among those who answered
    "Buddhist": 0.5,
    "Christian": 46.2,
    "Hindu": 1.7,
    "Jewish": 0.5,
    "Muslim": 6.5,
    "No religion": 37.2,
    "Sikh": 0.9,
    "Other religion": 0.6,
}
RELIGION_UNKNOWN: Final = 0.12
SEXUAL_ORIENTATION: Final = {
    "Bisexual": 1.4,
    "Gay or Lesbian": 1.6,
    "Other sexual orientation": 0.3,
    "Straight or Heterosexual": 96.7,
}
SEXUAL_ORIENTATION_UNKNOWN: Final = 0.15
AGE_BANDS: Final = (16, 25, 35, 45, 55, 65)
AGE_BAND_LABELS: Final = ("16 to 24", "25 to 34", "35 to 44", "45 to 54", "55 to 64", "65 and over")
AGE_PAY_FACTOR: Final = (0.75, 0.95, 1.05, 1.10, 1.08, 1.00)

# Outcome rates and factors (see the table in the module docstring).
APPLIED: Final = 0.5
SHORTLISTED: Final = 0.5
APPOINTED_WHITE: Final = 0.30
APPOINTED_OTHER_THAN_WHITE: Final = 0.20
APPOINTED_DISABLED_FACTOR: Final = 0.8
DISCIPLINARY_WHITE: Final = 0.020
DISCIPLINARY_OTHER_THAN_WHITE: Final = 0.025
TRAINING_WHITE: Final = 0.50
TRAINING_OTHER_THAN_WHITE: Final = 0.45
LEAVER_NOT_DISABLED: Final = 0.10
LEAVER_DISABLED: Final = 0.13

# Pay.
HOURLY_MEDIAN: Final = 17.0
HOURLY_SIGMA: Final = 0.35
WOMEN_PAY_FACTOR: Final = 0.90
MINORITY_PAY_FACTOR: Final = 0.95
DISABLED_PAY_FACTOR: Final = 0.96
FULL_TIME_HOURS: Final = 37.5
PART_TIME_HOURS: Final = (15.0, 18.75, 22.5, 30.0)
FULL_TIME_SHARE: Final = {"Female": 0.6, "Male": 0.85}
PAY_PERIOD_DAYS: Final = {28: 0.10, 30: 0.45, 31: 0.45}
NOT_FULL_PAY: Final = 0.04  # on reduced or nil pay because of leave: paid half
NOT_RELEVANT: Final = 0.005
BONUS_PAID: Final = {"Female": 0.24, "Male": 0.30}
BONUS_MEDIAN: Final = 800.0
BONUS_SIGMA: Final = 0.8
WOMEN_BONUS_FACTOR: Final = 0.80

SCHEMA: Final = pa.schema(
    [
        ("staff_id", pa.int64()),
        ("sex", pa.string()),
        ("age", pa.int16()),
        ("age_band", pa.string()),
        ("ethnicity", pa.string()),
        ("disabled", pa.string()),
        ("religion", pa.string()),
        ("sexual_orientation", pa.string()),
        ("applied", pa.string()),
        ("shortlisted", pa.string()),
        ("appointed", pa.string()),
        ("disciplinary", pa.string()),
        ("training", pa.string()),
        ("leaver", pa.string()),
        ("ordinary_pay", pa.float64()),
        ("pay_period_days", pa.int16()),
        ("weekly_hours", pa.float64()),
        ("full_pay", pa.string()),
        ("bonus_pay", pa.float64()),
        ("relevant", pa.string()),
    ]
)


def _shares(values: dict[str, float], unknown: float = 0.0) -> tuple[list[str], np.ndarray]:
    labels = list(values)
    known = np.array([values[label] for label in labels], dtype=float)
    probabilities = known / known.sum() * (1.0 - unknown)
    return labels, probabilities


def _strings(codes: np.ndarray, labels: Sequence[str | None]) -> pa.Array:
    """Plain (not dictionary) string column from integer codes into `labels` (None = empty)."""
    dictionary = pa.array(list(labels), type=pa.string())
    return pa.DictionaryArray.from_arrays(pa.array(codes.astype(np.int32)), dictionary).cast(pa.string())


def _flags(flag: np.ndarray) -> pa.Array:
    return _strings(flag.astype(np.int8), YES_NO)


def generate_chunk(rng: np.random.Generator, start: int, rows: int) -> pa.Table:
    """`rows` staff, numbered from `start` + 1."""
    staff_id = np.arange(start + 1, start + rows + 1, dtype=np.int64)

    sex_labels, sex_p = _shares(SEX)
    sex = rng.choice(len(sex_labels), size=rows, p=sex_p)
    woman = sex == sex_labels.index("Female")

    age = np.clip(np.rint(rng.normal(42.0, 12.0, rows)), 16, 70).astype(np.int16)
    band = np.searchsorted(np.array(AGE_BANDS), age, side="right") - 1

    codes = list(ETHNICITY_SHARES)
    ethnicity_p = np.append(_shares(ETHNICITY_SHARES, ETHNICITY_NOT_STATED)[1], ETHNICITY_NOT_STATED)
    ethnicity = rng.choice(len(codes) + 1, size=rows, p=ethnicity_p)
    not_stated = ethnicity == len(codes)
    # A quarter of the unknowns are empty cells rather than "Not stated".
    empty = not_stated & (rng.random(rows) < 0.25)
    ethnicity_labels: list[str | None] = [ETHNICITY_LABELS[code] for code in codes]
    ethnicity_labels += [ETHNICITY_NOT_STATED_LABEL, None]
    ethnicity_column = np.where(empty, len(codes) + 1, ethnicity)
    white = np.isin(ethnicity, [codes.index(code) for code in WHITE])
    white_british = ethnicity == codes.index("white_british")
    minority = ~white_british & ~not_stated
    other_than_white = ~white & ~not_stated

    disability_labels, disability_p = _shares(DISABILITY, DISABILITY_UNKNOWN)
    disability = rng.choice(len(disability_labels) + 1, size=rows, p=np.append(disability_p, DISABILITY_UNKNOWN))
    disabled = disability < 2

    religion_labels, religion_p = _shares(RELIGION, RELIGION_UNKNOWN)
    religion = rng.choice(len(religion_labels) + 1, size=rows, p=np.append(religion_p, RELIGION_UNKNOWN))
    orientation_labels, orientation_p = _shares(SEXUAL_ORIENTATION, SEXUAL_ORIENTATION_UNKNOWN)
    orientation = rng.choice(
        len(orientation_labels) + 1, size=rows, p=np.append(orientation_p, SEXUAL_ORIENTATION_UNKNOWN)
    )

    applied = rng.random(rows) < APPLIED
    shortlisted = applied & (rng.random(rows) < SHORTLISTED)
    appoint_p = np.where(other_than_white, APPOINTED_OTHER_THAN_WHITE, APPOINTED_WHITE)
    appoint_p = appoint_p * np.where(disabled, APPOINTED_DISABLED_FACTOR, 1.0)
    appointed = shortlisted & (rng.random(rows) < appoint_p)
    disciplinary = rng.random(rows) < np.where(other_than_white, DISCIPLINARY_OTHER_THAN_WHITE, DISCIPLINARY_WHITE)
    training = rng.random(rows) < np.where(other_than_white, TRAINING_OTHER_THAN_WHITE, TRAINING_WHITE)
    leaver = rng.random(rows) < np.where(disabled, LEAVER_DISABLED, LEAVER_NOT_DISABLED)

    hourly = HOURLY_MEDIAN * np.exp(rng.normal(0.0, HOURLY_SIGMA, rows)) * np.array(AGE_PAY_FACTOR)[band]
    hourly *= np.where(woman, WOMEN_PAY_FACTOR, 1.0)
    hourly *= np.where(minority, MINORITY_PAY_FACTOR, 1.0)
    hourly *= np.where(disabled, DISABLED_PAY_FACTOR, 1.0)
    full_time = rng.random(rows) < np.where(woman, FULL_TIME_SHARE["Female"], FULL_TIME_SHARE["Male"])
    hours = np.where(full_time, FULL_TIME_HOURS, rng.choice(np.array(PART_TIME_HOURS), size=rows))
    days = rng.choice(np.array(list(PAY_PERIOD_DAYS)), size=rows, p=list(PAY_PERIOD_DAYS.values())).astype(np.int16)
    full_pay = rng.random(rows) >= NOT_FULL_PAY
    ordinary_pay = np.round(hourly * hours * days / 7.0 * np.where(full_pay, 1.0, 0.5), 2)
    relevant = rng.random(rows) >= NOT_RELEVANT
    paid_bonus = rng.random(rows) < np.where(woman, BONUS_PAID["Female"], BONUS_PAID["Male"])
    bonus = BONUS_MEDIAN * np.exp(rng.normal(0.0, BONUS_SIGMA, rows)) * np.where(woman, WOMEN_BONUS_FACTOR, 1.0)
    bonus_pay = np.where(paid_bonus, np.round(bonus, 2), 0.0)

    columns = {
        "staff_id": pa.array(staff_id),
        "sex": _strings(sex, sex_labels),
        "age": pa.array(age),
        "age_band": _strings(band, AGE_BAND_LABELS),
        "ethnicity": _strings(ethnicity_column, ethnicity_labels),
        "disabled": _strings(disability, [*disability_labels, PREFER_NOT]),
        "religion": _strings(religion, [*religion_labels, PREFER_NOT]),
        "sexual_orientation": _strings(orientation, [*orientation_labels, PREFER_NOT]),
        "applied": _flags(applied),
        "shortlisted": _flags(shortlisted),
        "appointed": _flags(appointed),
        "disciplinary": _flags(disciplinary),
        "training": _flags(training),
        "leaver": _flags(leaver),
        "ordinary_pay": pa.array(ordinary_pay),
        "pay_period_days": pa.array(days),
        "weekly_hours": pa.array(hours),
        "full_pay": _flags(full_pay),
        "bonus_pay": pa.array(bonus_pay),
        "relevant": _flags(relevant),
    }
    return pa.Table.from_pydict(columns, schema=SCHEMA)


def generate(rows: int, out: str | Path, *, seed: int = 1, chunk_rows: int = CHUNK_ROWS) -> Path:
    """Write `rows` synthetic staff to the Parquet file `out` (through a temporary file, renamed at the end)."""
    if rows < 1:
        raise ValueError("rows must be at least 1")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    with pq.ParquetWriter(partial, SCHEMA, compression="zstd") as writer:
        for index, start in enumerate(range(0, rows, chunk_rows)):
            size = min(chunk_rows, rows - start)
            rng = np.random.default_rng([seed, index])
            writer.write_table(generate_chunk(rng, start, size), row_group_size=size)
    os.replace(partial, out)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, required=True, help="number of staff records")
    parser.add_argument("--out", required=True, help="Parquet file to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--chunk-rows", type=int, default=CHUNK_ROWS, help="rows per chunk and row group")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    path = generate(args.rows, args.out, seed=args.seed, chunk_rows=args.chunk_rows)
    seconds = time.perf_counter() - started
    size = path.stat().st_size / 1e6
    print(f"wrote {args.rows:,} rows to {path} ({size:,.1f} MB) in {seconds:,.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
