"""Serve the import pages in these tests whether or not the objectives URLs include them yet."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the helpers module
URLCONF = "tests_objectives_importing_urls"


def _urlconf() -> types.ModuleType:
    from django.conf.urls.i18n import i18n_patterns
    from django.contrib import admin
    from django.urls import include, path

    from dueregard.objectives import urls as objective_urls
    from dueregard.objectives import urls_import
    from dueregard.web import urls as root

    names = {getattr(pattern, "name", None) for pattern in objective_urls.urlpatterns}
    extra = [p for p in urls_import.urlpatterns if p.name not in names]
    module = types.ModuleType(URLCONF)
    module.urlpatterns = [  # type: ignore[attr-defined]
        path("django-admin/", admin.site.urls),
        *i18n_patterns(
            path("account/", include("dueregard.accounts.urls")),
            path("", include(root.web_patterns)),
            path("", include("dueregard.audit.urls")),
            path("", include(([*objective_urls.urlpatterns, *extra], "objectives"))),
            path("", include("dueregard.organisations.urls")),
            prefix_default_language=False,
        ),
    ]
    for handler in ("handler403", "handler404", "handler500"):
        setattr(module, handler, getattr(root, handler))
    return module


@pytest.fixture(autouse=True)
def _import_urls(settings: Any, tmp_path: Path) -> None:
    if URLCONF not in sys.modules:
        sys.modules[URLCONF] = _urlconf()
    settings.ROOT_URLCONF = URLCONF
    settings.DATA_DIR = tmp_path
