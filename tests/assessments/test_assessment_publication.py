"""Publishing: the jurisdiction's rule on the publish page, and what the public can read (page, full HTML, PDF,
DOCX) — only published assessments, and no one's name."""

from __future__ import annotations

import io
import subprocess
from typing import Any

from assessment_page_helpers import demo_assessment, page_text, tables_text, url
from django.test import Client

from dueregard.assessments import services
from dueregard.assessments.models import EvidenceItem
from dueregard.organisations.models import Organisation


def test_the_public_index_lists_only_published_assessments(demo: Any, client: Client) -> None:
    table = tables_text(client.get("/published/demo/assessments/"))
    assert table.startswith("4 published assessments, most recent first")
    for title in (
        "Honours nominations process",
        "Emergency warning arrangements",
        "Refurbishment of 70 Whitehall",
        "Code of practice on consultation",  # its review is due; it stays public
    ):
        assert title in table
    assert "Flexible working policy" not in table  # signed off, not published
    assert "Office relocation" not in table
    assert table.count("Refurbishment of 70 Whitehall") == 1  # the latest published version only


def test_the_organisations_public_page_links_the_assessments(demo: Any, client: Client) -> None:
    content = client.get("/published/demo/").content.decode()
    assert 'href="/published/demo/assessments/"' in content


def test_the_public_page_shows_the_impact_table_and_no_names(demo: Any, client: Client) -> None:
    honours = demo_assessment(demo, "Honours nominations process")
    response = client.get(f"/published/demo/assessments/{honours.reference}/")
    text = page_text(response)
    assert "Honours nominations process" in text
    assert "Impact on each protected characteristic, under each aim of the general duty" in text
    assert "Outcome: Adjust the policy Phased introduction and accessible formats, after the engagement." in text
    assert "The decision-maker confirmed they read this assessment before deciding." in text
    for name in ("Colin Contributor", "Aisha Approver", "Leila Equality-Lead"):
        assert name not in response.content.decode()
    full = page_text(client.get(f"/published/demo/assessments/{honours.reference}/full/"))
    assert "Information used" in full
    assert "Staff and customer monitoring data, last three years" in full
    assert "Colin Contributor" not in full


def test_unpublished_assessments_are_not_public(demo: Any, client: Client) -> None:
    signed = demo_assessment(demo, "Flexible working policy")
    for suffix in ("/", "/full/", ".pdf", ".docx"):
        assert client.get(f"/published/demo/assessments/{signed.reference}{suffix}").status_code == 404
    assert client.get("/published/nobody/assessments/").status_code == 404


def test_the_pdf_is_a_pdf_with_the_title(demo: Any, client: Client, tmp_path: Any) -> None:
    honours = demo_assessment(demo, "Honours nominations process")
    response = client.get(f"/published/demo/assessments/{honours.reference}.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    path = tmp_path / "eia.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Honours nominations process" in text
    assert "Impact on each protected characteristic" in text
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Equality impact assessment: Honours nominations process" in info


def test_the_docx_holds_the_whole_assessment(demo: Any, client: Client) -> None:
    from docx import Document

    honours = demo_assessment(demo, "Honours nominations process")
    response = client.get(f"/published/demo/assessments/{honours.reference}.docx")
    assert response["Content-Disposition"] == f'attachment; filename="demo-{honours.reference.lower()}-v1.docx"'
    document = Document(io.BytesIO(response.content))
    assert document.core_properties.title == "Equality impact assessment: Honours nominations process"
    headings = [
        p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings == [
        "Equality impact assessment: Honours nominations process",
        "About the policy",
        "Screening",
        "Information used",
        "Engagement and consultation",
        "Impact on each protected characteristic",
        "Outcome and decision",
        "Action plan",
    ]
    matrix = next(t for t in document.tables if t.rows[0].cells[0].text == "Protected characteristic")
    assert len(matrix.rows) == 10
    assert [c.text for c in matrix.rows[4].cells] == [
        "Marriage and civil partnership",
        "Neutral",
        "Does not apply",
        "Does not apply",
    ]


def test_england_publish_page_says_publishing_is_not_required(demo: Any, client: Client) -> None:
    signed = demo_assessment(demo, "Flexible working policy")
    client.force_login(demo.users["equality_lead"])
    text = page_text(client.get(url(signed, "publish/")))
    assert "England: the law does not require an assessment to be published" in text
    response = client.post(url(signed, "publish/"), {"lock_version": signed.lock_version})
    assert response.status_code == 302
    signed.refresh_from_db()
    assert signed.state == "published"
    assert signed.published_at is not None
    assert "Flexible working policy" in tables_text(client.get("/published/demo/assessments/"))


def test_wales_requires_the_report_and_refuses_it_without_the_information_used(demo: Any, client: Client) -> None:
    Organisation.objects.filter(pk=demo.organisation.pk).update(jurisdiction="wales")
    signed = demo_assessment(demo, "Flexible working policy")  # outcome "adjust": a substantial impact
    EvidenceItem.objects.filter(assessment=signed).delete()
    client.force_login(demo.users["equality_lead"])
    text = page_text(client.get(url(signed, "publish/")))
    assert "Wales (Statutory Duties (Wales) Regulations 2011): where the impact is substantial" in text
    assert "This assessment must be published." in text
    assert "The law of this organisation's jurisdiction requires" in page_text(client.get(url(signed)))
    response = client.post(url(signed, "publish/"), {"lock_version": signed.lock_version})
    assert response.status_code == 400
    text = page_text(response)
    assert "The assessment cannot be published yet" in text
    assert "The report must list the information used: add the evidence." in text
    signed.refresh_from_db()
    assert signed.state == "signed_off"


def test_scotland_publish_page_states_the_rule(demo: Any, client: Client) -> None:
    Organisation.objects.filter(pk=demo.organisation.pk).update(jurisdiction="scotland")
    signed = demo_assessment(demo, "Flexible working policy")
    client.force_login(demo.users["equality_lead"])
    text = page_text(client.get(url(signed, "publish/")))
    assert "publish the results of the assessment within a reasonable time" in text
    assert "This assessment must be published." in text
    services.assessment_settings_update(
        actor=demo.users["equality_lead"], organisation=demo.organisation, lenses=["socio_economic"]
    )
    response = client.post(url(signed, "publish/"), {"lock_version": signed.lock_version})
    assert response.status_code == 400
    assert "Record the socio-economic (Fairer Scotland Duty) assessment before publishing." in page_text(response)


def test_only_the_equality_lead_publishes(demo: Any, client: Client) -> None:
    signed = demo_assessment(demo, "Flexible working policy")
    client.force_login(demo.users["approver"])
    assert client.post(url(signed, "publish/"), {"lock_version": signed.lock_version}).status_code == 403
    signed.refresh_from_db()
    assert signed.state == "signed_off"


def test_scotland_warns_when_results_wait_more_than_three_months(demo: Any, client: Client) -> None:
    import datetime as dt

    from django.utils import timezone

    from dueregard.assessments.models import Assessment

    Organisation.objects.filter(pk=demo.organisation.pk).update(jurisdiction="scotland")
    signed = demo_assessment(demo, "Flexible working policy")
    Assessment.objects.filter(pk=signed.pk).update(signed_off_at=timezone.now() - dt.timedelta(days=100))
    client.force_login(demo.users["equality_lead"])
    text = page_text(client.get(url(signed, "publish/")))
    assert "It was signed off 100 days ago: publish the results without further delay." in text


def test_members_download_any_version_as_a_draft_for_review(demo: Any, client: Client, tmp_path: Any) -> None:
    """Not yet published (signed off, or still being written): members get the PDF and Word document marked as a
    draft, linked from the summary page; the public address still refuses it."""
    from docx import Document

    signed = demo_assessment(demo, "Flexible working policy")
    client.force_login(demo.users["viewer"])
    summary = client.get(url(signed)).content.decode()
    assert f'href="/o/demo/assessments/{signed.pk}/draft.pdf"' in summary
    assert f'href="/o/demo/assessments/{signed.pk}/draft.docx"' in summary

    pdf = client.get(f"/o/demo/assessments/{signed.pk}/draft.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == f'attachment; filename="demo-{signed.reference.lower()}-v1.draft.pdf"'
    path = tmp_path / "draft.pdf"
    path.write_bytes(pdf.content)
    text = " ".join(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    assert "Flexible working policy" in text
    assert "Draft for review, not a published document: signed off, printed on" in text

    word = Document(io.BytesIO(client.get(f"/o/demo/assessments/{signed.pk}/draft.docx").content))
    paragraphs = [p.text for p in word.paragraphs]
    assert paragraphs[1] == f"Demo Government Department. Reference {signed.reference}, version 1."
    assert paragraphs[2].startswith("Draft for review, not a published document: signed off, printed on ")
    assert not any(p.startswith("Published") or ". Published " in p for p in paragraphs[:3])
    assert client.get(f"/published/demo/assessments/{signed.reference}.pdf").status_code == 404


def test_drafts_are_for_members_of_the_organisation_only(demo: Any, client: Client) -> None:
    from django.contrib.auth import get_user_model

    signed = demo_assessment(demo, "Flexible working policy")
    outsider = get_user_model().objects.get(email="admin@council.example")  # another organisation's administrator
    for suffix in ("draft.pdf", "draft.docx"):
        address = url(signed, suffix)
        assert client.get(address).status_code == 302  # to sign in
        client.force_login(outsider)
        assert client.get(address).status_code == 404
        client.logout()
