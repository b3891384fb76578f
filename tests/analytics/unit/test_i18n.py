"""The analytics package's own translation (no Django): the language of a run, the Welsh catalogue, the fallback
to English, and the catalogue check that scripts/test runs."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg

from dueregard.analytics import i18n, translations
from dueregard.analytics.i18n import _, and_list, get_language, language, ngettext

REPO = Path(__file__).parents[3]


@pytest.fixture(scope="module", autouse=True)
def _compiled() -> None:
    translations.compile_if_stale("cy")


def test_english_unless_a_block_chooses_welsh() -> None:
    assert get_language() == "en"
    assert _("Contents") == "Contents"
    with language("cy") as code:
        assert code == "cy"
        assert get_language() == "cy"
        assert _("Contents") == "Cynnwys"
        assert _("withheld to protect confidentiality") == "wedi'i ddal yn ôl i ddiogelu cyfrinachedd"
        with language("en"):
            assert _("Contents") == "Contents"
        assert _("Contents") == "Cynnwys"
    assert get_language() == "en"
    assert _("Contents") == "Contents"


def test_language_none_leaves_the_language_as_it_is() -> None:
    with language("cy"), language(None) as code:
        assert code == "cy"
        assert _("Total") == "Cyfanswm"


@pytest.mark.parametrize(
    ("given", "code"), [("cy", "cy"), ("CY", "cy"), ("cy-GB", "cy"), ("cy_GB.UTF-8", "cy"), ("en-GB", "en")]
)
def test_language_codes_are_read_loosely(given: str, code: str) -> None:
    assert i18n.normalise_language(given) == code


def test_a_language_without_a_catalogue_is_refused() -> None:
    with pytest.raises(ValueError, match=r"No translation into 'fr': choose one of en, cy\."), language("fr"):
        pass


def test_welsh_plurals_follow_the_catalogue_forms() -> None:
    wrote = ("Wrote {count} table to {folder}: {files}", "Wrote {count} tables to {folder}: {files}")
    with language("cy"):
        shown = {n: ngettext(*wrote, n).format(count=n, folder="allan", files="report.html") for n in (1, 2, 3, 6, 7)}
    assert shown == {
        1: "Ysgrifennwyd 1 tabl i allan: report.html",
        2: "Ysgrifennwyd 2 dabl i allan: report.html",
        3: "Ysgrifennwyd 3 thabl i allan: report.html",
        6: "Ysgrifennwyd 6 thabl i allan: report.html",
        7: "Ysgrifennwyd 7 tabl i allan: report.html",
    }
    assert ngettext(*wrote, 1) == wrote[0]
    assert ngettext(*wrote, 2) == wrote[1]


def test_lists_in_prose() -> None:
    assert and_list(["2022-23"]) == "2022-23"
    assert and_list([1, 2, 4]) == "1, 2 and 4"
    assert and_list(["A", "B", "C"], commas=False) == "A and B and C"
    with language("cy"):
        assert and_list([1, 2, 4]) == "1, 2 a 4"
        assert and_list(["Heb anabledd", "Anabl"]) == "Heb anabledd ac Anabl"  # "ac" before a vowel
        assert and_list(["Gwyn", "Du", "Ŵyr"]) == "Gwyn, Du ac Ŵyr"
        assert and_list(["Dynion", "Menywod"]) == "Dynion a Menywod"
        # Our own Welsh words take the aspirate mutation after "a" (c, p, t -> ch, ph, th); the data's do not.
        assert and_list(["2022-23", _("records with no period")]) == "2022-23 a chofnodion heb gyfnod"
        assert and_list(["Gwyn", _("Population")]) == "Gwyn a Phoblogaeth"
        assert and_list(["Gwyn", "Pakistani", "Christian"]) == "Gwyn, Pakistani a Christian"
        assert and_list(["Du", "Tsieineaidd"]) == "Du a Tsieineaidd"  # not a text of the catalogue
    assert and_list(["Men", "Other"]) == "Men and Other"


def test_without_a_compiled_catalogue_every_text_is_english(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)  # holds no .mo
    i18n.forget_catalogues()
    try:
        with language("cy"):
            assert _("Contents") == "Contents"
            assert ngettext("{count} record", "{count} records", 2) == "{count} records"
    finally:
        monkeypatch.undo()
        i18n.forget_catalogues()
    with language("cy"):
        assert _("Contents") == "Cynnwys"


def test_each_thread_keeps_its_own_language() -> None:
    seen: dict[str, str] = {}
    started = threading.Barrier(2)

    def work(code: str) -> None:
        with language(code):
            started.wait(timeout=10)  # both threads are inside their blocks at once
            seen[code] = _("Contents")

    threads = [threading.Thread(target=work, args=(code,)) for code in ("cy", "en")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {"cy": "Cynnwys", "en": "Contents"}


def test_the_welsh_catalogue_covers_every_text_of_the_analytics_package() -> None:
    # What `python -m dueregard.analytics.translations check` (run by scripts/test) reports: nothing missing,
    # untranslated, fuzzy, with other placeholders than the English, or marked where extract cannot see it.
    assert translations.problems("cy") == []


def test_the_check_names_an_untranslated_text_and_a_lost_placeholder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    po = tmp_path / "cy.po"
    text = translations.catalogue_path("cy").read_text(encoding="utf-8")
    text = text.replace('msgstr "Cynnwys"', 'msgstr ""', 1)
    text = text.replace('msgstr "Grŵp cyfeirio: {group}."', 'msgstr "Grŵp cyfeirio: {grwp}."', 1)
    po.write_text(text, encoding="utf-8")
    monkeypatch.setattr(translations, "catalogue_path", lambda language: po)
    found = translations.problems("cy")
    assert "not yet translated into cy: 'Contents'" in found
    assert any(
        problem.startswith("placeholders ['grwp'] in the cy of 'Reference group: {group}.'") for problem in found
    )
    assert len(found) == 2


def test_the_web_catalogue_leaves_the_analytics_texts_to_their_own() -> None:
    # babel.cfg's [ignore: ...] sections: the web extraction (python -m dueregard.web.translations extract) must
    # not put the texts of the analytics package, or of the commands that run it (their help and click's words),
    # into django.po: they are in the analytics catalogue, which takes its texts from the same files.
    with (REPO / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    web_files = {
        filename
        for filename, _lineno, _message, _comments, _context in extract_from_dir(
            REPO / "src" / "dueregard", method_map, options_map
        )
    }
    assert web_files, "the web extraction found no texts at all"
    own = {str(path.relative_to(REPO / "src" / "dueregard")) for path in translations.SOURCES if path.is_file()}
    assert own == {"commands/analyse.py", "commands/classifications.py", "commands/translated.py"}
    assert not [name for name in web_files if name.startswith("analytics/") or name in own]
    assert any(name.startswith("objectives/") for name in web_files)
