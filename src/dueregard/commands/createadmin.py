from __future__ import annotations

import click


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--email", required=True, help="Their email address (they sign in with it).")
@click.option("--name", "full_name", required=True, help="Their full name.")
@click.option(
    "--password",
    envvar="DUEREGARD_ADMIN_PASSWORD",
    prompt=True,
    hide_input=True,
    confirmation_prompt=True,
    help="Their password (or set DUEREGARD_ADMIN_PASSWORD; asked for when missing).",
)
@click.option("--organisation", "slug", default=None, help="Also make them administrator of this organisation.")
def command(email: str, full_name: str, password: str, slug: str | None) -> None:
    """Create (or update) an installation administrator, optionally an organisation's administrator too."""
    from dueregard.commands._django import setup_django

    setup_django()
    from django.contrib.auth import get_user_model, password_validation
    from django.core.exceptions import ValidationError
    from django.db import transaction

    from dueregard.organisations.models import Organisation
    from dueregard.organisations.roles import Role
    from dueregard.organisations.services import _membership_add

    user_model = get_user_model()
    try:
        password_validation.validate_password(password)
    except ValidationError as error:
        raise click.BadParameter(" ".join(error.messages), param_hint="--password") from error
    organisation = None
    if slug:
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            raise click.BadParameter(f"there is no organisation {slug!r}", param_hint="--organisation")
    with transaction.atomic():
        user = user_model.objects.filter(email__iexact=email).first()
        if user is None:
            user = user_model.objects.create_superuser(email, password, full_name=full_name)
            click.echo(f"Created administrator {user.email}.")
        else:
            user.full_name, user.is_staff, user.is_superuser = full_name, True, True
            user.set_password(password)
            user.save()
            click.echo(f"Updated {user.email}: installation administrator, password changed.")
        if organisation is not None:
            _membership_add(actor=None, organisation=organisation, user=user, role=Role.ADMINISTRATOR)
            click.echo(f"{user.email} is an administrator of {organisation.name}.")
