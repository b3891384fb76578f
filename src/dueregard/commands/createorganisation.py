from __future__ import annotations

import click

JURISDICTIONS = ["england", "wales", "scotland", "cross_border"]
SECTORS = [
    "central_government",
    "local_government",
    "health",
    "police",
    "education",
    "fire",
    "transport",
    "other",
]


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--slug", required=True, help="Short name used in web addresses, e.g. 'example-council'.")
@click.option("--name", required=True, help="The organisation's full name.")
@click.option("--jurisdiction", required=True, type=click.Choice(JURISDICTIONS), help="Which specific duties apply.")
@click.option("--sector", required=True, type=click.Choice(SECTORS))
@click.option("--headcount", type=click.IntRange(min=0), default=None, help="Number of employees.")
@click.option("--admin", "admin_email", required=True, help="Email of an existing user who becomes its administrator.")
def command(slug: str, name: str, jurisdiction: str, sector: str, headcount: int | None, admin_email: str) -> None:
    """Create an organisation, with its first administrator (installation administrators only)."""
    from dueregard.commands._django import setup_django

    setup_django()
    from django.contrib.auth import get_user_model
    from django.core.exceptions import ValidationError

    from dueregard.organisations.services import organisation_create

    admin = get_user_model().objects.filter(email__iexact=admin_email).first()
    if admin is None:
        raise click.BadParameter(
            f"there is no user {admin_email!r}; create one first with `dueregard createadmin`",
            param_hint="--admin",
        )
    try:
        organisation = organisation_create(
            actor=None,
            slug=slug,
            name=name,
            jurisdiction=jurisdiction,
            sector=sector,
            headcount=headcount,
            first_administrator=admin,
        )
    except ValidationError as error:
        details = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
        raise click.ClickException(f"the organisation was not created ({details})") from error
    click.echo(f"Created {organisation.name} ({organisation.slug}); {admin.email} is its administrator.")
