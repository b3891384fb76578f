"""The part of the workforce report fairlearn can do: selection rates per group and the differences and ratios
between groups (fairlearn.metrics.MetricFrame with selection_rate), for appointment among the shortlisted and
for entering the disciplinary process, by ethnicity (19 categories; White and other than White) and disability.

    .venv/bin/python benchmarks/workforce/with_fairlearn.py benchmarks/out/workforce-1m.parquet --out fl.json

fairlearn has no confidence intervals, tests, reference groups, unknown handling or disclosure control, and no
pay gaps: people whose characteristic is not known are dropped before the metric frame is built.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
from fairlearn.metrics import MetricFrame, selection_rate

ETHNICITY_19: Final = (
    "Indian",
    "Pakistani",
    "Bangladeshi",
    "Chinese",
    "Any other Asian background",
    "Caribbean",
    "African",
    "Any other Black, Black British, or Caribbean background",
    "White and Black Caribbean",
    "White and Black African",
    "White and Asian",
    "Any other Mixed or multiple ethnic background",
    "English, Welsh, Scottish, Northern Irish or British",
    "Irish",
    "Gypsy or Irish Traveller",
    "Roma",
    "Any other White background",
    "Arab",
    "Any other ethnic group",
)
WHITE: Final = frozenset(ETHNICITY_19[12:17])
DISABLED: Final = {
    "Condition, reduces activities a lot": "Disabled",
    "Condition, reduces activities a little": "Disabled",
    "Condition, does not reduce activities": "Not disabled",
    "No long-term condition": "Not disabled",
}
COLUMNS: Final = ("ethnicity", "disabled", "shortlisted", "appointed", "disciplinary")


def groupings(frame: pd.DataFrame) -> dict[str, pd.Series]:
    ethnicity = frame["ethnicity"].astype(object)
    known = ethnicity.isin(ETHNICITY_19)
    return {
        "ethnicity": ethnicity.where(known),
        "ethnicity: White and other than White": ethnicity.map(
            lambda value: "White" if value in WHITE else "Other than White"
        ).where(known),
        "disability": frame["disabled"].astype(object).map(DISABLED),
    }


def selection_rates(outcome: np.ndarray, groups: pd.Series) -> dict[str, Any]:
    keep = groups.notna().to_numpy()
    frame = MetricFrame(
        metrics=selection_rate,
        y_true=outcome[keep],
        y_pred=outcome[keep],
        sensitive_features=groups[keep].to_numpy(),
    )
    return {
        "overall": float(frame.overall),
        "by_group": {str(group): float(rate) for group, rate in frame.by_group.items()},
        "difference": float(frame.difference()),
        "ratio": float(frame.ratio()),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", help="Parquet file from generate.py")
    parser.add_argument("--out", required=True, help="JSON file to write the results to")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    frame = pq.read_table(args.data, columns=list(COLUMNS), read_dictionary=list(COLUMNS)).to_pandas()
    shortlisted = (frame["shortlisted"] == "Yes").to_numpy()
    appointed = (frame["appointed"] == "Yes").to_numpy().astype(int)
    disciplinary = (frame["disciplinary"] == "Yes").to_numpy().astype(int)
    results: dict[str, Any] = {}
    for name, groups in groupings(frame).items():
        results[f"appointed among shortlisted by {name}"] = selection_rates(
            appointed[shortlisted], groups[shortlisted].reset_index(drop=True)
        )
        results[f"disciplinary by {name}"] = selection_rates(disciplinary, groups)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({"rows": len(frame), "results": results}, indent=1), encoding="utf-8")
    print(f"fairlearn: {len(results)} metric frames in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
