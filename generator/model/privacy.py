"""Personal data a public notice must not show: an unmasked 身份证号 or mobile number.

Masked forms (``138****1234``, ``35*************123``) pass. An 18-character run is taken
for a 身份证号 when its birth-date digits form a real date, so a mistyped number (wrong
check character) is caught too.
"""

from __future__ import annotations

import datetime as dt
import re

_ID = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{5}(\d{4})(\d{2})(\d{2})\d{3}[\dXx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9])1[3-9]\d{9}(?![0-9])")


def _is_birth_date(year: str, month: str, day: str) -> bool:
    try:
        born = dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return 1900 <= born.year <= 2100


def personal_data(text: str) -> str | None:
    """What personal data ``text`` shows, in Chinese, or None."""
    for match in _ID.finditer(text):
        if _is_birth_date(*match.groups()):
            return (f"含有未遮挡的身份证号 {match.group()[:3]}…：公示不得公开个人信息，"
                    "请删除或遮挡，例如 35*************123")
    match = _MOBILE.search(text)
    if match:
        return (f"含有未遮挡的手机号码 {match.group()[:3]}…：公示不得公开个人信息，"
                "请改用办公电话或遮挡，例如 138****1234")
    return None
