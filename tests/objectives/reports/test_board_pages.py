from __future__ import annotations

import io
import shutil
import subprocess
from typing import Any

from django.test import Client
from openpyxl import load_workbook
from report_helpers import INDUCTION, TRANSGENDER, quarter_of_updates

from dueregard.objectives.services import action_create


def test_a_viewer_reads_the_board_report_with_its_chart_followed_by_the_table(demo: Any, client: Client) -> None:
    quarter_of_updates(demo)
    client.force_login(demo.users["viewer"])
    response = client.get("/o/demo/reports/board/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Board report" in page
    chart = page.index('<svg class="app-rag-chart" aria-hidden="true"')
    assert page.index("by objective (the data shown in the chart above)", chart) > chart
    assert ">Red</strong>" in page  # RAG tags carry the word, never only a colour
    assert INDUCTION in page
    assert " style=" not in page.split('id="main-content"')[1]  # the CSP forbids inline styles
    assert "<script>" not in page


def test_the_reader_can_count_changes_from_another_date(demo: Any, client: Client) -> None:
    client.force_login(demo.users["viewer"])
    page = client.get("/o/demo/reports/board/", {"since": "2026-10-07"}).content.decode()
    assert "What changed since 7 October 2026" in page
    assert "/o/demo/reports/board.pdf?since=2026-10-07" in page
    bad = client.get("/o/demo/reports/board/", {"since": "31/02/2026"}).content.decode()
    assert 'href="#id_since"' in bad  # a clear error, and the report still shows (since the end of last quarter)


def test_people_outside_the_organisation_cannot_see_the_report(demo: Any, client: Client) -> None:
    assert client.get("/o/demo/reports/board/").status_code == 302  # to sign in
    client.force_login(demo.users["outsider"])
    for path in ("/o/demo/reports/board/", "/o/demo/reports/board.pdf", "/o/demo/reports/board.xlsx"):
        assert client.get(path).status_code == 404


def test_the_board_report_is_there_in_welsh(demo: Any, client: Client) -> None:
    client.force_login(demo.users["viewer"])
    response = client.get("/cy/o/demo/reports/board/")
    assert response.status_code == 200
    assert 'lang="cy"' in response.content.decode()


def test_the_pdf_is_a_tagged_pdf_with_the_report_text(demo: Any, client: Client, tmp_path: Any) -> None:
    quarter_of_updates(demo)
    client.force_login(demo.users["viewer"])
    response = client.get("/o/demo/reports/board.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="demo-board-report-')
    content = response.content
    assert content.startswith(b"%PDF")
    # scripts/test installs poppler-utils, so the text check always runs there.
    assert shutil.which("pdftotext"), "install Debian's poppler-utils to read the PDF (scripts/test does)"
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Board report" in text
    assert "Demo Government Department" in text
    assert "Overdue actions" in text
    assert TRANSGENDER[:40] in " ".join(text.split())
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Tagged:          yes" in info
    assert "Title:           Board report: Demo Government Department" in info


def test_the_workbook_has_a_sheet_per_table_with_a_bold_frozen_header(demo: Any, client: Client) -> None:
    quarter_of_updates(demo)
    client.force_login(demo.users["viewer"])
    response = client.get("/o/demo/reports/board.xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "About this report",
        "RAG by objective",
        "RAG by unit",
        "Changes",
        "Overdue",
        "No update this quarter",
        "Measures",
    ]
    sheet = workbook["RAG by objective"]
    assert [cell.value for cell in sheet[1]] == [
        "Reference",
        "Objective",
        "Red",
        "Amber",
        "Green",
        "Complete",
        "Closed",
        "Total",
    ]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    totals = [cell.value for cell in sheet[sheet.max_row]]
    assert totals == ["All objectives", None, 16, 6, 1, 1, 0, 24]
    changes = workbook["Changes"]
    assert changes.max_row == 4  # the header and three changed actions
    assert len(list(workbook["Overdue"].iter_rows(min_row=2))) == 16


def test_formula_like_text_is_escaped_in_the_workbook(demo: Any, client: Client) -> None:
    objective = demo.organisation.objectives.get(reference="1")
    action_create(actor=demo.users["equality_lead"], objective=objective, title="=SUM(A1)")
    client.force_login(demo.users["viewer"])
    workbook = load_workbook(io.BytesIO(client.get("/o/demo/reports/board.xlsx").content))
    values = [cell.value for row in workbook["No update this quarter"].iter_rows() for cell in row]
    assert "'=SUM(A1)" in values
    assert "=SUM(A1)" not in values
    formulas = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
    assert formulas == []
