"""Write the small example datasets of docs/user-guide/evidence-presets.md (CSV beside each YAML description).

The numbers are chosen so that every figure can be checked by hand; the tests in tests/analytics/presets/ read
these files and assert those figures. Run from the repository root: ``python docs/examples/presets/make_examples.py``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent


def _repeat(count: int, **values: Any) -> Iterator[dict[str, Any]]:
    for _ in range(count):
        yield dict(values)


def _write(name: str, rows: list[dict[str, Any]]) -> None:
    columns = list(dict.fromkeys(column for row in rows for column in row))
    with (HERE / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for number, row in enumerate(rows, start=1):
            writer.writerow({"person_id": number, **{column: row.get(column, "") for column in columns[1:]}})


def wres_rows() -> list[dict[str, Any]]:
    """Applicants shortlisted in the year (the worked numbers of analytics.md §5) and 200 staff in post."""
    rows: list[dict[str, Any]] = []
    applicant = {"person_id": 0, "in_post": "No", "band": "", "disciplinary": "No", "training": "No", "board": "No"}
    for ethnicity, shortlisted, appointed in (("White British", 1000, 300), ("Indian", 500, 100), ("", 50, 20)):
        rows += _repeat(appointed, **applicant, ethnicity=ethnicity, shortlisted="Yes", appointed="Yes")
        rows += _repeat(shortlisted - appointed, **applicant, ethnicity=ethnicity, shortlisted="Yes", appointed="No")
    staff = {"person_id": 0, "in_post": "Yes", "shortlisted": "No", "appointed": "No"}
    # (ethnicity, band, people, disciplinary, training, board)
    plan = [
        ("White British", "Band 5", 50, 2, 25, 0),
        ("White Irish", "Band 6", 50, 3, 30, 0),
        ("Any other White background", "Band 8a", 20, 1, 11, 7),
        ("Black African", "Band 5", 35, 4, 14, 0),
        ("Pakistani", "Band 6", 20, 2, 8, 0),
        ("White and Asian", "Band 8a", 5, 0, 2, 5),
        ("Prefer not to say", "Band 5", 10, 1, 3, 0),
        ("", "Band 6", 8, 0, 2, 0),
        ("", "Band 8a", 2, 0, 1, 0),
    ]
    for ethnicity, band, people, disciplinary, training, board in plan:
        for index in range(people):
            rows.append({
                **staff,
                "ethnicity": ethnicity,
                "band": band,
                "disciplinary": "Yes" if index < disciplinary else "No",
                "training": "Yes" if index < training else "No",
                "board": "Yes" if index < board else "No",
            })  # fmt: skip
    return rows


def wdes_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    applicant = {"person_id": 0, "in_post": "No", "band": "", "capability": "No", "board": "No"}
    for disabled, shortlisted, appointed in (("No", 400, 120), ("Yes", 100, 20), ("", 20, 5)):
        rows += _repeat(appointed, **applicant, disabled=disabled, shortlisted="Yes", appointed="Yes")
        rows += _repeat(shortlisted - appointed, **applicant, disabled=disabled, shortlisted="Yes", appointed="No")
    staff = {"person_id": 0, "in_post": "Yes", "shortlisted": "No", "appointed": "No"}
    # (disabled, band, people, capability, board)
    plan = [
        ("No", "Band 5", 80, 5, 0),
        ("No", "Band 7", 70, 5, 9),
        ("Yes", "Band 5", 20, 3, 0),
        ("Yes", "Band 7", 10, 2, 6),
        ("Prefer not to say", "Band 5", 12, 0, 0),
        ("", "Band 7", 8, 1, 0),
    ]
    for disabled, band, people, capability, board in plan:
        for index in range(people):
            rows.append({
                **staff,
                "disabled": disabled,
                "band": band,
                "capability": "Yes" if index < capability else "No",
                "board": "Yes" if index < board else "No",
            })  # fmt: skip
    return rows


def pay_rows() -> list[dict[str, Any]]:
    """24 employees of a small body: hourly rates are given through monthly pay in a 30-day period at 35 hours."""
    plan = [
        # sex, ethnicity, disabled, ordinary pay, bonus, full pay
        ("Male", "White British", "No", 2100, 500, "Yes"),
        ("Male", "White British", "No", 2400, 0, "Yes"),
        ("Male", "White British", "No", 3000, 1000, "Yes"),
        ("Male", "White British", "Yes", 3600, 0, "Yes"),
        ("Male", "Indian", "No", 1800, 0, "Yes"),
        ("Male", "Indian", "No", 2700, 300, "Yes"),
        ("Male", "Black Caribbean", "Yes", 2100, 0, "Yes"),
        ("Male", "White Irish", "No", 3300, 0, "Yes"),
        ("Male", "White British", "", 1500, 0, "No"),
        ("Male", "Prefer not to say", "No", 2400, 0, "Yes"),
        ("Male", "White British", "No", 1950, 0, "Yes"),
        ("Male", "Chinese", "No", 2250, 200, "Yes"),
        ("Female", "White British", "No", 1800, 0, "Yes"),
        ("Female", "White British", "Yes", 2100, 400, "Yes"),
        ("Female", "White British", "No", 2400, 0, "Yes"),
        ("Female", "Pakistani", "No", 1650, 0, "Yes"),
        ("Female", "Black African", "Yes", 1800, 100, "Yes"),
        ("Female", "White British", "No", 2700, 0, "Yes"),
        ("Female", "Indian", "No", 1950, 0, "Yes"),
        ("Female", "White British", "", 3000, 600, "Yes"),
        ("Female", "White and Black Caribbean", "No", 1500, 0, "Yes"),
        ("Female", "White British", "No", 1200, 0, "No"),
        ("Female", "Black Caribbean", "Yes", 2250, 0, "Yes"),
        ("Female", "White British", "No", 1650, 0, "Yes"),
    ]
    return [
        {
            "person_id": 0,
            "sex": sex,
            "ethnicity": ethnicity,
            "disabled": disabled,
            "monthly_pay": pay,
            "bonus_12_months": bonus,
            "period_days": 30,
            "weekly_hours": 35,
            "full_pay": full_pay,
        }
        for sex, ethnicity, disabled, pay, bonus, full_pay in plan
    ]


def workforce_rows() -> list[dict[str, Any]]:
    """200 staff: hourly pay is £15 in Band 5, £18 in Band 6 and £22 in Band 7 (monthly pay × 7 ÷ 30 ÷ 35)."""
    monthly = {"Band 5": 2250, "Band 6": 2700, "Band 7": 3300}
    plan = [
        # sex, ethnicity, disabled, band, people, trained, left
        ("Female", "White British", "No", "Band 5", 40, 20, 4),
        ("Female", "White British", "No", "Band 6", 30, 18, 3),
        ("Female", "Indian", "No", "Band 5", 20, 6, 4),
        ("Female", "Black African", "Yes", "Band 5", 10, 2, 3),
        ("Male", "White British", "No", "Band 7", 30, 15, 2),
        ("Male", "White British", "Yes", "Band 6", 10, 5, 1),
        ("Male", "Indian", "No", "Band 6", 20, 10, 2),
        ("Male", "Black African", "No", "Band 5", 20, 4, 4),
        ("Female", "", "", "Band 5", 10, 3, 1),
        ("Male", "Prefer not to say", "No", "Band 7", 10, 5, 0),
    ]
    rows = []
    for sex, ethnicity, disabled, band, people, trained, left in plan:
        for index in range(people):
            rows.append({
                "person_id": 0,
                "sex": sex,
                "ethnicity": ethnicity,
                "disabled": disabled,
                "band": band,
                "training": "Yes" if index < trained else "No",
                "leaver": "Yes" if index >= people - left else "No",
                "monthly_pay": monthly[band],
                "bonus_12_months": 0,
                "period_days": 30,
                "weekly_hours": 35,
            })  # fmt: skip
    return rows


def employment_rows() -> list[dict[str, Any]]:
    """160 staff in post and 60 applicants (employment.csv, described by wales.yaml, scotland.yaml and
    race-legacy.yaml)."""
    plan = [
        # sex, ethnicity, disabled, grade, contract, pattern, people, trained, grievance, disciplinary, left
        ("Female", "White British", "No", "Grade 3", "Permanent", "Full-time", 40, 20, 2, 1, 4),
        ("Female", "Indian", "No", "Grade 3", "Fixed-term", "Full-time", 20, 8, 1, 1, 3),
        ("Male", "White British", "No", "Grade 4", "Permanent", "Full-time", 40, 24, 1, 2, 2),
        ("Male", "Black African", "Yes", "Grade 3", "Permanent", "Part-time", 20, 6, 2, 3, 4),
        ("Female", "White British", "Yes", "Grade 4", "Permanent", "Part-time", 20, 12, 0, 0, 1),
        ("Male", "Pakistani", "No", "Grade 4", "Fixed-term", "Full-time", 10, 5, 0, 1, 1),
        ("Female", "", "No", "Grade 3", "Permanent", "Full-time", 10, 5, 0, 0, 0),
    ]
    rows = []
    for sex, ethnicity, disabled, grade, contract, pattern, people, trained, grievance, disciplinary, left in plan:
        for index in range(people):
            rows.append({
                "person_id": 0,
                "in_post": "Yes",
                "sex": sex,
                "ethnicity": ethnicity,
                "disabled": disabled,
                "grade": grade,
                "contract": contract,
                "pattern": pattern,
                "applied": "No",
                "trained": "Yes" if index < trained else "No",
                "grievance": "Yes" if index < grievance else "No",
                "disciplinary": "Yes" if index < disciplinary else "No",
                "left": "Yes" if index >= people - left else "No",
            })  # fmt: skip
    applicants = [
        ("Female", "White British", "No", 20),
        ("Male", "White British", "No", 10),
        ("Female", "Indian", "No", 10),
        ("Male", "Black African", "Yes", 10),
        ("Male", "Indian", "No", 5),
        ("Female", "", "", 5),
    ]
    for sex, ethnicity, disabled, people in applicants:
        rows += _repeat(
            people,
            person_id=0,
            in_post="No",
            sex=sex,
            ethnicity=ethnicity,
            disabled=disabled,
            applied="Yes",
            trained="No",
            grievance="No",
            disciplinary="No",
            left="No",
        )
    return rows


def stop_and_search_rows() -> list[dict[str, Any]]:
    """950 searches in a year in an area of 120,000 people (populations in stop-and-search.yaml's comment)."""
    plan = [
        # ethnicity as recorded, searches, arrests
        ("White British", 400, 50),
        ("Any other White background", 100, 10),
        ("Black Caribbean", 123, 15),
        ("African", 100, 10),
        ("Indian", 70, 7),
        ("Pakistani", 69, 7),
        ("White and Black Caribbean", 30, 3),
        ("Arab", 18, 2),
        ("", 25, 3),
        ("Not stated", 15, 2),
    ]
    rows = []
    for ethnicity, searches, arrests in plan:
        for index in range(searches):
            rows.append({"person_id": 0, "ethnicity": ethnicity, "arrest": "Yes" if index < arrests else "No"})
    return rows


def main() -> None:
    _write("wres", wres_rows())
    _write("wdes", wdes_rows())
    _write("pay", pay_rows())
    _write("workforce", workforce_rows())
    _write("employment", employment_rows())
    _write("stop-and-search", stop_and_search_rows())


if __name__ == "__main__":
    main()
