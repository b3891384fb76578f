from __future__ import annotations

import click


@click.command(
    context_settings={
        "ignore_unknown_options": True,
        "allow_interspersed_args": False,
        "help_option_names": [],
    }
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def command(args: tuple[str, ...]) -> None:
    """Run one of Django's management commands, e.g. `dueregard manage check --deploy`."""
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dueregard.web.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["dueregard manage", *args])
