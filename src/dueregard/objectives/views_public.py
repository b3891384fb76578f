"""Published objectives and the annual progress statement, for anyone, with CSV and JSON downloads.

Only objectives and actions marked for publication appear, and owners appear as their unit, never as a person.
An organisation that has published nothing answers 404, like the rest of the public pages."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from dueregard.objectives import reporting
from dueregard.objectives.models import ActionStatus, Rag
from dueregard.objectives.views_reports import rag_bars_svg
from dueregard.organisations.selectors import organisation_public
from dueregard.web.exports import Table, csv_download, download


def _progress(slug: str) -> reporting.PublishedProgress:
    return reporting.published_progress(organisation=organisation_public(slug=slug))


@require_GET
def objectives(request: HttpRequest, slug: str) -> HttpResponse:
    progress = _progress(slug)
    organisation = progress.organisation
    context: dict[str, Any] = {
        "organisation": organisation,
        "progress": progress,
        "rag_order": [(rag.value, str(rag.label)) for rag in reporting.RAG_ORDER],
        "chart": rag_bars_svg([(line.objective.reference, line.rag) for line in progress.objectives]),
        "breadcrumbs": [
            {"text": _("Published equality information"), "href": reverse("organisations:public_index")},
            {"text": organisation.name, "href": reverse("organisations:public_organisation", args=[slug])},
            {"text": _("Objectives and progress")},
        ],
    }
    return render(request, "objectives/public/objectives.html", context)


def _status(code: str) -> str:
    return str(ActionStatus(code).label) if code in ActionStatus.values else code


def progress_table(progress: reporting.PublishedProgress) -> Table:
    """One row per published action (and one for each published objective that has none)."""
    header = [
        _("Objective reference"),
        _("Objective"),
        _("Business area"),
        _("Action"),
        _("Sub-action of"),
        _("Owning unit"),
        _("Timescale"),
        _("Due"),
        _("Status"),
        _("RAG"),
        _("Date of the latest update"),
        _("Latest update"),
    ]
    rows: list[list[Any]] = []
    for line in progress.objectives:
        objective = line.objective
        start = [objective.reference, objective.statement, objective.business_area]
        if not line.actions:
            rows.append([*start, "", "", "", "", None, "", "", None, ""])
        titles = {item.action.pk: item.action.title for item in line.actions}
        for item in line.actions:
            action = item.action
            rows.append(
                [
                    *start,
                    action.title,
                    titles.get(action.parent_id or 0, ""),
                    item.owner_unit,
                    action.timescale_text,
                    action.due_date,
                    _status(action.status),
                    "" if item.is_heading else str(Rag(item.rag.shown).label),
                    item.latest_update_on,
                    item.latest_update_text,
                ]
            )
    return Table(_("Objectives and progress"), header, rows)


@require_GET
def objectives_csv(request: HttpRequest, slug: str) -> HttpResponse:
    progress = _progress(slug)
    return csv_download(progress_table(progress), filename=f"{slug}-objectives-{progress.as_at.isoformat()}.csv")


def _date(value: Any) -> str | None:
    return value.isoformat() if value else None


def progress_data(progress: reporting.PublishedProgress) -> dict[str, Any]:
    """The statement as JSON-ready data. Keys are stable English names; labels follow the page's language."""
    return {
        "organisation": {"name": progress.organisation.name, "slug": progress.organisation.slug},
        "as_at": progress.as_at.isoformat(),
        "language": translation.get_language() or "en",
        "rag_summary": {rag.value: count for rag, count in progress.total.ordered()},
        "objectives": [
            {
                "reference": line.objective.reference,
                "statement": line.objective.statement,
                "business_area": line.objective.business_area,
                "description": line.objective.description,
                "desired_outcome": line.objective.desired_outcome,
                "status": line.objective.status,
                "period_start": _date(line.objective.period_start),
                "period_end": _date(line.objective.period_end),
                "plan": line.objective.plan.title if line.objective.plan else None,
                "rag_summary": {rag.value: count for rag, count in line.rag.ordered()},
                "actions": [
                    {
                        "title": item.action.title,
                        "is_heading": item.is_heading,
                        "depth": item.depth,
                        "owning_unit": item.owner_unit or None,
                        "timescale": item.action.timescale_text,
                        "due": _date(item.action.due_date),
                        "status": item.action.status,
                        "status_label": _status(item.action.status),
                        "rag": None if item.is_heading else item.rag.shown.value,
                        "rag_label": None if item.is_heading else str(Rag(item.rag.shown).label),
                        "latest_update": (
                            {"date": _date(item.latest_update_on), "text": item.latest_update_text}
                            if item.latest_update_on
                            else None
                        ),
                    }
                    for item in line.actions
                ],
            }
            for line in progress.objectives
        ],
    }


@require_GET
def objectives_json(request: HttpRequest, slug: str) -> HttpResponse:
    progress = _progress(slug)
    body = json.dumps(progress_data(progress), ensure_ascii=False, indent=2).encode("utf-8")
    response = download(
        body,
        filename=f"{slug}-objectives-{progress.as_at.isoformat()}.json",
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = response["Content-Disposition"].replace("attachment", "inline")
    return response
