"""Forms of the impact-assessment pages: they parse and check input; the services make the changes.

Every form that changes an assessment carries ``lock_version`` (the version the editor opened), so a save after
someone else's is refused rather than overwriting it (``services.ConcurrentEditError``)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from dueregard.assessments.models import (
    ActionStatus,
    AssessmentState,
    EvidenceKind,
    Function,
    Impact,
    Lens,
    Outcome,
    ScreeningDecision,
    SubjectKind,
    SubjectStatus,
)
from dueregard.assessments.rules import MATRIX
from dueregard.objectives.forms import DATE_FORMATS
from dueregard.objectives.models import Aim, Characteristic
from dueregard.organisations.models import Membership, Organisation, Unit

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
YES_NO_UNSURE = [("yes", _("Yes")), ("no", _("No")), ("", _("Not assessed"))]


def _date_field(label: Any, *, required: bool = False, help_text: Any = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=help_text or _("For example, 31 3 2027 or 2027-03-31"),
    )


def _text(label: Any, help_text: Any, *, rows: int = 4, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label, help_text=help_text, required=required, widget=forms.Textarea(attrs={"rows": rows})
    )


def yes_no_value(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "")


def yes_no_initial(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def unit_choices(organisation: Organisation) -> list[tuple[Any, Any]]:
    units = Unit.objects.filter(organisation=organisation).order_by("name").values_list("pk", "name")
    return [("", _("No unit")), *units]


def member_choices(organisation: Organisation, empty: Any) -> list[tuple[Any, Any]]:
    people = (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__full_name")
        .values_list("user_id", "user__full_name", "user__email")
    )
    seen: dict[int, str] = {}
    for user_id, name, email in people:
        seen.setdefault(user_id, name or email)
    return [("", empty), *seen.items()]


class LockedForm(forms.Form):
    lock_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


# --- the list and the start ---------------------------------------------------------------------------------


class AssessmentFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, help_text=_("Words in the title, or the reference"))
    state = forms.ChoiceField(label=_("State"), required=False, help_text=_("Where the assessment is in its life."))
    unit = forms.TypedChoiceField(
        label=_("Unit"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("The part of the organisation responsible."),
    )
    review = forms.ChoiceField(
        label=_("Review"),
        required=False,
        help_text=_("Settled assessments by their review date."),
        choices=[
            ("", _("Any review date")),
            ("overdue", _("Review overdue")),
            ("soon", _("Review due in the next 3 months")),
        ],
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        states: list[tuple[Any, Any]] = [("", _("Current versions, any state")), *AssessmentState.choices]
        cast(forms.ChoiceField, self.fields["state"]).choices = states
        units: list[tuple[Any, Any]] = [("", _("All")), *unit_choices(organisation)[1:]]
        cast(forms.ChoiceField, self.fields["unit"]).choices = units


class StartForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=250, help_text=_("Name the policy, function or decision being assessed.")
    )
    subject_kind = forms.ChoiceField(
        label=_("What is assessed"),
        choices=SubjectKind.choices,
        widget=forms.RadioSelect,
        initial=SubjectKind.POLICY,
        help_text=_("Choose the closest. A budget saving or a procurement is assessed like a policy."),
    )
    subject_status = forms.ChoiceField(
        label=_("New or existing"),
        choices=SubjectStatus.choices,
        widget=forms.RadioSelect,
        initial=SubjectStatus.NEW,
        help_text=_("A budget-driven change is one made to save money."),
    )
    function = forms.TypedChoiceField(
        label=_("Function in the register"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("The function or policy in the functions register that this assessment covers, if any."),
    )
    unit = forms.TypedChoiceField(
        label=_("Organisation unit"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("The part of the organisation responsible for the policy."),
    )
    parent_reference = forms.CharField(
        label=_("Build on another assessment (optional)"),
        required=False,
        max_length=30,
        help_text=_(
            "The reference of a signed-off or published assessment to start from, for example one by your parent "
            "organisation (EIA-2026-0003). Its purpose, scope, screening, evidence and impact matrix are copied and "
            "the link is kept."
        ),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        functions = Function.objects.filter(organisation=organisation, is_relevant=True).values_list("pk", "name")
        cast(forms.ChoiceField, self.fields["function"]).choices = [("", _("Not in the register")), *functions]
        cast(forms.ChoiceField, self.fields["unit"]).choices = unit_choices(organisation)


# --- the steps ----------------------------------------------------------------------------------------------


class PurposeForm(LockedForm):
    title = forms.CharField(label=_("Title"), max_length=250, help_text=_("Name the policy, function or decision."))
    unit = forms.TypedChoiceField(
        label=_("Organisation unit"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("The part of the organisation responsible for the policy."),
    )
    responsible_senior_person = forms.CharField(
        label=_("Responsible senior person"),
        max_length=250,
        required=False,
        help_text=_("The senior manager accountable for the policy, for example the Director of Human Resources."),
    )
    decision_maker = forms.TypedChoiceField(
        label=_("Decision-maker"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("The person who takes the decision. They confirm that they read this assessment before deciding."),
    )
    subject_kind = forms.ChoiceField(
        label=_("What is assessed"),
        choices=SubjectKind.choices,
        help_text=_("Choose the closest. A budget saving or a procurement is assessed like a policy."),
    )
    subject_status = forms.ChoiceField(
        label=_("New or existing"),
        choices=SubjectStatus.choices,
        help_text=_("A budget-driven change is one made to save money."),
    )
    function = forms.TypedChoiceField(
        label=_("Function in the register"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("The function or policy in the functions register that this assessment covers, if any."),
    )
    purpose = _text(_("Aims of the policy"), _("What is the policy for, and what should it achieve?"))
    scope = _text(
        _("Who it affects and how many"),
        _("Which people it affects (staff, the public, both), and roughly how many."),
    )
    affects_public = forms.BooleanField(
        label=_("It affects the public"), required=False, help_text=_("Service users, residents, applicants.")
    )
    affects_staff = forms.BooleanField(
        label=_("It affects staff"), required=False, help_text=_("Employees, applicants for jobs, contractors.")
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        functions = Function.objects.filter(organisation=organisation).values_list("pk", "name")
        cast(forms.ChoiceField, self.fields["function"]).choices = [("", _("Not in the register")), *functions]
        cast(forms.ChoiceField, self.fields["unit"]).choices = unit_choices(organisation)
        cast(forms.ChoiceField, self.fields["decision_maker"]).choices = member_choices(
            organisation, _("Not named yet")
        )


class ScreeningForm(LockedForm):
    screening_eliminate = _text(
        _("Relevance to eliminating discrimination, harassment and victimisation"),
        _("Could the policy lead to anyone being treated unfairly, harassed or victimised?"),
    )
    screening_advance = _text(
        _("Relevance to advancing equality of opportunity"),
        _("Could it widen or narrow gaps between groups, or help meet the needs of some groups?"),
    )
    screening_foster = _text(
        _("Relevance to fostering good relations"),
        _("Could it affect relations between people who share a characteristic and those who do not?"),
    )
    screening_decision = forms.ChoiceField(
        label=_("Is a full assessment needed?"),
        required=False,
        choices=[c for c in ScreeningDecision.choices if c[0]],
        widget=forms.RadioSelect,
        help_text=_("If in doubt, carry out a full assessment."),
    )
    screening_reasons = _text(
        _("Reasons for the screening decision"),
        _("Say why, with the evidence. A policy screened out is signed off by an approver and published with them."),
    )


class EvidenceGapsForm(LockedForm):
    data_gaps = _text(
        _("Data gaps"), _("Which information is missing: groups not monitored, too few responses, old figures.")
    )
    data_gaps_plan = _text(
        _("How the data gaps will be filled"), _("What you will collect or commission, and by when.")
    )


class EvidenceItemForm(LockedForm):
    kind = forms.ChoiceField(
        label=_("Kind of evidence"),
        choices=EvidenceKind.choices,
        initial=EvidenceKind.OTHER,
        help_text=_("Monitoring data, research, complaints, consultation results, census or benchmark data."),
    )
    title = forms.CharField(
        label=_("Title"), max_length=250, help_text=_("For example, Staff survey 2026, results by ethnic group")
    )
    url = forms.URLField(
        label=_("Web address"),
        required=False,
        max_length=1000,
        assume_scheme="https",
        help_text=_("A link to the document or data, if there is one."),
    )
    summary = _text(_("What it shows"), _("The findings that matter for this assessment."), rows=3)


class NoEngagementForm(LockedForm):
    no_engagement_reason = _text(
        _("Why nobody was involved or consulted"),
        _(
            "Only if there was no engagement: for example, the change is technical and was tested with staff networks "
            "last year."
        ),
        rows=3,
    )


class EngagementForm(LockedForm):
    aims = _text(_("Aims of the engagement"), _("What were people asked, and why?"), rows=2, required=True)
    groups = _text(
        _("Who was involved"),
        _("The groups or representatives involved, for example the disabled staff network."),
        rows=2,
        required=True,
    )
    held_on = _date_field(_("When"), required=True)
    method = forms.CharField(
        label=_("How"), max_length=250, help_text=_("For example, a workshop, a survey, a public meeting.")
    )
    what_they_said = _text(_("What they said"), _("The main points people made."), rows=3)
    what_changed = _text(_("What changed as a result"), _("How the policy changed after hearing them."), rows=3)
    meaningful = forms.ChoiceField(
        label=_("Meaningful: timed to feed into the decision?"),
        choices=YES_NO_UNSURE,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Held early enough for what people said to shape the decision."),
    )
    representative = forms.ChoiceField(
        label=_("Representative of the groups affected?"),
        choices=YES_NO_UNSURE,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("The people involved reflect those the policy affects, not only the easiest to reach."),
    )
    effective = forms.ChoiceField(
        label=_("Effective: did it make a genuine impact on the policy?"),
        choices=YES_NO_UNSURE,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("What people said was weighed and could change the outcome."),
    )
    suitable = forms.ChoiceField(
        label=_("Suitable for the topic and the groups?"),
        choices=YES_NO_UNSURE,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Accessible formats, interpreters, times and places that suit the people involved."),
    )
    quality_notes = _text(_("Notes on these qualities"), _("Anything that qualifies the answers above."), rows=2)


def cell_field_name(characteristic: str, aim: str) -> str:
    return f"impact_{characteristic}_{aim}"


def reason_field_name(characteristic: str, aim: str) -> str:
    return f"reason_{characteristic}_{aim}"


IMPACT_CHOICES = list(Impact.choices)


class ImpactMatrixForm(LockedForm):
    """One fieldset per characteristic; within it, per aim, the impact (radios) and the reason. Marriage and civil
    partnership only under aim (a)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for characteristic, aim in MATRIX:
            self.fields[cell_field_name(characteristic, aim)] = forms.ChoiceField(
                label=Aim(aim).label,
                choices=IMPACT_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                help_text=_("Unknown, where the evidence is missing."),
            )
            self.fields[reason_field_name(characteristic, aim)] = forms.CharField(
                label=_("Reason and evidence"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Needed unless the impact is neutral: what makes you think so, and on what evidence."),
            )

    def groups(self) -> list[tuple[str, str, list[tuple[Any, Any]]]]:
        """(characteristic, label, [(impact field, reason field)]) for the template."""
        out = []
        for characteristic in Characteristic.values:
            pairs = [
                (self[cell_field_name(c, a)], self[reason_field_name(c, a)]) for c, a in MATRIX if c == characteristic
            ]
            out.append((characteristic, str(Characteristic(characteristic).label), pairs))
        return out

    def cells(self) -> dict[tuple[str, str], tuple[str, str]]:
        """The cells the person answered (an unanswered one is left as it was)."""
        data = self.cleaned_data
        return {
            (c, a): (data[cell_field_name(c, a)], data[reason_field_name(c, a)])
            for c, a in MATRIX
            if data.get(cell_field_name(c, a))
        }


class LensesForm(LockedForm):
    def __init__(self, *args: Any, lenses: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lenses = lenses
        for lens in lenses:
            self.fields[f"lens_{lens}"] = forms.ChoiceField(
                label=Lens(lens).label,
                choices=IMPACT_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                help_text=_("The likely impact on people through this lens."),
            )
            self.fields[f"lens_reason_{lens}"] = forms.CharField(
                label=_("Reason and evidence"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Needed unless the impact is neutral."),
            )

    def results(self) -> dict[str, tuple[str, str]]:
        data = self.cleaned_data
        return {
            lens: (data[f"lens_{lens}"], data[f"lens_reason_{lens}"])
            for lens in self.lenses
            if data.get(f"lens_{lens}")
        }


class AdverseForm(LockedForm):
    adverse_duty_met = _text(
        _("Is the general duty still met?"),
        _("Say whether, with this impact, the organisation still has due regard to the three aims."),
        rows=3,
    )
    adverse_alternatives = _text(
        _("Alternatives without the adverse impact"),
        _("Other ways of meeting the aims of the policy that would avoid or lessen the impact."),
        rows=3,
    )
    adverse_unavoidable = forms.ChoiceField(
        label=_("Is the adverse impact unavoidable?"),
        choices=YES_NO,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("If it is, justify it below by the aims and importance of the policy."),
    )
    adverse_justification = _text(
        _("Justification by the aims of the policy"),
        _("Why the aims of the policy justify the impact that remains."),
        rows=3,
    )
    adverse_mitigation = _text(
        _("Measures to reduce the adverse impact"),
        _("What will be done to reduce or remove it. Put each measure in the action plan too."),
        rows=3,
    )
    second_consultation_needed = forms.ChoiceField(
        label=_("Is a second round of consultation needed?"),
        choices=YES_NO,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Consider how much the change affects people's daily lives and how far the proposal has changed."),
    )
    second_consultation_reasons = _text(
        _("Reasons"),
        _("The effect on daily lives and the difference from the original proposal that led to your answer."),
        rows=3,
    )

    BOOLEAN_FIELDS = ("adverse_unavoidable", "second_consultation_needed")


class OutcomeForm(LockedForm):
    outcome = forms.ChoiceField(
        label=_("Outcome of the assessment"),
        choices=[c for c in Outcome.choices if c[0]],
        required=False,
        widget=forms.RadioSelect,
        help_text=_("'Continue despite adverse impact' needs a negative impact and its justification."),
    )
    outcome_details = _text(
        _("Changes made or justification"),
        _("The changes made to the policy, or why it continues or stops."),
        rows=4,
    )
    decision_paper_url = forms.URLField(
        label=_("Decision paper"),
        required=False,
        max_length=1000,
        assume_scheme="https",
        help_text=_("A link to the committee paper or the record of the decision."),
    )
    review_date = _date_field(
        _("Review date"),
        help_text=_("When this assessment will be reviewed, from today on. For example, 31 3 2027."),
    )


class ActionForm(LockedForm):
    text = _text(_("Action"), _("What will be done, for example: offer easy-read versions of the form."), rows=2)
    owner_user = forms.TypedChoiceField(
        label=_("Owner"), required=False, coerce=int, empty_value=None, help_text=_("The person responsible.")
    )
    owner_text = forms.CharField(
        label=_("Owner, if not listed"),
        required=False,
        max_length=250,
        help_text=_("For example, a team or a partner organisation."),
    )
    due_date = _date_field(_("Due date"))
    characteristics = forms.MultipleChoiceField(
        label=_("Protected characteristics it addresses"),
        choices=Characteristic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Select all that apply."),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["owner_user"]).choices = member_choices(organisation, _("Choose a person"))


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=ActionStatus.choices, help_text=_("Done once the action is carried out.")
    )


class TrackForm(forms.Form):
    objective = forms.TypedChoiceField(
        label=_("Add it to the action tracker under this objective"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("A new action is created with the same text, owner and due date."),
    )
    tracked = forms.TypedChoiceField(
        label=_("Or link it to an action already in the tracker"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Choose this when the work is already planned."),
    )

    def __init__(self, *args: Any, objectives: Any, actions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        objective_choices = [(o.pk, f"{o.reference}. {o.statement[:80]}") for o in objectives]
        action_choices = [(a.pk, f"{a.objective.reference}: {a.title[:80]}") for a in actions]
        cast(forms.ChoiceField, self.fields["objective"]).choices = [("", _("Choose an objective")), *objective_choices]
        cast(forms.ChoiceField, self.fields["tracked"]).choices = [("", _("Choose an action")), *action_choices]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("objective")) == bool(data.get("tracked")):
            raise forms.ValidationError(_("Choose an objective, or an action already in the tracker: one of the two."))
        return data


class DecisionConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I read this equality impact assessment before taking the decision"),
        help_text=_("Due regard is had before and at the time of the decision, not afterwards."),
        error_messages={"required": _("Confirm that you read the assessment before deciding.")},
    )
    decision_date = _date_field(_("Date of the decision"), required=True)
    decision_paper_url = forms.URLField(
        label=_("Decision paper"),
        required=False,
        max_length=1000,
        assume_scheme="https",
        help_text=_("A link to the committee paper or the record of the decision."),
    )


class WithdrawForm(LockedForm):
    reason = _text(_("Why is the assessment withdrawn?"), _("For example, the proposal was dropped."), rows=3)
