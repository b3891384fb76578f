"""A report as JSON: :meth:`~dueregard.analytics.report.Report.to_dict`, so ``Report.from_dict(json.loads(text))``
gives the same report back. Strict JSON: an infinite interval bound (which no ResultTable should hold, but a
ratio's upper bound can overflow) is written as null rather than the non-standard ``Infinity``."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from ..report import Report


def _finite(data: Any) -> Any:
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {key: _finite(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_finite(value) for value in data]
    return data


def report_json(report: Report, *, indent: int | None = 2) -> str:
    return json.dumps(_finite(report.to_dict()), indent=indent, ensure_ascii=False, allow_nan=False)


def write_json(report: Report, path: Path) -> None:
    path.write_text(report_json(report) + "\n", encoding="utf-8")
