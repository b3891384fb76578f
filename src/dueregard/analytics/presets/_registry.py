"""The preset registry and the input every preset receives."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..dataset import DatasetDescription
from ..disclosure import DisclosurePolicy
from ..i18n import _
from ..report import Report

if TYPE_CHECKING:
    import ibis.expr.types as ir

# progress(done, total, what): called by a preset as it finishes each part, so the command line can show a bar.
Progress = Callable[[int, int, str], None]


def _no_progress(done: int, total: int, what: str) -> None:
    return None


class PresetError(ValueError):
    """A preset cannot run on this dataset; the message says what is missing and how to describe it."""


@dataclass(frozen=True)
class PresetInput:
    table: ir.Table  # the records, already on the chosen backend (see engine.to_backend / inputs.read_table)
    description: DatasetDescription
    policy: DisclosurePolicy | None = None  # None: the preset's own default publication policy
    options: Mapping[str, Any] = field(default_factory=dict)  # preset-specific (reference group, population...)
    progress: Progress = _no_progress
    #: Distinct values (as text) of text columns with how many rows hold each, when already counted — e.g.
    #: ``validate(...).value_counts``; a preset counts any column it needs that is not here.
    value_counts: Mapping[str, Sequence[tuple[str | None, int]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Preset:
    name: str  # e.g. "wres", used on the command line
    title: str  # in English, marked for translation with i18n.N_: show it as _(preset.title)
    summary: str  # one sentence: what it reports and for whom (English, marked like the title)
    needs: tuple[str, ...]  # what the description must name, e.g. ("characteristics.ethnicity", "outcomes.appointed")
    run: Callable[[PresetInput], Report]
    #: What the description must name for these options, when the options change it (WRES with only some
    #: indicators); None: always ``needs``.
    needs_for: Callable[[Mapping[str, Any]], tuple[str, ...]] | None = None

    def needs_with(self, options: Mapping[str, Any]) -> tuple[str, ...]:
        """What the description must name for a run with ``options``."""
        return self.needs if self.needs_for is None else self.needs_for(options)


PRESETS: dict[str, Preset] = {}

# Modules that register presets when imported; loaded on first lookup so importing the package stays cheap.
_MODULES: tuple[str, ...] = ("employment_information", "nhs_standards", "pay_gaps", "stop_and_search", "workforce")
_loaded = False


def register(preset: Preset) -> Preset:
    if preset.name in PRESETS:
        raise ValueError(f"Preset {preset.name!r} is registered twice.")
    PRESETS[preset.name] = preset
    return preset


def _load() -> None:
    global _loaded
    if not _loaded:
        for module in _MODULES:
            importlib.import_module(f"{__package__}.{module}")
        _loaded = True


def available() -> list[Preset]:
    _load()
    return sorted(PRESETS.values(), key=lambda preset: preset.name)


def get(name: str) -> Preset:
    _load()
    try:
        return PRESETS[name]
    except KeyError:
        known = ", ".join(sorted(PRESETS)) or _("none")
        raise PresetError(
            _("There is no preset called {name}. Presets: {known}.").format(name=repr(name), known=known)
        ) from None


def run_preset(name: str, data: PresetInput) -> Report:
    return get(name).run(data)
