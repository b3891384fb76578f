"""The part of the workforce report aequitas can do: per group the selection rate (aequitas's "pprev", predicted
positive prevalence) and its disparity against a reference group (aequitas.group.Group crosstabs and
aequitas.bias.Bias), for appointment among the shortlisted and for entering the disciplinary process, by ethnicity
(19 categories; White and other than White) and disability.

    benchmarks/out/venv-aequitas/bin/python benchmarks/workforce/with_aequitas.py DATA.parquet --out aq.json

aequitas 1.1.0 requires pandas < 3 (it would downgrade the project's pandas 3), so it runs from its own virtual
environment; run.py looks for one at benchmarks/out/venv-aequitas (or the AEQUITAS_PYTHON variable):

    python3.11 -m venv benchmarks/out/venv-aequitas
    benchmarks/out/venv-aequitas/bin/pip install aequitas==1.1.0 pyarrow

aequitas expects a model's score and the true label; here both are the recorded outcome, so only the
prevalence figures mean anything. It has no confidence intervals, tests, unknown handling or disclosure control,
and no pay gaps; people whose characteristic is not known are dropped first.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

try:
    import pandas as pd
    import pyarrow.parquet as pq
    from aequitas.bias import Bias
    from aequitas.group import Group
except ImportError as error:  # pragma: no cover - depends on the environment
    print(
        f"aequitas is not available in this Python ({error}); run with benchmarks/out/venv-aequitas/bin/python "
        "(see this script's docstring). Skipped.",
        file=sys.stderr,
    )
    sys.exit(3)

ETHNICITY_19 = (
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
WHITE = frozenset(ETHNICITY_19[12:17])
DISABLED = {
    "Condition, reduces activities a lot": "Disabled",
    "Condition, reduces activities a little": "Disabled",
    "Condition, does not reduce activities": "Not disabled",
    "No long-term condition": "Not disabled",
}
REFERENCES = {"ethnicity": ETHNICITY_19[12], "white": "White", "disability": "Not disabled"}
COLUMNS = ("ethnicity", "disabled", "shortlisted", "appointed", "disciplinary")


def disparities(frame: pd.DataFrame, outcome: str, attribute: str) -> dict[str, Any]:
    data = pd.DataFrame({"score": frame[outcome], "label_value": frame[outcome], attribute: frame[attribute]})
    data = data.dropna(subset=[attribute])
    crosstabs, _ = Group().get_crosstabs(data, attr_cols=[attribute])
    bias = Bias().get_disparity_predefined_groups(
        crosstabs, original_df=data, ref_groups_dict={attribute: REFERENCES[attribute]}
    )
    return {
        str(row["attribute_value"]): {
            "n": int(row["group_size"]),
            "selection_rate": float(row["pprev"]),
            "disparity": float(row["pprev_disparity"]),
        }
        for _, row in bias.iterrows()
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", help="Parquet file from generate.py")
    parser.add_argument("--out", required=True, help="JSON file to write the results to")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    raw = pq.read_table(args.data, columns=list(COLUMNS)).to_pandas()
    ethnicity = raw["ethnicity"].where(raw["ethnicity"].isin(ETHNICITY_19))
    frame = pd.DataFrame(
        {
            "ethnicity": ethnicity,
            "white": ethnicity.map(lambda value: "White" if value in WHITE else "Other than White").where(
                ethnicity.notna()
            ),
            "disability": raw["disabled"].map(DISABLED),
            "shortlisted": raw["shortlisted"] == "Yes",
            "appointed": (raw["appointed"] == "Yes").astype(int),
            "disciplinary": (raw["disciplinary"] == "Yes").astype(int),
        }
    )
    del raw
    shortlisted = frame[frame["shortlisted"]]
    results: dict[str, Any] = {}
    for attribute in ("ethnicity", "white", "disability"):
        results[f"appointed among shortlisted by {attribute}"] = disparities(shortlisted, "appointed", attribute)
        results[f"disciplinary by {attribute}"] = disparities(frame, "disciplinary", attribute)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({"rows": len(frame), "results": results}, indent=1), encoding="utf-8")
    print(f"aequitas: {len(results)} disparity tables in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
