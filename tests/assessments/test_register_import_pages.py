"""Importing a functions register through the pages: upload → preview with every row's problems → import, all or
nothing; files of the wrong type, broken, empty or not UTF-8 are refused at the upload with a clear message."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as settings_hypothesis
from hypothesis import strategies as st
from openpyxl import Workbook

from dueregard.assessments.importing import FunctionImportError
from dueregard.assessments.models import Function
from dueregard.assessments.views_register_import import read_upload
from dueregard.audit.models import AuditEvent

TODAY = timezone.localdate()
UPLOAD = "/o/demo/functions/import/"
PREVIEW = "/o/demo/functions/import/preview/"
GOOD = (
    "Function,Unit,Affects staff,Review cycle,Race,Race reason,Disability,Disability reason\n"
    "Library services,Business Support,no,annual,low,Stock in community languages,high,Step-free branches\n"
    "Staff car parking,Finance and Estates,yes,,,,medium,Blue badge bays\n"
)


@pytest.fixture
def lead(demo: Any, client: Client, settings: Any, tmp_path: Path) -> Client:
    settings.DATA_DIR = tmp_path
    client.force_login(demo.users["equality_lead"])
    return client


def _upload(client: Client, name: str, data: bytes) -> Any:
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, data)})


def _count(demo: Any) -> int:
    return Function.objects.filter(organisation=demo.organisation).count()


def test_upload_preview_and_import(demo: Any, lead: Client, tmp_path: Path) -> None:
    response = _upload(lead, "register.csv", GOOD.encode())
    assert response.status_code == 302
    assert response["Location"] == PREVIEW
    assert len(list((tmp_path / "imports").glob("*.register"))) == 1
    html = lead.get(PREVIEW).content.decode()
    assert "2 functions will be added to the register." in html
    assert "Library services" in html
    assert "Staff car parking" in html
    assert "Race: low" in html
    assert "Disability: high" in html
    assert "Every year" in html
    assert "Import the register" in html
    assert _count(demo) == 9  # the preview saved nothing
    assert not AuditEvent.objects.filter(action="function_create", object_repr="Library services").exists()
    done = lead.post(PREVIEW, follow=True)
    assert "2 functions were added to the register." in done.content.decode()
    assert _count(demo) == 11
    library = Function.objects.get(organisation=demo.organisation, name="Library services")
    assert library.unit is not None
    assert (library.unit.name, library.review_cycle_years, library.priority) == ("Business Support", 1, "high")
    assert library.next_review_date == TODAY.replace(year=TODAY.year + 1)
    assert not list((tmp_path / "imports").glob("*.register"))  # the file is deleted once imported


def test_an_xlsx_register(demo: Any, lead: Client) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Function", "Included", "Reason not included", "Next review"])
    sheet.append(["Payroll processing", "no", "Only pays salaries by set scales; no discretion.", None])
    sheet.append(
        ["School admissions appeals", "yes", None, dt.datetime.combine(TODAY + dt.timedelta(days=30), dt.time())]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    assert _upload(lead, "register.xlsx", buffer.getvalue()).status_code == 302
    assert "2 functions will be added to the register." in lead.get(PREVIEW).content.decode()
    lead.post(PREVIEW)
    payroll = Function.objects.get(organisation=demo.organisation, name="Payroll processing")
    appeals = Function.objects.get(organisation=demo.organisation, name="School admissions appeals")
    assert payroll.is_relevant is False
    assert appeals.next_review_date == TODAY + dt.timedelta(days=30)


def test_row_errors_are_all_shown_and_nothing_can_be_imported(demo: Any, lead: Client) -> None:
    past = (TODAY - dt.timedelta(days=3)).strftime("%d/%m/%Y")
    text = (
        "Function,Unit,Included,Review cycle,Next review,Age,Age reason\n"
        "Library services,Nowhere,,,,,\n"
        "Recruitment and selection,,,,,,\n"
        "Parks,,no,,,,\n"
        "Leisure centres,,,five-yearly,,,\n"
        "Allotments,,,,not a date,,\n"
        f"Cemeteries,,,,{past},high,\n"
        "Good row,,,,,low,Few older plot holders\n"
    )
    assert _upload(lead, "register.csv", text.encode()).status_code == 302
    html = lead.get(PREVIEW).content.decode()
    assert "<title>Error: " in html
    for message in (
        "Row 2, column “Unit”: There is no unit called “Nowhere”.",
        "Row 3, column “Function”: The register already has a function with this name.",
        "Row 4, column “Reason not included”: Say why this function is not included.",
        "Row 5, column “Review cycle”: Write annual or three-yearly",
        "Row 6, column “Next review”: Write the date as 31/03/2027 or 2027-03-31.",
        "Row 7, column “Age reason”: Give the reason for this relevance.",
    ):
        assert message in html
    assert 'href="#row-2"' in html
    assert "Import the register" not in html
    assert "Upload the corrected file" in html
    forced = lead.post(PREVIEW, follow=True)
    assert "Nothing was imported: the file has errors." in forced.content.decode()
    assert _count(demo) == 9


def test_a_problem_only_the_import_finds_is_shown_in_the_preview(demo: Any, lead: Client) -> None:
    past = (TODAY - dt.timedelta(days=3)).isoformat()
    _upload(lead, "register.csv", f"Function,Next review\nGood one,\nLate one,{past}\n".encode())
    html = lead.get(PREVIEW).content.decode()
    assert "Row 3, column “Next review”: The next review date is in the past" in html
    assert "Import the register" not in html
    assert _count(demo) == 9


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("register.pdf", b"%PDF-1.4", "The file must be a CSV, XLSX or ODS file"),
        ("register.xlsx", b"this is not a spreadsheet", "The file could not be read as a spreadsheet."),
        ("register.csv", b"", "The file is empty"),
        ("register.csv", b"Function,Unit\n", "The file has no functions in it"),
        ("register.csv", b"Name,Unit\nLibrary,\n", "There is no “Function” column."),
        (
            "register.csv",
            "Function\nGwasanaethau’r llyfrgell\n".encode("cp1252", "replace"),
            "save it again as “CSV UTF-8”",
        ),
    ],
)
def test_files_that_cannot_be_used_are_refused_at_the_upload(
    demo: Any, lead: Client, tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    response = _upload(lead, name, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert message in html
    assert not list(tmp_path.glob("imports/*.register"))
    assert _count(demo) == 9


def test_a_file_that_is_not_utf8_is_refused(demo: Any, lead: Client) -> None:
    response = _upload(lead, "register.csv", "Function\nCaf\xe9 services\n".encode("latin-1"))
    assert "save it again as “CSV UTF-8”" in response.content.decode()


def test_no_file_chosen(lead: Client) -> None:
    html = lead.post(UPLOAD, {}).content.decode()
    assert "Choose the file with your functions register" in html


def test_cancel_deletes_the_file(demo: Any, lead: Client, tmp_path: Path) -> None:
    _upload(lead, "register.csv", GOOD.encode())
    response = lead.post("/o/demo/functions/import/cancel/", follow=True)
    assert "The import was cancelled and the file deleted." in response.content.decode()
    assert not list((tmp_path / "imports").glob("*.register"))
    assert "There is no file waiting to be imported" in lead.get(PREVIEW).content.decode()
    assert _count(demo) == 9


def test_the_preview_with_nothing_waiting(lead: Client) -> None:
    response = lead.get(PREVIEW)
    assert response.status_code == 200
    assert "There is no file waiting to be imported" in response.content.decode()


def test_only_the_equality_lead_imports(demo: Any, client: Client) -> None:
    client.force_login(demo.users["contributor"])
    assert client.get(UPLOAD).status_code == 403
    assert client.post(UPLOAD, {"file": SimpleUploadedFile("r.csv", GOOD.encode())}).status_code == 403
    assert client.post(PREVIEW).status_code == 403
    client.force_login(demo.users["outsider"])
    assert client.get(UPLOAD).status_code == 404
    client.logout()
    assert client.get(UPLOAD)["Location"].startswith("/account/sign-in/")


@settings_hypothesis(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".xlsx", ".ods"]))
def test_any_bytes_give_rows_or_a_clear_refusal(demo: Any, content: bytes, suffix: str) -> None:
    """Whatever is uploaded, the upload step either reads rows or refuses the file with a reason; never a crash."""
    problems: list[str] = []
    rows: list[Any] = []
    try:
        rows = read_upload(filename=f"register{suffix}", content=content, organisation=demo.organisation)
    except FunctionImportError as error:
        problems = [problem.message for problem in error.errors]
    assert rows or problems
    assert all(problems)
