"""Statuses for the pages (a document's, a notice's): read on the build date, with their steps kept so that the
reader's browser picks today's from them (templates/notices.js.j2, status-steps.mjs) without a rebuild and without
a rule of its own."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from generator.assess.edition import DOCUMENT_STATUSES, document_timeline, replaced_timeline, status_on
from generator.model.scheme import Document, Scheme


@dataclass(frozen=True)
class DocStatus:
    key: str
    label: str
    steps: str  # steps_json of its timeline, for the page script


_DUMPS: dict[int, tuple[Scheme, dict]] = {}


def _dumped(scheme: Scheme) -> dict:
    """The scheme as the engine reads it, dumped once per scheme object (models are not hashable)."""
    kept = _DUMPS.get(id(scheme))
    if kept is None or kept[0] is not scheme:
        kept = _DUMPS[id(scheme)] = (scheme, scheme.model_dump(mode="json", exclude_none=True))
    return kept[1]


def steps_json(steps: list[tuple[str | None, str, str]]) -> str:
    """Steps [first day or null, status, label] as the page script reads them from a data-steps attribute (plain
    text: the template escapes it like any other)."""
    return json.dumps(steps, ensure_ascii=False, separators=(",", ":"))


def _status(timeline: list[tuple[str | None, str]], today: dt.date) -> DocStatus:
    key = status_on(timeline, today)
    return DocStatus(key, DOCUMENT_STATUSES[key],
                     steps_json([(day, step, DOCUMENT_STATUSES[step]) for day, step in timeline]))


def document_status(scheme: Scheme, document: Document, today: dt.date) -> DocStatus:
    """``document``'s status on ``today`` (the build date)."""
    data = _dumped(scheme)
    return _status(document_timeline(data, next(d for d in data["documents"] if d["id"] == document.id)), today)


def replaced_status(scheme: Scheme, document: Document, today: dt.date) -> DocStatus:
    """The status of the texts ``document`` repeals: 拟废止 until it takes effect, then 已废止."""
    data = _dumped(scheme)
    return _status(replaced_timeline(data, next(d for d in data["documents"] if d["id"] == document.id)), today)
