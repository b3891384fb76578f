"""One assessment laid out for reading: the impact matrix as rows per characteristic, lens results, evidence,
engagement and actions, loaded in a fixed number of queries. The detail page, the public pages, the PDF and the
DOCX all read this, so they say the same thing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from dueregard.assessments.models import Assessment, Impact, Lens
from dueregard.assessments.rules import MATRIX
from dueregard.objectives.models import Aim, Characteristic


@dataclass(frozen=True)
class Cell:
    impact: str  # "" when not answered
    reason: str
    applies: bool = True  # False: marriage and civil partnership under aims (b) and (c)

    @property
    def label(self) -> str:
        if not self.applies:
            return _("Does not apply")
        return str(Impact(self.impact).label) if self.impact else _("Not assessed yet")


@dataclass(frozen=True)
class MatrixRow:
    characteristic: str
    label: str
    cells: list[Cell]  # one per aim, in Aim order

    @property
    def negative(self) -> bool:
        return any(cell.impact == Impact.NEGATIVE for cell in self.cells)


@dataclass(frozen=True)
class LensLine:
    lens: str
    label: str
    impact: str
    reason: str

    @property
    def impact_label(self) -> str:
        return str(Impact(self.impact).label) if self.impact in Impact.values else _("Not assessed yet")


@dataclass
class AssessmentDocument:
    assessment: Assessment
    aims: list[tuple[str, str]]
    rows: list[MatrixRow]
    lenses: list[LensLine]
    evidence: list[Any] = field(default_factory=list)
    engagements: list[Any] = field(default_factory=list)
    actions: list[Any] = field(default_factory=list)

    @property
    def negative_rows(self) -> list[MatrixRow]:
        return [row for row in self.rows if row.negative]

    @property
    def has_negative(self) -> bool:
        return bool(self.negative_rows) or any(line.impact == Impact.NEGATIVE for line in self.lenses)


def aim_labels() -> list[tuple[str, str]]:
    return [(aim, str(Aim(aim).label)) for aim in Aim.values]


def assessment_document(assessment: Assessment, *, lenses: list[str]) -> AssessmentDocument:
    cells = {(c.characteristic, c.aim): c for c in assessment.impacts.all()}
    applicable = set(MATRIX)
    rows = []
    for characteristic in Characteristic.values:
        row_cells = []
        for aim in Aim.values:
            if (characteristic, aim) not in applicable:
                row_cells.append(Cell("", "", applies=False))
                continue
            cell = cells.get((characteristic, aim))
            row_cells.append(Cell(cell.impact, cell.reason) if cell else Cell("", ""))
        rows.append(MatrixRow(characteristic, str(Characteristic(characteristic).label), row_cells))
    shown = list(dict.fromkeys([*lenses, *assessment.lens_results]))
    lens_lines = [
        LensLine(
            lens,
            str(Lens(lens).label) if lens in Lens.values else lens,
            assessment.lens_results.get(lens, {}).get("impact", ""),
            assessment.lens_results.get(lens, {}).get("reason", ""),
        )
        for lens in shown
    ]
    return AssessmentDocument(
        assessment=assessment,
        aims=aim_labels(),
        rows=rows,
        lenses=lens_lines,
        evidence=list(assessment.evidence_items.all()),
        engagements=list(assessment.engagements.all()),
        actions=list(assessment.actions.select_related("owner_user", "tracked_action__objective")),
    )
