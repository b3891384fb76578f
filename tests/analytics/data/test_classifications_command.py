"""The ``dueregard classifications`` command."""

from __future__ import annotations

import json

from click.testing import CliRunner

from dueregard.commands.classifications import command


def test_lists_every_classification() -> None:
    result = CliRunner().invoke(command, [])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["id", "characteristic", "categories", "title"]
    assert any(line.startswith("ethnicity-ew-2021") and " 19 " in line for line in lines)
    assert len(lines) == 2 + 15


def test_list_as_json() -> None:
    result = CliRunner().invoke(command, ["--json"])
    found = {entry["id"]: entry["categories"] for entry in json.loads(result.output)}
    assert found["ethnicity-ew-2001"] == 16
    assert found["ethnicity-ew-2011"] == 18


def test_show_prints_codes_labels_and_groups() -> None:
    result = CliRunner().invoke(command, ["show", "ethnicity-ew-2021"])
    assert result.exit_code == 0, result.output
    assert "white_roma" in result.output
    row = next(line for line in result.output.splitlines() if line.startswith("white_british "))
    assert row.split("  ")[0] == "white_british"
    assert "English, Welsh, Scottish, Northern Irish or British" in row
    assert row.rstrip().endswith("White")
    assert "Aggregations: groups, white-british-vs-other, white-vs-other" in result.output


def test_show_as_json_and_unknown_id() -> None:
    shown = json.loads(CliRunner().invoke(command, ["show", "sex", "--json"]).output)
    assert [category["code"] for category in shown["categories"]] == ["female", "male"]
    missing = CliRunner().invoke(command, ["show", "ethnicity"])
    assert missing.exit_code == 1
    assert "No classification 'ethnicity'; there are: age-bands-standard" in missing.output
