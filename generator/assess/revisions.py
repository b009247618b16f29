"""Where a draft's earlier wording would decide differently (docs/PROFILE.md ``earlier_wording``): the draft's
own revision notes give the earlier words, and, where they make it decidable, a rule for them (schemes/*.yaml
``revisions``). Standard library only."""

from __future__ import annotations

from generator.assess.rules import FAIL, PASS, evaluate
from generator.assess.terms import STATUSES


def earlier_wording(scheme: dict, conditions: list[dict], profile: dict) -> dict | None:
    """For a scheme with revision notes: each condition the earlier wording decides otherwise, pass against fail
    (an unknown either way decides nothing, and is not listed)."""
    revisions = scheme.get("revisions")
    if not revisions:
        return None
    now = {c["id"]: c for c in conditions}
    differs = []
    for item in revisions["items"]:
        for check in item.get("checks", []):
            condition = now.get(check["condition"])
            if condition is None or condition.get("applicable") is False:
                continue
            before, reason = evaluate(check["rule"], profile)
            if {condition["status"], before} != {PASS, FAIL}:
                continue
            differs.append({
                "condition": check["condition"], "title": condition["title"], "clause": item["note"]["clause"],
                "now": condition["status"], "before": before, "before_words": item.get("before"),
                "note": item["note"]["quote"],
                "text": (f"{condition['title']}：按本稿为“{STATUSES[condition['status']]}”；"
                         f"按原办法“{item.get('before')}”的写法为“{STATUSES[before]}”（{reason}）。"),
            })
    verdict_text = (f"与{revisions['earlier']}相比，有 {len(differs)} 项条件的结论会不同。" if differs
                    else f"按修订说明能判断的条款中，没有哪一项条件按{revisions['earlier']}的写法会得出不同结论。")
    return {"earlier": revisions["earlier"], "differs": differs, "text": verdict_text}
