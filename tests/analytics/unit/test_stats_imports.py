"""Importing the statistics, disclosure control and result tables stays fast: SciPy and NumPy are imported only
inside the functions that need them, and nothing pulls in Django or an engine."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[3] / "src"


def test_importing_the_core_loads_no_heavy_package() -> None:
    code = (
        "import sys\n"
        "import dueregard.analytics.stats, dueregard.analytics.disclosure, dueregard.analytics.results\n"
        "heavy = {'scipy', 'numpy', 'pandas', 'ibis', 'duckdb', 'pyspark', 'django'}\n"
        "print(sorted({name.split('.')[0] for name in sys.modules} & heavy))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(SOURCE)},
    )
    assert done.stdout.strip() == "[]"
