"""A report: the titled set of result tables one preset produces, ready to write out or publish.

This is the contract between the presets (:mod:`dueregard.analytics.presets`), which build reports, and the
writers (:mod:`dueregard.analytics.output`) and the ``dueregard analyse`` command, which write them. It is plain
data: typed, frozen, and it round-trips through JSON."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .i18n import DEFAULT_LANGUAGE, get_language
from .results import ResultTable


@dataclass(frozen=True)
class ReportSection:
    """A heading with the tables under it (e.g. "WRES indicator 2: shortlisting to appointment")."""

    heading: str
    tables: tuple[ResultTable, ...]
    notes: tuple[str, ...] = ()  # paragraphs a reader needs before the tables (definitions, caveats)

    def to_dict(self) -> dict[str, Any]:
        return {
            "heading": self.heading,
            "notes": list(self.notes),
            "tables": [table.to_dict() for table in self.tables],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReportSection:
        return cls(
            heading=data["heading"],
            notes=tuple(data.get("notes", ())),
            tables=tuple(ResultTable.from_dict(table) for table in data.get("tables", ())),
        )


@dataclass(frozen=True)
class Report:
    """What one preset run produced. ``preset`` is the preset's name; ``dataset`` the dataset description's name;
    ``records`` how many rows were read; ``notes`` report-wide caveats (e.g. the stop-and-search population
    caveats); ``warnings`` things a reader must know that are not about one table (e.g. "fewer than 150
    employees: the legacy race duty's full monitoring does not apply"). ``language`` is the language its texts
    were made in (``"en"``, ``"cy"``): by default the language current when the report is built (see
    :func:`dueregard.analytics.i18n.language`); the writers write their own texts in it too."""

    preset: str
    title: str
    dataset: str
    records: int
    sections: tuple[ReportSection, ...]
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    language: str = field(default_factory=get_language)

    @property
    def tables(self) -> tuple[ResultTable, ...]:
        return tuple(table for section in self.sections for table in section.tables)

    def _repr_html_(self) -> str:
        """How a notebook shows the report: its content as in the HTML report, in the report's language."""
        from .output.html_report import render_report_fragment

        return render_report_fragment(self)

    def to_dict(self) -> dict[str, Any]:
        return {
            "preset": self.preset,
            "title": self.title,
            "dataset": self.dataset,
            "records": self.records,
            "notes": list(self.notes),
            "warnings": list(self.warnings),
            "language": self.language,
            "sections": [section.to_dict() for section in self.sections],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        return cls(
            preset=data["preset"],
            title=data["title"],
            dataset=data["dataset"],
            records=int(data["records"]),
            notes=tuple(data.get("notes", ())),
            warnings=tuple(data.get("warnings", ())),
            sections=tuple(ReportSection.from_dict(section) for section in data.get("sections", ())),
            language=data.get("language", DEFAULT_LANGUAGE),
        )
