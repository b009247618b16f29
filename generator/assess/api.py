"""One JSON-in, JSON-out entry point, used the same way by the browser worker and the tests."""

from __future__ import annotations

import json

from generator.assess.engine import assess
from generator.assess.profile import ProfileError, check_size, parse_profile


def _no_constant(name: str) -> float:
    raise ProfileError(f"profile: JSON 中不能出现 {name}：请填写实际的数")


def load_profile_json(text: str) -> object:
    """Parse a profile's JSON text, or raise :class:`ProfileError` in Chinese.

    NaN and Infinity (which Python's json accepts) are refused, and so are nesting too deep
    for the parser and numbers too long to read."""
    text = text.removeprefix("\ufeff")  # a BOM some editors write at the start of a UTF-8 file
    check_size(text)
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise ProfileError(f"profile: 不是有效的 JSON（第{exc.lineno}行第{exc.colno}列：{exc.msg}）") from None
    except RecursionError:
        raise ProfileError("profile: JSON 嵌套过深") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise ProfileError(f"profile: JSON 中的数无法读取（{exc}）") from None


def result_json(result: dict, **options: object) -> str:
    """The result as JSON; never NaN or Infinity (``allow_nan=False`` would rather fail loudly)."""
    return json.dumps(result, ensure_ascii=False, allow_nan=False, **options)


def assess_json(profile_json: str, data_json: str, schemes: list[str] | None = None) -> str:
    """The assessment as JSON, or ``{"error": "<field>: <Chinese message>"}`` for a bad profile."""
    try:
        profile = parse_profile(load_profile_json(profile_json))
        result = assess(profile, json.loads(data_json), schemes or None)
    except (ProfileError, KeyError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) else str(exc)
        return json.dumps({"error": message}, ensure_ascii=False)
    return result_json(result, sort_keys=True)
