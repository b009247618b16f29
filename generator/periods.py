"""Notice periods (公示期), counted as the law counts them (docs/FACTS.md).

- 《民法典》第二百零一条: a period in days starts the day after it begins; the
  publication day is not counted.
- 第二百零三条: a period whose last day is a statutory rest day (weekend or public
  holiday) ends on the first working day after it.
- Working days follow the State Council's holiday schedule, 调休 working weekends
  included, from chinesecalendar; a year it does not cover is an error, never a guess.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import chinese_calendar

ONE_DAY = dt.timedelta(days=1)


class PeriodError(Exception):
    """The period cannot be computed; the message says why and what to do. ``why`` says why in Chinese, for
    the notice check's messages."""

    def __init__(self, message: str, why: str | None = None) -> None:
        super().__init__(message)
        self.why = why or message


@dataclass(frozen=True)
class Period:
    start: dt.date  # first counted day
    end: dt.date  # last day
    rule: str

    def as_json(self) -> dict:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "rule": self.rule}


def is_workday(day: dt.date) -> bool:
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        why = f"{day.year}年的国务院节假日安排尚未收录（本程序收录 2004 至 2026 年）"
        raise PeriodError(f"{why}：请按国务院公布的安排自行计算公示期的最后一日，在 end 中写明，"
                          f"例如 end: {day.year}-01-08", why) from None


def calendar_days(published: dt.date, days: int) -> Period:
    """``days`` calendar days after ``published``; a last day that is a rest day moves to the next working day."""
    start = published + ONE_DAY
    end = published + dt.timedelta(days=days)
    moved = end
    while not is_workday(moved):
        moved += ONE_DAY
    rule = f"{days}天，发布当日不计入（民法典第二百零一条）"
    if moved != end:
        rule += f"；最后一日{end.isoformat()}为法定休假日，顺延至{moved.isoformat()}（第二百零三条）"
    return Period(start, moved, rule)


def working_days(published: dt.date, days: int) -> Period:
    """``days`` working days after ``published`` (调休 working weekends count)."""
    day, counted, first = published, 0, None
    while counted < days:
        day += ONE_DAY
        if is_workday(day):
            counted += 1
            first = first or day
    assert first is not None
    return Period(first, day, f"{days}个工作日，发布当日不计入，按国务院节假日安排（含调休）计算")


def required_period(published: dt.date, days: int, unit: str) -> Period:
    try:
        if unit == "working":
            return working_days(published, days)
        if unit == "calendar":
            return calendar_days(published, days)
    except OverflowError:
        raise PeriodError(f"发布日期 {published} 超出可计算的范围", f"发布日期 {published} 超出可计算的范围") from None
    raise ValueError(f"unknown unit {unit!r}")
