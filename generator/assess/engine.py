"""The self-assessment: every scheme's conditions, scores and checklist for one profile.

Input: a profile parsed by ``parse_profile`` and the scheme data exported at build time
(``data/schemes.json``). Output: the JSON of docs/PROFILE.md. Standard library only.
"""

from __future__ import annotations

import datetime as dt

from generator.assess.answers import check_answers
from generator.assess.edition import edition_answer
from generator.assess.next_steps import advice
from generator.assess.profile import FIELDS
from generator.assess.revisions import earlier_wording
from generator.assess.rules import FAIL, PASS, UNKNOWN, evaluate, explain
from generator.assess.scores import credit_score, excellence_score, weighted_score

NEXT_LEVEL = {"none": "A", "A": "AA", "AA": "AAA", "AAA": "AAA"}


def _source(scheme: dict, cite: dict) -> str:
    doc_id = cite.get("doc") or scheme["documents"][0]["id"]
    doc = next(d for d in scheme["documents"] if d["id"] == doc_id)
    return f"《{doc['title']}》{cite['clause']}"


def _entry(scheme: dict, cid: str, title: str, cite: dict, judged_by: str, status: str, reason: str,
           **extra: object) -> dict:
    return {"id": cid, "title": title, "status": status, "text": cite["quote"], "source": _source(scheme, cite),
            "judged_by": judged_by, "reason": reason, **extra}


def condition_result(scheme: dict, condition: dict, profile: dict, names: dict[str, str] | None = None,
                     advise: bool = True) -> dict:
    """One condition: pass / fail / unknown, with the reason and the clause.

    A condition whose ``applies_when`` fails does not apply and passes; one whose
    applicability is unknown passes only if it would pass anyway."""
    cid, cite, judged_by = condition["id"], condition["cite"], condition["judged_by"]
    extra: dict = {}
    falls_short = condition.get("fails_when")
    short, why = evaluate(falls_short, profile) if falls_short is not None else (FAIL, "")
    if judged_by == "reviewers" and short == PASS:
        # Reviewers judge how much is enough, but a known zero of what the text requires is not enough.
        status, reason = FAIL, f"{why}，不能满足“{condition['title']}”"
    elif judged_by == "reviewers":
        declared = (profile.get("declarations") or {}).get(cid) is True
        status = PASS if declared else UNKNOWN
        reason = "申报组织声明符合；由评审专家判断" if declared else "由评审专家判断"
    else:
        status, reason = evaluate(condition["rule"], profile)
        extra["rule"] = explain(condition["rule"], names)
    when = condition.get("applies_when")
    ask = None
    if when is not None:
        applies, why = evaluate(when, profile)
        if applies == FAIL:
            status, reason = PASS, f"不适用（{why}）"
            extra["applicable"] = False
        elif applies == UNKNOWN and status != PASS:
            status, reason = UNKNOWN, f"无法确定是否适用（{why}）；{reason}"
            ask = [when]  # whether it applies comes first: its own facts may never be needed
    if advise and status == FAIL and judged_by == "reviewers":  # fell short: time cannot cure a known zero
        extra |= advice(status, reason, "rule", [{"not": falls_short}], profile)
    elif advise:
        extra |= advice(status, reason, judged_by, [r for r in (condition.get("rule"), when) if r is not None],
                        profile, ask)
    return _entry(scheme, cid, condition["title"], cite, judged_by, status, reason, **extra)


def verdict(conditions: list[dict]) -> str:
    statuses = [c["status"] for c in conditions]
    if FAIL in statuses:
        return "ineligible"
    return "eligible" if all(s == PASS for s in statuses) else "undetermined"


def checklist(scheme: dict, profile: dict, level: str | None = None) -> dict:
    """Materials this applicant must provide, may need, and may add; an item for other levels than the one
    sought is not needed."""
    out: dict[str, list] = {"required": [], "maybe": [], "optional": [], "not_needed": []}
    for item in scheme.get("materials", {}).get("items", []):
        for entry in item["entries"]:
            row = {"number": item["number"], "category": item["category"], "name": entry["name"],
                   "note": entry.get("note"), "limit": entry.get("limit"), "source": _source(scheme, item["cite"])}
            required = entry["required"]
            if level and item.get("levels") and level not in item["levels"]:
                out["not_needed"].append(row | {"reason": f"只用于{'、'.join(item['levels'])}级认定"})
            elif required == "all":
                out["required"].append(row)
            elif required == "optional":
                out["optional"].append(row)
            elif required == "if_applicable":
                out["maybe"].append(row | {"reason": "涉及时提供"})
            else:
                status, why = evaluate(entry["when"], profile)
                key = {PASS: "required", FAIL: "not_needed", UNKNOWN: "maybe"}[status]
                # A rule naming one fact twice explains it twice ("行业：制造业；行业：制造业"): said once.
                out[key].append(row | {"reason": "；".join(dict.fromkeys(why.split("；")))})
    return out


def eligible_from(scheme: dict, conditions: list[dict], profile: dict, names: dict[str, str] | None) -> str | None:
    """The day from which every failing condition passes with the same facts, when time cures them all and
    no condition waits for a fact; checked by judging the conditions on that day (nothing else may fail by then)."""
    failing = [c for c in conditions if c["status"] == FAIL]
    if not failing or any(c["status"] == UNKNOWN and c["next_step"]["needs"] for c in conditions):
        return None
    if any(c.get("passes_from") is None for c in failing):
        return None
    day = max(c["passes_from"] for c in failing)
    later, _ = judge(scheme, profile | {"as_of": dt.date.fromisoformat(day)}, names, advise=False)
    return day if verdict(later) != "ineligible" else None


def judge(scheme: dict, profile: dict, names: dict[str, str] | None, advise: bool = True) -> tuple[list[dict], dict]:
    """Every condition of the scheme (its own, the level sought, the vetoes) and what the result says of them:
    the level and the veto. With ``advise``, each unmet condition carries its next step."""
    def counsel(status: str, reason: str, rule: dict) -> dict:
        return advice(status, reason, "rule", [rule], profile) if advise else {}

    conditions = [condition_result(scheme, c, profile, names, advise) for c in scheme["conditions"]]
    said: dict = {}
    if scheme.get("levels"):
        credit = profile.get("credit") or {}
        level = credit.get("target_level") or NEXT_LEVEL[credit.get("level") or "none"]
        said["level"] = level
        spec = next(lv for lv in scheme["levels"] if lv["id"] == level)
        if spec.get("rule"):
            status, reason = evaluate(spec["rule"], profile)
            conditions.append(_entry(scheme, f"level-{level}", f"申报{level}级的前提：{spec['requires']}",
                                     spec["cite"], "rule", status, reason, rule=explain(spec["rule"], names),
                                     **counsel(status, reason, spec["rule"])))
    credit_spec = scheme.get("scoring", {}).get("credit")
    if credit_spec:
        vetoes = []
        # 附件1 is named in the procedure of some levels only; for another the text does not say whether its
        # vetoes apply, so one that would is for the reviewers, never a hard "no".
        scope = credit_spec.get("levels") or []
        silent = bool(scope) and said.get("level") not in scope
        for veto in credit_spec.get("vetoes", []):
            status, reason = evaluate(veto["rule"], profile)
            judged_by = "rule"
            if silent and status != PASS:
                judged_by, status = "reviewers", UNKNOWN
                where = credit_spec["levels_cite"]["clause"]
                reason += (f"；附件1（含否决项）只见于{'、'.join(scope)}级的认定程序（{where}），"
                           f"申报{said.get('level')}级时是否适用，源文件未说明，由认定机关判断")
            vetoes.append(_entry(scheme, f"veto-{veto['id']}", f"否决项 {veto['id']}：{veto['title']}", veto["cite"],
                                 judged_by, status, reason, rule=explain(veto["rule"], names),
                                 **counsel(status, reason, veto["rule"])))
        conditions += vetoes
        # true: a veto applies; null: one may, the profile cannot tell; false: none applies.
        statuses = {v["status"] for v in vetoes}
        said["veto"] = True if FAIL in statuses else None if UNKNOWN in statuses else False
    return conditions, said


def edition_on(scheme: dict, as_of: dt.date) -> dict:
    """The edition of the scheme in force on ``as_of``: of its earlier editions (oldest first) and itself, the
    last whose first document took effect by then (a text that gives no day counts from the start); before
    all of them, the oldest."""
    chain = [*scheme.get("editions", []), scheme]
    day = as_of.isoformat()
    started = [e for e in chain if (e["documents"][0].get("effective_from") or "") <= day]
    return started[-1] if started else chain[0]


def assess_scheme(scheme: dict, profile: dict, standard: dict, names: dict[str, str] | None = None) -> dict:
    """One scheme's result, by the edition in force on the profile's ``as_of``; ``names`` are the data's scheme
    names by id, for explanations."""
    scheme = edition_on(scheme, profile["as_of"])
    conditions, said = judge(scheme, profile, names)
    # Judged by the scheme's first document; a 征求意见稿 is not in force, and every answer says so.
    result: dict = {"scheme": scheme["id"], "name": scheme["name"],
                    "draft": bool(scheme["documents"][0].get("draft")), **said,
                    "edition": edition_answer(scheme, said.get("level"), profile["as_of"])}
    credit_spec = scheme.get("scoring", {}).get("credit")
    if credit_spec:
        result["score"] = credit_score(credit_spec, profile)
    result["verdict"] = verdict(conditions)
    result["eligible_from"] = eligible_from(scheme, conditions, profile, names)
    result["conditions"] = conditions
    scoring = scheme.get("scoring", {})
    if scoring.get("standard") == "gbt19580":
        score: dict = {}
        if profile.get("excellence_percent"):
            score = excellence_score(standard, profile["excellence_percent"])
            minimum = scoring.get("minimum")
            if minimum:
                score["minimum"] = minimum["points"]
                score["meets_minimum"] = score["total"] >= minimum["points"] if not score["missing"] else None
        if profile.get("review_scores"):
            weighted = weighted_score(scheme["stages"], profile["review_scores"])
            if weighted is not None:
                score["weighted"] = weighted["value"]
                score["weighted_how"] = weighted["how"]
        if score:
            result["score"] = score
    result["checklist"] = checklist(scheme, profile, said.get("level"))
    earlier = earlier_wording(scheme, conditions, profile)
    if earlier is not None:
        # The verdict with those conditions decided as the earlier wording decides them (rules only: the rest
        # of the earlier text is not known).
        before = {d["condition"]: d["before"] for d in earlier["differs"]}
        earlier["verdict"] = verdict([c | {"status": before.get(c["id"], c["status"])} for c in conditions])
        result["earlier_wording"] = earlier
    return result


def open_questions(results: list[dict]) -> list[str]:
    """The facts whose answers could still change a verdict: what the unknown conditions of every undetermined
    result need, in the profile's order. A settled verdict (eligible, or ineligible) asks nothing more."""
    wanted = {name for r in results if r["verdict"] == "undetermined" for c in r["conditions"]
              if c["status"] == UNKNOWN for name in c["next_step"]["needs"]}
    return [f.name for f in FIELDS if f.name in wanted]


def assess(profile: dict, data: dict, scheme_ids: list[str] | None = None) -> dict:
    """The whole assessment, shaped as docs/PROFILE.md's JSON. Without ``scheme_ids``, the profile's
    ``schemes_of_interest``, else every scheme."""
    check_answers(profile, data)  # first: a wrong scheme of interest is named as the profile's own field
    wanted = scheme_ids or profile.get("schemes_of_interest") or [s["id"] for s in data["schemes"]]
    by_id = {s["id"]: s for s in data["schemes"]}
    unknown = [sid for sid in wanted if sid not in by_id]
    if unknown:
        raise KeyError(f"没有这个方案：{', '.join(unknown)}；应为 {', '.join(by_id)} 之一")
    names = {s["id"]: s["name"] for s in data["schemes"]}
    results = [assess_scheme(by_id[sid], profile, data["standard"], names) for sid in dict.fromkeys(wanted)]
    return {"as_of": profile["as_of"].isoformat(), "organisation": profile.get("organisation"),
            "open_questions": open_questions(results), "results": results}
