"""The Jinja2 environment every page is rendered with.

GOV.UK Frontend's components come from ``govuk-frontend-jinja`` (``{% from "govuk_frontend_jinja/components/
button/macro.html" import govukButton %}``). Translation uses Django's catalogues through Jinja's i18n extension,
so ``{{ _("Text") }}`` and ``{% trans %}`` in templates are extracted and translated like Python strings.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from django.utils import formats, timezone, translation
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader, select_autoescape

from dueregard.web import forms_govuk
from dueregard.web.language import other_language_url


def _url(name: str, *args: Any, **kwargs: Any) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def _date(value: Any, fmt: str = "DATE_FORMAT") -> str:
    if value is None:
        return ""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value)
    return formats.date_format(value, fmt)


def _trend_svg(*args: Any, **kwargs: Any) -> str:
    from dueregard.objectives.charts import trend_svg

    return trend_svg(*args, **kwargs)


def environment(**options: Any) -> Environment:
    own_loader = options.pop("loader")
    options["loader"] = ChoiceLoader(
        [own_loader, PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")})]
    )
    options.setdefault("autoescape", select_autoescape(default=True, default_for_string=True))
    env = Environment(extensions=["jinja2.ext.i18n"], **options)  # noqa: S701 - autoescape set above
    env.install_gettext_callables(  # type: ignore[attr-defined]
        translation.gettext,
        translation.ngettext,
        newstyle=True,
        pgettext=translation.pgettext,
        npgettext=translation.npgettext,
    )
    env.globals.update(
        {
            "url": _url,
            "static": static,
            "other_language_url": other_language_url,
            "get_language": translation.get_language,
            "get_messages": get_messages,
            "govuk_field": forms_govuk.field_params,
            "govuk_error_summary": forms_govuk.error_summary_params,
            "debug": settings.DEBUG,
            "trend_svg": _trend_svg,
        }
    )
    env.filters["date"] = _date
    return env
