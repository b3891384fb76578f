"""The command line in the language of the run: the help of a command and of its options, and click's own words
("Usage:", "Options:", "Error:", "Missing option"...), for ``dueregard analyse`` and ``dueregard classifications``.

    @click.command(cls=TranslatedCommand, language_option="--language", help=N_("Run a preset report..."))
    @click.option("--out", help=N_("Folder to write the report into..."))

The language comes from the command line before click parses it (the last ``--language VALUE``), else from the
command above (``classifications show`` follows ``classifications``), else from ``DUEREGARD_LANGUAGE``, else
English; so a parse error and ``--help`` are already in it, whatever the order of the options.

- **Help texts** are the English msgids (marked with ``N_``), translated with the analytics catalogue when the help
  is formatted, on a copy of the command or option: nothing is stored translated.
- **click's own words**: click looks them up with the standard library's ``gettext`` (the global default domain),
  so while a translated command parses, runs or shows an error, :func:`click_words` points click's ``_`` and
  ``ngettext`` at the analytics catalogue (their msgids are in it: :data:`CLICK_WORDS`); they are put back
  afterwards, and in English nothing is changed at all. An error that click shows after the command has returned
  (``main`` catches it) is shown in the command's language too.

Cheap to import: click and :mod:`dueregard.analytics.i18n` (the standard library's ``gettext``) only.
"""

from __future__ import annotations

import copy
import gettext as _stdlib_gettext
import importlib
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from types import ModuleType
from typing import IO, Any, Final, TypeVar

import click

from dueregard.analytics.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    N_,
    _,
    get_language,
    language,
    ngettext,
    normalise_language,
)

#: The environment variable that chooses the language when the command line does not.
LANGUAGE_ENVVAR: Final = "DUEREGARD_LANGUAGE"

#: The help of the help option.
SHOW_HELP: Final = N_("Show this message and exit.")

#: click's words that these commands can show, as click 8.5 spells them (click/core.py, exceptions.py,
#: formatting.py, decorators.py, parser.py), so that the catalogue holds their Welsh; the plural ones are in
#: :func:`click_plural_words`.
CLICK_WORDS: Final = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    SHOW_HELP,
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing command."),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Option {name!r} does not take a value."),
    N_("default: {default}"),
    N_("env var: {var}"),
    N_("Aborted!"),
)

#: The modules of click that look words up with ``from gettext import gettext as _`` (and ``ngettext``).
_CLICK_MODULES: Final = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.types",
)
_META_KEY: Final = "dueregard.language"
_SHOWN_IN: Final = "_dueregard_language"

_lock = threading.Lock()
_depth = 0
_replaced: list[tuple[ModuleType, str, Any]] = []


def click_plural_words(number: int) -> list[str]:
    """click's plural messages that these commands can show, for ``number``, in the current language (they are
    here so that the catalogue holds them)."""
    return [
        ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", number),
        ngettext("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})", number),
        ngettext("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments.", number),
        ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", number),
    ]


def _click_gettext(message: str) -> str:
    if get_language() != DEFAULT_LANGUAGE:
        translated = _(message)
        if translated != message:
            return translated
    return _stdlib_gettext.gettext(message)


def _click_ngettext(singular: str, plural: str, number: int) -> str:
    if get_language() != DEFAULT_LANGUAGE:
        translated = ngettext(singular, plural, number)
        if translated not in (singular, plural):
            return translated
    return _stdlib_gettext.ngettext(singular, plural, number)


@contextmanager
def click_words() -> Iterator[None]:
    """While the block runs, click's own words are in the current language (when it is not English): click's
    ``_`` and ``ngettext`` look in the analytics catalogue first, in the language of the thread or task that asks,
    and fall back to the standard library's. They are put back when the last such block ends."""
    global _depth
    if get_language() == DEFAULT_LANGUAGE:
        yield
        return
    with _lock:
        if _depth == 0:
            for name in _CLICK_MODULES:
                module = importlib.import_module(name)
                for attribute, original, replacement in (
                    ("_", _stdlib_gettext.gettext, _click_gettext),
                    ("ngettext", _stdlib_gettext.ngettext, _click_ngettext),
                ):
                    if getattr(module, attribute, None) is original:
                        _replaced.append((module, attribute, original))
                        setattr(module, attribute, replacement)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                for module, attribute, original in _replaced:
                    setattr(module, attribute, original)
                _replaced.clear()


def language_option(help_text: str) -> Callable[[_Decorated], _Decorated]:
    """The ``--language en|cy`` option of a translated command (``language_option="--language"``), into the
    parameter ``language_code``: eager, defaulting to ``DUEREGARD_LANGUAGE`` and then English. ``help_text`` is an
    English msgid (marked with ``N_``)."""
    return click.option(
        "--language",
        "language_code",
        type=click.Choice(sorted(LANGUAGES)),
        default=DEFAULT_LANGUAGE,
        show_default=True,
        envvar=LANGUAGE_ENVVAR,
        show_envvar=True,
        is_eager=True,
        help=help_text,
    )


def language_of(args: Sequence[str], *, option: str | None = None, parent: click.Context | None = None) -> str:
    """The language a command line asks for: the last ``option VALUE`` (or ``option=VALUE``) before ``--``, else
    the language of the command above, else ``DUEREGARD_LANGUAGE``, else English. A language with no catalogue
    counts as English here (click then reports the bad value)."""
    code: str | None = None
    if option:
        for index, arg in enumerate(args):
            if arg == "--":
                break
            if arg == option and index + 1 < len(args):
                code = args[index + 1]
            elif arg.startswith(f"{option}="):
                code = arg[len(option) + 1 :]
    if code is None and parent is not None and _META_KEY in parent.meta:
        return str(parent.meta[_META_KEY])
    if code is None:
        code = os.environ.get(LANGUAGE_ENVVAR)
    if not code:
        return DEFAULT_LANGUAGE
    try:
        return normalise_language(code)
    except ValueError:
        return DEFAULT_LANGUAGE


def _shown_in(error: click.ClickException, code: str) -> None:
    """Show ``error`` in ``code`` whenever click shows it (``main`` does, after the command has returned)."""
    if code == DEFAULT_LANGUAGE or getattr(error, _SHOWN_IN, None):
        return
    show = error.show

    def show_in_language(file: IO[Any] | None = None) -> None:
        with language(code), click_words():
            show(file)

    error.show = show_in_language  # type: ignore[method-assign]
    setattr(error, _SHOWN_IN, code)


@contextmanager
def _in_language(code: str) -> Iterator[None]:
    with language(code), click_words():
        try:
            yield
        except click.ClickException as error:
            _shown_in(error, code)
            raise


_Shown = TypeVar("_Shown", click.Command, click.Parameter)
_Decorated = TypeVar("_Decorated", bound=Callable[..., Any])


def _translated(item: _Shown) -> _Shown:
    """A copy of a command or parameter with its help (and short help) in the current language."""
    shown = copy.copy(item)
    if item.help:
        shown.help = _(item.help)
    if isinstance(item, click.Command) and isinstance(shown, click.Command) and item.short_help:
        shown.short_help = _(item.short_help)
    return shown


class TranslatedCommand(click.Command):
    """A click command whose help, options' help and click's own words are in the language of the run.

    ``language_option`` names the option that chooses the language (``"--language"``), if the command has one.
    Help texts are English msgids marked with ``N_``.
    """

    def __init__(self, *args: Any, language_option: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language_option = language_option

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        code = language_of(args, option=self.language_option, parent=parent)
        with _in_language(code):
            ctx = super().make_context(info_name, args, parent, **extra)
        ctx.meta[_META_KEY] = code
        return ctx

    def invoke(self, ctx: click.Context) -> Any:
        with _in_language(str(ctx.meta.get(_META_KEY, DEFAULT_LANGUAGE))):
            return super().invoke(ctx)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            # click makes it once, with its help looked up then (in Welsh if the first run was Welsh): keep the
            # English msgid, which is translated when the help is shown.
            option.help = SHOW_HELP
        return option

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        click.Command.format_help_text(_translated(self), ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        return click.Command.get_short_help_str(_translated(self), limit)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        records = [
            record
            for param in self.get_params(ctx)
            if not isinstance(param, click.Argument) and (record := _translated(param).get_help_record(ctx))
        ]
        if records:
            with formatter.section(_("Options")):
                formatter.write_dl(records)


class TranslatedGroup(TranslatedCommand, click.Group):
    """A click group whose help, subcommands' short help and click's own words are in the language of the run;
    its subcommands are :class:`TranslatedCommand` and follow its language."""

    command_class = TranslatedCommand

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        TranslatedCommand.format_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)
