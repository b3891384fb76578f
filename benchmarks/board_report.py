"""Time the board report (page, and for information the XLSX and PDF) with 2,000 actions and 20,000 progress
updates in one organisation (issue 3: the page under 300 ms on SQLite and PostgreSQL).

    DUEREGARD_DATA_DIR=/tmp/bench .venv/bin/python benchmarks/board_report.py                 # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:54329/bench .venv/bin/python benchmarks/board_report.py

It builds its own database (a fresh SQLite file, or the PostgreSQL database named in DATABASE_URL, which must
exist and be empty), then prints the median and worst of 15 warm requests (5 for the PDF) and the number of
database queries per request.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ACTIONS = 2_000
UPDATES = 20_000
OBJECTIVES = 20
GROUPS = 6
UNITS_PER_GROUP = 5


def build(rng: random.Random) -> tuple[object, object]:
    from django.contrib.auth import get_user_model

    from dueregard.objectives.models import Action, Measure, MeasureValue, Objective, Plan, ProgressUpdate
    from dueregard.organisations.models import Membership, Organisation, Unit

    organisation = Organisation.objects.create(
        slug="bench", name="Benchmark Council", jurisdiction="wales", sector="local_government"
    )
    viewer = get_user_model().objects.create_user("board@bench.example", "x", full_name="Board Member")
    Membership.objects.create(organisation=organisation, user=viewer, role="viewer")
    units = []
    for g in range(GROUPS):
        group = Unit.objects.create(organisation=organisation, name=f"Group {g}", kind="group")
        units += [
            Unit.objects.create(organisation=organisation, name=f"Unit {g}.{u}", parent=group)
            for u in range(UNITS_PER_GROUP)
        ]
    plan = Plan.objects.create(organisation=organisation, title="Strategic Equality Plan")
    objectives = [
        Objective.objects.create(
            organisation=organisation, plan=plan, reference=str(i + 1), statement=f"Objective {i + 1}", position=i
        )
        for i in range(OBJECTIVES)
    ]
    for objective in objectives:
        for m in range(2):
            measure = Measure.objects.create(objective=objective, name=f"Measure {m} of {objective.reference}")
            MeasureValue.objects.bulk_create(
                MeasureValue(measure=measure, period_label=f"Q{q}", period_end=dt.date(2025, 3 * q, 28), value=q)
                for q in range(1, 5)
            )
    today = dt.date.today()
    actions = Action.objects.bulk_create(
        Action(
            organisation=organisation,
            objective=objectives[i % OBJECTIVES],
            position=i,
            title=f"Action {i} to improve access for disabled customers",
            owner_unit=units[i % len(units)],
            timescale_text="By April 2027",
            due_date=today + dt.timedelta(days=rng.randint(-150, 900)),
            status="not_started",
        )
        for i in range(ACTIONS)
    )
    # Ten updates an action over about two and a half years: most actions were updated this quarter.
    statuses = ["in_progress"] * 6 + ["partially_complete", "complete", "recurring", "withdrawn"]
    updates = [
        ProgressUpdate(
            action=actions[i % ACTIONS],
            author=viewer,
            author_label="Board Member",
            reported_on=today - dt.timedelta(days=rng.randint(0, 900)),
            text="Progress reported to the board.",
            status=rng.choice(statuses) if i >= UPDATES - ACTIONS else "in_progress",
        )
        for i in range(UPDATES)
    ]
    ProgressUpdate.objects.bulk_create(updates, batch_size=2_000)
    latest: dict[int, ProgressUpdate] = {}
    for update in updates:
        known = latest.get(update.action_id)
        if known is None or update.reported_on >= known.reported_on:
            latest[update.action_id] = update
    for action in actions:
        update = latest[action.pk]
        action.status, action.last_update_on = update.status, update.reported_on
    Action.objects.bulk_update(actions, ["status", "last_update_on"], batch_size=500)
    return organisation, viewer


def time_path(client: object, path: str, repeat: int) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(path)  # type: ignore[attr-defined]
    assert response.status_code == 200, (path, response.status_code)
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(path)  # type: ignore[attr-defined]
        timings.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)  # type: ignore[attr-defined]
    return statistics.median(timings), max(timings), len(queries)


def main() -> None:
    if not os.environ.get("DATABASE_URL"):
        folder = Path(tempfile.mkdtemp(prefix="dueregard-bench-"))
        os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dueregard.web.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "objectives" / "reports"))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    # Until the report URLs are part of the app's own URLs, serve them the way the tests do.
    from django.urls import NoReverseMatch, reverse

    try:
        reverse("objectives:report_board", args=["bench"])
    except NoReverseMatch:
        import conftest  # tests/objectives/reports/conftest.py

        sys.modules[conftest.URLCONF] = conftest._urlconf()
        settings.ROOT_URLCONF = conftest.URLCONF

    from dueregard.objectives import reporting

    organisation, viewer = build(random.Random(20261123))
    report = reporting.board_report(actor=viewer, organisation=organisation)
    print(
        f"{django.db.connection.vendor}: {ACTIONS} actions, {UPDATES} updates; the report lists "
        f"{len(report.changes)} changes, {len(report.overdue)} overdue, {len(report.unreported)} with no update"
    )
    client = Client()
    client.force_login(viewer)
    for name, path, repeat in [
        ("board report page", "/o/bench/reports/board/", 15),
        ("board report XLSX", "/o/bench/reports/board.xlsx", 5),
        ("board report PDF (lists of 50)", "/o/bench/reports/board.pdf", 3),
        ("public objectives page", "/published/bench/objectives/", 15),
    ]:
        if name.startswith("public"):
            organisation.objectives.update(is_published=True)  # type: ignore[attr-defined]
            client.logout()
        median, worst, queries = time_path(client, path, repeat)
        print(f"  {name:<26} median {median:7.1f} ms   worst {worst:7.1f} ms   {queries} queries")


if __name__ == "__main__":
    sys.exit(main())
