"""``dueregard remind``: email owners about actions that are overdue, due soon, or have no update this quarter.

Meant for a scheduler (cron, a systemd timer, a Kubernetes CronJob), e.g. every Monday at 08:00:

    0 8 * * 1  dueregard remind --days 14
"""

from __future__ import annotations

import click

EXAMPLES = """
\b
Examples:
  dueregard remind --dry-run                  # show who would get what; send nothing
  dueregard remind --organisation demo --days 7
\b
Emails go through Django's email backend (EMAIL_BACKEND; the console in development). Links in the emails start
with --base-url (or DUEREGARD_BASE_URL).
"""


@click.command(epilog=EXAMPLES, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--organisation", "slug", metavar="SLUG", help="Only this organisation (its short name). Default: all.")
@click.option(
    "--days",
    default=14,
    show_default=True,
    type=click.IntRange(0, 366),
    help="Remind about actions due within this many days.",
)
@click.option("--dry-run", is_flag=True, help="Print what would be sent, and send nothing.")
@click.option(
    "--base-url",
    envvar="DUEREGARD_BASE_URL",
    default="http://127.0.0.1:8000",
    show_default=True,
    help="Address of the web app, for the links in the emails.",
)
def command(slug: str | None, days: int, dry_run: bool, base_url: str) -> None:
    """Email action owners a reminder: overdue actions, actions due soon, actions with no update this quarter."""
    from dueregard.commands._django import setup_django

    setup_django()
    from dueregard.objectives.reminders import reminder_text, reminders_due, reminders_send
    from dueregard.organisations.models import Organisation

    organisations = Organisation.objects.order_by("name")
    if slug:
        organisations = organisations.filter(slug=slug)
        if not organisations.exists():
            raise click.ClickException(f"There is no organisation with the short name {slug!r}.")
    total_people = total_sent = 0
    for organisation in organisations:
        reminders = reminders_due(organisation=organisation, days=days)
        total_people += len(reminders)
        if dry_run:
            for reminder in reminders:
                subject, body = reminder_text(reminder, base_url=base_url, days=days)
                click.echo(f"To: {reminder.person.email}\nSubject: {subject}\n\n{body}")
        else:
            total_sent += reminders_send(reminders, base_url=base_url, days=days)
    if dry_run:
        click.echo(f"Dry run: {total_people} reminder(s) would be sent; nothing was sent.")
    else:
        click.echo(f"Sent {total_sent} reminder(s).")
