"""Scores: the Jiangsu 附件1 indicators, GB/T 19580 self-assessment, review-stage weights.

Each item says how its points came about, in the words of its rule form. Standard library only.
"""

from __future__ import annotations

from generator.assess.rules.certificate import standard_name
from generator.assess.terms import VALUE_LABELS


def _num(x: float) -> str:
    return f"{x:g}"


def _derived_answer(item: dict, profile: dict) -> object:
    """An answer read off the profile's facts, where the item says how (``derive``)."""
    derive = item.get("derive")
    if derive is None:
        return None
    if isinstance(derive, dict):
        counts = {key: profile.get(fact) for key, fact in derive.items()}
        return None if all(v is None for v in counts.values()) else {k: v or 0 for k, v in counts.items()}
    value = profile.get(derive)
    if value is None:
        return None
    if derive == "management_systems":
        # 附件1 三①: valid certificates, each counted once (ISO 9001 and GB/T 19001 are one standard).
        return len({standard_name(c.get("standard", "")) for c in value})
    if derive == "awards":
        # 七② 获…质量奖: only the award tier settles the item; a 提名奖 (or a record without its tier) at a level
        # that would score more leaves the item open, since the text does not say whether it counts.
        ranks = {"national": 3, "provincial": 3, "city": 2, "county": 1}
        answers = {3: "provincial", 2: "city", 1: "county"}
        current = [a for a in value if a.get("revoked") is not True and a.get("level") in ranks]
        settled = max((ranks[a["level"]] for a in current if a.get("tier") == "award"), default=0)
        doubtful = max((ranks[a["level"]] for a in current if a.get("tier") != "award"), default=0)
        if doubtful > settled:
            return None
        return answers.get(settled, False if value else None)
    return value


def score_item(item: dict, answer: object) -> tuple[float, str]:
    """(points, how) for one 附件1 item and its answer."""
    form, cap = item["form"], item["max"]
    if form == "fixed":
        if answer is True:
            return cap, f"符合，得{_num(cap)}分"
        return 0.0, "不符合，得0分"
    if form == "base_increment":
        count = int(answer or 0)
        if count <= 0:
            return 0.0, "无有效证书，得0分"
        raw = item["base"] + item["increment"] * (count - 1)
        points = min(raw, cap)
        how = f"{count}个有效证书：{_num(item['base'])} + {_num(item['increment'])} × {count - 1} = {_num(raw)}"
        return points, how + (f"，以{_num(cap)}分为上限" if raw > cap else "")
    options = {o["value"]: o["points"] for o in item["options"]}
    if form == "highest":
        if answer in options:
            points = options[answer]
            return points, f"{VALUE_LABELS.get(str(answer), answer)}：{_num(points)}分（取单项最高分）"
        return 0.0, "无，得0分"
    # cumulative: answer is {"lead": {"national": 1, ...}} or {"invention": 2, ...}
    flat: dict[str, float] = {}
    if isinstance(answer, dict):
        for key, value in answer.items():
            if isinstance(value, dict):
                flat.update({f"{key}.{k}": v for k, v in value.items()})
            else:
                flat[key] = value
    terms = [(options[k], n) for k, n in flat.items() if k in options and n]
    raw = sum(p * n for p, n in terms)
    if not terms:
        return 0.0, "无，得0分"
    how = " + ".join(f"{_num(p)} × {n}" for p, n in terms) + f" = {_num(raw)}"
    return min(raw, cap), how + (f"，以{_num(cap)}分为上限" if raw > cap else "")


def credit_score(credit: dict, profile: dict) -> dict:
    """The 附件1 score: total, points per item, how each came about, points still open per part."""
    answers = profile.get("credit_answers") or {}
    items: dict[str, float] = {}
    details, parts = {}, []
    for part in credit["parts"]:
        earned = open_points = 0.0
        for item in part["items"]:
            explicit = item["id"] in answers
            answer = answers[item["id"]] if explicit else _derived_answer(item, profile)
            answered = explicit or answer is not None
            points, how = score_item(item, answer) if answered else (0.0, "未回答")
            items[item["id"]] = points
            details[item["id"]] = {"points": points, "max": item["max"], "how": how, "answered": answered,
                                   "derived": answered and not explicit}
            earned += points
            if not answered:
                open_points += item["max"]
        parts.append({"id": part["id"], "name": part["name"], "max": part["max"], "points": earned,
                      "open": open_points})
    return {"total": round(sum(items.values()), 2), "max": credit["total"], "items": items,
            "details": details, "parts": parts}


def excellence_score(standard: dict, percents: dict) -> dict:
    """GB/T 19580: points = item points × percentage; part totals; 1000-point total."""
    parts, total, missing = [], 0.0, []
    for part in standard["parts"]:
        got = 0.0
        for item in part["items"]:
            if item["id"] in percents:
                got += item["points"] * percents[item["id"]] / 100
            else:
                missing.append(item["id"])
        parts.append({"id": part["id"], "name": part["name"], "max": part["points"], "points": round(got, 2)})
        total += got
    return {"total": round(total, 2), "max": standard["total"], "parts": parts, "missing": missing,
            "verified": standard["verified"]}


def weighted_score(stages: list[dict], scores: dict) -> dict | None:
    """Σ stage score × weight, for the stages the scheme weights; None if a needed score is absent."""
    weighted = [s for s in stages if s.get("weight_percent") is not None]
    if not weighted or any(scores.get(s["review_score"]) is None for s in weighted):
        return None
    terms = [(s["name"], scores[s["review_score"]], s["weight_percent"]) for s in weighted]
    value = sum(score * pct / 100 for _, score, pct in terms)
    how = " + ".join(f"{name} {_num(score)} × {pct}%" for name, score, pct in terms)
    return {"value": round(value, 2), "how": f"{how} = {_num(round(value, 2))}"}
