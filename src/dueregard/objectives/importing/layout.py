"""Find the header row, map columns to fields, and turn raw rows into logical rows.

A logical row is one row of the plan as its author meant it: repeated header rows (one per page in a document that
was printed or exported) are dropped, and a row that a page break cut in two is joined again. Heading lines
("Financial resources … Owner for all actions – Corporate Services Group") become group headings that the rows
under them inherit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dueregard.objectives.importing.reading import RawRow, RawTable

FIELDS: dict[str, str] = {
    "reference": "Reference (objective number)",
    "business_area": "Business area",
    "objective": "Objective, function / policy or issue",
    "desired_outcome": "Desired outcome",
    "actions": "Actions",
    "timescale": "Timescale or milestone",
    "update": "Update or status",
    "owner": "Owner",
    "recommendation": "Linked recommendation",
    "measures": "Measures of achievement",
    "ignore": "Do not import",
}

_SYNONYMS: dict[str, set[str]] = {
    "reference": {"no", "number", "ref", "reference", "objective number", "issue no", "#"},
    "business_area": {"business area", "area", "directorate", "business group", "department"},
    "objective": {
        "objective",
        "objectives",
        "equality objective",
        "function policy",
        "function",
        "policy",
        "issue",
        "issues",
    },
    "desired_outcome": {"desired outcome", "outcome", "outcomes", "expected outcome", "desired outcomes"},
    "actions": {"actions", "action", "how we will achieve", "activities", "activity"},
    "timescale": {
        "timescale",
        "timescales",
        "timescales for action",
        "timescale for action",
        "measures milestones",
        "milestones",
        "milestone",
        "deadline",
        "due",
        "due date",
        "target date",
        "by when",
        "when",
    },
    "update": {"update", "updates", "progress", "status", "progress update", "comments", "progress to date"},
    "owner": {"owner", "owners", "lead", "responsible", "responsibility", "action owner", "lead officer"},
    "recommendation": {"linked recommendation", "linked recommendations", "recommendation", "recommendations"},
    "measures": {"measures of achievement", "measures", "how we will measure", "success measures", "measure"},
}

OWNER_LINE = re.compile(r"^owner(?:\s+for)?(?:\s+all)?\s+actions?\s*[–—:-]\s*(?P<name>.+)$", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_MARKER = re.compile(r"^[\s\-–•*·]+")


def plain(text: str) -> str:
    """Cell text without HTML tags and with its whitespace collapsed."""
    return " ".join(_TAG.sub(" ", text).split())


def normalise_header(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9#]+", " ", plain(text).lower()).split())


def field_for_header(text: str) -> str | None:
    key = normalise_header(text)
    for name, words in _SYNONYMS.items():
        if key in words:
            return name
    return None


@dataclass
class Layout:
    header_index: int  # position in RawTable.rows
    headers: list[str]
    mapping: list[str]  # a field name (or "ignore") per column


def detect_layout(table: RawTable) -> Layout | None:
    """The header row (the row among the first 30 that names the most known fields) and a mapping for it."""
    best: tuple[int, int] | None = None
    for index, row in enumerate(table.rows[:30]):
        found = {field_for_header(cell) for cell in row.cells if cell.strip()} - {None}
        if len(found) >= 2 and (best is None or len(found) > best[1]):
            best = (index, len(found))
    if best is None:
        return None
    row = table.rows[best[0]]
    mapping: list[str] = []
    for column, cell in enumerate(row.cells):
        name = field_for_header(cell) if cell.strip() else None
        if name is None and not cell.strip() and _looks_like_numbers(table, best[0], column):
            name = "reference"
        if name in mapping:
            name = None  # the first column of a kind wins; a person can change it
        mapping.append(name or "ignore")
    return Layout(header_index=best[0], headers=[plain(c) for c in row.cells], mapping=mapping)


def _looks_like_numbers(table: RawTable, header_index: int, column: int) -> bool:
    values = [row.cells[column].strip() for row in table.rows[header_index + 1 :] if row.cells[column].strip()]
    return bool(values) and all(re.fullmatch(r"\d{1,3}[.)]?", value) for value in values)


@dataclass
class Heading:
    title: str  # the area, e.g. "Financial resources"
    owner: str  # the owner as written, e.g. "Corporate Services Group"
    extra: dict[str, str] = field(default_factory=dict)  # other text on the heading line (e.g. an update)


@dataclass
class LogicalRow:
    """One row as its author meant it. ``cells`` holds, per field, the pieces of text in order (several when the
    row ran over a page break)."""

    numbers: list[int]
    location: str
    cells: dict[str, list[str]]
    heading: Heading | None = None
    joined: bool = False  # continued across a page break
    dropped_headers: int = 0

    def text(self, name: str) -> str:
        return "\n".join(part for part in self.cells.get(name, []) if part.strip())

    def has(self, name: str) -> bool:
        return any(plain(part) for part in self.cells.get(name, []))

    def filled(self) -> set[str]:
        return {name for name in self.cells if self.has(name)}


def _is_header(row: RawRow, header_key: list[str]) -> bool:
    return [normalise_header(cell) for cell in row.cells] == header_key


def _heading(cells: dict[str, list[str]]) -> Heading | None:
    """A heading line: one cell says who owns all the actions, or only the objective column has text."""
    texts = {name: plain(" ".join(parts)) for name, parts in cells.items() if plain(" ".join(parts))}
    for name, text in texts.items():
        match = OWNER_LINE.match(_MARKER.sub("", text))
        if match:
            others = {key: value for key, value in texts.items() if key != name}
            title_key = next((key for key in ("objective", "business_area", "desired_outcome") if key in others), None)
            title = _MARKER.sub("", others.pop(title_key)) if title_key else ""
            return Heading(title=title, owner=match.group("name").strip(), extra=others)
    if set(texts) == {"objective"} and "\n" not in texts["objective"]:
        return Heading(title=_MARKER.sub("", texts["objective"]), owner="")
    return None


def _starts_lowercase(text: str) -> bool:
    stripped = _MARKER.sub("", plain(text))
    return bool(stripped) and stripped[0].islower()


def _continues(row: LogicalRow, previous: LogicalRow) -> bool:
    """Is the first row after a page break the rest of the row before it? (See the user guide for the rules.)"""
    if previous.heading is not None:
        return row.filled() <= set(previous.cells) and bool(row.filled()) and _heading(row.cells) is None
    if any(_starts_lowercase(" ".join(parts)) for parts in row.cells.values() if plain(" ".join(parts))):
        return True
    return not row.has("objective") and not row.has("desired_outcome") and not row.has("reference")


def _other_tables(table: RawTable, layout: Layout, header_key: list[str]) -> set[int]:
    """DOCX tables after the plan's first that are not part of it: they neither start with its header row nor have
    its number of columns (a table that continues the plan over a page break has one or the other)."""
    header = table.rows[layout.header_index]
    if not header.table:
        return set()
    first_rows: dict[int, RawRow] = {}
    for raw in table.rows[layout.header_index + 1 :]:
        first_rows.setdefault(raw.table, raw)
    return {
        number
        for number, raw in first_rows.items()
        if number != header.table and not _is_header(raw, header_key) and raw.width != header.width
    }


def logical_rows(table: RawTable, layout: Layout, *, left_out: list[int] | None = None) -> list[LogicalRow]:
    """The plan's rows. The numbers of DOCX tables left out as not part of the plan are added to ``left_out``."""
    header_key = [normalise_header(cell) for cell in table.rows[layout.header_index].cells]
    others = _other_tables(table, layout, header_key)
    if left_out is not None:
        left_out.extend(sorted(others))
    out: list[LogicalRow] = []
    after_break = False
    dropped = 0
    for raw in table.rows[layout.header_index + 1 :]:
        if raw.table in others:
            continue
        if _is_header(raw, header_key):
            after_break, dropped = True, dropped + 1
            continue
        if raw.new_table:
            after_break = True  # a new DOCX table without its own header row still continues the plan
        cells: dict[str, list[str]] = {}
        for column, name in enumerate(layout.mapping):
            if name != "ignore" and column < len(raw.cells) and raw.cells[column].strip():
                cells.setdefault(name, []).append(raw.cells[column])
        row = LogicalRow(numbers=[raw.number], location=raw.location, cells=cells, dropped_headers=dropped)
        if after_break and out and _continues(row, out[-1]):
            previous = out[-1]
            for name, parts in cells.items():
                previous.cells.setdefault(name, []).extend(parts)
            previous.numbers.append(raw.number)
            previous.joined = True
            if previous.heading is not None:
                previous.heading = _heading(previous.cells) or previous.heading
            after_break = False
            continue
        after_break = False
        row.heading = _heading(cells)
        out.append(row)
    return out
