"""``dueregard classifications``: list the classifications, or show one's codes, labels and groups.

Its help, messages and column headings are in Welsh with ``--language cy`` (before the subcommand:
``dueregard classifications --language cy show ethnicity-ew-2021``) or ``DUEREGARD_LANGUAGE=cy``; the
classifications themselves (ids, titles, codes, labels) are data and stay as their files have them, and so do the
JSON keys.
"""

from __future__ import annotations

import json

import click

from dueregard.analytics.i18n import N_, _
from dueregard.commands.translated import TranslatedGroup, language_option


def _table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


@click.group(
    name="classifications",
    cls=TranslatedGroup,
    language_option="--language",
    invoke_without_command=True,
    help=N_("List the classifications (census ethnic groups, disability, sex, religion, age bands...)."),
)
@click.option("--json", "as_json", is_flag=True, help=N_("Print JSON instead of a table."))
@language_option(N_("The language of these messages and headings: en (English) or cy (Cymraeg, Welsh)."))
@click.pass_context
def command(ctx: click.Context, as_json: bool, language_code: str) -> None:
    # The language is already in force: TranslatedGroup reads --language before click parses the command line.
    if ctx.invoked_subcommand is not None:
        return
    from dueregard.analytics.classifications import list_classifications

    found = list_classifications()
    if as_json:
        click.echo(
            json.dumps(
                [
                    {"id": c.id, "characteristic": c.characteristic, "title": c.title, "categories": len(c.categories)}
                    for c in found
                ],
                indent=2,
            )
        )
        return
    rows = [[c.id, c.characteristic, str(len(c.categories)), c.title] for c in found]
    click.echo(_table(rows, [_("id"), _("characteristic"), _("categories"), _("title")]))


@command.command(
    name="show", help=N_("Show the codes, labels and groups of one classification, e.g. ethnicity-ew-2021.")
)
@click.argument("classification_id")
@click.option("--json", "as_json", is_flag=True, help=N_("Print the whole classification as JSON."))
def show(classification_id: str, as_json: bool) -> None:
    from dueregard.analytics.classifications import get_classification

    try:
        classification = get_classification(classification_id)
    except KeyError as error:
        raise click.ClickException(str(error.args[0])) from None
    if as_json:
        click.echo(json.dumps(classification.to_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(classification.title)
    click.echo(
        _("{geography}; source: {source}").format(
            geography=classification.geography, source=classification.source.strip()
        )
    )
    click.echo("")
    rows = [
        [category.code, category.label, classification.group(category.group).label]
        for category in classification.categories
    ]
    click.echo(_table(rows, [_("code"), _("label"), _("group")]))
    click.echo("")
    click.echo(_("Unknown: {values}").format(values=", ".join(repr(value) for value in classification.unknown_values)))
    aggregations = ["groups", *(aggregation.id for aggregation in classification.aggregations)]
    click.echo(_("Aggregations: {names}").format(names=", ".join(aggregations)))
