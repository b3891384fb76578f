"""Reports in Welsh: a preset run inside ``language("cy")`` gives Welsh titles, headings, notes, column labels,
legends and disclosure notes, and the writers give a Welsh HTML page (``lang="cy"``), workbook and CSV headers;
the same run without it is the English report, unchanged. Data labels (classification groups, the data's own
values) are not translated."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from ibis import BaseBackend
from lxml import html as lxml_html
from presets_support import cell, example, run, table, texts

from dueregard.analytics import i18n, translations
from dueregard.analytics.i18n import language
from dueregard.analytics.output import render_html, write_report
from dueregard.analytics.report import Report


@pytest.fixture(scope="module", autouse=True)
def _compiled() -> None:
    # .mo files are compiled by scripts/setup, not committed: compile when missing or older than the .po.
    po = translations.catalogue_path("cy")
    mo = po.with_suffix(".mo")
    if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
        translations.compile_catalogues()
    i18n.forget_catalogues()


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
