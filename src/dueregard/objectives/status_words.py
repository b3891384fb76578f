"""Read the status words plans use ("Completed June 08", "On-going", "Achieved", "was withdrawn …") into the
normalised vocabulary, keeping the words themselves elsewhere. Order matters: the first rule that matches wins,
so "partially completed" is read before "completed"."""

from __future__ import annotations

import re

_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bpartial(ly)?\b", re.I), "partially_complete"),
    (re.compile(r"\bwithdrawn\b", re.I), "withdrawn"),
    (re.compile(r"\btransferred\b|\bis led by\b", re.I), "transferred"),
    (re.compile(r"\b(to be taken|due to report|not (yet )?started)\b", re.I), "not_started"),
    (re.compile(r"\bnot yet\b|\byet to be\b|\bno\b.*\bafter all\b|\bnot delivered\b", re.I), "not_delivered"),
    (re.compile(r"\bif appropriate\b|\bnot applicable\b|^n/?a$", re.I), "not_applicable"),
    (
        re.compile(r"\b(complete[d]?|achieved|all actions met|actioned|already taken|action taken|done)\b", re.I),
        "complete",
    ),
    (
        re.compile(r"\b(on[\s-]?going|underway|in progress|launched|piloted|taking place|organised)\b", re.I),
        "in_progress",
    ),
    (re.compile(r"\b(quarterly|annually|monthly|6[\s-]?monthly|regular(ly)?)\b", re.I), "recurring"),
]


def status_from_words(text: str) -> str | None:
    """The normalised status a plan's words express, or None when they express none (a blank cell is 'unknown')."""
    words = " ".join(text.split())
    if not words:
        return "unknown"
    for pattern, status in _RULES:
        if pattern.search(words):
            return status
    return None
