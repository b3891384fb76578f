"""Keep the Welsh catalogue in step with the code, and compile it.

    python -m dueregard.web.translations extract   # refresh locale/django.pot and merge it into cy/django.po
    python -m dueregard.web.translations compile   # .po -> .mo (run by the set-up scripts; .mo files are not committed)
    python -m dueregard.web.translations check     # fail if a string in the code is missing from the Welsh catalogue

Babel does the work (no GNU gettext needed); Django reads the compiled catalogues as usual.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

PACKAGE_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = PACKAGE_DIR / "locale"
TEMPLATE = LOCALE_DIR / "django.pot"
REPO_ROOT = PACKAGE_DIR.parent.parent
KEYWORDS = ["gettext_lazy", "ngettext_lazy:1,2", "pgettext:1c,2", "pgettext_lazy:1c,2", "npgettext:1c,2,3"]


def _pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=REPO_ROOT)  # noqa: S603


def extract() -> None:
    keyword_args = [arg for keyword in KEYWORDS for arg in ("-k", keyword)]
    _pybabel(
        "extract",
        "-F",
        "babel.cfg",
        "-o",
        str(TEMPLATE),
        "--no-location",
        "--sort-output",
        "--project",
        "dueregard",
        "--copyright-holder",
        "dueregard contributors",
        *keyword_args,
        "src/dueregard",
    )
    catalogue = LOCALE_DIR / "cy" / "LC_MESSAGES" / "django.po"
    if catalogue.exists():
        _pybabel("update", "-i", str(TEMPLATE), "-o", str(catalogue), "-l", "cy", "--no-fuzzy-matching")
    else:
        _pybabel("init", "-i", str(TEMPLATE), "-o", str(catalogue), "-l", "cy")


def compile_catalogues() -> None:
    for po_file in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po")):
        _pybabel("compile", "-i", str(po_file), "-o", str(po_file.with_suffix(".mo")), "-l", po_file.parts[-3])


def _is_translated(string: object) -> bool:
    if isinstance(string, str):
        return bool(string)
    return isinstance(string, tuple | list) and all(string)


def missing_translations(language: str = "cy") -> tuple[list[str], list[str]]:
    """(strings in the template but not in the catalogue, strings in the catalogue left untranslated)."""
    with TEMPLATE.open("rb") as handle:
        template = read_po(handle)
    with (LOCALE_DIR / language / "LC_MESSAGES" / "django.po").open("rb") as handle:
        catalogue = read_po(handle, locale=language)
    absent = [str(m.id) for m in template if m.id and m.id not in catalogue]
    untranslated = [str(m.id) for m in catalogue if m.id and not _is_translated(m.string)]
    return absent, untranslated


def main(argv: list[str]) -> int:
    action = argv[0] if argv else ""
    if action == "extract":
        extract()
    elif action == "compile":
        compile_catalogues()
    elif action == "check":
        absent, untranslated = missing_translations()
        for message in absent:
            print(f"not in the Welsh catalogue: {message!r}")
        for message in untranslated:
            print(f"not yet translated into Welsh: {message!r}")
        return 1 if absent or untranslated else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
