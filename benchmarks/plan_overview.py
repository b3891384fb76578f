"""Time the plan overview, an objective page, the overdue list and "my actions" with 2,000 actions and 20,000
progress updates in one organisation (issue: under 300 ms each).

    DUEREGARD_DATA_DIR=/tmp/bench .venv/bin/python benchmarks/plan_overview.py                 # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:54329/bench .venv/bin/python benchmarks/plan_overview.py

It builds its own database (a fresh SQLite file, or the PostgreSQL database named in DATABASE_URL, which must
exist and be empty), then prints the median and worst of 15 warm requests per page.
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


def main() -> None:
    if not os.environ.get("DATABASE_URL"):
        folder = Path(tempfile.mkdtemp(prefix="dueregard-bench-"))
        os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dueregard.web.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model

    from dueregard.objectives.models import Action, Objective, Plan, ProgressUpdate
    from dueregard.organisations.models import Membership, Organisation, Unit

    rng = random.Random(20261123)
    organisation = Organisation.objects.create(
        slug="bench", name="Benchmark Council", jurisdiction="wales", sector="local_government"
    )
    lead = get_user_model().objects.create_user("lead@bench.example", "x", full_name="Lead")
    Membership.objects.create(organisation=organisation, user=lead, role="equality_lead")
    units = [Unit.objects.create(organisation=organisation, name=f"Unit {i}") for i in range(30)]
    plan = Plan.objects.create(organisation=organisation, title="Strategic Equality Plan")
    objectives = [
        Objective.objects.create(
            organisation=organisation, plan=plan, reference=str(i + 1), statement=f"Objective {i + 1}", position=i
        )
        for i in range(OBJECTIVES)
    ]
    statuses = ["not_started", "in_progress", "complete", "recurring", "withdrawn"]
    today = dt.date.today()
    actions = Action.objects.bulk_create(
        Action(
            organisation=organisation,
            objective=objectives[i % OBJECTIVES],
            position=i,
            title=f"Action {i} to improve access for disabled customers",
            owner_unit=units[i % len(units)],
            owner_user=lead if i % 10 == 0 else None,
            timescale_text="By April 2027",
            due_date=today + dt.timedelta(days=rng.randint(-400, 400)),
            status=rng.choice(statuses),
            last_update_on=today - dt.timedelta(days=rng.randint(0, 200)),
        )
        for i in range(ACTIONS)
    )
    ProgressUpdate.objects.bulk_create(
        (
            ProgressUpdate(
                action=actions[i % ACTIONS],
                author=lead,
                author_label="Lead",
                reported_on=today - dt.timedelta(days=rng.randint(0, 700)),
                text="Progress reported to the board.",
                status="in_progress",
            )
            for i in range(UPDATES)
        ),
        batch_size=2_000,
    )
    client = Client()
    client.force_login(lead)
    pages = {
        "plan overview": "/o/bench/objectives/",
        "plan search": "/o/bench/objectives/?q=disabled&rag=red",
        "objective page (100 actions)": f"/o/bench/objectives/{objectives[0].pk}/",
        "overdue list": "/o/bench/actions/overdue/",
        "my actions (200)": "/o/bench/actions/mine/",
    }
    engine = django.db.connection.vendor
    print(f"{engine}: {ACTIONS} actions, {UPDATES} updates")
    for name, path in pages.items():
        assert client.get(path).status_code == 200, path
        timings = []
        for _ in range(15):
            start = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
        print(f"  {name:<30} median {statistics.median(timings):6.1f} ms   worst {max(timings):6.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
