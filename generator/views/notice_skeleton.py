"""The YAML skeleton `new-notice` writes: every field, explained in Chinese, with the period filled in."""

from __future__ import annotations

import datetime as dt
import json
import re

from generator.assess.terms import NOTICE_KINDS
from generator.core.periods import LIBRARY, PeriodError, WorkCalendar, required_period
from generator.model.scheme import NoticeRule, Scheme

_RAW = re.compile("[\u007f-\u009f\u2028\u2029\ufeff]")


def yaml_string(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that reads back as ``text``, whatever it holds.

    A JSON string is a valid YAML double-quoted scalar with the same escapes (a hand-made version escaped a quote
    into ``\\\\"``, which ended the scalar, and left ``\\b`` to be read as a backspace)."""
    # JSON leaves these raw; YAML reads U+2028/2029 as line breaks and refuses DEL, C1 and a byte-order mark. The
    # office editor quotes by the same rule (office/yaml-text.mjs `q`; tests/test_notice_skeleton.py compares them).
    return _RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def _comment(text: str) -> str:
    """``text`` on one comment line: a line break in a name or a quote would end the comment."""
    return " ".join(text.split())


def skeleton(scheme: Scheme, spec: NoticeRule, today: dt.date, calendar: WorkCalendar = LIBRARY) -> str:
    lines = [
        f"# {_comment(scheme.name)}：{NOTICE_KINDS[spec.kind].label}。"
        "填写后提交本文件；构建时会逐项检查，发现问题会指出行号。",
        f"# 依据：{_comment(spec.cite.clause)}“{_comment(spec.cite.quote)}”",
        f"scheme: {scheme.id}",
        f"kind: {spec.kind}",
        f"title: {yaml_string(f'{today.year}年度{scheme.name}{spec.title}')}",
        "issuer: \"\"            # 发布机关（必填）",
        f"published: {today.isoformat()}   # 发布日期；发布当日不计入公示期",
    ]
    if spec.period is not None:
        try:
            period = required_period(today, spec.period.days, spec.period.unit, calendar)
            lines.append(f"end: {period.end.isoformat()}         # 公示期最后一日（{period.rule}）")
        except PeriodError as exc:
            lines.append(f"# end: 暂时无法计算公示期。{exc}")
    lines += [
        # A blank paragraph is refused (正文段落不能为空): the skeleton offers the form of one, not an empty one.
        "body: []              # 正文段落（可选），每段一项，例如 body: [\"现将……予以公示。\"]",
        "entries:              # 名单：每家组织一项",
        "  - organisation: \"\"  # 组织名称（必填）",
        "    credit_code: \"\"   # 统一社会信用代码（18位，构建时校验）",
    ]
    if scheme.tier_names:
        ids = list(scheme.tier_names)
        lines.append(f"    tier: {ids[0]}      # 奖项或等级：{' / '.join(ids)}")
    lines += [
        "    # sector: manufacturing   # 行业（可选）：manufacturing / agriculture / service / construction",
        "    # parent: \"\"              # 母公司（可选；用于“同一母公司最多推荐一个”的检查）",
        "objections:           # 异议受理：受理单位，以及电话、电子邮箱、地址至少一项",
        "  receiver: \"\"       # 受理异议的单位（必填）",
        "  text: \"对公示内容有异议的，请在公示期内以书面形式实名提出。\"",
        "  phone: \"\"",
        "  # email: \"\"",
        "  # address: \"\"",
        "attachments: []       # 附件：- {title: 名称, file: 文件名}",
        "corrections: []       # 更正记录（已发布的公示只能通过更正修改）",
        "#  - {date: YYYY-MM-DD, reason: 原因, changes: 内容}",
        "",
    ]
    return "\n".join(lines)
