"""Shared helpers for the import tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def preview_of(name: str, organisation: Any = None, mapping: list[str] | None = None) -> Any:
    from dueregard.objectives.importing.layout import detect_layout
    from dueregard.objectives.importing.preview import build_preview
    from dueregard.objectives.importing.reading import read_file

    table = read_file(FIXTURES / name)
    if organisation is not None:
        from dueregard.objectives.importing.commit import preview_for

        return preview_for(organisation, table, mapping)
    layout = detect_layout(table)
    assert layout is not None
    return build_preview(table, layout)


def words(text: str) -> list[str]:
    import re

    plain = re.sub(r"<[^>]+>", " ", text)
    stripped = (w.lstrip("-–•*·") for w in re.split(r"[\s•]+", plain))
    return [w for w in stripped if w]


def preview_of_table(table: Any) -> Any:
    from dueregard.objectives.importing.layout import detect_layout
    from dueregard.objectives.importing.preview import build_preview

    layout = detect_layout(table)
    assert layout is not None
    return build_preview(table, layout)
