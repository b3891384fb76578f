"""A published disparity table does not pin down a withheld count: for every count withheld below the threshold,
some other value the count could have had publishes exactly the same table (cells, notes, legend)."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dueregard.analytics.disclosure import WITHHELD, DisclosurePolicy, apply_policy
from dueregard.analytics.results import ResultTable
from dueregard.analytics.stats import disparity_table

THRESHOLD = 5
GROUPS = ["Asian", "Black", "Mixed", "Other", "White"]


def _published(counts: dict[str, tuple[int, int]], *, reference: str, hide_zeros: bool) -> ResultTable:
    table = disparity_table(title="t", counts=counts, reference=reference, unknown=(7, 2))
    return apply_policy(table, policy=DisclosurePolicy(threshold=THRESHOLD, hide_zeros=hide_zeros))


# Counts below the threshold are drawn often, so most tables have something withheld.
group_counts = st.integers(min_value=THRESHOLD, max_value=300).flatmap(
    lambda n: st.tuples(st.just(n), st.one_of(st.integers(min_value=1, max_value=THRESHOLD - 1), st.integers(0, n)))
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(GROUPS), group_counts, min_size=2), st.booleans(), st.data())
def test_every_withheld_count_has_an_alternative_that_publishes_the_same_table(
    counts: dict[str, tuple[int, int]], hide_zeros: bool, data: st.DataObject
) -> None:
    reference = data.draw(st.sampled_from(sorted(counts)))
    published = _published(counts, reference=reference, hide_zeros=hide_zeros)
    k_column = published.index_of("k")
    assume(any(row[k_column].symbol == WITHHELD for row in published.rows))
    for row in published.rows:
        if row[k_column].symbol != WITHHELD:
            continue
        group = str(row[0].value)
        n, k = counts[group]
        lowest = 0 if hide_zeros else 1
        alternatives = [other for other in range(lowest, THRESHOLD) if other != k and other <= n]
        same = [
            other
            for other in alternatives
            if _published({**counts, group: (n, other)}, reference=reference, hide_zeros=hide_zeros).to_dict()
            == published.to_dict()
        ]
        assert same, f"{group}'s withheld count {k} is the only value that publishes this table"
