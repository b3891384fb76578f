from __future__ import annotations

import os
from pathlib import Path

import click


def _use_demo_database(data_dir: Path) -> Path | None:
    """Unless DATABASE_URL says otherwise, the demo lives in its own SQLite file, rebuilt on every run."""
    if os.environ.get("DATABASE_URL"):
        return None
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "demo.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    return path


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--serve/--no-serve", default=True, show_default=True, help="Start the web app after building.")
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=lambda: os.environ.get("DUEREGARD_DATA_DIR", "data"),
    show_default="data",
    help="Folder for the demo database.",
)
def command(host: str, port: int, serve: bool, data_dir: Path) -> None:
    """Build a fresh demo (organisations, units, objectives, a person for every role) and serve it.

    Without DATABASE_URL the demo uses its own SQLite file (DATA_DIR/demo.sqlite3), rebuilt each time.
    With DATABASE_URL set, the demo is added to that database if it is not already there.
    """
    os.environ["DUEREGARD_DATA_DIR"] = str(data_dir.resolve())
    demo_file = _use_demo_database(data_dir.resolve())
    if demo_file is not None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{demo_file}{suffix}").unlink(missing_ok=True)

    from dueregard.commands._django import setup_django

    setup_django()
    from django.core.management import call_command

    from dueregard.demo.build import DemoLogin, build_demo, demo_exists

    click.echo("Preparing the database…")
    call_command("migrate", interactive=False, verbosity=0)
    password: str | None
    logins: list[DemoLogin]
    if demo_exists():
        click.echo("The demo organisations are already in this database; leaving them as they are.")
        password, logins = None, []  # nothing new to sign in with
    else:
        click.echo("Building the demo from the seed documents…")
        password, logins = build_demo()
    if logins:
        click.echo(f"\nDemo sign-ins (every account has the password {password!r}):")
        for login in logins:
            click.echo(f"  {login.email:<28} {', '.join(login.roles):<30} {login.organisation}")
    if serve:
        from dueregard.commands.serve import run_server

        click.echo("")
        run_server(host, port, threads=8)
