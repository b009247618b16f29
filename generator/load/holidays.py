"""The holiday schedules the repository adds for years chinesecalendar does not cover (``holidays/<year>.yaml``).

Each file is one State Council notice (国务院办公厅关于某年部分节假日安排的通知). The check: the file is named after its
year; every date lies in that year (or, for 元旦, in the last days of the year before); every 调休 working day is a
weekend; rest ranges do not overlap each other or a working day; each holiday's quoted words give exactly its rest
days, its count of days (共N天), its working days and their weekdays; and where chinesecalendar covers the year too,
the two agree day by day. Warnings (not errors): the build's year, or from 1 November the next year, is covered by
neither, so an office adds the schedule before a notice needs it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from generator.core.messages import say
from generator.core.periods import YEAR_END_UNSETTLED, Schedule, WorkCalendar, library_workday, library_years
from generator.load.model_file import load_model
from generator.load.problems import Problem, relative_path
from generator.load.yamlload import line_of
from generator.model.holidays import Holiday, HolidaySchedule

FOLDER = "holidays"
ONE_DAY = dt.timedelta(days=1)
# From this day of a year on, ``check`` reminds the office when the next year's schedule is missing.
REMIND_FROM = (11, 1)
_WEEKDAYS = "一二三四五六日"
_DATE = re.compile(r"(?:(?P<y>\d{4})年)?(?:(?P<m>\d{1,2})月)?(?P<d>\d{1,2})日(?:[（(](?P<note>[^）)]*)[）)])?")
_WEEKDAY_NOTE = re.compile(r"(?:周|星期)([一二三四五六日天])")
_COUNT = re.compile(r"(?:共|放假)(\d+)天")


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    out, day = [], first
    while day <= last:
        out.append(day)
        day += ONE_DAY
    return out


def _resolve(match: re.Match, year: int, month: int | None, prev: dt.date | None) -> dt.date | None:
    """The date a ``M月D日`` of the notice for ``year`` names; ``month`` and ``prev`` carry over from the start
    of a range (``1月1日至3日``); None when it is no date."""
    y = int(match["y"]) if match["y"] else None
    m = int(match["m"]) if match["m"] else month
    if m is None:
        return None
    if y is None:
        y = prev.year if prev is not None else year
        if prev is not None and m < prev.month:  # 12月31日至1月2日
            y += 1
    try:
        return dt.date(y, m, int(match["d"]))
    except ValueError:
        return None


def quoted(quote: str, year: int) -> dict[str, Any]:
    """What a holiday's quoted words say: ``rest`` (first, last) or None, ``count`` (共N天) or None, ``work`` (the days
    before 上班), and ``weekdays`` [(date, the weekday the words give it, 0 = Monday)]."""
    rest: tuple[dt.date, dt.date] | None = None
    work: list[dt.date] = []
    weekdays: list[tuple[dt.date, int]] = []
    count = None
    for sentence in re.split(r"[。；;]", quote):
        dates: list[dt.date] = []
        prev = None
        for match in _DATE.finditer(sentence):
            between = sentence[:match.start()].rstrip()
            ranged = prev is not None and between.endswith(("至", "—", "-", "～", "~"))
            day = _resolve(match, year, prev.month if ranged else None, prev if ranged else None)
            if day is None:
                continue
            note = _WEEKDAY_NOTE.search(match["note"] or "")
            if note:
                weekdays.append((day, _WEEKDAYS.index(note[1].replace("天", "日"))))
            dates.append(day)
            prev = day
        if not dates:
            continue
        if "上班" in sentence:
            work += dates
        elif "放假" in sentence or "休息" in sentence:
            rest = (dates[0], dates[1] if len(dates) > 1 else dates[0])
            found = _COUNT.search(sentence)
            count = int(found[1]) if found else None
    return {"rest": rest, "count": count, "work": work, "weekdays": weekdays}


def _in_scope(day: dt.date, year: int) -> bool:
    """A date a schedule for ``year`` may name: that year, or the end of the year before (元旦)."""
    return day.year == year or (day.year == year - 1 and (day.month, day.day) >= YEAR_END_UNSETTLED)


def check_schedule(schedule: HolidaySchedule, data: Any, path: str) -> list[Problem]:
    """Every problem of one schedule, beyond its types (which the model checks)."""
    problems: list[Problem] = []

    def add(loc: tuple, code: str, /, **values: Any) -> None:
        problems.append(Problem(path, line_of(data, loc), say(code, **values), code))

    year = schedule.year
    if Path(path).name != f"{year}.yaml":
        add(("year",), "holidays.file_name", name=Path(path).name, year=year)
    if f"{year}年" not in schedule.title:
        add(("title",), "holidays.title_year", year=year)
    if not schedule.fixture and not re.fullmatch(r"国办发明电〔\d{4}〕\d+号", schedule.number):
        add(("number",), "holidays.number", number=schedule.number, example=f"国办发明电〔{year - 1}〕7号")
    if not dt.date(year - 1, 1, 1) <= schedule.issued < dt.date(year + 1, 1, 1):
        add(("issued",), "holidays.issued", issued=schedule.issued, year=year)
    taken: dict[dt.date, tuple[int, str]] = {}  # day -> (holiday number, what)
    for n, holiday in enumerate(schedule.holidays):
        problems += _check_holiday(holiday, n, year, data, path, taken)
    return problems


def _check_holiday(holiday: Holiday, n: int, year: int, data: Any, path: str,
                   taken: dict[dt.date, tuple[int, str]]) -> list[Problem]:
    problems: list[Problem] = []
    at = ("holidays", n)

    def add(loc: tuple, code: str, /, **values: Any) -> None:
        problems.append(Problem(path, line_of(data, (*at, *loc)), say(code, name=holiday.name, **values), code))

    for key in ("first", "last"):
        day = getattr(holiday, key)
        if not _in_scope(day, year):
            add((key,), "holidays.outside_year", day=day, year=year)
    if holiday.last < holiday.first:
        add(("last",), "holidays.range_order", first=holiday.first, last=holiday.last)
        return problems
    rest = _days(holiday.first, holiday.last)
    for k, day in enumerate(holiday.work):
        if not _in_scope(day, year):
            add(("work", k), "holidays.outside_year", day=day, year=year)
        if day.weekday() < 5:
            add(("work", k), "holidays.work_weekday", day=day, weekday=_WEEKDAYS[day.weekday()])
        if holiday.first <= day <= holiday.last:
            add(("work", k), "holidays.work_in_rest", day=day, first=holiday.first, last=holiday.last)
    for day, what in [(d, "放假") for d in rest] + [(d, "调休上班") for d in holiday.work]:
        other = taken.get(day)
        if other is not None and other[0] != n:
            add(("first",) if what == "放假" else ("work",), "holidays.overlap", day=day, what=what,
                other=data["holidays"][other[0]].get("name", other[0] + 1), other_what=other[1])
            break
        taken[day] = (n, what)
    said = quoted(holiday.quote, year)
    if said["rest"] is None:
        add(("quote",), "holidays.quote_no_rest")
    elif said["rest"] != (holiday.first, holiday.last):
        add(("quote",), "holidays.quote_rest", said_first=said["rest"][0], said_last=said["rest"][1],
            first=holiday.first, last=holiday.last)
    if said["count"] is not None and said["count"] != len(rest):
        add(("quote",), "holidays.quote_count", count=said["count"], days=len(rest), first=holiday.first,
            last=holiday.last)
    if sorted(said["work"]) != sorted(holiday.work):
        shown = "、".join(d.isoformat() for d in sorted(said["work"])) or "没有调休上班日"
        listed = "、".join(d.isoformat() for d in sorted(holiday.work)) or "没有"
        add(("quote",), "holidays.quote_work", said=shown, listed=listed)
    for day, weekday in said["weekdays"]:
        if day.weekday() != weekday:
            add(("quote",), "holidays.quote_weekday", day=day, said=_WEEKDAYS[weekday],
                actual=_WEEKDAYS[day.weekday()])
    return problems


def as_schedule(schedule: HolidaySchedule, source: str) -> Schedule:
    """The days of a validated file, for the calendar."""
    rest = frozenset(d for h in schedule.holidays for d in _days(h.first, h.last))
    work = frozenset(d for h in schedule.holidays for d in h.work)
    return Schedule(schedule.year, schedule.title, schedule.number, rest, work, schedule.fixture, source)


def _library_problems(schedule: Schedule, data: Any, path: str, library: range) -> list[Problem]:
    """Where chinesecalendar covers the year, the file must say the same of every day it decides."""
    days = _days(dt.date(schedule.year, 1, 1), dt.date(schedule.year, 12, 31))
    days = sorted(d for d in schedule.rest | schedule.work if d.year == schedule.year - 1) + days
    wrong = []
    for day in days:
        settled = (day.month, day.day) < YEAR_END_UNSETTLED or day.year + 1 in library
        mine = schedule.decides(day)
        if day.year in library and settled and mine is not None and mine != library_workday(day):
            wrong.append(day)
    if not wrong:
        return []
    shown = "、".join(f"{d.isoformat()}（本文件：{'上班' if schedule.decides(d) else '休息'}）" for d in wrong[:5])
    return [Problem(path, line_of(data, ("holidays",)),
                    say("holidays.library_disagrees", year=schedule.year, count=len(wrong), days=shown),
                    "holidays.library_disagrees")]


def load_holidays(root: Path, today: dt.date) -> tuple[WorkCalendar, list[Problem], list[Problem]]:
    """The calendar of chinesecalendar and ``root/holidays/*.yaml``; the problems; the warnings."""
    folder = root / FOLDER
    schedules: list[Schedule] = []
    problems: list[Problem] = []
    if folder.is_dir():
        for file in sorted(folder.iterdir()):
            path = relative_path(file, root)
            if file.is_symlink() or not file.is_file():
                problems.append(Problem(path, 1, say("holidays.not_file"), "holidays.not_file"))
                continue
            if file.suffix != ".yaml":
                if file.name != "README.md":
                    problems.append(Problem(path, 1, say("holidays.not_yaml", name=file.name), "holidays.not_yaml"))
                continue
            model, data, found = load_model(HolidaySchedule, file, root)
            if model is None:
                problems += found
                continue
            found = check_schedule(model, data, path)
            problems += found
            if found:
                continue
            schedule = as_schedule(model, path)
            problems += _library_problems(schedule, data, path, library_years())
            schedules.append(schedule)
    calendar = WorkCalendar.of(schedules)
    return calendar, problems, coverage_warnings(calendar, today)


def coverage_warnings(calendar: WorkCalendar, today: dt.date) -> list[Problem]:
    """The build's year not covered; from 1 November, the next year not covered."""
    years = [today.year] + ([today.year + 1] if (today.month, today.day) >= REMIND_FROM else [])
    return [Problem(f"{FOLDER}/{year}.yaml", 1, say("holidays.missing_warning", year=year, today=today,
                                                     library=f"{calendar.library.start}–{calendar.library.stop - 1}"),
                    "holidays.missing_warning")
            for year in years if not calendar.covers(year)]


def calendar_json(calendar: WorkCalendar) -> str:
    """The repository's schedules as JSON, for the office editor's check (``generator.office.check``)."""
    return json.dumps([{"year": s.year, "title": s.title, "number": s.number, "fixture": s.fixture,
                        "source": s.source, "rest": sorted(d.isoformat() for d in s.rest),
                        "work": sorted(d.isoformat() for d in s.work)}
                       for s in sorted(calendar.schedules.values(), key=lambda s: s.year)],
                      ensure_ascii=False, sort_keys=True)


def calendar_from_json(text: str) -> WorkCalendar:
    """The calendar :func:`calendar_json` wrote."""
    schedules = [Schedule(s["year"], s["title"], s["number"], frozenset(map(dt.date.fromisoformat, s["rest"])),
                          frozenset(map(dt.date.fromisoformat, s["work"])), s["fixture"], s["source"])
                 for s in json.loads(text)]
    return WorkCalendar.of(schedules)
