"""`dueregard analyse --language cy` (or DUEREGARD_LANGUAGE=cy): the report's files and the command's own messages
in Welsh, from the WRES example dataset of docs/examples/presets; English without the option."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from lxml import html as lxml_html

from dueregard.analytics import translations
from dueregard.cli import main

EXAMPLES = Path(__file__).parents[2] / "docs" / "examples" / "presets"


@pytest.fixture(autouse=True)
def _fast_passwords() -> None:
    # Overrides the suite-wide fixture (which needs pytest-django): framework-free, runs with `-p no:django`.
    return None


@pytest.fixture(scope="module", autouse=True)
def _compiled() -> None:
    translations.compile_if_stale("cy")


def _analyse(*args: str, env: dict[str, str] | None = None) -> Result:
    command = [
        "analyse",
        str(EXAMPLES / "wres.csv"),
        "--describe",
        str(EXAMPLES / "wres.yaml"),
        "--preset",
        "wres",
        *args,
    ]
    return CliRunner().invoke(main, command, env=env, catch_exceptions=False)


def test_language_cy_writes_the_report_in_welsh(tmp_path: Path) -> None:
    out = tmp_path / "adroddiad"
    result = _analyse("--out", str(out), "--language", "cy")
    assert result.exit_code == 0, result.output
    assert result.output == f"Ysgrifennwyd 5 tabl i {out}: report.html, report.xlsx, report.json, csv/\n"
    page = lxml_html.fromstring((out / "report.html").read_text(encoding="utf-8"))
    assert page.get("lang") == "cy"
    assert page.findtext(".//h1") == "Safon Cydraddoldeb Hil y Gweithlu"
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["language"] == "cy"
    assert [section["heading"] for section in report["sections"]][1] == "Dangosydd 2: o'r rhestr fer i benodiad"
    assert sorted(path.name for path in (out / "csv").iterdir())[1] == "02-dangosydd-2-o-r-rhestr-fer-i-benodiad.csv"


def test_the_environment_variable_chooses_the_language_and_the_option_wins(tmp_path: Path) -> None:
    result = _analyse("--json", env={"DUEREGARD_LANGUAGE": "cy"})
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["title"] == "Safon Cydraddoldeb Hil y Gweithlu"
    result = _analyse("--json", "--language", "en", env={"DUEREGARD_LANGUAGE": "cy"})
    assert json.loads(result.stdout)["title"] == "Workforce Race Equality Standard"


def test_english_without_the_option(tmp_path: Path) -> None:
    out = tmp_path / "report"
    result = _analyse("--out", str(out), env={"DUEREGARD_LANGUAGE": ""})
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote 5 tables to {out}: report.html, report.xlsx, report.json, csv/\n"
    assert lxml_html.fromstring((out / "report.html").read_text(encoding="utf-8")).get("lang") == "en"
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["language"] == "en"


def test_the_command_s_own_messages_are_welsh_too(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["analyse", "--language", "cy", str(EXAMPLES / "wres.csv")])
    assert result.exit_code == 2
    assert "Rhowch ddisgrifiad y set ddata gyda --describe dataset.yaml." in result.output
    result = _analyse("--out", str(tmp_path / "x"), "--language", "cy", "--format", "pdf")
    assert result.exit_code == 2
    assert "pdf: dewiswch o blith csv, xlsx, json, html." in result.output
    result = _analyse("--out", str(tmp_path / "x"), "--language", "cy", "--option", "indicators=5")
    assert result.exit_code == 1
    assert "Mae'r rhagosodiad wres yn adrodd ar ddangosyddion 1, 2, 3, 4, 9; nid 5." in result.output


def test_the_preset_list_in_welsh() -> None:
    result = CliRunner().invoke(main, ["analyse", "--list-presets", "--language", "cy"])
    assert result.exit_code == 0, result.output
    wres = next(line for line in result.output.splitlines() if line.startswith("wres "))
    assert "Safon Cydraddoldeb Hil y Gweithlu: Dangosyddion 1–4 a 9" in wres


def test_an_unknown_language_is_refused() -> None:
    result = CliRunner().invoke(main, ["analyse", "--list-presets", "--language", "fr"])
    assert result.exit_code == 2
    assert "'fr' is not one of 'cy', 'en'" in result.output
