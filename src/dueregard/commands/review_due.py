"""``dueregard assessments-review-due``: mark settled impact assessments whose review date has come as "review due".

Meant for a scheduler (cron, a systemd timer, a Kubernetes CronJob), once a day:

    15 6 * * *  dueregard assessments-review-due

Seed 003 recommendation 5: "ensure that EIAs are reviewed when they say they will be". The assessments marked here
appear on the dashboard's list of overdue reviews and can then be reviewed (a new version). Running it twice on the
same day marks nothing the second time.
"""

from __future__ import annotations

import datetime as dt

import click

EXAMPLES = """
\b
Examples:
  dueregard assessments-review-due                          # every organisation, today
  dueregard assessments-review-due --organisation demo
  dueregard assessments-review-due --today 2027-04-01       # as if it were that day
\b
Each change is written to the organisation's audit log, made by the system (no person).
"""


@click.command(epilog=EXAMPLES, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--organisation", "slug", metavar="SLUG", help="Only this organisation (its short name). Default: all.")
@click.option(
    "--today",
    "today",
    metavar="DATE",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Treat this day (YYYY-MM-DD) as today. Default: today.",
)
def command(slug: str | None, today: dt.datetime | None) -> None:
    """Mark impact assessments whose review date has come as "review due" (run daily)."""
    from dueregard.commands._django import setup_django

    setup_django()
    from django.utils import timezone

    from dueregard.assessments.models import Assessment
    from dueregard.assessments.services import assessments_mark_review_due
    from dueregard.assessments.workflow import State
    from dueregard.organisations.models import Organisation

    day = today.date() if today is not None else timezone.localdate()
    organisations = Organisation.objects.order_by("name")
    if slug:
        organisations = organisations.filter(slug=slug)
        if not organisations.exists():
            raise click.ClickException(f"There is no organisation with the short name {slug!r}.")
    total = 0
    for organisation in organisations:
        before = set(
            Assessment.objects.filter(organisation=organisation, state=State.REVIEW_DUE).values_list("pk", flat=True)
        )
        marked = assessments_mark_review_due(organisation=organisation, today=day)
        total += marked
        if not marked:
            continue
        click.echo(f"{organisation.name} ({organisation.slug}): {marked} assessment(s) now due for review")
        newly = (
            Assessment.objects.filter(organisation=organisation, state=State.REVIEW_DUE)
            .exclude(pk__in=before)
            .order_by("review_date", "reference")
        )
        for assessment in newly:
            click.echo(
                f"  {assessment.reference} v{assessment.version}  review date {assessment.review_date}  "
                f"{assessment.title}"
            )
    click.echo(f"{total} assessment(s) marked as due for review on {day.isoformat()}.")
