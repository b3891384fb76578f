"""Pages to import an existing plan: upload → columns → preview → confirm. Thin: the reading is in
``objectives.importing``, the saving in ``importing.commit.plan_import_commit``.

Between the steps the file's rows (not the file) are kept in ``DATA_DIR/imports/<random>.json``, readable only by
the server's user, named in the person's session; the file is deleted when the plan is saved or the import is
cancelled, and any left behind is deleted after a day (at the next upload). Uploads can hold personal data (names of
owners), so they are neither kept in the session cookie nor left on disk.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from dueregard.objectives.forms_import import FIELD_LABELS, ConfirmForm, MappingForm, UploadForm
from dueregard.objectives.importing.commit import ImportRefusedError, plan_import_commit, preview_for
from dueregard.objectives.importing.layout import Layout, detect_layout, plain
from dueregard.objectives.importing.reading import ImportFileError, RawRow, RawTable, read_bytes
from dueregard.objectives.models import ActionStatus
from dueregard.organisations.navigation import crumbs, organisation_context
from dueregard.organisations.roles import Permission, require_permission
from dueregard.organisations.selectors import organisation_for_member
from dueregard.web.pagination import page_number, pagination
from dueregard.web.pending_uploads import PendingUpload

SESSION_KEY = "plan_import"
PREVIEW_PAGE_SIZE = 25  # objectives per page of the preview: a 5,000-row plan stays a readable page


PLAN_UPLOAD = PendingUpload(SESSION_KEY, ".json")


def _store(request: HttpRequest, slug: str, table: RawTable, mapping: list[str]) -> None:
    rows = [[row.number, row.cells, row.location, row.new_table, row.table, row.width] for row in table.rows]
    payload = {"filename": table.filename, "rows": rows, "warnings": table.warnings}
    PLAN_UPLOAD.store(request, slug, json.dumps(payload).encode("utf-8"), mapping=mapping)


def _load(request: HttpRequest, slug: str) -> tuple[RawTable, list[str]] | None:
    loaded = PLAN_UPLOAD.load(request, slug)
    if loaded is None:
        return None
    content, state = loaded
    payload = json.loads(content.decode("utf-8"))
    rows = [RawRow(*row) for row in payload["rows"]]
    return RawTable(filename=payload["filename"], rows=rows, warnings=payload["warnings"]), state["mapping"]


def _context(request: HttpRequest, organisation: Any, title: str) -> dict[str, Any]:
    context = organisation_context(request, organisation, active="objectives")
    context["page_title"] = title
    context["breadcrumbs"] = crumbs(
        organisation,
        (_("Objectives"), reverse("objectives:list", args=[organisation.slug])),
        (title, None),
    )
    return context


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    require_permission(request.user, organisation, Permission.OBJECTIVE_MANAGE)
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        try:
            table = read_bytes(upload_file.read(), filename=upload_file.name)
        except ImportFileError as error:
            form.add_error("file", error.reason[:1].upper() + error.reason[1:])
        else:
            layout = detect_layout(table)
            mapping = layout.mapping if layout else ["ignore"] * len(table.rows[0].cells)
            _store(request, slug, table, mapping)
            return redirect("objectives:import_columns", slug)
    return render(
        request, "objectives/import/upload.html", {**_context(request, organisation, _("Import a plan")), "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def columns(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    require_permission(request.user, organisation, Permission.OBJECTIVE_MANAGE)
    loaded = _load(request, slug)
    if loaded is None:
        messages.error(request, _("Upload the file again: the import was not found or has expired."))
        return redirect("objectives:import_upload", slug)
    table, mapping = loaded
    layout = detect_layout(table)
    headers = layout.headers if layout else table.rows[0].cells
    form = MappingForm(request.POST or None, headers=headers, mapping=mapping, samples=_samples(table, layout))
    if request.method == "POST" and form.is_valid():
        PLAN_UPLOAD.update(request, mapping=form.mapping())
        return redirect("objectives:import_preview", slug)
    context = _context(request, organisation, _("Say what each column holds"))
    context.update({"form": form, "filename": table.filename})
    return render(request, "objectives/import/columns.html", context)


def _samples(table: RawTable, layout: Layout | None, limit: int = 80) -> list[str]:
    """The first entry under each heading (to help say what the column holds), shortened."""
    start = layout.header_index + 1 if layout else 1
    header = table.rows[start - 1].cells if table.rows else []
    samples: list[str] = []
    for column in range(len(header)):
        found = next(
            (
                plain(row.cells[column])
                for row in table.rows[start:]
                if row.cells != header and plain(row.cells[column])
            ),
            "",
        )
        samples.append(found if len(found) <= limit else found[: limit - 1] + "…")
    return samples


@login_required
@require_http_methods(["GET", "POST"])
def preview(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    require_permission(request.user, organisation, Permission.OBJECTIVE_MANAGE)
    loaded = _load(request, slug)
    if loaded is None:
        messages.error(request, _("Upload the file again: the import was not found or has expired."))
        return redirect("objectives:import_upload", slug)
    table, mapping = loaded
    reading = preview_for(organisation, table, mapping)
    form = ConfirmForm(request.POST or None, initial={"title": Path(table.filename).stem})
    if request.method == "POST" and form.is_valid():
        try:
            result = plan_import_commit(
                actor=request.user,
                organisation=organisation,
                preview=reading,
                plan_title=form.cleaned_data["title"],
                only_valid_rows=form.cleaned_data["only_valid_rows"],
            )
        except ImportRefusedError:
            form.add_error(
                "only_valid_rows",
                _(
                    "The file has errors. Fix them and upload it again, "
                    "or choose to import only the rows without errors"
                ),
            )
        else:
            PLAN_UPLOAD.discard(request)
            message = _("Plan ‘%(title)s’ imported: %(objectives)s objectives, %(actions)s actions.") % {
                "title": result.plan.title,
                **result.counts,
            }
            if result.skipped_rows:
                message += " " + _("Rows left out because of errors: %(rows)s.") % {
                    "rows": ", ".join(map(str, result.skipped_rows))
                }
            messages.success(request, message)
            return redirect("objectives:list", slug)
    context = _context(request, organisation, _("Check how your plan will be read"))
    page = min(page_number(request), max((len(reading.objectives) + PREVIEW_PAGE_SIZE - 1) // PREVIEW_PAGE_SIZE, 1))
    shown = reading.objectives[(page - 1) * PREVIEW_PAGE_SIZE : page * PREVIEW_PAGE_SIZE]
    row_pages = {
        row: index // PREVIEW_PAGE_SIZE + 1
        for index, objective in enumerate(reading.objectives)
        for row in objective.rows
    }
    context.update(
        {
            "form": form,
            "preview": reading,
            "objectives_shown": shown,
            "page_number": page,
            "first_shown": (page - 1) * PREVIEW_PAGE_SIZE + 1,
            "row_pages": row_pages,
            "pagination": pagination(request, len(reading.objectives), PREVIEW_PAGE_SIZE),
            "counts": reading.counts(),
            "filename": table.filename,
            "field_labels": FIELD_LABELS,
            "problems_by_row": _by_row(reading.problems),
            "status_labels": dict(ActionStatus.choices),
        }
    )
    return render(request, "objectives/import/preview.html", context)


def _by_row(problems: list[Any]) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = {}
    for problem in problems:
        out.setdefault(problem.row, []).append(problem)
    return out


@login_required
@require_POST
def cancel(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_for_member(user=request.user, slug=slug)
    require_permission(request.user, organisation, Permission.OBJECTIVE_MANAGE)
    PLAN_UPLOAD.discard(request)
    messages.success(request, _("The import was cancelled and the file deleted."))
    return redirect("objectives:list", slug)
