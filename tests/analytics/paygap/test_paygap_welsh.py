"""Pay gaps in Welsh: the tables' titles, columns, methods and notes, the measure, quarter and group names, and the
notes on withheld figures are Welsh inside ``language("cy")``; the figures are the English ones. The groups' labels
stay English in the computation, where the pay quarters' tie rule orders by them: in Welsh the labels of the
ethnicity pay gap sort the other way round ("Gwyn Prydeinig" before "Lleiafrifoedd ethnig"), and the quarters must
not change with the language."""

from __future__ import annotations

import pytest
from ibis import BaseBackend
from paygap_care_home import MEN, WOMEN, care_home_employees
from paygap_tables import duckdb_backend, employees, report

from dueregard.analytics import translations
from dueregard.analytics.disclosure import DisclosurePolicy
from dueregard.analytics.i18n import language
from dueregard.analytics.paygap import (
    GroupComparison,
    PayGapReport,
    ethnicity_comparison,
    pay_by_group,
    pay_gap_tables,
    publish_pay_gap_tables,
    sex_comparison,
)
from dueregard.analytics.paygap.figures import EMPLOYEES, FULL_PAY_EMPLOYEES, PAID_A_BONUS, suppression_for
from dueregard.analytics.paygap.groups import shown_label
from dueregard.analytics.paygap.tables import pay_by_group_table
from dueregard.analytics.results import ResultTable


@pytest.fixture(scope="module", autouse=True)
def _compiled() -> None:
    translations.compile_if_stale("cy")


def _tied_pair(backend: BaseBackend, comparison: GroupComparison, code: str | None = None) -> PayGapReport:
    """Two employees on the same rate, one in each group: the tie rule puts the group whose label sorts first in
    the lower middle quarter and the other in the upper quarter (2 employees: ranks 1 and 2 fall in quarters 1
    and 3)."""
    frame = employees([{"group": "WB", "hourly_rate": 12.0}, {"group": "Indian", "hourly_rate": 12.0}])
    with language(code):
        return report(backend, frame, comparison)


def _quarter_counts(result: PayGapReport) -> list[tuple[int, int]]:
    return [(quarter.reference_count, quarter.comparison_count) for quarter in result.quarters]


def test_the_tie_rule_orders_by_the_english_labels_in_every_language(backend: BaseBackend) -> None:
    ethnicity = ethnicity_comparison(column="group", white_british="WB").with_minimum_group_size(1)
    english = _tied_pair(backend, ethnicity)
    # "Ethnic minorities" sorts before "White British": the ethnic minority employee is in the lower middle quarter.
    assert _quarter_counts(english) == [(0, 0), (0, 1), (0, 0), (1, 0)]
    welsh = _tied_pair(backend, ethnicity, "cy")
    assert _quarter_counts(welsh) == _quarter_counts(english)
    assert (welsh.reference_group, welsh.comparison_group) == ("White British", "Ethnic minorities")
    assert welsh.quarters[0].note == "Amherthnasol: does neb yn y chwartel hwn."

    # Had the Welsh labels been used in the computation, the two employees would have changed places.
    in_welsh_words = GroupComparison(
        characteristic="ethnicity",
        column="group",
        reference_label="Gwyn Prydeinig",
        reference_values=frozenset({"WB"}),
        comparison_label="Lleiafrifoedd ethnig",
        minimum_group_size=1,
    )
    assert _quarter_counts(_tied_pair(backend, in_welsh_words, "cy")) == [(0, 0), (1, 0), (0, 0), (0, 1)]


def _care_home_tables(code: str | None) -> tuple[ResultTable, ResultTable, ResultTable, ResultTable]:
    comparison = sex_comparison(column="sex", men=MEN, women=WOMEN)
    with language(code):
        result = report(duckdb_backend(), care_home_employees(), comparison)
        return publish_pay_gap_tables(pay_gap_tables(result), DisclosurePolicy())


def _figures(table: ResultTable) -> list[list[tuple[object, str, int | None]]]:
    """Every cell but the row label: value, symbol and denominator."""
    return [[(cell.value, cell.symbol, cell.denominator) for cell in row[1:]] for row in table.rows]


def test_the_care_home_tables_in_welsh() -> None:
    hourly, bonus, proportions, quarters = _care_home_tables("cy")
    assert [t.title for t in (hourly, bonus, proportions, quarters)] == [
        "Bwlch cyflog yn ôl rhyw: cyflog fesul awr",
        "Bwlch cyflog yn ôl rhyw: tâl bonws",
        "Bwlch cyflog yn ôl rhyw: cyfran a gafodd fonws",
        "Bwlch cyflog yn ôl rhyw: chwarteli cyflog",
    ]
    assert hourly.to_csv_rows(intervals=False) == [
        ["Mesur", "Dynion", "Menywod", "Bwlch (%)", "Dynion (pobl)", "Menywod (pobl)"],
        ["Bwlch cyflog cymedrig fesul awr", "£12.24", "£11.92", "2.6%", "260", "1162"],
        ["Bwlch cyflog canolrifol fesul awr", "£10.87", "£10.19", "6.3%", "260", "1162"],
    ]
    assert [row[0].text for row in bonus.rows] == ["Bwlch bonws cymedrig", "Bwlch bonws canolrifol"]
    assert proportions.to_csv_rows(intervals=False) == [
        ["Rhyw", "Cyflogeion perthnasol", "Wedi cael bonws", "Cyfran a gafodd fonws"],
        ["Dynion", "273", "68", "24.9%"],
        ["Menywod", "1235", "434", "35.1%"],
    ]
    assert quarters.to_csv_rows(intervals=False) == [
        ["Chwartel cyflog", "Cyflogeion", "Dynion", "Menywod", "Dynion (%)", "Menywod (%)"],
        ["Uchaf", "356", "76", "280", "21.3%", "78.7%"],
        ["Canol uchaf", "355", "69", "286", "19.4%", "80.6%"],
        ["Canol isaf", "356", "57", "299", "16.0%", "84.0%"],
        ["Isaf", "355", "58", "297", "16.3%", "83.7%"],
    ]
    assert hourly.notes.reference_group == "Dynion"
    assert hourly.notes.methods[1] == (
        "Mae'r canolrifau yn union (cymedr y ddau werth canol pan fo nifer y gwerthoedd yn eilrif)."
    )
    assert proportions.notes.methods == (
        "Cyfran = cyflogeion a gafodd fonws yn y 12 mis hyd at y dyddiad cipolwg ÷ cyflogeion perthnasol.",
    )
    assert (
        hourly.notes.disclosure[0] == "Ni ddatgelodd 0 o'r 1422 o gyflogeion perthnasol ar gyflog llawn y nodwedd hon."
    )

    english = _care_home_tables(None)
    assert english[0].title == "Sex pay gap: hourly pay"
    assert english[3].rows[0][0].text == "Upper"
    for welsh_table, english_table in zip((hourly, bonus, proportions, quarters), english, strict=True):
        assert _figures(welsh_table) == _figures(english_table)
        assert [column.id for column in welsh_table.columns] == [column.id for column in english_table.columns]


def test_notes_on_withheld_figures_in_welsh() -> None:
    with language("cy"):
        both = suppression_for(counts={"Men": 3, "Women": 2}, minimum_group_size=10, what=FULL_PAY_EMPLOYEES)
        one = suppression_for(counts={"White British": 30, "Disabled": 4}, minimum_group_size=10, what=PAID_A_BONUS)
        nobody = suppression_for(counts={"Men": 0, "Women": 0}, minimum_group_size=1, what=PAID_A_BONUS)
        data_label = suppression_for(counts={"White": 3}, minimum_group_size=10, what=EMPLOYEES)
    assert both is not None
    assert one is not None
    assert nobody is not None
    assert data_label is not None
    assert both.note == (
        "Wedi'i ddal yn ôl: llai na 10 o gyflogeion perthnasol ar gyflog llawn yn y grwpiau Dynion a Menywod."
    )
    assert one.note == "Wedi'i ddal yn ôl: llai na 10 o gyflogeion a gafodd fonws yn y grŵp Anabl."
    assert nobody.note == "Amherthnasol: dim cyflogeion a gafodd fonws yn y grŵp Dynion neu Menywod."
    # "White" is a classification's label (data), not one of dueregard's: it stays as it is.
    assert data_label.note == "Wedi'i ddal yn ôl: llai na 10 o gyflogeion yn y grŵp White."

    english = suppression_for(counts={"Men": 3, "Women": 2}, minimum_group_size=10, what=FULL_PAY_EMPLOYEES)
    assert english is not None
    assert english.note == "Withheld: fewer than 10 full-pay relevant employees in the Men and Women groups."


def test_only_dueregard_s_own_labels_are_translated() -> None:
    with language("cy"):
        assert [shown_label(text) for text in ("Men", "Not disabled", "Other White", "White", "Band 5")] == [
            "Dynion",
            "Heb anabledd",
            "Gwyn arall",
            "White",
            "Band 5",
        ]
    assert shown_label("Men") == "Men"


def test_pay_by_group_in_welsh() -> None:
    rows = [{"ethnicity": "White British", "hourly_rate": 10.0 + i} for i in range(12)]
    rows += [{"ethnicity": "Indian", "hourly_rate": 9.0 + i} for i in range(4)]
    frame = employees(rows)
    con = duckdb_backend()

    def table(code: str | None) -> ResultTable:
        from dueregard.analytics.engine import to_backend

        with language(code):
            pay = pay_by_group(
                to_backend(con, frame),
                group="ethnicity",
                pay="hourly_rate",
                population="full_pay_relevant",
                reference="White British",
                characteristic="ethnic group",
            )
            return pay_by_group_table(pay, title="Cyflog fesul awr yn ôl grŵp ethnig")

    welsh, english = table("cy"), table(None)
    assert [column.label for column in welsh.columns] == [
        "Grŵp ethnig",
        "Pobl",
        "Cyflog cymedrig fesul awr",
        "Cyflog canolrifol fesul awr",
        "Bwlch cymedrig o'i gymharu â'r grŵp Gwyn Prydeinig (%)",
        "Bwlch canolrifol o'i gymharu â'r grŵp Gwyn Prydeinig (%)",
    ]
    assert [row[0].text for row in welsh.rows] == ["Indian", "Gwyn Prydeinig"]  # "Indian": the data's label
    assert welsh.rows[0][2].note == "Wedi'i ddal yn ôl: llai na 10 o gyflogeion yn y grŵp Indian."
    assert welsh.rows[1][4].note == "Grŵp cyfeirio."
    assert english.columns[4].label == "Mean gap to White British (%)"
    assert english.rows[1][4].note == "Reference group."
    assert _figures(welsh) == _figures(english)
