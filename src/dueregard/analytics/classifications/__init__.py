"""Classifications as versioned data: census ethnic groups, disability, sex, gender identity, sexual orientation,
religion and age bands, with their aggregations, the values that mean "unknown", and crosswalks between census
versions. The data are YAML files in ``data/``; this package reads, checks and applies them.
"""

from __future__ import annotations

from ..i18n import _
from .columns import (
    STANDARD_AGE_BANDS,
    AgeBands,
    StandardisedColumn,
    age_band,
    crosswalk_column,
    label_column,
    map_values,
    standardise_column,
    value_counts,
    value_counts_of,
)
from .gss import gss_disability
from .loader import ClassificationDataError, load_all, load_crosswalks
from .matching import StandardisationReport, ValueMatch, match_value, normalise_label, standardise_values
from .model import (
    UNKNOWN_CODE,
    UNMATCHED_CODE,
    AggregateGroup,
    Aggregation,
    Category,
    Classification,
    Crosswalk,
    Group,
)

__all__ = [
    "STANDARD_AGE_BANDS",
    "UNKNOWN_CODE",
    "UNMATCHED_CODE",
    "AgeBands",
    "AggregateGroup",
    "Aggregation",
    "Category",
    "Classification",
    "ClassificationDataError",
    "Crosswalk",
    "Group",
    "StandardisationReport",
    "StandardisedColumn",
    "ValueMatch",
    "age_band",
    "crosswalk_column",
    "get_classification",
    "get_crosswalk",
    "gss_disability",
    "label_column",
    "list_classifications",
    "map_values",
    "match_value",
    "normalise_label",
    "standardise_column",
    "standardise_values",
    "value_counts",
    "value_counts_of",
]


def list_classifications(characteristic: str | None = None) -> list[Classification]:
    """Every classification, or those of one characteristic (``ethnicity``, ``sex``, ...), sorted by id."""
    found = load_all().values()
    return sorted(
        (c for c in found if characteristic is None or c.characteristic == characteristic), key=lambda c: c.id
    )


def get_classification(classification_id: str) -> Classification:
    """A classification by id, e.g. ``ethnicity-ew-2021``; the error lists the ids there are."""
    classifications = load_all()
    try:
        return classifications[classification_id]
    except KeyError:
        raise KeyError(
            _("No classification {classification}; there are: {ids}").format(
                classification=repr(classification_id), ids=", ".join(sorted(classifications))
            )
        ) from None


def get_crosswalk(source: str, target: str) -> Crosswalk:
    """The crosswalk from one classification's codes to another's, e.g. 2011 to 2021 census ethnic groups."""
    for crosswalk in load_crosswalks():
        if (crosswalk.source, crosswalk.target) == (source, target):
            return crosswalk
    defined = ", ".join(f"{c.source} -> {c.target}" for c in load_crosswalks())
    raise KeyError(
        _("No crosswalk from {source} to {target}; defined: {defined}").format(
            source=repr(source), target=repr(target), defined=defined
        )
    )
