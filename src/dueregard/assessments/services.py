"""Every change to the functions register and to impact assessments.

Each service: one transaction, ``require_permission`` first, an audit row for every change. Content can change only
while an assessment is open (``workflow.EDITABLE``); signed-off versions are locked and a review or change makes a
new version. Every save of an assessment's content raises its ``lock_version``: a save that expected an older one
is refused with :class:`ConcurrentEditError`, so two editors never silently overwrite each other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from dueregard.assessments import importing, rules
from dueregard.assessments.models import (
    RELEVANCE_ORDER,
    ActionStatus,
    Assessment,
    AssessmentAction,
    AssessmentSettings,
    AssessmentState,
    CharacteristicRelevance,
    EngagementRecord,
    EvidenceItem,
    EvidenceKind,
    Function,
    Impact,
    ImpactCell,
    Lens,
    Outcome,
    Priority,
    Relevance,
    ReviewCycle,
    ScreeningDecision,
    SubjectKind,
    SubjectStatus,
)
from dueregard.assessments.workflow import (
    EDITABLE,
    PUBLISHING_TARGETS,
    SIGN_OFF_TARGETS,
    SYSTEM_ONLY,
    VERSIONABLE,
    State,
    allowed_transitions,
    is_allowed,
)
from dueregard.audit.services import audit_record, snapshot
from dueregard.objectives.models import Aim, Characteristic
from dueregard.organisations.models import Membership, Organisation, Unit
from dueregard.organisations.roles import Permission, has_permission, require_permission


def _today(today: dt.date | None) -> dt.date:
    return today or timezone.localdate()


def _audited_save(*, actor: Any, organisation: Organisation, action: str, instance: models.Model, before: Any) -> None:
    instance.full_clean()
    instance.save()
    audit_record(
        actor=actor,
        organisation=organisation,
        action=action,
        instance=instance,
        before=before,
        after=snapshot(instance),
    )


def _refuse(field: str, message: str) -> ValidationError:
    return ValidationError({field: [message]})


def _check_unit(organisation: Organisation, unit: Unit | None) -> None:
    if unit is not None and unit.organisation_id != organisation.pk:
        raise _refuse("unit", _("Choose a unit of this organisation."))


def _check_member(organisation: Organisation, user: Any, field: str) -> None:
    if user is not None and not Membership.objects.filter(organisation=organisation, user=user).exists():
        raise _refuse(field, _("Choose a person who belongs to this organisation."))


# --- optional lenses and settings ------------------------------------------------------------------------------


def default_lenses(organisation: Organisation) -> list[str]:
    """Socio-economic disadvantage is a duty in Scotland (Fairer Scotland Duty) and Wales: on by default there."""
    if organisation.jurisdiction in {"scotland", "wales"}:
        return [Lens.SOCIO_ECONOMIC.value]
    return []


def lenses_for(organisation: Organisation) -> list[str]:
    settings_row = AssessmentSettings.objects.filter(organisation=organisation).first()
    return list(settings_row.lenses) if settings_row is not None else default_lenses(organisation)


def _settings_for_update(*, actor: Any, organisation: Organisation) -> AssessmentSettings:
    """The organisation's settings row, locked (it also serialises the numbering of new references)."""
    row = AssessmentSettings.objects.select_for_update().filter(organisation=organisation).first()
    if row is None:
        row = AssessmentSettings(organisation=organisation, lenses=default_lenses(organisation))
        _audited_save(
            actor=actor, organisation=organisation, action="assessment_settings_create", instance=row, before=None
        )
        row = AssessmentSettings.objects.select_for_update().get(pk=row.pk)
    return row


@transaction.atomic
def assessment_settings_update(
    *,
    actor: Any,
    organisation: Organisation,
    lenses: Iterable[str] | None = None,
    register_criteria: str | None = None,
    register_review_procedure: str | None = None,
) -> AssessmentSettings:
    """Choose the optional lenses of the organisation's assessments and the register's published texts."""
    require_permission(actor, organisation, Permission.ASSESSMENT_PUBLISH)
    row = _settings_for_update(actor=actor, organisation=organisation)
    before = snapshot(row)
    if lenses is not None:
        chosen = list(dict.fromkeys(lenses))
        unknown = [lens for lens in chosen if lens not in Lens.values]
        if unknown:
            raise _refuse("lenses", _("Unknown lens: %(lenses)s.") % {"lenses": ", ".join(unknown)})
        row.lenses = chosen
    if register_criteria is not None:
        if not register_criteria.strip():
            raise _refuse("register_criteria", _("Describe the criteria used to decide which functions are relevant."))
        row.register_criteria = register_criteria.strip()
    if register_review_procedure is not None:
        if not register_review_procedure.strip():
            raise _refuse("register_review_procedure", _("Describe how the register is reviewed."))
        row.register_review_procedure = register_review_procedure.strip()
    _audited_save(
        actor=actor, organisation=organisation, action="assessment_settings_update", instance=row, before=before
    )
    return row


# --- functions register --------------------------------------------------------------------------------------


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _priority_from(relevance: Mapping[str, tuple[str, str]]) -> str:
    """The highest relevance sets the priority; with none rated yet, "if in doubt" means medium."""
    levels = {level for level, _reason in relevance.values()}
    if not levels:
        return Priority.MEDIUM.value
    for level in RELEVANCE_ORDER:
        if level in levels:
            return Priority.LOW.value if level == Relevance.NONE else level.value
    return Priority.MEDIUM.value


def _check_relevance(characteristic: str, level: str, reason: str) -> None:
    if characteristic not in Characteristic.values:
        raise _refuse("relevance", _("Unknown protected characteristic: %(value)s.") % {"value": characteristic})
    if level not in Relevance.values:
        raise _refuse(
            "relevance",
            _("Relevance to %(characteristic)s must be high, medium, low or none.")
            % {"characteristic": Characteristic(characteristic).label},
        )
    if level != Relevance.NONE and not reason.strip():
        raise _refuse(
            "relevance",
            _("Give the reason why the function's relevance to %(characteristic)s is %(level)s.")
            % {"characteristic": Characteristic(characteristic).label, "level": Relevance(level).label.lower()},
        )


def _check_function(function: Function, today: dt.date) -> None:
    if function.review_cycle_years not in ReviewCycle.values:
        raise _refuse(
            "review_cycle_years",
            _("Review the function every year or every three years: never less often than every three years."),
        )
    if function.next_review_date < today:
        raise _refuse("next_review_date", _("The next review date is in the past: choose a date from today on."))
    if function.next_review_date > _add_years(today, function.review_cycle_years):
        raise _refuse(
            "next_review_date",
            _("The next review must fall within the review cycle: by %(date)s.")
            % {"date": _add_years(today, function.review_cycle_years).isoformat()},
        )
    if not function.is_relevant and not function.exclusion_reason.strip():
        raise _refuse(
            "exclusion_reason",
            _("Say why this function is not included: if in doubt about its impact, include it."),
        )


@transaction.atomic
def function_create(
    *,
    actor: Any,
    organisation: Organisation,
    name: str,
    relevance: Mapping[str, tuple[str, str]] | None = None,
    priority: str | None = None,
    review_cycle_years: int = ReviewCycle.THREE_YEARLY,
    next_review_date: dt.date | None = None,
    unit: Unit | None = None,
    today: dt.date | None = None,
    **fields: Any,
) -> Function:
    """Add a function to the register. ``relevance`` maps a characteristic to (high/medium/low/none, reason).

    Included as relevant unless ``is_relevant=False`` with an ``exclusion_reason``; the priority follows the highest
    relevance unless given; the next review defaults to one review cycle from today.
    """
    require_permission(actor, organisation, Permission.FUNCTION_MANAGE)
    day = _today(today)
    relevance = dict(relevance or {})
    _check_unit(organisation, unit)
    for characteristic, (level, reason) in relevance.items():
        _check_relevance(characteristic, level, reason)
    if not name.strip():
        raise _refuse("name", _("Give the name of the function or policy."))
    if Function.objects.filter(organisation=organisation, name__iexact=name.strip()).exists():
        raise _refuse("name", _("The register already has a function with this name."))
    function = Function(
        organisation=organisation,
        name=name.strip(),
        unit=unit,
        priority=priority or _priority_from(relevance),
        review_cycle_years=review_cycle_years,
        next_review_date=next_review_date or _add_years(day, int(review_cycle_years)),
        **fields,
    )
    _check_function(function, day)
    _audited_save(actor=actor, organisation=organisation, action="function_create", instance=function, before=None)
    for characteristic, (level, reason) in relevance.items():
        row = CharacteristicRelevance(
            function=function, characteristic=characteristic, relevance=level, reason=reason.strip()
        )
        _audited_save(
            actor=actor, organisation=organisation, action="function_set_relevance", instance=row, before=None
        )
    return function


FUNCTION_EDITABLE = {
    "name",
    "description",
    "unit",
    "is_statutory",
    "is_new",
    "affects_public",
    "affects_staff",
    "is_relevant",
    "exclusion_reason",
    "priority",
    "review_cycle_years",
    "next_review_date",
}


@transaction.atomic
def function_update(*, actor: Any, function: Function, today: dt.date | None = None, **changes: Any) -> Function:
    organisation = function.organisation
    require_permission(actor, organisation, Permission.FUNCTION_MANAGE)
    if set(changes) - FUNCTION_EDITABLE:
        raise ValueError(f"Fields that cannot be changed here: {', '.join(sorted(set(changes) - FUNCTION_EDITABLE))}")
    _check_unit(organisation, changes.get("unit"))
    function = Function.objects.select_for_update().get(pk=function.pk)
    before = snapshot(function)
    for name, value in changes.items():
        setattr(function, name, value)
    if changes.get("is_relevant"):
        function.exclusion_reason = ""
    _check_function(function, _today(today))
    _audited_save(actor=actor, organisation=organisation, action="function_update", instance=function, before=before)
    return function


@transaction.atomic
def function_set_relevance(
    *, actor: Any, function: Function, characteristic: str, relevance: str, reason: str = ""
) -> CharacteristicRelevance:
    organisation = function.organisation
    require_permission(actor, organisation, Permission.FUNCTION_MANAGE)
    _check_relevance(characteristic, relevance, reason)
    row = (
        CharacteristicRelevance.objects.select_for_update()
        .filter(function=function, characteristic=characteristic)
        .first()
    )
    before = snapshot(row) if row is not None else None
    row = row or CharacteristicRelevance(function=function, characteristic=characteristic)
    row.relevance, row.reason = relevance, reason.strip()
    _audited_save(actor=actor, organisation=organisation, action="function_set_relevance", instance=row, before=before)
    return row


# --- assessments: starting, editing, locking ------------------------------------------------------------------


class ConcurrentEditError(Exception):
    """Someone saved the assessment after the editor opened it: their changes would be overwritten."""

    def __init__(self, *, assessment: Assessment) -> None:
        self.assessment = assessment
        self.saved_by = assessment.updated_by
        self.saved_at = assessment.updated_at
        self.lock_version = assessment.lock_version
        who = str(self.saved_by) if self.saved_by is not None else _("someone else")
        when = timezone.localtime(self.saved_at).strftime("%d/%m/%Y %H:%M") if self.saved_at else ""
        super().__init__(
            _(
                "%(person)s saved this assessment at %(time)s, after you opened it. Your changes were not saved: "
                "open it again to see theirs, then make yours."
            )
            % {"person": who, "time": when}
        )


def _locked_message(assessment: Assessment) -> str:
    if assessment.state == State.AWAITING_SIGN_OFF:
        return _("This assessment is waiting for sign-off: take it back to the decision stage to change it.")
    if assessment.state in VERSIONABLE:
        return _("This assessment is %(state)s and locked: start a new version to change it.") % {
            "state": AssessmentState(assessment.state).label.lower()
        }
    return _("This assessment is %(state)s and can no longer be changed.") % {
        "state": AssessmentState(assessment.state).label.lower()
    }


def _lock_for_change(
    assessment: Assessment, *, expected_lock_version: int | None, editable_states: Iterable[str] = EDITABLE
) -> Assessment:
    """The assessment row, locked for this transaction, after the state and optimistic-lock checks."""
    current = Assessment.objects.select_for_update(of=("self",)).select_related("updated_by").get(pk=assessment.pk)
    if current.state not in set(editable_states):
        raise ValidationError(_locked_message(current))
    if expected_lock_version is not None and current.lock_version != expected_lock_version:
        raise ConcurrentEditError(assessment=current)
    return current


def _touch(assessment: Assessment, actor: Any) -> None:
    """A change to an assessment's parts is a change to the assessment: raise its lock version."""
    Assessment.objects.filter(pk=assessment.pk).update(
        lock_version=F("lock_version") + 1, updated_by=actor, updated_at=timezone.now()
    )
    assessment.refresh_from_db(fields=["lock_version", "updated_by", "updated_at"])


def _next_reference(*, actor: Any, organisation: Organisation, year: int) -> str:
    _settings_for_update(actor=actor, organisation=organisation)  # serialises numbering in this organisation
    prefix = f"EIA-{year}-"
    used = Assessment.objects.filter(organisation=organisation, reference__startswith=prefix).values_list(
        "reference", flat=True
    )
    numbers = [int(ref[len(prefix) :]) for ref in used if ref[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


# Content a new version, or a constituent part building on its parent's assessment, starts from.
CONTENT_FIELDS = (
    "title",
    "unit",
    "responsible_senior_person",
    "subject_kind",
    "subject_status",
    "function",
    "purpose",
    "scope",
    "affects_public",
    "affects_staff",
    "screening_eliminate",
    "screening_advance",
    "screening_foster",
    "screening_decision",
    "screening_reasons",
    "data_gaps",
    "data_gaps_plan",
    "no_engagement_reason",
    "lens_results",
    "adverse_duty_met",
    "adverse_alternatives",
    "adverse_unavoidable",
    "adverse_justification",
    "adverse_mitigation",
    "second_consultation_needed",
    "second_consultation_reasons",
    "outcome",
    "outcome_details",
)
# What a child takes from its parent: the analysis, not the parent's own engagement, decision or identity.
PARENT_FIELDS = (
    "subject_kind",
    "purpose",
    "scope",
    "affects_public",
    "affects_staff",
    "screening_eliminate",
    "screening_advance",
    "screening_foster",
    "data_gaps",
    "data_gaps_plan",
)


def _copy_impacts_and_evidence(source: Assessment, target: Assessment) -> None:
    ImpactCell.objects.bulk_create(
        ImpactCell(
            assessment=target, characteristic=cell.characteristic, aim=cell.aim, impact=cell.impact, reason=cell.reason
        )
        for cell in source.impacts.all()
    )
    EvidenceItem.objects.bulk_create(
        EvidenceItem(
            assessment=target,
            kind=item.kind,
            title=item.title,
            url=item.url,
            summary=item.summary,
            analysis_reference=item.analysis_reference,
        )
        for item in source.evidence_items.all()
    )


BASE_STATES = {State.SIGNED_OFF, State.PUBLISHED, State.REVIEW_DUE}


@transaction.atomic
def assessment_start(
    *,
    actor: Any,
    organisation: Organisation,
    title: str,
    subject_kind: str = SubjectKind.POLICY,
    subject_status: str = SubjectStatus.NEW,
    function: Function | None = None,
    unit: Unit | None = None,
    from_parent: Assessment | None = None,
    today: dt.date | None = None,
    **fields: Any,
) -> Assessment:
    """Start an assessment at screening, with a new reference (EIA-<year>-<number>).

    ``from_parent``: a constituent part builds on its parent organisation's signed-off assessment (seed 003 issue
    6): its purpose, scope, screening, data gaps, impact matrix and evidence are copied and the link is kept.
    """
    require_permission(actor, organisation, Permission.ASSESSMENT_EDIT)
    day = _today(today)
    if set(fields) - ASSESSMENT_EDITABLE:
        raise ValueError(f"Fields that cannot be set here: {', '.join(sorted(set(fields) - ASSESSMENT_EDITABLE))}")
    _check_unit(organisation, unit)
    if function is not None and function.organisation_id != organisation.pk:
        raise _refuse("function", _("Choose a function from this organisation's register."))
    _check_member(organisation, fields.get("decision_maker"), "decision_maker")
    if not title.strip():
        raise _refuse("title", _("Give the assessment a title."))
    if fields.get("review_date") is not None and fields["review_date"] < day:
        raise _refuse("review_date", _("The review date is in the past: choose a date from today on."))
    assessment = Assessment(
        organisation=organisation,
        reference=_next_reference(actor=actor, organisation=organisation, year=day.year),
        title=title.strip(),
        subject_kind=subject_kind,
        subject_status=subject_status,
        function=function,
        unit=unit,
        author=actor,
        started_on=day,
        updated_by=actor,
        **fields,
    )
    if from_parent is not None:
        require_permission(actor, from_parent.organisation, Permission.ASSESSMENT_VIEW)
        if from_parent.state not in BASE_STATES:
            raise _refuse(
                "parent_assessment",
                _("Build on a signed-off assessment: %(reference)s is %(state)s.")
                % {"reference": from_parent.reference, "state": from_parent.get_state_display().lower()},
            )
        assessment.parent_assessment = from_parent
        for name in PARENT_FIELDS:
            if name not in fields:
                setattr(assessment, name, getattr(from_parent, name))
    _audited_save(actor=actor, organisation=organisation, action="assessment_start", instance=assessment, before=None)
    if from_parent is not None:
        _copy_impacts_and_evidence(from_parent, assessment)
    return assessment


ASSESSMENT_EDITABLE = {
    "title",
    "unit",
    "responsible_senior_person",
    "decision_maker",
    "subject_kind",
    "subject_status",
    "function",
    "purpose",
    "scope",
    "affects_public",
    "affects_staff",
    "screening_eliminate",
    "screening_advance",
    "screening_foster",
    "screening_decision",
    "screening_reasons",
    "data_gaps",
    "data_gaps_plan",
    "no_engagement_reason",
    "adverse_duty_met",
    "adverse_alternatives",
    "adverse_unavoidable",
    "adverse_justification",
    "adverse_mitigation",
    "second_consultation_needed",
    "second_consultation_reasons",
    "outcome",
    "outcome_details",
    "decision_paper_url",
    "decision_date",
    "review_date",
}


@transaction.atomic
def assessment_update(
    *, actor: Any, assessment: Assessment, expected_lock_version: int, today: dt.date | None = None, **changes: Any
) -> Assessment:
    """Change an open assessment's content. ``expected_lock_version`` is the version the editor opened: if someone
    saved since, :class:`ConcurrentEditError` names them and nothing is saved."""
    organisation = assessment.organisation
    require_permission(actor, organisation, Permission.ASSESSMENT_EDIT)
    if set(changes) - ASSESSMENT_EDITABLE:
        raise ValueError(f"Fields that cannot be changed here: {', '.join(sorted(set(changes) - ASSESSMENT_EDITABLE))}")
    _check_unit(organisation, changes.get("unit"))
    _check_member(organisation, changes.get("decision_maker"), "decision_maker")
    if changes.get("function") is not None and changes["function"].organisation_id != organisation.pk:
        raise _refuse("function", _("Choose a function from this organisation's register."))
    if changes.get("review_date") is not None and changes["review_date"] < _today(today):
        raise _refuse("review_date", _("The review date is in the past: choose a date from today on."))
    if "outcome" in changes and changes["outcome"] not in Outcome.values:
        raise _refuse("outcome", _("Choose one of the outcomes."))
    if "screening_decision" in changes and changes["screening_decision"] not in ScreeningDecision.values:
        raise _refuse("screening_decision", _("Choose whether a full assessment is needed."))
    assessment = _lock_for_change(assessment, expected_lock_version=expected_lock_version)
    before = snapshot(assessment)
    previous_decision_maker = assessment.decision_maker_id
    for name, value in changes.items():
        setattr(assessment, name, value.strip() if isinstance(value, str) else value)
    if assessment.decision_maker_id != previous_decision_maker:
        assessment.decision_confirmed_by = None  # a new decision-maker has not confirmed anything yet
        assessment.decision_confirmed_at = None
    assessment.lock_version += 1
    assessment.updated_by = actor
    _audited_save(
        actor=actor, organisation=organisation, action="assessment_update", instance=assessment, before=before
    )
    return assessment


# --- assessments: parts ---------------------------------------------------------------------------------------


def _part_change(
    *, actor: Any, assessment: Assessment, expected_lock_version: int | None
) -> tuple[Assessment, Organisation]:
    organisation = assessment.organisation
    require_permission(actor, organisation, Permission.ASSESSMENT_EDIT)
    return _lock_for_change(assessment, expected_lock_version=expected_lock_version), organisation


@transaction.atomic
def impact_cell_set(
    *,
    actor: Any,
    assessment: Assessment,
    characteristic: str,
    aim: str,
    impact: str,
    reason: str = "",
    expected_lock_version: int | None = None,
) -> ImpactCell:
    """Record the impact on one characteristic under one aim. Marriage and civil partnership: aim (a) only."""
    require_permission(actor, assessment.organisation, Permission.ASSESSMENT_EDIT)
    if characteristic not in Characteristic.values:
        raise _refuse("characteristic", _("Unknown protected characteristic: %(value)s.") % {"value": characteristic})
    if aim not in Aim.values:
        raise _refuse("aim", _("Unknown aim of the general duty: %(value)s.") % {"value": aim})
    if impact not in Impact.values:
        raise _refuse("impact", _("Choose positive, neutral, negative or unknown."))
    if characteristic == Characteristic.MARRIAGE and aim != Aim.ELIMINATE:
        raise _refuse(
            "aim",
            _(
                "Marriage and civil partnership counts only for eliminating discrimination, harassment and "
                "victimisation: record its impact under that aim."
            ),
        )
    if impact != Impact.NEUTRAL and not reason.strip():
        raise _refuse(
            "reason",
            _("Say why the impact on %(characteristic)s is %(impact)s, and on what evidence.")
            % {"characteristic": Characteristic(characteristic).label, "impact": Impact(impact).label.lower()},
        )
    assessment, organisation = _part_change(
        actor=actor, assessment=assessment, expected_lock_version=expected_lock_version
    )
    cell = ImpactCell.objects.filter(assessment=assessment, characteristic=characteristic, aim=aim).first()
    before = snapshot(cell) if cell is not None else None
    cell = cell or ImpactCell(assessment=assessment, characteristic=characteristic, aim=aim)
    cell.impact, cell.reason = impact, reason.strip()
    _audited_save(actor=actor, organisation=organisation, action="impact_cell_set", instance=cell, before=before)
    _touch(assessment, actor)
    return cell


@transaction.atomic
def lens_result_set(
    *,
    actor: Any,
    assessment: Assessment,
    lens: str,
    impact: str,
    reason: str = "",
    expected_lock_version: int | None = None,
) -> Assessment:
    """Record the impact through one of the organisation's optional lenses (e.g. socio-economic disadvantage)."""
    require_permission(actor, assessment.organisation, Permission.ASSESSMENT_EDIT)
    if lens not in lenses_for(assessment.organisation):
        raise _refuse("lens", _("This organisation does not use that lens: choose one from its settings."))
    if impact not in Impact.values:
        raise _refuse("impact", _("Choose positive, neutral, negative or unknown."))
    if impact != Impact.NEUTRAL and not reason.strip():
        raise _refuse(
            "reason",
            _("Say why the impact through the lens %(lens)s is %(impact)s.")
            % {"lens": Lens(lens).label, "impact": Impact(impact).label.lower()},
        )
    assessment, organisation = _part_change(
        actor=actor, assessment=assessment, expected_lock_version=expected_lock_version
    )
    before = snapshot(assessment)
    assessment.lens_results = {**assessment.lens_results, lens: {"impact": impact, "reason": reason.strip()}}
    assessment.lock_version += 1
    assessment.updated_by = actor
    _audited_save(actor=actor, organisation=organisation, action="lens_result_set", instance=assessment, before=before)
    return assessment


@transaction.atomic
def evidence_item_add(
    *,
    actor: Any,
    assessment: Assessment,
    title: str,
    kind: str = EvidenceKind.OTHER,
    url: str = "",
    summary: str = "",
    analysis_reference: str = "",
    expected_lock_version: int | None = None,
) -> EvidenceItem:
    require_permission(actor, assessment.organisation, Permission.ASSESSMENT_EDIT)
    if not title.strip():
        raise _refuse("title", _("Give the evidence a title."))
    assessment, organisation = _part_change(
        actor=actor, assessment=assessment, expected_lock_version=expected_lock_version
    )
    item = EvidenceItem(
        assessment=assessment,
        kind=kind,
        title=title.strip(),
        url=url.strip(),
        summary=summary.strip(),
        analysis_reference=analysis_reference.strip(),
    )
    _audited_save(actor=actor, organisation=organisation, action="evidence_item_add", instance=item, before=None)
    _touch(assessment, actor)
    return item


def _part_remove(
    *, actor: Any, part: EvidenceItem | EngagementRecord, action: str, expected_lock_version: int | None
) -> None:
    """Remove one part of an assessment: same checks as any change to it, an audit row, the assessment touched."""
    assessment, organisation = _part_change(
        actor=actor, assessment=part.assessment, expected_lock_version=expected_lock_version
    )
    audit_record(
        actor=actor, organisation=organisation, action=action, instance=part, before=snapshot(part), after=None
    )
    part.delete()
    _touch(assessment, actor)


@transaction.atomic
def evidence_item_remove(*, actor: Any, item: EvidenceItem, expected_lock_version: int | None = None) -> None:
    _part_remove(actor=actor, part=item, action="evidence_item_remove", expected_lock_version=expected_lock_version)


@transaction.atomic
def engagement_record_add(
    *,
    actor: Any,
    assessment: Assessment,
    aims: str,
    groups: str,
    held_on: dt.date,
    method: str,
    what_they_said: str = "",
    what_changed: str = "",
    meaningful: bool | None = None,
    representative: bool | None = None,
    effective: bool | None = None,
    suitable: bool | None = None,
    quality_notes: str = "",
    today: dt.date | None = None,
    expected_lock_version: int | None = None,
) -> EngagementRecord:
    """Record who was involved or consulted, with the qualities of seed 001 §5.8."""
    require_permission(actor, assessment.organisation, Permission.ASSESSMENT_EDIT)
    if not aims.strip():
        raise _refuse("aims", _("State the aims of the engagement: what were people asked, and why?"))
    if not groups.strip():
        raise _refuse("groups", _("Say who was involved or consulted."))
    if not method.strip():
        raise _refuse("method", _("Say how people were involved (for example a meeting, survey or forum)."))
    if held_on > _today(today):
        raise _refuse("held_on", _("Record engagement once it has happened: the date is in the future."))
    if meaningful and assessment.decision_date is not None and held_on > assessment.decision_date:
        raise _refuse(
            "meaningful",
            _("Engagement held after the decision cannot have fed into it: it is not meaningful in that sense."),
        )
    assessment, organisation = _part_change(
        actor=actor, assessment=assessment, expected_lock_version=expected_lock_version
    )
    record = EngagementRecord(
        assessment=assessment,
        aims=aims.strip(),
        groups=groups.strip(),
        held_on=held_on,
        method=method.strip(),
        what_they_said=what_they_said.strip(),
        what_changed=what_changed.strip(),
        meaningful=meaningful,
        representative=representative,
        effective=effective,
        suitable=suitable,
        quality_notes=quality_notes.strip(),
    )
    _audited_save(actor=actor, organisation=organisation, action="engagement_record_add", instance=record, before=None)
    _touch(assessment, actor)
    return record


@transaction.atomic
def engagement_record_remove(*, actor: Any, record: EngagementRecord, expected_lock_version: int | None = None) -> None:
    _part_remove(
        actor=actor, part=record, action="engagement_record_remove", expected_lock_version=expected_lock_version
    )


@transaction.atomic
def assessment_action_add(
    *,
    actor: Any,
    assessment: Assessment,
    text: str,
    owner_user: Any = None,
    owner_text: str = "",
    due_date: dt.date | None = None,
    characteristics: Iterable[str] = (),
    today: dt.date | None = None,
    expected_lock_version: int | None = None,
) -> AssessmentAction:
    """An action the assessment commits to (owner, due date, characteristics). Linking it to the organisation's
    tracked actions comes later."""
    require_permission(actor, assessment.organisation, Permission.ASSESSMENT_EDIT)
    if not text.strip():
        raise _refuse("text", _("Describe the action."))
    if owner_user is None and not owner_text.strip():
        raise _refuse("owner_user", _("Say who owns the action."))
    _check_member(assessment.organisation, owner_user, "owner_user")
    if due_date is not None and due_date < _today(today):
        raise _refuse("due_date", _("The due date is in the past: choose a date from today on."))
    chosen = list(dict.fromkeys(characteristics))
    if set(chosen) - set(Characteristic.values):
        raise _refuse("characteristics", _("Choose protected characteristics from the list."))
    assessment, organisation = _part_change(
        actor=actor, assessment=assessment, expected_lock_version=expected_lock_version
    )
    action = AssessmentAction(
        assessment=assessment,
        text=text.strip(),
        owner_user=owner_user,
        owner_text=owner_text.strip(),
        due_date=due_date,
        characteristics=chosen,
    )
    _audited_save(actor=actor, organisation=organisation, action="assessment_action_add", instance=action, before=None)
    _touch(assessment, actor)
    return action


@transaction.atomic
def assessment_action_set_status(*, actor: Any, action: AssessmentAction, status: str) -> AssessmentAction:
    """Mark an action done (or open again). Allowed after sign-off too: carrying out actions is not a change to
    the assessment."""
    organisation = action.assessment.organisation
    require_permission(actor, organisation, Permission.ASSESSMENT_EDIT)
    if status not in ActionStatus.values:
        raise _refuse("status", _("Choose open or done."))
    if action.assessment.state == State.WITHDRAWN:
        raise ValidationError(_("This assessment was withdrawn: its actions are closed."))
    action = AssessmentAction.objects.select_for_update().get(pk=action.pk)
    before = snapshot(action)
    action.status = status
    _audited_save(
        actor=actor, organisation=organisation, action="assessment_action_set_status", instance=action, before=before
    )
    return action


# --- decision, lifecycle and versions -------------------------------------------------------------------------


@transaction.atomic
def assessment_decision_confirm(
    *, actor: Any, assessment: Assessment, decision_date: dt.date, decision_paper_url: str = ""
) -> Assessment:
    """The decision-maker confirms that they read the assessment before deciding (Brown principles)."""
    organisation = assessment.organisation
    require_permission(actor, organisation, Permission.ASSESSMENT_VIEW)
    assessment = _lock_for_change(
        assessment, expected_lock_version=None, editable_states={State.DECISION, State.AWAITING_SIGN_OFF}
    )
    if assessment.decision_maker_id is None:
        raise _refuse("decision_maker", _("Name the decision-maker on the assessment first."))
    if assessment.decision_maker_id != actor.pk:
        raise PermissionDenied(_("Only the decision-maker named on the assessment can confirm they read it."))
    if decision_date < assessment.started_on:
        raise _refuse("decision_date", _("The decision cannot come before the assessment started."))
    before = snapshot(assessment)
    assessment.decision_date = decision_date
    assessment.decision_paper_url = decision_paper_url.strip() or assessment.decision_paper_url
    assessment.decision_confirmed_by = actor
    assessment.decision_confirmed_at = timezone.now()
    assessment.lock_version += 1
    assessment.updated_by = actor
    _audited_save(
        actor=actor, organisation=organisation, action="assessment_decision_confirm", instance=assessment, before=before
    )
    return assessment


def _require_for_transition(actor: Any, assessment: Assessment, target: State) -> None:
    organisation = assessment.organisation
    if target in SIGN_OFF_TARGETS:
        require_permission(actor, organisation, Permission.ASSESSMENT_SIGN_OFF)
    elif target in PUBLISHING_TARGETS:
        require_permission(actor, organisation, Permission.ASSESSMENT_PUBLISH)
    elif target == State.DECISION and assessment.state == State.AWAITING_SIGN_OFF:
        # returned by the approver, or taken back by the author
        if not has_permission(actor, organisation, Permission.ASSESSMENT_SIGN_OFF):
            require_permission(actor, organisation, Permission.ASSESSMENT_EDIT)
    else:
        require_permission(actor, organisation, Permission.ASSESSMENT_EDIT)


def _state_label(state: str) -> str:
    return str(AssessmentState(state).label).lower()


@transaction.atomic
def assessment_transition(
    *,
    actor: Any,
    assessment: Assessment,
    to: str,
    expected_lock_version: int | None = None,
    today: dt.date | None = None,
) -> Assessment:
    """Move an assessment along its life (``workflow.TRANSITIONS``), after the rules of ``rules.problems_before``.

    A sign-off (signed off, screened out) needs the approver role and someone other than the author; it locks the
    assessment and, for a later version, replaces the version before it.
    """
    try:
        target = State(to)
    except ValueError:
        raise _refuse("state", _("Unknown state: %(value)s.") % {"value": to}) from None
    _require_for_transition(actor, assessment, target)
    organisation = assessment.organisation
    current = Assessment.objects.select_for_update(of=("self",)).select_related("updated_by").get(pk=assessment.pk)
    if expected_lock_version is not None and current.lock_version != expected_lock_version:
        raise ConcurrentEditError(assessment=current)
    if target in SYSTEM_ONLY:
        raise ValidationError(_("An assessment is replaced by itself when a later version is signed off."))
    if not is_allowed(current.state, target):
        allowed = [_state_label(s) for s in sorted(allowed_transitions(current.state) - SYSTEM_ONLY)]
        raise ValidationError(
            _("An assessment that is %(current)s cannot become %(target)s. From here it can become: %(allowed)s.")
            % {
                "current": _state_label(current.state),
                "target": _state_label(target),
                "allowed": ", ".join(allowed) or _("nothing: this is the end of its life"),
            }
        )
    if target in SIGN_OFF_TARGETS and current.author_id == actor.pk:
        raise ValidationError(
            {NON_FIELD_ERRORS: [_("You wrote this assessment, so you cannot sign it off: ask another approver.")]}
        )
    problems = rules.problems_before(current, target, today=_today(today), lenses=lenses_for(organisation))
    if problems:
        raise ValidationError(problems)
    before = snapshot(current)
    if target == State.FULL_ASSESSMENT:
        current.screening_decision = ScreeningDecision.FULL
    if target == State.SCREENED_OUT:
        current.screening_decision = ScreeningDecision.NOT_NEEDED
    if target in SIGN_OFF_TARGETS:
        current.signed_off_by = actor
        current.signed_off_at = timezone.now()
    if target == State.PUBLISHED:
        current.published_at = timezone.now()
    current.state = target
    current.lock_version += 1
    current.updated_by = actor
    _audited_save(
        actor=actor, organisation=organisation, action="assessment_transition", instance=current, before=before
    )
    if target in SIGN_OFF_TARGETS and current.previous_version_id is not None:
        _supersede(actor=actor, organisation=organisation, assessment_id=current.previous_version_id)
    return current


def _supersede(*, actor: Any, organisation: Organisation, assessment_id: int) -> None:
    previous = Assessment.objects.select_for_update().get(pk=assessment_id)
    if not is_allowed(previous.state, State.SUPERSEDED):
        return
    before = snapshot(previous)
    previous.state = State.SUPERSEDED
    previous.lock_version += 1
    _audited_save(
        actor=actor, organisation=organisation, action="assessment_supersede", instance=previous, before=before
    )


@transaction.atomic
def assessment_new_version(*, actor: Any, assessment: Assessment, today: dt.date | None = None) -> Assessment:
    """Start a review or change of a locked assessment: a new version, under review, with the content copied.

    Engagement records, evidence and the impact matrix are copied as the starting point; the decision record,
    sign-off and review date are not (the new version needs its own). Actions stay with the version that set them.
    """
    organisation = assessment.organisation
    require_permission(actor, organisation, Permission.ASSESSMENT_EDIT)
    previous = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if previous.state not in VERSIONABLE:
        if previous.state in EDITABLE:
            raise ValidationError(_("This assessment is still open: change it directly, no new version is needed."))
        raise ValidationError(
            _("An assessment that is %(state)s cannot get a new version.") % {"state": _state_label(previous.state)}
        )
    pending = previous.next_versions.exclude(state=State.WITHDRAWN).first()
    if pending is not None:
        raise ValidationError(
            _("Version %(version)s of this assessment is already being prepared: carry on with that one.")
            % {"version": pending.version}
        )
    latest = Assessment.objects.filter(organisation=organisation, reference=previous.reference).order_by("-version")
    version = Assessment(
        organisation=organisation,
        reference=previous.reference,
        version=latest.values_list("version", flat=True)[0] + 1,
        previous_version=previous,
        parent_assessment=previous.parent_assessment,
        state=State.UNDER_REVIEW,
        author=actor,
        decision_maker=previous.decision_maker,
        started_on=_today(today),
        updated_by=actor,
    )
    for name in CONTENT_FIELDS:
        setattr(version, name, getattr(previous, name))
    _audited_save(
        actor=actor, organisation=organisation, action="assessment_new_version", instance=version, before=None
    )
    _copy_impacts_and_evidence(previous, version)
    EngagementRecord.objects.bulk_create(
        EngagementRecord(
            assessment=version,
            **{
                field.name: getattr(record, field.name)
                for field in EngagementRecord._meta.concrete_fields
                if field.name not in {"id", "assessment"}
            },
        )
        for record in previous.engagements.all()
    )
    return version


@transaction.atomic
def assessments_mark_review_due(*, organisation: Organisation, today: dt.date | None = None, actor: Any = None) -> int:
    """Mark settled assessments whose review date has come as "review due". Run daily by the system (``actor``
    None) or by someone who publishes assessments. Returns how many were marked."""
    if actor is not None:
        require_permission(actor, organisation, Permission.ASSESSMENT_PUBLISH)
    day = _today(today)
    due = Assessment.objects.select_for_update().filter(
        organisation=organisation,
        state__in=[State.SIGNED_OFF, State.PUBLISHED, State.SCREENED_OUT],
        review_date__lte=day,
    )
    count = 0
    for assessment in due:
        before = snapshot(assessment)
        assessment.state = State.REVIEW_DUE
        assessment.lock_version += 1
        _audited_save(
            actor=actor, organisation=organisation, action="assessment_review_due", instance=assessment, before=before
        )
        count += 1
    return count


@transaction.atomic
def function_import(
    *, actor: Any, organisation: Organisation, filename: str, content: bytes, today: dt.date | None = None
) -> list[Function]:
    """Import a functions register from CSV or XLSX/ODS. All or nothing: if any row is wrong, nothing is saved and
    :class:`~dueregard.assessments.importing.FunctionImportError` lists every problem by row and column."""
    require_permission(actor, organisation, Permission.FUNCTION_MANAGE)
    day = _today(today)
    rows, errors = importing.parse_rows(
        importing.read_table(filename=filename, content=content), organisation=organisation
    )
    existing = {
        name.lower() for name in Function.objects.filter(organisation=organisation).values_list("name", flat=True)
    }
    for item in rows:
        if item.name.lower() in existing:
            errors.append(
                importing.RowError(item.row, "Function", _("The register already has a function with this name."))
            )
    if errors:
        raise importing.FunctionImportError(sorted(errors, key=lambda error: error.row))
    created: list[Function] = []
    problems: list[importing.RowError] = []
    for item in rows:
        try:
            with transaction.atomic():
                created.append(
                    function_create(
                        actor=actor,
                        organisation=organisation,
                        name=item.name,
                        relevance=item.relevance,
                        today=day,
                        **item.fields,
                    )
                )
        except ValidationError as error:
            for column, messages in error.message_dict.items():
                problems.extend(importing.RowError(item.row, column, message) for message in messages)
    if problems:
        raise importing.FunctionImportError(problems)  # the outer transaction rolls back every row
    return created


# --- additions for the pages ------------------------------------------------------------------------------------


def may_transition(actor: Any, assessment: Assessment, target: str) -> bool:
    """Whether ``actor`` holds the permission for this move (the table and the rules are checked on the move)."""
    try:
        _require_for_transition(actor, assessment, State(target))
    except PermissionDenied:
        return False
    return True


@transaction.atomic
def assessment_withdraw(
    *, actor: Any, assessment: Assessment, reason: str, expected_lock_version: int | None = None
) -> Assessment:
    """Withdraw an open assessment, saying why (the reason stays on the record)."""
    require_permission(actor, assessment.organisation, Permission.ASSESSMENT_EDIT)
    if not reason.strip():
        raise _refuse("reason", _("Say why the assessment is withdrawn."))
    withdrawn = assessment_transition(
        actor=actor, assessment=assessment, to=State.WITHDRAWN, expected_lock_version=expected_lock_version
    )
    before = snapshot(withdrawn)
    withdrawn.withdrawn_reason = reason.strip()
    _audited_save(
        actor=actor,
        organisation=withdrawn.organisation,
        action="assessment_withdraw_reason",
        instance=withdrawn,
        before=before,
    )
    return withdrawn


def _impact_problem(label: str, impact: str, reason: str) -> str | None:
    if impact not in Impact.values:
        return _("Choose positive, neutral, negative or unknown.")
    if impact != Impact.NEUTRAL and not reason.strip():
        return _("Say why the impact on %(characteristic)s is %(impact)s, and on what evidence.") % {
            "characteristic": label,
            "impact": Impact(impact).label.lower(),
        }
    return None


@transaction.atomic
def impact_matrix_save(
    *,
    actor: Any,
    assessment: Assessment,
    cells: Mapping[tuple[str, str], tuple[str, str]],
    lenses: Mapping[str, tuple[str, str]] | None = None,
    expected_lock_version: int | None = None,
) -> Assessment:
    """Save many cells of the impact matrix (characteristic, aim) -> (impact, reason), and lens results lens ->
    (impact, reason), all or nothing. Every refused cell is named (field ``impact_<characteristic>_<aim>`` or
    ``lens_<lens>``), so a page can show each beside its own question."""
    organisation = assessment.organisation
    require_permission(actor, organisation, Permission.ASSESSMENT_EDIT)
    lenses = dict(lenses or {})
    problems: dict[str, list[str]] = {}
    for (characteristic, aim), (impact, reason) in cells.items():
        if characteristic not in Characteristic.values or aim not in Aim.values:
            raise _refuse("impacts", _("Unknown cell of the impact matrix."))
        if characteristic == Characteristic.MARRIAGE and aim != Aim.ELIMINATE:
            raise _refuse(
                "impacts",
                _(
                    "Marriage and civil partnership counts only for eliminating discrimination, harassment and "
                    "victimisation: record its impact under that aim."
                ),
            )
        problem = _impact_problem(str(Characteristic(characteristic).label), impact, reason)
        if problem:
            problems[f"impact_{characteristic}_{aim}"] = [problem]
    used = lenses_for(organisation)
    for lens, (impact, reason) in lenses.items():
        if lens not in used:
            raise _refuse("lenses", _("This organisation does not use that lens: choose one from its settings."))
        problem = _impact_problem(str(Lens(lens).label), impact, reason)
        if problem:
            problems[f"lens_{lens}"] = [problem]
    if problems:
        raise ValidationError(problems)
    assessment, organisation = _part_change(
        actor=actor, assessment=assessment, expected_lock_version=expected_lock_version
    )
    existing = {(cell.characteristic, cell.aim): cell for cell in assessment.impacts.all()}
    changed = False
    for (characteristic, aim), (impact, reason) in cells.items():
        cell = existing.get((characteristic, aim))
        if cell is not None and (cell.impact, cell.reason) == (impact, reason.strip()):
            continue
        before = snapshot(cell) if cell is not None else None
        cell = cell or ImpactCell(assessment=assessment, characteristic=characteristic, aim=aim)
        cell.impact, cell.reason = impact, reason.strip()
        _audited_save(actor=actor, organisation=organisation, action="impact_cell_set", instance=cell, before=before)
        changed = True
    results = dict(assessment.lens_results)
    for lens, (impact, reason) in lenses.items():
        results[lens] = {"impact": impact, "reason": reason.strip()}
    if results != assessment.lens_results:
        before = snapshot(assessment)
        assessment.lens_results = results
        assessment.lock_version += 1
        assessment.updated_by = actor
        _audited_save(
            actor=actor, organisation=organisation, action="lens_result_set", instance=assessment, before=before
        )
    elif changed:
        _touch(assessment, actor)
    return assessment


def _check_trackable(action: AssessmentAction) -> None:
    if action.assessment.state == State.WITHDRAWN:
        raise ValidationError(_("This assessment was withdrawn: its actions are closed."))


@transaction.atomic
def assessment_action_track(
    *, actor: Any, action: AssessmentAction, objective: Any = None, tracked: Any = None
) -> AssessmentAction:
    """Follow an assessment's action in the action tracker, with all other actions: link it to an existing tracked
    action (``tracked``), or create one under ``objective`` with the same text, owner and due date."""
    from dueregard.objectives import services as objective_services

    organisation = action.assessment.organisation
    require_permission(actor, organisation, Permission.OBJECTIVE_MANAGE)
    _check_trackable(action)
    if (objective is None) == (tracked is None):
        raise _refuse("objective", _("Choose an objective to add the action to, or an action to link it with."))
    if tracked is not None and tracked.organisation_id != organisation.pk:
        raise _refuse("tracked", _("Choose an action of this organisation."))
    if objective is not None and objective.organisation_id != organisation.pk:
        raise _refuse("objective", _("Choose an objective of this organisation."))
    action = AssessmentAction.objects.select_for_update().select_related("assessment").get(pk=action.pk)
    if objective is not None:
        tracked = objective_services.action_create(
            actor=actor,
            objective=objective,
            title=action.text,
            desired_outcome=_("From equality impact assessment %(reference)s: %(title)s")
            % {"reference": action.assessment.reference, "title": action.assessment.title},
            owner_user=action.owner_user,
            owner_text=action.owner_text,
            timescale_text=action.due_date.strftime("%d/%m/%Y") if action.due_date else "",
        )
    before = snapshot(action)
    action.tracked_action = tracked
    _audited_save(
        actor=actor, organisation=organisation, action="assessment_action_track", instance=action, before=before
    )
    return action


@transaction.atomic
def assessment_action_untrack(*, actor: Any, action: AssessmentAction) -> AssessmentAction:
    """Remove the link to the action tracker (the tracked action itself stays)."""
    organisation = action.assessment.organisation
    require_permission(actor, organisation, Permission.OBJECTIVE_MANAGE)
    action = AssessmentAction.objects.select_for_update().get(pk=action.pk)
    before = snapshot(action)
    action.tracked_action = None
    _audited_save(
        actor=actor, organisation=organisation, action="assessment_action_untrack", instance=action, before=before
    )
    return action
