"""Choose the engine that runs the analytics: DuckDB in process by default, PySpark when data outgrows one machine.

Everything else in ``dueregard.analytics`` is written against Ibis tables and never names a backend; the backend
is picked here, at the edge. Ibis, DuckDB and PySpark are imported inside the functions so that importing this
module stays cheap and PySpark stays optional.

Semantics shared by both engines (see docs/decisions/0301-analytics-engines-ibis.md):

* the session time zone is UTC on both;
* Spark runs with ANSI SQL on, as DuckDB does: integer overflow and invalid casts raise instead of silently
  wrapping or turning into NULL, and ``try_cast`` gives NULL on both;
* division by zero differs (DuckDB gives ``inf`` for ``/``, Spark raises), so analytics code divides by
  ``denominator.nullif(0)``, which gives NULL on both.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

from .i18n import _

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import pyarrow as pa
    from ibis import BaseBackend
    from pyspark.sql import SparkSession

BACKEND_NAMES: Final = ("duckdb", "pyspark")
DUCKDB_MEMORY_LIMIT: Final = "400MB"

#: Spark settings applied to every session this module creates or reuses. They are runtime settings, so they
#: also take effect on a session that someone else started.
SPARK_SQL_SETTINGS: Final[Mapping[str, str]] = {
    # Small data in tests and most real datasets: the default of 200 shuffle partitions only adds overhead.
    "spark.sql.shuffle.partitions": "2",
    "spark.sql.session.timeZone": "UTC",
    # Raise on overflow and invalid casts, as DuckDB does, rather than returning wrong numbers or NULL.
    "spark.sql.ansi.enabled": "true",
    "spark.sql.storeAssignmentPolicy": "ANSI",
    # Arrow makes moving results between Spark and Python fast and keeps nullable integers as integers.
    "spark.sql.execution.arrow.pyspark.enabled": "true",
}

#: Settings that only take effect when the session is first built.
SPARK_STARTUP_SETTINGS: Final[Mapping[str, str]] = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.driver.memory": "1g",
}


class UnknownBackendError(ValueError):
    """The backend name is not one that dueregard supports."""


class EngineUnavailableError(RuntimeError):
    """The engine's software (a Python package or Java) is not installed."""


def connect(backend: str = "duckdb", **options: Any) -> BaseBackend:
    """Connect to an analytics engine and return its Ibis backend.

    ``backend`` is ``"duckdb"`` (in process, the default) or ``"pyspark"`` (a local Spark session unless
    ``session=`` passes one in). Options:

    * duckdb: passed to ``ibis.duckdb.connect`` (``database``, ``threads``, ``memory_limit`` (default 400MB),
      ``temp_directory``...).
    * pyspark: ``session`` (an existing SparkSession), ``master`` (default ``local[2]``), ``app_name``,
      ``shuffle_partitions`` and ``conf`` (a mapping of extra Spark settings).
    """
    if backend == "duckdb":
        return _connect_duckdb(**options)
    if backend == "pyspark":
        return _connect_pyspark(**options)
    raise UnknownBackendError(
        _("Unknown analytics backend {backend}: choose one of {names}.").format(
            backend=repr(backend), names=", ".join(BACKEND_NAMES)
        )
    )


def backend_name(con: BaseBackend) -> str:
    """The dueregard name of the engine behind an Ibis connection (``duckdb`` or ``pyspark``)."""
    return str(con.name)


def _connect_duckdb(**options: Any) -> BaseBackend:
    import ibis

    # DuckDB's own default is 80% of RAM; a fixed limit keeps a 10-million-row file within the 600 MB budget
    # (DuckDB spills to disk beyond it). Pass memory_limit= to change it.
    options.setdefault("memory_limit", DUCKDB_MEMORY_LIMIT)
    return ibis.duckdb.connect(**options)


def _connect_pyspark(
    *,
    session: SparkSession | None = None,
    master: str = "local[2]",
    app_name: str = "dueregard",
    shuffle_partitions: int = 2,
    conf: Mapping[str, str] | None = None,
) -> BaseBackend:
    import ibis

    spark = session or spark_session(master=master, app_name=app_name, shuffle_partitions=shuffle_partitions, conf=conf)
    return ibis.pyspark.connect(spark)


def spark_session(
    *,
    master: str = "local[2]",
    app_name: str = "dueregard",
    shuffle_partitions: int = 2,
    conf: Mapping[str, str] | None = None,
) -> SparkSession:
    """Create, or reuse if one is running, a Spark session with the settings dueregard relies on."""
    _require_java()
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise EngineUnavailableError(
            _("The pyspark backend needs PySpark: install it with {command} (or {alternative}).").format(
                command="`pip install 'dueregard[spark]'`", alternative="`pip install pyspark==4.0.5`"
            )
        ) from error

    settings = {**SPARK_SQL_SETTINGS, "spark.sql.shuffle.partitions": str(shuffle_partitions), **(conf or {})}
    builder = SparkSession.builder.master(master).appName(app_name)
    for key, value in {**SPARK_STARTUP_SETTINGS, **settings}.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    # getOrCreate ignores the builder's settings when a session already exists; set the runtime ones again.
    for key, value in settings.items():
        session.conf.set(key, value)
    session.sparkContext.setLogLevel("ERROR")
    return session


def _require_java() -> None:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and os.path.exists(os.path.join(java_home, "bin", "java")):
        return
    if shutil.which("java") is None:
        raise EngineUnavailableError(
            _(
                "The pyspark backend needs Java 17: install it (for example {command}) and put {java} on the PATH "
                "or set JAVA_HOME."
            ).format(command="`apt-get install openjdk-17-jre-headless`", java="`java`")
        )


def to_backend(con: BaseBackend, frame: Any, *, name: str | None = None) -> ir.Table:
    """Register an in-memory frame as a table on ``con`` and return it as an Ibis table.

    ``frame`` may be a pandas DataFrame, a pyarrow Table or RecordBatch, a Polars DataFrame or LazyFrame, or an
    Ibis table (which is executed and copied). The table is temporary: it lives as long as the connection
    (DuckDB) or the Spark session. ``name`` defaults to a fresh unique name.
    """
    arrow_table = as_arrow(frame)
    table_name = name or f"dueregard_{uuid.uuid4().hex}"
    if backend_name(con) == "pyspark":
        # Spark 4 reads Arrow directly. Ibis's own in-memory path goes through pandas and turns nullable
        # integer columns into NULLs on Spark, so it is avoided here.
        spark: SparkSession = con._session
        spark.createDataFrame(arrow_table).createOrReplaceTempView(table_name)
        return con.table(table_name)
    return _duckdb_table_from_arrow(con, arrow_table, name=table_name)


def _duckdb_table_from_arrow(con: BaseBackend, arrow_table: pa.Table, *, name: str) -> ir.Table:
    # Copy through DuckDB's own Arrow scan rather than Ibis's create_table: with sqlglot 30, Ibis 12 emits an
    # empty `DROP VIEW IF EXISTS` after creating a table from an in-memory object, which DuckDB rejects.
    raw = con.con
    scratch = f"dueregard_arrow_{uuid.uuid4().hex}"
    raw.register(scratch, arrow_table)
    try:
        # Both names are quoted identifiers, never values: no injection is possible here.
        statement = f"CREATE OR REPLACE TEMP TABLE {_quoted(name)} AS SELECT * FROM {_quoted(scratch)}"  # noqa: S608
        raw.execute(statement)
    finally:
        raw.unregister(scratch)
    return con.table(name)


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def as_arrow(frame: Any) -> pa.Table:
    """Convert a pandas, Polars, pyarrow or Ibis frame to a pyarrow Table without changing its values."""
    import ibis.expr.types as ir
    import pyarrow as pa

    if isinstance(frame, pa.Table):
        return frame
    if isinstance(frame, pa.RecordBatch):
        return pa.Table.from_batches([frame])
    if isinstance(frame, ir.Table):
        return frame.to_pyarrow()
    module = type(frame).__module__.split(".")[0]
    if module == "pandas":
        return pa.Table.from_pandas(frame, preserve_index=False)
    if module == "polars":
        collected = frame.collect() if hasattr(frame, "collect") else frame
        return collected.to_arrow()
    raise TypeError(
        f"Cannot use a {type(frame).__module__}.{type(frame).__name__} as a table: "
        "pass a pandas or Polars DataFrame, a pyarrow Table or an Ibis table."
    )
