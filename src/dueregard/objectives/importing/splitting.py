"""Split a cell that holds several actions (or timescales, or updates) into a list, and line the lists up.

Plans write several actions in one cell as HTML paragraphs or list items (``<p>…</p>``, ``<li>``), as lines, with
bullets (``•``), dashes at the start (``- Affected groups to be consulted. - Review with …``) or numbers
(``1. … 2. …``). Numbers are kept (they are part of the text people refer to: "Point 1 completed"); bullets and
dashes are dropped. Nothing else is removed: joining the parts gives back the cell's text, up to whitespace, tags
and list markers.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_BREAK_TAGS = re.compile(r"</?(?:p|li|br|div|tr)\b[^>]*>", re.I)
_OTHER_TAGS = re.compile(r"</?[a-z][^>]*>", re.I)
_NUMBER = re.compile(r"(?:(?<=\s)|^)(\d{1,2})[.)]\s")
_DASH_ITEM = re.compile(r"(?:^|\s)[-–]\s*(?=[A-Z(‘'\"])")
_LEADING_MARKER = re.compile(r"^(?:[-–•*·]\s*)+")
_GLUE_END = re.compile(r"([,;:–\-/&(]|\b(?:and|or|the|of|to|a|an|for|in|on|with|by|from|that|which|is|are))$", re.I)


@dataclass
class Item:
    text: str
    marked: bool  # started with a bullet, a dash or a number: a new item, never a continuation


def _paragraphs(text: str) -> list[str]:
    if "<" in text:
        text = _OTHER_TAGS.sub(" ", _BREAK_TAGS.sub("\n", text))
        text = html.unescape(text)
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _split_numbered(paragraph: str) -> list[str] | None:
    cuts: list[int] = []
    expected = 1
    for match in _NUMBER.finditer(paragraph):
        if int(match.group(1)) == expected:
            cuts.append(match.start())
            expected += 1
    if len(cuts) < 2:
        return None
    bounds = [0, *cuts] if cuts[0] > 0 else cuts
    return [paragraph[a:b].strip() for a, b in zip(bounds, [*bounds[1:], len(paragraph)], strict=True)]


def _split_paragraph(paragraph: str) -> list[Item]:
    if "•" in paragraph:
        parts = [part.strip() for part in paragraph.split("•")]
        out = [Item(parts[0], False)] if parts[0] else []
        return out + [Item(part, True) for part in parts[1:] if part]
    numbered = _split_numbered(paragraph)
    if numbered:
        return [Item(part, bool(re.match(r"\d", part))) for part in numbered if part]
    if paragraph[:1] in "-–" and _DASH_ITEM.search(paragraph, 1):
        parts = [part.strip() for part in _DASH_ITEM.split(paragraph)]
        return [Item(_LEADING_MARKER.sub("", part), True) for part in parts if _LEADING_MARKER.sub("", part)]
    marked = bool(_LEADING_MARKER.match(paragraph)) or bool(re.match(r"\d{1,2}[.)]\s", paragraph))
    text = _LEADING_MARKER.sub("", paragraph).strip()
    return [Item(text, marked)] if text else []


def split_items(text: str) -> list[Item]:
    """The items of one piece of cell text."""
    items: list[Item] = []
    for paragraph in _paragraphs(text):
        items.extend(_split_paragraph(paragraph))
    return items


def _glue(before: str, after: str) -> str:
    # "disseminate" + "d to staff": a word cut by the page break; one lone letter (not "a" or "I") glues on.
    if re.match(r"^(?![aAI]\b)[a-z]\b", after) and before[-1:].isalpha():
        return before + after
    return f"{before} {after}"


def continues(before: str, after: Item) -> bool:
    """Does ``after`` (the first item after a page break) finish ``before`` (the last item before it)?"""
    if after.marked or not after.text:
        return False
    return after.text[0].islower() or bool(_GLUE_END.search(before.rstrip()))


def split_fragments(fragments: list[str]) -> list[str]:
    """Split the pieces of one cell (several when a page break cut it) and join the item a break cut in two."""
    items: list[str] = []
    for index, fragment in enumerate(fragments):
        parts = split_items(fragment)
        if index and items and parts and continues(items[-1], parts[0]):
            items[-1] = _glue(items[-1], parts[0].text)
            parts = parts[1:]
        items.extend(part.text for part in parts)
    return items


@dataclass
class AlignedAction:
    title: str
    timescale: str = ""
    update: str = ""
    children: list[AlignedAction] = field(default_factory=list)


@dataclass
class Alignment:
    actions: list[AlignedAction]
    check: str = ""  # why a person should look at the row ("" when the lists lined up)
    counts: tuple[int, int, int] = (0, 0, 0)  # actions, timescales, updates (when they do not line up)


def _one(items: list[str]) -> str:
    return "\n".join(items)


def timescale_parts(text: str) -> list[str]:
    """The timescales in one run-on piece of text, as the timescale parser splits it (``Timescale.parts``), or
    ``[text]``. The parts are used only when, put together, they are the text itself (up to spaces)."""
    from dueregard.timescales import parse_timescale

    try:
        parts = [part.text.strip() for part in (parse_timescale(text).parts or [])]
    except Exception:  # the parser never raises on text; this is belt and braces for an import
        return [text]
    if len(parts) < 2 or "".join(text.split()) != "".join("".join(parts).split()):
        return [text]
    return parts


def align(actions: list[str], timescales: list[str], updates: list[str]) -> Alignment:
    """Pair actions with timescales and updates by position.

    Same count: pair them. One timescale for several actions that the timescale parser reads as one timescale per
    action ("Ongoing By December 2009 December 2009"): pair those. One timescale (or update) for several actions
    otherwise: it applies to each. One action with
    several timescales: they are its milestones. Any other mismatch: the row is kept as one action holding every
    text as written, and flagged for a person to check.
    """
    if len(actions) > 1 and actions[0].endswith(":") and not timescales[1:] and not updates[1:]:
        # "Communications strategy is developed to deliver key messages including:" + the items under it.
        children = [AlignedAction(title=text) for text in actions[1:]]
        return Alignment([AlignedAction(actions[0], _one(timescales), _one(updates), children)])
    if len(actions) <= 1:
        return Alignment([AlignedAction(_one(actions), _one(timescales), _one(updates))])
    n = len(actions)
    if len(timescales) == 1:
        # A run-on cell ("Ongoing By December 2009 December 2009") holding one timescale per action.
        parts = timescale_parts(timescales[0])
        if len(parts) == n:
            timescales = parts
    fits = [len(items) in {0, 1, n} for items in (timescales, updates)]
    if all(fits):

        def pick(items: list[str], index: int) -> str:
            return items[index] if len(items) == n else _one(items)

        return Alignment([AlignedAction(text, pick(timescales, i), pick(updates, i)) for i, text in enumerate(actions)])
    return Alignment(
        [AlignedAction(_one(actions), _one(timescales), _one(updates))],
        check=f"{n} actions, {len(timescales)} timescales and {len(updates)} updates do not line up",
        counts=(n, len(timescales), len(updates)),
    )
