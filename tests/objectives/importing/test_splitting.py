"""Splitting multi-action cells and lining them up with timescales and updates (F-S2-02), with property tests."""

from __future__ import annotations

import re

from helpers import words
from hypothesis import given
from hypothesis import strategies as st

from dueregard.objectives.importing.layout import detect_layout, logical_rows
from dueregard.objectives.importing.reading import RawRow, RawTable
from dueregard.objectives.importing.splitting import align, split_fragments, split_items

PROCUREMENT_ACTIONS = (
    '<ol style="list-style-type: none"> 1. Standard Contract and related documentation reviewed and strengthened. '
    "2. Consultation with affected groups to be undertaken. 3. Assurance that government procurement policies are "
    "compliant with duty to be sought from OGC. 4. New guidance to be promulgated. 5. Monitoring of tender responses "
    "/contractors via Management Units to be undertaken. "
)
PROCUREMENT_TIMESCALES = (
    "<p>January 2008</p> <p>March 2008</p> <p>March 2008</p> <p>March 2008</p> <p>And ongoing monitoring</p>"
)


def test_numbered_actions_keep_their_numbers_and_pair_with_paragraph_timescales() -> None:
    actions = split_fragments([PROCUREMENT_ACTIONS])
    timescales = split_fragments([PROCUREMENT_TIMESCALES])
    aligned = align(actions, timescales, ["Achieved"])
    assert aligned.check == ""
    assert [(a.title, a.timescale, a.update) for a in aligned.actions] == [
        ("1. Standard Contract and related documentation reviewed and strengthened.", "January 2008", "Achieved"),
        ("2. Consultation with affected groups to be undertaken.", "March 2008", "Achieved"),
        (
            "3. Assurance that government procurement policies are compliant with duty to be sought from OGC.",
            "March 2008",
            "Achieved",
        ),
        ("4. New guidance to be promulgated.", "March 2008", "Achieved"),
        (
            "5. Monitoring of tender responses /contractors via Management Units to be undertaken.",
            "And ongoing monitoring",
            "Achieved",
        ),
    ]


def test_dash_lists_split_but_date_ranges_with_hyphens_do_not() -> None:
    assert [i.text for i in split_items("- Affected groups to be consulted. - Review with H&S Team.")] == [
        "Affected groups to be consulted.",
        "Review with H&S Team.",
    ]
    assert [i.text for i in split_items("2008 - 2011")] == ["2008 - 2011"]
    assert [i.text for i in split_items("October 2007 - March 2008")] == ["October 2007 - March 2008"]


def test_bullets_split_and_an_intro_line_stays_first() -> None:
    items = [i.text for i in split_items("Communications strategy including: • One. • Two.")]
    assert items == ["Communications strategy including:", "One.", "Two."]


def test_an_item_cut_by_a_page_break_is_joined_but_a_new_dated_item_is_not() -> None:
    # S2-R26: "…prayer rooms in all CO" | "buildings"; the timescales "Dec 07" | "Dec 08" are two items.
    actions = split_fragments(
        [
            "<p>-Include diversity in the CO Values and Behaviours</p> "
            "<p>- Review the availability of prayer rooms in all CO</p>",
            "<p>buildings</p> <p>-Introduce salary advance for religious festivals other than Christmas</p>",
        ]
    )
    assert actions == [
        "Include diversity in the CO Values and Behaviours",
        "Review the availability of prayer rooms in all CO buildings",
        "Introduce salary advance for religious festivals other than Christmas",
    ]
    assert split_fragments(["<p>Nov 07</p> <p>Dec 07</p>", "Dec 08"]) == ["Nov 07", "Dec 07", "Dec 08"]
    assert split_fragments(["<p>Sept 08 and disseminate</p>", "<p>d to staff via intranet</p>"]) == [
        "Sept 08 and disseminated to staff via intranet"
    ]


def test_one_timescale_for_several_actions_applies_to_each() -> None:
    aligned = align(
        ["Days of week are varied", "Training room includes a hearing loop"], ["Ongoing"], ["All actions met"]
    )
    assert aligned.check == ""
    assert [(a.timescale, a.update) for a in aligned.actions] == [("Ongoing", "All actions met")] * 2


def test_lists_that_do_not_line_up_stay_together_and_are_flagged() -> None:
    aligned = align(["A", "B", "C"], ["Jan 08", "Feb 08"], [])
    assert len(aligned.actions) == 1
    assert aligned.actions[0].title == "A\nB\nC"
    assert aligned.actions[0].timescale == "Jan 08\nFeb 08"
    assert "3 actions, 2 timescales" in aligned.check


def test_repeated_headers_are_dropped_and_a_row_cut_by_a_page_break_is_joined() -> None:
    header = ["Function / Policy", "Desired Outcome", "Actions", "Timescales for action", "Update"]
    rows = [
        header,
        ["Accounting policy", "Assurance that", "Check the policy", "2008", "Completed"],
        header,
        ["", "application of policy is compliant.", "", "", ""],
        ["", "To raise awareness", "Run seminars", "Ongoing", "Ongoing"],
    ]
    table = RawTable("t.csv", [RawRow(i, cells, f"row {i}") for i, cells in enumerate(rows, 1)])
    layout = detect_layout(table)
    assert layout is not None
    logical = logical_rows(table, layout)
    assert len(logical) == 2
    assert logical[0].numbers == [2, 4]
    assert logical[0].joined
    assert logical[0].cells["desired_outcome"] == ["Assurance that", "application of policy is compliant."]


def _markers_out(text: str) -> list[str]:
    return [w for w in words(text) if not re.fullmatch(r"[-–•*·]+", w)]


cell_text = st.lists(
    st.one_of(
        st.text(min_size=0, max_size=40),
        st.sampled_from(["- ", "• ", "1. ", "2. ", "<p>", "</p>", "\n", " - ", "Ongoing", "March 2008", "and", "d"]),
    ),
    max_size=20,
).map("".join)


@given(cell_text)
def test_splitting_never_loses_or_invents_words(text: str) -> None:
    items = split_items(text)
    joined = " ".join(item.text for item in items)
    # Up to whitespace, tags and list markers, the parts are the cell.
    assert (
        "".join(_markers_out(joined)).replace("-", "").replace("–", "")
        == "".join(_markers_out(re.sub(r"</?(?:p|li|br|div|tr)\b[^>]*>", " ", text)))
        .replace("-", "")
        .replace("–", "")
        .replace("•", "")
        or "<" in text
    )


@given(st.lists(cell_text, min_size=1, max_size=4))
def test_joining_fragments_keeps_every_character_that_is_not_space_or_a_marker(fragments: list[str]) -> None:
    items = split_fragments(fragments)
    squash = lambda s: re.sub(r"[\s\-–•*·]", "", s)  # noqa: E731
    if not any("<" in fragment or "&" in fragment for fragment in fragments):
        assert squash("".join(items)) == squash("".join(fragments))


@given(st.lists(st.lists(st.text(max_size=30), min_size=1, max_size=6), min_size=1, max_size=8))
def test_reading_rows_of_arbitrary_cell_text_never_raises(rows: list[list[str]]) -> None:
    from dueregard.objectives.importing.preview import build_preview

    table = RawTable("t.csv", [RawRow(i, ["Objective", "Actions", "Timescale", "Update"], "row 1") for i in [1]])
    table.rows += [RawRow(i, (cells + [""] * 4)[:4], f"row {i}") for i, cells in enumerate(rows, 2)]
    layout = detect_layout(table)
    assert layout is not None
    preview = build_preview(table, layout)
    assert preview.rows_read <= len(rows)


_ITEM = st.text(st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=25).map(str.strip).filter(bool)


@given(
    st.lists(_ITEM, max_size=6),
    st.lists(st.one_of(_ITEM, st.sampled_from(["Ongoing", "March 2008", "Ongoing By December 2009"])), max_size=6),
    st.lists(_ITEM, max_size=6),
)
def test_aligning_never_drops_or_invents_an_action_timescale_or_update(
    actions: list[str], timescales: list[str], updates: list[str]
) -> None:
    aligned = align(actions, timescales, updates)
    nodes = [node for action in aligned.actions for node in (action, *action.children)]
    titles = "\n".join(node.title for node in nodes if node.title)
    assert titles.split("\n") == [line for action in actions for line in action.split("\n")] or not actions
    squash = lambda s: "".join(s.split())  # noqa: E731
    out_timescales = squash("".join(node.timescale for node in nodes))
    out_updates = squash("".join(node.update for node in nodes))
    for item in timescales:
        assert squash(item) in out_timescales
    for item in updates:
        assert squash(item) in out_updates
    if aligned.check:
        assert len(aligned.actions) == 1
