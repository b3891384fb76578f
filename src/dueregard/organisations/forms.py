"""Forms only parse and check input; the services make the changes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from dueregard.organisations.models import (
    Jurisdiction,
    Organisation,
    QuarterConvention,
    Sector,
    Unit,
    UnitKind,
    YearRangeConvention,
)
from dueregard.organisations.roles import Role


class OrganisationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    jurisdiction = forms.ChoiceField(
        label=_("Jurisdiction"),
        choices=Jurisdiction.choices,
        widget=forms.RadioSelect,
        help_text=_("This decides which specific duties apply and what must be published."),
    )
    sector = forms.ChoiceField(label=_("Sector"), choices=Sector.choices)
    headcount = forms.IntegerField(
        label=_("Number of employees"),
        min_value=0,
        required=False,
        help_text=_("Some duties depend on size, for example publishing gender pay gap figures from 250 employees."),
    )
    brand_colour = forms.RegexField(
        label=_("Brand colour"),
        regex=r"^#[0-9a-fA-F]{6}$",
        max_length=7,
        help_text=_("A # followed by 6 hexadecimal digits. White text on it must stay readable."),
        error_messages={"invalid": _("Enter a colour as # followed by 6 hexadecimal digits, like #1d70b8.")},
    )
    quarter_convention = forms.ChoiceField(
        label=_("When a plan says 'first quarter', read it as"),
        choices=QuarterConvention.choices,
        widget=forms.RadioSelect,
    )
    year_range_convention = forms.ChoiceField(
        label=_("When a plan says '2007-08', read it as"),
        choices=YearRangeConvention.choices,
        widget=forms.RadioSelect,
        help_text=_("A range written with a slash, like 2007/08, is always read as a financial year."),
    )

    @classmethod
    def for_organisation(cls, organisation: Organisation, data: Any = None) -> OrganisationForm:
        initial = {name: getattr(organisation, name) for name in cls.base_fields}
        return cls(data=data, initial=initial)


class UnitForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    parent = forms.ModelChoiceField(
        label=_("Part of"), queryset=Unit.objects.none(), required=False, empty_label=_("None (top level)")
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=UnitKind.choices)
    has_associate_scheme = forms.BooleanField(
        label=_("This part has its own associate scheme"),
        required=False,
        help_text=_("For a constituent part that keeps its own scheme under the organisation's overarching one."),
    )
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args: Any, organisation: Organisation, exclude: Unit | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        queryset = Unit.objects.filter(organisation=organisation).order_by("name")
        if exclude is not None:
            queryset = queryset.exclude(pk=exclude.pk)
        self.fields["parent"].queryset = queryset  # type: ignore[attr-defined]


class PersonAddForm(forms.Form):
    full_name = forms.CharField(
        label=_("Full name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    email = forms.EmailField(label=_("Email address"))
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only analysts can see record-level personal data."),
    )
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none(), required=False, empty_label=_("None"))

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(organisation=organisation).order_by("name")  # type: ignore[attr-defined]


class PersonRolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Untick every role to remove this person from the organisation."),
    )
