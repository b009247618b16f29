"""Attachments published beside a notice: plain files of document types, in the notice's own folder.

Only types a public notice needs; none that a browser would run as script on the portal's
origin (html, svg, js). The content must be what the extension says, so a renamed page cannot
slip through; the server sends them all with ``Content-Disposition: attachment``. The text of each
(generator/model/attachment_text.py) must show no personal data; one whose text cannot be read
(a scanned PDF, an old .doc or .xls) is refused, since it cannot be checked.
"""

from __future__ import annotations

import stat
from pathlib import Path

from generator.core.messages import say
from generator.model.privacy import find_personal_data

MAX_BYTES = 20 * 1024 * 1024
# The binary Office formats of 97-2003: their text cannot be read to look for personal data, so they are refused
# with the format to save as.
_OLD_OFFICE = {"doc": "docx", "xls": "xlsx"}
_ZIP = b"PK\x03\x04"
# extension -> (what it is, in Chinese; the leading bytes of such a file, or None for text)
TYPES: dict[str, tuple[str, bytes | None]] = {
    "pdf": ("PDF", b"%PDF-"),
    "docx": ("Word 文档", _ZIP),
    "xlsx": ("Excel 表格", _ZIP),
    "odt": ("OpenDocument 文档", _ZIP),
    "ods": ("OpenDocument 表格", _ZIP),
    "csv": ("CSV 表格（UTF-8 文本）", None),
    "png": ("PNG 图片", b"\x89PNG\r\n\x1a\n"),
    "jpg": ("JPEG 图片", b"\xff\xd8\xff"),
    "jpeg": ("JPEG 图片", b"\xff\xd8\xff"),
}


def attachment_type_problem(name: str, field: str) -> tuple[str, str] | None:
    """(code, Chinese message) when ``name``'s extension is not a type a notice may publish, or None.

    Needs no file: the browser's editor checks names too."""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext in _OLD_OFFICE:
        return "notice.attachment_old_office", say("notice.attachment_old_office", field=field, name=name, old=ext,
                                                   new=_OLD_OFFICE[ext])
    if ext not in TYPES:
        allowed = "、".join(sorted(TYPES))
        return "notice.attachment_type", say("notice.attachment_type", field=field, ext=ext or "（无扩展名）",
                                             allowed=allowed)
    return None


def attachment_problem(folder: Path, name: str, field: str = "file") -> tuple[str, str] | None:
    """(code, Chinese message) when ``folder/name`` may not be published, or None. ``name`` has no path part;
    ``field`` names the key it stands under (``attachments[0].file``)."""
    problem = attachment_type_problem(name, field)
    if problem:
        return problem

    def refused(code: str, **values: object) -> tuple[str, str]:
        return code, say(code, field=field, name=name, **values)

    path = folder / name
    try:
        info = path.lstat()
    except OSError:
        return refused("notice.attachment_missing")
    if stat.S_ISLNK(info.st_mode):
        return refused("notice.attachment_symlink")
    if not stat.S_ISREG(info.st_mode):
        return refused("notice.attachment_not_file")
    if info.st_nlink > 1:  # a hard link may be a file from outside the repository, as a symbolic link may
        return refused("notice.attachment_hardlink", links=info.st_nlink)
    if info.st_size > MAX_BYTES:
        return refused("notice.attachment_too_big", mib=MAX_BYTES // 1024 // 1024)
    ext = name.rsplit(".", 1)[-1].lower()
    label, magic = TYPES[ext]
    data = path.read_bytes()
    if magic is not None and not data.startswith(magic):
        return refused("notice.attachment_content", label=label)
    from generator.model.attachment_text import Unreadable, attachment_text  # pypdf and openpyxl: the CLI only

    try:
        text = attachment_text(ext, data)
    except Unreadable as exc:
        return refused(exc.code, **({"label": label} | exc.values))
    found = find_personal_data(text) if text else None
    if found is None:
        return None
    what, masked = ("身份证号", "35*************123") if found[0] == "id" else ("手机号码", "138****1234")
    return refused("notice.attachment_personal", what=what, start=found[1], masked=masked)
