"""Which edition a result is judged by: the document, its status, the call (申报通知) and its application window,
and whether that window is open on the day assessed (docs/PROFILE.md ``edition``). Standard library only."""

from __future__ import annotations

import datetime as dt

WINDOW_STATES = {"open": "申报开放中", "closed": "申报已截止", "upcoming": "申报尚未开始", "unknown": "申报时间未定"}
# A document's status on a day. Computed from its dates (document_timeline), never typed in.
DOCUMENT_STATUSES = {"in_force": "现行", "closed": "已截止", "draft": "征求意见稿，尚未施行", "pending": "尚未施行",
                     "expired": "已失效", "repealed": "已废止", "to_be_repealed": "拟废止"}
_LIVE = ("in_force", "closed", "expired")  # statuses of a text that has taken effect


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


def _day_after(value: str) -> str:
    return (dt.date.fromisoformat(value) + dt.timedelta(days=1)).isoformat()


def document_timeline(scheme: dict, document: dict) -> list[tuple[str | None, str]]:
    """The document's statuses over time, as (first day, ISO; None: from the start, status), in order. A draft is
    never in force; a text takes effect on ``effective_from`` (from the start when the text gives no day); the
    yearly call (``call.edition``) is 已截止 the day after its last window closes; a text lapses the day after
    ``effective_to``; a later document of the scheme that repeals it makes it 已废止 from the day that one takes
    effect. The pages print the steps so that the reader's browser can pick today's without a rebuild."""
    if document.get("draft"):
        return [(None, "draft")]
    steps: list[tuple[str | None, str]] = [(None, "in_force")]
    if document.get("effective_from"):
        steps = [(None, "pending"), (document["effective_from"], "in_force")]
    call = scheme.get("call") or {}
    if call.get("edition") and call.get("document") == document["id"]:
        key_dates = {k["id"]: k for k in scheme.get("key_dates", [])}
        ends = [key_dates[w["key_date"]].get("end") for w in call.get("windows", [])]
        if ends and all(ends):
            steps.append((_day_after(max(ends)), "closed"))
    if document.get("effective_to"):
        steps.append((_day_after(document["effective_to"]), "expired"))
    for later in scheme["documents"]:
        if any(r.get("document") == document["id"] for r in later.get("replaces", [])):
            took_effect = next((day for day, key in document_timeline(scheme, later) if key in _LIVE), "never")
            if took_effect != "never":
                steps.append((took_effect, "repealed"))
    steps.sort(key=lambda step: step[0] or "")
    return [step for n, step in enumerate(steps) if n == 0 or step[1] != steps[n - 1][1]]


def replaced_timeline(scheme: dict, document: dict) -> list[tuple[str | None, str]]:
    """The statuses of a text ``document`` repeals: 拟废止 while ``document`` is not in force, then 已废止."""
    steps: list[tuple[str | None, str]] = []
    for day, key in document_timeline(scheme, document):
        status = "repealed" if key in _LIVE else "to_be_repealed"
        if not steps or steps[-1][1] != status:
            steps.append((day, status))
    return steps


def status_on(timeline: list[tuple[str | None, str]], day: dt.date) -> str:
    """The status a timeline gives on ``day``."""
    iso = day.isoformat()
    return [key for start, key in timeline if start is None or start <= iso][-1]


def edition_answer(scheme: dict, level: str | None, as_of: dt.date) -> dict:
    """The edition judged by, with the window for ``level`` (credit ratings) and its state on ``as_of``. Dates
    come from the scheme's key dates only: a window the text leaves undated is unknown, never guessed."""
    call = scheme.get("call") or {}
    document = next((d for d in scheme["documents"] if d["id"] == call.get("document")), scheme["documents"][0])
    name = _document_name(document)
    status = status_on(document_timeline(scheme, document), as_of)
    answer: dict = {"document": name, "status": status, "status_label": DOCUMENT_STATUSES[status],
                    "call": call.get("edition"), "window": None}
    judged = (f"按{call['edition']}申报通知{name}判断" if call.get("edition")
              else f"按{name}判断（本门户未收录年度申报通知）")
    # A text not in force on the day assessed says so first: the verdict is only as good as the text.
    judged += {"draft": "；该文件是征求意见稿，尚未施行，正式印发的条文可能不同",
               "pending": f"；该文件自 {document.get('effective_from')} 起施行，评估日期时尚未施行",
               "expired": "；该文件在评估日期时已失效",
               "repealed": "；该文件在评估日期时已被新文件废止"}.get(status, "")
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
