"""``dueregard import-plan``: import an action plan from a CSV, XLSX/ODS or DOCX table.

Reads the file, shows how it was understood (and every row-level error), and saves it as a new plan in one
transaction: all or nothing, unless --only-valid-rows.
"""

from __future__ import annotations

from pathlib import Path

import click

EXAMPLES = """
\b
Examples:
  dueregard import-plan plan.docx --organisation demo --as lead@example.org --preview
  dueregard import-plan plan.xlsx --organisation demo --as lead@example.org --title "Equality scheme 2008-11"
  dueregard import-plan plan.csv --organisation demo --as lead@example.org --map 3=timescale --map Notes=ignore
\b
--map COLUMN=FIELD (or --mapping) sets what a column holds; COLUMN is its number (1 = first) or its header as written.
Fields: reference, business_area, objective, desired_outcome, actions, timescale, update, owner, recommendation,
measures, ignore.
"""


def _apply_mapping(headers: list[str], mapping: list[str], pairs: tuple[str, ...]) -> list[str]:
    from dueregard.objectives.importing.layout import FIELDS

    mapping = list(mapping)
    for pair in pairs:
        column, sep, name = pair.partition("=")
        if not sep or name.strip() not in FIELDS:
            raise click.BadParameter(f"{pair!r}: write COLUMN=FIELD, with FIELD one of {', '.join(FIELDS)}.")
        column = column.strip()
        if column.isdigit() and 1 <= int(column) <= len(headers):
            index = int(column) - 1
        else:
            found = [i for i, header in enumerate(headers) if header.casefold() == column.casefold()]
            if not found:
                raise click.BadParameter(f"{pair!r}: there is no column {column!r}. Columns: {headers}")
            index = found[0]
        mapping[index] = name.strip()
    return mapping


@click.command(epilog=EXAMPLES, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--organisation", "slug", required=True, metavar="SLUG", help="The organisation's short name.")
@click.option("--as", "email", required=True, metavar="EMAIL", help="Who imports (needs 'manage objectives').")
@click.option("--title", default="", help="Title of the new plan. Default: the file's name.")
@click.option(
    "--map",
    "--mapping",
    "mappings",
    multiple=True,
    metavar="COLUMN=FIELD",
    help="Set what a column holds (repeatable).",
)
@click.option(
    "--preview", "preview_only", is_flag=True, help="Show how the file is read; save nothing (exit 1 if it has errors)."
)
@click.option("--only-valid-rows", is_flag=True, help="Save the rows without errors and list the others.")
def command(
    file: Path, slug: str, email: str, title: str, mappings: tuple[str, ...], preview_only: bool, only_valid_rows: bool
) -> None:
    """Import an existing action plan (CSV, XLSX/ODS or DOCX table) as a new plan."""
    from dueregard.commands._django import setup_django

    setup_django()
    from django.contrib.auth import get_user_model
    from django.core.exceptions import PermissionDenied
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from dueregard.objectives.importing.commit import ImportRefusedError, plan_import_commit, preview_for
    from dueregard.objectives.importing.layout import detect_layout
    from dueregard.objectives.importing.reading import ImportFileError, read_file
    from dueregard.organisations.models import Organisation

    console = Console(stderr=True)
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise click.ClickException(f"There is no organisation with the short name {slug!r}.")
    actor = get_user_model().objects.filter(email__iexact=email).first()
    if actor is None:
        raise click.ClickException(f"There is no user with the email address {email!r}.")
    try:
        with console.status(f"Reading {file.name}…"):
            table = read_file(file)
    except ImportFileError as error:
        raise click.ClickException(str(error)) from error
    layout = detect_layout(table)
    headers = layout.headers if layout else table.rows[0].cells
    mapping = layout.mapping if layout else ["ignore"] * len(headers)
    mapping = _apply_mapping(headers, mapping, mappings)
    with console.status(f"Reading {len(table.rows):,} rows…"):
        preview = preview_for(organisation, table, mapping)

    columns = Table(title="Columns", show_lines=False)
    columns.add_column("#")
    columns.add_column("Header")
    columns.add_column("Read as")
    for index, (header, name) in enumerate(zip(headers, mapping, strict=False), 1):
        columns.add_row(str(index), header or "(blank)", name)
    click.echo(_render(columns))
    counts = preview.counts()
    click.echo(
        f"{preview.rows_read} rows read ({preview.headers_dropped} repeated header rows dropped, "
        f"{preview.rows_joined} rows joined across page breaks): "
        + ", ".join(f"{value} {name}" for name, value in counts.items())
    )
    for problem in preview.problems:
        where = f"row {problem.row}" if problem.row else "file"
        column = f", column ‘{problem.column}’" if problem.column else ""
        kind = "error" if problem.is_error else "check"
        click.echo(f"{kind}: {where}{column}: {problem.message}")
    if preview_only:
        for objective in preview.objectives:
            click.echo(f"\n{objective.reference}. {objective.statement}")
            for action in objective.all_actions():
                due = action.timescale.due.isoformat() if action.timescale and action.timescale.due else "-"
                click.echo(f"  - {_short(action.title)} | {action.timescale_text or '-'} (due {due}) | {action.status}")
        click.echo("Preview only: nothing was saved.")
        if preview.errors:
            raise click.ClickException(f"{len(preview.errors)} error(s) in the file.")
        return
    try:
        with Progress(
            TextColumn("Saving"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console
        ) as progress:
            task = progress.add_task("saving", total=None)

            def advance(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            result = plan_import_commit(
                actor=actor,
                organisation=organisation,
                preview=preview,
                plan_title=title or file.stem,
                only_valid_rows=only_valid_rows,
                progress=advance,
            )
    except ImportRefusedError as error:
        raise click.ClickException(
            f"{len(error.problems)} error(s): nothing was saved. Fix them, or use --only-valid-rows."
        ) from error
    except PermissionDenied as error:
        raise click.ClickException(f"{email} may not manage objectives in {organisation.name}.") from error
    saved = ", ".join(f"{value} {name}" for name, value in result.counts.items())
    click.echo(f"Saved plan {result.plan.title!r} (id {result.plan.pk}): {saved}.")
    if result.skipped_rows:
        click.echo(f"Rows left out because of errors: {', '.join(map(str, result.skipped_rows))}.")


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _render(table: object) -> str:
    import io

    from rich.console import Console

    console = Console(width=120, file=io.StringIO())
    console.print(table)
    return console.file.getvalue()  # type: ignore[attr-defined]
