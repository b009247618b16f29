"""Issue 24, personal data: a mobile or ID number in any ordinary way of writing it, in a notice's text or in the
text of any attachment type the portal accepts, is refused; office lines and masked forms pass; a PDF without
readable text is refused because it cannot be checked."""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile
from pathlib import Path

import pytest

from generator.load.notices import check_notice_text
from generator.model.attachments import attachment_problem
from generator.model.privacy import find_personal_data
from tests import attachment_files as make

TODAY = dt.date(2026, 11, 23)
CORPUS = Path(__file__).parent / "notice_corpus"
NOTICE = (CORPUS / "personal-mobile.yaml").read_text(encoding="utf-8")
PATH = "public_lists/haizhou-quality-award/2026/2026-11-18-acceptance-personal-mobile.yaml"
ISSUER = "issuer: 手机 13812345678 海州区质量发展委员会办公室（示例）"

REFUSED = [
    ("13912345678", "mobile"), ("139-1234-5678", "mobile"), ("139 1234 5678", "mobile"),
    ("+8613912345678", "mobile"), ("8613912345678", "mobile"), ("+86 139 1234 5678", "mobile"),
    ("0086-139-1234-5678", "mobile"), ("１３９１２３４５６７８", "mobile"), ("139.1234.5678", "mobile"),
    ("110105194912310021", "id"), ("110105 19491231 002X", "id"), ("110105-19491231-002X", "id"),
    ("１１０１０５１９４９１２３１００２Ｘ", "id"), ("110105491231002", "id"),
    ("110105194912310029", "id"),  # a wrong check digit: mistyped, still a person's number
]
PASSED = ["138****1234", "139****5678", "35*************123", "11010519491231****", "0518-85551234",
          "(0518)85551234", "025-86661234", "电话 0518 8555 1234", "400-123-4567", "2026-11-18",
          "第1000分", "50万元", "编号 20261118001", "320706000012345",  # an old 15-digit business registration number
          "110105193313310021"]  # no such day: not a birth date


@pytest.fixture(scope="module")
def schemes():
    from generator import ROOT
    from generator.load.portal import load_portal

    return load_portal(ROOT).schemes


@pytest.mark.parametrize(("text", "kind"), REFUSED)
def test_every_way_of_writing_a_number_is_found(text, kind):
    assert find_personal_data(f"联系人 {text} 海州") == (kind, "139" if kind == "mobile" else "110")


@pytest.mark.parametrize("text", PASSED)
def test_office_lines_masked_numbers_and_other_figures_pass(text):
    assert find_personal_data(f"联系人 {text} 海州") is None


@pytest.mark.parametrize(("text", "kind"), REFUSED)
def test_a_notice_showing_one_is_refused_at_its_line(schemes, text, kind):
    notice = NOTICE.replace(ISSUER, f"issuer: 海州区质量发展委员会办公室 {text}")
    found = check_notice_text(notice, PATH, schemes, TODAY)
    assert [(p.line, p.code) for p in found] == [(6, f"notice.personal_{kind}")]
    assert "个人信息" in found[0].message


def test_the_objection_phone_must_be_an_office_line(schemes):
    office = NOTICE.replace(ISSUER, "issuer: 海州区质量发展委员会办公室")
    assert not check_notice_text(office, PATH, schemes, TODAY).problems
    mobile = office.replace('phone: "0518-00000000"', 'phone: "138-1234-5678"')
    found = check_notice_text(mobile, PATH, schemes, TODAY)
    assert [(p.line, p.code) for p in found] == [(18, "notice.phone_mobile")]
    assert "办公电话" in found[0].message and "0518-85551234" in found[0].message


# --- attachments --------------------------------------------------------------------------------------------------
MOBILE_ROWS = [["名称", "联系人手机"], ["示例海州精密机械有限公司", "139-1234-5678"]]
FILES = {
    "list.csv": lambda rows: make.csv(rows),
    "list.xlsx": lambda rows: make.xlsx(rows),
    "list.ods": lambda rows: make.ods(rows),
    "list.docx": lambda rows: make.docx(["，".join(r) for r in rows]),
    "list.odt": lambda rows: make.odt(["，".join(r) for r in rows]),
    "list.pdf": lambda rows: make.pdf([" ".join(r).encode("ascii", "ignore").decode() for r in rows]),
}


def _check(folder: Path, name: str, data: bytes) -> tuple[str, str] | None:
    (folder / name).write_bytes(data)
    return attachment_problem(folder, name, "attachments[0].file")


@pytest.mark.parametrize("name", sorted(FILES))
def test_personal_data_in_every_attachment_type_is_refused(tmp_path, name):
    problem = _check(tmp_path, name, FILES[name](MOBILE_ROWS))
    assert problem is not None and problem[0] == "notice.attachment_personal", problem
    assert "手机号码 139" in problem[1]


@pytest.mark.parametrize("name", sorted(FILES))
def test_an_attachment_with_office_lines_and_masked_numbers_passes(tmp_path, name):
    rows = [["名称", "电话"], ["示例海州精密机械有限公司", "0518-85551234"], ["联系人", "139****5678"]]
    assert _check(tmp_path, name, FILES[name](rows)) is None


def test_a_number_spread_over_runs_of_a_word_document_is_found(tmp_path):
    assert _check(tmp_path, "a.docx", make.docx(["手机13912345678"], split=True))[0] == "notice.attachment_personal"


def test_a_number_typed_as_a_number_into_a_spreadsheet_is_found(tmp_path):
    found = _check(tmp_path, "a.xlsx", make.xlsx([["手机", 13912345678], ["身份证", "110105194912310021"]]))
    assert found[0] == "notice.attachment_personal"


def test_a_pdf_whose_text_cannot_be_read_is_refused_as_uncheckable(tmp_path):
    problem = _check(tmp_path, "scan.pdf", make.scanned_pdf())
    assert problem[0] == "notice.attachment_pdf_scanned"
    assert "扫描" in problem[1] and "无法检查" in problem[1] and "可复制文字的版本" in problem[1]


def test_an_encrypted_pdf_is_refused(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make.pdf(["Tel 0518-85551234"]))))
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    assert _check(tmp_path, "locked.pdf", out.getvalue())[0] == "notice.attachment_pdf_encrypted"


@pytest.mark.parametrize(("name", "data"), [
    ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"),
    ("broken.xlsx", b"PK\x03\x04" + b"\x00" * 100),
    ("broken.docx", make._zip({"word/other.xml": "<a/>"})),
    ("broken.ods", make._zip({"mimetype": "x"})),
])
def test_a_broken_file_is_refused_without_a_traceback(tmp_path, name, data):
    assert _check(tmp_path, name, data)[0] == "notice.attachment_content"


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\x00" * (210 * 1024 * 1024))
    started = time.perf_counter()
    assert _check(tmp_path, "bomb.docx", out.getvalue())[0] == "notice.attachment_unpacked"
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(("name", "new"), [("summary.doc", "docx"), ("summary.xls", "xlsx"), ("SUMMARY.XLS", "xlsx")])
def test_old_office_files_are_refused_with_the_format_to_save_as(tmp_path, name, new):
    problem = _check(tmp_path, name, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    assert problem[0] == "notice.attachment_old_office" and f".{new}" in problem[1]


def test_a_large_list_is_read_in_a_reasonable_time():
    row = "示例海州精密机械有限公司,91320706AY4CL12THY,2026-11-18,0518-85551234,第1000名,制造业\n"
    text = row * (2_000_000 // len(row.encode()))
    started = time.perf_counter()
    assert find_personal_data(text) is None
    assert find_personal_data(text + "联系人 139 1234 5678") == ("mobile", "139")
    assert time.perf_counter() - started < 10  # 2 MB twice; about 1.5 s here
