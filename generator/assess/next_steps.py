"""What an applicant can do about a condition that is not met: the facts that would decide it, or when time
alone will cure it (docs/PROFILE.md "Answers a person can act on"). Standard library only."""

from __future__ import annotations

from generator.assess.profile import BY_NAME, detail_words
from generator.assess.rules import FAIL, PASS, UNKNOWN, details, needs, passes_from


def _ask(name: str, missing: set[str], profile: dict) -> str:
    """What to fill in for one needed field: the field, or the exact details its records lack."""
    label = BY_NAME[name].label
    if profile.get(name) is None:
        return f"填写“{label}”"
    if not missing:
        return f"补全“{label}”中缺少的记录或信息"
    return f"在“{label}”的各条记录中填写{detail_words(name, missing)}"


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
        missing: dict[str, set[str]] = {}
        for r in ask or rules:
            for name, subs in details(r, profile).items():
                missing.setdefault(name, set()).update(subs)
        asks = [_ask(n, missing.get(n, set()), profile) for n in wanted]
        text = "请" + "；".join(asks) + "，即可判断本条。"
    else:
        text = f"{reason}：现有信息无法判断，由评审专家或受理机关判断。"
        if cured:
            text += f"情况不变时，自 {cured.isoformat()} 起符合本条。"
    return {"next_step": {"text": text, "needs": wanted}, "passes_from": cured.isoformat() if cured else None}

