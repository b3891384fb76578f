"""Fixtures for the tests of the benchmark scripts (framework-free: they run with `-p no:django`)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _fast_passwords() -> None:
    # Overrides the suite-wide fixture of the same name, which needs pytest-django's `settings`.
    return None
