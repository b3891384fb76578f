"""Forms for objectives and actions: they parse and check input; the services make the changes."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dueregard.objectives.models import ActionStatus, Rag
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
