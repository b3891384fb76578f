"""Helpers for the assessment page tests: the demo's assessments by title, and a page's main text."""

from __future__ import annotations

import html
import re
from typing import Any

from dueregard.assessments.models import Assessment


def demo_assessment(demo: Any, title: str, state: str | None = None) -> Assessment:
    found = Assessment.objects.filter(organisation=demo.organisation, title=title)
    if state is not None:
        found = found.filter(state=state)
    result = found.order_by("-version").first()
    assert result is not None, title
    return result


def page_text(response: Any) -> str:
    """The text of the page's main content, tags removed and white space collapsed."""
    content = response.content.decode()
    content = content[content.find("<main") :]
    content = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", content, flags=re.S)
    content = re.sub(r"<[^>]+>", " ", content)
    return re.sub(r"\s+", " ", html.unescape(content)).strip()


def url(assessment: Assessment, suffix: str = "") -> str:
    return f"/o/{assessment.organisation.slug}/assessments/{assessment.pk}/{suffix}"


def tables_text(response: Any) -> str:
    """The text of the page's tables only."""
    tables = re.findall(r"<table.*?</table>", response.content.decode(), flags=re.S)
    text = re.sub(r"<[^>]+>", " ", " ".join(tables))
    return re.sub(r"\s+", " ", html.unescape(text)).strip()
