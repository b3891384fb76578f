"""Every page reachable in the demo, as the public and as every role, in English and Welsh, checked by axe-core
(WCAG 2.2 A and AA rules) in a real Chromium. Pages are found by following links, so a new page is covered as
soon as something links to it. Data-entry forms are also submitted empty once, to check their error state."""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlparse

import pytest
from playwright.sync_api import Error as PlaywrightError

pytestmark = pytest.mark.a11y

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PASSWORD = "demo-password-2026"
PERSONAS = {
    "public": None,
    "administrator": "admin@demo.example",
    "equality_lead": "lead@demo.example",
    "contributor": "contributor@demo.example",
    "approver": "approver@demo.example",
    "analyst": "analyst@demo.example",
    "viewer": "viewer@demo.example",
    "other organisation": "admin@council.example",
}
SKIP = re.compile(r"^/(cy/)?(django-admin/|static/|account/sign-out/)|brand\.css$|\.(pdf|docx|xlsx|csv|json)$")
# At most this many pages of one shape (ids replaced), per persona, so the crawl stays quick as data grows.
PAGES_PER_SHAPE = 2
EMPTY_THE_FORM = """
document.querySelectorAll('form[novalidate] input:not([type=hidden]), form[novalidate] textarea')
  .forEach(e => { if (e.type !== 'checkbox' && e.type !== 'radio') e.value = ''; });
"""


def _shape(path: str) -> str:
    return re.sub(r"/\d+(?=/)", "/{id}", path)


def _axe(page: Any) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return list(result["violations"])


def _describe(url: str, violations: list[dict[str, Any]]) -> list[str]:
    lines = []
    for violation in violations:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"{url}: {violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    return lines


def _sign_in(page: Any, base_url: str, email: str) -> None:
    page.goto(f"{base_url}/account/sign-in/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.click("button.govuk-button")
    page.wait_for_load_state()
    assert "/account/sign-in/" not in page.url, f"could not sign in as {email}"


def _crawl(page: Any, base_url: str) -> tuple[list[str], list[str]]:
    origin = urlparse(base_url).netloc
    queue = deque(["/", "/cy/"])
    seen: set[str] = set()
    per_shape: dict[str, int] = {}
    problems: list[str] = []
    visited: list[str] = []
    while queue:
        path = queue.popleft()
        shape = _shape(path)
        if path in seen or per_shape.get(shape, 0) >= PAGES_PER_SHAPE:
            continue
        seen.add(path)
        per_shape[shape] = per_shape.get(shape, 0) + 1
        try:
            response = page.goto(base_url + path)
        except PlaywrightError as error:
            if "Download is starting" in str(error):  # a file to download (PDF, DOCX...), not a page
                continue
            raise
        if response is None or response.status >= 400:
            problems.append(f"{path}: HTTP {response.status if response else 'no response'}")
            continue
        visited.append(path)
        problems += _describe(path, _axe(page))
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))"):
            absolute = urldefrag(urljoin(page.url, href))[0]
            parsed = urlparse(absolute)
            if parsed.netloc != origin or SKIP.search(parsed.path):
                continue
            target = parsed.path + (f"?{parsed.query}" if parsed.query else "")
            if target not in seen:
                queue.append(target)
        # The error state of data-entry forms (those marked novalidate; none of them deletes anything). Forms
        # folded away in a closed <details> are opened first, as a person would.
        if page.locator("form[novalidate]").count() and "sign-in" not in path:
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            page.evaluate(EMPTY_THE_FORM)
            page.locator("form[novalidate] button.govuk-button").first.click()
            page.wait_for_load_state()
            problems += _describe(f"{path} (submitted empty)", _axe(page))
    return visited, problems


@pytest.mark.parametrize("persona", list(PERSONAS))
def test_every_reachable_page_passes_axe(persona: str, demo_server: str, browser: Any) -> None:
    context = browser.new_context(bypass_csp=True)  # lets the test inject axe-core; the app's own CSP is unchanged
    page = context.new_page()
    try:
        email = PERSONAS[persona]
        if email:
            _sign_in(page, demo_server, email)
        visited, problems = _crawl(page, demo_server)
    finally:
        context.close()
    assert len(visited) >= 6, f"the crawl found too few pages: {visited}"
    assert any(p.startswith("/cy/") for p in visited), "the Welsh pages were not crawled"
    assert problems == [], "\n".join(problems)


def test_the_password_link_limit_page_passes_axe(demo_server: str, browser: Any) -> None:
    """A page only a run of form posts reaches (the crawl does not): asking for password links until this client
    is asked to wait, in English and then in Welsh."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    problems: list[str] = []
    try:
        for number in range(11):
            page.goto(f"{demo_server}/account/password/")
            page.fill("#id_email", f"nobody{number}@nowhere.example")
            page.click("button.govuk-button")
            page.wait_for_load_state()
        assert "Too many requests for a password link" in page.content()
        problems += _describe("/account/password/ (limit reached)", _axe(page))
        page.goto(f"{demo_server}/cy/account/password/")
        page.fill("#id_email", "nobody@nowhere.example")
        page.click("button.govuk-button")
        page.wait_for_load_state()
        assert "Gormod o geisiadau am ddolen cyfrinair" in page.content()
        problems += _describe("/cy/account/password/ (limit reached)", _axe(page))
    finally:
        context.close()
    assert problems == [], "\n".join(problems)
