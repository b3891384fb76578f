"""Every worked number of analytics.md §5, at the precision its source published."""

from __future__ import annotations

import pytest

from dueregard.analytics.stats import (
    association_test,
    benjamini_hochberg,
    bonferroni,
    chi_square,
    confusion_by_group,
    disparity,
    fisher_exact,
    impact_ratio,
    impact_ratios,
    in_non_adverse_band,
    proportion,
    rate_ratio,
    ratio_of_published_percentages,
    selection_rates,
    wilson_interval,
)

# WRES indicator 2: shortlisted White 1,000 (300 appointed), ethnic minorities 500 (100 appointed); 50 not stated
# (20 appointed) are excluded from every figure.
WHITE = (300, 1000)
MINORITIES = (100, 500)
WRES_TABLE = [[300, 700], [100, 400]]


def test_wres_indicator_2_relative_likelihood_and_katz_interval() -> None:
    result = rate_ratio(k_group=300, n_group=1000, k_reference=100, n_reference=500)
    assert result.state == "calculated"
    assert result.low is not None
    assert result.high is not None
    assert f"{result.ratio:.2f}" == "1.50"
    assert (round(result.low, 4), round(result.high, 4)) == (1.2290, 1.8307)


def test_wres_indicator_2_impact_ratio_is_flagged() -> None:
    ratios = {r.group: r for r in impact_ratios({"White": 0.3, "Ethnic minorities": 0.2})}
    assert round(ratios["Ethnic minorities"].ratio or 0, 3) == 0.667
    assert ratios["Ethnic minorities"].flagged
    assert not ratios["White"].flagged


def test_wres_indicator_2_chi_square_with_and_without_yates() -> None:
    plain = chi_square(WRES_TABLE)
    assert round(plain.statistic or 0, 3) == 17.045
    assert f"{plain.p_value:.2e}" == "3.65e-05"
    yates = chi_square(WRES_TABLE, yates=True)
    assert round(yates.statistic or 0, 3) == 16.538
    assert f"{yates.p_value:.2e}" == "4.77e-05"


def test_wres_indicator_2_wilson_intervals() -> None:
    white = proportion(k=300, n=1000)
    minorities = proportion(k=100, n=500)
    assert (round(white.low or 0, 4), round(white.high or 0, 4)) == (0.2724, 0.3291)
    assert (round(minorities.low or 0, 4), round(minorities.high or 0, 4)) == (0.1673, 0.2373)


def test_wres_indicator_2_takes_the_chi_square_route() -> None:
    result = association_test(WRES_TABLE)
    assert result.method == "Pearson χ²"
    assert "χ² test" in result.reason
    assert round(result.statistic or 0, 3) == 17.045


@pytest.mark.parametrize(
    ("group", "reference", "expected"),
    [(46.99, 14.65, 3.2), (1.2, 0.7, 1.7)],
)
def test_published_wres_ratios_round_percentages_before_dividing(
    group: float, reference: float, expected: float
) -> None:
    assert ratio_of_published_percentages(group_percent=group, reference_percent=reference, ratio_places=1) == expected


def test_scipy_relative_risk_example() -> None:
    result = rate_ratio(k_group=10, n_group=75, k_reference=12, n_reference=225)
    assert round(result.ratio or 0, 5) == 2.5
    assert (round(result.low or 0, 5), round(result.high or 0, 5)) == (1.12616, 5.54985)


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [(81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0000, 0.1611), (1, 29, 0.0061, 0.1718)],
)
def test_newcombe_wilson_intervals(k: int, n: int, low: float, high: float) -> None:
    got_low, got_high = wilson_interval(k=k, n=n)
    assert (round(got_low, 4), round(got_high, 4)) == (low, high)


def test_fisher_exact_three_one_one_three() -> None:
    assert round(fisher_exact([[3, 1], [1, 3]], alternative="greater").p_value, 6) == round(17 / 70, 6) == 0.242857
    assert round(fisher_exact([[3, 1], [1, 3]]).p_value, 6) == 0.485714


def test_fisher_exact_six_two_one_four_and_the_rule_picks_it() -> None:
    assert round(fisher_exact([[6, 2], [1, 4]]).p_value, 6) == 0.102564
    chosen = association_test([[6, 2], [1, 4]])
    assert chosen.method == "Fisher's exact test (two-sided)"
    assert "Fisher" in chosen.reason
    assert round(chosen.p_value, 6) == 0.102564


BH_1995 = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528]
BH_1995 += [0.7590, 1.000]


def test_benjamini_hochberg_1995_rejects_four_and_bonferroni_three() -> None:
    bh = benjamini_hochberg(BH_1995, q=0.05)
    assert bh.rejections == 4
    assert bh.rejected[:4] == (True, True, True, True)
    assert bonferroni(BH_1995, alpha=0.05).rejections == 3


def test_four_fifths_rule() -> None:
    assert round(impact_ratio(rate=21 / 50, highest_rate=48 / 80), 2) == 0.70
    flagged = {r.group: r.flagged for r in impact_ratios({"A": 48 / 80, "B": 21 / 50})}
    assert flagged == {"A": False, "B": True}


def test_wres_non_adverse_band() -> None:
    assert in_non_adverse_band(0.80)
    assert in_non_adverse_band(1.25)
    assert not in_non_adverse_band(1.50)
    assert not in_non_adverse_band(0.79)


FAIRLEARN_Y_PRED = [0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0]
FAIRLEARN_GROUP = list("bbabbcccaacabccbcc")


def test_fairlearn_selection_rates_difference_and_ratio() -> None:
    rates = selection_rates(selected=FAIRLEARN_Y_PRED, groups=FAIRLEARN_GROUP)
    assert round(rates.overall, 6) == 0.555556
    assert [(g, n, rate) for g, n, rate in rates.by_group] == [("a", 4, 0.75), ("b", 6, 0.5), ("c", 8, 0.5)]
    assert round(rates.difference, 6) == 0.25
    assert round(rates.ratio or 0, 6) == 0.666667


AEQUITAS = [(1, 1, "H"), (1, 0, "L"), (1, 0, "H"), (1, 1, "L"), (1, 1, "H")]
AEQUITAS += [(0, 1, "L"), (0, 0, "H"), (0, 0, "L"), (0, 1, "H"), (0, 1, "L")]


def test_aequitas_rates_and_disparities_against_reference_h() -> None:
    confusion = confusion_by_group(
        labels=[row[0] for row in AEQUITAS],
        predictions=[row[1] for row in AEQUITAS],
        groups=[row[2] for row in AEQUITAS],
    )
    low = confusion["L"]
    assert round(low.metric("fpr") or 0, 4) == 0.6667
    assert low.metric("fnr") == 0.5

    def disparity_of(metric: str) -> float:
        value = disparity(confusion=confusion, metric=metric, group="L", reference="H")
        assert value is not None
        return round(value, 4)

    assert disparity_of("fpr") == 1.3333
    assert disparity_of("fnr") == 1.5
    assert disparity_of("fdr") == 2.0
    assert disparity_of("pprev") == 1.0
