"""A real demo server for the accessibility crawl: the `dueregard demo` command builds the demo into a fresh
database (a temporary SQLite file, or a new PostgreSQL database when DATABASE_URL points at one), and
`dueregard serve` serves it, exactly as a person running the README's first command would get it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _postgres_database(admin_url: str) -> tuple[str, str]:
    """Create an empty database next to the one in admin_url; return (its URL, its name)."""
    import psycopg

    name = f"dueregard_a11y_{uuid.uuid4().hex[:8]}"
    base, _, _ = admin_url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{base}/{name}", name


def _drop_postgres_database(admin_url: str, name: str) -> None:
    import psycopg

    base, _, _ = admin_url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data_dir: Path = tmp_path_factory.mktemp("demo")
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env["DUEREGARD_DATA_DIR"] = str(data_dir)
    admin_url = os.environ.get("DATABASE_URL", "")
    pg_name = None
    if admin_url.startswith("postgres"):
        env["DATABASE_URL"], pg_name = _postgres_database(admin_url)
    cli = [sys.executable, "-m", "dueregard.cli"]
    build = subprocess.run(
        [*cli, "demo", "--no-serve", "--data-dir", str(data_dir)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    if not admin_url.startswith("postgres"):
        env["DATABASE_URL"] = f"sqlite:///{data_dir / 'demo.sqlite3'}"
    port = _free_port()
    server = subprocess.Popen(
        [*cli, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base_url}/accessibility/", timeout=5):  # noqa: S310 - loopback only
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    output = server.stdout.read() if server.stdout else ""
                    pytest.fail(f"the demo server did not start:\n{output}")
                time.sleep(0.3)
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=20)
        if pg_name:
            _drop_postgres_database(admin_url, pg_name)
