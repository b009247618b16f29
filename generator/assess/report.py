"""The assessment as a readable report in Chinese (the CLI's default output)."""

from __future__ import annotations

from generator.assess.terms import STATUSES, VERDICTS

_MARKS = {"pass": "✓", "fail": "✗", "unknown": "?"}
STATUS = {key: f"{_MARKS[key]} {label}" for key, label in STATUSES.items()}


def text_report(result: dict) -> str:
    lines = [f"申报组织：{result['organisation']}"] if result.get("organisation") else []
    lines += [f"评估日期：{result['as_of']}", ""]
    for r in result["results"]:
        head = f"【{r['name']}】{VERDICTS[r['verdict']]}"
        if r.get("draft"):
            head += "（按征求意见稿判断：该稿尚未施行）"
        if "level" in r:
            veto = {True: "，触及否决项", None: "，否决项尚无法判断"}.get(r.get("veto"), "")
            head += f"（评估等级：{r['level']}级{veto}）"
        lines.append(head)
        lines.append(f"  {r['edition']['text']}")
        earlier = r.get("earlier_wording")
        if earlier:
            lines.append(f"  {earlier['text']}" + (f"按原办法的写法，结论为“{VERDICTS[earlier['verdict']]}”。"
                                                   if earlier["differs"] else ""))
            lines += [f"    {d['text']}" for d in earlier["differs"]]
        # First what to do: the conditions not met and those waiting for a fact, then the date, if any.
        if r.get("eligible_from"):
            lines.append(f"  情况不变时，自 {r['eligible_from']} 起符合全部规则判断的条件")
        # Failures first; the conditions still open only while they could change the verdict, else counted.
        fails = [c for c in r["conditions"] if c["status"] == "fail"]
        still = [c for c in r["conditions"] if c["status"] == "unknown"]
        todo = fails + (still if r["verdict"] == "undetermined" else [])
        if todo:
            lines.append("  需要处理：")
            lines += [f"    {STATUS[c['status']]}  {c['title']}：{c['next_step']['text']}" for c in todo]
        if r["verdict"] == "ineligible" and still:
            lines.append(f"  另有 {len(still)} 项尚未判断，不影响结论")
        lines.append("  逐项条件：")
        for c in r["conditions"]:
            judge = "评审专家判断" if c["judged_by"] == "reviewers" else "规则判断"
            mark = "— 不适用" if c.get("applicable") is False else STATUS[c["status"]]
            lines.append(f"  {mark}  {c['title']}（{judge}；{c['reason']}）")
            lines.append(f"      {c['source']}：“{c['text']}”")
        score = r.get("score") or {}
        if "items" in score:
            lines.append(f"  技术指标得分：{score['total']:g} / {score['max']:g}（原文未设合格线）")
            for part in score["parts"]:
                lines.append(f"    {part['id']}. {part['name']}：{part['points']:g} / {part['max']:g}"
                             + (f"（未回答 {part['open']:g} 分）" if part["open"] else ""))
        elif "total" in score:
            lines.append(f"  GB/T 19580 自评：{score['total']:g} / {score['max']}"
                         + (f"（最低 {score['minimum']} 分）" if "minimum" in score else "（原文未设合格线）"))
        if "weighted" in score:
            lines.append(f"  加权总分：{score['weighted_how']}")
        todo = r["checklist"]
        if todo["required"] or todo["maybe"]:
            lines.append(f"  申报材料：须提供 {len(todo['required'])} 项，可能需要 {len(todo['maybe'])} 项，"
                         f"可选 {len(todo['optional'])} 项")
        lines.append("")
    return "\n".join(lines)
