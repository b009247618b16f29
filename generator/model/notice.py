"""The typed model of a public notice (公示) or winner list: one ``public_lists/**.yaml``."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from generator.model.scheme import NoticeKind, Sector, Strict


class Entry(Strict):
    organisation: str = Field(min_length=1, pattern=r"\S")
    credit_code: str
    tier: str | None = None
    sector: Sector | None = None
    parent: str | None = None
    outside_area_reason: str | None = None
    note: str | None = None


class Objections(Strict):
    text: str | None = None
    phone: str | None = Field(default=None, pattern=r"^[0-9-]{7,15}$")
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
    address: str | None = None

    @model_validator(mode="after")
    def _contact(self) -> Objections:
        if not (self.phone or self.email or self.address):
            raise ValueError("give at least one of phone, email, address")
        return self


class Attachment(Strict):
    title: str
    file: str = Field(pattern=r"^[A-Za-z0-9._/-]+$")


class Correction(Strict):
    date: dt.date
    reason: str = Field(min_length=1)
    changes: str = Field(min_length=1)


class Notice(Strict):
    scheme: str
    kind: NoticeKind
    title: str = Field(min_length=1)
    issuer: str = Field(min_length=1)
    published: dt.date
    end: dt.date | None = None
    year: int | None = Field(default=None, ge=2000, le=2100)
    sample: bool = False
    body: list[str] = []
    entries: list[Entry] = []
    objections: Objections | None = None
    attachments: list[Attachment] = []
    corrections: list[Correction] = []

    @model_validator(mode="after")
    def _dates(self) -> Notice:
        if self.end is not None and self.end < self.published:
            raise ValueError(f"end {self.end} is before published {self.published}")
        for c in self.corrections:
            if c.date < self.published:
                raise ValueError(f"correction of {c.date} is dated before the notice was published ({self.published})")
        return self

    @property
    def cycle_year(self) -> int:
        return self.year or self.published.year

