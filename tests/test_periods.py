"""Notice periods around weekends, 调休 and holidays. Expected ends are counted by hand from the
State Council holiday schedules (quoted per case) and 《民法典》第二百零一条、第二百零三条."""

import datetime as dt

import pytest

from generator.core.periods import PeriodError, calendar_days, working_days

D = dt.date.fromisoformat


@pytest.mark.parametrize(("published", "days", "start", "end"), [
    # FACTS.md: 2025 National Day 10-01..10-08 off; a 7-day notice published 09-30 runs to 10-09.
    ("2025-09-30", 7, "2025-10-01", "2025-10-09"),
    # A real county notice: 公示期 2023-12-07 至 2023-12-14 (Thursday to Thursday, no holiday).
    ("2023-12-07", 7, "2023-12-08", "2023-12-14"),
    # Published Sunday 2026-11-15: day 7 is Sunday 11-22, a rest day, so the period ends Monday 11-23.
    ("2026-11-15", 7, "2026-11-16", "2026-11-23"),
    # 2026 春节: 2月15日至23日放假. Published 02-10, day 7 is 02-17 (holiday): runs to 02-24.
    ("2026-02-10", 7, "2026-02-11", "2026-02-24"),
    # Day 7 on a 调休 working Saturday (2026-02-28 上班) stays there.
    ("2026-02-21", 7, "2026-02-22", "2026-02-28"),
])
def test_calendar_days(published, days, start, end):
    period = calendar_days(D(published), days)
    assert (period.start, period.end) == (D(start), D(end))


@pytest.mark.parametrize(("published", "days", "start", "end"), [
    # FACTS.md: 5 working days published 2025-09-26 run to 2025-10-10 (09-28 Sunday is a 调休 working day).
    ("2025-09-26", 5, "2025-09-28", "2025-10-10"),
    # 2026 春节: 02-14 (周六) 上班; 02-15..23 off. Published 02-11: 12, 13, 14, 24, 25.
    ("2026-02-11", 5, "2026-02-12", "2026-02-25"),
    # 2026 国庆: 10-01..07 off, 10-10 (周六) 上班. Published 09-29: 30, 10-08, 09, 10, 12.
    ("2026-09-29", 5, "2026-09-30", "2026-10-12"),
    # Published on a Friday, no holiday: Mon..Fri of the next week.
    ("2026-11-13", 5, "2026-11-16", "2026-11-20"),
])
def test_working_days(published, days, start, end):
    period = working_days(D(published), days)
    assert (period.start, period.end) == (D(start), D(end))


def test_a_year_without_holiday_data_is_an_error_not_a_guess():
    with pytest.raises(PeriodError, match="2027年的国务院节假日安排尚未收录"):
        calendar_days(D("2026-12-28"), 7)  # ends in 2027
    with pytest.raises(PeriodError, match="holidays/2027.yaml"):  # says which file to add
        working_days(D("2026-12-22"), 5)  # the 5th working day would be 12-29: it waits for 2027's schedule
