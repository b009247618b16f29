"""How the pages write money, numbers and phone numbers: pure text, used by the views and the templates' filters
(generator/plugin/render.py)."""

from __future__ import annotations


def yuan(amount: int | None) -> str:
    """Money in 万元 where round, else 元."""
    if amount is None:
        return ""
    return f"{amount // 10000}万元" if amount % 10000 == 0 else f"{amount}元"


def number(value: float) -> str:
    return f"{value:g}"


def phone(number: str, dial_code: str | None = None) -> tuple[str, str]:
    """(as printed, tel: URI) of a Chinese phone number. A local number (7 or 8 digits) gets its city's long-
    distance code, or a tap on a phone elsewhere would ring a wrong number: 69851106 in 苏州 is 0512-69851106,
    tel:+8651269851106."""
    digits = number.replace("-", "")
    shown = number
    if dial_code and not digits.startswith("0") and len(digits) <= 8:
        shown, digits = f"{dial_code}-{number}", dial_code + digits
    return shown, "tel:+86" + digits.removeprefix("0")
