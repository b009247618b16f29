"""Notice periods (公示期), counted as the law counts them (docs/FACTS.md).

- 《民法典》第二百零一条: a period in days starts the day after it begins; the
  publication day is not counted.
- 第二百零三条: a period whose last day is a statutory rest day (weekend or public
  holiday) ends on the first working day after it.
- Working days follow the State Council's holiday schedule, 调休 working weekends
  included: from chinesecalendar for the years it covers, and from the schedules the
  repository adds for later years (``holidays/<year>.yaml``, generator/load/holidays.py).
  A year neither covers is an error, never a guess.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

import chinese_calendar
from chinese_calendar import constants as _library

ONE_DAY = dt.timedelta(days=1)
# The State Council's notice for year Y may move days at the end of Y-1 for 元旦: every notice of 2004–2026 that did
# reached back at most to 12-29 (chinesecalendar: 2007-12-29 worked, 2018-12-29 worked, 2023-12-30 rest). A day from
# 12-25 on is therefore counted only once the next year's schedule is known as well.
YEAR_END_UNSETTLED = (12, 25)


class PeriodError(Exception):
    """The period cannot be computed; the message says why and what to do. ``why`` says why in Chinese, for
    the notice check's messages; ``year`` is the year whose schedule is missing, if that is the reason."""

    def __init__(self, message: str, why: str | None = None, year: int | None = None) -> None:
        super().__init__(message)
        self.why = why or message
        self.year = year


@dataclass(frozen=True)
class Schedule:
    """One year's holiday schedule (国务院办公厅关于某年部分节假日安排的通知), as days.

    ``rest`` are the holiday days (weekends inside a holiday included), ``work`` the 调休 working weekends; both may
    hold days at the end of the year before (元旦). ``fixture`` marks a made-up schedule for tests."""

    year: int
    title: str
    number: str
    rest: frozenset[dt.date] = frozenset()
    work: frozenset[dt.date] = frozenset()
    fixture: bool = False
    source: str = ""  # where it comes from: a file of the repository, or chinesecalendar

    def decides(self, day: dt.date) -> bool | None:
        """Whether ``day`` is a working day by this schedule alone; None for a day it leaves to another: one of the
        year before that it does not name, or one of its own last days (from 12-25) that it does not name, which
        the next year's schedule may move."""
        if day in self.rest or day in self.work:
            return day in self.work
        if day.year != self.year or (day.month, day.day) >= YEAR_END_UNSETTLED:
            return None
        return day.weekday() < 5


def library_years() -> range:
    """The years chinesecalendar covers (its holiday table's first to last year)."""
    years = [d.year for d in _library.holidays]
    return range(min(years), max(years) + 1)


def library_workday(day: dt.date) -> bool:
    return chinese_calendar.is_workday(day)


@dataclass
class WorkCalendar:
    """Which days are working days: chinesecalendar's years, plus the repository's schedules for the years after.

    Where both cover a year the check requires them to agree day by day (generator/load/holidays.py), so which one
    answers does not matter; the repository's schedule answers first, as the cited source."""

    schedules: dict[int, Schedule] = field(default_factory=dict)
    library: range = field(default_factory=library_years)

    @classmethod
    def of(cls, schedules: Iterable[Schedule] = (), library: range | None = None) -> WorkCalendar:
        return cls({s.year: s for s in schedules}, library_years() if library is None else library)

    def covers(self, year: int) -> bool:
        return year in self.schedules or year in self.library

    def missing_for(self, day: dt.date) -> int | None:
        """The year whose schedule is needed to count ``day`` and is missing, or None."""
        if not self.covers(day.year):
            return day.year
        if (day.month, day.day) >= YEAR_END_UNSETTLED and not self.covers(day.year + 1):
            return day.year + 1
        return None

    def is_workday(self, day: dt.date) -> bool:
        missing = self.missing_for(day)
        if missing is not None:
            raise _missing_error(missing, day)
        for schedule in (self.schedules.get(day.year + 1), self.schedules.get(day.year)):
            decided = None if schedule is None else schedule.decides(day)
            if decided is not None:
                return decided
        if day.year in self.schedules:  # one of its last days, which the next year's schedule (known) leaves alone
            return day.weekday() < 5
        return library_workday(day)

    def fixtures_used(self, start: dt.date, end: dt.date) -> list[Schedule]:
        """The made-up schedules that a period from ``start`` to ``end`` was counted with."""
        years = range(start.year, end.year + 2)
        return [self.schedules[y] for y in years if y in self.schedules and self.schedules[y].fixture]


def _missing_error(year: int, day: dt.date) -> PeriodError:
    library = library_years()
    why = (f"{year}年的国务院节假日安排尚未收录（chinesecalendar 收录 {library.start} 至 {library.stop - 1} 年，"
           f"holidays/ 中没有 {year}.yaml）")
    if day.year != year:
        why += f"；{day.isoformat()} 是否放假或调休上班，要看{year}年的安排（元旦可能提前到上一年年底）"
    return PeriodError(f"{why}：请把国务院办公厅关于{year}年部分节假日安排的通知写成 holidays/{year}.yaml"
                       f"（写法见“发布公示”页面），再计算公示期", why, year)


LIBRARY = WorkCalendar.of()  # chinesecalendar alone: for callers that have no repository


@dataclass(frozen=True)
class Period:
    start: dt.date  # first counted day
    end: dt.date  # last day
    rule: str

    def as_json(self) -> dict:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "rule": self.rule}


def _fixture_note(calendar: WorkCalendar, start: dt.date, end: dt.date) -> str:
    used = calendar.fixtures_used(start, end)
    return "".join(f"；按测试用的虚构安排 {s.source or s.year}（不是国务院公布的安排）计算" for s in used)


def calendar_days(published: dt.date, days: int, calendar: WorkCalendar = LIBRARY) -> Period:
    """``days`` calendar days after ``published``; a last day that is a rest day moves to the next working day."""
    start = published + ONE_DAY
    end = published + dt.timedelta(days=days)
    moved = end
    while not calendar.is_workday(moved):
        moved += ONE_DAY
    rule = f"{days}天，发布当日不计入（民法典第二百零一条）"
    if moved != end:
        rule += f"；最后一日{end.isoformat()}为法定休假日，顺延至{moved.isoformat()}（第二百零三条）"
    return Period(start, moved, rule + _fixture_note(calendar, start, moved))


def working_days(published: dt.date, days: int, calendar: WorkCalendar = LIBRARY) -> Period:
    """``days`` working days after ``published`` (调休 working weekends count)."""
    day, counted, first = published, 0, None
    while counted < days:
        day += ONE_DAY
        if calendar.is_workday(day):
            counted += 1
            first = first or day
    assert first is not None
    rule = f"{days}个工作日，发布当日不计入，按国务院节假日安排（含调休）计算"
    return Period(first, day, rule + _fixture_note(calendar, first, day))


def required_period(published: dt.date, days: int, unit: str, calendar: WorkCalendar = LIBRARY) -> Period:
    """The period a rule of ``days`` ``unit`` (working / calendar) gives a notice published on ``published``."""
    try:
        if unit == "working":
            return working_days(published, days, calendar)
        if unit == "calendar":
            return calendar_days(published, days, calendar)
    except OverflowError:
        raise PeriodError(f"发布日期 {published} 超出可计算的范围", f"发布日期 {published} 超出可计算的范围") from None
    raise ValueError(f"unknown unit {unit!r}")
