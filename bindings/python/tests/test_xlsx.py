"""XLSX workbooks: ``diaban.load("x.xlsx")``, ``Dataset.from_xlsx`` and ``Dataset.to_xlsx``
read and write the same dataset; a bad cell is named by sheet and cell."""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path

import pytest

import diaban
from conftest import ROOT


def _workbook(sheets: dict[str, list[list[str]]]) -> bytes:
    """A minimal workbook built by hand: inline-string cells, one part per sheet."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        listed, rels = "", ""
        for n, (name, rows) in enumerate(sheets.items(), start=1):
            listed += f'<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>'
            rels += (
                f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"'
                f' Target="worksheets/sheet{n}.xml"/>'
            )
            data = ""
            for r, row in enumerate(rows, start=1):
                cells = "".join(
                    f'<c r="{chr(65 + c)}{r}" t="inlineStr"><is><t>{v}</t></is></c>' for c, v in enumerate(row) if v
                )
                data += f'<row r="{r}">{cells}</row>'
            z.writestr(
                f"xl/worksheets/sheet{n}.xml",
                '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                f"<sheetData>{data}</sheetData></worksheet>",
            )
        z.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
            ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f"<sheets>{listed}</sheets></workbook>",
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{rels}</Relationships>",
        )
    return out.getvalue()


def test_a_workbook_round_trips_and_loads_from_a_path(demo: diaban.Dataset, tmp_path: Path) -> None:
    data = demo.to_xlsx()
    assert isinstance(data, bytes) and data[:4] == b"PK\x03\x04"
    assert diaban.Dataset.from_xlsx(data).to_json() == demo.to_json()
    path = tmp_path / "records.xlsx"
    path.write_bytes(data)
    assert diaban.load(path).to_json() == demo.to_json()


def test_vietnamese_sheets_and_headers_read_like_csv() -> None:
    units = [
        ["Mã đơn vị", "Tên đơn vị", "Loại"],
        ["06", "Tỉnh Bắc Kạn", "Tỉnh"],
        ["01954", "Thị trấn Vân Tùng", "thị trấn"],
    ]
    ds = diaban.Dataset.from_xlsx(_workbook({"Đơn vị": units}))
    csv = diaban.Dataset.from_csv_texts({"units.csv": "code,name,type\n06,Tỉnh Bắc Kạn,Tỉnh\n01954,Thị trấn Vân Tùng,Thị trấn\n"})
    assert ds.to_json() == csv.to_json()


def test_a_bad_cell_is_named_by_sheet_and_cell() -> None:
    units = [["code", "name", "type"], ["06", "Tỉnh Bắc Kạn", "Tỉnh"]]
    assignments = [
        ["id", "scheme", "subject_id", "target", "valid_from"],
        ["a1", "commune-monitoring", "p1", "06", "31/02/2024"],
    ]
    with pytest.raises(diaban.LoadError) as info:
        diaban.Dataset.from_xlsx(_workbook({"units": units, "assignments": assignments}))
    e = info.value
    assert e.code == "invalid_date" and e.sheet == "assignments" and e.cell == "E2"
    assert e.field == "valid_from" and "assignments!E2" in str(e)
    with pytest.raises(TypeError):
        diaban.Dataset.from_xlsx("not bytes")  # type: ignore[arg-type]


# Hostile workbooks through Python: the same codes as the core (crates/diaban/tests/xlsx.rs),
# quickly, under the desktop caps that `load` and `from_xlsx` use.
WORKBOOKS = ROOT / "crates" / "diaban" / "tests" / "workbooks"
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_UNITS_ROWS = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>type</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>06</t></is></c><c r="B2" t="inlineStr"><is><t>Tỉnh Bắc Kạn</t></is></c>'
    '<c r="C2" t="inlineStr"><is><t>Tỉnh</t></is></c></row>'
)


def _units_book(row3: str = "", before: str = "", after: str = "") -> bytes:
    """A workbook whose only sheet is `units`: a header, one province, then `row3` (the cells
    of row 3), with `before` and `after` around the sheet data."""
    sheet = (
        f'<?xml version="1.0"?><worksheet {_NS}>{before}<sheetData>{_UNITS_ROWS}'
        + (f'<row r="3">{row3}</row>' if row3 else "")
        + f"</sheetData>{after}</worksheet>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0"?><workbook {_NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="units" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>",
        )
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return out.getvalue()


def _refused(data: bytes, tmp_path: Path) -> list[diaban.LoadError]:
    """The errors of `from_xlsx(data)` and of `load(path)` on the same bytes, each within 20 s."""
    path = tmp_path / "book.xlsx"
    path.write_bytes(data)
    errors = []
    for read in (lambda: diaban.Dataset.from_xlsx(data), lambda: diaban.load(path)):
        start = time.monotonic()
        with pytest.raises(diaban.LoadError) as info:
            read()
        assert time.monotonic() - start < 20
        errors.append(info.value)
    return errors


def test_the_baseline_hostile_workbook_loads() -> None:
    # The helper's workbook itself is valid: every refusal below is due to what was added.
    assert len(json.loads(diaban.Dataset.from_xlsx(_units_book()).to_json())["units"]) == 1


@pytest.mark.parametrize(
    ("case", "book", "code", "words"),
    [
        ("formula without value", dict(row3='<c r="A3" t="str"><f>"062"</f></c>'), "invalid_value", ["units!A3", "no computed value"]),
        ("error value", dict(row3='<c r="A3" t="e"><v>#N/A</v></c>'), "invalid_value", ["units!A3", "#N/A"]),
        ("merged cells", dict(after='<mergeCells count="1"><mergeCell ref="C2:C3"/></mergeCells>'), "invalid_value", ["units!C2", "merged"]),
        ("shared formula over the whole sheet", dict(row3='<c r="B3" t="str"><f t="shared" ref="A1:XFD1048576" si="0">A1</f><v>x</v></c>'), "limit_exceeded", ["shared formula"]),
        ("cell past the last column", dict(row3='<c r="AAAAAAAAA3" t="inlineStr"><is><t>x</t></is></c>'), "xlsx_syntax", ["XFD1048576"]),
        ("one run of 64 MiB", dict(before=" " * (64 * 1024 * 1024)), "limit_exceeded", ["without markup"]),
    ],
)
def test_hostile_workbooks_give_the_core_codes_quickly(case: str, book: dict[str, str], code: str, words: list[str], tmp_path: Path) -> None:
    for e in _refused(_units_book(**book), tmp_path):
        assert e.code == code, (case, str(e))
        # The English message carries the words; the Vietnamese one is the default.
        assert all(w in e.message_en for w in words), (case, e.message_en)


def test_other_spreadsheet_formats_say_what_to_do(tmp_path: Path) -> None:
    for name, words in [("password-protected.xlsx", "password-protected"), ("excel-97-2003.xls", "Excel 97–2003")]:
        for e in _refused((WORKBOOKS / name).read_bytes(), tmp_path):
            assert e.code == "xlsx_syntax" and words in e.message_en, (name, e.message_en)
    text = tmp_path / "units.xlsx"
    text.write_text("code,name,type\n06,Tỉnh Bắc Kạn,Tỉnh\n", encoding="utf-8")
    with pytest.raises(diaban.LoadError) as info:
        diaban.load(text)
    assert info.value.code == "xlsx_syntax" and "not an XLSX workbook" in info.value.message_en
