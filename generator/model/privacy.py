"""Personal data a public notice must not show: an unmasked 身份证号 or mobile number.

The text is first normalised with NFKC, so full-width digits (``１３９…``) read as digits. Mobile numbers are found
by ``phonenumbers``' matcher (region CN, leniency VALID): ``139-1234-5678``, ``139 1234 5678``, ``+8613912345678``,
``8613912345678`` and the like; an office's fixed line with its area code (``0518-85551234``) is allowed, since a
notice publishes the phone for objections. An ID is a run of digits (single spaces or hyphens between groups
allowed, so ``110105 19491231 002X`` too) of 18 characters whose birth date (python-stdnum's ``cn.ric``) is a
real day, or of 15 digits in the old format (``110105491231002``: born 19YYMMDD). The check character is not
required to be right, so a mistyped number is caught too. Masked forms (``138****1234``,
``35*************123``) pass: the stars break the run.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher, PhoneNumberType
from stdnum.cn import ric
from stdnum.exceptions import ValidationError

from generator.core.messages import say

# At least 14 digits (a 15-digit or an 18-character ID), groups separated by at most one space or hyphen, not
# touching other letters or digits.
_RUN = re.compile(r"(?<![0-9A-Za-z])[0-9](?:[ \-]?[0-9]){13,}(?:[ \-]?[Xx])?(?![0-9A-Za-z])")
# What may hold a phone number (after NFKC): digits with the separators people write between them.
_PHONE_RUN = re.compile(r"\+?[0-9(][0-9 \-.()/]{8,}[0-9]")
_MOBILE_DIGITS = re.compile(r"1[3-9][0-9]{9}")
_SEPARATORS = re.compile(r"[ \-.()/]+")
_GROUP = re.compile(r"[0-9]+[Xx]?")
# The first two digits of a 身份证号: a province (GB/T 2260), Taiwan, Hong Kong or Macao.
_PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53,
              54, 61, 62, 63, 64, 65, 71, 81, 82}
_MOBILE_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}
# phonenumbers loads a region's data on first use; load China's now, so that the office editor's bundle, which
# holds the modules importing the check loads (generator/office/package.py), has it.
phonenumbers.PhoneMetadata.metadata_for_region("CN")


def _born(number: str) -> bool:
    """Whether an 18-character candidate's birth date is a real day of a living person's birth."""
    try:
        born = ric.get_birth_date(number)
    except (ValidationError, ValueError):
        return False
    return 1900 <= born.year <= 2100


def _is_id(number: str) -> bool:
    """Whether ``number`` (digits, perhaps a final X) has the shape of a 身份证号: 18 characters with a real birth
    date, or the 15 digits of the old format (YYMMDD of the 1900s); the province first."""
    if not number[:2].isdigit() or int(number[:2]) not in _PROVINCES:
        return False
    if len(number) == 18 and number[:17].isdigit():
        return _born(number)
    if len(number) == 15 and number.isdigit():
        try:
            dt.date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))
        except ValueError:
            return False
        return True
    return False


def _ids(text: str) -> str | None:
    """The first 身份证号 in ``text`` (normalised), separators removed, or None."""
    for run in _RUN.finditer(text):
        groups = _GROUP.findall(run.group())
        for first in range(len(groups)):  # any sequence of whole groups may be the number
            joined = ""
            for group in groups[first:]:
                joined += group
                if len(joined) > 18:
                    break
                if len(joined) in (15, 18) and _is_id(joined.upper()):
                    return joined.upper()
    return None


def _mobiles(text: str) -> str | None:
    """The first mobile number in ``text`` (normalised), as its national 11 digits, or None.

    The matcher reads only the runs that could hold one (at least 11 digits), with a character either side for
    its context: on a whole list it takes seconds a megabyte, on these runs a fraction of that."""
    if not _MOBILE_DIGITS.search(_SEPARATORS.sub("", text)):  # the whole text at once: most lists hold none
        return None
    for run in _PHONE_RUN.finditer(text):
        if not _MOBILE_DIGITS.search(re.sub(r"[^0-9]", "", run.group())):  # no 1[3-9] and 9 digits: no mobile
            continue
        snippet = text[max(run.start() - 1, 0):run.end() + 1]
        for match in PhoneNumberMatcher(snippet, "CN", leniency=Leniency.VALID):
            if phonenumbers.number_type(match.number) in _MOBILE_TYPES:
                return str(match.number.national_number)
    return None


def find_personal_data(text: str) -> tuple[str, str] | None:
    """(``id`` or ``mobile``, its first three characters) of the first personal data ``text`` shows, or None."""
    if not any(c.isdigit() for c in text):  # most texts: no digit, nothing to find (NFKC keeps non-digits non-digits)
        return None
    text = unicodedata.normalize("NFKC", text)
    found = _ids(text)
    if found:
        return "id", found[:3]
    found = _mobiles(text)
    if found:
        return "mobile", found[:3]
    return None


def personal_data(text: str, field: str = "") -> tuple[str, str] | None:
    """(code, Chinese message) of the personal data ``text`` shows, or None; ``field`` names where it is."""
    found = find_personal_data(text)
    if found is None:
        return None
    if found[0] == "mobile" and field.endswith("phone"):  # the objection phone is published: an office line
        return "notice.phone_mobile", say("notice.phone_mobile", field=field, start=found[1])
    code = "notice.personal_id" if found[0] == "id" else "notice.personal_mobile"
    return code, say(code, field=field, start=found[1])
