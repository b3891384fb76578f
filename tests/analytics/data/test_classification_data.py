"""The classification data files: right counts, every category in a group, unique codes, sound aggregations."""

from __future__ import annotations

import pytest

from dueregard.analytics.classifications import (
    UNKNOWN_CODE,
    Classification,
    get_classification,
    get_crosswalk,
    list_classifications,
)
from dueregard.analytics.classifications.loader import ClassificationDataError, parse_classification

CENSUS_COUNTS = {
    "ethnicity-gb-1991": 9,
    "ethnicity-ew-2001": 16,
    "ethnicity-scotland-2001": 14,
    "ethnicity-ni-2001": 11,
    "ethnicity-ew-2011": 18,
    "ethnicity-ew-2021": 19,
    "ethnicity-scotland-2022": 21,
    "ethnicity-ni-2021": 10,
}


@pytest.mark.parametrize(("classification_id", "count"), CENSUS_COUNTS.items())
def test_census_classification_has_the_published_number_of_categories(classification_id: str, count: int) -> None:
    assert len(get_classification(classification_id).categories) == count


def test_2021_england_and_wales_has_19_categories_in_5_groups() -> None:
    census = get_classification("ethnicity-ew-2021")
    assert [group.short_label for group in census.groups] == ["Asian", "Black", "Mixed", "White", "Other"]
    sizes = {group.code: sum(c.group == group.code for c in census.categories) for group in census.groups}
    assert sizes == {"asian": 5, "black": 3, "mixed": 4, "white": 5, "other": 2}
    assert census.category("white_british").label == "English, Welsh, Scottish, Northern Irish or British"


def test_2001_annex_a_group_sizes_and_spellings() -> None:
    census = get_classification("ethnicity-ew-2001")
    sizes = [sum(c.group == group.code for c in census.categories) for group in census.groups]
    assert sizes == [4, 3, 4, 3, 2]  # Asian, Black, Mixed, White, Chinese or other (alphabetical, Other last)
    assert census.category("mixed_white_black_caribbean").label == "White & Black Caribbean"
    assert census.category("mixed_white_asian").label == "White and Asian"
    assert census.category("chinese").group == "other"
    assert get_classification("ethnicity-ew-2011").category("chinese").group == "asian"
    assert get_classification("ethnicity-scotland-2001").category("chinese").group == "asian"


@pytest.mark.parametrize("classification", list_classifications(), ids=lambda c: c.id)
def test_every_category_has_a_known_group_and_a_unique_code(classification: Classification) -> None:
    group_codes = {group.code for group in classification.groups}
    assert all(category.group in group_codes for category in classification.categories)
    assert len(set(classification.codes)) == len(classification.codes)
    assert UNKNOWN_CODE not in classification.codes
    orders = [category.order for category in classification.categories]
    assert orders == sorted(orders) == list(range(len(orders)))
    assert any(value.casefold() == "prefer not to say" for value in classification.unknown_values)


@pytest.mark.parametrize("classification", list_classifications("ethnicity"), ids=lambda c: c.id)
def test_ethnic_groups_are_alphabetical_with_other_last(classification: Classification) -> None:
    labels = [group.short_label for group in classification.groups]
    assert labels[-1].startswith("Other") or labels[-1].startswith("Chinese or other")
    assert labels[:-1] == sorted(labels[:-1])


@pytest.mark.parametrize("classification", list_classifications(), ids=lambda c: c.id)
def test_aggregations_cover_every_category_once(classification: Classification) -> None:
    for aggregation in (classification.aggregation("groups"), *classification.aggregations):
        members = [code for group in aggregation.groups for code in group.members]
        assert sorted(members) == sorted(classification.codes), aggregation.id
        assert aggregation.reference in {group.code for group in aggregation.groups}


def test_ethnic_minorities_include_white_minorities() -> None:
    split = get_classification("ethnicity-ew-2021").aggregation("white-british-vs-other").group_of()
    assert split["white_british"] == "white_british"
    assert split["white_irish"] == split["white_roma"] == split["indian"] == "ethnic_minorities"
    white = get_classification("ethnicity-ew-2021").aggregation("white-vs-other").group_of()
    assert white["white_roma"] == "white"
    assert white["arab"] == "other_than_white"


def test_wres_white_is_british_irish_and_any_other_white() -> None:
    wres = get_classification("ethnicity-ew-2001").aggregation("wres")
    assert wres.reference == "white"
    groups = {group.code: group.members for group in wres.groups}
    assert groups["white"] == ("white_british", "white_irish", "white_other")
    assert len(groups["bme"]) == 13


def test_crosswalk_2011_to_2021_is_identity_and_2021_roma_goes_back_to_any_other_white() -> None:
    forward = get_crosswalk("ethnicity-ew-2011", "ethnicity-ew-2021")
    assert all(source == target for source, target in forward.mapping.items())
    assert forward.exact is False
    back = get_crosswalk("ethnicity-ew-2021", "ethnicity-ew-2011")
    assert back.mapping["white_roma"] == "white_other"
    assert back.exact is True
    to_2001 = get_crosswalk("ethnicity-ew-2011", "ethnicity-ew-2001")
    assert to_2001.mapping["chinese"] == "chinese"
    assert to_2001.mapping["arab"] == "other"
    assert to_2001.mapping["white_gypsy_traveller"] == "white_other"


def test_unknown_ids_list_what_exists() -> None:
    with pytest.raises(KeyError, match="ethnicity-ew-2021"):
        get_classification("ethnicity-2021")
    with pytest.raises(KeyError, match="defined: "):
        get_crosswalk("sex", "ethnicity-ew-2021")
    with pytest.raises(KeyError, match="white-vs-other"):
        get_classification("ethnicity-ew-2021").aggregation("wres")


def _minimal(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "id": "x",
        "characteristic": "x",
        "title": "x",
        "version": "1",
        "groups": [{"code": "g", "label": "G", "categories": [{"code": "a", "label": "A"}]}],
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"groups": [{"code": "g", "label": "G", "categories": []}]}, "group 'g' has no categories"),
        (
            {"groups": [{"code": "g", "label": "G", "categories": [{"code": "a", "label": "A"}] * 2}]},
            "category code 'a' appears twice",
        ),
        ({"groups": [{"code": "g", "label": "G", "categories": [{"code": "unknown", "label": "U"}]}]}, "reserved"),
        (
            {"aggregations": [{"id": "s", "label": "S", "groups": [{"code": "x", "label": "X", "members": ["b"]}]}]},
            "unknown category 'b'",
        ),
        (
            {"aggregations": [{"id": "s", "label": "S", "groups": [{"code": "x", "label": "X", "members": []}]}]},
            r"leaves out \['a'\]",
        ),
    ],
)
def test_broken_data_file_names_the_file_and_the_rule(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ClassificationDataError, match=f"broken.yaml: .*{message}"):
        parse_classification(_minimal(**changes), source="broken.yaml")


def test_missing_key_is_named() -> None:
    data = _minimal()
    del data["title"]
    with pytest.raises(ClassificationDataError, match=r"broken\.yaml: missing key 'title'"):
        parse_classification(data, source="broken.yaml")
