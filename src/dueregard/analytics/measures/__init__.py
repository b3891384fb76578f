"""Counts by group over record-level data, as Ibis expressions that run the same on DuckDB and Spark.

These are the inputs of the statistics (rates, ratios, tests): the engines do the heavy counting over millions of
rows, and only the small tables of counts come back to Python.
"""

from dueregard.analytics.measures.counts import (
    GroupCounts,
    crossed_counts,
    funnel_counts,
    group_counts,
    trend_counts,
    weighted_counts,
)

__all__ = ["GroupCounts", "crossed_counts", "funnel_counts", "group_counts", "trend_counts", "weighted_counts"]
