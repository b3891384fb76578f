"""The result table: JSON round trip, stable column order, CSV rows safe from formula injection."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dueregard.analytics.results import (
    COLUMN_KINDS,
    COMPARATORS,
    Cell,
    Column,
    ResultTable,
    TableNotes,
    csv_safe,
    label,
)


def _table() -> ResultTable:
    return ResultTable(
        title="Appointed from shortlisting",
        columns=(Column("group", "Ethnic group", "label"), Column("rate", "Rate", "rate"), Column("n", "n", "count")),
        rows=(
            (label("White"), Cell(value=0.3, display="30.0%", denominator=1000, low=0.2724, high=0.3291), Cell(1000)),
            (label("=HYPERLINK()"), Cell(value=None, symbol="!"), Cell(value=None, symbol="!")),
            (label("Other"), Cell(value=-4.5, display="-4.5"), Cell(value=None, symbol="-")),
        ),
        notes=TableNotes(
            reference_group="White",
            unknown_count=50,
            unknowns_used=False,
            declaration_rate=1500 / 1550,
            methods=("Wilson score 95% interval",),
            legend=(("!", "withheld to protect confidentiality"),),
            disclosure=("Counts below 5 withheld.",),
            tests=("Pearson χ²: statistic 17.045, p = 3.65e-05.",),
        ),
    )


def test_to_dict_round_trips_through_json() -> None:
    table = _table()
    assert ResultTable.from_dict(json.loads(json.dumps(table.to_dict()))) == table


def test_column_order_is_the_order_given() -> None:
    table = _table()
    assert table.column_ids == ("group", "rate", "n")
    assert [column["id"] for column in table.to_dict()["columns"]] == ["group", "rate", "n"]


def test_rows_must_match_the_columns() -> None:
    with pytest.raises(ValueError, match="row 1 has 1 cells, not 2"):
        ResultTable(title="t", columns=(Column("a", "A"), Column("b", "B")), rows=((Cell(1),),))


def test_column_ids_must_be_unique() -> None:
    with pytest.raises(ValueError, match="unique"):
        ResultTable(title="t", columns=(Column("a", "A"), Column("a", "B")), rows=())


def test_a_cell_is_never_nan() -> None:
    with pytest.raises(ValueError, match="NaN"):
        Cell(value=float("nan"))


def test_csv_rows_show_symbols_intervals_and_escape_formulas() -> None:
    rows = _table().to_csv_rows()
    assert rows[0] == ["Ethnic group", "Rate", "Rate (lower)", "Rate (upper)", "n"]
    assert rows[1] == ["White", "30.0%", "0.2724", "0.3291", "1000"]
    assert rows[2] == ["'=HYPERLINK()", "!", "", "", "!"]
    # A negative number stays a number and the bare "not collected" symbol stays itself.
    assert rows[3] == ["Other", "-4.5", "", "", "-"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("=1+1", "'=1+1"), ("+44", "'+44"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("a=b", "a=b")],
)
def test_csv_safe_escapes_text_that_starts_a_formula(text: str, expected: str) -> None:
    assert csv_safe(text) == expected


@given(st.text())
def test_csv_safe_output_never_starts_a_formula_unless_a_number_or_bare_dash(text: str) -> None:
    out = csv_safe(text)
    if out.startswith(("=", "+", "-", "@", "\t", "\r")):
        assert out == "-" or (out[0] == "-" and out[1:2].isdigit())


def test_symbols_used_and_legend_merging() -> None:
    table = _table()
    assert table.symbols_used() == frozenset({"!", "-"})
    notes = table.notes.with_legend([("!", "other meaning"), ("-", "not collected")])
    assert dict(notes.legend) == {"!": "withheld to protect confidentiality", "-": "not collected"}


def test_notes_from_an_older_dict_without_tests_still_load() -> None:
    data = _table().to_dict()
    del data["notes"]["tests"]
    assert ResultTable.from_dict(data).notes.tests == ()


def test_adding_notes_keeps_order_and_drops_duplicates() -> None:
    notes = TableNotes(methods=("a",)).adding(methods=["b", "a"], tests=["t"], warnings=["w"], disclosure=["d"])
    assert (notes.methods, notes.tests, notes.warnings, notes.disclosure) == (("a", "b"), ("t",), ("w",), ("d",))


finite = st.floats(allow_nan=False, allow_infinity=False)
cells = st.builds(
    Cell,
    value=st.one_of(st.none(), st.integers(-(10**6), 10**6), finite, st.text(max_size=8)),
    display=st.text(max_size=8),
    symbol=st.sampled_from(["", "!", "?", "-", "N/A", "~0"]),
    denominator=st.one_of(st.none(), st.integers(0, 10**6)),
    low=st.one_of(st.none(), finite),
    high=st.one_of(st.none(), finite),
    note=st.text(max_size=8),
)


@st.composite
def tables(draw: st.DrawFn) -> ResultTable:
    width = draw(st.integers(min_value=1, max_value=4))
    ids = draw(st.lists(st.text(min_size=1, max_size=5), min_size=width, max_size=width, unique=True))
    kinds = draw(st.lists(st.sampled_from(sorted(COLUMN_KINDS)), min_size=width, max_size=width))
    rows = draw(st.lists(st.tuples(*[cells] * width), max_size=4))
    notes = TableNotes(
        reference_group=draw(st.one_of(st.none(), st.text(max_size=5))),
        unknown_count=draw(st.one_of(st.none(), st.integers(0, 100))),
        unknowns_used=draw(st.one_of(st.none(), st.booleans())),
        declaration_rate=draw(st.one_of(st.none(), st.floats(0, 1))),
        legend=tuple(draw(st.dictionaries(st.text(min_size=1, max_size=3), st.text(max_size=9))).items()),
        methods=tuple(draw(st.lists(st.text(max_size=9), max_size=2))),
    )
    comparators = draw(st.lists(st.sampled_from(sorted(COMPARATORS)), min_size=width, max_size=width))
    columns = tuple(Column(i, i.upper(), k, c) for i, k, c in zip(ids, kinds, comparators, strict=True))
    return ResultTable(title=draw(st.text(max_size=9)), columns=columns, rows=tuple(rows), notes=notes)


@given(tables())
def test_any_table_round_trips_through_json(table: ResultTable) -> None:
    assert ResultTable.from_dict(json.loads(json.dumps(table.to_dict()))) == table


@given(tables())
def test_csv_rows_have_the_header_width_and_no_formula(table: ResultTable) -> None:
    rows = table.to_csv_rows()
    assert len({len(row) for row in rows}) == 1
    for row in rows:
        for text in row:
            if text.startswith(("=", "+", "@", "\t", "\r")):
                raise AssertionError(f"{text!r} would run as a formula")


def test_a_column_says_what_it_compares_rows_with() -> None:
    column = Column("rr", "Relative likelihood", "ratio", "reference")
    assert column.to_dict() == {"id": "rr", "label": "Relative likelihood", "kind": "ratio", "comparator": "reference"}
    assert Column.from_dict(column.to_dict()) == column
    assert "comparator" not in Column("n", "n", "count").to_dict()
    with pytest.raises(ValueError, match="comparator"):
        Column("rr", "RR", "ratio", "lowest")


def test_to_pandas_gives_values_with_withheld_figures_missing() -> None:
    import pandas as pd

    frame = _table().to_pandas()
    assert list(frame.columns) == ["Ethnic group", "Rate", "Rate (lower)", "Rate (upper)", "n"]
    assert [str(dtype) for dtype in frame.dtypes] == ["string", "Float64", "Float64", "Float64", "Int64"]
    assert frame["Ethnic group"].tolist() == ["White", "=HYPERLINK()", "Other"]
    assert frame["Rate"].tolist() == [0.3, pd.NA, -4.5]
    assert frame["Rate (lower)"].tolist() == [0.2724, pd.NA, pd.NA]
    assert frame["n"].tolist() == [1000, pd.NA, pd.NA]  # "!" withheld and "-" not collected: nothing comes back


def test_to_pandas_shown_gives_what_a_reader_sees() -> None:
    frame = _table().to_pandas(shown=True)
    assert frame.to_dict("list") == {
        "Ethnic group": ["White", "=HYPERLINK()", "Other"],
        "Rate": ["30.0%", "!", "-4.5"],
        "Rate (lower)": ["0.2724", "", ""],
        "Rate (upper)": ["0.3291", "", ""],
        "n": ["1000", "!", "-"],
    }


def test_to_pandas_keeps_columns_whose_labels_repeat() -> None:
    table = ResultTable(
        title="Two counts",
        columns=(Column("group", "Group", "label"), Column("a", "n", "count"), Column("b", "n", "count")),
        rows=((label("A"), Cell(1), Cell(2)),),
    )
    assert table.to_pandas().to_dict("list") == {"Group": ["A"], "n": [1], "n [b]": [2]}


def test_a_table_shows_itself_in_a_notebook_as_html() -> None:
    html = _table()._repr_html_()
    assert "<caption>Appointed from shortlisting</caption>" in html
    assert '<th scope="row">White</th>' in html
    assert "<dt>!</dt>" in html
    assert "<dd>withheld to protect confidentiality</dd>" in html
    assert "Reference group: White." in html
    assert "<html" not in html
    assert _table()._repr_html_().split('id="')[1][:18] != html.split('id="')[1][:18]  # a fresh id prefix each time
