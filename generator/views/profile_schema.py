"""The applicant profile as a JSON Schema (draft 2020-12), generated from the spec the engine reads
(generator/assess/profile.py), published at /data/profile.schema.json so that other tools can write valid
profiles (docs/PROFILE.md "Versions and the JSON Schema").

The schema states what the engine checks field by field; a few checks need the portal's data and are left to
the engine (an item id of 附件1 or of GB/T 19580, a 附件1 answer its form cannot score)."""

from __future__ import annotations

import json

from generator.assess.profile import (
    FIELDS,
    MAX_COUNT,
    MAX_ITEMS,
    PROFILE_VERSION,
    SCHEME_ID,
    Field,
)
from generator.assess.terms import VALUE_LABELS

DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"  # and a day that exists, 1900-01-01 … 2199-12-31 (the engine checks)


def _described(field: Field, schema: dict) -> dict:
    text = field.label + (f"（{field.help}）" if field.help else "")
    return {"description": text, **schema}


def _anchored(pattern: str) -> str:
    """A spec pattern (matched whole by the engine) for JSON Schema, which searches: anchored both ends."""
    return "^(?:" + pattern.removeprefix("^").removesuffix("$") + ")$"


def _for(field: Field, schemes: list[str]) -> dict:
    kind = field.kind
    if kind == "bool":
        schema: dict = {"type": "boolean"}
    elif kind == "int":
        top = field.maximum if field.maximum is not None else MAX_COUNT
        schema = {"type": "integer", "minimum": int(field.minimum or 0), "maximum": int(top)}
    elif kind == "number":
        top = field.maximum if field.maximum is not None else MAX_COUNT
        schema = {"type": "number", "minimum": field.minimum or 0, "maximum": top}
    elif kind == "date":
        schema = {"type": "string", "format": "date", "pattern": DATE_PATTERN}
    elif kind == "str":
        schema = {"type": "string", **({"pattern": _anchored(field.pattern)} if field.pattern else {})}
    elif kind == "enum":
        schema = {"enum": list(field.enum),
                  "description": "、".join(f"{v}（{VALUE_LABELS.get(v, v)}）" for v in field.enum)}
    elif kind == "scheme":
        schema = {"type": "string", "pattern": SCHEME_ID, **({"enum": schemes} if schemes else {})}
    elif kind == "list":
        assert field.item is not None
        schema = {"type": "array", "maxItems": MAX_ITEMS, "items": _for(field.item, schemes)}
    elif kind == "object":
        schema = {"type": "object", "properties": {f.name: _described(f, _for(f, schemes)) for f in field.fields}}
        if field.plain:  # a record given by its date alone, as the format first wrote it
            plain = next(f for f in field.fields if f.name == field.plain)
            schema = {"anyOf": [_for(plain, schemes), schema]}
    elif kind == "map":
        schema = {"type": "object", "additionalProperties": _MAPS.get(field.name, {})}
    else:
        raise AssertionError(kind)
    return schema


_MAPS = {
    "declarations": {"type": "boolean"},
    # GB/Z 19579 附录C scores an item in steps of 5 (docs/FACTS.md).
    "excellence_percent": {"type": "number", "minimum": 0, "maximum": 100, "multipleOf": 5},
}


def profile_schema(schemes: list[str] | None = None) -> dict:
    """The schema of the current version; ``schemes`` are the portal's scheme ids (else any id's shape)."""
    ids = list(schemes or [])
    properties = {f.name: _described(f, _for(f, ids)) for f in FIELDS}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "profile.schema.json",
        "title": "申报档案（质量奖申报自评）",
        "description": (f"申报档案格式第 {PROFILE_VERSION} 版：各字段均可不填；不认识的字段会被保留并忽略。"
                        "日期一律为 YYYY-MM-DD。由门户的档案规格自动生成。"),
        "type": "object",
        "properties": properties,
        "additionalProperties": True,
    }


def profile_schema_json(schemes: list[str] | None = None) -> str:
    """Stable bytes for the same spec."""
    return json.dumps(profile_schema(schemes), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
