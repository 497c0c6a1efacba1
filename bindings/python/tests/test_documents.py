"""Printable documents and the template: ``Dataset.report_docx``/``coverage_docx`` give the Word
files ``diaban report/coverage --out`` write, and ``diaban.template`` a workbook that loads back
with the province's real units."""

from __future__ import annotations

import io
import zipfile

import pytest

import diaban


def _document_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_the_report_and_the_coverage_list_are_word_documents(demo: diaban.Dataset) -> None:
    report = _document_text(demo.report_docx(2024, today="2025-03-01"))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in report
    assert "kết quả thực hiện Quy định số 1390-QĐ/TU năm 2024" in report
    assert "Nơi nhận:" in report
    coverage = _document_text(demo.coverage_docx("2024-10-01"))
    monitor = demo.who_monitors("01954", "2024-10-01")[0].subject_name
    assert monitor and monitor in coverage
    assert "tại ngày 01/10/2024" in coverage


def test_the_template_loads_back_with_the_real_units(tmp_path) -> None:
    path = tmp_path / "bac-kan.xlsx"
    path.write_bytes(diaban.template("06", at="2024-10-01"))
    ds = diaban.load(path)
    assert ds.counts["units"] == 1 + 8 + 108
    report = ds.check(at="2024-10-01")
    assert report.by_code() == {"coverage_gap": 108}


def test_an_unknown_province_lists_the_provinces_of_the_day() -> None:
    with pytest.raises(diaban.InvalidArgumentError, match="19 Tỉnh Thái Nguyên"):
        diaban.template("06", at="2025-07-01")
