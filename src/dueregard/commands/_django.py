"""Start Django for a command. Imported only by commands that need the database or the web app."""

from __future__ import annotations

import os


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dueregard.web.settings")
    import django

    django.setup()


def ensure_data_dir() -> None:
    from django.conf import settings

    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
