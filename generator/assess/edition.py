"""Which edition a result is judged by: the document, its status, the call (申报通知) and its application window,
and whether that window is open on the day assessed (docs/PROFILE.md ``edition``). Standard library only."""

from __future__ import annotations

import datetime as dt

WINDOW_STATES = {"open": "申报开放中", "closed": "申报已截止", "upcoming": "申报尚未开始", "unknown": "申报时间未定"}


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _document_name(document: dict) -> str:
    name = f"《{document['title']}》"
    return name + (f"（{document['number']}）" if document.get("number") else "")


def _state(opens: dt.date | None, closes: dt.date | None, as_of: dt.date) -> str:
    if closes and as_of > closes:
        return "closed"
    if opens and as_of < opens:
        return "upcoming"
    return "open" if opens and closes else "unknown"


def edition_answer(scheme: dict, level: str | None, as_of: dt.date) -> dict:
    """The edition judged by, with the window for ``level`` (credit ratings) and its state on ``as_of``. Dates
    come from the scheme's key dates only: a window the text leaves undated is unknown, never guessed."""
    call = scheme.get("call") or {}
    document = next((d for d in scheme["documents"] if d["id"] == call.get("document")), scheme["documents"][0])
    name = _document_name(document)
    answer: dict = {"document": name, "status": document["status"], "call": call.get("edition"), "window": None}
    judged = (f"按{call['edition']}申报通知{name}判断" if call.get("edition")
              else f"按{name}判断（本门户未收录年度申报通知）")
    key_dates = {k["id"]: k for k in scheme.get("key_dates", [])}
    windows = [w for w in call.get("windows", []) if not w.get("levels") or level in w["levels"]]
    if not windows:
        what = f"{level}级的申报时间" if level and call.get("windows") else "申报时间"
        answer["text"] = f"{judged}。源文件未规定{what}，请以受理机关的安排为准。"
        return answer
    key = key_dates[windows[0]["key_date"]]
    opens, closes = _day(key.get("start")), _day(key.get("end"))
    state = _state(opens, closes, as_of)
    answer["window"] = {"from": key.get("start"), "to": key.get("end"), "state": state, "when": key["when"],
                        "source": key["cite"]["clause"]}
    if state == "closed":
        text = (f"{judged}。该次申报已于 {closes.isoformat()} 截止；新的申报通知发布前，本门户按该通知判断，"
                "新通知的条件和时间可能不同。")
    elif state == "upcoming":
        text = f"{judged}。申报自 {opens.isoformat()} 开始" + (f"，至 {closes.isoformat()} 截止。" if closes else "。")
    elif state == "open":
        text = f"{judged}。申报开放中，{opens.isoformat()} 至 {closes.isoformat()}。"
    else:
        text = f"{judged}。申报时间为“{key['when']}”，本门户无法判断评估日期时申报是否开放。"
    answer["text"] = text
    return answer
