"""Importing a functions register from CSV or XLSX/ODS: upload → preview (every row, every problem) → import, all or
nothing. Thin: the reading is ``assessments.importing``, the saving ``services.function_import``.

Between the steps the uploaded file is kept in ``DATA_DIR/imports/<random>.register``, readable only by the server's
user and named in the person's session; it is deleted when the register is imported or the import is cancelled, and
any left behind is deleted after a day (at the next upload). The preview is the import itself, run and rolled back:
so it finds every problem the import would (a review date in the past, a name already in the register) and nothing
is saved until the person confirms.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from dueregard.assessments import importing, services
from dueregard.assessments.forms_register import FunctionUploadForm
from dueregard.assessments.models import Function, Priority, Relevance, ReviewCycle
from dueregard.objectives.models import Characteristic
from dueregard.organisations.models import Organisation
from dueregard.organisations.navigation import crumbs, organisation_context
from dueregard.organisations.roles import Permission, require_permission
from dueregard.organisations.selectors import organisation_for_member
from dueregard.web.pending_uploads import PendingUpload

SESSION_KEY = "function_import"


REGISTER_UPLOAD = PendingUpload(SESSION_KEY, ".register")


def _load(request: HttpRequest, slug: str) -> tuple[str, bytes] | None:
    loaded = REGISTER_UPLOAD.load(request, slug)
    if loaded is None:
        return None
    content, state = loaded
    return state["filename"], content


def read_upload(*, filename: str, content: bytes, organisation: Organisation) -> list[importing.FunctionRow]:
    """The rows of the file, or :class:`importing.FunctionImportError` when the file as a whole cannot be used (wrong
    type, broken, not UTF-8, empty, no "Function" column). Row-level problems are left for the preview."""
    try:
        table = importing.read_table(filename=filename, content=content)
    except UnicodeDecodeError as error:
        raise importing.FunctionImportError(
            [importing.RowError(0, "", _("The file is not UTF-8 text: save it again as “CSV UTF-8”."))]
        ) from error
    except csv.Error as error:
        raise importing.FunctionImportError(
            [importing.RowError(0, "", _("The file could not be read as CSV."))]
        ) from error
    rows, errors = importing.parse_rows(table, organisation=organisation)
    if not rows:
        whole_file = [error for error in errors if error.row <= 1] or [
            importing.RowError(0, "", _("The file has no functions in it: one function a row, under a heading row."))
        ]
        raise importing.FunctionImportError(whole_file)
    return rows


# The service names a field where the file has a column: say it as the file does.
FIELD_COLUMNS = {
    "name": "Function",
    "unit": "Unit",
    "exclusion_reason": "Reason not included",
    "priority": "Priority",
    "review_cycle_years": "Review cycle",
    "next_review_date": "Next review",
}


class _DryRunDoneError(Exception):
    def __init__(self, created: list[Function]) -> None:
        self.created = created


@dataclass
class Preview:
    rows: list[importing.FunctionRow]
    errors: list[importing.RowError] = field(default_factory=list)
    errors_by_row: dict[int, list[importing.RowError]] = field(default_factory=dict)
    would_create: int = 0


def preview_import(*, actor: Any, organisation: Organisation, filename: str, content: bytes) -> Preview:
    """Every row as it will be read, with every problem the import would find: the import is run and rolled back."""
    preview = Preview(rows=read_upload(filename=filename, content=content, organisation=organisation))
    try:
        with transaction.atomic():
            created = services.function_import(
                actor=actor, organisation=organisation, filename=filename, content=content
            )
            raise _DryRunDoneError(created)
    except _DryRunDoneError as dry_run:
        preview.would_create = len(dry_run.created)
    except importing.FunctionImportError as error:
        preview.errors = [
            importing.RowError(problem.row, FIELD_COLUMNS.get(problem.column, problem.column), problem.message)
            for problem in error.errors
        ]
    for problem in preview.errors:
        preview.errors_by_row.setdefault(problem.row, []).append(problem)
    return preview


def _context(request: HttpRequest, organisation: Any, title: str) -> dict[str, Any]:
    context = organisation_context(request, organisation, active="functions")
    context["page_title"] = title
    context["breadcrumbs"] = crumbs(
        organisation,
        (_("Functions register"), reverse("assessments:functions", args=[organisation.slug])),
        (title, None),
    )
    return context


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    require_permission(request.user, organisation, Permission.FUNCTION_MANAGE)
    posted = request.method == "POST"
    form = FunctionUploadForm(request.POST if posted else None, request.FILES if posted else None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        content = upload_file.read()
        try:
            read_upload(filename=upload_file.name, content=content, organisation=organisation)
        except importing.FunctionImportError as error:
            for problem in error.errors:
                form.add_error("file", problem.message)
        else:
            REGISTER_UPLOAD.store(request, slug, content, filename=upload_file.name)
            return redirect("assessments:function_import_preview", slug)
    context = _context(request, organisation, _("Import a functions register"))
    context.update(
        {
            "form": form,
            "characteristics": [str(label) for _value, label in Characteristic.choices],
        }
    )
    return render(request, "assessments/register/import_upload.html", context)


def _describe(item: importing.FunctionRow) -> dict[str, Any]:
    """What a row will become, in words for the preview table."""
    fields = item.fields
    cycle = fields.get("review_cycle_years", ReviewCycle.THREE_YEARLY)
    unit = fields.get("unit")
    return {
        "row": item.row,
        "name": item.name,
        "unit": unit.name if unit is not None else "",
        "included": fields.get("is_relevant", True),
        "exclusion_reason": fields.get("exclusion_reason", ""),
        "priority": str(Priority(fields["priority"]).label) if fields.get("priority") in Priority.values else "",
        "cycle": str(ReviewCycle(cycle).label) if cycle in ReviewCycle.values else "",
        "next_review": fields.get("next_review_date"),
        "relevance": [
            (str(Characteristic(c).label), str(Relevance(level).label).lower() if level in Relevance.values else level)
            for c, (level, _reason) in item.relevance.items()
        ],
    }


@login_required
@require_http_methods(["GET", "POST"])
def preview(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    require_permission(request.user, organisation, Permission.FUNCTION_MANAGE)
    loaded = _load(request, slug)
    if loaded is None:
        # Nothing waiting (never uploaded, cancelled, imported or expired): say so, and offer the upload.
        context = _context(request, organisation, _("Check the register before importing it"))
        context["nothing_waiting"] = True
        return render(request, "assessments/register/import_preview.html", context)
    filename, content = loaded
    if request.method == "POST":
        try:
            created = services.function_import(
                actor=request.user, organisation=organisation, filename=filename, content=content
            )
        except importing.FunctionImportError:
            messages.error(request, _("Nothing was imported: the file has errors. Fix them and upload it again."))
        else:
            REGISTER_UPLOAD.discard(request)
            count = len(created)
            messages.success(
                request,
                ngettext(
                    "%(count)s function was added to the register.",
                    "%(count)s functions were added to the register.",
                    count,
                )
                % {"count": count},
            )
            return redirect("assessments:functions", slug)
    reading = preview_import(actor=request.user, organisation=organisation, filename=filename, content=content)
    context = _context(request, organisation, _("Check the register before importing it"))
    context.update(
        {
            "filename": filename,
            "preview": reading,
            "rows": [_describe(item) for item in reading.rows],
        }
    )
    return render(request, "assessments/register/import_preview.html", context)


@login_required
@require_POST
def cancel(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    require_permission(request.user, organisation, Permission.FUNCTION_MANAGE)
    REGISTER_UPLOAD.discard(request)
    messages.success(request, _("The import was cancelled and the file deleted."))
    return redirect("assessments:functions", slug)
