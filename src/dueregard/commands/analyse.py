"""``dueregard analyse``: run a preset report over record-level data and write it as CSV, XLSX, JSON and HTML.

    dueregard analyse staff.parquet --describe staff.yaml --preset workforce --out report/
    dueregard analyse staff.parquet --describe staff.yaml --preset wres --out adroddiad/ --language cy
    dueregard analyse --list-presets

The data are read by the analytics engine (DuckDB in process, or Spark), checked against the dataset description
(nothing is written when a check fails: the problems are printed naming rows, columns and values), the preset is
run with a progress bar on stderr (only when stderr is a terminal), and the files are written to a temporary
folder beside ``--out`` and moved into place at the end, so a failure leaves nothing half-written.

``--language cy`` (or ``DUEREGARD_LANGUAGE=cy``) writes the report's own texts in Welsh (titles, notes, column
labels, legends, the HTML page and its ``lang`` attribute) and prints this command's messages, the problems found
in the data and its help (with click's own words) in Welsh; data labels (the groups of a classification, the values
in the data) stay as they are. See :mod:`dueregard.analytics.i18n` and :mod:`dueregard.commands.translated`.

Everything heavy (Ibis, DuckDB, SciPy, openpyxl) is imported inside the command, so ``dueregard --help`` stays
fast.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from dueregard.analytics.i18n import N_, _, language, ngettext
from dueregard.commands.translated import TranslatedCommand, language_option

if TYPE_CHECKING:
    from dueregard.analytics.dataset import DatasetDescription, DescriptionError
    from dueregard.analytics.disclosure import DisclosurePolicy
    from dueregard.analytics.presets import Preset
    from dueregard.analytics.report import Report
    from dueregard.analytics.validation import ValidationReport

FORMAT_NAMES = ("csv", "xlsx", "json", "html")
POLICY_KEYS = ("threshold", "rounding", "secondary", "hide_zeros", "mark_rounded_zeros", "unreliable_below")
_INTEGER = re.compile(r"^-?\d+$")
_DECIMAL = re.compile(r"^-?\d+\.\d*$|^-?\d*\.\d+$")


def parse_value(text: str) -> Any:
    """A ``--option`` value: whole numbers and decimals become numbers, ``true``/``false`` booleans, anything
    else stays text (so a group called "No" stays "No")."""
    if _INTEGER.match(text):
        return int(text)
    if _DECIMAL.match(text):
        return float(text)
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    return text


def parse_options(items: Sequence[str]) -> dict[str, Any]:
    """``--option`` values as the preset's options. A dotted key sets one entry of a mapping:
    ``reference.ethnicity=white_british`` gives ``{"reference": {"ethnicity": "white_british"}}``."""
    options: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        names = [name.strip() for name in key.split(".")]
        if not sep or not all(names):
            raise click.BadParameter(_("{item} is not KEY=VALUE.").format(item=repr(item)), param_hint="--option")
        target = options
        for depth, name in enumerate(names[:-1]):
            target = target.setdefault(name, {})
            if not isinstance(target, dict):
                where = ".".join(names[: depth + 1])
                raise click.BadParameter(_both_ways(where), param_hint="--option")
        if isinstance(target.get(names[-1]), dict):
            raise click.BadParameter(_both_ways(key.strip()), param_hint="--option")
        target[names[-1]] = parse_value(value.strip())
    return options


def _both_ways(key: str) -> str:
    return _("{key} is given both as a value and as a mapping.").format(key=key)


def parse_policy(items: Sequence[str]) -> DisclosurePolicy | None:
    """``--policy default`` (the preset's own), ``--policy none`` (no suppression or rounding: internal use only),
    or settings such as ``--policy threshold=10,rounding=hesa``."""
    words = [part.strip() for item in items for part in item.split(",") if part.strip()]
    if not words or words == ["default"]:
        return None
    from dueregard.analytics.disclosure import DisclosurePolicy

    if words == ["none"]:
        return DisclosurePolicy(threshold=None, rounding="none", secondary=False)
    settings: dict[str, Any] = {}
    for word in words:
        key, sep, value = word.partition("=")
        key = key.strip().replace("-", "_")
        if not sep or key not in POLICY_KEYS:
            raise click.BadParameter(
                _("{word}: use default, none, or KEY=VALUE with KEY one of {keys}.").format(
                    word=repr(word), keys=", ".join(POLICY_KEYS)
                ),
                param_hint="--policy",
            )
        parsed = parse_value(value.strip())
        if key in ("threshold", "unreliable_below"):
            if isinstance(parsed, str) and parsed.lower() == "none":
                parsed = None
            elif not isinstance(parsed, int) or isinstance(parsed, bool):
                raise click.BadParameter(
                    _("{key} must be a whole number or none, not {value}.").format(key=key, value=repr(value)),
                    param_hint="--policy",
                )
        elif key in ("secondary", "hide_zeros", "mark_rounded_zeros"):
            if isinstance(parsed, str) and parsed.lower() in ("yes", "no"):
                parsed = parsed.lower() == "yes"
            if not isinstance(parsed, bool):
                raise click.BadParameter(
                    _("{key} must be true or false, not {value}.").format(key=key, value=repr(value)),
                    param_hint="--policy",
                )
        settings[key] = parsed
    try:
        return DisclosurePolicy(**settings)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--policy") from None


def parse_formats(text: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    unknown = [name for name in chosen if name not in FORMAT_NAMES]
    if unknown or not chosen:
        raise click.BadParameter(
            _("{chosen}: choose from {formats}.").format(
                chosen=", ".join(unknown) or _("nothing"), formats=", ".join(FORMAT_NAMES)
            ),
            param_hint="--format",
        )
    return chosen


def missing_needs(
    preset: Preset, description: DatasetDescription, options: Mapping[str, Any] | None = None
) -> list[str]:
    """The roles a preset needs for a run with ``options`` (``characteristics.ethnicity``, ``outcomes.appointed``,
    ``pay.ordinary_pay``) that the description does not name."""
    named = {f"characteristics.{c.name}" for c in description.characteristics}
    named |= {f"outcomes.{o.name}" for o in description.outcomes}
    if description.pay is not None:
        named |= {f"pay.{name}" for name in description.pay.columns()}
    for field in ("record_id", "weight"):
        if getattr(description, field):
            named.add(field)
    if description.period is not None:
        named.add("period")
    known_prefixes = ("characteristics.", "outcomes.", "pay.", "record_id", "weight", "period")
    missing = []
    for need in preset.needs_with(options or {}):
        # "a|b": either will do.
        choices = [choice.strip() for choice in need.split("|")]
        if any(not choice.startswith(known_prefixes) for choice in choices):
            continue  # a need this command cannot check; the preset checks it itself
        if not any(choice in named for choice in choices):
            either = choices[0]
            for choice in choices[1:]:
                either = _("{first} or {second}").format(first=either, second=choice)
            missing.append(either)
    return missing


def _description_error_text(error: DescriptionError) -> str:
    if len(error.problems) == 1:
        return f"{error.source}: {error.problems[0]}"
    return str(error)


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[Callable[[int, int, str], None]]:
    """A progress callback for the preset: a bar on stderr when it is a terminal, silence otherwise."""
    if not enabled:
        yield lambda done, total, what: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task(_("Analysing"), total=None)

        def advance(done: int, total: int, what: str) -> None:
            # total 0: a step whose length is not known (a spinner-like bar)
            progress.update(task, completed=done, total=total or None, description=what or _("Analysing"))

        yield advance


def _list_presets(as_json: bool) -> None:
    from dueregard.analytics.presets import available

    presets = available()
    # A preset's title and summary are English marked for translation (presets not yet translated stay English).
    if as_json:
        rows = [{"name": p.name, "title": _(p.title), "summary": _(p.summary), "needs": list(p.needs)} for p in presets]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not presets:
        click.echo(_("No presets are installed."))
        return
    width = max(len(preset.name) for preset in presets)
    for preset in presets:
        click.echo(f"{preset.name.ljust(width)}  {_(preset.title)}: {_(preset.summary)}")
        if preset.needs:
            click.echo(f"{' ' * width}  " + _("needs: {roles}").format(roles=", ".join(preset.needs)))


@click.command(
    name="analyse",
    cls=TranslatedCommand,
    language_option="--language",
    help=N_(
        "Run a preset report (WRES, pay gap, workforce...) over DATA (CSV, XLSX, ODS, Parquet or DuckDB) and write "
        "it as CSV, XLSX, JSON and an accessible HTML report."
    ),
)
@click.argument("data", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--describe",
    "describe",
    type=click.Path(path_type=Path, dir_okay=False),
    help=N_("The dataset description (YAML): which column holds which characteristic, outcome and pay field."),
)
@click.option("--preset", help=N_("The report to produce (see --list-presets)."))
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    help=N_("Folder to write the report into (created if needed; files of the same name are replaced)."),
)
@click.option(
    "--backend",
    type=click.Choice(["duckdb", "pyspark"]),
    default="duckdb",
    show_default=True,
    help=N_("The engine that does the counting."),
)
@click.option(
    "--option",
    "option_items",
    multiple=True,
    metavar="KEY=VALUE",
    help=N_("A setting for the preset, e.g. fdr=0.1 or reference.ethnicity=white_british (repeat for more)."),
)
@click.option(
    "--policy",
    "policy_items",
    multiple=True,
    metavar="RULES",
    help=N_(
        "Disclosure control: default (the preset's), none (internal use only), or e.g. threshold=10,rounding=hesa."
    ),
)
@click.option("--json", "as_json", is_flag=True, help=N_("Print the report as JSON on stdout."))
@click.option(
    "--format",
    "format_text",
    default=",".join(FORMAT_NAMES),
    show_default=True,
    help=N_("Which files to write to --out (comma-separated)."),
)
@click.option(
    "--sheet", help=N_("The sheet to read from an XLSX or ODS file (name or 0-based number; default: first).")
)
@click.option("--table", "table_name", help=N_("The table to read from a DuckDB database file."))
@click.option(
    "--memory-limit",
    help=N_("The most memory DuckDB may use, e.g. 2GB (default 400MB; it works on disk beyond that)."),
)
@language_option(N_("The language of the report's texts and of these messages: en (English) or cy (Cymraeg, Welsh)."))
@click.option("--list-presets", is_flag=True, help=N_("List the presets and what each needs, then stop."))
def command(language_code: str, **arguments: Any) -> None:
    with language(language_code):
        _command(**arguments)


def _command(
    *,
    data: Path | None,
    describe: Path | None,
    preset: str | None,
    out: Path | None,
    backend: str,
    option_items: tuple[str, ...],
    policy_items: tuple[str, ...],
    as_json: bool,
    format_text: str,
    sheet: str | None,
    table_name: str | None,
    memory_limit: str | None,
    list_presets: bool,
) -> None:
    if list_presets:
        _list_presets(as_json)
        return
    if data is None:
        raise click.UsageError(_("Give the data file to analyse (or --list-presets)."))
    if describe is None:
        raise click.UsageError(_("Give the dataset description with --describe dataset.yaml."))
    if preset is None:
        raise click.UsageError(_("Choose a report with --preset NAME (see --list-presets)."))
    if out is None and not as_json:
        raise click.UsageError(_("Say where to write the report with --out DIR (or print it with --json)."))
    if memory_limit and backend != "duckdb":
        raise click.UsageError(
            _("--memory-limit is for the duckdb backend; give Spark its memory in its own settings.")
        )
    formats = parse_formats(format_text)
    options = parse_options(option_items)
    policy = parse_policy(policy_items)

    report = _analyse(
        data=data,
        describe=describe,
        preset_name=preset,
        backend=backend,
        options=options,
        policy=policy,
        sheet=int(sheet) if sheet is not None and sheet.isdigit() else sheet,
        table_name=table_name,
        memory_limit=memory_limit,
    )
    if out is not None:
        from dueregard.analytics.output import write_report

        try:
            written = write_report(report, out, formats=formats)
        except OSError as error:
            raise click.ClickException(
                _("Could not write the report to {folder}: {error}").format(folder=out, error=error)
            ) from error
        listed = ", ".join(_shown(path, out) for path in written)
        count = len(report.tables)
        wrote = ngettext("Wrote {count} table to {folder}: {files}", "Wrote {count} tables to {folder}: {files}", count)
        click.echo(wrote.format(count=count, folder=out, files=listed), err=as_json)
    if as_json:
        from dueregard.analytics.output import report_json

        click.echo(report_json(report))


def _shown(path: Path, out: Path) -> str:
    return f"{path.name}/" if path.is_dir() else path.name


def _analyse(
    *,
    data: Path,
    describe: Path,
    preset_name: str,
    backend: str,
    options: dict[str, Any],
    policy: DisclosurePolicy | None,
    sheet: str | int | None,
    table_name: str | None,
    memory_limit: str | None = None,
) -> Report:
    from dueregard.analytics.dataset import DescriptionError, load_description
    from dueregard.analytics.engine import EngineUnavailableError, connect
    from dueregard.analytics.inputs import InputError, read_table
    from dueregard.analytics.presets import PresetError, PresetInput, get

    try:
        chosen = get(preset_name)
    except PresetError as error:
        raise click.ClickException(str(error)) from None
    try:
        description = load_description(describe)
    except DescriptionError as error:
        raise click.ClickException(_description_error_text(error)) from None
    try:
        missing = missing_needs(chosen, description, options)
    except PresetError as error:  # an option the preset cannot read (indicators=two)
        raise click.ClickException(str(error)) from None
    if missing:
        raise click.ClickException(
            _("The {preset} preset needs {roles}, which {description} does not describe.").format(
                preset=chosen.name, roles=", ".join(missing), description=describe.name
            )
        )
    try:
        con = connect(backend, **({"memory_limit": memory_limit} if memory_limit else {}))
    except EngineUnavailableError as error:
        raise click.ClickException(str(error)) from None
    try:
        table = read_table(con, data, sheet=sheet, table=table_name)
    except InputError as error:
        raise click.ClickException(str(error)) from None
    with _progress_bar(sys.stderr.isatty()) as progress:
        # Checking takes about as long as a step of the report (seconds at 10M records): show it too.
        progress(0, 0, _("Checking the data"))
        try:
            checked = _validate(con, table, description, data=data, sheet=sheet, table_name=table_name, backend=backend)
        except Exception as error:
            if not _from_engine(error):
                raise
            raise click.ClickException(_engine_error_text(error, backend=backend)) from error
        try:
            return chosen.run(
                PresetInput(
                    table=table,
                    description=description,
                    policy=policy,
                    options=options,
                    progress=progress,
                    value_counts=checked.value_counts,
                )
            )
        except PresetError as error:
            raise click.ClickException(str(error)) from None
        except Exception as error:
            if not _from_engine(error):
                raise
            raise click.ClickException(_engine_error_text(error, backend=backend)) from error


def _from_engine(error: BaseException) -> bool:
    """Whether ``error`` was raised by the engine itself (DuckDB, Spark) rather than by dueregard's code."""
    return type(error).__module__.split(".")[0].lstrip("_") in ("duckdb", "pyspark", "py4j")


def _engine_error_text(error: BaseException, *, backend: str) -> str:
    first = (str(error).strip().splitlines() or [type(error).__name__])[0]
    text = _("The {backend} engine stopped: {error}").format(backend=backend, error=first)
    if "out of memory" in first.lower() and backend == "duckdb":
        text += ("" if text.endswith(".") else ".") + " " + _("Give it more memory with --memory-limit (e.g. 4GB).")
    return text


def _validate(
    con: Any,
    table: Any,
    description: DatasetDescription,
    *,
    data: Path,
    sheet: str | int | None,
    table_name: str | None,
    backend: str,
) -> ValidationReport:
    """Check the data against the description; on errors print every problem and stop before anything is written.

    The first check runs without row numbers (numbering 10 million rows costs a window over all of them); only
    when it finds errors is the file read again with row numbers, so the problems can name the rows."""
    from dueregard.analytics.inputs import read_table
    from dueregard.analytics.validation import validate

    found = validate(table, description)
    if found.ok:
        for issue in found.issues:
            click.echo(f"{data.name}: {issue}", err=True)
        return found
    if backend == "duckdb" or data.suffix.lower() in (".xlsx", ".xlsm", ".ods"):
        numbered = read_table(con, data, sheet=sheet, table=table_name, row_numbers=True)
        found = validate(numbered, description)
    for issue in found.issues:
        click.echo(f"{data.name}: {issue}", err=True)
        if issue.values and not issue.rows:
            click.echo("    " + _("values: {values}").format(values=", ".join(map(repr, issue.values[:10]))), err=True)
    count = len(found.errors)
    raise click.ClickException(
        ngettext(
            "{data} does not match {description}: {count} error; nothing was written.",
            "{data} does not match {description}: {count} errors; nothing was written.",
            count,
        ).format(data=data.name, description=description.name, count=count)
    )
