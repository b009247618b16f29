"""Holiday schedules as cited data (holidays/<year>.yaml) where chinesecalendar lags: checked, counted, agreeing.

The 2027 schedule used here is tests/fixtures/holidays/2027.yaml, a made-up file marked ``fixture: true``: its
dates are invented for the tests, not the State Council's."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from chinese_calendar import constants
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import ROOT
from generator.core.periods import LIBRARY, PeriodError, Schedule, WorkCalendar, library_years, required_period
from generator.load.holidays import calendar_from_json, calendar_json, load_holidays, quoted

D = dt.date.fromisoformat
FIXTURE = ROOT / "tests" / "fixtures" / "holidays" / "2027.yaml"
WEEKDAYS = "一二三四五六日"
CHINESE = {"New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节",
           "Labour Day": "劳动节", "Dragon Boat Festival": "端午节", "National Day": "国庆节",
           "Mid-autumn Festival": "中秋节", "Anti-Fascist 70th Day": "中国人民抗日战争胜利70周年纪念日"}


DEC_4 = D("2026-12-04")


def holidays_of(root: Path, *files: tuple[str, str], today: dt.date = DEC_4):
    folder = root / "holidays"
    folder.mkdir(exist_ok=True)
    for name, text in files:
        (folder / name).write_text(text, encoding="utf-8")
    return load_holidays(root, today)


def test_the_fixture_counts_a_period_across_the_new_year(tmp_path):
    """A 5-working-day notice published 2026-12-28: refused without 2027, counted with the (made-up) 2027 file."""
    with pytest.raises(PeriodError, match="2027年的国务院节假日安排尚未收录") as refused:
        required_period(D("2026-12-28"), 5, "working")
    assert refused.value.year == 2027 and "holidays/2027.yaml" in str(refused.value)
    calendar, problems, warnings = holidays_of(tmp_path, ("2027.yaml", FIXTURE.read_text(encoding="utf-8")))
    assert problems == [] and warnings == []
    period = required_period(D("2026-12-28"), 5, "working", calendar)
    # 12-29, 12-30, 12-31, (01-01..03 rest in the fixture), 01-04, 01-05.
    assert (period.start, period.end) == (D("2026-12-29"), D("2027-01-05"))
    assert "测试用的虚构安排" in period.rule  # a made-up schedule says so wherever its period is shown
    # A 调休 working Saturday of the fixture counts; its holidays do not.
    assert calendar.is_workday(D("2027-02-20")) and not calendar.is_workday(D("2027-02-08"))


def test_the_last_days_of_a_year_wait_for_the_next_years_schedule():
    """元旦 has reached back to 12-29 (2007): from 12-25 on, a day is not counted before the next year is known."""
    assert LIBRARY.is_workday(D("2026-12-24"))
    with pytest.raises(PeriodError, match="2027"):
        LIBRARY.is_workday(D("2026-12-25"))
    with pytest.raises(PeriodError, match="2031"):
        LIBRARY.is_workday(D("2031-02-01"))


def _quote(name: str, days: list[dt.date], work: list[dt.date]) -> str:
    """The State Council's wording for a rest range and its working days (generated, for the conversion test)."""
    def day(d: dt.date, year_of: int, month_of: int | None = None) -> str:
        text = (f"{d.year}年" if d.year != year_of else "") + (f"{d.month}月" if d.month != month_of else "")
        return f"{text}{d.day}日（周{WEEKDAYS[d.weekday()]}）"

    year = max(days).year
    first, last = days[0], days[-1]
    rest = (f"{day(first, year)}放假{len(days)}天" if first == last else
            f"{day(first, year)}至{day(last, first.year, first.month)}放假，共{len(days)}天")
    shown = "、".join(day(d, year) for d in work)
    return f"{name}：{rest}。" + (f"{shown}上班。" if work else "")


def library_files() -> dict[int, str]:
    """chinesecalendar's 2004–2026 written as holidays/<year>.yaml files, one per year. Days of 元旦 in December
    belong to the next year's notice, as the State Council writes them."""
    def year_of(day: dt.date, name: str) -> int:
        return day.year + 1 if name == "New Year's Day" and day.month == 12 else day.year

    rest: dict[int, dict[str, list[dt.date]]] = {}
    for day, name in sorted(constants.holidays.items()):
        rest.setdefault(year_of(day, name), {}).setdefault(name, []).append(day)
    work: dict[tuple[int, str], list[dt.date]] = {}
    for day, name in sorted(constants.workdays.items()):
        work.setdefault((year_of(day, name), name), []).append(day)
    files = {}
    for year in library_years():
        lines = [f"year: {year}", f"title: 国务院办公厅关于{year}年部分节假日安排的通知（由 chinesecalendar 转写）",
                 f"number: 国办发明电〔{year - 1}〕1号", f"issued: {year - 1}-12-01", "holidays:"]
        for name, days in rest.get(year, {}).items():
            runs: list[list[dt.date]] = []
            for d in days:
                if runs and d - runs[-1][-1] == dt.timedelta(days=1):
                    runs[-1].append(d)
                else:
                    runs.append([d])
            for k, run in enumerate(runs):
                mine = [w for w in work.get((year, name), [])
                        if k == min(range(len(runs)), key=lambda i, w=w: abs((runs[i][0] - w).days))]
                lines += [f"  - name: {CHINESE[name]}", f"    first: {run[0]}", f"    last: {run[-1]}",
                          f"    work: [{', '.join(map(str, mine))}]",
                          f"    quote: {_quote(CHINESE[name], run, mine)}"]
        files[year] = "\n".join(lines) + "\n"
    return files


def test_the_library_turned_into_files_agrees_day_by_day(tmp_path):
    """Each of chinesecalendar's years as a holidays/ file passes the check (quotes, weekdays, overlaps, and the
    day-by-day agreement with the library), and the files alone give the library's answer for every day."""
    files = library_files()
    assert len(files) == 23  # 2004..2026
    calendar, problems, _ = holidays_of(tmp_path, *((f"{y}.yaml", text) for y, text in files.items()))
    assert problems == []
    alone = WorkCalendar.of(calendar.schedules.values(), library=range(0))
    day, checked = D("2004-01-01"), 0
    while day < D("2026-12-25"):  # the last days of 2026 wait for 2027
        assert alone.is_workday(day) == LIBRARY.is_workday(day), day
        day += dt.timedelta(days=1)
        checked += 1
    assert checked == 8394
    # The office editor reads the same calendar back from its JSON.
    assert calendar_from_json(calendar_json(calendar)).schedules == calendar.schedules


def test_a_file_that_disagrees_with_the_library_is_refused(tmp_path):
    """A schedule whose words and dates agree with each other but not with chinesecalendar: 2025's 劳动节 said to
    begin on 05-02."""
    text = library_files()[2025]
    for old, new in [("first: 2025-05-01", "first: 2025-05-02"),
                     ("5月1日（周四）至5日（周一）放假，共5天", "5月2日（周五）至5日（周一）放假，共4天")]:
        assert text.count(old) == 1
        text = text.replace(old, new)
    _, problems, _ = holidays_of(tmp_path, ("2025.yaml", text))
    assert [p.code for p in problems] == ["holidays.library_disagrees"]
    assert "2025-05-01（本文件：上班）" in problems[0].message


FIXTURE_TEXT = FIXTURE.read_text(encoding="utf-8")


@pytest.mark.parametrize(("old", "new", "code", "line"), [
    ("year: 2027", "year: 2028", "holidays.file_name", 3),
    ("title: 测试用虚构的2027年", "title: 测试用虚构的", "holidays.title_year", 4),
    ("\nfixture: true", "\nfixture: false", "holidays.number", 5),
    ("issued: 2026-11-01", "issued: 2024-11-01", "holidays.issued", 6),
    ("work: [2027-02-20]", "work: [2027-02-19]", "holidays.work_weekday", 16),
    ("    last: 2027-04-05", "    last: 2027-04-01", "holidays.range_order", 20),
    # the quote's range and the dates differ
    ("清明节：4月3日（周六）至5日", "清明节：4月3日（周六）至6日", "holidays.quote_rest", 21),
    # 共N天 is not the length of the range
    ("放假，共3天。\n  - name: 劳动节", "放假，共4天。\n  - name: 劳动节", "holidays.quote_count", 21),
    # a 调休 day in the dates that the words do not give
    ("4月25日（周日）、5月8日（周六）上班", "5月8日（周六）上班", "holidays.quote_work", 26),
    # a weekday that the date does not fall on
    ("6月9日（周三）", "6月9日（周四）", "holidays.quote_weekday", 30),
    # rest ranges overlap
    ("    first: 2027-09-15\n    last: 2027-09-15", "    first: 2027-10-01\n    last: 2027-10-01",
     "holidays.overlap", 36),
    ("    first: 2027-01-01", "    first: 2026-12-01", "holidays.outside_year", 10),
    # a 调休 day inside the holiday itself (the words say so too, so only this check speaks)
    ("work: [2027-02-20]", "work: [2027-02-06]", "holidays.work_in_rest", 16),
    # words that give no rest day
    ("quote: 五、端午节：6月9日（周三）放假1天。", "quote: 五、端午节：另行通知。", "holidays.quote_no_rest", 30),
])
def test_each_mistake_is_refused_at_its_line(tmp_path, old, new, code, line):
    assert FIXTURE_TEXT.count(old) == 1, old
    name = "2027.yaml"
    calendar, problems, _ = holidays_of(tmp_path, (name, FIXTURE_TEXT.replace(old, new)))
    assert code in [p.code for p in problems], problems
    found = next(p for p in problems if p.code == code)
    assert (found.path, found.line) == (f"holidays/{name}", line) and "：" in found.message
    assert 2027 not in calendar.schedules and 2028 not in calendar.schedules  # a refused file counts nothing


def test_the_folder_holds_only_schedules(tmp_path):
    folder = tmp_path / "holidays"
    folder.mkdir()
    (folder / "2027.yml").write_text("year: 2027\n", encoding="utf-8")
    (folder / "old").mkdir()
    _, problems, _ = load_holidays(tmp_path, D("2026-12-04"))
    assert sorted((p.path, p.code) for p in problems) == [("holidays/2027.yml", "holidays.not_yaml"),
                                                          ("holidays/old", "holidays.not_file")]


def test_a_made_up_schedule_is_refused_by_a_production_build(notices_project):
    from generator.load.portal import load_portal

    (notices_project / "holidays").mkdir(exist_ok=True)
    shutil.copy(FIXTURE, notices_project / "holidays" / "2027.yaml")
    codes = [p.code for p in load_portal(notices_project, production=True, today=D("2026-12-04")).problems]
    assert "holidays.fixture_production" in codes


@pytest.mark.parametrize(("today", "years"), [
    (D("2026-10-31"), []),  # before 1 November nothing is said
    (D("2026-11-01"), [2027]),  # from 1 November: the next year
    (D("2031-02-01"), [2031]),  # the build's own year, which nothing covers
])
def test_check_reminds_before_the_next_year_is_needed(tmp_path, today, years):
    _, problems, warnings = holidays_of(tmp_path, today=today)
    assert problems == []
    assert [w.path for w in warnings] == [f"holidays/{y}.yaml" for y in years]
    assert all(w.message.startswith("提醒：") for w in warnings)


def test_the_quote_reader():
    said = quoted("二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。"
                  "1月26日（周日）、2月8日（周六）上班。", 2025)
    assert said["rest"] == (D("2025-01-28"), D("2025-02-04")) and said["count"] == 8
    assert said["work"] == [D("2025-01-26"), D("2025-02-08")]
    assert all(day.weekday() == weekday for day, weekday in said["weekdays"])
    said = quoted("元旦：2011年12月31日（星期六）上班。2012年1月1日至3日放假调休，共3天。", 2012)
    assert said["rest"] == (D("2012-01-01"), D("2012-01-03")) and said["work"] == [D("2011-12-31")]


# --- the legal period as an invariant, over generated dates and calendars ------------------------------------------

@st.composite
def calendars(draw):
    """A made-up schedule for 2040: a few rest ranges and weekend working days, never both on one day."""
    rest: set[dt.date] = set()
    for _ in range(draw(st.integers(0, 6))):
        first = D("2040-01-01") + dt.timedelta(days=draw(st.integers(0, 350)))
        rest |= {first + dt.timedelta(days=k) for k in range(draw(st.integers(1, 8)))}
    weekends = [D("2040-01-01") + dt.timedelta(days=k) for k in range(366)]
    work = {d for d in weekends if d.weekday() >= 5 and d not in rest and draw(st.booleans()) and d.day % 7 == 0}
    schedule = Schedule(2040, "测试", "测试", frozenset(d for d in rest if d.year == 2040), frozenset(work), True)
    return WorkCalendar.of([schedule], library=range(2039, 2040))


@settings(max_examples=300, derandomize=True, deadline=None)
@given(calendar=calendars(), offset=st.integers(0, 340), days=st.integers(1, 30),
       unit=st.sampled_from(["working", "calendar"]))
def test_a_period_is_legal_or_refused(calendar, offset, days, unit):
    """Whatever the calendar: the publication day is not counted, the period holds ``days`` working days (or
    calendar days ending on a working day, moved only across rest days), and a day the calendar cannot decide is
    an error, never a guess."""
    published = D("2040-01-01") + dt.timedelta(days=offset)
    try:
        period = required_period(published, days, unit, calendar)
    except PeriodError as exc:
        assert exc.year == 2041  # only the unknown 2041 (or the last days of 2040) can stop it
        return
    assert published < period.start <= period.end and calendar.is_workday(period.end)
    span = [period.start + dt.timedelta(days=k) for k in range((period.end - period.start).days + 1)]
    if unit == "working":
        assert sum(map(calendar.is_workday, span)) == days and calendar.is_workday(period.start)
    else:
        nominal = published + dt.timedelta(days=days)
        assert period.end >= nominal and not any(calendar.is_workday(d) for d in span if nominal <= d < period.end)


def test_the_guides_example_passes_the_check_as_written(tmp_path):
    """The office guide's holidays/<year>.yaml example (site_src/office.md) is a file the check accepts."""
    import re

    guide = (ROOT / "site_src" / "office.md").read_text(encoding="utf-8")
    example = next(b for b in re.findall(r"```yaml\n(.*?)```", guide, re.S) if "holidays:" in b)
    year = re.search(r"^year: (\d{4})", example, re.M)[1]
    calendar, problems, _ = holidays_of(tmp_path, (f"{year}.yaml", example))
    assert problems == [] and int(year) in calendar.schedules


HAIZHOU_DEC = """scheme: haizhou-quality-award
kind: acceptance
title: 2027年度海州质量奖申报受理名单公示（测试）
issuer: 海州区质量发展委员会办公室
published: 2026-12-28
{end}entries:
  - {{organisation: 连云港板浦纺织有限公司, credit_code: 91320706AY4CL12THY}}
objections: {{receiver: 区质量发展委员会办公室, phone: "0518-85551234"}}
"""
DEC_PATH = "public_lists/haizhou-quality-award/2026/2026-12-28-acceptance.yaml"


def _with_notice(project: Path, end: str = "") -> None:
    (project / DEC_PATH).write_text(HAIZHOU_DEC.format(end=end), encoding="utf-8")


@pytest.mark.parametrize("end", ["", "end: 2026-12-31\n", "end: 2026-12-29\n", "end: 2027-03-01\n"])
def test_a_period_that_cannot_be_counted_is_refused_whatever_end_says(notices_project, end):
    """Without 2027's schedule, 5 working days from 2026-12-28 cannot be counted, so no ``end`` is accepted."""
    from generator.load.portal import load_portal

    _with_notice(notices_project, end)
    problems = [p for p in load_portal(notices_project, today=D("2026-12-28")).problems if p.path == DEC_PATH]
    assert [p.code for p in problems] == ["notice.holidays_unknown"]
    assert problems[0].line == 5 and "2027" in problems[0].message and "holidays/2027.yaml" in problems[0].message


def test_with_a_schedule_the_check_the_cli_the_page_and_the_editor_count_the_same(notices_project, tmp_path):
    """With the (made-up) 2027 file: check refuses an end before 2027-01-05, notice-period prints the period, the
    notice page shows it with the fixture's caveat, and the office editor's check in Pyodide gives the same."""
    import json
    import subprocess
    import sys

    from generator.build import build_site
    from generator.load.portal import load_portal
    from tests.conftest import on_day

    shutil.copy(FIXTURE, notices_project / "holidays" / "2027.yaml")
    _with_notice(notices_project, "end: 2027-01-04\n")
    problems = [p for p in load_portal(notices_project, today=D("2026-12-28")).problems if p.path == DEC_PATH]
    assert [p.code for p in problems] == ["notice.period_short"] and "2027-01-05" in problems[0].message
    _with_notice(notices_project)
    with on_day(D("2026-12-28")):
        out = subprocess.run([sys.executable, "-m", "generator", "--root", str(notices_project), "notice-period",
                              "--scheme", "haizhou-quality-award", "--kind", "acceptance", "--published",
                              "2026-12-28", "--json"], capture_output=True, text=True, timeout=120)
        site = build_site(notices_project, tmp_path / "site")
    assert out.returncode == 0, out.stderr
    assert (json.loads(out.stdout)["start"], json.loads(out.stdout)["end"]) == ("2026-12-29", "2027-01-05")
    page = (site / "notices" / DEC_PATH.removeprefix("public_lists/").removesuffix(".yaml") / "index.html")
    html = page.read_text(encoding="utf-8")
    assert "2026-12-29" in html and "2027-01-05" in html and "测试用的虚构安排" in html
    runner = ROOT / "tests" / "node" / "run_office.mjs"
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps([{"path": DEC_PATH, "text": HAIZHOU_DEC.format(end="")}], ensure_ascii=False),
                     encoding="utf-8")
    out = subprocess.run(["node", str(runner), str(site), str(cases), "2026-12-28"], capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    (answer,) = json.loads(out.stdout)
    assert answer["problems"] == [] and (answer["period"]["start"], answer["period"]["end"]) == (
        "2026-12-29", "2027-01-05")


def test_new_notice_on_a_day_it_cannot_count_says_why_and_the_check_refuses_it(notices_project):
    """`new-notice` on 2026-12-28 (China time, from SOURCE_DATE_EPOCH): the file is dated that day, its period is a
    comment saying which schedule is missing, and the check refuses the notice until it is added."""
    import subprocess
    import sys

    from generator.load.portal import load_portal
    from tests.conftest import on_day

    with on_day(D("2026-12-28")):
        out = subprocess.run([sys.executable, "-m", "generator", "--root", str(notices_project), "new-notice",
                              "--scheme", "haizhou-quality-award", "--kind", "acceptance"],
                             capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == DEC_PATH, out.stderr
    text = (notices_project / DEC_PATH).read_text(encoding="utf-8")
    assert "published: 2026-12-28" in text and "\nend:" not in text and "holidays/2027.yaml" in text
    for blank, filled in [('issuer: ""', "issuer: 海州区质量发展委员会办公室"),
                          ('organisation: ""', "organisation: 连云港板浦纺织有限公司"),
                          ('credit_code: ""', "credit_code: 91320706AY4CL12THY"),
                          ('receiver: ""', "receiver: 区质量发展委员会办公室"),
                          ('phone: ""', 'phone: "0518-85551234"')]:
        assert text.count(blank) == 1, blank
        text = text.replace(blank, filled)
    (notices_project / DEC_PATH).write_text(text, encoding="utf-8")
    codes = [p.code for p in load_portal(notices_project, today=D("2026-12-28")).problems if p.path == DEC_PATH]
    assert codes == ["notice.holidays_unknown"]
