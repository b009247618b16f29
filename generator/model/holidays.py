"""The typed model of one year's holiday schedule: ``holidays/<year>.yaml``.

An office adds the State Council's 节假日安排 notice for a year chinesecalendar does not cover yet: its title,
number and date, and each holiday's rest days and 调休 working days with the notice's own words quoted
(generator/load/holidays.py checks the words against the dates).
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from generator.model.scheme import Strict


class Holiday(Strict):
    """One holiday of the notice: ``一、元旦：1月1日（周五）至3日（周日）放假，共3天。``"""

    name: str = Field(min_length=1, pattern=r"\S")  # 元旦, 春节, 国庆节、中秋节 ...
    first: dt.date  # first day of the rest
    last: dt.date  # last day of the rest
    work: list[dt.date] = []  # the 调休 working days (weekends) that go with it
    quote: str = Field(min_length=1, pattern=r"\S")  # the notice's words for this holiday


class HolidaySchedule(Strict):
    year: int = Field(ge=2000, le=2099)
    title: str = Field(min_length=1, pattern=r"\S")  # 国务院办公厅关于2027年部分节假日安排的通知
    number: str = Field(min_length=1, pattern=r"\S")  # 国办发明电〔2026〕N号
    issued: dt.date  # the notice's date
    url: str | None = Field(default=None, pattern=r"^https://\S+$")
    # A made-up schedule for tests: its periods say so, and a production build refuses it.
    fixture: bool = False
    holidays: list[Holiday] = Field(min_length=1)
