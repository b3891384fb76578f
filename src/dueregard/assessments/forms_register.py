"""Forms of the functions register pages and the assessment dashboards: they parse and check input; the services make
the changes (and check again)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from dueregard.assessments.models import Priority, Relevance, ReviewCycle
from dueregard.objectives.forms import DATE_FORMATS
from dueregard.objectives.models import Characteristic
from dueregard.organisations.models import Organisation, Unit

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
UPLOAD_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".ods")
YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def _units(organisation: Organisation) -> Any:
    return Unit.objects.filter(organisation=organisation).order_by("name")


class FunctionFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"), required=False, max_length=200, help_text=_("Words in the name or description")
    )
    unit = forms.TypedChoiceField(label=_("Owning unit"), required=False, coerce=int, empty_value=None)
    included = forms.ChoiceField(
        label=_("Included as relevant"),
        required=False,
        choices=[("", _("All")), ("yes", _("Included")), ("no", _("Not included"))],
    )
    characteristic = forms.ChoiceField(
        label=_("Protected characteristic"),
        required=False,
        help_text=_("With a relevance below, only functions rated that way for this characteristic"),
    )
    relevance = forms.ChoiceField(label=_("Relevance"), required=False)
    priority = forms.ChoiceField(label=_("Priority"), required=False)
    overdue = forms.BooleanField(label=_("Only functions whose review is overdue"), required=False)

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        everything: list[tuple[Any, Any]] = [("", _("All"))]
        cast(forms.ChoiceField, self.fields["unit"]).choices = everything + [
            (unit.pk, unit.name) for unit in _units(organisation)
        ]
        cast(forms.ChoiceField, self.fields["characteristic"]).choices = everything + list(Characteristic.choices)
        cast(forms.ChoiceField, self.fields["relevance"]).choices = everything + list(Relevance.choices)
        cast(forms.ChoiceField, self.fields["priority"]).choices = everything + list(Priority.choices)


class FunctionForm(forms.Form):
    """Add or change one entry of the register. The defaults follow seed 001 §5.4: if in doubt, include; new
    functions, whose impact is unknown, are included; review every year or every three years, never less often."""

    name = forms.CharField(
        label=_("Function or policy"),
        max_length=250,
        help_text=_("As it appears in your business plan, for example 'Recruitment and selection'."),
        error_messages={"required": _("Enter the name of the function or policy")},
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the function does and for whom, in a sentence or two."),
    )
    unit = forms.ModelChoiceField(
        label=_("Owning unit"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("None"),
        help_text=_("The unit responsible for the function and for its assessments."),
    )
    affects_public = forms.BooleanField(
        label=_("It involves or affects the public"),
        required=False,
        help_text=_("In any way: as service users, applicants, residents or visitors."),
    )
    affects_staff = forms.BooleanField(
        label=_("It affects our staff"),
        required=False,
        help_text=_("For example employment policies, or changes to how staff work."),
    )
    is_statutory = forms.BooleanField(
        label=_("It is a statutory function"), required=False, help_text=_("Required by law rather than chosen.")
    )
    is_new = forms.BooleanField(
        label=_("It is a new function"),
        required=False,
        help_text=_("New functions, whose impact is not known yet, are included in the register as a rule."),
    )
    is_relevant = forms.ChoiceField(
        label=_("Is it included as relevant to equality?"),
        choices=[("yes", _("Yes, include it")), ("no", _("No, leave it out"))],
        widget=forms.RadioSelect,
        help_text=_(
            "If in doubt, include it: also when there is evidence or public concern that it affects some groups "
            "differently."
        ),
        error_messages={"required": _("Say whether the function is included as relevant")},
    )
    exclusion_reason = forms.CharField(
        label=_("Why it is left out"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when the function is left out: why it neither involves nor affects people."),
    )
    priority = forms.ChoiceField(
        label=_("Priority for assessment"),
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Leave empty on a new entry to take it from the highest relevance you rate (medium until then)."),
    )
    review_cycle_years = forms.TypedChoiceField(
        label=_("How often is it reviewed?"),
        choices=ReviewCycle.choices,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_(
            "Every year where the function is large and its impact significant; otherwise every three years. "
            "Never less often."
        ),
        error_messages={"required": _("Choose how often the function is reviewed")},
    )
    next_review_date = forms.DateField(
        label=_("Next review"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_(
            "From today, within one review cycle, for example 31 3 2027 or 2027-03-31. Leave empty on a new entry "
            "for one cycle from today."
        ),
        error_messages={"invalid": _("Enter the next review as a date, for example 31 3 2027 or 2027-03-31")},
    )

    def __init__(self, *args: Any, organisation: Organisation, adding: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["unit"]).queryset = _units(organisation)
        priority = cast(forms.ChoiceField, self.fields["priority"])
        if adding:
            priority.choices = [("", _("From the relevance")), *Priority.choices]
        else:
            priority.choices = list(Priority.choices)
            priority.required = True
            priority.help_text = _("High where the potential differential impact is greatest.")
            next_review = self.fields["next_review_date"]
            next_review.required = True
            next_review.help_text = _("From today, within one review cycle, for example 31 3 2027 or 2027-03-31.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("is_relevant") == "no" and not (data.get("exclusion_reason") or "").strip():
            self.add_error(
                "exclusion_reason", _("Say why this function is left out: if in doubt about its impact, include it")
            )
        return data

    def service_fields(self) -> dict[str, Any]:
        """The cleaned data as the services take it."""
        data = dict(self.cleaned_data)
        data["is_relevant"] = data["is_relevant"] == "yes"
        if data["is_relevant"]:
            data["exclusion_reason"] = ""
        for optional in ("priority", "next_review_date"):
            if not data.get(optional):
                data.pop(optional, None)
        return data


class RelevanceForm(forms.Form):
    """The potential differential impact of one function on each protected characteristic, with the reasons."""

    def __init__(self, *args: Any, current: dict[str, tuple[str, str]], **kwargs: Any) -> None:
        initial = kwargs.setdefault("initial", {})
        for characteristic, (level, reason) in current.items():
            initial.setdefault(f"level_{characteristic}", level)
            initial.setdefault(f"reason_{characteristic}", reason)
        super().__init__(*args, **kwargs)
        self.current = current
        for value, label in Characteristic.choices:
            rated = value in current
            self.fields[f"level_{value}"] = forms.ChoiceField(
                label=_("Relevance to %(characteristic)s") % {"characteristic": label},
                choices=([] if rated else [("", _("Not rated yet"))]) + list(Relevance.choices),
                required=rated,
                help_text=_("High, medium or low: the potential differential impact. None: no bearing on it."),
                error_messages={"required": _("Choose high, medium, low or none: a rating cannot be taken back")},
            )
            self.fields[f"reason_{value}"] = forms.CharField(
                label=_("Reason for %(characteristic)s") % {"characteristic": label},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("The evidence or concern behind the rating. Needed unless the relevance is none."),
            )

    def characteristics(self) -> list[tuple[str, str, forms.BoundField, forms.BoundField]]:
        return [
            (value, str(label), self[f"level_{value}"], self[f"reason_{value}"])
            for value, label in Characteristic.choices
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for value, label in Characteristic.choices:
            level = data.get(f"level_{value}")
            if level and level != Relevance.NONE and not (data.get(f"reason_{value}") or "").strip():
                self.add_error(
                    f"reason_{value}",
                    _("Give the reason why the relevance to %(characteristic)s is %(level)s")
                    % {"characteristic": label, "level": Relevance(level).label.lower()},
                )
        return data

    def changes(self) -> list[tuple[str, str, str]]:
        """(characteristic, level, reason) for every rating that is new or different."""
        out = []
        for value in Characteristic.values:
            level = self.cleaned_data.get(f"level_{value}") or ""
            reason = (self.cleaned_data.get(f"reason_{value}") or "").strip()
            if level and self.current.get(value) != (level, reason):
                out.append((value, level, reason))
        return out


class RegisterTextsForm(forms.Form):
    """What the public list of relevant functions says about how it was made (seed 001 §5.20 (i)–(ii))."""

    register_criteria = forms.CharField(
        label=_("How you decided which functions are relevant"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "The criteria or steps by which functions were considered for the list: for example that every main "
            "function is listed, that those affecting the public or staff stay on it, and that if in doubt a "
            "function is included."
        ),
        error_messages={"required": _("Describe the criteria used to decide which functions are relevant")},
    )
    register_review_procedure = forms.CharField(
        label=_("How the list is reviewed"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("How often the list is reviewed (every year or every three years) and how new policies join it."),
        error_messages={"required": _("Describe how the list is reviewed")},
    )


class FunctionUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Your functions register"),
        help_text=_("A CSV, Excel (XLSX) or OpenDocument (ODS) file with one function a row, up to 5 MB."),
        error_messages={
            "required": _("Choose the file with your functions register"),
            "empty": _("The file is empty: choose the file with your functions register"),
        },
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(UPLOAD_SUFFIXES):
            raise forms.ValidationError(_("The file must be a CSV, XLSX or ODS file"))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file must be smaller than 5 MB"))
        return upload


class CumulativeImpactForm(forms.Form):
    """Choose a set of assessments (a budget package, say) to see which characteristics carry negative impacts across
    several of them. A GET form: it only reads."""

    kind = forms.ChoiceField(label=_("What is assessed"), required=False)
    unit = forms.TypedChoiceField(label=_("Unit"), required=False, coerce=int, empty_value=None)
    q = forms.CharField(label=_("Words in the title"), required=False, max_length=200)
    assessment = forms.TypedMultipleChoiceField(
        label=_("Assessments in the set"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick the assessments that belong together, for example the savings of one budget."),
    )
    at_least = forms.TypedChoiceField(
        label=_("Show characteristics with negative impacts in"),
        choices=[(1, _("at least one of them")), (2, _("two or more of them"))],
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )

    def __init__(
        self,
        *args: Any,
        organisation: Organisation,
        kinds: list[tuple[str, Any]],
        choices: list[tuple[int, str]],
        **kw: Any,
    ) -> None:
        super().__init__(*args, **kw)
        everything: list[tuple[Any, Any]] = [("", _("All"))]
        cast(forms.ChoiceField, self.fields["kind"]).choices = everything + kinds
        cast(forms.ChoiceField, self.fields["unit"]).choices = everything + [
            (unit.pk, unit.name) for unit in _units(organisation)
        ]
        cast(forms.ChoiceField, self.fields["assessment"]).choices = choices
