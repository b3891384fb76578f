"""Quarter counts computed from counts per hourly rate (what the pay-gap report uses) are exactly the counts of the
row-by-row ranking with the tie rule, whatever the data and on both engines."""

from __future__ import annotations

from collections import Counter

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from ibis import BaseBackend
from paygap_tables import duckdb_backend

from dueregard.analytics.engine import to_backend
from dueregard.analytics.paygap import assign_pay_quarters
from dueregard.analytics.paygap.quartiles import pay_quarter_counts

rows = st.lists(
    st.tuples(st.sampled_from([8.5, 9.0, 9.25, 10.0, 12.5, 20.0]), st.sampled_from(["Men", "Women", "Other"])),
    min_size=1,
    max_size=120,
)


def _both(
    backend: BaseBackend, data: list[tuple[float, str]]
) -> tuple[dict[tuple[int, str], int], dict[tuple[int, str], int]]:
    table = to_backend(backend, pd.DataFrame(data, columns=["rate", "group"]))
    ranked = assign_pay_quarters(table, hourly_rate="rate", group="group").to_pandas()
    by_rows = Counter(zip(ranked["pay_quarter"].astype(int), ranked["group"], strict=True))
    from_counts = {
        key: value for key, value in pay_quarter_counts(table, hourly_rate="rate", group="group").items() if value
    }
    return dict(by_rows), from_counts


@settings(max_examples=40, deadline=None)
@given(rows)
def test_counts_per_rate_give_the_ranked_quarters(data: list[tuple[float, str]]) -> None:
    by_rows, from_counts = _both(duckdb_backend(), data)
    assert from_counts == by_rows


def test_a_run_cut_by_two_boundaries(backend: BaseBackend) -> None:
    # 8 employees on one rate (5 women, 3 men) between 1 lower and 1 higher: boundaries after 2, 5 and 7.
    data = [(9.0, "Women")] + [(10.0, "Women")] * 5 + [(10.0, "Men")] * 3 + [(11.0, "Men")]
    by_rows, from_counts = _both(backend, data)
    assert from_counts == by_rows
    # The run interleaved: W M W M W W M W (at place 0.5 a man and a woman tie: "Men" sorts first).
    assert from_counts == {
        (0, "Women"): 2,
        (1, "Men"): 2,
        (1, "Women"): 1,
        (2, "Women"): 2,
        (3, "Men"): 2,
        (3, "Women"): 1,
    }


# Rates a tenth of a penny apart share the coarse buckets the counting works in (£9.000 to £9.020 falls in four),
# so runs cut by a boundary sit among other rates of the same bucket, before and after.
close_rates = st.lists(
    st.tuples(st.integers(min_value=9000, max_value=9020).map(lambda t: t / 1000), st.sampled_from(["M", "W"])),
    min_size=1,
    max_size=150,
)


@settings(max_examples=40, deadline=None)
@given(close_rates)
def test_counts_per_rate_give_the_ranked_quarters_when_rates_share_a_bucket(data: list[tuple[float, str]]) -> None:
    by_rows, from_counts = _both(duckdb_backend(), data)
    assert from_counts == by_rows


def test_many_rates_in_one_bucket_cut_by_every_boundary(backend: BaseBackend) -> None:
    data = [(9.0 + index / 1000, "Women" if index % 3 else "Men") for index in range(11)] * 2
    by_rows, from_counts = _both(backend, data)
    assert from_counts == by_rows
    assert sum(from_counts.values()) == 22
