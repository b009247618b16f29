"""The scheme data as JSON for the assessment engine: the same YAML, validated, dumped."""

from __future__ import annotations

import json

from generator.assess.rules import facts
from generator.load.portal import Portal

DATA_VERSION = 1


def _scheme_data(scheme) -> dict:
    """A scheme as JSON; each condition also lists the profile facts it reads, so the page need not
    look inside rules to say which clauses use a fact."""
    data = scheme.model_dump(mode="json", exclude_none=True)
    for condition in data["conditions"]:
        condition["facts"] = sorted(facts(condition.get("rule")) | facts(condition.get("applies_when")))
    # Levels and vetoes read facts too: the form's help says which schemes use a question and for what.
    for level in data.get("levels") or []:
        level["facts"] = sorted(facts(level.get("rule")) | {"credit"})  # the level held and the level sought
    for veto in ((data.get("scoring") or {}).get("credit") or {}).get("vetoes") or []:
        veto["facts"] = sorted(facts(veto.get("rule")))
    return data


def engine_data(portal: Portal) -> dict:
    assert portal.standard is not None
    return {
        "version": DATA_VERSION,
        "schemes": [_scheme_data(s) | ({"editions": [_scheme_data(e) for e in portal.editions[s.id]]}
                                       if portal.editions.get(s.id) else {}) for s in portal.schemes],
        "standard": portal.standard.model_dump(mode="json"),
    }


def fields_json() -> str:
    """The profile fields (names, kinds, labels, enums) for the assessment form."""
    from dataclasses import asdict

    from generator.assess.profile import FIELDS, FIRST_QUESTIONS, FORM_GROUPS, PROFILE_VERSION, SCREENED
    from generator.assess.terms import FACT_GROUPS, VALUE_LABELS, for_scripts

    groups = [[FACT_GROUPS[g], list(names)] for g, names in FORM_GROUPS.items() if g != "answers"]
    return json.dumps({"fields": [asdict(f) for f in FIELDS], "labels": VALUE_LABELS, "terms": for_scripts(),
                       "groups": groups, "first": list(FIRST_QUESTIONS), "screened": list(SCREENED),
                       "profile_version": PROFILE_VERSION},
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def engine_json(portal: Portal) -> str:
    """Stable bytes for the same data (sorted keys, no white space)."""
    return json.dumps(engine_data(portal), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
