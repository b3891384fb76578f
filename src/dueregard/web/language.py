"""The English / Cymraeg switch: a plain link to the same page in the other language (works without JavaScript)."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation


@dataclass(frozen=True)
class LanguageLink:
    code: str
    label: str  # the language's name in that language, as GOV.UK's language switcher shows it
    url: str


_NAMES = {"en": "English", "cy": "Cymraeg"}


def other_language_url(request: HttpRequest) -> LanguageLink:
    current = translation.get_language() or "en"
    other = "en" if current.startswith("cy") else "cy"
    return LanguageLink(code=other, label=_NAMES[other], url=translate_url(request.get_full_path(), other))
