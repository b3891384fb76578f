"""The unit tests of the statistics, disclosure control and result tables work on small tables of counts: no
engine, no database, no Django (they run with ``-p no:django``)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _english_by_default() -> None:
    # Overrides the suite-wide fixture of the same name, which imports Django's translation machinery; these
    # tests never produce text in a language other than English and never touch Django.
    return None
