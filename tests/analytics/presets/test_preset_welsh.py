"""Reports in Welsh: a preset run inside ``language("cy")`` gives Welsh titles, headings, notes, column labels,
legends and disclosure notes, and the writers give a Welsh HTML page (``lang="cy"``), workbook and CSV headers;
the same run without it is the English report, unchanged. Data labels (classification groups, the data's own
values) are not translated."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import pytest
from ibis import BaseBackend
from lxml import html as lxml_html
from presets_support import cell, describe, example, numeric, run, table, texts

from dueregard.analytics import translations
from dueregard.analytics.i18n import language
from dueregard.analytics.output import render_html, write_report
from dueregard.analytics.report import Report


@pytest.fixture(scope="module", autouse=True)
def _compiled() -> None:
    translations.compile_if_stale("cy")


def _wres(backend: BaseBackend, code: str | None) -> Report:
    frame, description = example("wres")
    with language(code):
        return run(backend, "wres", frame, description)


def test_wres_in_welsh_has_welsh_titles_notes_and_labels(backend: BaseBackend) -> None:
    report = _wres(backend, "cy")
    assert report.language == "cy"
    assert report.title == "Safon Cydraddoldeb Hil y Gweithlu"
    assert report.notes == (
        "Safon Cydraddoldeb Hil y Gweithlu: dangosyddion 1, 2, 3, 4, 9. Caiff pobl nad yw eu hethnigrwydd yn hysbys "
        "eu gadael allan o bob cyfradd a chymhareb, a'u cyfrif ochr yn ochr â nhw.",
    )
    assert [section.heading for section in report.sections] == [
        "Dangosydd 1: staff ym mhob band cyflog o'u cymharu â'r gweithlu cyfan",
        "Dangosydd 2: o'r rhestr fer i benodiad",
        "Dangosydd 3: mynd i mewn i'r broses ddisgyblu ffurfiol",
        "Dangosydd 4: cael hyfforddiant anorfodol a DPP",
        "Dangosydd 9: aelodaeth bleidleisio'r bwrdd o'i chymharu â'r gweithlu",
    ]
    appointment = report.sections[1]
    assert appointment.notes[0] == (
        "Tebygolrwydd cymharol y caiff ymgeiswyr Gwyn eu penodi o'r rhestr fer o'i gymharu ag ymgeiswyr BME: "
        "1.50 (cyfwng hyder 95%: 1.23 i 1.83)."
    )
    assert appointment.notes[2] == "Nid yw 50 o'r rhai ar y rhestr fer heb ethnigrwydd hysbys yn y gymhareb."

    indicator_2 = table(report, "Dangosydd 2")
    assert [column.label for column in indicator_2.columns] == [
        "Ethnigrwydd",
        "Ar y rhestr fer",
        "Penodwyd",
        "Cyfradd",
        "Tebygolrwydd cymharol (o'i gymharu â'r grŵp BME)",
        "Cymhareb effaith",
    ]
    # The same figures as in English; only the words around them change.
    assert cell(indicator_2, "Gwyn", "relative_likelihood").value == pytest.approx(1.5)
    assert cell(indicator_2, "BME", "relative_likelihood").display == "1.00 (grŵp cyfeirio)"
    assert cell(indicator_2, "BME", "impact_ratio").display == "0.67 (o dan 0.8)"
    assert indicator_2.notes.reference_group == "BME"
    assert indicator_2.notes.methods[0] == "Cyfraddau gyda chyfyngau sgôr Wilson 95%."
    assert indicator_2.notes.tests[0].startswith("χ² Pearson: ystadegyn 17.045, p = 3.65e-05. ")
    assert indicator_2.notes.disclosure == (
        "Caiff cyfrifon o dan 5 (heblaw 0) eu dal yn ôl (!).",
        "Nifer y cofnodion â gwerth anhysbys: 50; ni chawsant eu defnyddio yn y ffigurau hyn.",
    )

    bands = table(report, "Dangosydd 1")
    rows = texts(bands)
    assert rows[0] == [
        "Band cyflog",
        "Gwyn",
        "BME",
        "Anhysbys",
        "Cyfanswm",
        "Gwyn (% o'r rhai hysbys)",
        "BME (% o'r rhai hysbys)",
    ]
    assert rows[1][0] == "Band 5"  # a value in the data: not translated
    assert rows[-1][0] == "Y gweithlu cyfan"
    assert bands.notes.legend == (("!", "wedi'i ddal yn ôl i ddiogelu cyfrinachedd"),)

    board = table(report, "Dangosydd 9")
    assert [row[0] for row in texts(board)[1:]] == ["Gwyn", "BME", "Anhysbys", "Cyfanswm"]
    assert board.notes.legend == (("N/A", "amherthnasol"),)
    assert report.sections[4].notes == (
        "Cyfran y bwrdd minws cyfran y gweithlu — Gwyn: -8.3 pwynt canran. BME: 8.3 pwynt canran.",
    )


def test_wres_is_english_by_default(backend: BaseBackend) -> None:
    report = _wres(backend, None)
    assert report.language == "en"
    assert report.title == "Workforce Race Equality Standard"
    assert report.sections[1].heading == "Indicator 2: shortlisting to appointment"
    indicator_2 = table(report, "Indicator 2")
    assert indicator_2.columns[4].label == "Relative likelihood (vs BME)"
    assert cell(indicator_2, "BME", "relative_likelihood").display == "1.00 (reference)"
    assert table(report, "Indicator 1").notes.legend == (("!", "withheld to protect confidentiality"),)


def test_the_html_page_of_a_welsh_report_is_welsh(backend: BaseBackend) -> None:
    report = _wres(backend, "cy")
    page = lxml_html.fromstring(render_html(report))  # written outside any language block: follows the report
    assert page.get("lang") == "cy"
    assert page.findtext(".//title") == "Safon Cydraddoldeb Hil y Gweithlu"
    assert page.findtext(".//h1") == "Safon Cydraddoldeb Hil y Gweithlu"
    assert page.find(".//a[@class='skip-link']").text == "Neidio i'r adroddiad"
    assert [dt.text for dt in page.findall(".//dl[@class='meta']/dt")] == ["Data", "Cofnodion", "Adroddiad", "Tablau"]
    assert page.get_element_by_id("contents").text == "Cynnwys"
    headings = {h4.text for h4 in page.iter("h4")}
    assert {"Symbolau", "Dulliau", "Profion", "Rheoli datgelu"} <= headings
    chart_title = page.get_element_by_id("table-2-chart-title")
    assert chart_title.text == "Siart: Cyfradd yn ôl ethnigrwydd"
    assert page.get_element_by_id("table-2-chart-desc").text.endswith("Mae'r ffigurau yn y tabl sy'n dilyn.")
    assert "Gwyn (% o'r rhai hysbys): cyfwng" in [th.text for th in page.iter("th")]

    english = lxml_html.fromstring(render_html(_wres(backend, None)))
    assert english.get("lang") == "en"
    assert english.find(".//a[@class='skip-link']").text == "Skip to the report"


def test_the_files_of_a_welsh_report_are_welsh(backend: BaseBackend, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    report = _wres(backend, "cy")
    write_report(report, tmp_path / "adroddiad")
    out = tmp_path / "adroddiad"
    with (out / "csv" / "02-dangosydd-2-o-r-rhestr-fer-i-benodiad.csv").open(encoding="utf-8-sig") as handle:
        header = next(csv.reader(handle))
    assert header[:5] == ["Ethnigrwydd", "Ar y rhestr fer", "Penodwyd", "Cyfradd", "Cyfradd (terfyn isaf)"]
    workbook = load_workbook(out / "report.xlsx", read_only=True)
    assert workbook.sheetnames[0] == "Cynnwys"
    contents = [
        [value for value in row if value is not None] for row in workbook["Cynnwys"].iter_rows(values_only=True)
    ]
    assert contents[0] == ["Safon Cydraddoldeb Hil y Gweithlu"]
    assert contents[1] == ["Data", "wres-example"]
    assert ["Dalen", "Adran", "Tabl"] in contents
    loaded = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert loaded["language"] == "cy"
    assert Report.from_dict(loaded) == report
    assert lxml_html.fromstring((out / "report.html").read_text(encoding="utf-8")).get("lang") == "cy"


def test_stop_and_search_in_welsh(backend: BaseBackend) -> None:
    frame, description = example("stop-and-search")
    options = {
        "population": {"White": 100_000, "Black": 5_000, "Asian": 10_000, "Mixed": 3_000, "Other": 2_000},
        "census": "Cyfrifiad 2021",
    }
    with language("cy"):
        report = run(backend, "stop-and-search", frame, description, options=options)
    assert report.title == "Anghymesuredd stopio a chwilio"
    assert report.notes[0] == "Ffynhonnell y boblogaeth: Cyfrifiad 2021; daw'r chwiliadau o'r data."
    assert report.notes[-1] == "Nid yw'r cyfraddau'n cynnwys chwiliadau lle na chofnodwyd ethnigrwydd yr unigolyn."
    main = table(report, "Stopio a chwilio: chwiliadau fesul 1,000 o bobl yn ôl ethnigrwydd")
    assert [column.label for column in main.columns][1:] == [
        "Chwiliadau",
        "Poblogaeth",
        "Chwiliadau fesul 1,000 o bobl",
        "Cymhareb o'i chymharu â'r grŵp White",  # the group's label is the classification's: not translated
    ]
    assert [row[0].text for row in main.rows][-2:] == ["Heb ei nodi", "Pob chwiliad"]
    combined = table(report, "Stopio a chwilio: lleiafrifoedd ethnig gyda'i gilydd")
    assert combined.rows[0][0].text == "Lleiafrifoedd ethnig gyda'i gilydd"


def test_wales_employment_information_in_welsh(backend: BaseBackend) -> None:
    frame, description = example("wales", "employment")
    with language("cy"):
        report = run(backend, "wales-employment", frame, description)
    assert report.title == "Gwybodaeth am gyflogaeth (Cymru, rheoliad 9)"
    assert report.notes[0].startswith("Rheoliadau Deddf Cydraddoldeb 2010 (Dyletswyddau Statudol) (Cymru) 2011, ")
    assert [s.heading for s in report.sections] == [
        "Rhyw",
        "Ethnigrwydd",
        "Anabledd",
        "Gwybodaeth na chafodd ei chasglu",
    ]
    assert texts(table(report, "Staff mewn swydd yn ôl rhyw"))[1:] == [
        ["Female", "90", "56.3%"],  # the classification's labels: not translated
        ["Male", "70", "43.8%"],
        ["Anhysbys", "0", "N/A"],
        ["Cyfanswm", "160", "N/A"],
    ]
    grades = texts(table(report, "Staff yn ôl gradd, fesul rhyw"))
    assert grades[0][0] == "Gradd"
    assert grades[-1][0] == "Pawb"
    not_collected = table(report, "Gwybodaeth a restrir gan y ddyletswydd")
    assert [row[0] for row in texts(not_collected)[1:]][:2] == ["Staff yn ôl swydd", "Ymgeiswyr mewnol am newid swydd"]
    assert not_collected.notes.legend == (("-", "heb ei gasglu"),)
    assert report.warnings[0].startswith("Heb ei chasglu: Staff yn ôl swydd (outcomes.job);")


# --- the pay gap presets and the workforce report ---------------------------------------------------------------

PAY = ("monthly_pay", "bonus_12_months", "period_days", "weekly_hours")


def _pay_run(
    backend: BaseBackend,
    preset: str,
    code: str | None,
    data: str = "pay",
    options: dict[str, object] | None = None,
    progress: list[tuple[int, int, str]] | None = None,
) -> Report:
    frame, description = example(data)
    with language(code):
        return run(backend, preset, numeric(frame, *PAY), description, options=options, progress=progress)


def _figures(report: Report) -> list[list[list[tuple[object, str, int | None]]]]:
    """Every table's cells but its row labels: value, symbol and denominator (the same in every language)."""
    return [
        [[(cell.value, cell.symbol, cell.denominator) for cell in row[1:]] for row in result.rows]
        for result in report.tables
    ]


def test_gender_pay_gap_in_welsh(backend: BaseBackend) -> None:
    report = _pay_run(backend, "gender-pay-gap", "cy")
    assert report.title == "Bwlch cyflog rhwng y rhywiau"
    assert report.notes == (
        "Dyddiad cipolwg: 31 Mawrth ar gyfer cyrff cyhoeddus (5 Ebrill ar gyfer cyflogwyr preifat); cyhoeddwch o "
        "fewn 12 mis. Dangosir y ffigurau i un lle degol.",
        "Rhaid i gyrff sydd â 250 neu fwy o gyflogeion ar y dyddiad cipolwg gyhoeddi'r chwe ffigur i gyd.",
    )
    assert report.sections[0].heading == "Bwlch cyflog rhwng y rhywiau"
    assert report.sections[0].notes == (
        "Bwlch cyflog cymedrig fesul awr: 17.4%",
        "Bwlch cyflog canolrifol fesul awr: 18.8%",
        "Bwlch bonws cymedrig: 26.7%",
        "Bwlch bonws canolrifol: 0.0%",
        "Cyfran a gafodd fonws: Dynion 33.3%, Menywod 25.0%",
        "Chwartel uchaf: Dynion 66.7%, Menywod 33.3%",
        "Chwartel canol uchaf: Dynion 60.0%, Menywod 40.0%",
        "Chwartel canol isaf: Dynion 50.0%, Menywod 50.0%",
        "Chwartel isaf: Dynion 20.0%, Menywod 80.0%",
    )
    hourly = table(report, "Bwlch cyflog rhwng y rhywiau: cyflog fesul awr")
    assert texts(hourly) == [
        ["Mesur", "Dynion", "Menywod", "Bwlch (%)", "Dynion (pobl)", "Menywod (pobl)"],
        ["Bwlch cyflog cymedrig fesul awr", "£16.73", "£13.82", "17.4%", "11", "11"],
        ["Bwlch cyflog canolrifol fesul awr", "£16.00", "£13.00", "18.8%", "11", "11"],
    ]
    assert hourly.notes.methods[0].startswith("Bwlch = (cyflog y grŵp cyfeirio − cyflog y grŵp cymharu) ÷ ")
    assert texts(table(report, "Bwlch cyflog rhwng y rhywiau: chwarteli cyflog")) == [
        ["Chwartel cyflog", "Cyflogeion", "Dynion", "Menywod", "Dynion (%)", "Menywod (%)"],
        ["Uchaf", "6", "4", "2", "66.7%", "33.3%"],
        ["Canol uchaf", "5", "3", "2", "60.0%", "40.0%"],
        ["Canol isaf", "6", "3", "3", "50.0%", "50.0%"],
        ["Isaf", "5", "1", "4", "20.0%", "80.0%"],  # the tie at £12 settled as in English
    ]
    assert texts(table(report, "Bwlch cyflog rhwng y rhywiau: cyfran a gafodd fonws"))[0] == [
        "Rhyw",
        "Cyflogeion perthnasol",
        "Wedi cael bonws",
        "Cyfran a gafodd fonws",
    ]
    english = _pay_run(backend, "gender-pay-gap", None)
    assert english.sections[0].notes[-1] == "Lower quarter: Men 20.0%, Women 80.0%"
    assert _figures(report) == _figures(english)
    assert report.records == english.records


def test_ethnicity_and_disability_pay_gaps_in_welsh(backend: BaseBackend) -> None:
    report = _pay_run(backend, "ethnicity-pay-gap", "cy")
    assert report.title == "Bwlch cyflog ethnigrwydd"
    assert report.notes[1].startswith("Mae'r bylchau cyflog ethnigrwydd ac anabledd yn dilyn chwe mesur y bwlch")
    bonus = table(report, "Bwlch cyflog ethnigrwydd: tâl bonws")
    assert bonus.cell(0, "gap").note == (
        "Wedi'i ddal yn ôl: llai na 10 o gyflogeion a gafodd fonws yn y grwpiau Gwyn Prydeinig a Lleiafrifoedd ethnig."
    )
    assert report.sections[0].notes[-1] == (
        "Ni ddatgelodd 1 o'r 22 o gyflogeion perthnasol ar gyflog llawn eu hethnigrwydd; nid ydynt yn y ffigurau. "
        "Caiff ffigurau eu dal yn ôl (!) lle mae gan grŵp a gymharir lai na 10 o gyflogeion."
    )
    assert report.sections[0].notes[4] == "Cyfran a gafodd fonws: Gwyn Prydeinig 30.8%, Lleiafrifoedd ethnig 30.0%"
    assert _figures(report) == _figures(_pay_run(backend, "ethnicity-pay-gap", None))

    finer = _pay_run(backend, "ethnicity-pay-gap", "cy", options={"minimum_group_size": 1})
    by_group = table(finer, "Cyflog fesul awr yn ôl grŵp ethnig")
    assert texts(by_group) == [
        [
            "Grŵp ethnig",
            "Pobl",
            "Cyflog cymedrig fesul awr",
            "Cyflog canolrifol fesul awr",
            "Bwlch cymedrig o'i gymharu â'r grŵp Gwyn Prydeinig (%)",
            "Bwlch canolrifol o'i gymharu â'r grŵp Gwyn Prydeinig (%)",
        ],
        ["Gwyn Prydeinig", "11", "£16.18", "£16.00", "N/A", "N/A"],
        ["Gwyn arall", "1", "£22.00", "£22.00", "-36.0%", "-37.5%"],
        # The classification's groups are data: not translated.
        ["Asian, Asian British or Asian Welsh", "5", "£13.80", "£13.00", "14.7%", "18.8%"],
        ["Black, Black British, Black Welsh, Caribbean or African", "3", "£13.67", "£14.00", "15.5%", "12.5%"],
        ["Mixed or Multiple ethnic groups", "1", "£10.00", "£10.00", "38.2%", "37.5%"],
        ["Other ethnic group", "0", "N/A", "N/A", "N/A", "N/A"],
    ]
    assert by_group.rows[0][4].note == "Grŵp cyfeirio."
    finer_english = _pay_run(backend, "ethnicity-pay-gap", None, options={"minimum_group_size": 1})
    assert _figures(finer) == _figures(finer_english)

    disability = _pay_run(backend, "disability-pay-gap", "cy")
    assert disability.title == "Bwlch cyflog anabledd"
    assert disability.sections[0].notes[0] == "Bwlch cyflog cymedrig fesul awr: !"
    hourly = table(disability, "Bwlch cyflog anabledd: cyflog fesul awr")
    assert [column.label for column in hourly.columns][1:3] == ["Heb anabledd", "Anabl"]
    assert hourly.cell(0, "gap").note == (
        "Wedi'i ddal yn ôl: llai na 10 o gyflogeion perthnasol ar gyflog llawn yn y grŵp Anabl."
    )
    assert _figures(disability) == _figures(_pay_run(backend, "disability-pay-gap", None))


def test_workforce_report_in_welsh(backend: BaseBackend) -> None:
    progress: list[tuple[int, int, str]] = []
    report = _pay_run(backend, "workforce", "cy", data="workforce", progress=progress)
    assert report.title == "Adroddiad y gweithlu: Example body, staff 2024/25"  # the description's title: data
    assert report.notes == (
        "Caiff cofnodion nad yw eu grŵp yn hysbys eu gadael allan o bob cyfradd, cymhareb a phrawf, a'u cyfrif ochr "
        "yn ochr â nhw. Mae'r tebygolrwydd cymharol yn cymharu pob grŵp â'r grŵp cyfeirio a enwir ym mhob tabl.",
        "Nifer y tablau a brofwyd: 6; caiff eu gwerthoedd p eu haddasu gyda'i gilydd (Benjamini–Hochberg).",
    )
    assert [s.heading for s in report.sections] == [
        "Rhyw",
        "Ethnigrwydd",
        "Anabledd",
        "Bwlch cyflog rhwng y rhywiau",
        "Bwlch cyflog ethnigrwydd",
        "Bwlch cyflog anabledd",
    ]
    assert [what for _done, _total, what in progress] == [
        "nodweddion wedi'u dosbarthu",
        "wedi cyfrif",
        "Rhyw",
        "Ethnigrwydd",
        "Anabledd",
        "Bwlch cyflog rhwng y rhywiau",
        "Bwlch cyflog ethnigrwydd",
        "Bwlch cyflog anabledd",
        "wedi gorffen",
    ]
    assert report.sections[1].notes == ("Grŵp cyfeirio ar gyfer tebygolrwydd cymharol: White.",)
    training = table(report, "Training yn ôl ethnigrwydd")  # the outcome's name is the description's
    assert training.notes.tests[-1] == (
        "Benjamini–Hochberg: p = 0.0294 wedi'i addasu ar draws 6 prawf yr adroddiad hwn; arwyddocaol ar gyfradd "
        "darganfyddiadau ffug o 0.05."
    )
    assert (
        table(report, "Leaver yn ôl rhyw")
        .notes.tests[-1]
        .endswith("; nid yw'n arwyddocaol ar gyfradd darganfyddiadau ffug o 0.05.")
    )
    assert [t.title for t in report.sections[0].tables] == [
        "Staff members yn ôl rhyw",  # the description's unit: data
        "Training yn ôl rhyw",
        "Leaver yn ôl rhyw",
        "Band yn ôl rhyw",
    ]
    assert texts(table(report, "Bwlch cyflog rhwng y rhywiau: chwarteli cyflog"))[1] == [
        "Uchaf",
        "50",
        "45",
        "5",
        "90.0%",
        "10.0%",
    ]
    assert report.sections[4].notes[5] == "Chwartel uchaf: Gwyn Prydeinig 88.9%, Lleiafrifoedd ethnig 11.1%"

    english = _pay_run(backend, "workforce", None, data="workforce")
    assert english.title == "Workforce report: Example body, staff 2024/25"
    assert english.sections[1].notes == ("Reference group for relative likelihoods: White.",)
    assert _figures(report) == _figures(english)
    assert report.records == english.records


def test_the_workforce_report_s_warnings_and_errors_in_welsh() -> None:
    from dueregard.analytics.dataset import OutcomeColumn
    from dueregard.analytics.engine import connect
    from dueregard.analytics.i18n import _
    from dueregard.analytics.presets import PresetError, get
    from dueregard.analytics.presets.pay_gaps import pay_table
    from dueregard.analytics.presets.workforce import outcome_title

    frame, description = example("workforce")
    assert description.pay is not None
    without_hours = replace(description, pay=replace(description.pay, weekly_hours=None))
    with language("cy"):
        report = run(connect("duckdb"), "workforce", numeric(frame, *PAY), without_hours)
        assert outcome_title(OutcomeColumn("appointed", "a", among="shortlisted")) == (
            "Appointed (o blith y rhai shortlisted)"
        )
        assert _(get("workforce").title) == "Adroddiad y gweithlu"
        assert _(get("gender-pay-gap").summary).startswith("Chwe ffigur y bwlch cyflog rhwng y rhywiau")
        with pytest.raises(PresetError) as error:
            get("workforce").run(_input(describe({"outcomes": {"training": "t"}})))
        no_pay = describe({"characteristics": {"sex": {"column": "s", "classification": "sex"}}})
        with pytest.raises(PresetError) as missing_pay:
            pay_table(_input(no_pay).table, no_pay, "gender-pay-gap")
    assert report.warnings == ("Dim bylchau cyflog: mae angen pay.weekly_hours yn adran cyflog y disgrifiad.",)
    assert str(error.value) == (
        "Mae angen i ddisgrifiad y set ddata enwi o leiaf un nodwedd ar gyfer y rhagosodiad workforce: ychwanegwch "
        "characteristics (er enghraifft characteristics.ethnicity gyda'i golofn a'i ddosbarthiad) at YAML test."
    )
    assert str(missing_pay.value) == (
        "Mae angen i ddisgrifiad y set ddata enwi pay.ordinary_pay, pay.bonus_pay, pay.pay_period_days, "
        "pay.weekly_hours (y gyfradd fesul awr a'r tâl bonws yn rheoliadau 2017) ar gyfer y rhagosodiad "
        "gender-pay-gap: ychwanegwch nhw at YAML test."
    )


def _input(description):  # type: ignore[no-untyped-def]
    import pandas as pd

    from dueregard.analytics.engine import connect, to_backend
    from dueregard.analytics.presets import PresetInput

    frame = pd.DataFrame({"s": ["Female", "Male"], "t": ["Yes", "No"]})
    return PresetInput(to_backend(connect("duckdb"), frame), description)
