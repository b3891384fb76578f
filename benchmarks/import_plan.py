"""Time the plan import on a generated 5,000-row spreadsheet: preview (read + layout + split + timescales) and commit.

    DUEREGARD_DATA_DIR=/tmp/bench .venv/bin/python benchmarks/import_plan.py [ROWS]

Uses the database DATABASE_URL names (SQLite in DUEREGARD_DATA_DIR by default; PostgreSQL when it points at one),
builds the demo organisation there if it is missing, and imports as its equality lead.
"""

from __future__ import annotations

import io
import sys
import time

TIMESCALES = ["By April 2013", "Quarterly", "Ongoing", "January – March 2008", "Dec 08 and ongoing", "2008 - 2011"]
UPDATES = ["Completed", "Ongoing", "Achieved", "Point 1 completed June 08. Point 2 partially completed.", ""]


def workbook(rows: int) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Function / Policy", "Desired Outcome", "Actions", "Timescales for action", "Update", "Owner"])
    for i in range(rows):
        objective = f"Function {i // 5 + 1}" if i % 5 == 0 else ""
        actions = f"<p>- Action {i}a: consult affected groups</p> <p>- Action {i}b: publish guidance</p>"
        timescales = f"<p>{TIMESCALES[i % 6]}</p> <p>{TIMESCALES[(i + 1) % 6]}</p>"
        sheet.append([objective, f"Outcome {i}", actions, timescales, UPDATES[i % 5], "Human Resources"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    from dueregard.commands._django import ensure_data_dir, setup_django

    setup_django()
    ensure_data_dir()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model
    from django.db import connection

    from dueregard.objectives.importing.commit import plan_import_commit, preview_for
    from dueregard.objectives.importing.reading import read_bytes
    from dueregard.organisations.models import Organisation

    if not Organisation.objects.filter(slug="demo").exists():
        from dueregard.demo.build import build_demo

        build_demo(with_progress=False)
    organisation = Organisation.objects.get(slug="demo")
    lead = get_user_model().objects.get(email="lead@demo.example")
    data = workbook(rows)
    started = time.perf_counter()
    table = read_bytes(data, filename="plan.xlsx")
    preview = preview_for(organisation, table)
    previewed = time.perf_counter()
    result = plan_import_commit(actor=lead, organisation=organisation, preview=preview, plan_title=f"Benchmark {rows}")
    done = time.perf_counter()
    print(
        f"{connection.vendor}: {rows} rows ({len(data) / 1024:.0f} KB): preview {previewed - started:.2f} s, "
        f"commit {done - previewed:.2f} s, total {done - started:.2f} s; saved {result.counts}"
    )


if __name__ == "__main__":
    main()
