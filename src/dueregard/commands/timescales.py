"""``dueregard timescales "TEXT"``: read a free-text timescale and show what it was read as."""

from __future__ import annotations

import json

import click

from dueregard.timescales import ParseSettings, Timescale, parse_timescale

EXAMPLES = """
\b
Examples:
  dueregard timescales "By April 2013"
  dueregard timescales "Final review first quarter 2015" --quarters calendar
  dueregard timescales "2007-08" --year-ranges financial
  dueregard timescales "Sept 07 Nov 07 Ongoing" --json
\b
Exit status: 0 when the text was understood, 1 when it (or a part of it) was not.
"""


def _dates(result: Timescale) -> str | None:
    start = None if result.start is None else result.start.isoformat()
    end = None if result.end is None else result.end.isoformat()
    if result.parts:
        return f"the dated parts cover {start or '?'} to {end or '?'}" if start or end else None
    if start and end:
        return start if start == end else f"{start} to {end}"
    if end:
        return f"by {end}" if result.kind.value == "deadline" else f"until {end}"
    if start:
        return f"from {start}"
    return None


def describe(result: Timescale, indent: str = "") -> list[str]:
    """Plain-text lines saying what ``result`` means, one fact a line; parts indented under their cell."""
    lines = [f"{indent}{result.text!r}", f"{indent}  kind: {result.kind.value.replace('_', ' ')}"]
    facts: list[tuple[str, str | None]] = [
        ("dates", _dates(result)),
        ("precision", None if result.precision is None else result.precision.value.replace("_", " ")),
        ("open end", "yes" if result.open_end else None),
        ("repeats", None if result.recurrence is None else result.recurrence.label),
        ("label", result.label),
        ("reference", result.reference),
        ("status", None if result.status is None else result.status.value.replace("_", " ")),
        ("phase", None if result.phase is None else str(result.phase)),
        (
            "duration",
            None
            if result.duration is None or result.relation is None
            else f"{result.duration.amount} x {result.duration.unit.value} ({result.relation.value.replace('_', ' ')})",
        ),
        ("confidence", result.confidence.value if result.confidence.value != "high" else None),
    ]
    lines += [f"{indent}  {name}: {value}" for name, value in facts if value]
    lines += [f"{indent}  note: {note}" for note in result.notes]
    lines += [
        f"{indent}  because of your setting {use.setting}={use.value}: {use.reading}" for use in result.settings_used
    ]
    for number, part in enumerate(result.parts, start=1):
        lines.append(f"{indent}  part {number}:")
        lines += describe(part, indent + "    ")
    return lines


@click.command(epilog=EXAMPLES, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON (dates as ISO strings).")
@click.option(
    "--quarters",
    type=click.Choice(["financial", "calendar"]),
    default="financial",
    show_default=True,
    help="How to read 'first quarter 2015': a quarter of the financial year starting then, or of the calendar year.",
)
@click.option(
    "--fy-start-month",
    type=click.IntRange(1, 12),
    default=4,
    show_default=True,
    help="The month financial years start in (4 = April).",
)
@click.option(
    "--year-ranges",
    type=click.Choice(["calendar", "financial"]),
    default="calendar",
    show_default=True,
    help="How to read '2007-08': the calendar years 2007 to 2008, or the financial year 2007/08.",
)
def command(text: str, as_json: bool, quarters: str, fy_start_month: int, year_ranges: str) -> None:
    """Read a free-text timescale such as "By April 2013" or "Dec 08 and ongoing"."""
    settings = ParseSettings(
        quarter_convention="calendar" if quarters == "calendar" else "financial",
        financial_year_start_month=fy_start_month,
        year_range_convention="financial" if year_ranges == "financial" else "calendar",
    )
    result = parse_timescale(text, settings)
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo("\n".join(describe(result)))
    if not result.understood:
        what = "some of this timescale was" if result.parts else "this timescale was"
        click.echo(f"Not understood: {what} not understood; it is kept as written for a person to read.", err=True)
        raise SystemExit(1)
