"""A horizontal bar chart of one column of a :class:`~dueregard.analytics.results.ResultTable`, as inline SVG.

One bar per row (group), with the interval drawn as a whisker across it and the figure written beside it, so no
meaning is carried by colour alone: the reference group's bar has its own colour *and* the words "(reference)";
a figure that is not shown (a suppression symbol) has no bar and says so in words. Colours come from the
Okabe–Ito palette (safe for colour-blind readers) and have at least 3:1 contrast with the white background.

The SVG has ``role="img"`` with a ``<title>`` and ``<desc>`` as its text alternative; the numbers themselves are
in the data table that always follows the chart (the chart is never the only place a figure is given).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape
from typing import Final

from ..i18n import _
from ..results import ResultTable
from .formatting import label_index, row_label, shown_as

BAR: Final = "#0072B2"  # Okabe-Ito blue, 5.2:1 on white
REFERENCE: Final = "#B34700"  # a darker Okabe-Ito vermilion, 5.5:1 on white
INK: Final = "#0b0c0c"
GRID: Final = "#6f777b"  # 4.6:1 on white
WIDTH: Final = 720
ROW_HEIGHT: Final = 30
BAR_HEIGHT: Final = 16
TOP: Final = 12
AXIS_SPACE: Final = 36
VALUE_SPACE: Final = 130
LABEL_CHARS: Final = 40
CHARTED_KINDS: Final = (("rate", "percent"), ("ratio",))


@dataclass(frozen=True)
class _Bar:
    label: str
    value: float | None
    low: float | None
    high: float | None
    text: str
    reference: bool


def chart_column(table: ResultTable) -> int | None:
    """The column a chart shows: the first rate or percentage with a figure to draw, else the first ratio, else
    the first other number shown as a percentage (a pay gap), else the first other number; None when there is
    nothing to draw."""
    stages = [(kinds, False) for kinds in CHARTED_KINDS[:2]] + [(("number",), True), (("number",), False)]
    for kinds, needs_percent in stages:
        for index, column in enumerate(table.columns):
            if column.kind not in kinds:
                continue
            for row in table.rows:
                shown = None if row[index].symbol else shown_as(row[index], column)
                if shown is not None and (shown.percent or not needs_percent):
                    return index
    return None


def _nice_step(span: float) -> float:
    raw = span / 4 if span > 0 else 1.0
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _number_text(value: float, percent: bool) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return f"{text}%" if percent else text


def _with_reference(bar: _Bar) -> str:
    return _("{group} (reference)").format(group=bar.label) if bar.reference else bar.label


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def bar_chart(table: ResultTable, *, chart_id: str) -> str | None:
    """The chart as an ``<svg>`` element (a string), or None when the table has no column to chart."""
    index = chart_column(table)
    if index is None:
        return None
    column = table.columns[index]
    group_column = table.columns[label_index(table)]
    reference = table.notes.reference_group
    bars: list[_Bar] = []
    percent = False
    for row in table.rows:
        cell = row[index]
        name = row_label(table, row)
        shown = None if cell.symbol else shown_as(cell, column)
        is_reference = reference is not None and name == reference
        if shown is None or not isinstance(cell.value, int | float):
            bars.append(_Bar(name, None, None, None, cell.text, is_reference))
            continue
        percent = percent or shown.percent
        low = None if cell.low is None else cell.low * shown.scale
        high = None if cell.high is None else cell.high * shown.scale
        bars.append(_Bar(name, float(cell.value) * shown.scale, low, high, cell.text, is_reference))

    numbers = [0.0]
    for bar in bars:
        numbers += [number for number in (bar.value, bar.low, bar.high) if number is not None]
    if column.kind == "ratio":
        numbers.append(1.0)
    step = _nice_step(max(numbers) - min(numbers))
    lowest = math.floor(min(numbers) / step) * step
    highest = math.ceil(max(numbers) / step) * step
    if highest <= lowest:
        highest = lowest + step

    label_width = min(300, 16 + 7 * max(len(_short(_with_reference(bar))) for bar in bars))
    left = label_width + 8
    right = WIDTH - VALUE_SPACE
    height = TOP + ROW_HEIGHT * len(bars) + AXIS_SPACE

    def x(value: float) -> float:
        return round(left + (value - lowest) / (highest - lowest) * (right - left), 1)

    title = _("Chart of {figure} by {group}").format(figure=column.label, group=group_column.label.lower())
    described = [
        _("Horizontal bars, one for each {group}, showing {figure}").format(
            group=group_column.label.lower(), figure=column.label.lower()
        ),
    ]
    if any(bar.low is not None for bar in bars):
        described.append(_("a line across each bar shows its interval"))
    if any(bar.reference for bar in bars):
        described.append(_("the reference group, {group}, is labelled (reference)").format(group=reference))
    if any(bar.value is None for bar in bars):
        described.append(_("groups whose figure is not shown have no bar"))
    desc = _("{description}. The figures are in the table that follows.").format(description="; ".join(described))

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="Arial, Helvetica, sans-serif" font-size="13">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]
    # Grid lines and the axis labels.
    tick = lowest
    axis_y = TOP + ROW_HEIGHT * len(bars)
    while tick <= highest + step / 1000:
        position = x(tick)
        parts.append(
            f'<line x1="{position}" y1="{TOP - 4}" x2="{position}" y2="{axis_y}" stroke="{GRID}" '
            f'stroke-width="{1 if abs(tick) < 1e-12 else 0.5}"/>'
        )
        parts.append(
            f'<text x="{position}" y="{axis_y + 16}" text-anchor="middle" fill="{INK}">'
            f"{escape(_number_text(tick, percent))}</text>"
        )
        tick += step
    if column.kind == "ratio" and lowest < 1 < highest:
        parts.append(
            f'<line x1="{x(1)}" y1="{TOP - 4}" x2="{x(1)}" y2="{axis_y}" stroke="{INK}" stroke-dasharray="4 3"/>'
        )
    parts.append(
        f'<text x="{(left + right) / 2}" y="{axis_y + 32}" text-anchor="middle" fill="{INK}">{escape(column.label)}'
        "</text>"
    )
    for number, bar in enumerate(bars):
        middle = TOP + ROW_HEIGHT * number + ROW_HEIGHT / 2
        name = _short(_with_reference(bar))
        parts.append(f'<text x="{label_width}" y="{middle + 4}" text-anchor="end" fill="{INK}">{escape(name)}</text>')
        if bar.value is None:
            words = _("not shown ({symbol})").format(symbol=bar.text) if bar.text else _("no figure")
            parts.append(f'<text x="{left + 4}" y="{middle + 4}" fill="{INK}">{escape(words)}</text>')
            continue
        start, end = sorted((x(0.0), x(bar.value)))
        colour = REFERENCE if bar.reference else BAR
        parts.append(
            f'<rect x="{start}" y="{middle - BAR_HEIGHT / 2}" width="{max(end - start, 1)}" height="{BAR_HEIGHT}" '
            f'fill="{colour}"/>'
        )
        text_at = end
        if bar.low is not None and bar.high is not None:
            low, high = x(bar.low), x(bar.high)
            parts.append(
                f'<path d="M{low} {middle}H{high}M{low} {middle - 6}V{middle + 6}M{high} {middle - 6}V{middle + 6}" '
                f'stroke="{INK}" stroke-width="1.5" fill="none"/>'
            )
            text_at = max(text_at, high)
        parts.append(f'<text x="{text_at + 6}" y="{middle + 4}" fill="{INK}">{escape(bar.text)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)
