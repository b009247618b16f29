"""Blank summary tables as downloadable CSV and XLSX, byte-for-byte reproducible."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from generator.model.scheme import Form, Scheme

BLANK_ROWS = 20
# Fixed so the same data gives the same bytes (zip entries and workbook properties).
_EPOCH = dt.datetime(2000, 1, 1)


def table_csv(form: Form) -> bytes:
    """UTF-8 with BOM, which spreadsheet programs need to read Chinese."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for field in form.header:
        writer.writerow([field, ""])
    writer.writerow(form.columns)
    for n in range(1, BLANK_ROWS + 1):
        writer.writerow([str(n) if form.columns[0] == "序号" else ""] + [""] * (len(form.columns) - 1))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def table_xlsx(scheme: Scheme, form: Form) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "汇总表"
    ws.append([form.title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(form.columns))
    for field in form.header:
        ws.append([f"{field}："])
    ws.append(form.columns)
    header_row = ws.max_row
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    for n in range(1, BLANK_ROWS + 1):
        ws.append([n if form.columns[0] == "序号" else None])
    for col in range(1, len(form.columns) + 1):
        ws.column_dimensions[ws.cell(row=header_row, column=col).column_letter].width = 18
    ws.append([])
    ws.append([f"来源：{scheme.documents[0].title} {form.cite.clause}"])
    wb.properties.creator = "质量奖公共服务门户"
    wb.properties.created = _EPOCH
    wb.properties.modified = _EPOCH
    raw = io.BytesIO()
    wb.save(raw)
    return _normalise_zip(raw.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry times, in a fixed order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in sorted(src.namelist()):
            info = zipfile.ZipInfo(name, date_time=_EPOCH.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            data = src.read(name)
            if name == "docProps/core.xml":
                # openpyxl stamps the save time as dcterms:modified.
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", data)
            dst.writestr(info, data)
    return out.getvalue()
