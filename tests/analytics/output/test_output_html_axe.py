"""One generated HTML report opened from disk in a real Chromium and checked by axe-core (WCAG 2.2 A and AA)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from output_samples import sample_report

from dueregard.analytics.output import write_html
from dueregard.analytics.output.html_report import render_report_fragment, render_table_fragment

pytestmark = pytest.mark.a11y

ROOT = Path(__file__).resolve().parents[3]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def test_the_html_report_passes_axe_offline(tmp_path: Path, browser: Any) -> None:
    path = tmp_path / "report.html"
    write_html(sample_report(), path)
    _assert_passes_axe(path, browser)


def test_notebook_fragments_on_one_page_pass_axe(tmp_path: Path, browser: Any) -> None:
    # What a notebook shows: the same report twice and one of its tables, one after the other on a page.
    report = sample_report()
    fragments = [
        render_report_fragment(report),
        render_report_fragment(report),
        render_table_fragment(report.tables[0]),
    ]
    path = tmp_path / "notebook.html"
    path.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Notebook</title></head>'
        f"<body><main>{''.join(fragments)}</main></body></html>",
        encoding="utf-8",
    )
    _assert_passes_axe(path, browser)


def _assert_passes_axe(path: Path, browser: Any) -> None:
    if not AXE.exists():
        pytest.fail(f"axe-core ({AXE}) is needed; scripts/test installs it.")
    requests: list[str] = []
    page = browser.new_page()
    try:
        page.on("request", lambda request: requests.append(request.url))
        page.goto(path.as_uri())
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "async (tags) => await axe.run(document, "
            "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            WCAG_TAGS,
        )
    finally:
        page.close()
    problems = [f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]]
    assert problems == []
    assert [url for url in requests if not url.startswith("file:")] == []  # nothing fetched from elsewhere
