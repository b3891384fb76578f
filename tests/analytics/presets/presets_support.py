"""Helpers shared by the preset tests: read an example dataset of docs/examples/presets onto a backend and run a
preset on it; look cells up by row label."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
from ibis import BaseBackend

from dueregard.analytics.dataset import DatasetDescription, load_description, parse_description
from dueregard.analytics.disclosure import DisclosurePolicy
from dueregard.analytics.engine import to_backend
from dueregard.analytics.presets import PresetInput, run_preset
from dueregard.analytics.report import Report
from dueregard.analytics.results import Cell, ResultTable

EXAMPLES = Path(__file__).parents[3] / "docs" / "examples" / "presets"


def example(name: str, data: str | None = None) -> tuple[pd.DataFrame, DatasetDescription]:
    """The CSV ``data`` (default ``name``; read with every column as text, as a user's file often is) and the
    description ``name``.yaml."""
    frame = pd.read_csv(EXAMPLES / f"{data or name}.csv", dtype=str, keep_default_na=False).replace({"": None})
    return frame, load_description(EXAMPLES / f"{name}.yaml")


def numeric(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    return frame.astype(dict.fromkeys(columns, "float64"))


def run(
    backend: BaseBackend,
    preset: str,
    frame: pd.DataFrame,
    description: DatasetDescription,
    *,
    policy: DisclosurePolicy | None = None,
    options: Mapping[str, Any] | None = None,
    progress: list[tuple[int, int, str]] | None = None,
) -> Report:
    seen = progress if progress is not None else []
    return run_preset(
        preset,
        PresetInput(
            table=to_backend(backend, frame),
            description=description,
            policy=policy,
            options=options or {},
            progress=lambda done, total, what: seen.append((done, total, what)),
        ),
    )


def describe(yaml_mapping: dict[str, Any]) -> DatasetDescription:
    return parse_description({"name": "test", "unit": "person", **yaml_mapping})


def table(report: Report, title_start: str) -> ResultTable:
    found = [t for t in report.tables if t.title.startswith(title_start)]
    assert len(found) == 1, [t.title for t in report.tables]
    return found[0]


def cell(result: ResultTable, row_label: str, column: str) -> Cell:
    labels = [row[0].text for row in result.rows]
    return result.cell(labels.index(row_label), column)


def texts(result: ResultTable) -> list[list[str]]:
    """What a reader sees, row by row (header first), without the intervals."""
    return result.to_csv_rows(intervals=False)
