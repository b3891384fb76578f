"""Group counts on both engines (the ``backend`` fixture runs each test on DuckDB and on Spark)."""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dueregard.analytics.engine import connect, to_backend
from dueregard.analytics.measures import crossed_counts, funnel_counts, group_counts, trend_counts, weighted_counts


# The WRES indicator 2 worked example of analytics.md §5, as records: shortlisted White 1,000 (300 appointed),
# ethnic minorities 500 (100 appointed), not stated 50 (20 appointed).
def _wres_records() -> pa.Table:
    groups = ["white"] * 1000 + ["minority"] * 500 + ["unknown"] * 50
    appointed = [True] * 300 + [False] * 700 + [True] * 100 + [False] * 400 + [True] * 20 + [False] * 30
    return pa.table({"ethnicity": groups, "shortlisted": [True] * 1550, "appointed": appointed})


def test_counts_reproduce_the_wres_worked_example(backend: Any) -> None:
    table = to_backend(backend, _wres_records())
    counts = group_counts(table, by="ethnicity", outcome="appointed").as_dict()
    assert counts == {"minority": (500, 100), "unknown": (50, 20), "white": (1000, 300)}


def test_a_funnel_counts_each_stage_among_those_who_reached_the_previous(backend: Any) -> None:
    data = pa.table(
        {
            "sex": ["F", "F", "F", "F", "M", "M", "M"],
            "applied": [True] * 7,
            "shortlisted": [True, True, True, False, True, False, False],
            "appointed": [True, False, False, False, True, False, True],  # the last one was never shortlisted
        }
    )
    stages = funnel_counts(to_backend(backend, data), group="sex", stages=["applied", "shortlisted", "appointed"])
    assert stages["applied"].as_dict() == {"F": (4, 4), "M": (3, 3)}
    assert stages["shortlisted"].as_dict() == {"F": (4, 3), "M": (3, 1)}
    assert stages["appointed"].as_dict() == {"F": (3, 1), "M": (1, 1)}


def test_crossed_and_trend_counts(backend: Any) -> None:
    data = pa.table(
        {
            "sex": ["F", "F", "M", "M", "F"],
            "disabled": ["yes", "no", "no", "no", "yes"],
            "year": [2024, 2024, 2024, 2025, 2025],
            "left": [1, 0, 0, 1, 0],
        }
    )
    table = to_backend(backend, data)
    assert crossed_counts(table, first="sex", second="disabled", outcome="left").as_dict() == {
        ("F", "no"): (1, 0),
        ("F", "yes"): (2, 1),
        ("M", "no"): (2, 1),
    }
    assert trend_counts(table, group="sex", period="year", outcome="left").as_dict() == {
        (2024, "F"): (2, 1),
        (2024, "M"): (1, 0),
        (2025, "F"): (1, 0),
        (2025, "M"): (1, 1),
    }


def test_weighted_counts_give_shares_and_kish_effective_sample_size(backend: Any) -> None:
    data = pa.table({"group": ["a", "a", "a", "b"], "satisfied": [True, False, True, True], "w": [1.0, 2.0, 1.0, 4.0]})
    (a, b) = weighted_counts(to_backend(backend, data), group="group", outcome="satisfied", weight="w")
    assert (a.group, a.respondents, a.weight_sum, a.weighted_outcome) == ("a", 3, 4.0, 2.0)
    assert a.weighted_share == pytest.approx(0.5)
    assert a.effective_sample_size == pytest.approx(16 / 6)
    assert (b.respondents, b.weighted_share, b.effective_sample_size) == (1, 1.0, 1.0)


def test_missing_outcome_values_count_as_no_outcome(backend: Any) -> None:
    data = pa.table({"g": ["x", "x", "x"], "training": pa.array([1, None, 0], type=pa.int64())})
    assert group_counts(to_backend(backend, data), by="g", outcome="training").as_dict() == {"x": (3, 1)}


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.booleans()), min_size=1, max_size=60), st.randoms())
def test_counts_do_not_depend_on_row_order(rows: list[tuple[str, bool]], rng: Any) -> None:
    """DuckDB only: Hypothesis makes many small tables, and a Spark query per example would be slow."""
    con = connect("duckdb")
    shuffled = rows[:]
    rng.shuffle(shuffled)
    first = group_counts(
        to_backend(con, pa.table({"g": [g for g, _ in rows], "o": [o for _, o in rows]})), by="g", outcome="o"
    )
    second = group_counts(
        to_backend(con, pa.table({"g": [g for g, _ in shuffled], "o": [o for _, o in shuffled]})), by="g", outcome="o"
    )
    assert first == second
    assert sum(n for n, _ in first.as_dict().values()) == len(rows)
