"""The text of an attachment, so that personal data in it can be found (generator/model/privacy.py).

CSV is UTF-8 text; .xlsx is read with openpyxl; .docx, .odt and .ods are zip files of XML, read with the standard
library; .pdf with pypdf. A PDF page without text (a scanned list) cannot be checked, so it is refused: the clerk
attaches the text version. Images are not read (no text to find without recognising it). Imported only where
attachment files are looked at (the command line's check), never by the office editor's check, which sees no file.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

# What a zip attachment may unpack to: a 20 MiB file of ordinary documents unpacks to far less; a zip bomb to more.
MAX_UNPACKED = 200 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


class Unreadable(Exception):
    """The attachment's text cannot be read: ``code`` names the message (generator.core.messages), ``values`` fill
    it."""

    def __init__(self, code: str, **values: object) -> None:
        super().__init__(code)
        self.code = code
        self.values = values


def _zip(data: bytes, label: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise Unreadable("notice.attachment_content", label=label) from None
    if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
        raise Unreadable("notice.attachment_unpacked", mib=MAX_UNPACKED // 1024 // 1024)
    return archive


def _paragraphs(xml: bytes, paragraph: str) -> list[str]:
    """The text of each ``paragraph`` element, its runs joined without a space (a number may span runs)."""
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        return []
    return ["".join(p.itertext()) for p in root.iter(paragraph)]


def _docx(data: bytes) -> str:
    archive = _zip(data, "Word 文档")
    parts = [n for n in archive.namelist() if n.startswith("word/") and n.endswith(".xml")]
    if "word/document.xml" not in parts:
        raise Unreadable("notice.attachment_content", label="Word 文档")
    return "\n".join(t for n in sorted(parts) for t in _paragraphs(archive.read(n), f"{_W}p"))


def _opendocument(data: bytes, label: str) -> str:
    archive = _zip(data, label)
    if "content.xml" not in archive.namelist():
        raise Unreadable("notice.attachment_content", label=label)
    texts: list[str] = []
    for name in ("content.xml", "styles.xml"):  # styles.xml holds the page headers and footers
        if name in archive.namelist():
            xml = archive.read(name)
            texts += _paragraphs(xml, f"{_TEXT_NS}p") + _paragraphs(xml, f"{_TEXT_NS}h")
    return "\n".join(texts)


def _cell(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a number typed into a cell: 13912345678.0 is 13912345678
    return "" if value is None else str(value)


def _xlsx(data: bytes) -> str:
    _zip(data, "Excel 表格").close()  # the size of what it unpacks to, before openpyxl reads it
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds (KeyError, ValueError, zip and XML errors) for a broken file
        raise Unreadable("notice.attachment_content", label="Excel 表格") from None
    try:
        return "\n".join("\t".join(_cell(v) for v in row) for sheet in book.worksheets
                         for row in sheet.iter_rows(values_only=True))
    finally:
        book.close()


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise Unreadable("notice.attachment_pdf_encrypted")
        texts = [page.extract_text() or "" for page in reader.pages]
    except Unreadable:
        raise
    except Exception:  # pypdf raises many kinds (its own, ValueError, KeyError, ...) for a broken or hostile file
        raise Unreadable("notice.attachment_content", label="PDF") from None
    blank = [n for n, text in enumerate(texts, 1) if not text.strip()]
    if not texts or blank:
        raise Unreadable("notice.attachment_pdf_scanned", pages="、".join(map(str, blank[:5])) or "1",
                         more="等" if len(blank) > 5 else "")
    return "\n".join(texts)


def attachment_text(ext: str, data: bytes) -> str | None:
    """The text of an attachment of type ``ext`` (lower case), or None for a type without text (images).

    Raises :class:`Unreadable` where the text cannot be read."""
    if ext == "csv":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise Unreadable("notice.attachment_encoding", label="CSV 表格（UTF-8 文本）") from None
        if "\x00" in text or text.lstrip().startswith("<"):
            raise Unreadable("notice.attachment_content", label="CSV 表格（UTF-8 文本）")
        return text
    if ext == "pdf":
        return _pdf(data)
    if ext == "docx":
        return _docx(data)
    if ext == "odt":
        return _opendocument(data, "OpenDocument 文档")
    if ext == "ods":
        return _opendocument(data, "OpenDocument 表格")
    if ext == "xlsx":
        return _xlsx(data)
    return None
