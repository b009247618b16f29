"""The office editor's check, run in Pyodide: one notice as text, checked by ``python -m generator check``'s code.

The page's worker calls :func:`check` with the YAML the form wrote and the path it will have in the repository;
the answer is JSON: the problems (line and Chinese message, exactly as the command line prints them), the
period the rules give, and the notice as validated. The schemes come from the build (data/office-schemes.json),
validated back into the same models, and so do the holiday schedules the repository adds to chinesecalendar
(data/office-holidays.json), so the page counts working days as the command line does.

A correction of a published notice is checked against the version the site publishes (data/office-published.json,
its sealed version in the browser): every difference must be listed by a correction appended since, as
``check --ledger-base`` requires (generator/load/ledger.py), and the answer carries the edits that would list them
(generator/load/corrections.py), which the page writes into the correction: the field names are the check's own.
"""

from __future__ import annotations

import datetime as dt
import json

from pydantic import TypeAdapter

from generator.core.messages import say
from generator.core.periods import LIBRARY, WorkCalendar
from generator.load.corrections import edits_between
from generator.load.holidays import calendar_from_json
from generator.load.ledger import seal_of, version_problems
from generator.load.notices import check_notice_text, objections_required, scheduled_reminder
from generator.load.problems import Problem
from generator.load.regions import place_name
from generator.load.yamlload import line_of, load_text
from generator.model.notice import LoadedNotice, Notice
from generator.model.scheme import Scheme
from generator.views.notice_page import PREVIEW_ROWS, notice_parts, preview_tree
from generator.views.page_tree import Node

_schemes: dict[str, Scheme] = {}
_calendar: list[WorkCalendar] = [LIBRARY]
_places: dict[str, str] = {}


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


def load_regions(text: str) -> int:
    """Read data/regions.json (the calculator's region picker: province -> city -> county), which names the places
    of the preview's 注册地 column as the build names them; returns how many codes it names."""
    _places.clear()
    for code, name, cities in json.loads(text)["provinces"]:
        _places[code] = name
        for city_code, city_name, counties in cities:
            _places.setdefault(city_code, city_name)
            _places.update((county, county_name) for county, county_name in counties)
    return len(_places)


def preview(data: object, notice: Notice | None, period: dict | None) -> Node | None:
    """The preview of the public page (generator/views/notice_page.py) for the notice as validated, or else for the
    YAML as parsed (half-filled); None when the text is no mapping."""
    source = notice if notice is not None else data
    if not isinstance(source, (Notice, dict)):
        return None
    scheme_id = source.scheme if isinstance(source, Notice) else source.get("scheme")
    scheme = _schemes.get(scheme_id) if isinstance(scheme_id, str) else None
    kind = source.kind if isinstance(source, Notice) else source.get("kind")
    rule = scheme.notice_rule(kind) if scheme is not None and isinstance(kind, str) else None
    parts = notice_parts(source, scheme, period, lambda code: place_name(_places, code),
                         period_expected=rule is not None and rule.period is not None,
                         objections_required=rule is not None and objections_required(rule, kind),
                         row_limit=PREVIEW_ROWS, reflow=True)
    return preview_tree(parts)


def check(text: str, path: str, today: str, sealed_text: str | None = None, sealed_on: str | None = None) -> str:
    """JSON of {problems: [{line, message, code, loc}], period: {start, end, rule} | null, notice: {...} | null,
    reminders: [message], preview: {tag, attrs, children} | null} (a notice dated after ``today`` waits for its
    day, as the command line says; ``preview`` is the public page's, generator/views/page_tree.py).

    With ``sealed_text`` (the notice as published, sealed on ``sealed_on``), the notice is also checked against it
    as the ledger check does, and the answer adds ``edits``: [{field, old, new, text}], what a correction must list
    (null when the notice cannot be read)."""
    day = dt.date.fromisoformat(today)
    result = check_notice_text(text, path, _schemes, day, calendar=_calendar[0])
    problems = list(result.problems)
    edits = None
    if sealed_text is not None and result.notice is not None:
        version = Notice.model_validate(load_text(sealed_text, path))
        problems += _against(path, version, LoadedNotice(path, result.notice, result.period, result.data),
                             dt.date.fromisoformat(sealed_on) if sealed_on else version.published, day)
        edits = edits_between(version, result.notice)
    period = result.period
    reminder = None if result.notice is None else scheduled_reminder(result.notice, day)
    return json.dumps({
        "reminders": [reminder] if reminder else [],
        "problems": [{"line": p.line, "message": p.message, "code": p.code, "loc": list(p.loc)} for p in problems],
        "period": None if period is None else period.as_json(),
        "notice": None if result.notice is None else result.notice.model_dump(mode="json", exclude_none=True),
        "edits": edits,
        "preview": preview(result.data, result.notice, None if period is None else period.as_json()),
    }, ensure_ascii=False)


def _against(path: str, version: Notice, loaded: LoadedNotice, sealed_on: dt.date, day: dt.date) -> list[Problem]:
    """The ledger check against the published version: its corrections kept, every change listed since."""
    sealed, now = seal_of(version), seal_of(loaded.notice)
    if now.corrections[: len(sealed.corrections)] != sealed.corrections:
        return [Problem(path, line_of(loaded.data, ("corrections",)), say("ledger.rewritten"), "ledger.rewritten")]
    if now == sealed:
        return []
    return version_problems(path, version, loaded, len(sealed.corrections), sealed_on, day)
