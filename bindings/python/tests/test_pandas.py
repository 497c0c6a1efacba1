"""Analysts' formats: DataFrames with pandas, plain dicts without."""

from __future__ import annotations

import sys

import pytest

import diaban

pd = pytest.importorskip("pandas")


def test_report_to_pandas(demo: diaban.Dataset) -> None:
    report = demo.check(today="2025-03-01", lang="en")
    frame = report.to_pandas()
    assert list(frame.columns) == ["code", "severity", "message", "subject_kind", "subject_id", "start", "end", "article", "details"]
    assert len(frame) == len(report)
    assert list(frame["code"]) == [f.code for f in report]
    assert str(frame["start"].dtype).startswith("datetime64")
    first = report[0]
    if first.start is not None:
        assert frame["start"].iloc[0].date() == first.start


def test_empty_report_to_pandas() -> None:
    ds = diaban.Dataset.from_records(units=[{"code": "06", "name": "Tỉnh Bắc Kạn", "type": "Tỉnh"}])
    report = ds.check(today="2025-03-01")
    frame = report.to_pandas()
    assert len(frame) == len(report)
    assert "code" in frame.columns


def test_coverage_to_pandas(demo: diaban.Dataset) -> None:
    cov = demo.coverage("2024-10-01")
    frame = cov.to_pandas()
    assert len(frame) == len(cov) == 108
    per_district = frame.groupby("district_name")["code"].size()
    assert per_district.sum() == 108
    assert frame["covered"].sum() == cov.covered


def test_records_from_a_dataframe() -> None:
    units = pd.DataFrame([
        {"code": "06", "name": "Tỉnh Bắc Kạn", "type": "Tỉnh", "parent_code": None},
        {"code": "058", "name": "Thành phố Bắc Kạn", "type": "Thành phố", "parent_code": "06"},
    ])
    ds = diaban.Dataset.from_records(units=units.to_dict("records"))
    assert ds.counts["units"] == 2


def test_without_pandas_a_clear_error(demo: diaban.Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    report = demo.check(today="2025-03-01")
    with pytest.raises(ImportError, match=r"diaban\[pandas\]"):
        report.to_pandas()
    with pytest.raises(ImportError, match="pip install"):
        demo.coverage("2024-10-01").to_pandas()
    assert len(report.to_dicts()) == len(report)
    assert len(demo.coverage("2024-10-01").to_dicts()) == 108
