"""Personal data a public notice must not show: an unmasked 身份证号 or mobile number.

Masked forms (``138****1234``, ``35*************123``) pass. An 18-character run is taken
for a 身份证号 when its birth-date digits form a real date, so a mistyped number (wrong
check character) is caught too.
"""

from __future__ import annotations

import datetime as dt
import re

from generator.messages import say

_ID = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{5}(\d{4})(\d{2})(\d{2})\d{3}[\dXx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9])1[3-9]\d{9}(?![0-9])")


def _is_birth_date(year: str, month: str, day: str) -> bool:
    try:
        born = dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return 1900 <= born.year <= 2100


def find_personal_data(text: str) -> tuple[str, str] | None:
    """(``id`` or ``mobile``, its first three characters) of the first personal data ``text`` shows, or None."""
    for match in _ID.finditer(text):
        if _is_birth_date(*match.groups()):
            return "id", match.group()[:3]
    match = _MOBILE.search(text)
    if match:
        return "mobile", match.group()[:3]
    return None


def personal_data(text: str, field: str = "") -> tuple[str, str] | None:
    """(code, Chinese message) of the personal data ``text`` shows, or None; ``field`` names where it is."""
    found = find_personal_data(text)
    if found is None:
        return None
    code = "notice.personal_id" if found[0] == "id" else "notice.personal_mobile"
    return code, say(code, field=field, start=found[1])
