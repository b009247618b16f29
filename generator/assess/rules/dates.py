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
