"""XLSX workbooks: ``diaban.load("x.xlsx")``, ``Dataset.from_xlsx`` and ``Dataset.to_xlsx``
read and write the same dataset; a bad cell is named by sheet and cell."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import diaban


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
