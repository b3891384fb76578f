"""The command line's own words in the language of the run (dueregard.commands.translated): click's words come
from the analytics catalogue only while a Welsh command runs, and are put back afterwards."""

from __future__ import annotations

import gettext
import threading

import click
import click.core
import click.exceptions
import click.formatting
import pytest
from click.testing import CliRunner

from dueregard.analytics import translations
from dueregard.analytics.i18n import language
from dueregard.cli import main
from dueregard.commands.translated import click_plural_words, click_words, language_of


@pytest.fixture(autouse=True)
def _fast_passwords() -> None:
    # Overrides the suite-wide fixture (which needs pytest-django): framework-free, runs with `-p no:django`.
    return None


@pytest.fixture(scope="module", autouse=True)
def _compiled() -> None:
    translations.compile_if_stale("cy")


def _click_is_as_it_was() -> bool:
    return (
        click.core._ is gettext.gettext
        and click.core.ngettext is gettext.ngettext
        and click.formatting._ is gettext.gettext
        and click.exceptions._ is gettext.gettext
    )


def test_click_s_words_are_welsh_only_inside_a_welsh_block() -> None:
    assert _click_is_as_it_was()
    with click_words():  # English: nothing is touched
        assert _click_is_as_it_was()
    seen: dict[str, str] = {}
    with language("cy"), click_words():
        assert click.formatting._("Usage:") == "Defnydd:"
        assert click.exceptions._("Error: {message}") == "Gwall: {message}"
        assert click.core.ngettext("Got unexpected extra argument ({args})", "x", 1) == (
            "Cafwyd ymresymiad ychwanegol annisgwyl ({args})"
        )
        # A text the catalogue does not hold is click's own.
        assert click.core._("(dynamic)") == "(dynamic)"
        with click_words():  # nested: still Welsh after the inner block
            pass
        assert click.formatting._("Usage:") == "Defnydd:"
        # Another thread has its own language (English): it reads click's English while this block is Welsh.
        thread = threading.Thread(target=lambda: seen.update(usage=click.formatting._("Usage:")))
        thread.start()
        thread.join()
    assert seen == {"usage": "Usage:"}
    assert _click_is_as_it_was()


def test_a_welsh_run_leaves_click_as_it_was() -> None:
    result = CliRunner().invoke(main, ["analyse", "--language", "cy", "--backend", "spark"])
    assert "Gwall: Gwerth annilys ar gyfer '--backend'" in result.output
    assert _click_is_as_it_was()
    result = CliRunner().invoke(main, ["analyse", "--backend", "spark"], env={"DUEREGARD_LANGUAGE": ""})
    assert "Error: Invalid value for '--backend'" in result.output


def test_click_s_plural_words_in_welsh() -> None:
    with language("cy"):
        assert click_plural_words(1) == [
            "Oeddech chi'n golygu {possibility}?",
            "Cafwyd ymresymiad ychwanegol annisgwyl ({args})",
            "Mae angen gwerth ar yr opsiwn {name!r}.",
            "Nid {choice} yw {value!r}.",
        ]
        assert click_plural_words(2)[2] == "Mae angen {nargs} werth ar yr opsiwn {name!r}."
    assert click_plural_words(2)[3] == "{value!r} is not one of {choices}."


@pytest.mark.parametrize(
    ("args", "environment", "code"),
    [
        (["--language", "cy"], "", "cy"),
        (["x.csv", "--language=cy-GB"], "", "cy"),
        (["--language", "cy", "--language", "en"], "", "en"),  # the last one wins, as in click
        (["--", "--language", "cy"], "", "en"),  # after "--" it is an argument
        ([], "cy", "cy"),
        (["--language", "en"], "cy", "en"),  # the option wins over the environment
        (["--language", "fr"], "", "en"),  # click refuses it, in English
        ([], "fr", "en"),
    ],
)
def test_the_language_is_read_before_click_parses(
    monkeypatch: pytest.MonkeyPatch, args: list[str], environment: str, code: str
) -> None:
    monkeypatch.setenv("DUEREGARD_LANGUAGE", environment)
    assert language_of(args, option="--language") == code


def test_a_subcommand_follows_the_command_above(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUEREGARD_LANGUAGE", "")
    parent = click.Context(click.Command("classifications"))
    parent.meta["dueregard.language"] = "cy"
    assert language_of(["show", "sex"], parent=parent) == "cy"
    assert language_of(["--language", "cy"]) == "en"  # without the option, "--language" is not read
