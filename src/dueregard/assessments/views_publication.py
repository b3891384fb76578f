"""Publishing assessments: the publish page with the jurisdiction's rule, and the public pages — an index per
organisation, a page per published assessment (impact per characteristic, mitigation, decision, outcome), the full
assessment as accessible HTML, as a tagged PDF and as a Word document.

The public see only what ``selectors.assessments_published`` returns, and never a person's name: the unit and the
responsible senior post speak for the organisation."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dueregard.assessments import rules, selectors, services
from dueregard.assessments.document import AssessmentDocument, assessment_document
from dueregard.assessments.models import Assessment, Outcome
from dueregard.assessments.views_assessments import load, page_context, pagination
from dueregard.assessments.workflow import State
from dueregard.objectives.views_reports import PDF_TYPE, print_stylesheet, render_pdf
from dueregard.organisations.models import Organisation
from dueregard.organisations.roles import Permission, require_permission
from dueregard.web.exports import download

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SCOTLAND_REASONABLE_DAYS = 90  # "within a reasonable time": we flag it after three months


# --- the jurisdiction's rule ----------------------------------------------------------------------------------


@dataclass
class PublicationCheck:
    rule: str  # what the law of the organisation's jurisdiction asks
    must_publish: bool
    problems: list[str] = field(default_factory=list)  # what stops publication (enforced)
    warnings: list[str] = field(default_factory=list)  # what cannot be enforced but should be said


def substantial_impact(assessment: Assessment) -> bool:
    """Wales: a report is required where the impact is substantial. We count an assessment as substantial when any
    impact is negative or the outcome changes, continues despite, or stops the policy."""
    return rules.has_negative_impact(assessment) or assessment.outcome in {
        Outcome.ADJUST,
        Outcome.CONTINUE,
        Outcome.STOP,
    }


def publication_check(assessment: Assessment) -> PublicationCheck:
    jurisdiction = assessment.organisation.jurisdiction
    if jurisdiction == "wales":
        substantial = substantial_impact(assessment)
        check = PublicationCheck(
            rule=_(
                "Wales (Statutory Duties (Wales) Regulations 2011): where the impact is substantial, publish a "
                "report of the assessment setting out the purpose of the policy, the steps taken to assess it, the "
                "information used, the results and the decisions taken."
            ),
            must_publish=substantial,
        )
        if substantial:
            if not assessment.purpose.strip():
                check.problems.append(_("The report must give the purpose of the policy: fill in its aims."))
            if not assessment.screening_reasons.strip() or not (
                assessment.engagements.exists() or assessment.no_engagement_reason.strip()
            ):
                check.problems.append(
                    _("The report must set out the steps taken to assess the impact: the screening and engagement.")
                )
            if not assessment.evidence_items.exists():
                check.problems.append(_("The report must list the information used: add the evidence."))
            if not assessment.outcome:
                check.problems.append(_("The report must give the decision: record the outcome."))
            if assessment.decision_date is None:
                check.problems.append(
                    _("The report must give the decision taken: the date of the decision is missing.")
                )
        return check
    if jurisdiction == "scotland":
        check = PublicationCheck(
            rule=_(
                "Scotland (Equality Act 2010 (Specific Duties) (Scotland) Regulations 2012): publish the results of "
                "the assessment within a reasonable time of deciding to apply the policy. A strategic decision also "
                "needs its written Fairer Scotland Duty assessment published."
            ),
            must_publish=True,
        )
        if assessment.signed_off_at is not None:
            days = (timezone.now() - assessment.signed_off_at).days
            if days > SCOTLAND_REASONABLE_DAYS and assessment.published_at is None:
                check.warnings.append(
                    _("It was signed off %(days)s days ago: publish the results without further delay.")
                    % {"days": days}
                )
        if "socio_economic" in services.lenses_for(assessment.organisation) and (
            "socio_economic" not in assessment.lens_results
        ):
            check.problems.append(_("Record the socio-economic (Fairer Scotland Duty) assessment before publishing."))
        return check
    return PublicationCheck(
        rule=_(
            "England: the law does not require an assessment to be published, but publishing it is good evidence "
            "that due regard was had (and the equality information you publish each year may draw on it)."
        ),
        must_publish=False,
    )


@login_required
@require_http_methods(["GET", "POST"])
def assessment_publish(request: HttpRequest, slug: str, assessment_id: int) -> HttpResponse:
    organisation, assessment = load(request, slug, assessment_id)
    require_permission(request.user, organisation, Permission.ASSESSMENT_PUBLISH)
    check = publication_check(assessment)
    refused: list[str] = []
    if request.method == "POST":
        lock = request.POST.get("lock_version", "")
        if check.problems:
            refused = check.problems
        else:
            try:
                services.assessment_transition(
                    actor=request.user,
                    assessment=assessment,
                    to=State.PUBLISHED,
                    expected_lock_version=int(lock) if lock.isdigit() else None,
                )
            except services.ConcurrentEditError as error:
                refused = [str(error)]
            except ValidationError as error:
                refused = [str(message) for message in error.messages]
            else:
                messages.success(request, _("%(reference)s is published.") % {"reference": assessment.reference})
                return redirect("assessments:detail", slug, assessment.pk)
    context = page_context(request, organisation, assessment, _("Publish the assessment"))
    context.update(
        {
            "assessment": assessment,
            "check": check,
            "refused": refused,
            "can_publish_now": assessment.state == State.SIGNED_OFF,
        }
    )
    return render(request, "assessments/assessment/publish.html", context, status=400 if refused else 200)


# --- the public pages -----------------------------------------------------------------------------------------


def _public_organisation(slug: str) -> Organisation:
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise Http404
    if not selectors.assessments_published(organisation=organisation).exists():
        from dueregard.organisations.selectors import organisation_public

        return organisation_public(slug=slug)  # 404 unless it published something else
    return organisation


def _published(organisation: Organisation, reference: str) -> Assessment:
    found = (
        selectors.assessments_published(organisation=organisation)
        .filter(reference=reference)
        .prefetch_related("impacts")
        .first()
    )
    if found is None:
        raise Http404
    return found


def _public_crumbs(organisation: Organisation, *trail: tuple[str, str | None]) -> list[dict[str, str]]:
    items = [
        {"text": _("Published equality information"), "href": reverse("organisations:public_index")},
        {"text": organisation.name, "href": reverse("organisations:public_organisation", args=[organisation.slug])},
    ]
    items.extend({"text": text, "href": href} if href else {"text": text} for text, href in trail)
    return items


@require_GET
def public_index(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _public_organisation(slug)
    published = selectors.assessments_published(organisation=organisation)
    total = published.count()
    page = pagination(request, total)
    number = int(request.GET["page"]) if request.GET.get("page", "").isdigit() else 1
    number = max(1, min(number, max((total + 49) // 50, 1)))
    context = {
        "organisation": organisation,
        "assessments": list(published[(number - 1) * 50 : number * 50]),
        "total": total,
        "page": page,
        "breadcrumbs": _public_crumbs(organisation, (_("Equality impact assessments"), None)),
    }
    return render(request, "assessments/public/index.html", context)


def _public_context(organisation: Organisation, assessment: Assessment) -> dict[str, Any]:
    return {
        "organisation": organisation,
        "assessment": assessment,
        "document": assessment_document(assessment, lenses=services.lenses_for(organisation)),
        "check": publication_check(assessment),
    }


@require_GET
def public_assessment(request: HttpRequest, slug: str, reference: str) -> HttpResponse:
    organisation = _public_organisation(slug)
    assessment = _published(organisation, reference)
    context = _public_context(organisation, assessment)
    context["breadcrumbs"] = _public_crumbs(
        organisation,
        (_("Equality impact assessments"), reverse("assessments:public_index", args=[slug])),
        (assessment.reference, None),
    )
    return render(request, "assessments/public/assessment.html", context)


@require_GET
def public_full(request: HttpRequest, slug: str, reference: str) -> HttpResponse:
    organisation = _public_organisation(slug)
    assessment = _published(organisation, reference)
    context = _public_context(organisation, assessment)
    context["breadcrumbs"] = _public_crumbs(
        organisation,
        (_("Equality impact assessments"), reverse("assessments:public_index", args=[slug])),
        (assessment.reference, reverse("assessments:public_assessment", args=[slug, reference])),
        (_("Full assessment"), None),
    )
    return render(request, "assessments/public/full.html", context)


def _filename(assessment: Assessment, extension: str) -> str:
    return f"{assessment.organisation.slug}-{assessment.reference}-v{assessment.version}.{extension}".lower()


@require_GET
def public_pdf(request: HttpRequest, slug: str, reference: str) -> HttpResponse:
    organisation = _public_organisation(slug)
    return _pdf(request, organisation, _published(organisation, reference))


@require_GET
def public_docx(request: HttpRequest, slug: str, reference: str) -> HttpResponse:
    organisation = _public_organisation(slug)
    return _docx(organisation, _published(organisation, reference))


def _pdf(request: HttpRequest, organisation: Organisation, assessment: Assessment, *, draft: str = "") -> HttpResponse:
    """The assessment as the tagged PDF the public gets; with ``draft``, marked as a draft for review."""
    context = _public_context(organisation, assessment)
    context["language"] = translation.get_language() or "en"
    context["draft"] = draft
    html = render_to_string("assessments/public/print.html", context, request=request)
    filename = _filename(assessment, "draft.pdf" if draft else "pdf")
    return download(render_pdf(html, stylesheet=print_stylesheet()), filename=filename, content_type=PDF_TYPE)


def _docx(organisation: Organisation, assessment: Assessment, *, draft: str = "") -> HttpResponse:
    """The assessment as a Word document; with ``draft``, marked as a draft for review."""
    document = assessment_document(assessment, lenses=services.lenses_for(organisation))
    filename = _filename(assessment, "draft.docx" if draft else "docx")
    return download(docx_bytes(organisation, document, draft=draft), filename=filename, content_type=DOCX_TYPE)


# --- drafts for review (members only) -------------------------------------------------------------------------


@login_required
@require_GET
def assessment_pdf(request: HttpRequest, slug: str, assessment_id: int) -> HttpResponse:
    """Any version, in any state, as the PDF the public would get once published, marked as a draft for review:
    for members of the organisation, to circulate before sign-off."""
    organisation, assessment = load(request, slug, assessment_id)
    return _pdf(request, organisation, assessment, draft=_draft_line(assessment))


@login_required
@require_GET
def assessment_docx(request: HttpRequest, slug: str, assessment_id: int) -> HttpResponse:
    """The Word document of any version, marked as a draft for review (members only)."""
    organisation, assessment = load(request, slug, assessment_id)
    return _docx(organisation, assessment, draft=_draft_line(assessment))


def _draft_line(assessment: Assessment) -> str:
    return _("Draft for review, not a published document: %(state)s, printed on %(date)s.") % {
        "state": str(assessment.get_state_display()).lower(),
        "date": _date(timezone.now()),
    }


# --- the Word document ----------------------------------------------------------------------------------------


def _date(value: Any) -> str:
    if value is None:
        return _("Not recorded")
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value)
    return formats.date_format(value, "DATE_FORMAT")


def _or_none(text: str) -> str:
    return text.strip() or _("None recorded")


def _yes_no(value: bool | None) -> str:
    if value is None:
        return _("Not answered")
    return _("Yes") if value else _("No")


def docx_bytes(organisation: Organisation, document: AssessmentDocument, *, draft: str = "") -> bytes:
    """The full published assessment as a Word document: real headings (for navigation by screen readers), tables
    with a header row that repeats, the title and language in the document's properties. ``draft`` is the line
    that marks a draft for review (in place of the publication date)."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    assessment = document.assessment
    doc = Document()
    title = f"{_('Equality impact assessment')}: {assessment.title}"
    doc.core_properties.title = title
    doc.core_properties.author = organisation.name
    doc.core_properties.language = translation.get_language() or "en"

    def table(header: list[str], rows: list[list[str]]) -> None:
        grid = doc.add_table(rows=1, cols=len(header))
        grid.style = "Table Grid"
        for cell, text in zip(grid.rows[0].cells, header, strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.bold = True
        properties = grid.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        properties.append(repeat)
        for values in rows:
            cells = grid.add_row().cells
            for cell, text in zip(cells, values, strict=True):
                cell.text = text

    def pairs(rows: list[tuple[str, str]]) -> None:
        table([_("Item"), _("Details")], [[key, value] for key, value in rows])

    doc.add_heading(title, level=0)
    if draft:
        doc.add_paragraph(
            _("%(organisation)s. Reference %(reference)s, version %(version)s.")
            % {"organisation": organisation.name, "reference": assessment.reference, "version": assessment.version}
        )
        doc.add_paragraph().add_run(draft).bold = True
    else:
        doc.add_paragraph(
            _("%(organisation)s. Reference %(reference)s, version %(version)s. Published %(date)s.")
            % {
                "organisation": organisation.name,
                "reference": assessment.reference,
                "version": assessment.version,
                "date": _date(assessment.published_at),
            }
        )
    doc.add_heading(_("About the policy"), level=1)
    pairs(
        [
            (_("What is assessed"), str(assessment.get_subject_kind_display())),
            (_("New or existing"), str(assessment.get_subject_status_display())),
            (_("Organisation unit"), assessment.unit.name if assessment.unit else _("None recorded")),
            (_("Responsible senior person"), _or_none(assessment.responsible_senior_person)),
            (_("Aims of the policy"), _or_none(assessment.purpose)),
            (_("Who it affects and how many"), _or_none(assessment.scope)),
        ]
    )
    doc.add_heading(_("Screening"), level=1)
    pairs(
        [
            (_("Eliminating discrimination, harassment and victimisation"), _or_none(assessment.screening_eliminate)),
            (_("Advancing equality of opportunity"), _or_none(assessment.screening_advance)),
            (_("Fostering good relations"), _or_none(assessment.screening_foster)),
            (_("Reasons for the screening decision"), _or_none(assessment.screening_reasons)),
        ]
    )
    doc.add_heading(_("Information used"), level=1)
    if document.evidence:
        table(
            [_("Evidence"), _("Kind"), _("What it shows"), _("Web address")],
            [[item.title, str(item.get_kind_display()), item.summary, item.url] for item in document.evidence],
        )
    else:
        doc.add_paragraph(_("No evidence was recorded."))
    pairs(
        [
            (_("Data gaps"), _or_none(assessment.data_gaps)),
            (_("How they will be filled"), _or_none(assessment.data_gaps_plan)),
        ]
    )
    doc.add_heading(_("Engagement and consultation"), level=1)
    if document.engagements:
        table(
            [_("When"), _("Who was involved"), _("How"), _("What they said"), _("What changed as a result")],
            [[_date(r.held_on), r.groups, r.method, r.what_they_said, r.what_changed] for r in document.engagements],
        )
    else:
        doc.add_paragraph(_or_none(assessment.no_engagement_reason))
    doc.add_heading(_("Impact on each protected characteristic"), level=1)
    table(
        [_("Protected characteristic"), *[label for _aim, label in document.aims]],
        [[row.label, *[(c.label + (f": {c.reason}" if c.reason else "")) for c in row.cells]] for row in document.rows],
    )
    if document.lenses:
        doc.add_heading(_("Other lenses"), level=2)
        table(
            [_("Lens"), _("Impact"), _("Reason")],
            [[line.label, line.impact_label, line.reason] for line in document.lenses],
        )
    if document.has_negative:
        doc.add_heading(_("Adverse impact"), level=1)
        pairs(
            [
                (_("Is the general duty still met?"), _or_none(assessment.adverse_duty_met)),
                (_("Alternatives without the adverse impact"), _or_none(assessment.adverse_alternatives)),
                (_("Is the adverse impact unavoidable?"), _yes_no(assessment.adverse_unavoidable)),
                (_("Justification by the aims of the policy"), _or_none(assessment.adverse_justification)),
                (_("Measures to reduce the adverse impact"), _or_none(assessment.adverse_mitigation)),
                (_("Is a second round of consultation needed?"), _yes_no(assessment.second_consultation_needed)),
                (_("Reasons"), _or_none(assessment.second_consultation_reasons)),
            ]
        )
    doc.add_heading(_("Outcome and decision"), level=1)
    pairs(
        [
            (_("Outcome"), str(assessment.get_outcome_display()) if assessment.outcome else _("None recorded")),
            (_("Changes made or justification"), _or_none(assessment.outcome_details)),
            (_("Date of the decision"), _date(assessment.decision_date)),
            (_("Decision paper"), assessment.decision_paper_url or _("None recorded")),
            (
                _("The decision-maker confirmed they read the assessment before deciding"),
                _yes_no(assessment.decision_confirmed_at is not None),
            ),
            (_("Signed off"), _date(assessment.signed_off_at)),
            (_("Review date"), _date(assessment.review_date)),
        ]
    )
    doc.add_heading(_("Action plan"), level=1)
    if document.actions:
        table(
            [_("Action"), _("Due"), _("Status")],
            [[a.text, _date(a.due_date) if a.due_date else "", str(a.get_status_display())] for a in document.actions],
        )
    else:
        doc.add_paragraph(_("No actions were recorded."))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
