"""Keep the analytics package's Welsh catalogue in step with the code, and compile it.

    python -m dueregard.analytics.translations extract  # refresh the template and merge it into cy/….po
    python -m dueregard.analytics.translations compile  # .po -> .mo (run by scripts/setup; .mo is not committed)
    python -m dueregard.analytics.translations check    # fail if a text in the code has no Welsh, or a
                                                        # translation loses or invents a {placeholder}

The catalogue is the analytics package's own (domain ``dueregard_analytics``, under ``analytics/locale``), apart
from the web app's Django catalogue: the analytics package never imports Django, and runs where the web app is not
installed. It holds the texts of ``src/dueregard/analytics`` and of the commands that run it: ``dueregard analyse``
and ``dueregard classifications`` (``commands/analyse.py``, ``commands/classifications.py``) with their help and
click's own words (``commands/translated.py``), which the web app's extraction leaves out (``[ignore: …]`` in
babel.cfg). Babel does the work (no GNU gettext needed); at run time :mod:`dueregard.analytics.i18n` reads the
compiled catalogue with the standard library's :mod:`gettext`.
"""

from __future__ import annotations

import re
import string
import sys
import tokenize
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .i18n import DOMAIN, LOCALE_DIR, forget_catalogues

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog, Message

PACKAGE_DIR = Path(__file__).resolve().parent
SOURCE_DIR = PACKAGE_DIR.parent
#: Where the catalogue's texts are: the analytics package, and the commands that run it (babel.cfg leaves each of
#: these out of the web app's catalogue).
SOURCES = (
    PACKAGE_DIR,
    SOURCE_DIR / "commands" / "analyse.py",
    SOURCE_DIR / "commands" / "classifications.py",
    SOURCE_DIR / "commands" / "translated.py",
)
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
TRANSLATED = ("cy",)
COMMENT_TAGS = ("Translators:",)
_F_STRING = re.compile(r"^[rRbB]?[fF][rRbB]?['\"]")
_CALL = re.compile(r"(?<![\w.])(_|gettext|ngettext|N_)\(\s*['\"]")


def catalogue_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def _relative(path: str | Path) -> str:
    return Path(path).resolve().relative_to(SOURCE_DIR).as_posix()


def template_from_code() -> Catalog:
    """Every text marked in the sources (``_``, ``ngettext``, ``N_`` ...), as a catalogue template."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir, extract_from_file

    template = Catalog(
        domain=DOMAIN,
        project="dueregard",
        copyright_holder="dueregard contributors",
        header_comment="# Texts of dueregard's analytics package and its command, `dueregard analyse`.\n"
        "# Copyright (C) dueregard contributors\n"
        "# This file is distributed under the same license as the dueregard project.\n#",
        fuzzy=False,
    )

    for source in SOURCES:
        if source.is_dir():
            found: Iterable[tuple[str, int, str | tuple[str, ...], list[str], str | None]] = (
                (str(source / filename), lineno, message, comments, context)
                for filename, lineno, message, comments, context in extract_from_dir(
                    source, comment_tags=COMMENT_TAGS, strip_comment_tags=True
                )
            )
        else:
            found = (
                (str(source), lineno, message, comments, context)
                for lineno, message, comments, context in extract_from_file(
                    "python", source, comment_tags=COMMENT_TAGS, strip_comment_tags=True
                )
            )
        for filename, lineno, message, comments, context in found:
            template.add(message, None, [(_relative(filename), lineno)], auto_comments=comments, context=context)
    return template


def _read(path: Path, language: str | None = None) -> Catalog:
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def _write(path: Path, catalogue: Catalog) -> None:
    from babel.messages.pofile import write_po

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalogue, width=120, no_location=True, sort_output=True, ignore_obsolete=True)


def extract() -> None:
    """Write the template from the code and merge it into each language's catalogue (new texts untranslated,
    texts no longer in the code dropped)."""
    from babel.messages.catalog import Catalog

    template = template_from_code()
    _write(TEMPLATE, template)
    for language in TRANSLATED:
        path = catalogue_path(language)
        if path.exists():
            catalogue = _read(path, language)
        else:
            catalogue = Catalog(locale=language, domain=DOMAIN, project="dueregard", fuzzy=False)
        catalogue.update(template, no_fuzzy_matching=True, update_creation_date=False)
        _write(path, catalogue)


def compile_catalogues() -> list[Path]:
    """Compile each ``.po`` into the ``.mo`` that :mod:`gettext` reads; return the files written."""
    from babel.messages.mofile import write_mo

    written = []
    for language in TRANSLATED:
        path = catalogue_path(language)
        if not path.exists():
            continue
        catalogue = _read(path, language)
        target = path.with_suffix(".mo")
        with target.open("wb") as handle:
            write_mo(handle, catalogue)
        written.append(target)
    forget_catalogues()
    return written


def compile_if_stale(language: str = "cy") -> None:
    """Compile the catalogue when its .mo is missing or older than the .po (the tests read the Welsh that is in
    the repository; .mo files are compiled by scripts/setup and not committed), and drop the loaded ones."""
    from dueregard.analytics import i18n

    po = catalogue_path(language)
    mo = po.with_suffix(".mo")
    if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
        compile_catalogues()
    i18n.forget_catalogues()


def _fields(text: str) -> set[str]:
    """The ``{placeholder}`` names of a message (ValueError when its braces do not parse)."""
    return {name for _literal, name, _spec, _conversion in string.Formatter().parse(text) if name is not None}


def _forms(value: str | tuple[str, ...] | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def hidden_texts() -> list[str]:
    """Texts marked inside an f-string (``f"<h2>{_('Contents')}</h2>"``), which the extractor cannot see, so they
    would never be translated: look the text up outside the f-string."""
    files = [path for source in SOURCES for path in (sorted(source.rglob("*.py")) if source.is_dir() else [source])]
    found = []
    for path in files:
        with path.open("rb") as handle:
            for token in tokenize.tokenize(handle.readline):
                if token.type == tokenize.STRING and _F_STRING.match(token.string) and _CALL.search(token.string):
                    found.append(
                        f"a text marked inside an f-string, which extract cannot see: "
                        f"{_relative(path)}:{token.start[0]}"
                    )
    return found


def problems(language: str = "cy") -> list[str]:
    """What stops the catalogue of ``language`` from covering the code: texts not in it, left untranslated (or
    fuzzy), translations whose placeholders differ from the English (each form of a plural may leave out
    the number, as Welsh "un cofnod" does), and texts marked where extract cannot see them."""
    path = catalogue_path(language)
    if not path.exists():
        return [f"there is no {language} catalogue ({_relative(path)}): run extract"]
    catalogue = _read(path, language)
    found: list[str] = hidden_texts()
    for message in template_from_code():
        if not message.id:
            continue
        translation = catalogue.get(message.id, message.context)
        if translation is None:
            found.append(f"not in the {language} catalogue: {_shown(message)}")
            continue
        forms = _forms(translation.string)
        if translation.fuzzy or not forms or not all(forms):
            found.append(f"not yet translated into {language}: {_shown(message)}")
            continue
        found += _placeholder_problems(message, forms, language)
    return found


def _placeholder_problems(message: Message, forms: list[str], language: str) -> list[str]:
    english = _forms(message.id)
    try:
        wanted = set().union(*(_fields(text) for text in english))
    except ValueError:
        return []  # the English is not a format string (no .format() is called on it)
    found = []
    plural = len(english) > 1
    for form in forms:
        try:
            fields = _fields(form)
        except ValueError:
            found.append(f"braces that do not parse in the {language} of {_shown(message)}: {form!r}")
            continue
        if (plural and not fields <= wanted) or (not plural and fields != wanted):
            found.append(
                f"placeholders {sorted(fields)} in the {language} of {_shown(message)}, not {sorted(wanted)}: {form!r}"
            )
    return found


def _shown(message: Message) -> str:
    return repr(message.id if isinstance(message.id, str) else message.id[0])


def main(argv: list[str]) -> int:
    action = argv[0] if argv else ""
    if action == "extract":
        extract()
    elif action == "compile":
        compile_catalogues()
    elif action == "check":
        found = [problem for language in TRANSLATED for problem in problems(language)]
        for problem in found:
            print(problem)
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
