"""Time the impact assessment list, the assessment dashboards and the functions register with 5,000 assessments in
one organisation (issue 4: the list and dashboards under 300 ms).

    DUEREGARD_DATA_DIR=/tmp/bench .venv/bin/python benchmarks/assessments_list.py                 # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:54329/bench .venv/bin/python benchmarks/assessments_list.py

It builds its own database (a fresh SQLite file, or the PostgreSQL database named in DATABASE_URL, which must
exist and be empty), then prints the median and worst of 15 warm requests per page.

The organisation: 30 units, 300 functions in the register (each rated for 2–5 characteristics), 5,000 assessments
across every state (300 of them second versions of earlier ones, whose first versions are replaced), each with its
impact matrix once past screening (about 100,000 impact cells, 1 in 25 negative), sign-off times spread over two
years and review dates around today (so several hundred reviews are overdue).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

ASSESSMENTS = 5_000
SECOND_VERSIONS = 300
FUNCTIONS = 300
UNITS = 30

# (state, share of the first versions): what a mature organisation's assessments look like
STATE_MIX = [
    ("screening", 6),
    ("screened_out", 20),
    ("full_assessment", 5),
    ("engagement", 4),
    ("decision", 3),
    ("awaiting_sign_off", 2),
    ("signed_off", 10),
    ("published", 40),
    ("review_due", 6),
    ("withdrawn", 4),
]
VERBS = ["Changes to", "Review of", "Savings in", "New"]
SERVICES = ["housing", "library", "care", "bus", "school"]
SETTLED = {"screened_out", "signed_off", "published", "review_due", "superseded"}
PAST_SCREENING = {
    "full_assessment",
    "engagement",
    "decision",
    "awaiting_sign_off",
    "signed_off",
    "published",
    "review_due",
}


def _build(rng: random.Random) -> tuple[Any, dict[str, Any]]:
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from dueregard.assessments.models import Assessment, CharacteristicRelevance, Function, ImpactCell
    from dueregard.assessments.rules import MATRIX
    from dueregard.organisations.models import Membership, Organisation, Unit

    organisation = Organisation.objects.create(
        slug="bench", name="Benchmark Council", jurisdiction="wales", sector="local_government"
    )
    people = get_user_model().objects
    lead = people.create_user("lead@bench.example", "x", full_name="Lead")
    author = people.create_user("author@bench.example", "x", full_name="Author")
    approver = people.create_user("approver@bench.example", "x", full_name="Approver")
    for user, role in ((lead, "equality_lead"), (author, "contributor"), (approver, "approver")):
        Membership.objects.create(organisation=organisation, user=user, role=role)
    units = Unit.objects.bulk_create(
        Unit(organisation=organisation, name=f"Service area {i:02d}") for i in range(UNITS)
    )
    today = timezone.localdate()
    characteristics = sorted({c for c, _aim in MATRIX})
    functions = Function.objects.bulk_create(
        Function(
            organisation=organisation,
            name=f"Function {i:03d}: {rng.choice(['housing', 'libraries', 'social care', 'transport', 'schools'])}",
            unit=units[i % UNITS],
            is_relevant=i % 12 != 0,
            exclusion_reason="" if i % 12 else "Internal accounting only.",
            priority=rng.choice(["high", "medium", "low"]),
            review_cycle_years=rng.choice([1, 3]),
            next_review_date=today + dt.timedelta(days=rng.randint(-60, 1000)),
        )
        for i in range(FUNCTIONS)
    )
    CharacteristicRelevance.objects.bulk_create(
        CharacteristicRelevance(
            function=function, characteristic=characteristic, relevance=level, reason=f"Evidence for {characteristic}"
        )
        for function in functions
        for characteristic, level in zip(
            rng.sample(characteristics, rng.randint(2, 5)), rng.choices(["high", "medium", "low"], k=5), strict=False
        )
    )
    states = [state for state, share in STATE_MIX for _ in range(share)]
    kinds = ["policy", "service", "budget_saving", "procurement", "project", "employment_practice"]

    def assessment(number: int, state: str, version: int = 1, previous: Assessment | None = None) -> Assessment:
        started = today - dt.timedelta(days=rng.randint(20, 900))
        settled = state in SETTLED or state == "review_due"
        signed = (
            timezone.make_aware(dt.datetime.combine(started + dt.timedelta(days=rng.randint(7, 180)), dt.time(12)))
            if settled
            else None
        )
        return Assessment(
            organisation=organisation,
            reference=f"EIA-{2024 + number % 3}-{number:04d}",
            version=version,
            previous_version=previous,
            state=state,
            title=f"{rng.choice(VERBS)} {rng.choice(SERVICES)} service {number}",
            unit=units[number % UNITS],
            author=author,
            subject_kind=rng.choice(kinds),
            function=functions[number % FUNCTIONS],
            started_on=started,
            signed_off_by=approver if signed else None,
            signed_off_at=signed,
            published_at=signed if state in {"published", "review_due", "superseded"} else None,
            review_date=today + dt.timedelta(days=rng.randint(-200, 900)) if settled else None,
            screening_decision="not_needed" if state == "screened_out" else "full",
            screening_reasons="Proportionate to the potential impact.",
        )

    first_count = ASSESSMENTS - SECOND_VERSIONS
    firsts = Assessment.objects.bulk_create(
        (assessment(i, "superseded" if i < SECOND_VERSIONS else rng.choice(states)) for i in range(first_count)),
        batch_size=1_000,
    )
    seconds = Assessment.objects.bulk_create(
        (
            assessment(i, rng.choice(["published", "signed_off", "under_review", "review_due"]), 2, firsts[i])
            for i in range(SECOND_VERSIONS)
        ),
        batch_size=1_000,
    )
    with_matrix = [a for a in [*firsts, *seconds] if a.state in PAST_SCREENING | {"superseded"}]
    cells = 0
    batch: list[ImpactCell] = []
    for item in with_matrix:
        for characteristic, aim in MATRIX:
            negative = rng.random() < 0.04
            impact = "negative" if negative else rng.choice(["positive", "neutral", "neutral", "unknown"])
            batch.append(
                ImpactCell(
                    assessment=item,
                    characteristic=characteristic,
                    aim=aim,
                    impact=impact,
                    reason="Fewer services within reach." if negative else "",
                )
            )
        if len(batch) >= 5_000:
            ImpactCell.objects.bulk_create(batch)
            cells += len(batch)
            batch = []
    ImpactCell.objects.bulk_create(batch)
    cells += len(batch)
    budget = [a.pk for a in firsts if a.subject_kind == "budget_saving" and a.state != "superseded"][:20]
    return lead, {"assessments": len(firsts) + len(seconds), "cells": cells, "budget": budget}


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
    from django.urls import NoReverseMatch, reverse

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    lead, facts = _build(random.Random(20261123))
    built = time.perf_counter() - started
    client = Client()
    client.force_login(lead)
    budget = "&".join(f"assessment={pk}" for pk in facts["budget"])
    pages = {
        "dashboards": "/o/bench/assessments/dashboard/",
        f"dashboards + cumulative ({len(facts['budget'])} chosen)": f"/o/bench/assessments/dashboard/?show=1&{budget}",
        "dashboards, choices narrowed": "/o/bench/assessments/dashboard/?show=1&kind=budget_saving&q=savings",
        "functions register (300)": "/o/bench/functions/",
        "functions register, filtered": "/o/bench/functions/?characteristic=disability&relevance=high",
        "public register": "/published/bench/functions/",
    }
    try:
        base = reverse("assessments:list", args=["bench"])
    except NoReverseMatch:  # the assessment pages are not there yet
        pass
    else:
        pages = {
            "assessment list": base,
            "assessment list, overdue reviews": f"{base}?review=overdue",
            "assessment list, search": f"{base}?q=library",
            "assessment list, page 40": f"{base}?page=40",
            **pages,
        }
    engine = django.db.connection.vendor
    print(f"{engine}: {facts['assessments']} assessments, {facts['cells']} impact cells (built in {built:.1f} s)")
    for name, path in pages.items():
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        timings = []
        for _ in range(15):
            start = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
        print(f"  {name:<40} median {statistics.median(timings):6.1f} ms   worst {max(timings):6.1f} ms")


if __name__ == "__main__":
    main()
