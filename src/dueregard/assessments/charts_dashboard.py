"""The dashboards' chart: one horizontal bar per state. Decoration only, like every chart of the app: hidden from
screen readers (the table after it carries the same numbers), each bar labelled with its state and count in words so
nothing rests on colour, no script and no inline style (the Content-Security-Policy forbids both)."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

LABEL_WIDTH = 300
BAR_WIDTH = 360
ROW_HEIGHT = 22
BAR_FILL = "#1d70b8"  # GOV.UK blue; the text is GOV.UK black on white
TEXT_FILL = "#0b0c0c"


def state_bars_svg(rows: Sequence[tuple[str, int]]) -> SafeString:
    """Bars for (label, count) rows, in the order given; nothing when every count is 0."""
    largest = max((count for _label, count in rows), default=0)
    if not largest:
        return SafeString("")
    scale = BAR_WIDTH / largest
    width = LABEL_WIDTH + BAR_WIDTH + 60
    height = ROW_HEIGHT * len(rows) + 4
    bars = format_html_join(
        "",
        '<text fill="{}" x="0" y="{}">{}</text><rect fill="{}" x="{}" y="{}" width="{}" height="{}"/>'
        '<text fill="{}" x="{}" y="{}">{}</text>',
        (
            (
                TEXT_FILL,
                index * ROW_HEIGHT + 16,
                label,
                BAR_FILL,
                LABEL_WIDTH,
                index * ROW_HEIGHT + 3,
                round(count * scale, 2),
                ROW_HEIGHT - 6,
                TEXT_FILL,
                LABEL_WIDTH + round(count * scale, 2) + 6,
                index * ROW_HEIGHT + 16,
                count,
            )
            for index, (label, count) in enumerate(rows)
        ),
    )
    return format_html(
        '<svg class="app-rag-chart app-state-chart" aria-hidden="true" focusable="false" width="{}" height="{}" '
        'viewBox="0 0 {} {}" font-size="14">{}</svg>',
        width,
        height,
        width,
        height,
        bars,
    )
