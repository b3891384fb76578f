"""Mean and median pay for more than two groups (the five ethnic groups of the 2021 census), each compared with
White British, with the 10-per-group rule. The fixed case runs on both engines; the property on DuckDB only."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ibis import BaseBackend
from paygap_tables import duckdb_backend

from dueregard.analytics.engine import to_backend
from dueregard.analytics.paygap import WITHHELD, PayByGroup, pay_by_group


def _frame(sizes: dict[str | None, int]) -> pd.DataFrame:
    rows = []
    for offset, (group, count) in enumerate(sizes.items()):
        rows += [
            {"ethnic_group": group, "hourly_rate": 10.0 + offset + index % 4, "full_pay_relevant": True}
            for index in range(count)
        ]
    rows.append({"ethnic_group": "White British", "hourly_rate": 99.0, "full_pay_relevant": False})
    return pd.DataFrame(rows)


def _pay_by_group(backend: BaseBackend, frame: pd.DataFrame, **options: object) -> PayByGroup:
    return pay_by_group(
        to_backend(backend, frame),
        group="ethnic_group",
        pay="hourly_rate",
        population="full_pay_relevant",
        backend=backend,
        **options,  # type: ignore[arg-type]
    )


def test_five_groups_against_white_british_withhold_the_small_one(backend: BaseBackend) -> None:
    sizes: dict[str | None, int] = {
        "White British": 20, "Asian": 12, "Black": 9, "Mixed": 10, "Other": 11, "White other": 14,
        "Prefer not to say": 2, None: 3,
    }  # fmt: skip
    result = _pay_by_group(
        backend, _frame(sizes), reference="White British", undisclosed=["Prefer not to say"], characteristic="ethnicity"
    )
    assert [group.group for group in result.groups] == ["Asian", "Black", "Mixed", "White British", "White other",
                                                       "Other"]  # fmt: skip
    assert (result.population_count, result.undisclosed_count, result.not_compared_count) == (81, 5, 0)
    by_name = {group.group: group for group in result.groups}
    white = by_name["White British"]
    # 20 rates 10, 11, 12, 13, 10, ... -> mean and median 11.5; Asian: 11, 12, 13, 14 three times -> 12.5.
    assert (white.employee_count, white.mean, white.median, white.note) == (20, 11.5, 11.5, "Reference group.")
    asian = by_name["Asian"]
    assert (asian.mean, asian.median) == (12.5, 12.5)
    assert asian.mean_gap_percent == pytest.approx((11.5 - 12.5) / 11.5 * 100)
    assert asian.display_mean_gap == "-8.7%"
    black = by_name["Black"]
    assert (black.employee_count, black.mean, black.median, black.symbol, black.display_mean_gap) == (
        9, None, None, WITHHELD, WITHHELD
    )  # fmt: skip
    assert black.note == "Withheld: fewer than 10 employees in the Black group."


def test_a_small_reference_group_withholds_every_gap_but_not_the_other_groups_pay() -> None:
    result = _pay_by_group(duckdb_backend(), _frame({"White British": 4, "Asian": 12}), reference="White British")
    asian = next(group for group in result.groups if group.group == "Asian")
    assert asian.mean is not None
    assert (asian.mean_gap_percent, asian.symbol) == (None, WITHHELD)
    assert asian.note == "Withheld: fewer than 10 employees in the White British group."


def test_chosen_groups_set_the_order_and_the_rest_are_counted_as_not_compared() -> None:
    result = _pay_by_group(duckdb_backend(), _frame({"A": 10, "B": 10, "C": 10}), groups=["C", "A", "Z"])
    assert [(group.group, group.employee_count) for group in result.groups] == [("C", 10), ("A", 10), ("Z", 0)]
    assert result.not_compared_count == 10
    assert result.groups[2].symbol == "N/A"


@settings(max_examples=20, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=13), min_size=2, max_size=5))
def test_a_group_is_withheld_exactly_when_it_has_fewer_than_10(sizes: list[int]) -> None:
    names = [f"Group {index}" for index in range(len(sizes))]
    result = _pay_by_group(duckdb_backend(), _frame(dict(zip(names, sizes, strict=True))), groups=names)
    for group, size in zip(result.groups, sizes, strict=True):
        assert group.employee_count == size
        assert (group.mean is None) == (size < 10)
