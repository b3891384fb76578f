"""Pages of results: the page asked for and the GOV.UK pagination component's parameters."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def page_number(request: HttpRequest) -> int:
    value = request.GET.get("page", "1")
    return max(int(value), 1) if value.isdigit() else 1


def pagination(request: HttpRequest, total: int, page_size: int) -> dict[str, Any] | None:
    """GOV.UK pagination parameters, keeping the other query parameters. Long runs of pages are shown as the first,
    the last and the ones either side of the current page, with ellipses between."""
    pages = max((total + page_size - 1) // page_size, 1)
    if pages == 1:
        return None
    number = min(page_number(request), pages)

    def link(n: int) -> str:
        query = request.GET.copy()
        query["page"] = str(n)
        return f"?{query.urlencode()}"

    shown = sorted({1, pages, number - 1, number, number + 1} & set(range(1, pages + 1)))
    items: list[dict[str, Any]] = []
    for n in shown:
        if items and n > items[-1]["number"] + 1:
            items.append({"ellipsis": True, "number": n - 1})
        items.append({"number": n, "href": link(n), "current": n == number})
    return {
        "previous": {"href": link(number - 1)} if number > 1 else None,
        "next": {"href": link(number + 1)} if number < pages else None,
        "items": [{"ellipsis": True} if item.get("ellipsis") else item for item in items],
    }
