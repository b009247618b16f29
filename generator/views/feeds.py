"""Atom, RSS and JSON lists of notices, with stable URLs and ids.

Built with ElementTree, so every text from YAML is XML-escaped; dates are China time.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from email.utils import format_datetime
from xml.etree import ElementTree as ET

from generator.assess.terms import NOTICE_KINDS
from generator.core.clock import CHINA

ATOM = "http://www.w3.org/2005/Atom"


def _when(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=CHINA)


def _summary(item, scheme_names: dict[str, str]) -> str:
    n = item.notice
    text = f"{scheme_names[n.scheme]} · {NOTICE_KINDS[n.kind].label} · 发布 {n.published.isoformat()}"
    if item.period:
        text += f" · 公示期 {item.period.start.isoformat()} 至 {item.period.end.isoformat()}"
    if n.major_corrections:
        text += f" · 更正 {n.major_corrections[-1].date.isoformat()}"
    if n.withdrawn:
        text += f" · 已于 {n.withdrawn.date.isoformat()} 撤回"
    if n.sample:
        text += " · 示例"
    return text


def entry_id(item) -> str:
    return f"tag:quality-portal,{item.notice.published.isoformat()}:{item.slug}"


def atom(items: list, title: str, base: str, self_path: str, url_of, scheme_names: dict[str, str]) -> bytes:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"tag:quality-portal,2026:{self_path}"
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=base + self_path)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=base + "notices/")
    newest = max((i.notice.updated for i in items), default=dt.date(2000, 1, 1))  # a correction updates the feed
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _when(newest).isoformat()
    for item in items:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = item.notice.title
        ET.SubElement(entry, f"{{{ATOM}}}id").text = entry_id(item)
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=base + url_of(item))
        # Only a major correction is an update; a minor one (minor: true) changes no fact.
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _when(item.notice.updated).isoformat()
        ET.SubElement(entry, f"{{{ATOM}}}published").text = _when(item.notice.published).isoformat()
        author = ET.SubElement(entry, f"{{{ATOM}}}author")
        ET.SubElement(author, f"{{{ATOM}}}name").text = item.notice.issuer
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = _summary(item, scheme_names)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8")


def rss(items: list, title: str, base: str, url_of, scheme_names: dict[str, str]) -> bytes:
    root = ET.Element("rss", version="2.0")
    channel = ET.SubElement(root, "channel")
    ET.SubElement(channel, "title").text = title
    ET.SubElement(channel, "link").text = base + "notices/"
    ET.SubElement(channel, "description").text = "质量奖公共服务门户：公示公告"
    ET.SubElement(channel, "language").text = "zh-cn"
    for item in items:
        entry = ET.SubElement(channel, "item")
        ET.SubElement(entry, "title").text = item.notice.title
        ET.SubElement(entry, "link").text = base + url_of(item)
        ET.SubElement(entry, "guid", isPermaLink="false").text = entry_id(item)
        ET.SubElement(entry, "pubDate").text = format_datetime(_when(item.notice.published))
        # RSS readers take <description> as HTML: escaped once more, a name like "<img onerror=…>" stays text.
        ET.SubElement(entry, "description").text = html.escape(_summary(item, scheme_names), quote=False)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8")


def json_list(items: list, url_of) -> str:
    return json.dumps({"notices": [{
        "id": entry_id(i), "url": url_of(i), "scheme": i.notice.scheme, "kind": i.notice.kind,
        "title": i.notice.title, "issuer": i.notice.issuer, "published": i.notice.published.isoformat(),
        "start": i.period.start.isoformat() if i.period else None,
        "end": i.period.end.isoformat() if i.period else None, "sample": i.notice.sample,
        "entries": len(i.notice.entries), "corrections": len(i.notice.major_corrections),
        "updated": i.notice.updated.isoformat(),
        "withdrawn": i.notice.withdrawn.date.isoformat() if i.notice.withdrawn else None,
    } for i in items]}, ensure_ascii=False, indent=1)
