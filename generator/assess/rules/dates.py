"""Counting years the way the rules' texts do. Standard library only."""

from __future__ import annotations

import datetime as dt

from generator.assess.rules.registry import FAIL, PASS, UNKNOWN


def add_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def year_status(years: list[int], within: int, as_of: dt.date) -> str:
    """Whether some year of ``years`` lies within the last ``within`` years before ``as_of``.

    A year lies wholly inside when it is later than ``as_of.year - within``; the year
    ``as_of.year - within`` lies partly inside, so it alone gives unknown."""
    if any(as_of.year - within < y <= as_of.year for y in years):
        return PASS
    if any(y == as_of.year - within for y in years):
        return UNKNOWN
    return FAIL


ONE_DAY = dt.timedelta(days=1)


def first_day_outside(day: dt.date, within: int) -> dt.date:
    """The first ``as_of`` whose window of the last ``within`` years, (as_of − N years, as_of], no longer holds
    ``day`` (29 February made exact: add_years moves it to 28 February)."""
    candidate = add_years(day, within)
    if day.month != 2 or day.day < 28:
        return candidate  # away from 29 February, N years on is exactly the first day outside
    while add_years(candidate, -within) >= day and add_years(candidate - ONE_DAY, -within) >= day:
        candidate -= ONE_DAY
    while add_years(candidate, -within) < day:
        candidate += ONE_DAY
    return candidate


def year_changes(year: int, within: int) -> set[dt.date]:
    """The days a year-dated record enters "the last N years", then straddles its edge, then leaves it."""
    days = set()
    for y in (year, year + within, year + within + 1):
        if dt.MINYEAR <= y <= dt.MAXYEAR:
            days.add(dt.date(y, 1, 1))
    return days
