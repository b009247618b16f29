"""Attachments of every type a notice may publish, made in memory with a given text: for the tests of what their
text shows (tests/test_privacy.py) and the corpus (tests/notice_corpus/attachments/, written by ``main``).

    .venv/bin/python -m tests.attachment_files   # rewrite the corpus's attachment files
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

_EPOCH = (2000, 1, 1, 0, 0, 0)


def _zip(members: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in members.items():
            z.writestr(zipfile.ZipInfo(name, date_time=_EPOCH), text.encode("utf-8"))
    return out.getvalue()


def csv(rows: list[list[str]]) -> bytes:
    return "\n".join(",".join(row) for row in rows).encode("utf-8")


def xlsx(rows: list[list[object]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def docx(paragraphs: list[str], split: bool = True) -> bytes:
    """A Word document; with ``split`` each paragraph's text is cut into runs of 4 characters, as Word does
    where the formatting changes (a number may so be spread over runs)."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    def runs(text: str) -> str:
        parts = [text[i:i + 4] for i in range(0, len(text), 4)] if split else [text]
        return "".join(f'<w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r>' for p in parts)
    body = "".join(f"<w:p>{runs(p)}</w:p>" for p in paragraphs)
    return _zip({
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                               'package/2006/content-types"/>',
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}"><w:body>{body}'
                             "</w:body></w:document>",
    })


def _opendocument(mimetype: str, body: str) -> bytes:
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    return _zip({
        "mimetype": mimetype,
        "content.xml": f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="{office}" '
                       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
                       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">'
                       f"<office:body>{body}</office:body></office:document-content>",
    })


def odt(paragraphs: list[str]) -> bytes:
    body = "".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs)
    return _opendocument("application/vnd.oasis.opendocument.text", f"<office:text>{body}</office:text>")


def ods(rows: list[list[str]]) -> bytes:
    cells = "".join("<table:table-row>" + "".join(f"<table:table-cell><text:p>{escape(c)}</text:p></table:table-cell>"
                                                  for c in row) + "</table:table-row>" for row in rows)
    return _opendocument("application/vnd.oasis.opendocument.spreadsheet", '<office:spreadsheet>'
                         f'<table:table table:name="名单">{cells}</table:table></office:spreadsheet>')


def pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text (ASCII, in Helvetica) is ``lines``: what a word processor's export holds."""
    text = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        "/Contents 4 0 R >>",
        f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def scanned_pdf() -> bytes:
    """A PDF of one page with no text at all: what a scanner writes (its image left out)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


ROW = ["示例海州精密机械有限公司", "联系人手机", "139-1234-5678"]
# The corpus's attachment files: name -> content (tests/notice_corpus/expected.json names them).
CORPUS = {
    "personal-xlsx.xlsx": lambda: xlsx([["名称", "联系人", "手机"], ["示例海州精密机械有限公司", "王某", 13912345678]]),
    "personal-docx.docx": lambda: docx(["联系人：王某", "手机：139 1234 5678"]),
    "personal-pdf.pdf": lambda: pdf(["Contact: +86 139 1234 5678"]),
    "personal-ods.ods": lambda: ods([["名称", "身份证号"], ["示例", "110105194912310021"]]),
    "personal-odt.odt": lambda: odt(["联系人身份证 110105 19491231 002X"]),
    "scanned.pdf": scanned_pdf,
}


def main() -> None:
    folder = Path(__file__).parent / "notice_corpus" / "attachments"
    folder.mkdir(exist_ok=True)
    for name, make in CORPUS.items():
        (folder / name).write_bytes(make())


if __name__ == "__main__":
    main()
