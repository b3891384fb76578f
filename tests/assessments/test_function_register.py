from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from assessment_helpers import TODAY
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import Workbook

from dueregard.assessments import services
from dueregard.assessments.importing import FunctionImportError
from dueregard.assessments.models import Function

HEADER = (
    "Function,Unit,Affects the public,Affects staff,Included,Reason not included,Review cycle,Next review,"
    "Race,Race reason,Disability,Disability reason"
)


def _import(demo: Any, text: str, filename: str = "register.csv") -> list[Function]:
    return services.function_import(
        actor=demo.users["equality_lead"],
        organisation=demo.organisation,
        filename=filename,
        content=text.encode("utf-8"),
        today=TODAY,
    )


def test_defaults_include_the_function_and_review_it_within_three_years(demo: Any) -> None:
    function = services.function_create(
        actor=demo.users["equality_lead"], organisation=demo.organisation, name="Grants to charities", today=TODAY
    )
    assert function.is_relevant is True
    assert function.review_cycle_years == 3
    assert function.next_review_date == TODAY.replace(year=TODAY.year + 3)
    assert function.priority == "medium"  # nothing rated yet: if in doubt


def test_priority_follows_the_highest_relevance(demo: Any) -> None:
    function = services.function_create(
        actor=demo.users["equality_lead"],
        organisation=demo.organisation,
        name="Recruitment",
        relevance={"race": ("high", "Under-representation at senior grades"), "age": ("low", "Apprenticeships")},
        review_cycle_years=1,
        today=TODAY,
    )
    assert function.priority == "high"
    assert function.relevances.count() == 2


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"review_cycle_years": 5}, "review_cycle_years", "never less often than every three years"),
        ({"is_relevant": False}, "exclusion_reason", "if in doubt about its impact, include it"),
        ({"next_review_date": TODAY - dt.timedelta(days=1)}, "next_review_date", "in the past"),
        ({"next_review_date": TODAY + dt.timedelta(days=4 * 366)}, "next_review_date", "within the review cycle"),
        ({"relevance": {"race": ("high", "")}}, "relevance", "Give the reason why"),
        ({"relevance": {"race": ("vital", "x")}}, "relevance", "high, medium, low or none"),
    ],
)
def test_bad_register_entries_are_refused_with_what_to_fix(
    demo: Any, fields: dict[str, Any], field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        services.function_create(
            actor=demo.users["equality_lead"], organisation=demo.organisation, name="X", today=TODAY, **fields
        )
    assert message in refused.value.message_dict[field][0]


@pytest.mark.parametrize("who", ["contributor", "approver", "viewer", "outsider"])
def test_only_equality_leads_manage_the_register(demo: Any, who: str) -> None:
    with pytest.raises(PermissionDenied):
        services.function_create(actor=demo.users[who], organisation=demo.organisation, name="X")


def test_a_csv_register_is_imported(demo: Any) -> None:
    created = _import(
        demo,
        f"{HEADER}\n"
        "Recruitment,Human Resources,no,yes,yes,,annual,31/03/2027,high,Senior grades,medium,Adjustments\n"
        "Stationery,,no,no,no,No effect on anyone,three-yearly,,,,,\n",
    )
    assert [f.name for f in created] == ["Recruitment", "Stationery"]
    recruitment = created[0]
    assert (recruitment.affects_public, recruitment.affects_staff, recruitment.review_cycle_years) == (False, True, 1)
    assert recruitment.unit is not None
    assert recruitment.next_review_date == dt.date(2027, 3, 31)
    assert recruitment.priority == "high"
    assert {r.characteristic: r.relevance for r in recruitment.relevances.all()} == {
        "race": "high",
        "disability": "medium",
    }
    assert created[1].is_relevant is False


def test_a_file_with_bad_rows_saves_nothing_and_names_every_problem(demo: Any) -> None:
    before = Function.objects.filter(organisation=demo.organisation).count()
    with pytest.raises(FunctionImportError) as refused:
        _import(
            demo,
            f"{HEADER}\n"
            "Good row,,yes,no,yes,,annual,,,,,\n"
            "Five-yearly,,yes,no,yes,,five-yearly,,,,,\n"
            "No reason,,yes,no,yes,,,,high,,,\n"
            "Bad unit,Nowhere,maybe,no,no,,,,,,,\n"
            "good row,,yes,no,yes,,,,,,,\n",
        )
    errors = [(e.row, e.column) for e in refused.value.errors]
    assert errors == [
        (3, "Review cycle"),
        (4, "Race reason"),
        (5, "Unit"),
        (5, "Affects the public"),
        (5, "Reason not included"),
        (6, "Function"),
    ]
    assert "Row 3, column “Review cycle”: Write annual or three-yearly" in str(refused.value)
    assert Function.objects.filter(organisation=demo.organisation).count() == before


def test_an_existing_name_is_a_row_error(demo: Any) -> None:
    services.function_create(actor=demo.users["equality_lead"], organisation=demo.organisation, name="Recruitment")
    with pytest.raises(FunctionImportError) as refused:
        _import(demo, "Function\nrecruitment\n")
    assert [(e.row, e.column) for e in refused.value.errors] == [(2, "Function")]


def test_an_xlsx_register_is_imported(demo: Any) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Function", "Review cycle", "Next review", "Age", "Age reason"])
    sheet.append(["Pensions advice", "Every year", dt.datetime(2027, 1, 15), "high", "Older staff"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    created = services.function_import(
        actor=demo.users["equality_lead"],
        organisation=demo.organisation,
        filename="register.xlsx",
        content=buffer.getvalue(),
        today=TODAY,
    )
    assert [(f.name, f.review_cycle_years, f.next_review_date) for f in created] == [
        ("Pensions advice", 1, dt.date(2027, 1, 15))
    ]


def test_another_kind_of_file_is_refused(demo: Any) -> None:
    with pytest.raises(FunctionImportError) as refused:
        _import(demo, "x", filename="register.pdf")
    assert "Upload a CSV, XLSX or ODS file." in str(refused.value)


def test_a_csv_that_is_not_utf8_or_not_csv_is_refused_with_what_to_do() -> None:
    from dueregard.assessments.importing import read_table

    with pytest.raises(FunctionImportError) as refused:
        read_table(filename="register.csv", content="Function\nCaf\xe9 provision\n".encode("cp1252"))
    assert "save it again as “CSV UTF-8”" in str(refused.value)
    with pytest.raises(FunctionImportError) as refused:
        read_table(filename="register.csv", content=b'Function\n"unterminated quote\n')
    assert "could not be read as CSV" in str(refused.value)
