"""The ``dueregard classifications`` command."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner, Result

from dueregard.analytics import translations
from dueregard.cli import main
from dueregard.commands.classifications import command


@pytest.fixture(scope="module", autouse=True)
def _compiled() -> None:
    translations.compile_if_stale("cy")


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


def _welsh(args: list[str]) -> Result:
    return CliRunner().invoke(main, ["classifications", *args], env={"DUEREGARD_LANGUAGE": "cy"}, prog_name="dueregard")


def test_the_help_in_welsh_with_click_s_own_words() -> None:
    result = _welsh(["--help"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Defnydd: dueregard classifications [OPTIONS] [COMMAND] [ARGS]..."
    shown = " ".join(result.output.split())
    assert (
        "Rhestru'r dosbarthiadau (grwpiau ethnig y cyfrifiad, anabledd, rhyw, crefydd, bandiau oedran...). "
        "Opsiynau: --json Argraffu JSON yn lle tabl."
    ) in shown
    # (click keeps the help option of the first run: "-h, --help" through `dueregard`, "--help" alone otherwise)
    assert (
        "--help Dangos y neges hon a gadael. Gorchmynion: show Dangos codau, labeli a grwpiau un dosbarthiad" in shown
    )
    show = " ".join(_welsh(["show", "--help"]).output.split())
    assert show.startswith(
        "Defnydd: dueregard classifications show [OPTIONS] CLASSIFICATION_ID Dangos codau, labeli a grwpiau un "
        "dosbarthiad, e.e. ethnicity-ew-2021. Opsiynau: --json Argraffu'r dosbarthiad cyfan fel JSON."
    )
    english = CliRunner().invoke(main, ["classifications", "--help"], env={"DUEREGARD_LANGUAGE": ""})
    assert english.output.startswith("Usage: main classifications [OPTIONS] [COMMAND] [ARGS]...")
    assert "Show this message and exit." in english.output


def test_the_command_s_words_and_errors_in_welsh() -> None:
    listed = _welsh([])
    assert listed.output.splitlines()[0].split() == ["id", "nodwedd", "categorïau", "teitl"]
    shown = _welsh(["show", "sex"]).output.splitlines()
    assert shown[:4] == [
        "Sex",
        "United Kingdom; ffynhonnell: Census 2021 sex question (female, male)",
        "",
        "cod     label   grŵp",
    ]
    assert shown[-2].startswith("Anhysbys: ")
    assert shown[-1] == "Grwpiadau: groups"
    missing = _welsh(["show", "ethnicity"])
    assert missing.exit_code == 1
    assert missing.output.startswith(
        "Gwall: Nid oes dosbarthiad 'ethnicity'; dyma'r rhai sydd ar gael: age-bands-standard, disability"
    )
    typo = _welsh(["shw"])
    assert typo.exit_code == 2
    assert typo.output.endswith("Gwall: Nid oes gorchymyn 'shw'. Oeddech chi'n golygu 'show'?\n")
    assert "Rhowch gynnig ar 'dueregard classifications --help' i gael help." in typo.output
    no_id = _welsh(["show"])
    assert no_id.output.endswith("Gwall: Ymresymiad ar goll 'CLASSIFICATION_ID'.\n")


def test_the_language_option_chooses_welsh_before_the_subcommand() -> None:
    english_environment = {"DUEREGARD_LANGUAGE": ""}
    shown = CliRunner().invoke(main, ["classifications", "--language", "cy", "show", "sex"], env=english_environment)
    assert shown.exit_code == 0
    assert shown.output.splitlines()[3] == "cod     label   grŵp"
    listed = CliRunner().invoke(main, ["classifications", "--language=cy"], env=english_environment)
    assert listed.output.splitlines()[0].split() == ["id", "nodwedd", "categorïau", "teitl"]
    # The option wins over the environment, as for dueregard analyse.
    english = CliRunner().invoke(main, ["classifications", "--language", "en"], env={"DUEREGARD_LANGUAGE": "cy"})
    assert english.output.splitlines()[0].split() == ["id", "characteristic", "categories", "title"]
    wrong = CliRunner().invoke(main, ["classifications", "--language", "fr"], env=english_environment)
    assert wrong.exit_code == 2
    assert "'fr' is not one of 'cy', 'en'." in wrong.output
