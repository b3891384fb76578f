"""Matching raw labels to classification codes, in Python and on both engines."""

from __future__ import annotations

import random

import ibis
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dueregard.analytics.classifications import (
    UNKNOWN_CODE,
    UNMATCHED_CODE,
    AgeBands,
    Classification,
    age_band,
    crosswalk_column,
    get_classification,
    get_crosswalk,
    gss_disability,
    label_column,
    list_classifications,
    match_value,
    normalise_label,
    standardise_column,
    standardise_values,
)
from dueregard.analytics.classifications.matching import label_index
from dueregard.analytics.engine import to_backend

ETHNICITY_2021 = get_classification("ethnicity-ew-2021")


@pytest.mark.parametrize(
    "raw",
    [
        "White - British",
        "WHITE BRITISH",
        "White: English, Welsh, Scottish, Northern Irish or British",
        "  white   british ",
        "A",
        "WBRI",
        "White British.",
    ],
)
def test_common_spellings_of_white_british_match(raw: str) -> None:
    assert match_value(raw, ETHNICITY_2021) == ("matched", "white_british", None)


def test_unknown_values_and_nulls_are_unknown_not_unmatched() -> None:
    for raw in ["Prefer not to say", "NOT STATED", "", "   ", "Z", None]:
        assert match_value(raw, ETHNICITY_2021)[:2] == ("unknown", UNKNOWN_CODE), raw


def test_none_is_no_religion_not_unknown() -> None:
    assert match_value("None", get_classification("religion-2021"))[1] == "no_religion"


def test_misspelling_is_unmatched_with_a_suggestion() -> None:
    status, code, suggestion = match_value("Whte Brtish", ETHNICITY_2021)
    assert (status, code) == ("unmatched", UNMATCHED_CODE)
    assert suggestion == "White English, Welsh, Scottish, Northern Irish or British"


def test_ambiguous_other_in_2001_is_never_guessed() -> None:
    census = get_classification("ethnicity-ew-2001")
    status, _, suggestion = match_value("Other", census)
    assert status == "unmatched"
    assert suggestion is not None
    assert "White Other" in suggestion
    assert "Asian Other" in suggestion
    assert match_value("Black - Other", census)[1] == "black_other"


def _variants(label: str, draw: st.DrawFn) -> str:
    words = label.split()
    separators = st.sampled_from([" ", "  ", " - ", ": ", ", ", "/", "\t", "_", " . "])
    cased = ["".join(char.upper() if draw(st.booleans()) else char.lower() for char in word) for word in words]
    joined = cased[0]
    for word in cased[1:]:
        joined += draw(separators) + word
    return draw(st.sampled_from(["", " ", "\t", "*"])) + joined + draw(st.sampled_from(["", " ", ".", "  "]))


@st.composite
def spelled_category(draw: st.DrawFn) -> tuple[Classification, str, str]:
    classification = draw(st.sampled_from(list_classifications()))
    category = draw(st.sampled_from(classification.categories))
    group = classification.group(category.group)
    names = [category.label, *category.aliases]
    index = label_index(classification)
    # Only names that identify the category on their own (2001's several "Other"s need their group).
    usable = [name for name in names if index.codes_by_key.get(normalise_label(name)) == category.code]
    usable += [f"{group.short_label} {name}" for name in names]
    usable = [name for name in usable if index.codes_by_key.get(normalise_label(name)) == category.code]
    name = draw(st.sampled_from(usable))
    return classification, category.code, _variants(name, draw)


@settings(max_examples=300, deadline=None)
@given(spelled_category())
def test_case_space_and_punctuation_variants_of_every_label_match_the_same_code(
    case: tuple[Classification, str, str],
) -> None:
    classification, code, spelling = case
    assert match_value(spelling, classification)[1] == code, spelling


def test_every_group_qualified_label_matches_its_category() -> None:
    for classification in list_classifications():
        for category in classification.categories:
            group = classification.group(category.group)
            qualified = f"{group.short_label}: {category.label}"
            assert match_value(qualified, classification)[1] == category.code, (classification.id, qualified)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.sampled_from(["White British", "Indian", "Asain", "prefer not to say", "Roma"])),
            st.integers(min_value=1, max_value=50),
        ),
        min_size=1,
        max_size=12,
    ),
    st.randoms(),
)
def test_report_accounts_for_every_row_and_ignores_order(
    value_counts: list[tuple[str | None, int]], shuffler: random.Random
) -> None:
    report = standardise_values(value_counts, ETHNICITY_2021)
    shuffled = list(value_counts)
    shuffler.shuffle(shuffled)
    assert standardise_values(shuffled, ETHNICITY_2021) == report
    total = sum(count for _, count in value_counts)
    assert report.total == total
    assert report.count("matched") + report.count("unknown") + report.count("unmatched") == total
    asain = sum(count for value, count in value_counts if value == "Asain")
    assert sum(match.count for match in report.unmatched) == asain


RAW_ETHNICITY = pa.table(
    {
        "id": list(range(1, 11)),
        "ethnicity": [
            "White - British",
            "WHITE BRITISH",
            "A",
            "Indian",
            "asian: indian",
            "Prefer not to say",
            None,
            "Whte British",
            "Roma",
            "Arab",
        ],
    }
)


@pytest.mark.parametrize("case_limit", [200, 0], ids=["case", "join"])
def test_column_is_standardised_on_the_engine(backend: ibis.BaseBackend, case_limit: int) -> None:
    table = to_backend(backend, RAW_ETHNICITY)
    result = standardise_column(table, "ethnicity", ETHNICITY_2021, case_limit=case_limit)
    rows = result.table.order_by("id").to_pyarrow()
    assert rows.column("ethnicity_code").to_pylist() == [
        "white_british",
        "white_british",
        "white_british",
        "indian",
        "indian",
        UNKNOWN_CODE,
        UNKNOWN_CODE,
        UNMATCHED_CODE,
        "white_roma",
        "arab",
    ]
    assert rows.num_rows == 10
    assert [(m.value, m.count) for m in result.report.unmatched] == [("Whte British", 1)]
    assert result.report.count("unknown") == 2


def test_column_is_rolled_up_to_an_aggregation(backend: ibis.BaseBackend) -> None:
    table = to_backend(backend, RAW_ETHNICITY)
    result = standardise_column(
        table, "ethnicity", ETHNICITY_2021, aggregation="white-british-vs-other", output="ethnicity"
    )
    counts = result.table.group_by("ethnicity").aggregate(n=lambda t: t.count()).order_by("ethnicity").to_pyarrow()
    assert counts.to_pylist() == [
        {"ethnicity": "ethnic_minorities", "n": 4},
        {"ethnicity": UNKNOWN_CODE, "n": 2},
        {"ethnicity": UNMATCHED_CODE, "n": 1},
        {"ethnicity": "white_british", "n": 3},
    ]


def test_crosswalk_and_labels_on_the_engine(backend: ibis.BaseBackend) -> None:
    table = to_backend(backend, pa.table({"id": [1, 2, 3, 4], "code": ["white_roma", "chinese", "unknown", None]}))
    walked = crosswalk_column(table, "code", get_crosswalk("ethnicity-ew-2021", "ethnicity-ew-2011"))
    labelled = label_column(walked, "code", get_classification("ethnicity-ew-2011"), output="label")
    rows = labelled.order_by("id").to_pyarrow()
    assert rows.column("code").to_pylist() == ["white_other", "chinese", UNKNOWN_CODE, UNKNOWN_CODE]
    assert rows.column("label").to_pylist() == ["Any other White background", "Chinese", "Unknown", "Unknown"]


def test_ages_are_banded_on_the_engine(backend: ibis.BaseBackend) -> None:
    table = to_backend(backend, pa.table({"age": pa.array([15, 16, 24, 25, 64, 65, 90, None], pa.int64())}))
    standard = table.select(band=age_band(table.age)).to_pyarrow().column("band").to_pylist()
    assert standard == [UNMATCHED_CODE, "16-24", "16-24", "25-34", "55-64", "65+", "65+", UNKNOWN_CODE]
    custom = table.select(band=age_band(table.age, AgeBands(lower_bounds=(0, 25, 50)))).to_pyarrow()
    assert custom.column("band").to_pylist() == ["0-24", "0-24", "0-24", "25-49", "50+", "50+", "50+", UNKNOWN_CODE]


def test_age_band_codes_match_the_standard_classification() -> None:
    from dueregard.analytics.classifications import STANDARD_AGE_BANDS

    assert STANDARD_AGE_BANDS.codes == get_classification("age-bands-standard").codes
    with pytest.raises(ValueError, match="increasing"):
        AgeBands(lower_bounds=(25, 16))


def test_gss_disability_from_its_two_questions(backend: ibis.BaseBackend) -> None:
    table = to_backend(
        backend,
        pa.table(
            {
                "id": [1, 2, 3, 4, 5, 6],
                "condition": ["Yes", "yes", "Y", "No", "Yes", "Prefer not to say"],
                "reduces": ["Yes, a lot", "A little", "Not at all", None, None, None],
            }
        ),
    )
    result = gss_disability(table, condition="condition", reduces="reduces").order_by("id").to_pyarrow()
    assert result.column("disability").to_pylist() == [
        "reduced_a_lot",
        "reduced_a_little",
        "not_reduced",
        "no_condition",
        UNKNOWN_CODE,
        UNKNOWN_CODE,
    ]
    assert result.column_names == ["id", "condition", "reduces", "disability"]
    disabled = get_classification("disability-gss").aggregation("disabled").group_of()
    assert [disabled.get(code) for code in result.column("disability").to_pylist()[:4]] == [
        "disabled",
        "disabled",
        "not_disabled",
        "not_disabled",
    ]


def test_boolean_disability_column_matches(backend: ibis.BaseBackend) -> None:
    table = to_backend(backend, pa.table({"disabled": [True, False, None]}))
    result = standardise_column(table, "disabled", get_classification("disability"))
    assert sorted(result.table.to_pyarrow().column("disabled_code").to_pylist()) == [
        "disabled",
        "not_disabled",
        UNKNOWN_CODE,
    ]
