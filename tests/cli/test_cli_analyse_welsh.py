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


def _run(args: list[str], env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, args, env=env, prog_name="dueregard")


def test_the_help_in_welsh_with_click_s_own_words() -> None:
    english = _run(["analyse", "--help"], env={"DUEREGARD_LANGUAGE": ""})
    assert english.exit_code == 0, english.output
    for order in (["--language", "cy", "--help"], ["--help", "--language=cy"]):
        result = _run(["analyse", *order])
        assert result.exit_code == 0, result.output
        lines = result.output.splitlines()
        assert lines[0] == "Defnydd: dueregard analyse [OPTIONS] [DATA]"
        assert "Opsiynau:" in lines
        shown = " ".join(" ".join(lines).split())  # the help as one line, without click's wrapping
        assert (
            "Rhedeg adroddiad rhagosodiad (WRES, bwlch cyflog, gweithlu...) dros DATA (CSV, XLSX, ODS, Parquet neu "
            "DuckDB) a'i ysgrifennu fel CSV, XLSX, JSON ac adroddiad HTML hygyrch."
        ) in shown
        assert "--backend [duckdb|pyspark] Y peiriant sy'n gwneud y cyfrif. [diofyn: duckdb]" in shown
        assert "--json Argraffu'r adroddiad fel JSON ar stdout." in shown
        assert (
            "--language [cy|en] Iaith testunau'r adroddiad a'r negeseuon hyn: en (Saesneg, English) neu cy (Cymraeg)."
            " [newidyn amgylchedd: DUEREGARD_LANGUAGE; diofyn: en]"
        ) in shown
        assert "-h, --help Dangos y neges hon a gadael." in shown
        assert "Usage:" not in shown
        assert "Show this message and exit." not in shown
    # Whichever ran first, English help stays English (click keeps the help option it made once).
    again = _run(["analyse", "--help"], env={"DUEREGARD_LANGUAGE": ""})
    assert again.output == english.output
    assert english.output.startswith("Usage: dueregard analyse [OPTIONS] [DATA]\n")
    assert "Show this message and exit." in english.output
    assert "The engine that does the counting. [default: duckdb]" in " ".join(english.output.split())


def test_the_environment_variable_makes_the_help_welsh() -> None:
    result = _run(["analyse", "--help"], env={"DUEREGARD_LANGUAGE": "cy"})
    assert result.output.startswith("Defnydd: dueregard analyse [OPTIONS] [DATA]\n")
    result = _run(["analyse", "--help", "--language", "en"], env={"DUEREGARD_LANGUAGE": "cy"})
    assert result.output.startswith("Usage: dueregard analyse [OPTIONS] [DATA]\n")


def test_click_s_errors_in_welsh() -> None:
    result = _run(["analyse", "--language", "cy", "--backend", "spark"])
    assert result.exit_code == 2
    assert result.output == (
        "Defnydd: dueregard analyse [OPTIONS] [DATA]\n"
        "Rhowch gynnig ar 'dueregard analyse --help' i gael help.\n"
        "\n"
        "Gwall: Gwerth annilys ar gyfer '--backend': Nid yw 'spark' yn un o 'duckdb', 'pyspark'.\n"
    )
    result = _run(["analyse", "--language", "cy", "--nope"])
    assert result.output.endswith("Gwall: Nid oes opsiwn '--nope'.\n")
    result = _run(["analyse", "--language", "cy", "--preset"])
    assert result.output.endswith("Gwall: Mae angen gwerth ar yr opsiwn '--preset'.\n")
    result = _run(["analyse", "--backend", "spark"], env={"DUEREGARD_LANGUAGE": ""})
    assert result.output.endswith("Error: Invalid value for '--backend': 'spark' is not one of 'duckdb', 'pyspark'.\n")


def test_a_welsh_run_over_bad_data_prints_welsh_problems(tmp_path: Path) -> None:
    data = tmp_path / "staff.csv"
    data.write_text("id,sex,appointed\n1,Female,Yes\n2,Femail,No\n3,Male,Maybe\n4,Male,No\n", encoding="utf-8")
    describe = tmp_path / "staff.yaml"
    describe.write_text(
        "name: staff\nunit: person\nrecord_id: id\ncharacteristics:\n  sex: {column: sex, classification: sex}\n"
        "outcomes:\n  appointed: appointed\n",
        encoding="utf-8",
    )
    out = tmp_path / "adroddiad"
    command = ["analyse", str(data), "--describe", str(describe), "--preset", "workforce", "--out", str(out)]
    result = _run([*command, "--language", "cy"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "staff.csv: gwall: characteristics.sex.column: nid yw 'Femail' yn un o gategorïau sex (1 rhes); oeddech "
        "chi'n golygu 'Female Female'? (rhes 2)",
        "staff.csv: gwall: outcomes.appointed.column: gwerthoedd nad ydynt yn ie nac yn na (yes/y/no/n): 'Maybe' "
        "(1 rhes) (rhes 3)",
        "Gwall: Nid yw staff.csv yn cyfateb i staff (nifer y gwallau: 2); ni ysgrifennwyd dim.",
    ]
    assert not out.exists()
    english = _run(command, env={"DUEREGARD_LANGUAGE": ""})
    assert english.stderr.splitlines()[-1] == "Error: staff.csv does not match staff: 2 errors; nothing was written."
    assert english.stderr.splitlines()[1] == (
        "staff.csv: error: outcomes.appointed.column: values that are neither yes nor no (yes/y/no/n): 'Maybe' "
        "(1 row) (row 3)"
    )


def test_a_welsh_description_error_and_input_error(tmp_path: Path) -> None:
    describe = tmp_path / "staff.yaml"
    describe.write_text("name: staff\n", encoding="utf-8")
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    command = ["analyse", "--preset", "wres", "--out", str(tmp_path / "y"), "--language", "cy"]
    result = _run([*command, str(EXAMPLES / "wres.csv"), "--describe", str(describe)])
    assert result.exit_code == 1
    assert result.output.endswith("Gwall: staff.yaml: unit: rhaid ei roi\n")
    result = _run([*command, str(empty), "--describe", str(EXAMPLES / "wres.yaml")])
    assert result.exit_code == 1
    assert result.output.endswith("Gwall: empty.csv: mae'r ffeil yn wag\n")
