from __future__ import annotations

import click


def run_server(host: str, port: int, threads: int) -> None:
    from waitress import serve

    from dueregard.web.wsgi import application

    click.echo(f"dueregard is running at http://{host}:{port}/ (press Ctrl+C to stop)")
    serve(application, host=host, port=port, threads=threads, ident="dueregard")


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64), help="Worker threads.")
def command(host: str, port: int, threads: int) -> None:
    """Serve the web app with the Waitress WSGI server.

    Put a TLS-terminating proxy in front of it in production (see docs/configuration.md).
    """
    from dueregard.commands._django import ensure_data_dir, setup_django

    setup_django()
    ensure_data_dir()
    run_server(host, port, threads)
