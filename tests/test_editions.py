"""Document statuses are computed from dates (generator/assess/edition.py), never typed in: on the pages (at the
build date, then on the reader's day in the browser) and in every result's ``edition``."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.assess.edition import DOCUMENT_STATUSES, document_timeline, replaced_timeline, status_on

D = dt.date.fromisoformat


def _doc(id_: str, **kw) -> dict:
    return {"id": id_, "title": id_, **kw}


def _statuses(scheme: dict, doc: dict, days: list[str]) -> list[str]:
    timeline = document_timeline(scheme, doc)
    return [status_on(timeline, D(day)) for day in days]


def test_a_yearly_call_is_closed_the_day_after_its_last_window():
    scheme = {"documents": [_doc("call")], "call": {"edition": "2023年度", "document": "call",
                                                     "windows": [{"key_date": "apply"}]},
              "key_dates": [{"id": "apply", "start": "2023-05-04", "end": "2023-05-30"}]}
    doc = scheme["documents"][0]
    assert _statuses(scheme, doc, ["2023-05-30", "2023-05-31", "2026-11-23"]) == ["in_force", "closed", "closed"]


def test_a_window_without_an_end_never_closes_the_call():
    scheme = {"documents": [_doc("call")], "call": {"edition": "2024年度", "document": "call",
                                                     "windows": [{"key_date": "a"}, {"key_date": "b"}]},
              "key_dates": [{"id": "a", "end": "2024-04-26"}, {"id": "b"}]}
    assert _statuses(scheme, scheme["documents"][0], ["2026-11-23"]) == ["in_force"]


def test_effective_dates_and_a_later_edition_that_repeals():
    """A fixture edition: the 2020 细则 in force from 2020-06-01 until the 2024 one takes effect on 2024-07-01;
    before that day the new text is 尚未施行 and the old one only 拟废止."""
    old = _doc("old", effective_from="2020-06-01")
    new = _doc("new", effective_from="2024-07-01", replaces=[{"title": "old", "document": "old"}])
    scheme = {"documents": [old, new]}
    days = ["2020-05-31", "2020-06-01", "2024-06-30", "2024-07-01"]
    assert _statuses(scheme, old, days) == ["pending", "in_force", "in_force", "repealed"]
    assert _statuses(scheme, new, days) == ["pending", "pending", "pending", "in_force"]
    replaced = replaced_timeline(scheme, new)
    assert [status_on(replaced, D(day)) for day in days] == ["to_be_repealed"] * 3 + ["repealed"]


def test_a_draft_is_never_in_force_and_what_it_would_repeal_is_only_to_be_repealed():
    old = _doc("old")
    draft = _doc("draft", draft=True, effective_from="2023-01-01", replaces=[{"title": "old", "document": "old"}])
    scheme = {"documents": [old, draft]}
    assert _statuses(scheme, draft, ["2022-01-01", "2030-01-01"]) == ["draft", "draft"]
    assert _statuses(scheme, old, ["2030-01-01"]) == ["in_force"]
    assert replaced_timeline(scheme, draft) == [(None, "to_be_repealed")]


def test_a_text_lapses_the_day_after_effective_to():
    doc = _doc("d", effective_from="2021-01-01", effective_to="2025-12-31")
    assert _statuses({"documents": [doc]}, doc, ["2025-12-31", "2026-01-01"]) == ["in_force", "expired"]


def test_every_status_has_a_label():
    assert set(DOCUMENT_STATUSES) == {"in_force", "closed", "draft", "pending", "expired", "repealed",
                                      "to_be_repealed"}


def test_the_model_refuses_dates_without_their_clause_and_unknown_replaced_documents(portal):
    from pydantic import ValidationError

    from generator.model.scheme import Document, Scheme

    with pytest.raises(ValidationError, match="effective_cite"):
        Document(id="d", title="t", issuer="i", source="000_0000000000000000.txt",
                 effective_from=dt.date(2020, 1, 1))
    scheme = next(s for s in portal.schemes if s.id == "jiaxing-mayor-quality-award")
    data = scheme.model_dump()
    data["documents"][0]["replaces"][0]["document"] = "nowhere"
    with pytest.raises(ValidationError, match="replaces 'nowhere'"):
        Scheme.model_validate(data)


def test_pages_state_each_documents_status(site):
    """On the build date (2026 or later): the 2023 Suzhou and 2024 Jiangsu calls are 已截止, Yancheng's text is a
    draft, and the 2021 办法 that draft would repeal is 拟废止, not 已废止."""
    from html import unescape

    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.count("qp-ds-closed") == 2 and "征求意见稿，尚未施行" in home
    yancheng = unescape((site / "schemes" / "yancheng-mayor-quality-award" / "index.html").read_text(encoding="utf-8"))
    repealed = yancheng[yancheng.index("废止文件"):]
    assert "盐政规发﹝2021﹞7号" in repealed and "拟废止" in repealed[:400] and ">已废止<" not in repealed[:400]
    jiaxing = unescape((site / "schemes" / "jiaxing-mayor-quality-award" / "index.html").read_text(encoding="utf-8"))
    assert "本实施细则自发布之日起执行" in jiaxing and ">已废止<" in jiaxing  # the 2016 细则, repealed in 2020


@pytest.mark.browser
def test_the_readers_day_picks_the_status(browser, server):
    """A page built later, read on 2023-05-20: the Suzhou call is 现行 again, from the steps the build wrote."""
    context = browser.new_context()
    page = context.new_page()
    page.clock.set_fixed_time(dt.datetime(2023, 5, 20, 10, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    page.goto(server)
    suzhou = page.locator(".qp-card", has_text="苏州市质量奖").locator(".qp-doc-status")
    assert suzhou.inner_text() == "现行"
    jiangsu = page.locator(".qp-card", has_text="江苏省质量信用").locator(".qp-doc-status")
    assert jiangsu.inner_text() == "现行"
    page.clock.set_fixed_time(dt.datetime(2024, 4, 27, 10, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    page.reload()
    assert suzhou.inner_text() == "已截止" and jiangsu.inner_text() == "已截止"
    context.close()
