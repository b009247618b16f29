"""One JSON-in, JSON-out entry point, used the same way by the browser worker and the tests."""

from __future__ import annotations

import json

from generator.assess.engine import assess
from generator.assess.profile import ProfileError, parse_profile


def assess_json(profile_json: str, data_json: str, schemes: list[str] | None = None) -> str:
    """The assessment as JSON, or ``{"error": "<field>: expected ..."}`` for a bad profile."""
    try:
        profile = parse_profile(json.loads(profile_json))
        result = assess(profile, json.loads(data_json), schemes or None)
    except (ProfileError, KeyError, json.JSONDecodeError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) else str(exc)
        return json.dumps({"error": message}, ensure_ascii=False)
    return json.dumps(result, ensure_ascii=False, sort_keys=True)
