"""Presets: named, complete reports (WRES, WDES, gender pay gap, ...) built from a described dataset.

A preset is looked up by name (:func:`get`) and run with :func:`run_preset`. Each preset states which roles of the
dataset description it needs (characteristics, outcomes, pay columns) so a missing one is reported before any
work starts. Presets register themselves in :data:`PRESETS` from their own modules (see ``_registry``)."""

from __future__ import annotations

from ._registry import (
    PRESETS,
    Preset,
    PresetError,
    PresetInput,
    Progress,
    available,
    get,
    run_preset,
)

__all__ = ["PRESETS", "Preset", "PresetError", "PresetInput", "Progress", "available", "get", "run_preset"]
