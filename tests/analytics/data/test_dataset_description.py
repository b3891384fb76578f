"""Reading the YAML dataset description, and the errors that name the key and the problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dueregard.analytics import translations
from dueregard.analytics.dataset import DescriptionError, load_description, parse_description
from dueregard.analytics.i18n import language

EXAMPLE = Path(__file__).parents[3] / "docs" / "examples" / "workforce.yaml"


@pytest.fixture(scope="module", autouse=True)
def _compiled() -> None:
    translations.compile_if_stale("cy")


def test_the_documented_example_reads() -> None:
    description = load_description(EXAMPLE)
    assert description.name == "workforce-2024"
    assert description.unit == "staff member"
    assert description.record_id == "staff_id"
    assert description.period is not None
    assert description.period.label == "2024-03-31"
    ethnicity = description.characteristic("ethnicity")
    assert (ethnicity.column, ethnicity.classification) == ("ethnicity", "ethnicity-ew-2021")
    assert description.characteristic("age").age_bands == (16, 25, 35, 45, 55, 65)
    appointed = description.outcome("appointed")
    assert (appointed.among, appointed.true_values, appointed.kind) == ("shortlisted", ("Yes", "Y"), "flag")
    assert description.pay is not None
    assert description.pay.full_pay_relevant == "full_pay"
    assert description.required_columns()["disabled"] == "characteristics.disability.column"


def test_short_forms_and_defaults() -> None:
    description = parse_description(
        {"name": "leavers", "unit": "leaver", "outcomes": {"left": "left"}, "period": "2023/24"}
    )
    assert description.title == "leavers"
    assert description.outcome("left").true_values == ("yes", "y", "true", "1")
    assert description.period is not None
    assert description.period.label == "2023/24"
    assert description.to_dict()["outcomes"][0]["column"] == "left"


def _problems(data: Any) -> list[str]:
    with pytest.raises(DescriptionError) as caught:
        parse_description(data, source="staff.yaml")
    assert str(caught.value).startswith("staff.yaml has ")
    return [str(problem) for problem in caught.value.problems]


def test_every_problem_is_reported_at_once_with_its_key() -> None:
    problems = _problems(
        {
            "name": "staff",
            "colour": "blue",
            "characteristics": {
                "ethnicity": {"column": "eth", "classification": "ethnicity-2021"},
                "sex": {"classification": "sex"},
                "religion": {"column": "rel", "classification": "sex"},
                "age": {"column": "age", "classification": "age-bands-standard", "age_bands": [25, 16]},
            },
            "outcomes": {
                "appointed": {"column": "appointed", "among": "interviewed", "kind": "maybe"},
                "shortlisted": {"column": "eth"},
            },
            "pay": {"bonus_pay": "bonus"},
        }
    )
    assert problems == [
        "colour: unknown key (expected one of: name, title, unit, record_id, weight, period, characteristics, "
        "outcomes, pay, notes)",
        "unit: is required",
        "characteristics.ethnicity.classification: no classification 'ethnicity-2021'; for ethnicity there are: "
        "ethnicity-ew-2001, ethnicity-ew-2011, ethnicity-ew-2021, ethnicity-gb-1991, ethnicity-ni-2001, "
        "ethnicity-ni-2021, ethnicity-scotland-2001, ethnicity-scotland-2022",
        "characteristics.sex.column: is required",
        "characteristics.religion.classification: 'sex' classifies sex, not religion",
        "characteristics.age.age_bands: lower bounds must be distinct and increasing",
        "outcomes.appointed.kind: must be one of flag, category, count, not 'maybe'",
        "outcomes.appointed.among: names no outcome of this dataset: 'interviewed'",
        "pay.ordinary_pay: is required when pay is described",
        "outcomes.shortlisted.column: column 'eth' is already used by characteristics.ethnicity.column",
    ]


def test_wrong_shapes_are_named() -> None:
    assert _problems({"name": "x", "unit": "y", "characteristics": ["sex"]}) == [
        "characteristics: must be a mapping of names to settings, not list"
    ]
    assert _problems(["name"]) == ["(file): must be a YAML mapping (key: value lines)"]
    assert _problems({"name": "x", "unit": "y", "outcomes": {"left": {"column": "l", "true_values": "Y"}}}) == [
        "outcomes.left.true_values: must be a non-empty list of values"
    ]


def test_yaml_booleans_in_flag_values_are_read_as_words(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text("name: x\nunit: y\noutcomes:\n  left:\n    column: l\n    true_values: [yes, Y]\n")
    assert load_description(path).outcome("left").true_values == ("yes", "true", "Y")


def test_bad_yaml_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("name: x\n  unit: [\n")
    with pytest.raises(DescriptionError, match=r"broken\.yaml has 1 problem:\n  - \(file\): not valid YAML at line 2"):
        load_description(path)
    with pytest.raises(DescriptionError, match="file not found"):
        load_description(tmp_path / "absent.yaml")


def test_the_problems_are_in_welsh_under_language_cy(tmp_path: Path) -> None:
    data = {
        "name": "staff",
        "colour": "blue",
        "characteristics": {"religion": {"column": "rel", "classification": "sex"}},
        "outcomes": {"left": {"column": "rel", "kind": "maybe"}},
    }
    with language("cy"), pytest.raises(DescriptionError) as caught:
        parse_description(data, source="staff.yaml")
    assert str(caught.value) == (
        "Mae 5 problem yn staff.yaml:\n"
        "  - colour: allwedd anhysbys (disgwylid un o: name, title, unit, record_id, weight, period, "
        "characteristics, outcomes, pay, notes)\n"
        "  - unit: rhaid ei roi\n"
        "  - characteristics.religion.classification: mae 'sex' yn dosbarthu sex, nid religion\n"
        "  - outcomes.left.kind: rhaid iddo fod yn un o flag, category, count, nid 'maybe'\n"
        "  - outcomes.left.column: mae characteristics.religion.column eisoes yn defnyddio'r golofn 'rel'"
    )
    # The keys stay as they are; English by default.
    assert [problem.key for problem in caught.value.problems][:2] == ["colour", "unit"]
    with pytest.raises(DescriptionError) as english:
        parse_description(data, source="staff.yaml")
    assert str(english.value).splitlines()[:3] == [
        "staff.yaml has 5 problems:",
        "  - colour: unknown key (expected one of: name, title, unit, record_id, weight, period, characteristics, "
        "outcomes, pay, notes)",
        "  - unit: is required",
    ]
    path = tmp_path / "broken.yaml"
    path.write_text("name: x\n  unit: [\n")
    with language("cy"), pytest.raises(DescriptionError) as broken:
        load_description(path)
    assert str(broken.value) == "Mae un broblem yn broken.yaml:\n  - (file): nid yw'n YAML dilys (llinell 2)"
    with language("cy"), pytest.raises(DescriptionError, match=r"^Mae 2 broblem yn x:\n  - name: rhaid ei roi\n"):
        parse_description({}, source="x")
