"""The English / Cymraeg switch, and Welsh text on the Welsh pages."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client
from django.utils import translation


def _switch_link(page: str) -> tuple[str, str]:
    match = re.search(r'<a class="govuk-link" href="([^"]+)" hreflang="(\w+)"', page)
    assert match, "the page has no language switch"
    return match.group(1), match.group(2)


def test_the_switch_on_an_english_page_leads_to_the_same_page_in_welsh(db: None, client: Client) -> None:
    english = client.get("/accessibility/").content.decode()
    href, language = _switch_link(english)
    assert (href, language) == ("/cy/accessibility/", "cy")
    welsh = client.get(href).content.decode()
    assert '<html lang="cy"' in welsh
    with translation.override("cy"):
        heading = translation.gettext("Accessibility statement")
        skip = translation.gettext("Skip to main content")
    assert heading != "Accessibility statement", "the Welsh catalogue is not compiled or lacks this string"
    assert heading in welsh
    assert skip in welsh
    assert "Skip to main content" not in welsh
    assert _switch_link(welsh) == ("/accessibility/", "en")


def test_signed_in_pages_are_welsh_too(demo: Any, client: Client) -> None:
    client.force_login(demo.users["administrator"])
    page = client.get("/cy/o/demo/units/").content.decode()
    with translation.override("cy"):
        assert translation.gettext("Units") in page
        assert translation.gettext("Add a unit") in page
    assert _switch_link(page)[0] == "/o/demo/units/"


def test_every_string_has_a_welsh_translation() -> None:
    from dueregard.web.translations import missing_translations

    absent, untranslated = missing_translations("cy")
    assert absent == []
    assert untranslated == []
