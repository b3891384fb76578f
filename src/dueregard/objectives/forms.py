"""Forms for objectives and actions: they parse and check input; the services make the changes."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dueregard.objectives.models import Action, ActionStatus, Aim, Characteristic, Direction, Rag
from dueregard.organisations.models import Organisation, Unit


class ActionFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, help_text=_("Words in the action, outcome or objective"))
    objective = forms.TypedChoiceField(label=_("Objective"), required=False, coerce=int, empty_value=None)
    unit = forms.TypedChoiceField(label=_("Unit"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False)
    rag = forms.ChoiceField(label=_("RAG"), required=False)

    def __init__(self, *args: Any, organisation: Organisation, objectives: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        everything: list[tuple[Any, Any]] = [("", _("All"))]
        units = Unit.objects.filter(organisation=organisation).order_by("name")
        choices = {
            "objective": everything + [(o.pk, f"{o.reference}. {o.statement[:60]}") for o in objectives],
            "unit": everything + [(u.pk, u.name) for u in units],
            "status": everything + list(ActionStatus.choices),
            "rag": everything + list(Rag.choices),
        }
        for name, options in choices.items():
            cast(forms.ChoiceField, self.fields[name]).choices = options


DATE_FORMATS = ["%Y-%m-%d", "%d %m %Y", "%d/%m/%Y", "%d-%m-%Y", "%d %B %Y", "%d %b %Y"]


class ProgressUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    text = forms.CharField(
        label=_("What has happened since the last update?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Say why, if the action has been withdrawn, transferred or not delivered."),
    )
    reported_on = forms.DateField(
        label=_("Date of the update"),
        widget=forms.DateInput(attrs={"type": "date"}),
        input_formats=DATE_FORMATS,
        help_text=_("For example, 27 3 2026 or 2026-03-27"),
    )
    completed_on = forms.DateField(
        label=_("Date it was completed (if complete)"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("reported_on", timezone.localdate())
        super().__init__(*args, **kwargs)


class RagOverrideForm(forms.Form):
    rag = forms.ChoiceField(
        label=_("RAG status"),
        required=False,
        choices=[("", _("Work it out from the dates and updates")), *Rag.choices],
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when you set the RAG status by hand. It is shown beside the status."),
    )


class ObjectiveForm(forms.Form):
    reference = forms.CharField(label=_("Reference"), max_length=20, help_text=_("For example, 1 or A2"))
    statement = forms.CharField(label=_("Objective"), widget=forms.Textarea(attrs={"rows": 3}))
    business_area = forms.CharField(label=_("Business area"), max_length=250, required=False)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    desired_outcome = forms.CharField(
        label=_("Desired outcome"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("The measurable equality outcome this objective should bring about."),
    )
    period_start = forms.DateField(
        label=_("Period starts"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    period_end = forms.DateField(
        label=_("Period ends"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("At most 4 years after the start."),
    )
    review_date = forms.DateField(
        label=_("Next annual review"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    characteristics = forms.MultipleChoiceField(
        label=_("Protected characteristics it addresses"),
        choices=Characteristic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    aims = forms.MultipleChoiceField(
        label=_("Aims of the general duty it addresses"),
        choices=Aim.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    unit = forms.ModelChoiceField(
        label=_("Owning unit"), queryset=Unit.objects.none(), required=False, empty_label=_("None")
    )
    source_strategy = forms.CharField(
        label=_("Source strategy"),
        max_length=250,
        required=False,
        help_text=_("The strategy or plan this objective comes from."),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = Unit.objects.filter(organisation=organisation).order_by("name")
        cast(forms.ModelChoiceField, self.fields["unit"]).queryset = units


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Action"), widget=forms.Textarea(attrs={"rows": 3}))
    parent = forms.ModelChoiceField(
        label=_("Part of"), queryset=Action.objects.none(), required=False, empty_label=_("None (a main action)")
    )
    desired_outcome = forms.CharField(
        label=_("Desired outcome"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    owner_user: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Owner"), queryset=None, required=False, empty_label=_("No one yet")
    )
    owner_unit = forms.ModelChoiceField(
        label=_("Owning unit"), queryset=Unit.objects.none(), required=False, empty_label=_("None")
    )
    timescale_text = forms.CharField(
        label=_("Timescale"),
        required=False,
        max_length=500,
        help_text=_("As you would write it, for example 'By April 2013', 'Quarterly' or 'first quarter of 2008-09'."),
    )

    def __init__(self, *args: Any, organisation: Organisation, objective: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        people = get_user_model().objects.filter(memberships__organisation=organisation).distinct()
        cast(forms.ModelChoiceField, self.fields["owner_user"]).queryset = people
        units = Unit.objects.filter(organisation=organisation).order_by("name")
        cast(forms.ModelChoiceField, self.fields["owner_unit"]).queryset = units
        headings = Action.objects.filter(objective=objective, parent__isnull=True)
        cast(forms.ModelChoiceField, self.fields["parent"]).queryset = headings


class MeasureForm(forms.Form):
    name = forms.CharField(label=_("Measure"), widget=forms.Textarea(attrs={"rows": 2}))
    unit = forms.CharField(
        label=_("Unit"), max_length=40, required=False, help_text=_("For example: percentage, people or days")
    )
    direction = forms.ChoiceField(label=_("Which way is better?"), choices=Direction.choices, widget=forms.RadioSelect)
    baseline = forms.DecimalField(label=_("Baseline"), required=False, max_digits=14, decimal_places=4)
    baseline_label = forms.CharField(label=_("Baseline period"), max_length=40, required=False)
    target = forms.DecimalField(label=_("Target"), required=False, max_digits=14, decimal_places=4)
    target_label = forms.CharField(label=_("Target date or period"), max_length=40, required=False)


class MeasureValueForm(forms.Form):
    period_label = forms.CharField(label=_("Period"), max_length=40, help_text=_("For example 2025/26 or Q2 2026"))
    period_end = forms.DateField(
        label=_("Period ends"), input_formats=DATE_FORMATS, widget=forms.DateInput(attrs={"type": "date"})
    )
    value = forms.DecimalField(label=_("Value"), max_digits=14, decimal_places=4)
    note = forms.CharField(label=_("Note"), max_length=250, required=False)


class EvidenceLinkForm(forms.Form):
    title = forms.CharField(label=_("What the evidence is"), max_length=250)
    url = forms.URLField(
        label=_("Web address"),
        required=False,
        max_length=1000,
        help_text=_("For example, a link to the document on your intranet. Leave empty for a paper record."),
        assume_scheme="https",
    )
