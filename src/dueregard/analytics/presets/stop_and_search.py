"""Stop and search disproportionality: searches per 1,000 population by ethnic group and the ratio to the White
group's rate (Home Office "Police powers and procedures"), for each group and for all ethnic minorities combined,
with the Home Office caveats printed beside the figures.

One row of the data is one search; ``characteristics.ethnicity`` is the searched person's ethnicity. The
population of each group is not in the data: it is given in the options as ``population`` ({group code or label:
people}, from the census for the force area), with ``census`` naming its source ("Census 2021"). Any yes/no
outcome described (``outcomes.arrest``) is reported as a rate among the searches by group, with relative
likelihoods against the White group. Options: ``detail`` (default: the 5 census groups), ``reference`` (default
White), ``population``, ``census``, ``area``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ..disclosure import DisclosurePolicy
from ..disclosure.symbols import NOT_APPLICABLE, WITHHELD
from ..i18n import N_, _
from ..report import Report, ReportSection
from ..results import Cell, Column, ResultTable, TableNotes, label
from ..stats import disparity_table
from ..stats.population import CAVEATS, disproportionality_ratios
from ._common import (
    NO_SUPPRESSION,
    Grouping,
    Part,
    add_grouping,
    count_parts,
    flag,
    outcome_counts,
    part_counts,
    policy_of,
    publish,
    ratio_text,
    require,
    unknown_warning,
)
from ._registry import Preset, PresetError, PresetInput, register

COMBINED = N_("Ethnic minorities combined")
TITLE = N_("Stop and search disproportionality")


def _populations(grouping: Grouping, given: Any) -> dict[str, int]:
    """{group code: population} from the options, keyed by code or label; every known group must have one."""
    if not isinstance(given, Mapping) or not given:
        groups = ", ".join(f"{code} ({text})" for code, text in grouping.labels.items())
        raise PresetError(
            _(
                "The stop-and-search preset needs the population of each ethnic group, from the census for the area: "
                "give options.population as {{group: people}} for the groups {groups}."
            ).format(groups=groups)
        )
    by_key = {code.casefold(): code for code in grouping.labels} | {
        text.casefold(): code for code, text in grouping.labels.items()
    }
    out: dict[str, int] = {}
    for key, value in given.items():
        code = by_key.get(str(key).casefold())
        if code is None:
            raise PresetError(
                _("options.population names {key}, which is not a group: {groups}.").format(
                    key=repr(key), groups=", ".join(grouping.labels)
                )
            )
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise PresetError(
                _("options.population for {key} must be a whole number of people above 0.").format(key=repr(key))
            )
        out[code] = value
    missing = [grouping.labels[code] for code in grouping.labels if code not in out]
    if missing:
        raise PresetError(_("options.population has no population for {groups}.").format(groups=", ".join(missing)))
    return out


def _rate_table(
    title: str,
    events: dict[str, int],
    population: dict[str, int],
    reference: str,
    *,
    not_stated: int,
    group_title: str,
    with_total: bool,
) -> ResultTable:
    found = {
        item.group: item
        for item in disproportionality_ratios(events=events, population=population, reference=reference)
    }
    rows = []
    for group in events:
        item = found[group]
        rate = Cell(item.rate_per_1000, f"{item.rate_per_1000:.1f}", denominator=item.population)
        if group == reference:
            ratio = Cell(1.0, _("{ratio} (reference)").format(ratio="1.00"))
        elif item.ratio is None:
            ratio = Cell(None, symbol=NOT_APPLICABLE, note=_("Not calculable: no searches of the reference group."))
        else:
            ratio = Cell(item.ratio, ratio_text(item.ratio), low=item.low, high=item.high)
        rows.append(
            (
                label(group),
                Cell(item.events, str(item.events)),
                Cell(item.population, f"{item.population:,}"),
                rate,
                ratio,
            )
        )
    if with_total:
        na = Cell(None, symbol=NOT_APPLICABLE)
        rows.append((label(_("Not stated")), Cell(not_stated, str(not_stated)), na, na, na))
        total_events, total_population = sum(events.values()) + not_stated, sum(population.values())
        overall = total_events / total_population * 1000
        rows.append(
            (
                label(_("All searches")),
                Cell(total_events, str(total_events)),
                Cell(total_population, f"{total_population:,}"),
                Cell(overall, f"{overall:.1f}", denominator=total_population),
                na,
            )
        )
    known = sum(events.values())
    symbols = {cell.symbol for row in rows for cell in row if cell.symbol}
    return ResultTable(
        title=title,
        columns=(
            Column("group", group_title, "label"),
            Column("searches", _("Searches"), "count"),
            Column("population", _("Population"), "number"),
            Column("rate", _("Searches per 1,000 people"), "number"),
            Column("ratio", _("Ratio to {reference}").format(reference=reference), "ratio", "reference"),
        ),
        rows=tuple(rows),
        notes=TableNotes(
            reference_group=reference,
            unknown_count=not_stated,
            unknowns_used=False,
            declaration_rate=known / (known + not_stated) if known + not_stated else None,
            methods=(
                _(
                    "Rate per 1,000 = searches ÷ population × 1,000; ratio = group's rate ÷ reference group's rate, "
                    "with a 95% log interval counting searches as Poisson and the population as fixed."
                ),
            ),
            legend=((NOT_APPLICABLE, _("not applicable")),) if NOT_APPLICABLE in symbols else (),
        ),
    )


def run_stop_and_search(data: PresetInput) -> Report:
    description = data.description
    require("stop-and-search", description, ["characteristics.ethnicity"])
    options = data.options
    policy: DisclosurePolicy = policy_of(data, NO_SUPPRESSION)
    table, grouping = add_grouping(
        data.table,
        description,
        "ethnicity",
        detail=options.get("detail", "groups"),
        reference=options.get("reference"),
    )
    if grouping.reference is None:
        grouping = replace(grouping, reference="white")
    if grouping.reference not in grouping.labels:
        raise PresetError(
            _("The stop-and-search preset compares with the White group: name the reference in options.reference.")
        )
    population = _populations(grouping, options.get("population"))
    flags = [o for o in description.outcomes if o.kind in ("flag", "count")]
    measures = {f"k_{o.name}": flag(table, o) for o in flags}
    counts = count_parts(table, [Part("groups", grouping.column)], measures, [grouping])
    data.progress(1, 2, _("counted"))
    rows = part_counts(counts, "groups")
    searches = dict.fromkeys(grouping.labels, 0)
    not_stated = 0
    for (group, _cat), values in rows.items():
        if group in searches:
            searches[group] = values["n"]
        else:
            not_stated += values["n"]
    labels = grouping.labels
    reference = labels[grouping.reference]
    by_label = {labels[code]: count for code, count in searches.items()}
    population_by_label = {labels[code]: people for code, people in population.items()}
    main = _rate_table(
        _("Stop and search: searches per 1,000 people by {characteristic}").format(
            characteristic=grouping.title.lower()
        ),
        by_label,
        population_by_label,
        reference,
        not_stated=not_stated,
        group_title=grouping.title,
        with_total=True,
    )
    main = publish(main, policy, total_row=len(main.rows) - 1)
    others = [code for code in grouping.labels if code != grouping.reference]
    minorities = _(COMBINED)
    combined = _rate_table(
        _("Stop and search: {groups} compared with {reference}").format(groups=minorities.lower(), reference=reference),
        {minorities: sum(searches[c] for c in others), reference: searches[grouping.reference]},
        {minorities: sum(population[c] for c in others), reference: population[grouping.reference]},
        reference,
        not_stated=not_stated,
        group_title=grouping.title,
        with_total=False,
    )
    combined = publish(combined, policy)
    if any(cell.symbol for cell in main.column("searches")):
        # The combined row is the sum of the groups' rows: with a group withheld it would give that group back.
        withheld = Cell(None, symbol=WITHHELD)
        first = combined.rows[0]
        combined = replace(
            combined,
            rows=(
                (first[0], withheld, first[2], withheld, withheld),
                *combined.rows[1:],
            ),
            notes=combined.notes.with_legend([(WITHHELD, _("withheld to protect confidentiality"))]),
        )
    sections = [
        ReportSection(
            heading=_("Searches per 1,000 population"),
            tables=(main, combined),
            notes=tuple(_headlines(main, reference)) + tuple(_headlines(combined, reference)),
        )
    ]
    outcome_tables = []
    for outcome in flags:
        known, unknown = outcome_counts(rows, grouping, n="n", k=f"k_{outcome.name}")
        known = {group: nk for group, nk in known.items() if nk[0] > 0 or group == reference}
        # The outcome's name is the description's own word (outcomes.arrest): not translated.
        result = disparity_table(
            title=_("{outcome} after a search by {characteristic}").format(
                outcome=outcome.name.replace("_", " ").capitalize(), characteristic=grouping.title.lower()
            ),
            counts=known,
            reference=reference,
            unknown=unknown,
            group_label=grouping.title,
        )
        columns = tuple(
            replace(column, label={"n": _("Searches"), "k": outcome.name.replace("_", " ").capitalize()}[column.id])
            if column.id in ("n", "k")
            else column
            for column in result.columns
        )
        outcome_tables.append(publish(replace(result, columns=columns), policy))
    if outcome_tables:
        sections.append(ReportSection(heading=_("Outcomes of searches"), tables=tuple(outcome_tables)))
    data.progress(2, 2, _("done"))
    census = options.get("census", _("the census"))
    area = options.get("area")
    source = (
        _("Population from {census} for {area}; searches from the data.")
        if area
        else _("Population from {census}; searches from the data.")
    )
    notes = [source.format(census=census, area=area), *(_(caveat) for caveat in CAVEATS)]
    return Report(
        preset="stop-and-search",
        title=_(TITLE),
        dataset=description.name,
        records=sum(searches.values()) + not_stated,
        sections=tuple(sections),
        notes=tuple(notes),
        warnings=unknown_warning(grouping),
    )


def _headlines(table: ResultTable, reference: str) -> list[str]:
    lines = []
    for row in table.rows:
        group = row[0].text
        ratio = row[table.index_of("ratio")]
        if group in (reference, _("Not stated"), _("All searches")) or ratio.value is None or ratio.symbol:
            continue
        lines.append(
            _("{group}: {ratio} times as likely as {reference} people to be searched.").format(
                group=group, ratio=ratio.display, reference=reference
            )
        )
    return lines


register(
    Preset(
        name="stop-and-search",
        title=TITLE,
        summary=N_(
            "Searches per 1,000 population by ethnic group and the ratio to White, for each group and all ethnic "
            "minorities combined, with the Home Office caveats; population given in the options."
        ),
        needs=("characteristics.ethnicity", "options.population"),
        run=run_stop_and_search,
    )
)
