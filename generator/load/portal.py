"""Everything the site is made from, loaded and checked, top to bottom: source texts, the standard,
schemes, notices (which check the ledger). Every problem comes back as ``path:line: message``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.core.clock import build_date
from generator.core.messages import say
from generator.core.periods import WorkCalendar
from generator.load.holidays import load_holidays
from generator.load.notices import LoadedNotice, load_notices, scheduled_reminder
from generator.load.problems import Problem
from generator.load.schemes import load_editions, load_schemes
from generator.load.sources import SourceText, load_sources
from generator.load.standard import load_standard
from generator.load.yamlload import line_of
from generator.model.scheme import Cite, Scheme
from generator.model.standard import Standard


@dataclass
class Portal:
    """Everything the site is made from, validated."""

    root: Path
    schemes: list[Scheme] = field(default_factory=list)
    standard: Standard | None = None
    sources: dict[str, SourceText] = field(default_factory=dict)
    notices: list[LoadedNotice] = field(default_factory=list)  # newest first
    editions: dict[str, list[Scheme]] = field(default_factory=dict)  # earlier editions by scheme id, oldest first
    problems: list[Problem] = field(default_factory=list)
    # Notices whose ``published`` is after the build date: checked, sealed by nobody, on no page until their day.
    scheduled: list[LoadedNotice] = field(default_factory=list)
    calendar: WorkCalendar = field(default_factory=WorkCalendar.of)  # working days: chinesecalendar + holidays/
    warnings: list[Problem] = field(default_factory=list)  # said by check and build; they stop nothing
    today: dt.date | None = None  # the build date the portal was checked on

    def source_of(self, scheme: Scheme, cite: Cite) -> tuple[SourceText, str]:
        """The source text a cite quotes, and the document id."""
        doc_id = cite.doc or scheme.documents[0].id
        doc = next(d for d in scheme.documents if d.id == doc_id)
        return self.sources[doc.source], doc_id

    def cite_line(self, scheme: Scheme, cite: Cite) -> int:
        source, _ = self.source_of(scheme, cite)
        return source.find(cite.quote) or 1


def load_portal(root: Path, production: bool = False, today: dt.date | None = None,
                ledger_base: str | None = None) -> Portal:
    """Load schemes/, standards/, public_lists/ and the source texts under ``root``; collect all problems.

    A production build refuses sample notices and made-up holiday schedules. ``today`` (default: the build date)
    bounds correction dates and decides which notices are published (``notices``) and which wait for their day
    (``scheduled``); ``ledger_base`` is the git revision whose ledger counts as published (default: HEAD)."""
    today = today or build_date()
    portal = Portal(root=root, sources=load_sources(root / "schemes" / "sources"), today=today)
    portal.calendar, problems, portal.warnings = load_holidays(root, today)
    portal.problems += problems
    if production:
        portal.problems += [Problem(s.source, 1, say("holidays.fixture_production"), "holidays.fixture_production")
                            for s in portal.calendar.schedules.values() if s.fixture]
    portal.standard, problems = load_standard(root)
    portal.problems += problems
    portal.schemes, problems = load_schemes(root, portal.sources)
    portal.problems += problems
    portal.editions, problems = load_editions(root, portal.sources, portal.schemes)
    portal.problems += problems
    notices, problems = load_notices(root, portal.schemes, today, ledger_base, portal.calendar)
    portal.problems += problems
    if production:
        portal.problems += [Problem(n.path, 1, "sample：示例公示（sample: true）不能正式发布（build --production）："
                                         "删除此文件，或删去 sample: true 并填写真实内容")
                            for n in notices if n.notice.sample]
    notices = sorted(notices, key=lambda n: (n.notice.published, n.path), reverse=True)
    portal.notices = [n for n in notices if n.notice.published <= today]
    portal.scheduled = [n for n in notices if n.notice.published > today]
    portal.warnings += [Problem(n.path, line_of(n.data, ("published",)), scheduled_reminder(n.notice, today),
                                "notice.scheduled") for n in reversed(portal.scheduled)]
    portal.problems.sort()
    return portal
