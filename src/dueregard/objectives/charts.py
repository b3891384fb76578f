"""Small server-side SVG charts. Decoration only: the table beside each chart carries the meaning, so charts are
hidden from screen readers (aria-hidden) and need no script or inline style (the Content-Security-Policy forbids
both)."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe


def trend_svg(
    values: Sequence[float], *, target: float | None = None, width: int = 240, height: int = 60
) -> SafeString:
    """A line through the values (oldest first), with a dashed line at the target if there is one."""
    if len(values) < 2:
        return mark_safe("")
    points = list(values) + ([target] if target is not None else [])
    low, high = min(points), max(points)
    span = (high - low) or 1.0
    pad = 4

    def y(value: float) -> float:
        return round(height - pad - (value - low) / span * (height - 2 * pad), 2)

    step = (width - 2 * pad) / (len(values) - 1)
    path = " ".join(f"{'M' if i == 0 else 'L'}{round(pad + i * step, 2)},{y(v)}" for i, v in enumerate(values))
    target_line = (
        format_html(
            '<line class="app-trend__target" x1="{}" x2="{}" y1="{}" y2="{}"/>', pad, width - pad, y(target), y(target)
        )
        if target is not None
        else ""
    )
    last_x, last_y = round(pad + (len(values) - 1) * step, 2), y(values[-1])
    return format_html(
        '<svg class="app-trend" aria-hidden="true" focusable="false" width="{}" height="{}" viewBox="0 0 {} {}">'
        '{}<path class="app-trend__line" d="{}"/><circle class="app-trend__point" cx="{}" cy="{}" r="3"/></svg>',
        width,
        height,
        width,
        height,
        target_line,
        path,
        last_x,
        last_y,
    )
