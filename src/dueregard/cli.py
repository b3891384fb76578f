"""The ``dueregard`` command-line tool.

Subcommands live in :mod:`dueregard.commands`, one module each, and are imported only when they are run, so
``dueregard --help`` stays fast and never loads Django, Ibis or SciPy.
"""

from __future__ import annotations

import importlib

import click

# name -> "module:attribute" of a click.Command. Keep sorted by name.
COMMANDS: dict[str, tuple[str, str]] = {
    "analyse": (
        "dueregard.commands.analyse:command",
        "Run a report (WRES, pay gap, workforce...) over record-level data; write CSV, XLSX, JSON and HTML.",
    ),
    "assessments-review-due": (
        "dueregard.commands.review_due:command",
        "Mark impact assessments whose review date has come as due for review (run daily).",
    ),
    "classifications": (
        "dueregard.commands.classifications:command",
        "List classifications, or show one's codes, labels and groups.",
    ),
    "createadmin": (
        "dueregard.commands.createadmin:command",
        "Create an installation (and organisation) administrator.",
    ),
    "createorganisation": (
        "dueregard.commands.createorganisation:command",
        "Create an organisation and its first administrator.",
    ),
    "demo": ("dueregard.commands.demo:command", "Build the demo organisations and serve the web app."),
    "import-plan": (
        "dueregard.commands.import_plan:command",
        "Import an existing action plan from a CSV, XLSX/ODS or DOCX table.",
    ),
    "manage": ("dueregard.commands.manage:command", "Run a Django management command."),
    "migrate": ("dueregard.commands.migrate:command", "Create or update the database tables."),
    "remind": (
        "dueregard.commands.remind:command",
        "Email owners about actions due soon, overdue or without an update this quarter.",
    ),
    "serve": ("dueregard.commands.serve:command", "Serve the web app."),
    "timescales": (
        "dueregard.commands.timescales:command",
        "Read a free-text timescale such as 'By April 2013'.",
    ),
}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when that subcommand is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module_name, _, attribute = COMMANDS[cmd_name][0].partition(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Short help comes from the table above, so listing commands imports none of them.
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dueregard")
def main() -> None:
    """dueregard: equality objectives, impact assessments, evidence and publication."""


if __name__ == "__main__":  # pragma: no cover
    main()
