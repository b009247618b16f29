"""The office editor's check, run in Pyodide: one notice as text, checked by ``python -m generator check``'s code.

The page's worker calls :func:`check` with the YAML the form wrote and the path it will have in the repository;
the answer is JSON: the problems (line and Chinese message, exactly as the command line prints them), the
period the rules give, and the notice as validated. The schemes come from the build (data/office-schemes.json),
validated back into the same models, and so do the holiday schedules the repository adds to chinesecalendar
(data/office-holidays.json), so the page counts working days as the command line does.
"""

from __future__ import annotations

import datetime as dt
import json

from pydantic import TypeAdapter

from generator.load.holidays import calendar_from_json
from generator.load.notices import check_notice_text, scheduled_reminder
from generator.model.scheme import Scheme
from generator.periods import LIBRARY, WorkCalendar

_schemes: dict[str, Scheme] = {}
_calendar: list[WorkCalendar] = [LIBRARY]


def load_schemes(text: str) -> int:
    """Read data/office-schemes.json; returns how many schemes it holds."""
    _schemes.clear()
    # From JSON, as the models are strict: dates are ISO strings there, as in YAML they are dates.
    for scheme in TypeAdapter(list[Scheme]).validate_json(text):
        _schemes[scheme.id] = scheme
    return len(_schemes)


def load_holidays(text: str) -> int:
    """Read data/office-holidays.json (the repository's holiday schedules); returns how many years it adds."""
    _calendar[0] = calendar_from_json(text)
    return len(_calendar[0].schedules)


def check(text: str, path: str, today: str) -> str:
    """JSON of {problems: [{line, message, code}], period: {start, end, rule} | null, notice: {...} | null,
    reminders: [message]} (a notice dated after ``today`` waits for its day, as the command line says)."""
    day = dt.date.fromisoformat(today)
    result = check_notice_text(text, path, _schemes, day, calendar=_calendar[0])
    period = result.period
    reminder = None if result.notice is None else scheduled_reminder(result.notice, day)
    return json.dumps({
        "reminders": [reminder] if reminder else [],
        "problems": [{"line": p.line, "message": p.message, "code": p.code} for p in result.problems],
        "period": None if period is None else period.as_json(),
        "notice": None if result.notice is None else result.notice.model_dump(mode="json", exclude_none=True),
    }, ensure_ascii=False)
