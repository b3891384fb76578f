from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.test import Client, override_settings


def test_pages_carry_security_headers_and_a_content_security_policy(db: None, client: Client) -> None:
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "script-src 'self' 'nonce-" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_the_inline_script_carries_the_pages_nonce(db: None, client: Client) -> None:
    response = client.get("/")
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">document.body.className' in response.content.decode()


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"])
def test_passwords_are_hashed_with_argon2(db: None, django_user_model: Any) -> None:
    user = django_user_model.objects.create_user("someone@example.org", "a long enough password", full_name="S")
    assert identify_hasher(user.password).algorithm == "argon2"


def test_repeated_failed_sign_ins_lock_the_account_for_a_while(demo: Any, client: Client, settings: Any) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post("/account/sign-in/", {"username": "admin@demo.example", "password": "wrong"})
    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.content.decode()
    # Even the right password is refused while locked.
    response = client.post("/account/sign-in/", {"username": "admin@demo.example", "password": "demo-password-2026"})
    assert response.status_code == 429


def test_signing_in_with_the_right_password_works(demo: Any, client: Client) -> None:
    response = client.post("/account/sign-in/", {"username": "admin@demo.example", "password": "demo-password-2026"})
    assert response.status_code == 302
    assert client.get("/o/demo/").status_code == 200


def test_signing_out_needs_a_post(demo: Any, client: Client) -> None:
    client.force_login(demo.users["viewer"])
    assert client.get("/account/sign-out/").status_code == 405
    assert client.post("/account/sign-out/").status_code == 302
    assert client.get("/o/demo/").status_code == 302


@pytest.mark.parametrize("missing", ["SECRET_KEY"])
def test_production_refuses_to_start_without_a_secret_key(missing: str, tmp_path: Any) -> None:
    env = {k: v for k, v in os.environ.items() if k != missing}
    env.update(
        {
            "DUEREGARD_PRODUCTION": "1",
            "DUEREGARD_DATA_DIR": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "dueregard.web.settings",
        }
    )
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_pass_the_deployment_check(tmp_path: Any) -> None:
    env = dict(os.environ)
    env.update(
        {
            "DUEREGARD_PRODUCTION": "1",
            "SECRET_KEY": "x" * 20 + "-Production-Secret-Key-For-The-Check-0123456789",
            "ALLOWED_HOSTS": "equality.example.org",
            "DUEREGARD_DATA_DIR": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "dueregard.web.settings",
        }
    )
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
