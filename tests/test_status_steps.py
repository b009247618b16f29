"""A notice's status is stated once (LoadedNotice.status, status_label): the steps the build writes for the page
script give the same status and label on every day, in Python and in the browser's status-steps.mjs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.core.periods import Period
from generator.model.notice import LoadedNotice
from tests.conftest import ROOT, node_tests

D0 = dt.date(2026, 11, 20)


@st.composite
def notices(draw: st.DrawFn) -> LoadedNotice:
    published = D0 + dt.timedelta(days=draw(st.integers(-400, 400)))
    period = None
    if draw(st.booleans()):
        start = published + dt.timedelta(days=draw(st.integers(-2, 6)))
        end = start + dt.timedelta(days=draw(st.integers(0, 40)))
        period = Period(start=start, end=end, rule="测试")
    withdrawn = None
    if draw(st.booleans()):
        withdrawn = SimpleNamespace(date=published + dt.timedelta(days=draw(st.integers(-3, 60))))
    return LoadedNotice(path="public_lists/x/2026/x.yaml", notice=SimpleNamespace(published=published,
                                                                                  withdrawn=withdrawn), period=period)


def days_around(n: LoadedNotice) -> list[dt.date]:
    first = n.notice.published - dt.timedelta(days=5)
    last = max([n.notice.published, *([n.period.end] if n.period else []),
                *([n.notice.withdrawn.date] if n.notice.withdrawn else [])]) + dt.timedelta(days=5)
    return [first + dt.timedelta(days=k) for k in range((last - first).days + 1)]


def pick(steps: list, day: dt.date) -> tuple[str, str]:
    """The page script's rule (status-steps.mjs stepOn), for the Python side of the comparison."""
    found = [s for s in steps if s[0] is None or s[0] <= day.isoformat()][-1]
    return found[1], found[2]


@settings(max_examples=300, derandomize=True, deadline=None)
@given(notices())
def test_the_steps_give_the_status_and_label_of_every_day(n: LoadedNotice) -> None:
    steps = n.status_steps()
    assert [s[0] for s in steps[1:]] == sorted(s[0] for s in steps[1:]) and steps[0][0] is None
    assert all(a[1:] != b[1:] for a, b in zip(steps, steps[1:], strict=False))  # a step is a change
    for day in days_around(n):
        assert pick(steps, day) == (n.status(day), n.status_label(day)), (day, steps)


def test_the_open_label_counts_the_days_left_and_the_last_day_counts() -> None:
    n = LoadedNotice(path="p", notice=SimpleNamespace(published=D0, withdrawn=None),
                     period=Period(start=D0 + dt.timedelta(days=1), end=D0 + dt.timedelta(days=7), rule="r"))
    assert n.status_label(D0) == "已发布，公示期未开始，2026-11-21 起"
    assert n.status_label(D0 + dt.timedelta(days=1)) == "正在公示，剩余 7 天"
    assert n.status_label(D0 + dt.timedelta(days=7)) == "正在公示，剩余 1 天"
    assert n.status_label(D0 + dt.timedelta(days=8)) == "已结束"


def test_the_page_script_picks_what_python_says(tmp_path: Path) -> None:
    cases = []

    @settings(max_examples=60, derandomize=True, deadline=None)
    @given(notices())
    def collect(n: LoadedNotice) -> None:
        cases.append({"steps": n.status_steps(),
                      "answers": [(d.isoformat(), n.status(d), n.status_label(d)) for d in days_around(n)]})

    collect()
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    node_tests("status-steps.test.mjs", passes=2, env={"STATUS_CASES": str(path)})


def test_no_status_rule_is_left_in_the_page_script() -> None:
    """The script only picks the build's steps: no status's name or label of its own."""
    for name in ("templates/notices.js.j2", "site_src/assets/javascripts/status-steps.mjs"):
        text = (ROOT / name).read_text(encoding="utf-8")
        code = "\n".join(line.split("//")[0] for line in text.splitlines())
        for word in ('"open"', '"scheduled"', '"closed"', "剩余", "已结束", "正在公示"):
            assert word not in code, (name, word)
