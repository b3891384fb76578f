"""``dueregard timescales``: text by default, JSON with --json, exit 1 with a message when not understood."""

from __future__ import annotations

import json

from click.testing import CliRunner

from dueregard.cli import main


def test_a_deadline_is_described_in_plain_text() -> None:
    result = CliRunner().invoke(main, ["timescales", "By April 2013"])
    assert result.exit_code == 0, result.output
    assert "kind: deadline" in result.output
    assert "dates: by 2013-04-30" in result.output


def test_json_output_has_iso_dates_and_every_part() -> None:
    result = CliRunner().invoke(main, ["timescales", "Sept 07 Nov 07 Ongoing", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["kind"] == "multiple"
    assert [(part["text"], part["kind"], part["start"]) for part in data["parts"]] == [
        ("Sept 07", "point", "2007-09-01"),
        ("Nov 07", "point", "2007-11-01"),
        ("Ongoing", "open_ended", None),
    ]


def test_the_quarter_option_changes_the_reading_and_the_output_says_why() -> None:
    financial = CliRunner().invoke(main, ["timescales", "first quarter 2015", "--json"])
    calendar = CliRunner().invoke(main, ["timescales", "first quarter 2015", "--quarters", "calendar"])
    assert json.loads(financial.output)["start"] == "2015-04-01"
    assert "dates: 2015-01-01 to 2015-03-31" in calendar.output
    assert "because of your setting quarter_convention=calendar" in calendar.output


def test_the_financial_year_options_change_the_reading() -> None:
    result = CliRunner().invoke(main, ["timescales", "2007-08", "--year-ranges", "financial", "--fy-start-month", "9"])
    assert result.exit_code == 0, result.output
    assert "dates: 2007-09-01 to 2008-08-31" in result.output


def test_text_that_is_not_understood_exits_1_with_a_message_on_stderr() -> None:
    result = CliRunner().invoke(main, ["timescales", "as soon as possible"])
    assert result.exit_code == 1
    assert "kind: not understood" in result.stdout
    assert "Not understood" in result.stderr


def test_a_bad_option_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["timescales", "2008", "--fy-start-month", "13"])
    assert result.exit_code == 2


def test_help_has_examples() -> None:
    result = CliRunner().invoke(main, ["timescales", "--help"])
    assert result.exit_code == 0
    assert 'dueregard timescales "By April 2013"' in result.output
