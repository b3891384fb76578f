from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from dueregard.demo.build import build_demo
from dueregard.organisations.models import Organisation


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    # Argon2 is deliberately slow; the tests do not need it to be.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class Demo:
    organisation: Organisation
    other: Organisation
    users: dict[str, Any]  # role -> user of the demo organisation, plus "outsider" (admin of the other one)


@pytest.fixture
def demo(db: None, _fast_passwords: None) -> Demo:
    build_demo()
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
