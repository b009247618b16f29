"""The numbers a Chinese text states, in Arabic or Chinese numerals: 3年, 三年, 两年, 5个工作日, 1000分, 50万元, 1:1.5.

Used to check that every number a scheme's rule uses is in the words it quotes (generator/load/scheme_numbers.py).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}
_ARABIC = re.compile(r"(\d+(?:\.\d+)?)\s*([万亿]?)")
_CHINESE = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")


def chinese_number(text: str) -> int | None:
    """The value of a run of Chinese numerals (三, 十五, 二十, 一百二十, 三百万, 两), or None if it holds none."""
    total = section = number = 0
    seen = False
    for char in text:
        if char in _DIGITS:
            number = _DIGITS[char]
            seen = True
        elif char in _UNITS:
            section += (number or 1) * _UNITS[char]
            number = 0
            seen = True
        elif char in _BIG:
            if not seen:
                return None
            total += (section + number) * _BIG[char]
            section = number = 0
    return total + section + number if seen else None


def numbers_in(text: str) -> set[Decimal]:
    """Every number ``text`` states: each Arabic number (with 万 or 亿 after it, also its full value: 50万 is 50 and
    500000) and each run of Chinese numerals. Full-width digits count (NFKC)."""
    text = unicodedata.normalize("NFKC", text)
    found: set[Decimal] = set()
    for digits, big in _ARABIC.findall(text):
        try:
            value = Decimal(digits)
        except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
            continue
        found.add(value.normalize())
        if big:
            found.add((value * _BIG[big]).normalize())
    for run in _CHINESE.findall(text):
        value = chinese_number(run)
        if value is not None:
            found.add(Decimal(value).normalize())
    return found


def as_decimal(value: int | float) -> Decimal:
    """A number of the data as the values :func:`numbers_in` gives (2.5 and 2.50 alike)."""
    return Decimal(str(value)).normalize()
