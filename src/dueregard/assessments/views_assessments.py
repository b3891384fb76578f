"""Pages of the impact assessments: the list, starting one, the summary, moving it along its life (sign-off,
the decision-maker's confirmation, withdrawal), new versions and their comparison. Thin: parse the request, call a
selector or a service, render. The step-by-step editing is in ``views_steps``; publication in
``views_publication``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dueregard.assessments import rules, selectors, services
from dueregard.assessments.document import assessment_document
from dueregard.assessments.forms_assessments import (
    AssessmentFilterForm,
    DecisionConfirmForm,
    StartForm,
    WithdrawForm,
)
from dueregard.assessments.models import Assessment, AssessmentState, Function
from dueregard.assessments.workflow import (
    EDITABLE,
    OPEN,
    SIGN_OFF_TARGETS,
    SYSTEM_ONLY,
    VERSIONABLE,
    State,
    allowed_transitions,
)
from dueregard.audit.selectors import audit_events_for_object
from dueregard.organisations.models import Unit
from dueregard.organisations.navigation import crumbs, organisation_context
from dueregard.organisations.roles import Permission, require_permission
from dueregard.organisations.selectors import organisation_for_member
from dueregard.web.forms_errors import add_validation_error

PAGE_SIZE = 50

# Which step of the editing fixes each field the rules may name.
FIELD_STEP = {
    "screening_reasons": "screening",
    "screening_decision": "screening",
    "engagements": "engagement",
    "impacts": "impacts",
    "lens_results": "lenses",
    "adverse_duty_met": "adverse",
    "adverse_alternatives": "adverse",
    "adverse_unavoidable": "adverse",
    "adverse_justification": "adverse",
    "adverse_mitigation": "adverse",
    "second_consultation_needed": "adverse",
    "outcome": "outcome",
    "outcome_details": "outcome",
    "review_date": "outcome",
    "decision_maker": "purpose",
    "decision_confirmed_at": "decision",
}


def transition_label(target: str, current: str | None = None) -> str:
    backwards = {
        (State.FULL_ASSESSMENT, State.SCREENING): _("Back to screening"),
        (State.ENGAGEMENT, State.FULL_ASSESSMENT): _("Back to the full assessment"),
        (State.DECISION, State.ENGAGEMENT): _("Back to engagement (a second round of consultation)"),
        (State.AWAITING_SIGN_OFF, State.DECISION): _("Return it to the decision stage"),
    }
    if current is not None and (State(current), State(target)) in backwards:
        return str(backwards[(State(current), State(target))])
    labels = {
        State.SCREENED_OUT: _("Sign off as screened out"),
        State.FULL_ASSESSMENT: _("Go on to a full assessment"),
        State.SCREENING: _("Back to screening"),
        State.ENGAGEMENT: _("Go on to engagement"),
        State.DECISION: _("Go on to the decision"),
        State.AWAITING_SIGN_OFF: _("Send for sign-off"),
        State.SIGNED_OFF: _("Sign off"),
        State.PUBLISHED: _("Publish"),
        State.REVIEW_DUE: _("Mark the review as due"),
        State.WITHDRAWN: _("Withdraw"),
    }
    return str(labels.get(State(target), AssessmentState(target).label))


def state_tag_class(state: str) -> str:
    return {
        State.SIGNED_OFF: "govuk-tag--green",
        State.PUBLISHED: "govuk-tag--green",
        State.SCREENED_OUT: "govuk-tag--green",
        State.AWAITING_SIGN_OFF: "govuk-tag--yellow",
        State.REVIEW_DUE: "govuk-tag--orange",
        State.WITHDRAWN: "govuk-tag--grey",
        State.SUPERSEDED: "govuk-tag--grey",
    }.get(State(state), "govuk-tag--blue")


def assessment_crumbs(organisation: Any, assessment: Assessment | None, title: str | None) -> list[dict[str, str]]:
    trail: list[tuple[str, str | None]] = [
        (_("Impact assessments"), reverse("assessments:list", args=[organisation.slug]))
    ]
    if assessment is not None:
        trail.append(
            (
                f"{assessment.reference} v{assessment.version}",
                reverse("assessments:detail", args=[organisation.slug, assessment.pk]) if title else None,
            )
        )
    if title:
        trail.append((title, None))
    return crumbs(organisation, *trail)


def page_context(
    request: HttpRequest, organisation: Any, assessment: Assessment | None = None, title: str | None = None
) -> dict[str, Any]:
    context = organisation_context(request, organisation, active="assessments")
    context.update(
        {
            "breadcrumbs": assessment_crumbs(organisation, assessment, title),
            "state_tag_class": state_tag_class,
            "page_title": title,
        }
    )
    return context


def load(request: HttpRequest, slug: str, assessment_id: int) -> tuple[Any, Assessment]:
    organisation = organisation_for_member(user=request.user, slug=slug)
    assessment = selectors.assessment_for_member(
        actor=request.user, organisation=organisation, assessment_id=assessment_id
    )
    return organisation, assessment


# --- the list -------------------------------------------------------------------------------------------------


def _page_number(request: HttpRequest) -> int:
    value = request.GET.get("page", "1")
    return max(int(value), 1) if value.isdigit() else 1


def pagination(request: HttpRequest, total: int, page_size: int = PAGE_SIZE) -> dict[str, Any] | None:
    """GOV.UK pagination parameters, keeping the other query parameters (a window of pages around the current)."""
    pages = max((total + page_size - 1) // page_size, 1)
    if pages == 1:
        return None
    number = min(_page_number(request), pages)

    def link(n: int) -> str:
        query = request.GET.copy()
        query["page"] = str(n)
        return f"?{query.urlencode()}"

    shown = sorted({1, pages, *range(max(number - 2, 1), min(number + 2, pages) + 1)})
    items: list[dict[str, Any]] = []
    for n in shown:
        if items and n - items[-1]["number"] > 1:
            items.append({"ellipsis": True, "number": n - 1})
        items.append({"number": n, "href": link(n), "current": n == number})
    return {
        "previous": {"href": link(number - 1)} if number > 1 else None,
        "next": {"href": link(number + 1)} if number < pages else None,
        "items": items,
    }


@login_required
@require_GET
def assessment_list(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    queryset = selectors.assessments_for_member(actor=request.user, organisation=organisation)
    form = AssessmentFilterForm(request.GET or None, organisation=organisation)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    today = timezone.localdate()
    queryset = queryset.filter(state=data["state"]) if data.get("state") else queryset.exclude(state=State.SUPERSEDED)
    if data.get("unit"):
        queryset = queryset.filter(unit_id=data["unit"])
    if data.get("review") == "overdue":
        queryset = queryset.filter(state__in=[s.value for s in VERSIONABLE], review_date__lt=today)
    elif data.get("review") == "soon":
        queryset = queryset.filter(
            state__in=[s.value for s in VERSIONABLE],
            review_date__gte=today,
            review_date__lte=today + dt.timedelta(days=91),
        )
    if data.get("q"):
        words = data["q"].strip()
        queryset = queryset.filter(Q(title__icontains=words) | Q(reference__icontains=words))
    total = queryset.count()
    number = _page_number(request)
    pages = max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    number = min(number, pages)
    rows = list(
        queryset.only(
            "pk",
            "reference",
            "version",
            "title",
            "state",
            "review_date",
            "updated_at",
            "unit__name",
            "author__full_name",
            "author__email",
            "function__name",
        ).order_by("-updated_at", "-pk")[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    )
    context = page_context(request, organisation)
    context.update(
        {
            "form": form,
            "rows": rows,
            "total": total,
            "today": today,
            "page": pagination(request, total),
            "can_start": Permission.ASSESSMENT_EDIT in context["permissions"],
            "can_choose_lenses": Permission.ASSESSMENT_PUBLISH in context["permissions"],
            "breadcrumbs": crumbs(organisation, (_("Impact assessments"), None)),
        }
    )
    return render(request, "assessments/assessment/list.html", context)


# --- starting -------------------------------------------------------------------------------------------------


def _parent_from_reference(request: HttpRequest, reference: str) -> Assessment:
    """The latest signed-off or published version with this reference in an organisation the person belongs to."""
    found = (
        Assessment.objects.filter(
            reference__iexact=reference.strip(),
            state__in=[s.value for s in services.BASE_STATES],
            organisation__memberships__user_id=int(request.user.pk or 0),
        )
        .select_related("organisation")
        .order_by("-version")
        .first()
    )
    if found is None:
        raise ValidationError(
            {
                "parent_reference": _(
                    "No signed-off or published assessment %(reference)s was found in the organisations you "
                    "belong to: check the reference."
                )
                % {"reference": reference.strip()}
            }
        )
    return found


@login_required
@require_http_methods(["GET", "POST"])
def assessment_start(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    require_permission(request.user, organisation, Permission.ASSESSMENT_EDIT)
    initial: dict[str, Any] = {}
    if request.GET.get("from", "").isdigit():
        base = Assessment.objects.filter(
            pk=int(request.GET["from"]), organisation__memberships__user_id=int(request.user.pk or 0)
        )
        first = base.first()
        if first is not None:
            initial = {"parent_reference": first.reference, "title": first.title}
    if request.GET.get("function", "").isdigit():
        initial["function"] = int(request.GET["function"])
    form = StartForm(request.POST if request.method == "POST" else None, organisation=organisation, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            parent = _parent_from_reference(request, data["parent_reference"]) if data["parent_reference"] else None
            assessment = services.assessment_start(
                actor=request.user,
                organisation=organisation,
                title=data["title"],
                subject_kind=data["subject_kind"],
                subject_status=data["subject_status"],
                function=Function.objects.filter(organisation=organisation, pk=data["function"]).first()
                if data["function"]
                else None,
                unit=Unit.objects.filter(organisation=organisation, pk=data["unit"]).first() if data["unit"] else None,
                from_parent=parent,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        except PermissionDenied:
            form.add_error("parent_reference", _("You cannot read that assessment."))
        else:
            messages.success(
                request,
                _("Assessment %(reference)s started. Begin with its purpose and scope.")
                % {"reference": assessment.reference},
            )
            return redirect("assessments:step_purpose", slug, assessment.pk)
    context = page_context(request, organisation, None, _("Start an impact assessment"))
    context["form"] = form
    return render(request, "assessments/assessment/start.html", context)


# --- the summary ----------------------------------------------------------------------------------------------


def next_moves(request: HttpRequest, assessment: Assessment) -> list[dict[str, Any]]:
    """Each move the table allows from here that this person may make, with what is still missing for it."""
    organisation = assessment.organisation
    today = timezone.localdate()
    lenses = services.lenses_for(organisation)
    moves = []
    for target in sorted(allowed_transitions(assessment.state) - SYSTEM_ONLY, key=_move_order):
        if target in {State.WITHDRAWN, State.PUBLISHED}:
            continue  # their own pages: a reason; the publication rules
        if not services.may_transition(request.user, assessment, target):
            continue
        problems = rules.problems_before(assessment, target, today=today, lenses=lenses)
        moves.append(
            {
                "to": target.value,
                "label": transition_label(target, assessment.state),
                "problems": [
                    (message, FIELD_STEP.get(field)) for field, messages_ in problems.items() for message in messages_
                ],
                "author_blocked": target in SIGN_OFF_TARGETS and assessment.author_id == request.user.pk,
                "is_sign_off": target in SIGN_OFF_TARGETS,
            }
        )
    return moves


def _move_order(state: State) -> tuple[int, str]:
    backwards = {State.SCREENING, State.FULL_ASSESSMENT, State.ENGAGEMENT, State.DECISION}
    return (1 if state in backwards else 0, state.value)


def _history(request: HttpRequest, organisation: Any, assessment: Assessment) -> list[Any]:
    if Permission.AUDIT_VIEW not in organisation_context(request, organisation, active="")["permissions"]:
        return []
    return list(
        audit_events_for_object(
            actor=request.user,
            organisation=organisation,
            object_type="assessments.assessment",
            object_id=str(assessment.pk),
        )[:30]
    )


def detail_context(
    request: HttpRequest, organisation: Any, assessment: Assessment, refused: list[str] | None = None
) -> dict[str, Any]:
    context = page_context(request, organisation, assessment)
    lenses = services.lenses_for(organisation)
    from dueregard.assessments.views_publication import publication_check
    from dueregard.assessments.views_steps import step_links, steps_started

    problem_fields = set()
    moves = next_moves(request, assessment)
    for move in moves:
        problem_fields |= {step for _message, step in move["problems"] if step}
    context.update(
        {
            "assessment": assessment,
            "document": assessment_document(assessment, lenses=lenses),
            "moves": moves,
            "refused": refused or [],
            "steps": step_links(organisation, assessment, problem_fields, steps_started(assessment, lenses)),
            "editable": assessment.state in EDITABLE,
            "can_edit": Permission.ASSESSMENT_EDIT in context["permissions"],
            "can_publish": Permission.ASSESSMENT_PUBLISH in context["permissions"],
            "can_track": Permission.OBJECTIVE_MANAGE in context["permissions"],
            "versionable": assessment.state in VERSIONABLE,
            "can_withdraw": assessment.state in OPEN,
            "versions": list(
                selectors.assessment_versions(actor=request.user, assessment=assessment).only(
                    "pk", "version", "state", "started_on", "signed_off_at", "published_at", "reference"
                )
            ),
            "children": list(
                selectors.assessment_children(actor=request.user, assessment=assessment).select_related("organisation")
            ),
            "history": _history(request, organisation, assessment),
            "is_decision_maker": assessment.decision_maker_id == request.user.pk,
            "publication": publication_check(assessment),
        }
    )
    return context


@login_required
@require_GET
def assessment_detail(request: HttpRequest, slug: str, assessment_id: int) -> HttpResponse:
    organisation, assessment = load(request, slug, assessment_id)
    assessment = (
        Assessment.objects.select_related(
            "unit",
            "author",
            "function",
            "decision_maker",
            "decision_confirmed_by",
            "signed_off_by",
            "parent_assessment__organisation",
            "previous_version",
            "updated_by",
        )
        .prefetch_related("impacts")
        .get(pk=assessment.pk)
    )
    return render(request, "assessments/assessment/detail.html", detail_context(request, organisation, assessment))


# --- moving along its life ------------------------------------------------------------------------------------


@login_required
@require_POST
def assessment_transition(request: HttpRequest, slug: str, assessment_id: int) -> HttpResponse:
    organisation, assessment = load(request, slug, assessment_id)
    target = request.POST.get("to", "")
    lock = request.POST.get("lock_version", "")
    try:
        moved = services.assessment_transition(
            actor=request.user,
            assessment=assessment,
            to=target,
            expected_lock_version=int(lock) if lock.isdigit() else None,
        )
    except services.ConcurrentEditError as error:
        refused = [str(error)]
    except ValidationError as error:
        refused = [str(message) for message in error.messages]
    else:
        messages.success(
            request,
            _("%(reference)s is now: %(state)s.")
            % {"reference": moved.reference, "state": moved.get_state_display().lower()},
        )
        return redirect("assessments:detail", slug, moved.pk)
    assessment.refresh_from_db()
    context = detail_context(request, organisation, assessment, refused)
    return render(request, "assessments/assessment/detail.html", context, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def assessment_withdraw(request: HttpRequest, slug: str, assessment_id: int) -> HttpResponse:
    organisation, assessment = load(request, slug, assessment_id)
    require_permission(request.user, organisation, Permission.ASSESSMENT_EDIT)
    form = WithdrawForm(
        request.POST if request.method == "POST" else None, initial={"lock_version": assessment.lock_version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_withdraw(
                actor=request.user,
                assessment=assessment,
                reason=form.cleaned_data["reason"],
                expected_lock_version=form.cleaned_data["lock_version"],
            )
        except services.ConcurrentEditError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The assessment was withdrawn."))
            return redirect("assessments:detail", slug, assessment.pk)
    context = page_context(request, organisation, assessment, _("Withdraw the assessment"))
    context.update({"form": form, "assessment": assessment, "open": assessment.state in OPEN})
    return render(request, "assessments/assessment/withdraw.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def decision_confirm(request: HttpRequest, slug: str, assessment_id: int) -> HttpResponse:
    """The decision-maker confirms they read the assessment before deciding (only they may)."""
    organisation, assessment = load(request, slug, assessment_id)
    if assessment.decision_maker_id != request.user.pk:
        raise PermissionDenied(_("Only the decision-maker named on the assessment can confirm they read it."))
    form = DecisionConfirmForm(
        request.POST if request.method == "POST" else None,
        initial={"decision_date": timezone.localdate(), "decision_paper_url": assessment.decision_paper_url},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_decision_confirm(
                actor=request.user,
                assessment=assessment,
                decision_date=form.cleaned_data["decision_date"],
                decision_paper_url=form.cleaned_data["decision_paper_url"],
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Thank you: your confirmation is recorded on the assessment."))
            return redirect("assessments:detail", slug, assessment.pk)
    context = page_context(request, organisation, assessment, _("Confirm you read the assessment"))
    context.update(
        {
            "form": form,
            "assessment": assessment,
            "document": assessment_document(assessment, lenses=services.lenses_for(organisation)),
            "can_confirm": assessment.state in {State.DECISION, State.AWAITING_SIGN_OFF},
        }
    )
    return render(request, "assessments/assessment/decision.html", context)


# --- versions -------------------------------------------------------------------------------------------------


@login_required
@require_POST
def assessment_new_version(request: HttpRequest, slug: str, assessment_id: int) -> HttpResponse:
    _organisation, assessment = load(request, slug, assessment_id)
    try:
        version = services.assessment_new_version(actor=request.user, assessment=assessment)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("assessments:detail", slug, assessment.pk)
    messages.success(
        request,
        _("Version %(version)s started from version %(previous)s: change what the review found.")
        % {"version": version.version, "previous": assessment.version},
    )
    return redirect("assessments:detail", slug, version.pk)


def _display(value: Any) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, tuple) and len(value) == 2:
        impact, reason = value
        from dueregard.assessments.models import Impact

        label = str(Impact(impact).label) if impact in Impact.values else str(impact)
        return f"{label}: {reason}" if reason else label
    if isinstance(value, list):
        return "; ".join(str(item) for item in value) or "–"
    if isinstance(value, dict):
        return "; ".join(f"{key}: {item}" for key, item in value.items()) or "–"
    if isinstance(value, dt.date):
        from django.utils import formats

        return formats.date_format(value, "DATE_FORMAT")
    return str(value)


def _choice_display(field_name: str, value: Any) -> Any:
    field = Assessment._meta.get_field(field_name) if not field_name.startswith("impact:") else None
    choices = getattr(field, "choices", None)
    if choices and value not in (None, ""):
        return dict(choices).get(value, value)
    return value


@login_required
@require_GET
def version_compare(request: HttpRequest, slug: str, assessment_id: int) -> HttpResponse:
    organisation, assessment = load(request, slug, assessment_id)
    versions = list(selectors.assessment_versions(actor=request.user, assessment=assessment))
    other_id = request.GET.get("with", "")
    other = None
    if other_id.isdigit():
        other = next((v for v in versions if v.pk == int(other_id)), None)
        if other is None:
            raise Http404
    elif assessment.previous_version_id:
        other = next((v for v in versions if v.pk == assessment.previous_version_id), None)
    differences = []
    if other is not None:
        first, second = sorted([other, assessment], key=lambda v: v.version)
        for difference in selectors.version_comparison(actor=request.user, first=first, second=second):
            name = difference.field
            labels = {"evidence": _("Evidence"), "engagement": _("Engagement")}
            differences.append(
                {
                    "label": labels.get(name, difference.label[:1].upper() + difference.label[1:]),
                    "before": _display(_lookup(name, difference.before)),
                    "after": _display(_lookup(name, difference.after)),
                }
            )
    else:
        first = second = assessment
    context = page_context(request, organisation, assessment, _("Compare versions"))
    context.update(
        {
            "assessment": assessment,
            "versions": versions,
            "other": other,
            "first": first,
            "second": second,
            "differences": differences,
        }
    )
    return render(request, "assessments/assessment/compare.html", context)


def _lookup(name: str, value: Any) -> Any:
    """Foreign keys come as ids: show the name instead; choices as their label."""
    if name in {"unit", "function", "decision_maker"} and value is not None:
        model = Assessment._meta.get_field(name).related_model
        found = model._default_manager.filter(pk=value).first()  # type: ignore[union-attr]
        return str(found) if found is not None else value
    if name.startswith("impact:") or name in {"evidence", "engagement"}:
        return value
    return _choice_display(name, value)
