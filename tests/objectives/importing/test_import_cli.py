"""``dueregard import-plan``."""

from __future__ import annotations

from typing import Any

from click.testing import CliRunner
from helpers import FIXTURES

from dueregard.commands.import_plan import command


def test_import_plan_saves_the_plan_and_says_what_it_saved(demo: Any) -> None:
    from dueregard.objectives.models import Plan

    args = [str(FIXTURES / "seed003_improvement_plan.docx"), "--organisation", demo.organisation.slug]
    args += ["--as", demo.users["equality_lead"].email, "--title", "EHRC improvement plan"]
    result = CliRunner().invoke(command, args)
    assert result.exit_code == 0, result.output
    assert "7 objectives" in result.output
    plan = Plan.objects.get(organisation=demo.organisation, title="EHRC improvement plan")
    assert plan.objectives.count() == 7


def test_preview_saves_nothing_and_shows_how_rows_are_read(demo: Any) -> None:
    from dueregard.objectives.models import Plan

    before = Plan.objects.count()
    args = [str(FIXTURES / "seed000_objectives.xlsx"), "--organisation", demo.organisation.slug]
    args += ["--as", demo.users["equality_lead"].email, "--preview"]
    result = CliRunner().invoke(command, args)
    assert result.exit_code == 0, result.output
    assert "By April 2013 (due 2013-04-30)" in result.output
    assert "nothing was saved" in result.output
    assert Plan.objects.count() == before


def test_a_bad_file_or_errors_exit_non_zero_and_save_nothing(demo: Any) -> None:
    from dueregard.objectives.models import Plan

    before = Plan.objects.count()
    base = ["--organisation", demo.organisation.slug, "--as", demo.users["equality_lead"].email]
    result = CliRunner().invoke(command, [str(FIXTURES / "formula.xlsx"), *base])
    assert result.exit_code == 1
    assert "holds a formula" in result.output
    result = CliRunner().invoke(command, [str(FIXTURES / "seed000_objectives.xlsx"), *base, "--map", "2=ignore"])
    assert result.exit_code == 1
    assert "No column is read as the objective" in result.output
    assert "nothing was saved" in result.output
    assert Plan.objects.count() == before


def test_a_viewer_is_refused(demo: Any) -> None:
    args = [str(FIXTURES / "seed003_improvement_plan.docx"), "--organisation", demo.organisation.slug]
    result = CliRunner().invoke(command, [*args, "--as", demo.users["viewer"].email])
    assert result.exit_code == 1
    assert "may not manage objectives" in result.output


def test_map_names_a_column_by_its_header_and_preview_exits_1_on_errors(demo: Any) -> None:
    base = ["--organisation", demo.organisation.slug, "--as", demo.users["equality_lead"].email, "--preview"]
    name = str(FIXTURES / "seed002_actions.csv")
    result = CliRunner().invoke(command, [name, *base, "--map", "Update=ignore"])
    assert result.exit_code == 0, result.output
    assert "Update" in result.output
    assert "ignore" in result.output
    result = CliRunner().invoke(command, [name, *base, "--map", "Function / Policy=ignore"])
    assert result.exit_code == 1
    assert "error: file: No column is read as the objective" in result.output
    result = CliRunner().invoke(command, [name, *base, "--map", "Nowhere=actions"])
    assert result.exit_code == 2
    assert "there is no column 'Nowhere'" in result.output
