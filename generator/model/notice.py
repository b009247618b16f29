"""The typed model of a public notice (公示) or winner list: one ``public_lists/**.yaml``."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from generator.assess.terms import LIVE_NOTICE_STATUSES, NOTICE_STATUSES
from generator.core.periods import Period
from generator.model.scheme import NoticeKind, Sector, Strict

# Dates a notice can carry; outside them a date is a typo (and 9999-12-31 + 1 day overflows).
EARLIEST = dt.date(2000, 1, 1)
LATEST = dt.date(2099, 12, 31)
# The one pattern of file names under public_lists/: lower-case letters and digits in words joined by "-", then the
# extension (of any case: SUMMARY.PDF is a PDF). Such a name is a URL as it stands, with no space to escape.
NAME_WORDS = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ATTACHMENT_NAME = re.compile(rf"^{NAME_WORDS}\.[A-Za-z0-9]+$")

# The longest text each field may hold: a company name of 100 characters is long already; a megabyte is no name,
# and a page, a feed and a search index would carry it.
NAME = Annotated[str, Field(min_length=1, max_length=100, pattern=r"\S")]
SHORT = Annotated[str, Field(min_length=1, max_length=200, pattern=r"\S")]
TEXT = Annotated[str, Field(min_length=1, max_length=2000, pattern=r"\S")]


def proposed_name(name: str) -> str:
    """``name`` in the pattern of file names: lower case, each run of other characters a "-" (副本 (2) 最终版 -> 2).
    The extension is kept, in lower case."""
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    words = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "attachment"
    return f"{words}.{ext.lower()}" if ext else words


def refuse(code: str, **values: object) -> PydanticCustomError:
    """An error whose Chinese message is ``code`` in generator.core.messages, filled in with ``values`` (and the field's
    path) when the problem is reported; ``at`` (a location inside the value) moves it to the line it is about."""
    return PydanticCustomError(code, code, values)


def _in_range(day: dt.date | None, info: ValidationInfo) -> dt.date | None:
    if day is not None and not EARLIEST <= day <= LATEST:
        raise refuse("notice.date_range", value=day.isoformat(), earliest=EARLIEST, latest=LATEST,
                     example="2026-11-20")
    return day


class Entry(Strict):
    organisation: NAME
    credit_code: str = Field(max_length=40)

    @field_validator("credit_code", mode="before")
    @classmethod
    def _normalise_code(cls, value: object) -> object:
        """Upper case without spaces, as the code is printed on the business licence."""
        if isinstance(value, str):
            return re.sub(r"[\s\u3000]+", "", value).upper()
        return value
    tier: str | None = Field(default=None, max_length=50)
    sector: Sector | None = None
    parent: NAME | None = None
    outside_area_reason: SHORT | None = None
    note: SHORT | None = None


class Objections(Strict):
    receiver: SHORT | None = None  # who receives objections
    text: TEXT | None = None
    phone: str | None = Field(default=None, pattern=r"^[0-9-]{7,15}$")
    email: str | None = Field(default=None, max_length=100, pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
    address: SHORT | None = None

    @field_validator("phone")
    @classmethod
    def _digits(cls, value: str | None) -> str | None:
        """At least seven digits: "-------" is no number."""
        if value is not None and sum(c.isdigit() for c in value) < 7:
            raise refuse("notice.phone")
        return value

    @model_validator(mode="after")
    def _contact(self) -> Objections:
        if not (self.phone or self.email or self.address):
            raise refuse("notice.objections_contact")
        return self


class Attachment(Strict):
    title: SHORT
    file: str = Field(max_length=100)

    @field_validator("file")
    @classmethod
    def _plain_name(cls, value: str) -> str:
        if not ATTACHMENT_NAME.fullmatch(value):
            raise refuse("notice.attachment_name", name=value, proposed=proposed_name(value))
        return value


class Edit(Strict):
    """One change a correction makes, field by field, in a clerk's terms: ``{field: 第5项 名称, old: 甲, new: 乙}``
    (generator/load/corrections.py reads the field). ``old: null`` adds an entry, ``new: null`` removes one."""

    field: NAME
    old: bool | Annotated[str, Field(max_length=2000)] | int | dt.date | dict | list | None = None
    new: bool | Annotated[str, Field(max_length=2000)] | int | dt.date | dict | list | None = None


class Correction(Strict):
    """A change to a published notice. A major one (the default) is shown at the top of the page and updates the
    feeds; ``minor: true`` marks a correction that changes no fact (a typo, a punctuation mark): it stays in the
    record but raises no change note, as GOV.UK's minor changes do. ``edits`` lists what it changes, field by field
    (required of every correction made after this field existed: the check rebuilds the notice from its sealed
    version and these edits); ``changes`` says it in words."""

    date: dt.date
    reason: SHORT
    changes: TEXT
    minor: bool = False
    edits: list[Edit] = Field(default=[], max_length=1000)

    _date_range = field_validator("date")(_in_range)


class Withdrawal(Strict):
    """A published notice taken down (撤回): it stays where it was, saying when and why, without its list."""

    date: dt.date
    reason: SHORT

    _date_range = field_validator("date")(_in_range)


class Notice(Strict):
    scheme: str
    kind: NoticeKind
    title: SHORT
    issuer: SHORT
    published: dt.date
    end: dt.date | None = None
    year: int | None = Field(default=None, ge=2000, le=2100)
    sample: bool = False
    body: list[TEXT] = Field(default=[], max_length=50)
    # The largest list a notice may hold: 10,000 rows, what the editor takes from one paste (issue 24); the 2 MiB
    # file limit (load/yamlload.py) bounds it too.
    entries: list[Entry] = Field(default=[], max_length=10_000)
    objections: Objections | None = None
    attachments: list[Attachment] = Field(default=[], max_length=50)
    corrections: list[Correction] = Field(default=[], max_length=200)
    withdrawn: Withdrawal | None = None

    _date_range = field_validator("published", "end")(_in_range)

    @field_validator("end")
    @classmethod
    def _after_published(cls, end: dt.date | None, info: ValidationInfo) -> dt.date | None:
        published = info.data.get("published")
        if end is not None and published is not None and end <= published:  # the publication day is not counted
            raise refuse("notice.end_before_published", end=end, published=published,
                         example=published + dt.timedelta(days=7))
        return end

    @model_validator(mode="after")
    def _dates(self) -> Notice:
        for n, c in enumerate(self.corrections):
            if c.date < self.published:
                raise refuse("notice.correction_early", at=("corrections", n, "date"), date=c.date,
                             published=self.published)
        if self.withdrawn is not None and self.withdrawn.date < self.published:
            raise refuse("notice.withdrawn_early", at=("withdrawn", "date"), date=self.withdrawn.date,
                         published=self.published)
        return self

    @property
    def major_corrections(self) -> list[Correction]:
        """The corrections that change what the notice says: shown as change notes, and updates in the feeds."""
        return [c for c in self.corrections if not c.minor]

    @property
    def updated(self) -> dt.date:
        """The day the notice last changed in substance: its publication, its latest major correction, or its
        withdrawal."""
        withdrawn = [self.withdrawn.date] if self.withdrawn else []
        return max([self.published, *(c.date for c in self.major_corrections), *withdrawn])

    @property
    def cycle_year(self) -> int:
        return self.year or self.published.year


@dataclass
class LoadedNotice:
    path: str  # relative to the project root: public_lists/...
    notice: Notice
    period: Period | None
    data: Any = None  # the loaded YAML, for lines

    @property
    def slug(self) -> str:
        """Stable id: the path under public_lists/ without .yaml."""
        return self.path.removeprefix("public_lists/").removesuffix(".yaml")

    def status(self, today: dt.date) -> str:
        """upcoming (not yet published) / scheduled (published, its period not begun) / open (in its period) /
        closed (period over) / published (no period) / withdrawn (taken down on or before ``today``)."""
        withdrawn = self.notice.withdrawn
        if withdrawn is not None and withdrawn.date <= today:
            return "withdrawn"
        if today < self.notice.published:
            return "upcoming"
        if self.period is None:
            return "published"
        if today < self.period.start:
            return "scheduled"
        return "open" if today <= self.period.end else "closed"

    def status_label(self, today: dt.date) -> str:
        """The status as a reader sees it on ``today``: 正在公示，剩余 3 天; 已发布，公示期未开始，2026-11-21 起."""
        status = self.status(today)
        if status == "open":
            return f"{NOTICE_STATUSES['open']}，剩余 {(self.period.end - today).days + 1} 天"
        if status == "scheduled":
            return f"{NOTICE_STATUSES['scheduled']}，{self.period.start.isoformat()} 起"
        return NOTICE_STATUSES[status]

    def status_steps(self) -> list[tuple[str | None, str, str]]:
        """Every day the status or its label changes, as steps [first day (None: always), status, label], in order.

        The status on a day is the last step begun by then (assess.edition.status_on): the build writes these steps
        beside the status of its own day, and the page script (notices.js.j2) picks the reader's day from them, so
        the rule above is stated once and a static page never goes stale. Sampled from ``status_label`` on each day
        it can change: publication, the period's start, each of its days (the days left), the day after it, the
        withdrawal.
        """
        n = self.notice
        days = {n.published}
        if self.period is not None:
            span = (self.period.end - self.period.start).days
            days |= {self.period.start + dt.timedelta(days=k) for k in range(max(span, 0) + 2)}
        if n.withdrawn is not None:
            days.add(n.withdrawn.date)
        first = min(days) - dt.timedelta(days=1)
        steps: list[tuple[str | None, str, str]] = [(None, self.status(first), self.status_label(first))]
        for day in sorted(days):
            step = (day.isoformat(), self.status(day), self.status_label(day))
            if step[1:] != steps[-1][1:]:
                steps.append(step)
        return steps

    def is_live(self, today: dt.date) -> bool:
        """Whether the home page lists it as current on ``today`` (assess.terms.LIVE_NOTICE_STATUSES)."""
        return self.status(today) in LIVE_NOTICE_STATUSES

    def may_be_live(self, today: dt.date) -> bool:
        """Whether a reader's clock could show this notice as open or upcoming before the next daily build.

        A day of slack covers readers in time zones behind China's.
        """
        return (self.period is not None and self.period.end >= today - dt.timedelta(days=1)
                and self.status(today) != "withdrawn")
