"""What an applicant can do about a condition that is not met: the facts that would decide it, or when time
alone will cure it (docs/PROFILE.md "Answers a person can act on"). Standard library only."""

from __future__ import annotations

from generator.assess.profile import BY_NAME
from generator.assess.rules import FAIL, PASS, UNKNOWN, needs, passes_from


def advice(status: str, reason: str, judged_by: str, rules: list[dict], profile: dict,
           ask: list[dict] | None = None) -> dict:
    """``next_step`` and ``passes_from`` for a condition that fails or is unknown (nothing for a pass).

    ``rules`` are the condition's rule and its ``applies_when``, where it has them; ``ask`` the rules whose facts
    to ask first (default: all of ``rules``)."""
    if status == PASS:
        return {}
    if judged_by == "reviewers":
        return {"next_step": {"text": "原文没有可核对的标准，由评审专家判断；如贵单位认为符合，可在“自我声明”中说明。",
                              "needs": []},
                "passes_from": None}
    wanted = sorted(set().union(*(needs(r, profile) for r in (ask or rules))) if status == UNKNOWN else set())
    cured = passes_from(rules[0], profile)
    if status == FAIL:
        text = f"不符合：{reason}。" + (f"情况不变时，自 {cured.isoformat()} 起符合本条。" if cured
                                     else "时间不能改变这一结果。")
    elif wanted:
        asks = [f"补全“{BY_NAME[n].label}”中各条记录的日期、等级等信息" if profile.get(n) is not None
                else f"填写“{BY_NAME[n].label}”" for n in wanted]
        text = "请" + "；".join(asks) + "，即可判断本条。"
    else:
        text = f"{reason}：现有信息无法判断，由评审专家或受理机关判断。"
        if cured:
            text += f"情况不变时，自 {cured.isoformat()} 起符合本条。"
    return {"next_step": {"text": text, "needs": wanted}, "passes_from": cured.isoformat() if cured else None}

