"""The standalone HTML report, parsed (lxml) and checked for what makes it accessible: headings, each chart an
SVG image with a text alternative followed by its data table, captions, scoped header cells, intervals, the
legend of symbols, notes and warnings; and nothing fetched from elsewhere, no script."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html
from output_samples import FORMULA_LABEL, sample_report

from dueregard.analytics.output import render_html

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def page():  # type: ignore[no-untyped-def]
    return lxml_html.fromstring(render_html(sample_report()))


def _text(element) -> str:  # type: ignore[no-untyped-def]
    return " ".join(element.text_content().split())


def test_the_page_has_a_language_a_title_and_one_h1(page) -> None:  # type: ignore[no-untyped-def]
    assert page.get("lang") == "en"
    assert page.findtext(".//title") == "Workforce report 2024"
    assert [_text(h) for h in page.findall(".//h1")] == ["Workforce report 2024"]


def test_sections_are_h2_and_tables_h3_in_order(page) -> None:  # type: ignore[no-untyped-def]
    headings = [(h.tag, _text(h)) for h in page.iter("h2", "h3")]
    assert headings == [
        ("h2", "Warnings"),
        ("h2", "About these figures"),
        ("h2", "Contents"),
        ("h2", "Recruitment"),
        ("h3", "Appointed among shortlisted, by ethnic group"),
        ("h3", "Appointed among shortlisted, by ethnic group"),
        ("h2", "Leavers"),
        ("h3", "Leavers by reason"),
    ]
    assert [a.get("href") for a in page.findall(".//nav//a")] == ["#section-1", "#section-2"]


def test_every_chart_is_an_image_with_title_and_description_followed_by_its_table(page) -> None:  # type: ignore[no-untyped-def]
    figures = page.findall(".//figure")
    assert len(figures) == 2  # the leavers table has counts only: no chart
    for figure in figures:
        svg = figure[0]
        assert svg.tag in ("svg", f"{SVG}svg")
        assert svg.get("role") == "img"
        title_id, desc_id = svg.get("aria-labelledby").split()
        title = page.get_element_by_id(title_id)
        assert title.tag.endswith("title")
        assert _text(title) == "Chart of Rate by ethnic group"
        assert "The figures are in the table that follows." in _text(page.get_element_by_id(desc_id))
        following = figure.getnext()
        assert following.get("class") == "table-wrap"
        assert following[0].tag == "table"


def test_tables_have_captions_scoped_headers_and_interval_columns(page) -> None:  # type: ignore[no-untyped-def]
    table = page.findall(".//table")[0]
    assert _text(table.find("caption")) == "Appointed among shortlisted, by ethnic group"
    header = [(_text(th), th.get("scope")) for th in table.findall("thead/tr/th")]
    assert header[:5] == [
        ("Ethnic group", "col"),
        ("People", "col"),
        ("With the outcome", "col"),
        ("Rate", "col"),
        ("Rate: interval", "col"),
    ]
    white = table.findall("tbody/tr")[3]
    assert white[0].tag == "th"
    assert white[0].get("scope") == "row"
    assert [_text(cell) for cell in white[:5]] == ["White", "400", "120", "30.0%", "25.7% to 34.7%"]
    asian = table.findall("tbody/tr")[0]
    assert _text(asian[6]) == "0.47 to 0.95"  # relative likelihood interval, shown like the figure


def test_withheld_figures_show_the_symbol_no_interval_and_a_legend(page) -> None:  # type: ignore[no-untyped-def]
    published = page.findall(".//table")[1]
    mixed = published.findall("tbody/tr")[2]
    assert [_text(cell) for cell in mixed[:5]] == ["Mixed", "!", "!", "!", ""]
    legend = published.getparent().getnext().find(".//dl")
    assert [(_text(dt), _text(dd)) for dt, dd in zip(legend[::2], legend[1::2], strict=True)] == [
        ("!", "withheld to protect confidentiality")
    ]
    chart = page.findall(".//figure")[1]
    assert "not shown (!)" in _text(chart)


def test_unknown_counts_declaration_rate_methods_and_warnings_are_stated(page) -> None:  # type: ignore[no-untyped-def]
    notes = _text(page.findall(".//table")[0].getparent().getnext())
    assert "Reference group: White." in notes
    assert "Records with an unknown value: 30 (not used in the figures)." in notes
    assert "Declaration rate: 95.4%." in notes  # 617 of 647
    assert "Wilson score 95% intervals" in notes
    leavers = _text(page.findall(".//table")[2].getparent().getnext().getnext())
    assert "A small table." in leavers
    assert "Fewer than 150 employees: a test warning." in _text(page.find_class("warning")[0])


def test_a_note_on_one_figure_is_linked_from_its_cell(page) -> None:  # type: ignore[no-untyped-def]
    link = page.find_class("note-ref")[0]
    target = page.get_element_by_id(link.get("href")[1:])
    assert _text(target) == "Retired, Leavers: Corrected after the audit."


def test_text_is_escaped_not_markup(page) -> None:  # type: ignore[no-untyped-def]
    rows = page.findall(".//table")[2].findall("tbody/tr")
    assert _text(rows[0][0]) == FORMULA_LABEL
    html = render_html(sample_report())
    assert "<script" not in html.lower()


def test_the_page_uses_nothing_from_elsewhere() -> None:
    html = render_html(sample_report())
    for outside in ('src="http', "src='http", 'href="http', "@import", "url(", "<link", "<img"):
        assert outside not in html


def test_a_report_shows_itself_in_a_notebook_without_the_page_around_it() -> None:
    report = sample_report()
    fragment = lxml_html.fragment_fromstring(report._repr_html_())
    assert fragment.tag == "div"
    assert fragment.get("lang") == "en"
    assert [_text(h1) for h1 in fragment.iter("h1")] == [report.title]
    assert fragment.find(".//style") is None
    assert "<html" not in report._repr_html_()
    # Every id of a fragment starts with its own prefix, and every link of its contents points inside it.
    ids = [element.get("id") for element in fragment.iter() if element.get("id")]
    prefix = ids[0].split("contents")[0]
    assert prefix.startswith("dueregard-")
    assert all(identifier.startswith(prefix) for identifier in ids)
    assert all(link.get("href")[1:] in ids for link in fragment.iter("a") if link.get("href", "").startswith("#"))
    other = lxml_html.fragment_fromstring(report._repr_html_())
    assert not {element.get("id") for element in other.iter() if element.get("id")} & set(ids)


def test_a_report_fragment_in_welsh() -> None:
    from dueregard.analytics.output.html_report import render_report_fragment

    fragment = lxml_html.fragment_fromstring(render_report_fragment(sample_report(), language="cy"))
    assert fragment.get("lang") == "cy"
    assert "Cynnwys" in [_text(h2) for h2 in fragment.iter("h2")]
