from __future__ import annotations

import click


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
def command() -> None:
    """Create or update the database tables (safe to run again)."""
    from dueregard.commands._django import ensure_data_dir, setup_django

    setup_django()
    ensure_data_dir()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=1)
