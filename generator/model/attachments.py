"""Attachments published beside a notice: plain files of document types, in the notice's own folder.

Only types a public notice needs; none that a browser would run as script on the portal's
origin (html, svg, js). The content must be what the extension says, so a renamed page cannot
slip through; the server sends them all with ``Content-Disposition: attachment``.
"""

from __future__ import annotations

import stat
from pathlib import Path

from generator.model.privacy import personal_data

MAX_BYTES = 20 * 1024 * 1024
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
# extension -> (what it is, in Chinese; the leading bytes of such a file, or None for text)
TYPES: dict[str, tuple[str, bytes | None]] = {
    "pdf": ("PDF", b"%PDF-"),
    "doc": ("Word 97-2003 文档", _OLE),
    "docx": ("Word 文档", _ZIP),
    "xls": ("Excel 97-2003 表格", _OLE),
    "xlsx": ("Excel 表格", _ZIP),
    "odt": ("OpenDocument 文档", _ZIP),
    "ods": ("OpenDocument 表格", _ZIP),
    "csv": ("CSV 表格（UTF-8 文本）", None),
    "png": ("PNG 图片", b"\x89PNG\r\n\x1a\n"),
    "jpg": ("JPEG 图片", b"\xff\xd8\xff"),
    "jpeg": ("JPEG 图片", b"\xff\xd8\xff"),
}


def attachment_problem(folder: Path, name: str) -> str | None:
    """Why ``folder/name`` may not be published, in Chinese, or None. ``name`` has no path part."""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in TYPES:
        allowed = "、".join(sorted(TYPES))
        return f"附件类型 .{ext or '（无扩展名）'} 不允许：只能发布 {allowed} 文件"
    path = folder / name
    try:
        info = path.lstat()
    except OSError:
        return f"附件 {name!r} 不在此公示文件所在的文件夹中"
    if stat.S_ISLNK(info.st_mode):
        return f"附件 {name!r} 是符号链接：请把文件本身放在公示文件旁边"
    if not stat.S_ISREG(info.st_mode):
        return f"附件 {name!r} 不是普通文件"
    if info.st_size > MAX_BYTES:
        return f"附件 {name!r} 大于 {MAX_BYTES // 1024 // 1024} MiB"
    label, magic = TYPES[ext]
    data = path.read_bytes()
    if magic is not None:
        if data.startswith(magic):
            return None
        return f"附件 {name!r} 的内容不是 {label}：请检查文件是否损坏或扩展名是否正确"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return f"附件 {name!r} 的内容不是 {label}：请另存为 UTF-8 编码"
    if "\x00" in text or text.lstrip().startswith("<"):
        return f"附件 {name!r} 的内容不是 {label}"
    found = personal_data(text)
    return f"附件 {name!r} {found}" if found else None
