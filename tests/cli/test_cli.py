from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dueregard.cli import COMMANDS, main


def test_help_lists_every_command_without_importing_them() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output


@pytest.mark.parametrize("name", sorted(set(COMMANDS) - {"manage"}))
def test_every_command_has_help(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


def test_an_unknown_command_is_a_clear_error() -> None:
    result = CliRunner().invoke(main, ["nonsense"])
    assert result.exit_code == 2
    assert "No such command 'nonsense'" in result.output


def test_the_cli_starts_without_loading_django_or_the_analytics_engines() -> None:
    code = (
        "import sys, dueregard.cli; print(sorted(m for m in ('django', 'ibis', 'scipy', 'pandas') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def _run(args: list[str], data_dir: Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update({"DUEREGARD_DATA_DIR": str(data_dir), **extra_env})
    return subprocess.run(
        [sys.executable, "-m", "dueregard.cli", *args], env=env, capture_output=True, text=True, check=False
    )


def test_demo_builds_a_fresh_database_and_prints_the_sign_ins(tmp_path: Path) -> None:
    first = _run(["demo", "--no-serve", "--data-dir", str(tmp_path)], tmp_path)
    assert first.returncode == 0, first.stderr
    assert "admin@demo.example" in first.stdout
    assert "demo-password-2026" in first.stdout
    assert (tmp_path / "demo.sqlite3").exists()
    # Run again: the demo is rebuilt from scratch, not duplicated.
    again = _run(["demo", "--no-serve", "--data-dir", str(tmp_path)], tmp_path)
    assert again.returncode == 0, again.stderr
    assert "viewer@demo.example" in again.stdout


def test_migrate_createadmin_and_createorganisation(tmp_path: Path) -> None:
    assert _run(["migrate"], tmp_path).returncode == 0
    made = _run(
        ["createadmin", "--email", "root@example.org", "--name", "Root"],
        tmp_path,
        DUEREGARD_ADMIN_PASSWORD="a sufficiently long password",
    )
    assert made.returncode == 0, made.stderr
    assert "Created administrator root@example.org" in made.stdout
    weak = _run(["createadmin", "--email", "x@example.org", "--name", "X"], tmp_path, DUEREGARD_ADMIN_PASSWORD="short")
    assert weak.returncode == 2
    assert "too short" in weak.stderr
    org = _run(
        [
            "createorganisation",
            "--slug",
            "example",
            "--name",
            "Example Council",
            "--jurisdiction",
            "wales",
            "--sector",
            "local_government",
            "--admin",
            "root@example.org",
        ],
        tmp_path,
    )
    assert org.returncode == 0, org.stderr
    assert "root@example.org is its administrator" in org.stdout
    duplicate = _run(
        [
            "createorganisation",
            "--slug",
            "example",
            "--name",
            "Again",
            "--jurisdiction",
            "wales",
            "--sector",
            "local_government",
            "--admin",
            "root@example.org",
        ],
        tmp_path,
    )
    assert duplicate.returncode == 1
    assert "slug" in duplicate.stderr


def test_the_demo_shows_progress_in_every_state(tmp_path: Path) -> None:
    built = _run(["demo", "--no-serve", "--data-dir", str(tmp_path)], tmp_path)
    assert built.returncode == 0, built.stderr
    code = (
        "import django; django.setup();"
        "from dueregard.objectives.models import Action;"
        "print(sorted(set(Action.objects.filter(organisation__slug='demo').values_list('status', flat=True))))"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL"}}
    env.update(
        {
            "DUEREGARD_DATA_DIR": str(tmp_path),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
            "DJANGO_SETTINGS_MODULE": "dueregard.web.settings",
        }
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    # The seed plans carry every status of the vocabulary (the scheme's action table is imported from Word).
    assert result.stdout.strip() == (
        "['complete', 'in_progress', 'not_applicable', 'not_delivered', 'not_started', 'partially_complete', "
        "'recurring', 'transferred', 'unknown', 'withdrawn']"
    )
