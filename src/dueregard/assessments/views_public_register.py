"""The published list of functions relevant to equality, for anyone (seed 001 §5.20): the criteria used to decide
which functions are included, how the list is reviewed and how new policies are handled, and the list itself, with a
CSV download. Owners appear as their unit; the reasons a function was left out are not published.

The page exists for an organisation that has at least one relevant function in its register, or that has published
other equality information (it is linked from that organisation's public page); otherwise it answers 404 like the
other public pages."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from dueregard.assessments.models import Function, Relevance, ReviewCycle
from dueregard.assessments.selectors import PublicRegister, functions_public
from dueregard.assessments.views_register import ChoiceLabels
from dueregard.organisations.models import Organisation
from dueregard.organisations.selectors import organisations_with_published_information
from dueregard.web.exports import Table, csv_download


def _register(slug: str) -> tuple[Organisation, PublicRegister]:
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise Http404
    register = functions_public(organisation=organisation)
    if not register.functions and not organisations_with_published_information().filter(pk=organisation.pk).exists():
        raise Http404
    return organisation, register


def _affects(function: Function) -> str:
    if function.affects_public and function.affects_staff:
        return _("The public and staff")
    if function.affects_public:
        return _("The public")
    if function.affects_staff:
        return _("Staff")
    return _("Neither the public nor staff")


class _Labels(ChoiceLabels):
    def __init__(self) -> None:
        super().__init__()
        self.cycle = {value: str(label) for value, label in ReviewCycle.choices}


def _rated(function: Function, labels: _Labels) -> list[tuple[str, str, str]]:
    """(characteristic, relevance, reason) for the characteristics the function is relevant to, highest first."""
    order = {Relevance.HIGH.value: 0, Relevance.MEDIUM.value: 1, Relevance.LOW.value: 2}
    rows = [row for row in function.relevances.all() if row.relevance != Relevance.NONE]
    rows.sort(key=lambda row: (order.get(row.relevance, 3), row.characteristic))
    return [(labels.characteristic[row.characteristic], labels.relevance[row.relevance], row.reason) for row in rows]


@require_GET
def functions(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, register = _register(slug)
    labels = _Labels()
    context: dict[str, Any] = {
        "organisation": organisation,
        "register": register,
        "priority_labels": labels.priority,
        "lines": [(function, _affects(function), _rated(function, labels)) for function in register.functions],
        "breadcrumbs": [
            {"text": _("Published equality information"), "href": reverse("organisations:public_index")},
            {"text": organisation.name, "href": reverse("organisations:public_organisation", args=[slug])},
            {"text": _("Functions relevant to equality")},
        ],
    }
    return render(request, "assessments/public_register/functions.html", context)


@require_GET
def functions_csv(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, register = _register(slug)
    labels = _Labels()
    header = [
        _("Function or policy"),
        _("Description"),
        _("Owning unit"),
        _("Affects"),
        _("Statutory"),
        _("Priority"),
        _("Review cycle"),
        _("Next review"),
        _("Relevance to protected characteristics"),
    ]
    rows = [
        [
            function.name,
            function.description,
            function.unit.name if function.unit else "",
            _affects(function),
            _("Yes") if function.is_statutory else _("No"),
            labels.priority[function.priority],
            labels.cycle[function.review_cycle_years],
            function.next_review_date,
            "; ".join(f"{label}: {level.lower()} ({reason})" for label, level, reason in _rated(function, labels)),
        ]
        for function in register.functions
    ]
    table = Table(title=_("Functions relevant to equality"), header=header, rows=rows)
    return csv_download(table, filename=f"{organisation.slug}-functions-register.csv")
