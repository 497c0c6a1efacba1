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


def test_year_report_to_pandas(demo: diaban.Dataset) -> None:
    report = demo.report(2024, today="2026-01-01")
    frame = report.to_pandas()
    assert len(frame) == len(report)
    assert list(frame["assignment_id"]) == [a.assignment_id for a in report]
    # The core's flattening names the days `from`/`to`, as the JSON and `diaban report --csv` do.
    assert str(frame["from"].dtype).startswith("datetime64")
    for duty in report.duty_ids:
        assert f"{duty}_done" in frame.columns and f"{duty}_required" in frame.columns
    assert frame["shortfall"].sum() == len(report.with_shortfall)
    programme = report.to_pandas("programme_by_commune")
    si_binh = programme[programme["id"] == "01978"].set_index("kind")["quantity"].to_dict()
    assert si_binh == {"houses": 1, "gifts": 52, "works": 1}
    districts = report.to_pandas("districts")
    assert list(districts["id"]) == [r.id for r in report.districts]
    for table in diaban.YearReport.TABLES:
        assert len(report.to_pandas(table)) == len(report.to_dicts(table))
    empty = demo.report(1990).to_pandas()
    assert len(empty) == 0 and "assignment_id" in empty.columns


def test_reorganisation_tables(demo: diaban.Dataset) -> None:
    after, changes = demo.reorganize("bac-kan-2025")
    closed = changes.to_pandas()
    assert len(closed) == len(changes.assignments_closed)
    assert (closed["valid_to"] == closed["valid_to"].iloc[0]).all()
    started = changes.to_pandas("units_started")
    assert (started["code"].str.len() == 5).sum() == 37
    assert len(diaban.events("bac-kan-2025").to_pandas()) == 117
    lineage = after.lineage("01843", "2025-07-01").to_pandas()
    assert list(lineage["code"]) == ["01837", "01843", "01852", "01855"]
    _, nothing = after.reorganize("bac-kan-2025")
    assert len(nothing.to_pandas()) == 0 and "id" in nothing.to_pandas().columns


def test_new_tables_without_pandas(demo: diaban.Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    report = demo.report(2024)
    with pytest.raises(ImportError, match="pip install"):
        report.to_pandas()
    with pytest.raises(ImportError, match="pip install"):
        demo.reorganize("bac-kan-2025")[1].to_pandas()
    assert len(report.to_dicts()) == len(report)
