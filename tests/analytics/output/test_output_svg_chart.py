"""The bar chart: which column it draws, bar lengths and interval whiskers on the scale, words as well as colour."""

from __future__ import annotations

import re

from lxml import etree
from output_samples import appointed_table, formula_table, published_table

from dueregard.analytics.output.svg_chart import BAR, REFERENCE, bar_chart, chart_column
from dueregard.analytics.results import Cell, Column, ResultTable, TableNotes, label

NS = {"s": "http://www.w3.org/2000/svg"}


def _svg(table: ResultTable) -> etree._Element:
    text = bar_chart(table, chart_id="c1")
    assert text is not None
    return etree.fromstring(text.encode())


def _texts(svg: etree._Element) -> list[str]:
    return [element.text for element in svg.findall("s:text", NS)]


def test_the_rate_column_is_charted_and_a_table_of_counts_is_not() -> None:
    assert chart_column(appointed_table()) == 3
    assert chart_column(formula_table()) is None
    assert bar_chart(formula_table(), chart_id="x") is None


def test_bars_are_to_scale_with_whiskers_at_the_interval_bounds() -> None:
    svg = _svg(appointed_table())
    # Axis 0% to 80% (the Mixed interval reaches 64.1%), ticks every 20%.
    assert [t for t in _texts(svg) if t.endswith("%") and len(t) <= 3] == ["0%", "20%", "40%", "60%", "80%"]
    bars = svg.findall("s:rect", NS)
    assert len(bars) == 4
    left = float(bars[0].get("x"))
    scale = (720 - 130 - left) / 80  # pixels per percentage point
    widths = [float(bar.get("width")) for bar in bars]
    for width, rate in zip(widths, (20.0, 15.0, 200 / 7, 30.0), strict=True):
        assert abs(width - rate * scale) <= 0.2
    whisker = svg.findall("s:path", NS)[0].get("d")
    low, high = (float(n) for n in re.match(r"M([\d.]+) [\d.]+H([\d.]+)", whisker).groups())  # type: ignore[union-attr]
    assert abs(low - (left + 14.384081582284963 * scale)) <= 0.2
    assert abs(high - (left + 27.114133079799635 * scale)) <= 0.2


def test_the_reference_group_is_named_in_words_as_well_as_colour() -> None:
    svg = _svg(appointed_table())
    assert "White (reference)" in _texts(svg)
    assert [bar.get("fill") for bar in svg.findall("s:rect", NS)] == [BAR, BAR, BAR, REFERENCE]
    assert "the reference group, White, is labelled (reference)" in svg.find("s:desc", NS).text


def test_withheld_figures_have_no_bar_and_say_so() -> None:
    svg = _svg(published_table())
    assert len(svg.findall("s:rect", NS)) == 2  # Asian and White; Black and Mixed are withheld
    assert _texts(svg).count("not shown (!)") == 2
    assert "groups whose figure is not shown have no bar" in svg.find("s:desc", NS).text


def test_a_ratio_chart_marks_parity_and_handles_negative_figures() -> None:
    table = ResultTable(
        title="Pay gap",
        columns=(Column("group", "Group", "label"), Column("gap", "Gap", "number")),
        rows=((label("A"), Cell(-4.5, "-4.5")), (label("B"), Cell(12.25, "12.3"))),
        notes=TableNotes(unknown_count=0, unknowns_used=False),
    )
    svg = _svg(table)
    assert [t for t in _texts(svg) if re.fullmatch(r"-?\d+", t or "")] == ["-5", "0", "5", "10", "15"]
    bars = svg.findall("s:rect", NS)
    assert float(bars[0].get("x")) < float(bars[1].get("x"))  # the negative bar starts left of zero
    ratio = ResultTable(
        title="Ratio",
        columns=(Column("group", "Group", "label"), Column("r", "Ratio", "ratio", "reference")),
        rows=((label("A"), Cell(0.5, "0.50")), (label("B"), Cell(1.8, "1.80"))),
        notes=TableNotes(unknown_count=0, unknowns_used=False),
    )
    dashed = [line for line in _svg(ratio).findall("s:line", NS) if line.get("stroke-dasharray")]
    assert len(dashed) == 1


def test_long_labels_are_shortened_in_the_chart_only() -> None:
    long_name = "Any other Black, Black British, or Caribbean background"
    table = ResultTable(
        title="t",
        columns=(Column("group", "Group", "label"), Column("rate", "Rate", "rate")),
        rows=((label(long_name), Cell(0.5, "50.0%", low=0.4, high=0.6)),),
        notes=TableNotes(unknown_count=0, unknowns_used=False),
    )
    assert "Any other Black, Black British, or Cari…" in _texts(_svg(table))


def test_a_pay_table_charts_the_gap_in_percent_rather_than_the_pay() -> None:
    table = ResultTable(
        title="Gender pay gap: hourly pay",
        columns=(
            Column("measure", "Measure", "label"),
            Column("men", "Men", "number"),
            Column("gap", "Gap (%)", "number"),
        ),
        rows=(
            (label("Mean hourly pay gap"), Cell(16.727, "£16.73"), Cell(17.3913, "17.4%")),
            (label("Median hourly pay gap"), Cell(16.0, "£16.00"), Cell(18.75, "18.8%")),
        ),
        notes=TableNotes(unknown_count=0, unknowns_used=False),
    )
    assert chart_column(table) == 2
    svg = _svg(table)
    assert svg.find("s:title", NS).text == "Chart of Gap (%) by measure"
    assert "17.4%" in _texts(svg)
