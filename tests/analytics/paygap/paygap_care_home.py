"""A record-level dataset that reproduces the published inputs of the care-home group's 2018 gender pay gap
report (analytics.md, "Worked example"): every count exactly, the group means and medians to the penny.

Hourly rates are whole pence. Each pay quarter's rates lie in their own band (lower £8.50-£9.40, lower middle
£9.50-£10.40, upper middle £10.50-£11.90, upper £12.00 and above), so the quarters hold exactly the published
numbers of men and women; the two central men (130th and 131st of 260) are on £10.87 and the two central women
(581st and 582nd of 1,162) on £10.19; the best-paid man and woman make the means come out at £12.24 and £11.92.
Bonuses are built the same way: medians £1,000 and £500, means £2,473.90 and £1,681.05."""

from __future__ import annotations

import pandas as pd

MEN, WOMEN = "M", "F"


def spread(lowest: int, highest: int, count: int) -> list[int]:
    """`count` whole numbers from `lowest` to `highest`, as evenly spaced as whole numbers allow."""
    if count == 1:
        return [lowest]
    return [lowest + (highest - lowest) * i // (count - 1) for i in range(count)]


def topped_up(values: list[int], *, total: int) -> list[int]:
    """`values` plus one more that makes them add up to `total`."""
    return [*values, total - sum(values)]


def hourly_pence() -> dict[str, list[int]]:
    """Whole-pence hourly rates of the 1,422 full-pay relevant employees, lower quarter first."""
    # Lower, lower middle, upper middle quarter bands; the upper quarter is added below.
    men = [
        *spread(850, 940, 58),
        *spread(950, 1040, 57),
        *spread(1050, 1086, 14), 1087, 1087, *spread(1088, 1190, 53),
    ]  # fmt: skip
    women = [
        *spread(850, 940, 297),
        *spread(950, 1018, 283), 1019, 1019, *spread(1020, 1040, 14),
        *spread(1050, 1190, 286),
    ]  # fmt: skip
    return {
        MEN: men + topped_up(spread(1200, 2200, 75), total=1224 * 260 - sum(men)),
        WOMEN: women + topped_up(spread(1200, 2390, 279), total=1192 * 1162 - sum(women)),
    }


def bonus_pence() -> dict[str, list[int]]:
    men = topped_up([50_000] * 20 + [100_000] * 20 + [400_000] * 27, total=247_390 * 68)
    women = topped_up([25_000] * 150 + [50_000] * 150 + [460_000] * 133, total=168_105 * 434)
    return {MEN: men, WOMEN: women}


RELEVANT_NOT_FULL_PAY = {MEN: 13, WOMEN: 73}
"""Relevant employees on reduced or nil pay because of leave: 1,508 relevant, 1,422 full-pay."""


def care_home_employees() -> pd.DataFrame:
    """Columns: employee_id, sex, hourly_rate (£), full_pay_relevant, relevant, bonus_pay (£, 12 months).

    Three people who are not relevant employees (left before the snapshot) are included, one with a large
    bonus, to show that they count nowhere."""
    rows: list[dict[str, object]] = []
    rates, bonuses = hourly_pence(), bonus_pence()
    for sex in (MEN, WOMEN):
        full_pay = [(rate / 100, True) for rate in rates[sex]]
        on_leave = [(6.50, False)] * RELEVANT_NOT_FULL_PAY[sex]
        # Bonuses go to every other employee from the top, so some on leave are paid one too.
        people = full_pay + on_leave
        paid = {len(people) - 1 - 2 * i: bonus for i, bonus in enumerate(bonuses[sex])}
        for index, (rate, is_full_pay) in enumerate(people):
            rows.append(
                {
                    "sex": sex,
                    "hourly_rate": rate,
                    "full_pay_relevant": is_full_pay,
                    "relevant": True,
                    "bonus_pay": paid.get(index, 0) / 100,
                }
            )
    rows += [
        {"sex": MEN, "hourly_rate": 30.0, "full_pay_relevant": False, "relevant": False, "bonus_pay": 90_000.0},
        {"sex": WOMEN, "hourly_rate": 5.0, "full_pay_relevant": False, "relevant": False, "bonus_pay": 0.0},
        {"sex": WOMEN, "hourly_rate": 5.0, "full_pay_relevant": False, "relevant": False, "bonus_pay": 0.0},
    ]
    frame = pd.DataFrame(rows)
    frame.insert(0, "employee_id", range(1, len(frame) + 1))
    return frame
