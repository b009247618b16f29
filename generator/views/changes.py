"""What changed between two editions of a scheme, from the data alone: conditions, award tiers, quotas, notice
periods, key dates, stage weights and penalties added, removed or changed, each with the quotes of both sides.
The scheme's 修订内容 page prints it (templates/scheme/changes.md.j2)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from generator.model.scheme import Cite, Scheme
from generator.views.compare import period_text
from generator.views.formats import yuan


@dataclass(frozen=True)
class Side:
    """One edition's wording of an item: what it says, in words, and its clause and quote."""

    text: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Change:
    section: str  # 申报条件, 奖项设置 …
    key: str  # the item's id within its section
    kind: str  # added | removed | changed
    title: str
    before: Side | None
    after: Side | None


def _rule_words(explain: Callable[[Any], str]) -> Callable[[Any], str]:
    def words(c: Any) -> str:
        how = explain(c.rule) if c.rule else "由评审专家判断"
        return f"{c.title}（{how}）"
    return words


def _tier(t: Any) -> str:
    prize = f"；奖金 {yuan(t.prize_yuan)}" if t.prize_yuan is not None else ""
    prize = prize or (f"；{t.prize_text}" if t.prize_text else "")
    return f"{t.name}：{t.cap_text}{prize}"


def _sections(explain: Callable[[Any], str]) -> tuple[tuple[str, Callable[[Scheme], Iterable], Callable, Callable,
                                                              Callable], ...]:
    """(section, items of a scheme, key of an item, its words, its cite), in page order."""
    return (
        ("申报条件", lambda s: s.conditions, lambda c: c.id, _rule_words(explain), lambda c: c.cite),
        ("奖项设置", lambda s: s.tiers, lambda t: t.id, _tier, lambda t: (t.cite, t.prize_cite)),
        ("名额", lambda s: s.quotas, lambda q: q.level, lambda q: f"{q.level}级：{q.per}不超过 {q.max} 家",
         lambda q: q.cite),
        ("公示", lambda s: s.notices, lambda n: n.kind,
         lambda n: f"{n.title}：{period_text(n.period) if n.period else '未规定期限'}", lambda n: n.cite),
        ("关键日期", lambda s: s.key_dates, lambda k: k.id,
         lambda k: f"{k.label}：{k.when}" + (f"（{k.start or ''}—{k.end or ''}）" if k.start or k.end else ""),
         lambda k: k.cite),
        ("评审环节与权重", lambda s: s.stages, lambda st: st.id,
         lambda st: st.name + (f"，占 {st.weight_percent}%" if st.weight_percent is not None else ""),
         lambda st: (st.cite, st.weight_cite)),
        ("惩戒", lambda s: s.penalties, lambda p: p.id,
         lambda p: p.title + (f"（{p.ban_years} 年内不得申报）" if p.ban_years else ""), lambda p: p.cite),
    )


def _cites(found: Cite | tuple | None) -> tuple[Cite, ...]:
    items = found if isinstance(found, tuple) else (found,)
    return tuple(c for c in items if c is not None)


def what_changed(old: Scheme, new: Scheme, explain: Callable[[Any], str]) -> list[Change]:
    """The changes from ``old`` to ``new``; an item is the same item in both when its id (or kind, level) is.
    Changed means its words or its quote differ."""
    changes: list[Change] = []
    for section, items, key, words, cite in _sections(explain):
        before = {key(x): x for x in items(old)}
        after = {key(x): x for x in items(new)}
        for k in [*before, *(k for k in after if k not in before)]:
            a, b = before.get(k), after.get(k)
            side_a = Side(words(a), _cites(cite(a))) if a is not None else None
            side_b = Side(words(b), _cites(cite(b))) if b is not None else None
            if side_a and side_b:
                if side_a.text == side_b.text and [c.quote for c in side_a.cites] == [c.quote for c in side_b.cites]:
                    continue
                kind = "changed"
            else:
                kind = "added" if side_b else "removed"
            title = (b or a).title if hasattr(b or a, "title") else (side_b or side_a).text.split("：")[0]
            changes.append(Change(section, str(k), kind, title, side_a, side_b))
    return changes
