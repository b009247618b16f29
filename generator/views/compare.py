"""The side-by-side comparison: one row per aspect, one cell per scheme, all read off the YAML."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.assess.rules import facts
from generator.assess.rules.fact import years_required
from generator.assess.rules.records import window_years
from generator.assess.terms import AREA_LEVELS, NOTICE_KINDS, PERIOD_UNITS
from generator.model.scheme import Cite, PeriodRule, Scheme
from generator.views.formats import yuan


@dataclass(frozen=True)
class Cell:
    text: str
    cite: Cite | None = None


def period_text(period: PeriodRule | None) -> str:
    if period is None:
        return "源文件未规定期限"
    return f"{'不少于' if period.minimum else ''}{period.days}{PERIOD_UNITS[period.unit]}"


def _years_operating(s: Scheme) -> list[Cell]:
    return [Cell(f"{years}年以上", c.cite) for c in s.conditions
            if (years := years_required(c.rule, "established")) is not None]


def _certificates(s: Scheme) -> list[Cell]:
    return [Cell(c.title, c.cite) for c in s.conditions
            if facts(c.rule) & {"management_systems", "excellence_model_since"}]


def _windows(s: Scheme) -> list[Cell]:
    return [Cell(c.title, c.cite) for c in s.conditions if window_years(c.rule) is not None]


def _bans(s: Scheme) -> list[Cell]:
    return [Cell(p.title, p.cite) for p in s.penalties if p.ban_years]


def _stages(s: Scheme) -> list[Cell]:
    return [Cell(" → ".join(st.name for st in s.stages))]


def _weights(s: Scheme) -> list[Cell]:
    return [Cell(f"{st.name} {st.weight_percent}%", st.weight_cite)
            for st in s.stages if st.weight_percent is not None]


def _ratio(s: Scheme) -> list[Cell]:
    r = s.candidate_ratio
    return [Cell(f"{r.ratio[0]:g}:{r.ratio[1]:g}（{r.applies_to}）", r.cite)] if r else []


def _notices(s: Scheme) -> list[Cell]:
    return [Cell(f"{NOTICE_KINDS[n.kind].label}：{period_text(n.period)}", n.cite)
            for n in s.notices if n.kind not in ("call", "winners")]


def _caps(s: Scheme) -> list[Cell]:
    out = [Cell(f"{t.name}：{t.cap_text}", t.cite) for t in s.tiers]
    out += [Cell(f"{q.level}级：{q.per}不超过{q.max}家", q.cite) for q in s.quotas]
    return out


def _prizes(s: Scheme) -> list[Cell]:
    return [Cell(f"{t.name}：{yuan(t.prize_yuan) if t.prize_yuan is not None else t.prize_text}", t.prize_cite)
            for t in s.tiers if t.prize_cite]


def _minimum(s: Scheme) -> list[Cell]:
    m = s.scoring.minimum
    return [Cell(f"{m.points}分（满分{m.of}分）", m.cite)] if m else []


def _cycle(s: Scheme) -> list[Cell]:
    return [Cell(s.cycle.text, s.cycle.cite)] if s.cycle else []


def _standard(s: Scheme) -> list[Cell]:
    if s.scoring.standard:
        return [Cell("GB/T 19580《卓越绩效评价准则》", s.scoring.standard_cite)]
    if s.scoring.credit:
        return [Cell(f"技术指标{len(s.scoring.credit.parts)}个部分，满分{s.scoring.credit.total:g}分")]
    return []


def _identity(s: Scheme) -> list[Cell]:
    doc = s.documents[0]
    # The status (现行, 已截止 …) is dated: the column head shows it, computed for the day (templates/_macros.j2).
    return [Cell(f"{AREA_LEVELS[s.level]}·{s.area.name}"), Cell(doc.title + ("（征求意见稿）" if doc.draft else ""))]


ROWS: tuple[tuple[str, Callable[[Scheme], list[Cell]]], ...] = (
    ("级别与文件", _identity),
    ("周期", _cycle),
    ("经营年限", _years_operating),
    ("体系认证与卓越绩效", _certificates),
    ("记录期限（近N年无……）", _windows),
    ("禁止申报期限", _bans),
    ("评审依据", _standard),
    ("评审环节", _stages),
    ("环节权重", _weights),
    ("候选比例", _ratio),
    ("公示期", _notices),
    ("名额", _caps),
    ("奖金", _prizes),
    ("最低得分", _minimum),
)


def comparison(schemes: list[Scheme]) -> list[tuple[str, list[list[Cell]]]]:
    """Rows of (aspect, one list of entries per scheme); an empty list means the text says nothing."""
    return [(label, [fn(s) for s in schemes]) for label, fn in ROWS]

