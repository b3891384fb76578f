"""Fixtures for the analytics tests: every test that takes ``backend`` runs on DuckDB and on PySpark.

The Spark session is started once per test session (it takes several seconds) and shared; the Spark runs carry
the ``spark`` marker, so ``-m "not spark"`` runs the DuckDB half alone. Django is never imported here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from dueregard.analytics.engine import EngineUnavailableError, connect

if TYPE_CHECKING:
    from ibis import BaseBackend

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _fast_passwords() -> None:
    # Overrides the suite-wide fixture of the same name, which needs pytest-django's `settings`: the analytics
    # tests are framework-free and run with `-p no:django`.
    return None


@pytest.fixture(scope="session")
def spark_backend() -> Iterator[BaseBackend]:
    try:
        con = connect("pyspark")
    except EngineUnavailableError as error:
        pytest.skip(str(error))
    yield con
    con.disconnect()


@pytest.fixture(params=["duckdb", pytest.param("pyspark", marks=pytest.mark.spark)])
def backend(request: pytest.FixtureRequest) -> BaseBackend:
    if request.param == "pyspark":
        spark: BaseBackend = request.getfixturevalue("spark_backend")
        return spark
    return connect("duckdb")


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES
