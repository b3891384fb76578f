"""Build the import test fixtures from the seed documents. Run it from the repository root:

    .venv/bin/python tests/objectives/importing/make_fixtures.py [SHARED_DIR]

SHARED_DIR (default ../shared) holds seeds/ and domain/seed-requirements.md. The output is committed with this
script, so the tests do not need the seeds.

- seed002_actions.{csv,xlsx,docx}: the Cabinet Office review's five-column action table, exactly as the seed text
  has it (tab-separated lines 59-424), including the header row repeated at every page break and the rows a break
  cut in two. CSV and XLSX keep the seed's HTML tags in the cells (``<p>…</p>`` lists); the DOCX turns them into
  paragraphs and starts a new table at every repeated header, as Word does at a page break.
- seed000_objectives.xlsx: the Home Office objectives (F-S0-01) as Business area / Objective / ACTIONS /
  MEASURES/MILESTONES, group headings as rows with an empty milestone followed by their sub-actions.
- seed003_improvement_plan.docx: the EHRC improvement plan (F-S3-01), one paragraph per list item, broken into
  three tables like the seed's pages, with row 5 running over the first break.
- seed000_objectives.ods: the same rows as an OpenDocument spreadsheet, written without a library.
- bad files: empty.csv, not_a_plan.pdf, corrupt.xlsx, corrupt.docx, formula.xlsx, formula.ods, merged.xlsx,
  merged.docx.
"""

from __future__ import annotations

import csv
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
import openpyxl
import yaml

HERE = Path(__file__).resolve().parent / "fixtures"
HEADER_002 = ["Function / Policy", "Desired Outcome", "Actions", "Timescales for action", "Update"]


def _fixture_yaml(requirements: str, title: str) -> dict:
    section = requirements.split(f"## {title}", 1)[1]
    block = section.split("```yaml", 1)[1].split("```", 1)[0]
    # YAML 1.1 reads the key `no` as False: quote it so that it stays a name.
    return yaml.safe_load(re.sub(r"(?m)([{\s])no:", r'\1"no":', block))


def seed002_rows(seeds: Path) -> list[list[str]]:
    lines = next(seeds.glob("002_*.txt")).read_text(encoding="utf-8").splitlines()
    rows = []
    for line in lines[58:424]:
        if "\t" in line:
            cells = line.split("\t")
            rows.append([cell.strip() for cell in cells] + [""] * (5 - len(cells)))
    return rows


def _paragraphs(cell: str) -> list[str]:
    text = re.sub(r"</?(?:p|li)\b[^>]*>", "\n", cell)
    text = re.sub(r"<[^>]+>", " ", text)
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _docx_table(document: docx.document.Document, rows: list[list[Any]]) -> docx.table.Table:
    table = document.add_table(rows=0, cols=len(rows[0]))
    table.style = "Table Grid"
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            paragraphs = text if isinstance(text, list) else _paragraphs(text)
            cell.text = paragraphs[0] if paragraphs else ""
            for extra in paragraphs[1:]:
                cell.add_paragraph(extra)
    return table


def _core(document: docx.document.Document) -> None:
    # Fixed metadata, so that running the script twice gives the same text.
    document.core_properties.author = "dueregard tests"
    document.core_properties.title = "Import fixture"


def write_seed002(seeds: Path) -> None:
    rows = seed002_rows(seeds)
    with (HERE / "seed002_actions.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Action plan"
    for row in rows:
        sheet.append(row)
    workbook.save(HERE / "seed002_actions.xlsx")
    document = docx.Document()
    _core(document)
    document.add_heading("8. Cabinet Office Equality Priorities - 2010 Update", level=1)
    pages: list[list[list[str]]] = []
    for row in rows:
        if row == HEADER_002:
            pages.append([])
        pages[-1].append(row)
    for number, page in enumerate(pages):
        if number:
            document.add_page_break()
        _docx_table(document, page)
    document.save(str(HERE / "seed002_actions.docx"))


def seed000_rows(requirements: str) -> list[list[str]]:
    data = _fixture_yaml(requirements, "F-S0-01")
    rows = [["Business area", "Objective", "ACTIONS", "MEASURES/MILESTONES"]]
    for objective in data["objectives"]:
        first = True
        for action in objective["actions"]:
            lead = [objective["business_area"], f"{objective['no']}. {objective['text']}"] if first else ["", ""]
            first = False
            if "group" in action:
                rows.append([*lead, action["group"], action.get("milestone") or ""])
                for child in action["children"]:
                    rows.append(["", "", child["action"], child["milestone"]])
            else:
                rows.append([*lead, action["action"], action["milestone"]])
    return rows


def write_seed000(requirements: str) -> None:
    rows = seed000_rows(requirements)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Objectives"
    for row in rows:
        sheet.append(row)
    workbook.save(HERE / "seed000_objectives.xlsx")
    write_ods(HERE / "seed000_objectives.ods", "Objectives", rows)


_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def write_ods(
    path: Path, sheet: str, rows: list[list[str]], formulas: dict[tuple[int, int], str] | None = None
) -> None:
    """A minimal OpenDocument spreadsheet (no library needed). ``formulas`` maps (row, column), 0-based, to an
    OpenFormula; the cell keeps its text as the saved result, as LibreOffice does."""
    from xml.sax.saxutils import escape, quoteattr

    formulas = formulas or {}
    lines = [f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} office:version="1.2">']
    lines.append(f"<office:body><office:spreadsheet><table:table table:name={quoteattr(sheet)}>")
    for r, row in enumerate(rows):
        lines.append("<table:table-row>")
        for c, text in enumerate(row):
            formula = f" table:formula={quoteattr(formulas[(r, c)])}" if (r, c) in formulas else ""
            paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in text.split("\n")) if text else ""
            kind = ' office:value-type="string"' if text else ""
            lines.append(f"<table:table-cell{formula}{kind}>{paragraphs}</table:table-cell>")
        lines.append("</table:table-row>")
    lines.append("</table:table></office:spreadsheet></office:body></office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    fixed = (2026, 1, 1, 0, 0, 0)  # the same bytes every run
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype", fixed), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr(zipfile.ZipInfo("META-INF/manifest.xml", fixed), manifest, zipfile.ZIP_DEFLATED)
        archive.writestr(zipfile.ZipInfo("content.xml", fixed), "".join(lines), zipfile.ZIP_DEFLATED)


def write_seed003(requirements: str) -> None:
    data = _fixture_yaml(requirements, "F-S3-01")
    header = ["", "Issue", "Linked recommendation", "Outcome", "Measures of achievement"]

    def recommendation_lines(recommendations: list[dict]) -> list[str]:
        lines = []
        for item in recommendations:
            lines.append(f"{item['no']} – {item['text']}")
            lines.extend(item.get("bullets", []))
        return lines

    def row(issue: dict) -> list[Any]:
        outcome = issue["outcome"] if isinstance(issue["outcome"], list) else [issue["outcome"]]
        measures = ([issue["measures_intro"]] if "measures_intro" in issue else []) + issue["measures"]
        return [
            [str(issue["issue_no"])],
            [issue["issue"]],
            recommendation_lines(issue["linked_recommendations"]),
            outcome,
            measures,
        ]

    rows = {issue["issue_no"]: issue for issue in data["rows"]}
    five = rows[5]
    part_one = dict(five, linked_recommendations=five["linked_recommendations"][:1], measures=five["measures"][:3])
    part_two: list[Any] = [[], [], recommendation_lines(five["linked_recommendations"][1:]), [], five["measures"][3:]]
    document = docx.Document()
    _core(document)
    document.add_heading("Equality and Human Rights Commission Improvement Plan", level=1)
    _docx_table(document, [header, *(row(rows[n]) for n in (1, 2, 3, 4)), row(part_one)])
    document.add_page_break()
    _docx_table(document, [header, part_two, row(rows[6])])
    document.add_page_break()
    _docx_table(document, [header, row(rows[7])])
    document.save(str(HERE / "seed003_improvement_plan.docx"))


def write_bad_files() -> None:
    (HERE / "empty.csv").write_bytes(b"")
    (HERE / "not_a_plan.pdf").write_bytes(b"%PDF-1.4\n% not a plan\n")
    (HERE / "corrupt.xlsx").write_bytes(b"PK\x03\x04" + b"\x00damaged" * 40)
    (HERE / "corrupt.docx").write_bytes(b"this is plain text saved with a .docx name\n")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Objective", "Actions", "Timescale"])
    sheet.append(["Tackle hate crime", "Deliver the action plan", "April 2013"])
    sheet.append(["Tackle hate crime", "Review it", "=C2"])
    workbook.save(HERE / "formula.xlsx")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Objective", "Actions", "Timescale"])
    sheet.append(["Tackle hate crime", "Deliver the action plan", "April 2013"])
    sheet.append(["", "Review the plan", "April 2014"])
    sheet.append(["", "Publish the review", "April 2015"])
    sheet.merge_cells("A2:A4")
    workbook.save(HERE / "merged.xlsx")
    rows = [["Objective", "Actions", "Timescale"], ["Tackle hate crime", "Deliver the action plan", "April 2013"]]
    write_ods(
        HERE / "formula.ods", "Plan", [*rows, ["Tackle hate crime", "Review it", "April 2013"]], {(2, 2): "of:=[.C2]"}
    )
    # Word: the objective merged down three rows, and an action merged across the action and timescale columns.
    document = docx.Document()
    _core(document)
    table = _docx_table(
        document,
        [
            ["Objective", "Actions", "Timescale"],
            ["Tackle hate crime", "Deliver the action plan", "April 2013"],
            ["", "Review the plan", "April 2014"],
            ["", "Publish the review (no timescale)", ""],
        ],
    )
    table.cell(1, 0).merge(table.cell(3, 0))
    table.cell(3, 1).merge(table.cell(3, 2))
    table.cell(3, 1).text = "Publish the review (no timescale)"
    document.save(str(HERE / "merged.docx"))


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared")
    requirements = (shared / "domain" / "seed-requirements.md").read_text(encoding="utf-8")
    HERE.mkdir(exist_ok=True)
    write_seed002(shared / "seeds")
    write_seed000(requirements)
    write_seed003(requirements)
    write_bad_files()


if __name__ == "__main__":
    main()
