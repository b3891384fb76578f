"""The disparity table: the WRES indicator 2 worked example as a ResultTable, its independence from the order the
groups are given in, zero cells shown as N/A, and the disclosure policy applied to it."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from dueregard.analytics.disclosure import DisclosurePolicy, apply_policy
from dueregard.analytics.results import ResultTable
from dueregard.analytics.stats import disparity_table

WRES = {"White": (1000, 300), "Ethnic minorities": (500, 100)}


def _wres() -> ResultTable:
    return disparity_table(title="WRES indicator 2", counts=WRES, reference="Ethnic minorities", unknown=(50, 20))


def test_wres_indicator_2_as_a_table() -> None:
    table = _wres()
    white = table.column_ids.index("relative_likelihood")
    row = next(r for r in table.rows if r[0].value == "White")
    assert row[white].display == "1.50"
    assert (round(row[white].low or 0, 4), round(row[white].high or 0, 4)) == (1.2290, 1.8307)
    minorities = next(r for r in table.rows if r[0].value == "Ethnic minorities")
    assert minorities[table.index_of("impact_ratio")].display == "0.67 (below 0.8)"
    assert table.notes.reference_group == "Ethnic minorities"
    assert table.notes.unknown_count == 50
    assert table.notes.unknowns_used is False
    assert round(table.notes.declaration_rate or 0, 4) == round(1500 / 1550, 4)
    assert any("Pearson χ²: statistic 17.045, p = 3.65e-05" in m for m in table.notes.tests)
    assert ResultTable.from_dict(json.loads(json.dumps(table.to_dict()))) == table


def test_a_zero_cell_is_shown_as_not_applicable_with_the_reason_on_the_cell() -> None:
    table = disparity_table(title="t", counts={"A": (30, 0), "B": (300, 40)}, reference="B")
    cell = table.cell(0, "relative_likelihood")
    assert cell.value is None
    assert cell.symbol == "N/A"
    assert "zero cell" in cell.note
    assert ("N/A", "not applicable") in table.notes.legend
    assert any("Fisher" in m or "χ²" in m for m in table.notes.tests)


@given(
    st.dictionaries(
        st.sampled_from(["Asian", "Black", "Mixed", "Other", "White"]),
        st.integers(min_value=1, max_value=400).flatmap(lambda n: st.tuples(st.just(n), st.integers(0, n))),
        min_size=2,
    )
)
def test_the_table_does_not_depend_on_the_order_of_the_groups(counts: dict[str, tuple[int, int]]) -> None:
    reference = sorted(counts)[0]
    forward = disparity_table(title="t", counts=counts, reference=reference)
    backward = disparity_table(title="t", counts=dict(reversed(list(counts.items()))), reference=reference)
    assert forward == backward


def test_the_policy_applies_to_a_disparity_table() -> None:
    counts = {"Asian": (12, 3), "Black": (40, 9), "White": (300, 80)}
    table = disparity_table(title="Promoted", counts=counts, reference="White", unknown=(4, 1))
    out = apply_policy(table, policy=DisclosurePolicy(threshold=5))
    asian = out.rows[0]
    assert asian[table.index_of("k")].symbol == "!"
    assert asian[table.index_of("rate")].symbol == "!"
    assert asian[table.index_of("relative_likelihood")].symbol == "!"
    assert out.rows[2][table.index_of("k")].value == 80
    assert dict(out.notes.legend)["!"] == "withheld to protect confidentiality"
