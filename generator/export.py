"""The scheme data as JSON for the assessment engine: the same YAML, validated, dumped."""

from __future__ import annotations

import json

from generator.model.validate import Portal
from generator.plugin.structure.nav import ordered

DATA_VERSION = 1


def engine_data(portal: Portal) -> dict:
    assert portal.standard is not None
    return {
        "version": DATA_VERSION,
        "schemes": [s.model_dump(mode="json", exclude_none=True) for s in ordered(portal)],
        "standard": portal.standard.model_dump(mode="json"),
    }


def engine_json(portal: Portal) -> str:
    """Stable bytes for the same data (sorted keys, no white space)."""
    return json.dumps(engine_data(portal), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
