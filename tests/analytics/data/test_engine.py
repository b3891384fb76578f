"""The engine layer: both backends connect, take in-memory frames unchanged and follow the same SQL semantics."""

from __future__ import annotations

import ibis
import pandas as pd
import pyarrow as pa
import pytest

from dueregard.analytics import engine, translations
from dueregard.analytics.engine import (
    BACKEND_NAMES,
    EngineUnavailableError,
    UnknownBackendError,
    as_arrow,
    backend_name,
    connect,
    to_backend,
)
from dueregard.analytics.i18n import language


@pytest.fixture(scope="module", autouse=True)
def _compiled() -> None:
    translations.compile_if_stale("cy")


def test_unknown_backend_names_the_choices() -> None:
    with pytest.raises(UnknownBackendError, match="duckdb, pyspark"):
        connect("postgres")


def test_engine_errors_are_in_welsh_under_language_cy(monkeypatch: pytest.MonkeyPatch) -> None:
    with language("cy"), pytest.raises(UnknownBackendError) as unknown:
        connect("postgres")
    assert str(unknown.value) == "Peiriant dadansoddi anhysbys 'postgres': dewiswch un o duckdb, pyspark."
    with pytest.raises(UnknownBackendError) as english:
        connect("postgres")
    assert str(english.value) == "Unknown analytics backend 'postgres': choose one of duckdb, pyspark."
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setattr(engine.shutil, "which", lambda name: None)
    with language("cy"), pytest.raises(EngineUnavailableError) as no_java:
        engine.spark_session()
    assert str(no_java.value) == (
        "Mae angen Java 17 ar y peiriant pyspark: gosodwch ef (er enghraifft "
        "`apt-get install openjdk-17-jre-headless`) a rhowch `java` ar y PATH neu gosodwch JAVA_HOME."
    )
    with pytest.raises(EngineUnavailableError) as english_java:
        engine.spark_session()
    assert str(english_java.value) == (
        "The pyspark backend needs Java 17: install it (for example `apt-get install openjdk-17-jre-headless`) "
        "and put `java` on the PATH or set JAVA_HOME."
    )


def test_duckdb_is_the_default() -> None:
    assert backend_name(connect()) == "duckdb"
    assert BACKEND_NAMES == ("duckdb", "pyspark")


def test_arrow_frame_round_trips_with_nulls(backend: ibis.BaseBackend) -> None:
    frame = pa.table(
        {
            "id": pa.array([1, 2, None], pa.int64()),
            "label": ["White", None, "Asian"],
            "pay": [1.5, None, 2.25],
            "flag": [True, None, False],
        }
    )
    table = to_backend(backend, frame)
    result = table.order_by(ibis.asc("pay", nulls_first=True)).to_pyarrow()
    assert result.column("id").to_pylist() == [2, 1, None]
    assert result.column("label").to_pylist() == [None, "White", "Asian"]
    assert result.column("flag").to_pylist() == [None, True, False]
    assert table.schema() == ibis.schema({"id": "int64", "label": "string", "pay": "float64", "flag": "boolean"})


def test_pandas_nullable_integers_stay_integers(backend: ibis.BaseBackend) -> None:
    frame = pd.DataFrame({"count": pd.array([3, None, 5], dtype="Int64"), "unit": ["a", "b", "a"]})
    table = to_backend(backend, frame)
    totals = table.group_by("unit").aggregate(total=table["count"].sum()).order_by("unit").to_pyarrow()
    assert totals.to_pylist() == [{"unit": "a", "total": 8}, {"unit": "b", "total": None}]


def test_named_table_is_replaced(backend: ibis.BaseBackend) -> None:
    to_backend(backend, pa.table({"x": [1]}), name="replaced_table")
    table = to_backend(backend, pa.table({"x": [2, 3]}), name="replaced_table")
    assert table.x.sum().to_pyarrow().as_py() == 5


def test_dividing_by_nullif_zero_gives_null_on_both(backend: ibis.BaseBackend) -> None:
    table = to_backend(backend, pa.table({"k": [1, 2], "n": [4, 0]}))
    ratios = table.select(ratio=table.k / table.n.nullif(0)).to_pyarrow().column("ratio").to_pylist()
    assert ratios == [0.25, None]


def test_invalid_cast_raises_and_try_cast_gives_null(backend: ibis.BaseBackend) -> None:
    table = to_backend(backend, pa.table({"s": ["12", "twelve"]}))
    assert table.s.try_cast("int64").to_pyarrow().to_pylist() == [12, None]
    with pytest.raises(Exception, match=r"(?i)cast|convert|could not"):
        table.s.cast("int64").to_pyarrow()


def test_ibis_table_is_copied(backend: ibis.BaseBackend) -> None:
    table = to_backend(backend, ibis.memtable({"x": [1, 2]}))
    assert table.x.sum().to_pyarrow().as_py() == 3


def test_unsupported_object_is_refused() -> None:
    with pytest.raises(TypeError, match=r"Cannot use a builtins\.list"):
        as_arrow([1, 2, 3])


def test_duckdb_memory_is_limited_by_default_and_can_be_changed() -> None:
    limit = connect().raw_sql("SELECT current_setting('memory_limit')").fetchone()[0]
    assert limit in ("381.4 MiB", "400.0 MB")
    larger = connect(memory_limit="1GB").raw_sql("SELECT current_setting('memory_limit')").fetchone()[0]
    assert larger in ("953.6 MiB", "1.0 GB")
