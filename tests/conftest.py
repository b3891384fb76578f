"""Test-suite wide fixtures and options.

- The demo (built from the seeds) is created once in each test database; every database test runs inside a
  transaction that is rolled back, so each test sees the demo as built.
- `--database-tests-only` keeps the tests that touch the database (the PostgreSQL run of scripts/test uses it:
  the other tests cannot differ between databases).

Django is imported inside the fixtures only, so the framework-free tests can run with `-p no:django`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server", "demo_server"}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help="Run only the tests that use the database (and the accessibility crawl, which runs on it).",
    )


def _uses_database(item: pytest.Item) -> bool:
    fixtures = set(getattr(item, "fixturenames", ()))
    return bool(fixtures & DATABASE_FIXTURES) or item.get_closest_marker("django_db") is not None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.getoption("--database-tests-only"):
        return
    keep = [item for item in items if _uses_database(item)]
    deselected = [item for item in items if not _uses_database(item)]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
    items[:] = keep


FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _english_by_default() -> None:
    """Each test starts in English: a request to a /cy/ page leaves Welsh active in the thread afterwards."""
    from django.conf import settings

    if not settings.configured:  # the framework-free tests run with -p no:django
        return
    from django.utils import translation

    translation.activate("en")


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    # Argon2 is deliberately slow; the tests do not need it to be.
    settings.PASSWORD_HASHERS = FAST_HASHERS


@dataclass
class Demo:
    organisation: Any  # the demo organisation
    other: Any  # the second organisation, which the demo's people cannot see
    users: dict[str, Any]  # role -> user of the demo organisation, plus "outsider" (admin of the other one)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """Build the demo once per test database; every test runs in a transaction that is rolled back."""
    from django.test import override_settings

    from dueregard.demo.build import build_demo

    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        build_demo(with_progress=False)


@pytest.fixture
def demo(db: None) -> Demo:
    from django.contrib.auth import get_user_model

    from dueregard.organisations.models import Organisation

    user_model = get_user_model()
    users = {
        role: user_model.objects.get(email=f"{name}@demo.example")
        for role, name in [
            ("administrator", "admin"),
            ("equality_lead", "lead"),
            ("contributor", "contributor"),
            ("approver", "approver"),
            ("analyst", "analyst"),
            ("viewer", "viewer"),
        ]
    }
    users["outsider"] = user_model.objects.get(email="admin@council.example")
    return Demo(
        organisation=Organisation.objects.get(slug="demo"),
        other=Organisation.objects.get(slug="cyngor-enghreifftiol"),
        users=users,
    )


CHROMIUM = os.environ.get("DUEREGARD_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One Chromium for the whole run (Debian's), shared by every test that needs a browser: Playwright's sync API
    allows one running instance per process."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}; scripts/test installs the Debian package 'chromium'.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()
