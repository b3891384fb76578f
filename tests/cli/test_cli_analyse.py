"""`dueregard analyse`: real small CSV, XLSX and Parquet files written here, a tiny preset registered for the test
(appointment among the shortlisted by sex), and every output checked; bad inputs give one clear message and
write nothing."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from dueregard.analytics.disclosure import DisclosurePolicy, apply_policy
from dueregard.analytics.presets import PresetError, PresetInput
from dueregard.analytics.presets._registry import PRESETS, Preset, available
from dueregard.analytics.report import Report, ReportSection
from dueregard.analytics.stats.disparity_table import disparity_table
from dueregard.cli import main

DESCRIPTION = """\
name: test-staff
title: Test staff
unit: staff member
record_id: staff_id
characteristics:
  sex:
    column: sex
    classification: sex
outcomes:
  shortlisted:
    column: shortlisted
  appointed:
    column: appointed
    among: shortlisted
"""
HEADER = ["staff_id", "sex", "shortlisted", "appointed"]
# 30 women shortlisted, 12 appointed; 20 men shortlisted, 10 appointed; 5 men not shortlisted; 3 unknown sex.
ROWS = (
    [[i, "Female", "Yes", "Yes" if i <= 12 else "No"] for i in range(1, 31)]
    + [[i, "Male", "Yes", "Yes" if i <= 40 else "No"] for i in range(31, 51)]
    + [[i, "Male", "No", "No"] for i in range(51, 56)]
    + [[i, "Prefer not to say", "Yes", "No"] for i in range(56, 59)]
)
calls: list[tuple[int, int, str]] = []


def _run_test_preset(data: PresetInput) -> Report:
    import ibis

    description = data.description
    sex = description.characteristic("sex").column
    appointed = description.outcome("appointed")
    shortlisted = description.outcome(appointed.among or "")
    table = data.table
    yes = {
        column: table[column].cast("string").upper().isin(["YES", "Y"])
        for column in (shortlisted.column, appointed.column)
    }
    counted = (
        table.filter(yes[shortlisted.column])
        .group_by(sex)
        .aggregate(n=ibis._.count(), k=yes[appointed.column].cast("int64").sum())
        .to_pyarrow()
        .to_pylist()
    )
    data.progress(1, 2, "Counting")
    if data.options.get("fail") == "memory":
        import duckdb

        raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate block of size 256.0 KiB")
    counts = {row[sex]: (row["n"], row["k"]) for row in counted if row[sex] in ("Female", "Male")}
    unknown = next(((row["n"], row["k"]) for row in counted if row[sex] not in ("Female", "Male")), (0, 0))
    reference = str(data.options.get("reference", "Male"))
    if reference not in counts:
        raise PresetError(f"The reference group {reference!r} is not in the data.")
    table_out = disparity_table(
        title="Appointed among shortlisted, by sex",
        counts=counts,
        reference=reference,
        unknown=unknown,
        group_label="Sex",
    )
    published = apply_policy(table_out, policy=data.policy or DisclosurePolicy(threshold=5))
    data.progress(2, 2, "Done")
    calls.append((2, 2, "Done"))
    return Report(
        preset="test-appointments",
        title="Appointments by sex",
        dataset=description.name,
        records=int(table.count().to_pyarrow().as_py()),
        sections=(ReportSection("Recruitment", (published,)),),
        warnings=(f"options: {sorted(data.options.items())}",),
    )


TEST_PRESET = Preset(
    name="test-appointments",
    title="Appointments by sex (test)",
    summary="Appointment among the shortlisted by sex.",
    needs=("characteristics.sex", "outcomes.appointed", "outcomes.shortlisted"),
    run=_run_test_preset,
)


@pytest.fixture(autouse=True)
def _fast_passwords() -> None:
    # Overrides the suite-wide fixture (which needs pytest-django): these tests are framework-free and run with
    # `-p no:django` too.
    return None


@pytest.fixture(autouse=True)
def _registered(monkeypatch: pytest.MonkeyPatch) -> None:
    available()  # load the real presets first, so the test one is added beside them
    monkeypatch.setitem(PRESETS, TEST_PRESET.name, TEST_PRESET)


@pytest.fixture
def describe(tmp_path: Path) -> Path:
    path = tmp_path / "staff.yaml"
    path.write_text(DESCRIPTION, encoding="utf-8")
    return path


def _csv(path: Path, rows: list[list[object]] = ROWS) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def _xlsx(path: Path) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    workbook.save(path)
    return path


def _parquet(path: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = list(zip(*ROWS, strict=True))
    pq.write_table(pa.table({name: list(values) for name, values in zip(HEADER, columns, strict=True)}), path)
    return path


def _analyse(*args: object) -> Result:
    return CliRunner().invoke(main, ["analyse", *map(str, args)], catch_exceptions=False)


@pytest.mark.parametrize("make", [_csv, _xlsx, _parquet], ids=["csv", "xlsx", "parquet"])
def test_every_output_is_written_from_csv_xlsx_and_parquet(tmp_path: Path, describe: Path, make) -> None:  # type: ignore[no-untyped-def]
    suffix = {"_csv": ".csv", "_xlsx": ".xlsx", "_parquet": ".parquet"}[make.__name__]
    data = make(tmp_path / f"staff{suffix}")
    out = tmp_path / "out"
    result = _analyse(data, "--describe", describe, "--preset", "test-appointments", "--out", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Wrote 1 table to {out}: report.html, report.xlsx, report.json, csv/\n"
    assert result.stderr == ""  # not a terminal: no progress bar
    assert sorted(p.name for p in out.iterdir()) == ["csv", "report.html", "report.json", "report.xlsx"]
    with (out / "csv" / "01-appointed-among-shortlisted-by-sex.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][:4] == ["Female", "30", "12", "40.0%"]
    assert rows[2][:4] == ["Male", "20", "10", "50.0%"]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["records"] == 58
    assert report["sections"][0]["tables"][0]["notes"]["unknown_count"] == 3
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<caption>Appointed among shortlisted, by sex</caption>" in html
    assert 'role="img"' in html
    from openpyxl import load_workbook

    sheet = load_workbook(out / "report.xlsx")["1 Appointed among shortlisted,"]
    assert [cell.value for cell in sheet[5]][:4] == ["Female", 30, 12, 0.4]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no scratch folder left


def test_json_prints_the_report_and_options_reach_the_preset(tmp_path: Path, describe: Path) -> None:
    data = _csv(tmp_path / "staff.csv")
    result = _analyse(
        data,
        "--describe",
        describe,
        "--preset",
        "test-appointments",
        "--json",
        "--option",
        "reference=Female",
        "--option",
        "level=2",
    )
    assert result.exit_code == 0, result.output
    report = Report.from_dict(json.loads(result.stdout))
    assert report.tables[0].notes.reference_group == "Female"
    assert report.warnings == ("options: [('level', 2), ('reference', 'Female')]",)
    assert sorted(tmp_path.iterdir()) == [data, describe]  # --json alone writes no files


def test_json_with_out_writes_files_and_keeps_stdout_for_the_json(tmp_path: Path, describe: Path) -> None:
    data = _csv(tmp_path / "staff.csv")
    out = tmp_path / "out"
    result = _analyse(
        data, "--describe", describe, "--preset", "test-appointments", "--json", "--out", out, "--format", "json,csv"
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["preset"] == "test-appointments"
    assert "Wrote 1 table" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["csv", "report.json"]


def test_policy_none_publishes_small_counts_and_threshold_withholds_them(tmp_path: Path, describe: Path) -> None:
    data = _csv(tmp_path / "staff.csv")
    common = ["--describe", describe, "--preset", "test-appointments", "--json"]
    strict = json.loads(_analyse(data, *common, "--policy", "threshold=15").stdout)
    cells = strict["sections"][0]["tables"][0]["rows"][1]  # Male: 10 appointed < 15
    assert cells[2]["symbol"] == "!"
    open_report = json.loads(_analyse(data, *common, "--policy", "none").stdout)
    assert open_report["sections"][0]["tables"][0]["rows"][1][2]["value"] == 10
    bad = _analyse(data, *common, "--policy", "rounding=sometimes")
    assert bad.exit_code == 2
    assert "rounding must be one of" in bad.output


def test_list_presets_names_each_with_what_it_needs() -> None:
    result = _analyse("--list-presets")
    assert result.exit_code == 0
    line = next(line for line in result.output.splitlines() if line.startswith("test-appointments "))
    assert line.split(None, 1)[1] == "Appointments by sex (test): Appointment among the shortlisted by sex."
    listed = json.loads(_analyse("--list-presets", "--json").stdout)
    assert {
        "name": "test-appointments",
        "title": "Appointments by sex (test)",
        "summary": "Appointment among the shortlisted by sex.",
        "needs": ["characteristics.sex", "outcomes.appointed", "outcomes.shortlisted"],
    } in listed


def _fails(result: Result, message: str, *, code: int = 1) -> None:
    assert result.exit_code == code, result.output
    assert message in result.output, result.output


def test_a_missing_data_file(tmp_path: Path, describe: Path) -> None:
    out = tmp_path / "out"
    result = _analyse(tmp_path / "nope.csv", "--describe", describe, "--preset", "test-appointments", "--out", out)
    _fails(result, "Error: nope.csv: file not found")
    assert not out.exists()


def test_a_file_of_the_wrong_type(tmp_path: Path, describe: Path) -> None:
    pdf = tmp_path / "staff.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    _fails(
        _analyse(pdf, "--describe", describe, "--preset", "test-appointments", "--json"),
        "Error: staff.pdf: unsupported file type .pdf",
    )
    fake = tmp_path / "staff.parquet"
    fake.write_text("staff_id,sex\n1,Female\n")
    _fails(
        _analyse(fake, "--describe", describe, "--preset", "test-appointments", "--json"),
        "Error: staff.parquet: not a Parquet file",
    )


def test_bad_yaml_and_a_bad_description(tmp_path: Path) -> None:
    data = _csv(tmp_path / "staff.csv")
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: x\n  unit: [\n", encoding="utf-8")
    _fails(
        _analyse(data, "--describe", broken, "--preset", "test-appointments", "--json"),
        "Error: broken.yaml: (file): not valid YAML at line",
    )
    _fails(
        _analyse(data, "--describe", tmp_path / "none.yaml", "--preset", "test-appointments", "--json"),
        "Error: none.yaml: (file): file not found",
    )


def test_an_unknown_preset_lists_the_presets(tmp_path: Path, describe: Path) -> None:
    result = _analyse(_csv(tmp_path / "staff.csv"), "--describe", describe, "--preset", "wress", "--json")
    _fails(result, "There is no preset called 'wress'. Presets: ")
    assert "test-appointments" in result.output


def test_a_description_without_the_roles_the_preset_needs(tmp_path: Path) -> None:
    describe = tmp_path / "thin.yaml"
    describe.write_text(DESCRIPTION.split("outcomes:")[0], encoding="utf-8")
    result = _analyse(_csv(tmp_path / "staff.csv"), "--describe", describe, "--preset", "test-appointments", "--json")
    _fails(
        result,
        "Error: The test-appointments preset needs outcomes.appointed, outcomes.shortlisted, which thin.yaml does "
        "not describe.",
    )


def test_a_preset_error_while_running_is_one_clear_line(tmp_path: Path, describe: Path) -> None:
    result = _analyse(
        _csv(tmp_path / "staff.csv"),
        "--describe",
        describe,
        "--preset",
        "test-appointments",
        "--json",
        "--option",
        "reference=Other",
    )
    _fails(result, "Error: The reference group 'Other' is not in the data.")


def test_data_that_do_not_match_the_description_name_rows_and_write_nothing(tmp_path: Path, describe: Path) -> None:
    rows = [list(row) for row in ROWS]
    rows[4][1] = "Femail"
    rows[9][3] = "Maybe"
    data = _csv(tmp_path / "staff.csv", rows)
    out = tmp_path / "out"
    result = _analyse(data, "--describe", describe, "--preset", "test-appointments", "--out", out)
    _fails(result, "Error: staff.csv does not match test-staff: 2 errors; nothing was written.")
    assert "staff.csv: error: characteristics.sex.column: 'Femail' is not a category of sex (1 row)" in result.stderr
    assert "(row 5)" in result.stderr
    assert "outcomes.appointed.column: values that are neither yes nor no" in result.stderr
    assert "'Maybe' (1 row) (row 10)" in result.stderr
    assert not out.exists()
    assert calls == [] or all(call == (2, 2, "Done") for call in calls)


def test_usage_errors(tmp_path: Path, describe: Path) -> None:
    data = _csv(tmp_path / "staff.csv")
    _fails(_analyse(data, "--preset", "x"), "Give the dataset description with --describe", code=2)
    _fails(_analyse(data, "--describe", describe), "Choose a report with --preset NAME", code=2)
    _fails(_analyse(data, "--describe", describe, "--preset", "x"), "Say where to write the report with --out", code=2)
    _fails(
        _analyse(data, "--describe", describe, "--preset", "x", "--json", "--format", "pdf"),
        "pdf: choose from csv, xlsx, json, html",
        code=2,
    )
    _fails(
        _analyse(data, "--describe", describe, "--preset", "x", "--json", "--option", "level"),
        "'level' is not KEY=VALUE",
        code=2,
    )
    existing = tmp_path / "file.txt"
    existing.write_text("x")
    _fails(
        _analyse(data, "--describe", describe, "--preset", "test-appointments", "--out", existing),
        "Invalid value for '--out'",
        code=2,
    )


def test_the_command_runs_as_a_process_without_a_preset_name_mistake() -> None:
    # The real entry point, as the benchmark runs it: the help works and names every option.
    result = subprocess.run(
        [sys.executable, "-m", "dueregard.cli", "analyse", "--help"], capture_output=True, text=True, check=True
    )
    for option in (
        "--describe",
        "--preset",
        "--out",
        "--backend",
        "--option",
        "--policy",
        "--json",
        "--format",
        "--list-presets",
    ):
        assert option in result.stdout


def test_the_progress_bar_follows_the_presets_progress(capsys: pytest.CaptureFixture[str]) -> None:
    from dueregard.commands.analyse import _progress_bar

    with _progress_bar(True) as advance:
        advance(1, 3, "Counting")
        advance(3, 3, "Tables")
    with _progress_bar(False) as silent:
        silent(1, 1, "Counting")
    assert capsys.readouterr().out == ""  # the bar never writes to stdout, which --json keeps for the report


def test_the_bar_shows_the_check_of_the_data_before_the_reports_steps(
    tmp_path: Path, describe: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from contextlib import contextmanager

    from dueregard.commands import analyse

    shown: list[tuple[int, int, str]] = []

    @contextmanager
    def recording(enabled: bool):  # type: ignore[no-untyped-def]
        yield lambda done, total, what: shown.append((done, total, what))

    monkeypatch.setattr(analyse, "_progress_bar", recording)
    result = _analyse(_csv(tmp_path / "staff.csv"), "--describe", describe, "--preset", "test-appointments", "--json")
    assert result.exit_code == 0, result.output
    assert shown == [(0, 0, "Checking the data"), (1, 2, "Counting"), (2, 2, "Done")]


def test_dotted_option_keys_build_mappings() -> None:
    from dueregard.commands.analyse import parse_options

    assert parse_options(
        ["reference.ethnicity=white_british", "reference.sex=Female", "fdr=0.1", "detail.age=groups"]
    ) == {
        "reference": {"ethnicity": "white_british", "sex": "Female"},
        "fdr": 0.1,
        "detail": {"age": "groups"},
    }
    import click

    with pytest.raises(click.BadParameter, match="both as a value and as a mapping"):
        parse_options(["reference=White", "reference.sex=Male"])
    with pytest.raises(click.BadParameter, match="both as a value and as a mapping"):
        parse_options(["reference.sex=Male", "reference=White"])
    with pytest.raises(click.BadParameter, match="is not KEY=VALUE"):
        parse_options(["reference.=White"])


def test_the_engine_running_out_of_memory_is_one_clear_line_and_writes_nothing(tmp_path: Path, describe: Path) -> None:
    out = tmp_path / "out"
    result = _analyse(
        _csv(tmp_path / "staff.csv"),
        "--describe",
        describe,
        "--preset",
        "test-appointments",
        "--out",
        out,
        "--option",
        "fail=memory",
        "--memory-limit",
        "1GB",
    )
    _fails(
        result,
        "Error: The duckdb engine stopped: Out of Memory Error: could not allocate block of size 256.0 KiB. Give it "
        "more memory with --memory-limit (e.g. 4GB).",
    )
    assert "Traceback" not in result.output
    assert not out.exists()
    _fails(
        _analyse(
            tmp_path / "staff.csv",
            "--describe",
            describe,
            "--preset",
            "x",
            "--json",
            "--backend",
            "pyspark",
            "--memory-limit",
            "1GB",
        ),
        "--memory-limit is for the duckdb backend",
        code=2,
    )


@pytest.mark.spark
def test_pyspark_gives_the_same_report_as_duckdb(tmp_path: Path, describe: Path) -> None:
    from dueregard.analytics.engine import EngineUnavailableError, connect

    try:
        connect("pyspark")
    except EngineUnavailableError as error:
        pytest.skip(str(error))
    data = _parquet(tmp_path / "staff.parquet")
    common = [data, "--describe", describe, "--preset", "test-appointments", "--json"]
    on_duckdb = _analyse(*common)
    on_spark = _analyse(*common, "--backend", "pyspark")
    assert on_spark.exit_code == 0, on_spark.output
    assert json.loads(on_spark.stdout) == json.loads(on_duckdb.stdout)
