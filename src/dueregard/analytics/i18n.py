"""The language of the analytics package's own texts (report titles, notes, column labels, legends, methods), without
Django: the standard library's :mod:`gettext` with the package's own catalogue.

    from dueregard.analytics.i18n import _, language

    with language("cy"):
        report = get("wres").run(data)     # titles, notes and labels in Welsh
    write_report(report, "out/")          # the writers use report.language, wherever they run

The language is a context variable (English unless a ``with language(...)`` block says otherwise), so one process
can build an English and a Welsh report side by side, in threads or tasks, without either seeing the other's
choice. Texts are looked up when they are made: a module-level constant is marked with :func:`N_` and translated
with ``_()`` where it is used.

The catalogue is ``locale/<language>/LC_MESSAGES/dueregard_analytics.mo`` beside this file, compiled from the
``.po`` file by ``python -m dueregard.analytics.translations compile`` (the set-up script runs it; ``.mo`` files are
not committed). Without a compiled catalogue every text is English and nothing fails.

Messages use named placeholders filled with :meth:`str.format` *after* translation, so a translation can put them
in its own order: ``_("{count} of {total} records").format(count=..., total=...)``. Data labels (the groups of a
classification, the values in the data) are not translated.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Final

DOMAIN: Final = "dueregard_analytics"
LOCALE_DIR: Final = Path(__file__).resolve().parent / "locale"
DEFAULT_LANGUAGE: Final = "en"
#: The languages a report can be written in: the code and the language's own name.
LANGUAGES: Final = {"en": "English", "cy": "Cymraeg"}

_current: ContextVar[str] = ContextVar("dueregard_analytics_language", default=DEFAULT_LANGUAGE)


def normalise_language(code: str) -> str:
    """``"cy"`` for ``"cy"``, ``"CY"``, ``"cy-GB"`` or ``"cy_GB.UTF-8"``; ValueError for a language with no
    catalogue."""
    primary = code.strip().replace("_", "-").split(".")[0].split("-")[0].lower()
    if primary not in LANGUAGES:
        choices = ", ".join(LANGUAGES)
        raise ValueError(f"No translation into {code!r}: choose one of {choices}.")
    return primary


def get_language() -> str:
    """The language texts are made in now (``"en"`` or ``"cy"``)."""
    return _current.get()


@contextmanager
def language(code: str | None) -> Iterator[str]:
    """Make the texts of everything done inside the block in ``code`` (None: leave the language as it is)."""
    if code is None:
        yield _current.get()
        return
    token = _current.set(normalise_language(code))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


@cache
def _catalogue(code: str) -> _gettext.NullTranslations:
    # fallback=True: without a compiled catalogue, gettext gives the English text back.
    return _gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[code], fallback=True)


def forget_catalogues() -> None:
    """Read the compiled catalogues again the next time a text is looked up (after compiling them)."""
    _catalogue.cache_clear()
    _welsh_texts.cache_clear()


def gettext(message: str) -> str:
    """``message`` in the current language."""
    code = _current.get()
    if code == DEFAULT_LANGUAGE:
        return message
    return _catalogue(code).gettext(message)


def ngettext(singular: str, plural: str, number: int) -> str:
    """The form of a message for ``number`` in the current language (Welsh has six)."""
    code = _current.get()
    if code == DEFAULT_LANGUAGE:
        return singular if number == 1 else plural
    return _catalogue(code).ngettext(singular, plural, number)


def and_list(items: Sequence[object], *, commas: bool = True) -> str:
    """Items as a list in prose in the current language: "a", "a and b", "a, b and c" ("a, b a c" in Welsh); with
    ``commas=False``, "a and b and c"."""
    texts = [str(item) for item in items]
    if not texts:
        return ""
    if len(texts) == 1:
        return texts[0]
    if commas:
        return _and(", ".join(texts[:-1]), texts[-1])
    joined = texts[0]
    for text in texts[1:]:
        joined = _and(joined, text)
    return joined


_WELSH_VOWELS: Final = frozenset("aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ")


def _and(items: str, last: str) -> str:
    """ "{items} and {last}"; in Welsh "a" becomes "ac" before a vowel ("Heb anabledd ac Anabl"), and a word of
    ours after "a" takes the aspirate mutation ("Du a Chymysg", "a chofnodion heb gyfnod"; see :func:`_aspirated`)."""
    joined = gettext("{items} and {last}").format(items=items, last=last)
    if get_language() != "cy" or not joined.endswith(f" a {last}"):
        return joined
    start = joined[: -len(last) - 3]
    if last[:1].casefold() in _WELSH_VOWELS:
        return f"{start} ac {last}"
    return f"{start} a {_aspirated(last)}"


_ASPIRATED: Final = {"c": "ch", "p": "ph", "t": "th", "C": "Ch", "P": "Ph", "T": "Th"}


def _aspirated(text: str) -> str:
    """``text`` after Welsh "a" (and): c, p, t become ch, ph, th, but only when ``text`` is one of dueregard's own
    Welsh texts (a translation in the catalogue). Data labels (a classification's "Pakistani", a period "2023-24")
    are names as the data give them and are left alone."""
    first = text[:1]
    if first not in _ASPIRATED or text[1:2] in ("h", "H") or text not in _welsh_texts():
        return text
    return _ASPIRATED[first] + text[1:]


@cache
def _welsh_texts() -> frozenset[str]:
    """Every translation in the Welsh catalogue (singular and plural forms)."""
    catalogue = getattr(_catalogue("cy"), "_catalog", {})
    return frozenset(text for text in catalogue.values() if isinstance(text, str) and text)


def N_(message: str) -> str:  # noqa: N802 (the name gettext's tools look for)
    """Mark ``message`` for the catalogue without translating it now (a constant made when a module is imported);
    translate it with ``_()`` where it is used."""
    return message


_ = gettext

__all__ = [
    "DEFAULT_LANGUAGE",
    "DOMAIN",
    "LANGUAGES",
    "LOCALE_DIR",
    "N_",
    "_",
    "and_list",
    "forget_catalogues",
    "get_language",
    "gettext",
    "language",
    "ngettext",
    "normalise_language",
]
