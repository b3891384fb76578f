"""A :class:`~dueregard.analytics.report.Report` as one standalone, accessible HTML page.

The page needs nothing else: no JavaScript, no fonts, images or style sheets from elsewhere (it works offline and
can be attached to an email). It is built for WCAG 2.2 AA: one ``h1``, a heading per section (``h2``) and per
table (``h3``); a contents list; each chart an inline SVG with ``role="img"``, a title and a description,
followed at once by its data table (caption, ``th`` with ``scope``); intervals in their own columns; every
suppression symbol explained in the legend under its table; the unknown counts, declaration rate, methods, test
results and warnings under each table; report-wide warnings and notes at the top. Colours meet 4.5:1 contrast.
"""

from __future__ import annotations

from html import escape
from typing import Final

from .. import i18n
from ..i18n import _
from ..report import Report, ReportSection
from ..results import ResultTable
from .formatting import columns_with_intervals, interval_text, label_index, legend, row_label
from .svg_chart import bar_chart

STYLE: Final = """
body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; background: #fff; margin: 0; line-height: 1.5; }
.page { max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
.skip-link { position: absolute; left: -9999px; }
.skip-link:focus { position: static; display: inline-block; padding: 0.5rem; background: #ffdd00; color: #0b0c0c; }
a { color: #1d70b8; }
a:focus, a:focus-visible { outline: 3px solid #ffdd00; background: #ffdd00; color: #0b0c0c; }
h1 { font-size: 2rem; margin: 1rem 0; }
h2 { font-size: 1.5rem; margin-top: 2.5rem; border-top: 2px solid #0b0c0c; padding-top: 0.75rem; }
h3 { font-size: 1.2rem; margin-top: 2rem; }
.meta dt { font-weight: bold; float: left; clear: left; margin-right: 0.5rem; }
.meta dd { margin: 0 0 0.25rem; }
.warning { border-left: 5px solid #b34700; padding: 0.25rem 1rem; margin: 1rem 0; }
.warning h2 { border-top: none; margin-top: 0.5rem; padding-top: 0; }
figure { margin: 1rem 0; max-width: 100%; overflow-x: auto; }
svg.chart { max-width: 100%; height: auto; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.95rem; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.5rem; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 0.35rem 0.75rem 0.35rem 0; text-align: left;
  vertical-align: top; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
.notes h4 { font-size: 1rem; margin: 0.75rem 0 0.25rem; }
.notes ul { margin-top: 0.25rem; }
.legend dt { font-weight: bold; float: left; clear: left; min-width: 2.5rem; }
.legend dd { margin: 0 0 0.25rem 3rem; }
.note-ref { font-size: 0.8rem; }
footer { border-top: 1px solid #b1b4b6; margin-top: 3rem; padding-top: 1rem; font-size: 0.9rem; }
@media print { .skip-link { display: none; } h2 { break-before: auto; } figure, table { break-inside: avoid; } }
"""

NUMERIC_KINDS: Final = frozenset({"count", "rate", "percent", "ratio", "p_value", "number"})


# Texts are looked up outside f-strings: the catalogue's extractor does not see a call inside one.


def _element(tag: str, text: str, attributes: str = "") -> str:
    return f"<{tag}{attributes}>{escape(text)}</{tag}>"


def _paragraphs(texts: tuple[str, ...] | list[str]) -> list[str]:
    return [f"<p>{escape(text)}</p>" for text in texts if text.strip()]


def _list(heading: str, items: tuple[str, ...] | list[str]) -> list[str]:
    shown = [item for item in items if item.strip()]
    if not shown:
        return []
    return [f"<h4>{escape(heading)}</h4>", "<ul>", *(f"<li>{escape(item)}</li>" for item in shown), "</ul>"]


def _table_html(table: ResultTable, table_id: str) -> list[str]:
    intervals = columns_with_intervals(table)
    row_header = label_index(table)
    head = ["<thead>", "<tr>"]
    for column, has_interval in zip(table.columns, intervals, strict=True):
        head.append(f'<th scope="col">{escape(column.label)}</th>')
        if has_interval:
            head.append(_element("th", _("{column}: interval").format(column=column.label), ' scope="col"'))
    head += ["</tr>", "</thead>"]
    body = ["<tbody>"]
    footnotes: list[str] = []
    for row in table.rows:
        cells = ["<tr>"]
        for index, (column, cell, has_interval) in enumerate(zip(table.columns, row, intervals, strict=True)):
            text = escape(cell.text)
            if cell.note:
                footnotes.append(
                    _("{row}, {column}: {note}").format(row=row_label(table, row), column=column.label, note=cell.note)
                )
                number = len(footnotes)
                reference = escape(_("(note {number})").format(number=number))
                text += f' <a class="note-ref" href="#{table_id}-note-{number}">{reference}</a>'
            if index == row_header:
                cells.append(f'<th scope="row">{text}</th>')
            else:
                css = ' class="number"' if column.kind in NUMERIC_KINDS else ""
                cells.append(f"<td{css}>{text}</td>")
            if has_interval:
                cells.append(f'<td class="number">{escape(interval_text(cell, column))}</td>')
        cells.append("</tr>")
        body += cells
    body.append("</tbody>")
    html = [
        '<div class="table-wrap">',
        f'<table id="{table_id}-data">',
        f"<caption>{escape(table.title)}</caption>",
        *head,
        *body,
        "</table>",
        "</div>",
    ]
    if footnotes:
        html += ['<div class="notes">', _element("h4", _("Notes on figures")), "<ol>"]
        html += [f'<li id="{table_id}-note-{n}">{escape(text)}</li>' for n, text in enumerate(footnotes, start=1)]
        html += ["</ol>", "</div>"]
    return html


def _table_notes(table: ResultTable) -> list[str]:
    notes = table.notes
    facts: list[str] = []
    if notes.reference_group:
        facts.append(_("Reference group: {group}.").format(group=notes.reference_group))
    if notes.unknown_count is not None:
        unknown = {
            True: _("Records with an unknown value: {count} (counted in the figures)."),
            False: _("Records with an unknown value: {count} (not used in the figures)."),
            None: _("Records with an unknown value: {count}."),
        }[notes.unknowns_used]
        facts.append(unknown.format(count=f"{notes.unknown_count:,}"))
    if notes.declaration_rate is not None:
        facts.append(_("Declaration rate: {rate}.").format(rate=f"{notes.declaration_rate * 100:.1f}%"))
    html = ['<div class="notes">']
    html += _paragraphs(facts)
    entries = legend(table)
    if entries:
        html += [_element("h4", _("Symbols")), '<dl class="legend">']
        for symbol, meaning in entries:
            html += [f"<dt>{escape(symbol)}</dt>", f"<dd>{escape(meaning)}</dd>"]
        html.append("</dl>")
    html += _list(_("Warnings"), list(notes.warnings))
    html += _list(_("Tests"), list(notes.tests))
    html += _list(_("Methods"), list(notes.methods))
    html += _list(_("Disclosure control"), list(notes.disclosure))
    html.append("</div>")
    return html


def _section_html(section: ReportSection, number: int, first_table: int, prefix: str = "") -> list[str]:
    html = [
        f'<section aria-labelledby="{prefix}section-{number}">',
        f'<h2 id="{prefix}section-{number}">{escape(section.heading)}</h2>',
    ]
    html += _paragraphs(list(section.notes))
    for offset, table in enumerate(section.tables):
        html += _titled_table(table, f"{prefix}table-{first_table + offset}")
    html.append("</section>")
    return html


def _titled_table(table: ResultTable, table_id: str) -> list[str]:
    """A table's heading, its chart (if it has one), the table and its notes."""
    html = [f'<h3 id="{table_id}">{escape(table.title)}</h3>']
    chart = bar_chart(table, chart_id=f"{table_id}-chart")
    if chart is not None:
        html += ["<figure>", chart, "</figure>"]
    return html + _table_html(table, table_id) + _table_notes(table)


def render_table_fragment(table: ResultTable, *, language: str | None = None) -> str:
    """One table as an HTML fragment (heading, chart, data table and notes), e.g. for a notebook cell; the words
    dueregard adds (note headings, the chart's description) in ``language`` (default: the current language). Its
    ids start with a fresh prefix, so several fragments can share a page."""
    with i18n.language(language):
        return "\n".join([f"<div{_FRAGMENT_STYLE}>", *_titled_table(table, f"{_fresh_prefix()}table"), "</div>"])


def render_report_fragment(report: Report, *, language: str | None = None) -> str:
    """The report's content without the page around it (no ``<html>``, styles or skip link), e.g. for a notebook
    cell, in ``language`` (default: the report's own); ids start with a fresh prefix, as for a table."""
    with i18n.language(language or report.language) as code:
        opening = f'<div lang="{escape(code)}"{_FRAGMENT_STYLE}>'
        return "\n".join([opening, *_report_content(report, _fresh_prefix()), "</div>"])


# A fragment has no style sheet of its own: the page's line height keeps links such as the contents list far
# enough apart to be easy to click or tap (WCAG 2.2 target size) whatever the notebook's styles.
_FRAGMENT_STYLE: Final = ' style="line-height: 1.5"'


def _fresh_prefix() -> str:
    import secrets

    return f"dueregard-{secrets.token_hex(4)}-"


def render_html(report: Report, *, language: str | None = None) -> str:
    """The whole report as an HTML document (a string), its own texts (headings, notes, the charts' text
    alternatives) and its ``lang`` attribute in ``language`` (default: the report's own language)."""
    with i18n.language(language or report.language) as code:
        return _render(report, code)


def _render(report: Report, language: str) -> str:
    html = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(report.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        _element("a", _("Skip to the report"), ' class="skip-link" href="#main"'),
        '<div class="page">',
        "<header>" + _element("p", _("Equality evidence report")) + "</header>",
        '<main id="main">',
        *_report_content(report),
        "</main>",
        "<footer>",
        *_paragraphs(
            [_("Produced by dueregard. The same tables are in the CSV, XLSX and JSON files beside this page.")]
        ),
        "</footer>",
        "</div>",
        "</body>",
        "</html>",
    ]
    return "\n".join(html) + "\n"


def _report_content(report: Report, prefix: str = "") -> list[str]:
    """The title, facts, warnings, notes, contents and sections: the page's main content."""
    html = [
        f"<h1>{escape(report.title)}</h1>",
        '<dl class="meta">',
        _element("dt", _("Data")) + f"<dd>{escape(report.dataset)}</dd>",
        _element("dt", _("Records")) + f"<dd>{report.records:,}</dd>",
        _element("dt", _("Report")) + f"<dd>{escape(report.preset)}</dd>",
        _element("dt", _("Tables")) + f"<dd>{len(report.tables)}</dd>",
        "</dl>",
    ]
    if report.warnings:
        html += ['<div class="warning">', _element("h2", _("Warnings")), "<ul>"]
        html += [f"<li>{escape(text)}</li>" for text in report.warnings]
        html += ["</ul>", "</div>"]
    if report.notes:
        html += [_element("h2", _("About these figures")), *_paragraphs(list(report.notes))]
    html += [
        *_paragraphs(
            [
                _(
                    "Intervals are 95% confidence intervals unless a table's methods say otherwise. A symbol in place "
                    "of a figure is explained under its table."
                )
            ]
        ),
        f'<nav aria-labelledby="{prefix}contents">',
        _element("h2", _("Contents"), f' id="{prefix}contents"'),
        "<ol>",
    ]
    for number, section in enumerate(report.sections, start=1):
        html.append(f'<li><a href="#{prefix}section-{number}">{escape(section.heading)}</a></li>')
    html += ["</ol>", "</nav>"]
    first_table = 1
    for number, section in enumerate(report.sections, start=1):
        html += _section_html(section, number, first_table, prefix)
        first_table += len(section.tables)
    return html
