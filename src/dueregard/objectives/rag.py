"""RAG status of an action, worked out from its status, due date and last update (no database needed).

Red: overdue (due date passed, not finished). Amber: at risk — due within the warning window and not started,
or no update since the reporting quarter began. Green: on track. Finished actions are Complete, or Closed when
withdrawn, transferred, not delivered or not applicable. A person may set the RAG by hand, with a reason; the
hand-set value wins and both are shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dueregard.objectives.models import CLOSED_STATUSES, ActionStatus, Rag

AMBER_WINDOW_DAYS = 30


def quarter_start(day: dt.date) -> dt.date:
    """First day of the reporting quarter containing ``day``. Calendar and UK financial quarters start in the same
    months (January, April, July, October); only their numbering differs."""
    month = 3 * ((day.month - 1) // 3) + 1
    return dt.date(day.year, month, 1)


@dataclass(frozen=True)
class RagReading:
    computed: Rag
    shown: Rag  # the hand-set value if there is one, else the computed one
    overdue: bool
    no_update_this_quarter: bool
    overridden: bool


def rag_for(
    *,
    status: str,
    due_date: dt.date | None,
    last_update_on: dt.date | None,
    rag_override: str,
    today: dt.date,
    amber_window_days: int = AMBER_WINDOW_DAYS,
) -> RagReading:
    active = ActionStatus(status) not in CLOSED_STATUSES
    overdue = active and due_date is not None and due_date < today and status != ActionStatus.RECURRING
    no_update = active and (last_update_on is None or last_update_on < quarter_start(today))
    if status == ActionStatus.COMPLETE:
        computed = Rag.COMPLETE
    elif not active:
        computed = Rag.CLOSED
    elif overdue:
        computed = Rag.RED
    elif no_update or (
        status == ActionStatus.NOT_STARTED and due_date is not None and (due_date - today).days <= amber_window_days
    ):
        computed = Rag.AMBER
    else:
        computed = Rag.GREEN
    shown = Rag(rag_override) if rag_override else computed
    return RagReading(
        computed=computed, shown=shown, overdue=overdue, no_update_this_quarter=no_update, overridden=bool(rag_override)
    )
