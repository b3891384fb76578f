"""`dueregard analyse --preset wres --option rolling_average=true`: WRES indicator 3 over the two most recent years
of the file's period column, from a real CSV and YAML (figures worked out by hand in the docstring of
tests/analytics/presets/test_preset_wres_rolling.py, whose fixture this reuses in small)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from dueregard.cli import main

DESCRIPTION = """\
name: wres-years
unit: person
period:
  column: year
characteristics:
  ethnicity: {column: ethnicity, classification: ethnicity-ew-2021}
outcomes:  # every role the preset can use (the command asks only for those of the indicators chosen)
  in_post: in_post
  band: {column: band, kind: category}
  shortlisted: shortlisted
  appointed: {column: appointed, among: shortlisted}
  disciplinary: disciplinary
  training: training
  board: board
"""
# (year, ethnicity, staff, entered the formal disciplinary process)
PLAN = [
    ("2023-24", "White British", 20, 2),
    ("2023-24", "Indian", 10, 2),
    ("2022-23", "White British", 30, 1),
    ("2022-23", "Black African", 10, 3),
    ("2021-22", "White Irish", 10, 9),  # the oldest year: not in the rolling average
    ("2021-22", "Pakistani", 10, 0),
]


@pytest.fixture(autouse=True)
def _fast_passwords() -> None:
    # Overrides the suite-wide fixture (which needs pytest-django): framework-free, runs with `-p no:django`.
    return None


def _files(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "wres.csv"
    with data.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["person_id", "year", "ethnicity", "in_post", "band", "shortlisted", "appointed", "disciplinary",
             "training", "board"]
        )  # fmt: skip
        person = 0
        for year, ethnicity, staff, entered in PLAN:
            for index in range(staff):
                person += 1
                entered_yes = "Yes" if index < entered else "No"
                first = "Yes" if index == 0 else "No"  # each flag column holds both values (see the report)
                writer.writerow([person, year, ethnicity, "Yes", "Band 5", first, first, entered_yes, first, first])
    describe = tmp_path / "wres.yaml"
    describe.write_text(DESCRIPTION, encoding="utf-8")
    return data, describe


def _analyse(*args: object) -> Result:
    return CliRunner().invoke(main, ["analyse", *map(str, args)], catch_exceptions=False)


def _indicator_3(result: Result) -> dict:  # type: ignore[type-arg]
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    [table] = [t for s in report["sections"] for t in s["tables"] if t["title"].startswith("Indicator 3")]
    return table  # type: ignore[no-any-return]


def test_rolling_average_option_from_the_command_line(tmp_path: Path) -> None:
    data, describe = _files(tmp_path)
    common = [data, "--describe", describe, "--preset", "wres", "--json", "--policy", "none"]
    rolling = _indicator_3(_analyse(*common, "--option", "indicators=3", "--option", "rolling_average=true"))
    assert rolling["title"] == "Indicator 3: entering the formal disciplinary process (two-year rolling average)"
    assert [[c["value"] for c in row[:3]] for row in rolling["rows"]] == [["BME", 20, 5], ["White", 50, 3]]
    assert rolling["rows"][0][4]["value"] == pytest.approx((5 / 20) / (3 / 50))
    assert "Two-year rolling average: 2022-23 and 2023-24." in rolling["notes"]["methods"]
    assert "Records of earlier periods (2021-22) are not counted here." in rolling["notes"]["methods"]

    every_year = _indicator_3(_analyse(*common, "--option", "indicators=3"))  # the default: every record
    assert [[c["value"] for c in row[:3]] for row in every_year["rows"]] == [["BME", 30, 5], ["White", 60, 12]]


def test_rolling_average_without_a_period_column_is_one_clear_line(tmp_path: Path) -> None:
    data, describe = _files(tmp_path)
    describe.write_text(DESCRIPTION.replace("period:\n  column: year\n", ""), encoding="utf-8")
    result = _analyse(
        data, "--describe", describe, "--preset", "wres", "--json", "--option", "indicators=3",
        "--option", "rolling_average=true",
    )  # fmt: skip
    assert result.exit_code != 0
    assert "rolling_average option needs the dataset description to name period.column" in result.output
    assert "Traceback" not in result.output


def test_the_command_asks_only_for_the_roles_of_the_indicators_chosen(tmp_path: Path) -> None:
    """With `--option indicators=3` a description naming only ethnicity, in post and disciplinary will do; without
    the option, the command names every role the other indicators need; a bad indicators value is one line."""
    data, describe = _files(tmp_path)
    describe.write_text(
        DESCRIPTION.split("outcomes:")[0] + "outcomes:\n  in_post: in_post\n  disciplinary: disciplinary\n",
        encoding="utf-8",
    )
    chosen = _indicator_3(
        _analyse(data, "--describe", describe, "--preset", "wres", "--json", "--option", "indicators=3")
    )
    assert [[c["value"] for c in row[:3]] for row in chosen["rows"]] == [["BME", 30, 5], ["White", 60, 12]]

    every = _analyse(data, "--describe", describe, "--preset", "wres", "--json")
    assert every.exit_code != 0
    assert "outcomes.band" in every.output
    assert "outcomes.board" in every.output

    bad = _analyse(data, "--describe", describe, "--preset", "wres", "--json", "--option", "indicators=three")
    assert bad.exit_code != 0
    assert "indicators option is a list of numbers" in bad.output
    assert "Traceback" not in bad.output
