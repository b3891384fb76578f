"""Role-matrix entries for the impact-assessment pages and services, merged into test_role_matrix's tables.

Same shapes as there: PAGES maps a route name to (path builder, roles that get the page; None = public);
POST_ONLY names routes that only take POST; SERVICES maps a name to (call(actor, demo), roles allowed)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

PAGES: dict[str, tuple[Callable[[Any], str], set[str] | None]] = {}
POST_ONLY: set[str] = set()
SERVICES: dict[str, tuple[Callable[[Any, Any], Any], set[str]]] = {}
