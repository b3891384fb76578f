"""The import pages: upload → columns → preview → confirm, as the equality lead; others are refused."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from helpers import FIXTURES


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _upload(client: Client, slug: str, name: str) -> Any:
    data = (FIXTURES / name).read_bytes()
    return client.post(reverse("objectives:import_upload", args=[slug]), {"file": SimpleUploadedFile(name, data)})


def test_the_equality_lead_uploads_checks_and_imports_a_plan(demo: Any, settings: Any) -> None:
    from dueregard.objectives.models import Plan

    slug = demo.organisation.slug
    client = _client(demo.users["equality_lead"])
    assert client.get(reverse("objectives:import_upload", args=[slug])).status_code == 200
    response = _upload(client, slug, "seed002_actions.docx")
    assert response.status_code == 302
    assert response["Location"].endswith(reverse("objectives:import_columns", args=[slug]))
    page = client.get(reverse("objectives:import_columns", args=[slug]))
    assert "Function / Policy" in page.content.decode()
    assert "First entry: January – March 2008" in page.content.decode()
    mapping = {
        f"column_{i}": name for i, name in enumerate(["objective", "desired_outcome", "actions", "timescale", "update"])
    }
    assert client.post(reverse("objectives:import_columns", args=[slug]), mapping).status_code == 302
    page = client.get(reverse("objectives:import_preview", args=[slug]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "1. Standard Contract and related documentation reviewed and strengthened." in html
    assert "do not line up" in html
    assert list((settings.DATA_DIR / "imports").glob("*.json"))
    response = client.post(reverse("objectives:import_preview", args=[slug]), {"title": "Single Equality Scheme"})
    assert response.status_code == 302
    plan = Plan.objects.get(organisation=demo.organisation, title="Single Equality Scheme")
    assert plan.objectives.count() == 101
    assert not list((settings.DATA_DIR / "imports").glob("*.json"))  # the rows are deleted once saved


def test_a_bad_file_is_refused_on_the_upload_page_with_the_reason(demo: Any) -> None:
    client = _client(demo.users["equality_lead"])
    response = _upload(client, demo.organisation.slug, "formula.xlsx")
    assert response.status_code == 200
    assert "holds a formula" in response.content.decode()
    response = _upload(client, demo.organisation.slug, "not_a_plan.pdf")
    assert "must be a CSV, XLSX, ODS or DOCX file" in response.content.decode()


def test_errors_are_listed_and_linked_and_nothing_is_saved_unless_asked(demo: Any) -> None:
    from dueregard.objectives.models import Plan

    slug = demo.organisation.slug
    client = _client(demo.users["equality_lead"])
    _upload(client, slug, "seed000_objectives.xlsx")
    mapping = {"column_0": "business_area", "column_1": "reference", "column_2": "actions", "column_3": "timescale"}
    client.post(reverse("objectives:import_columns", args=[slug]), mapping)
    html = client.get(reverse("objectives:import_preview", args=[slug])).content.decode()
    assert "There is a problem" in html
    assert 'href="#columns"' in html
    before = Plan.objects.count()
    response = client.post(reverse("objectives:import_preview", args=[slug]), {"title": "x"})
    assert response.status_code == 200
    assert Plan.objects.count() == before


def test_a_viewer_gets_403_on_every_import_page(demo: Any) -> None:
    slug = demo.organisation.slug
    client = _client(demo.users["viewer"])
    for name in ("import_upload", "import_columns", "import_preview"):
        assert client.get(reverse(f"objectives:{name}", args=[slug])).status_code == 403
    assert _upload(client, slug, "seed003_improvement_plan.docx").status_code == 403


def test_the_welsh_pages_give_the_reasons_and_row_checks_in_welsh(demo: Any) -> None:
    from django.utils import translation

    slug = demo.organisation.slug
    client = _client(demo.users["equality_lead"])
    with translation.override("cy"):
        upload_url = reverse("objectives:import_upload", args=[slug])
        preview_url = reverse("objectives:import_preview", args=[slug])
    assert upload_url.startswith("/cy/")
    data = (FIXTURES / "formula.xlsx").read_bytes()
    html = client.post(upload_url, {"file": SimpleUploadedFile("formula.xlsx", data)}).content.decode()
    assert "yn dal fformiwla" in html
    data = (FIXTURES / "seed002_actions.csv").read_bytes()
    client.post(upload_url, {"file": SimpleUploadedFile("seed002_actions.csv", data)})
    html = client.get(preview_url).content.decode()
    assert "yn cyfateb: cânt eu cadw gyda" in html
    assert "do not line up" not in html


def test_a_long_preview_is_shown_25_objectives_a_page_with_errors_linked_across_pages(demo: Any) -> None:
    slug = demo.organisation.slug
    client = _client(demo.users["equality_lead"])
    _upload(client, slug, "seed002_actions.docx")
    mapping = {
        f"column_{i}": name for i, name in enumerate(["objective", "desired_outcome", "actions", "timescale", "update"])
    }
    client.post(reverse("objectives:import_columns", args=[slug]), mapping)
    preview_url = reverse("objectives:import_preview", args=[slug])
    first = client.get(preview_url).content.decode()
    assert "Objectives 1 to 25 of 101 are shown on this page." in first
    assert first.count('<caption class="govuk-table__caption govuk-table__caption--s">Actions of objective') <= 25
    assert 'href="?page=5"' in first  # the pagination goes to the last page
    last = client.get(preview_url + "?page=5").content.decode()
    assert "Objectives 101 to 101 of 101 are shown on this page." in last
    too_far = client.get(preview_url + "?page=99").content.decode()
    assert "Objectives 101 to 101 of 101 are shown on this page." in too_far
    # Every row check in the error summary or on the page links to the page that shows its row.
    from dueregard.objectives.importing.commit import preview_for
    from dueregard.objectives.importing.reading import read_file

    reading = preview_for(demo.organisation, read_file(FIXTURES / "seed002_actions.docx"), list(mapping.values()))
    later = next(o for o in reading.objectives[25:50])
    assert f'id="row-{later.rows[0]}"' not in first
    assert f'id="row-{later.rows[0]}"' in client.get(preview_url + "?page=2").content.decode()


def test_an_error_summary_link_goes_to_the_page_that_shows_the_row(demo: Any, monkeypatch: Any) -> None:
    from dueregard.objectives.importing import preview as preview_module

    slug = demo.organisation.slug
    client = _client(demo.users["equality_lead"])
    _upload(client, slug, "seed002_actions.docx")
    mapping = {
        f"column_{i}": name for i, name in enumerate(["objective", "desired_outcome", "actions", "timescale", "update"])
    }
    client.post(reverse("objectives:import_columns", args=[slug]), mapping)
    original = preview_module.build_preview

    def with_an_error_on_objective_30(*args: Any, **kwargs: Any) -> Any:
        reading = original(*args, **kwargs)
        row = reading.objectives[29].rows[0]
        reading.problems.append(preview_module.Problem(row=row, column="", message="Made up", is_error=True))
        return reading

    monkeypatch.setattr(preview_module, "build_preview", with_an_error_on_objective_30)
    monkeypatch.setattr("dueregard.objectives.importing.commit.build_preview", with_an_error_on_objective_30)
    preview_url = reverse("objectives:import_preview", args=[slug])
    first = client.get(preview_url).content.decode()
    second = client.get(preview_url + "?page=2").content.decode()
    row = next(line for line in first.splitlines() if "Made up" in line)
    assert 'href="?page=2#row-' in row
    row = next(line for line in second.splitlines() if "Made up" in line and "<li>" in line)
    assert 'href="#row-' in row


def test_sending_the_upload_form_without_a_file_says_to_choose_one(demo: Any) -> None:
    client = _client(demo.users["equality_lead"])
    response = client.post(reverse("objectives:import_upload", args=[demo.organisation.slug]), {})
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
