"""Statistics over aggregated counts: intervals, ratios, tests, adjustments, representation, survey gaps,
sample sizes and the positive-action check. Pure Python; SciPy is imported inside the functions that need it, so
importing this package is fast. Each module says what it computes and how; docs/user-guide/statistics.md
explains the measures in plain English and docs/decisions/0201-statistics-methods.md why these methods."""

from dueregard.analytics.stats.contingency import (
    TestResult,
    association_test,
    chi_square,
    expected_counts,
    fisher_exact,
)
from dueregard.analytics.stats.disparity_table import disparity_table
from dueregard.analytics.stats.impact import (
    FOUR_FIFTHS,
    WRES_NON_ADVERSE_BAND,
    ImpactRatio,
    impact_ratio,
    impact_ratios,
    in_non_adverse_band,
)
from dueregard.analytics.stats.multiple import Adjusted, benjamini_hochberg, bonferroni
from dueregard.analytics.stats.p_values import SMALLEST_P_SHOWN, p_value_text
from dueregard.analytics.stats.population import Disproportionality, disproportionality_ratios, rate_per_1000
from dueregard.analytics.stats.positive_action import (
    PeriodCheck,
    PositiveActionCheck,
    Snapshot,
    positive_action_check,
    positive_action_over_period,
)
from dueregard.analytics.stats.proportions import Proportion, proportion, wilson_interval
from dueregard.analytics.stats.ratios import (
    RateRatio,
    rate_ratio,
    ratio_of_published_percentages,
    relative_likelihood,
)
from dueregard.analytics.stats.representation import (
    RepresentationIndex,
    representation_index,
    representation_share,
)
from dueregard.analytics.stats.sample_size import (
    booster_needed,
    expected_in_group,
    people_per_group,
    sample_needed_for_group,
)
from dueregard.analytics.stats.selection import (
    Confusion,
    SelectionRates,
    confusion_by_group,
    disparity,
    selection_rates,
)
from dueregard.analytics.stats.survey import (
    GapTest,
    kish_effective_sample_size,
    two_proportion_z_test,
    weighted_gap_test,
)

__all__ = [
    "FOUR_FIFTHS",
    "SMALLEST_P_SHOWN",
    "WRES_NON_ADVERSE_BAND",
    "Adjusted",
    "Confusion",
    "Disproportionality",
    "GapTest",
    "ImpactRatio",
    "PeriodCheck",
    "PositiveActionCheck",
    "Proportion",
    "RateRatio",
    "RepresentationIndex",
    "SelectionRates",
    "Snapshot",
    "TestResult",
    "association_test",
    "benjamini_hochberg",
    "bonferroni",
    "booster_needed",
    "chi_square",
    "confusion_by_group",
    "disparity",
    "disparity_table",
    "disproportionality_ratios",
    "expected_counts",
    "expected_in_group",
    "fisher_exact",
    "impact_ratio",
    "impact_ratios",
    "in_non_adverse_band",
    "kish_effective_sample_size",
    "p_value_text",
    "people_per_group",
    "positive_action_check",
    "positive_action_over_period",
    "proportion",
    "rate_per_1000",
    "rate_ratio",
    "ratio_of_published_percentages",
    "relative_likelihood",
    "representation_index",
    "representation_share",
    "sample_needed_for_group",
    "selection_rates",
    "two_proportion_z_test",
    "weighted_gap_test",
    "wilson_interval",
]
