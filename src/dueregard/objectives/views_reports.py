"""The quarterly board report: as a page, a PDF and an XLSX workbook. Any member of the organisation may read it
(board members are usually viewers). Thin: parse the period, call :func:`reporting.board_report`, render."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from importlib import resources
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from dueregard.objectives import reporting
from dueregard.objectives.forms import DATE_FORMATS
from dueregard.objectives.models import Action, ActionStatus, Rag
from dueregard.objectives.selectors import ActionRow
from dueregard.organisations.models import Organisation
from dueregard.organisations.navigation import crumbs, organisation_context
from dueregard.organisations.selectors import organisation_for_member
from dueregard.web.exports import Table, download, xlsx_download

PDF_TYPE = "application/pdf"


class ReportPeriodForm(forms.Form):
    since = forms.DateField(
        label=gettext_lazy("Show changes since"),
        help_text=gettext_lazy("For example, 30 9 2026. Leave empty to show changes since the end of last quarter."),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


# --- the chart ------------------------------------------------------------------------------------------------

BAR_WIDTH = 480
# Colours as SVG presentation attributes (allowed by the Content-Security-Policy, unlike inline styles), so the
# chart looks the same on the page and in the PDF; the same colours as the GOV.UK tags.
FILLS = {"red": "#d4351c", "amber": "#f47738", "green": "#00703c", "complete": "#1d70b8", "closed": "#b1b4b6"}
TEXT_ON = {"red": "#ffffff", "amber": "#0b0c0c", "green": "#ffffff", "complete": "#ffffff", "closed": "#0b0c0c"}
LABEL_WIDTH = 64
ROW_HEIGHT = 28
BAR_HEIGHT = 20


def rag_label(rag: str) -> str:
    return str(Rag(rag).label)


def status_label(status: str) -> str:
    return str(ActionStatus(status).label) if status in ActionStatus.values else status


def rag_bars_svg(lines: Sequence[tuple[str, reporting.RagCounts]]) -> SafeString:
    """A stacked bar of RAG counts per line (objective or unit), as decoration: hidden from screen readers, since
    the table after it carries the same numbers. Each segment is labelled with its count, and the legend names the
    colours in words, so the chart does not rely on colour alone either."""
    if not lines:
        return SafeString("")
    largest = max(counts.total for _label, counts in lines) or 1
    scale = BAR_WIDTH / largest
    legend_height = 24
    height = legend_height + ROW_HEIGHT * len(lines) + 4
    width = LABEL_WIDTH + BAR_WIDTH + 8
    parts: list[SafeString] = []
    x = 0
    for rag in reporting.RAG_ORDER:
        parts.append(
            format_html(
                '<rect class="app-rag-chart__segment app-rag-chart__segment--{}" fill="{}" x="{}" y="4" width="14" '
                'height="14"/><text class="app-rag-chart__legend" fill="#0b0c0c" x="{}" y="16">{}</text>',
                rag.value,
                FILLS[rag.value],
                x,
                x + 18,
                rag_label(rag.value),
            )
        )
        x += 24 + 9 * len(rag_label(rag.value))
    for index, (label, counts) in enumerate(lines):
        y = legend_height + index * ROW_HEIGHT
        parts.append(
            format_html('<text class="app-rag-chart__label" fill="#0b0c0c" x="0" y="{}">{}</text>', y + 15, label[:8])
        )
        offset = float(LABEL_WIDTH)
        for rag, count in counts.ordered():
            if not count:
                continue
            segment = round(count * scale, 2)
            parts.append(
                format_html(
                    '<rect class="app-rag-chart__segment app-rag-chart__segment--{}" fill="{}" x="{}" y="{}" '
                    'width="{}" height="{}"/>',
                    rag.value,
                    FILLS[rag.value],
                    round(offset, 2),
                    y,
                    segment,
                    BAR_HEIGHT,
                )
            )
            if segment >= 16:
                parts.append(
                    format_html(
                        '<text class="app-rag-chart__count app-rag-chart__count--{}" fill="{}" x="{}" y="{}">{}</text>',
                        rag.value,
                        TEXT_ON[rag.value],
                        round(offset + 4, 2),
                        y + 15,
                        count,
                    )
                )
            offset += segment
    body = format_html_join("", "{}", ((part,) for part in parts))
    return format_html(
        '<svg class="app-rag-chart" aria-hidden="true" focusable="false" width="{}" height="{}" '
        'viewBox="0 0 {} {}" xmlns="http://www.w3.org/2000/svg">{}</svg>',
        width,
        height,
        width,
        height,
        body,
    )


# --- shared between the page, the PDF and the workbook --------------------------------------------------------


def _since(request: HttpRequest) -> tuple[ReportPeriodForm, dt.date | None]:
    form = ReportPeriodForm(request.GET or None)
    since = form.cleaned_data["since"] if form.is_bound and form.is_valid() else None
    return form, since


def period_title(period: reporting.ReportPeriod) -> str:
    return _("Quarter %(number)s, %(year)s") % {"number": period.number, "year": period.year_label}


LIST_LIMIT = 50  # changed, overdue and unreported actions listed on the page and in the PDF; the XLSX has all


def _report(
    request: HttpRequest, slug: str, *, list_limit: int | None = LIST_LIMIT
) -> tuple[Organisation, ReportPeriodForm, reporting.BoardReport]:
    organisation = organisation_for_member(user=request.user, slug=slug)
    form, since = _since(request)
    report = reporting.board_report(actor=request.user, organisation=organisation, since=since, list_limit=list_limit)
    return organisation, form, report


def _report_context(report: reporting.BoardReport) -> dict[str, Any]:
    return {
        "report": report,
        "period_title": period_title(report.period),
        "objective_chart": rag_bars_svg([(line.objective.reference, line.rag) for line in report.objectives]),
        "rag_order": [(rag.value, str(rag.label)) for rag in reporting.RAG_ORDER],
        "status_label": status_label,
        "owner_of": owner_of,
        "number": number,
    }


def number(value: Decimal | None) -> str:
    """A measure's value without trailing zeros or an exponent: 12.5000 -> 12.5, 100.0000 -> 100."""
    if value is None:
        return ""
    return format(value.normalize(), "f")


def owner_of(action: Action) -> str:
    if action.owner_user_id and action.owner_user is not None:
        return str(action.owner_user)
    if action.owner_unit_id and action.owner_unit is not None:
        return action.owner_unit.name
    return action.owner_text or _("Not assigned")


def _query(request: HttpRequest) -> str:
    return ("?" + request.GET.urlencode()) if request.GET else ""


@login_required
@require_GET
def board(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, form, report = _report(request, slug)
    context = organisation_context(request, organisation, active="reports")
    context.update(_report_context(report))
    context.update(
        {
            "form": form,
            "pdf_url": reverse("objectives:report_board_pdf", args=[slug]) + _query(request),
            "xlsx_url": reverse("objectives:report_board_xlsx", args=[slug]) + _query(request),
            "breadcrumbs": crumbs(organisation, (_("Board report"), None)),
        }
    )
    return render(request, "objectives/reports/board.html", context)


def _filename(report: reporting.BoardReport, extension: str) -> str:
    return f"{report.organisation.slug}-board-report-{report.period.as_at.isoformat()}.{extension}"


def _refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    # The PDF is built from our own markup only; never let it fetch anything (not even a file: URL).
    raise ValueError(f"Fetching {url} is not allowed while making a PDF.")


def render_pdf(html: str, *, stylesheet: str) -> bytes:
    """HTML to a tagged PDF (PDF/UA-1: structure tags, document language and title from the HTML)."""
    from weasyprint import CSS, HTML

    document = HTML(string=html, url_fetcher=_refuse_fetch)
    pdf: bytes = document.write_pdf(stylesheets=[CSS(string=stylesheet)], pdf_variant="pdf/ua-1")
    return pdf


def print_stylesheet() -> str:
    return (
        resources.files("dueregard.objectives")
        .joinpath("jinja2/objectives/reports/print.css")
        .read_text(encoding="utf-8")
    )


@login_required
@require_GET
def board_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, _form, report = _report(request, slug)
    context = _report_context(report)
    context.update({"organisation": organisation, "language": translation.get_language() or "en"})
    html = render_to_string("objectives/reports/board_print.html", context, request=request)
    return download(
        render_pdf(html, stylesheet=print_stylesheet()), filename=_filename(report, "pdf"), content_type=PDF_TYPE
    )


def _rag_columns() -> list[str]:
    return [rag_label(rag.value) for rag in reporting.RAG_ORDER] + [_("Total")]


def _rag_values(counts: reporting.RagCounts) -> list[int]:
    return [count for _rag, count in counts.ordered()] + [counts.total]


def _action_line(row: ActionRow) -> list[Any]:
    action = row.action
    return [
        action.objective.reference,
        action.title,
        owner_of(action),
        action.timescale_text,
        action.due_date,
        status_label(action.status),
        rag_label(row.rag.shown.value),
        action.last_update_on,
    ]


def report_tables(report: reporting.BoardReport) -> list[Table]:
    """The report as tables: one sheet each in the workbook."""
    period = report.period
    about = Table(
        _("About this report"),
        [_("Item"), _("Value")],
        [
            [_("Organisation"), report.organisation.name],
            [_("Reporting period"), period_title(period)],
            [_("Quarter starts"), period.start],
            [_("Quarter ends"), period.end],
            [_("RAG status as at"), period.as_at],
            [_("Changes since"), period.since],
            [_("Actions"), report.action_count],
            [_("Progress updates in the period"), report.updates_in_period],
        ],
    )
    by_objective = Table(
        _("RAG by objective"),
        [_("Reference"), _("Objective"), *_rag_columns()],
        [[line.objective.reference, line.objective.statement, *_rag_values(line.rag)] for line in report.objectives]
        + [[_("All objectives"), "", *_rag_values(report.total)]],
    )
    by_unit = Table(
        _("RAG by unit"),
        [_("Unit"), *_rag_columns()],
        [[line.unit.name if line.unit else _("No owning unit"), *_rag_values(line.rag)] for line in report.units],
    )
    changes = Table(
        _("Changes"),
        [
            _("Objective"),
            _("Action"),
            _("Status before"),
            _("Status now"),
            _("RAG before"),
            _("RAG now"),
            _("Updates in the period"),
            _("Date of the latest update"),
            _("Latest update"),
        ],
        [
            [
                change.row.action.objective.reference,
                change.row.action.title,
                status_label(change.status_before),
                status_label(change.row.action.status),
                rag_label(change.rag_before.shown.value),
                rag_label(change.row.rag.shown.value),
                change.updates_in_period,
                change.latest_update.reported_on if change.latest_update else None,
                change.latest_update.text if change.latest_update else "",
            ]
            for change in report.changes
        ],
    )
    action_header = [
        _("Objective"),
        _("Action"),
        _("Owner"),
        _("Timescale"),
        _("Due"),
        _("Status"),
        _("RAG"),
        _("Last update"),
    ]
    overdue = Table(_("Overdue"), action_header, [_action_line(row) for row in report.overdue])
    unreported = Table(_("No update this quarter"), action_header, [_action_line(row) for row in report.unreported])
    measure_rows: list[list[Any]] = []
    for line in report.measures:
        measure = line.measure
        start = [
            measure.objective.reference,
            measure.name,
            measure.unit,
            measure.baseline,
            measure.baseline_label,
            measure.target,
            measure.target_label,
        ]
        if not line.values:
            measure_rows.append([*start, "", None, None, ""])
        for value in line.values:
            measure_rows.append([*start, value.period_label, value.period_end, value.value, value.note])
    measures = Table(
        _("Measures"),
        [
            _("Objective"),
            _("Measure"),
            _("Unit"),
            _("Baseline"),
            _("Baseline period"),
            _("Target"),
            _("Target date or period"),
            _("Period"),
            _("Period ends"),
            _("Value"),
            _("Note"),
        ],
        measure_rows,
    )
    return [about, by_objective, by_unit, changes, overdue, unreported, measures]


@login_required
@require_GET
def board_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    _organisation, _form, report = _report(request, slug, list_limit=None)
    title = _("Board report: %(organisation)s, %(period)s") % {
        "organisation": report.organisation.name,
        "period": period_title(report.period),
    }
    return xlsx_download(
        report_tables(report),
        filename=_filename(report, "xlsx"),
        title=title,
        language=translation.get_language() or "en",
    )
