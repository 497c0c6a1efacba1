"""The Python API: construction, check options, dates, queries, profiles, reprs."""

from __future__ import annotations

import datetime
import json
import threading
from pathlib import Path

import pytest

import diaban

D = datetime.date


def test_version_comes_from_cargo() -> None:
    assert diaban.__version__ == diaban._diaban.__version__
    assert diaban.__version__.count(".") == 2


def test_demo_and_repr(demo: diaban.Dataset) -> None:
    assert demo.counts["units"] > 100
    assert repr(demo).startswith("<Dataset: ") and "units" in repr(demo)


def test_check_report_shape(demo: diaban.Dataset) -> None:
    report = demo.check(today=D(2025, 3, 1), lang="en")
    assert isinstance(report, diaban.Report)
    assert len(report) == len(report.findings) == report.summary.total > 0
    assert list(report) == report.findings and report[0] == report.findings[0]
    f = report[0]
    assert isinstance(f, diaban.Finding)
    assert f.severity in {"error", "warning", "info"} and f.code and f.message
    assert f.start is None or isinstance(f.start, datetime.date)
    assert isinstance(f.details, dict)
    assert repr(report).startswith("<Report: ") and f"{report.summary.errors} errors" in repr(report)
    assert "<table>" in report._repr_html_()
    assert sum(report.by_code().values()) == len(report)
    assert report.has_errors == (report.summary.errors > 0)
    assert all(x.code == "coverage_gap" for x in report.filter(code="coverage_gap"))


def test_report_document_is_the_cli_json(demo: diaban.Dataset) -> None:
    report = demo.check(today="2025-03-01", lang="en")
    doc = report.to_dict()
    assert set(doc) == {"findings", "summary"}
    # `basis` (issue 11): what the finding rests on (source, topic, parameter, value).
    assert set(doc["findings"][0]) == {"code", "severity", "message", "subject", "from", "to", "article", "basis", "details"}
    assert json.loads(report.to_json()) == doc
    for f, raw in zip(report, doc["findings"]):
        assert (f.code, f.subject_kind, f.subject_id) == (raw["code"], raw["subject"]["kind"], raw["subject"]["id"])
        assert (f.start.isoformat() if f.start else None) == raw["from"]
        assert (f.end.isoformat() if f.end else None) == raw["to"]
        assert f.article == raw["article"] and f.details == raw["details"]


def test_lang_changes_only_messages(demo: diaban.Dataset) -> None:
    vi = demo.check(today="2025-03-01")
    en = demo.check(today="2025-03-01", lang="en")
    assert vi.lang == "vi"
    assert [(f.code, f.subject_id, f.start) for f in vi] == [(f.code, f.subject_id, f.start) for f in en]
    assert [f.message for f in vi] != [f.message for f in en]


def test_dates_as_date_or_text_are_the_same(demo: diaban.Dataset) -> None:
    a = demo.check(at=D(2025, 3, 5), today=D(2025, 3, 1)).to_dict()
    b = demo.check(at="2025-03-05", today="01/03/2025").to_dict()
    c = demo.check(at=datetime.datetime(2025, 3, 5, 12, 30), today="2025-03-01").to_dict()
    assert a == b == c


def test_today_matters_and_recorded_on_is_accepted(demo: diaban.Dataset) -> None:
    early = demo.check(today="2024-09-02")
    late = demo.check(today="2026-01-01")
    assert len(early.filter(code="evaluation_missing")) <= len(late.filter(code="evaluation_missing"))
    assert isinstance(demo.check(today="2025-03-01", recorded_on=D(2024, 8, 1)), diaban.Report)


def test_profile_forms(demo: diaban.Dataset, tmp_path: Path) -> None:
    builtin = diaban.Profile.builtin()
    assert builtin.id == "bac-kan-1390" and builtin.regulation_number == "1390-QĐ/TU"
    assert "commune-monitoring" in builtin.scheme_ids
    assert diaban.Profile.builtin_ids() == ["bac-kan-1390"]
    assert "bac-kan-1390" in repr(builtin)
    path = tmp_path / "profile.json"
    path.write_text(builtin.to_json(), encoding="utf-8")
    expected = demo.check(today="2025-03-01").to_dict()
    for profile in (None, "bac-kan-1390", builtin, path, str(path), builtin.to_dict(), diaban.Profile.load(path),
                    diaban.Profile.loads(builtin.to_json()), diaban.Profile()):
        assert demo.check(today="2025-03-01", profile=profile).to_dict() == expected, profile


def test_coverage(demo: diaban.Dataset) -> None:
    cov = demo.coverage(D(2024, 10, 1))
    assert isinstance(cov, diaban.Coverage)
    assert cov.scheme == "commune-monitoring" and cov.at == D(2024, 10, 1)
    assert len(cov) == 108 == cov.covered + cov.uncovered
    assert cov.uncovered == len(cov.uncovered_rows())
    row = next(r for r in cov if r.code == "01954")
    assert row.covered and row.assignments[0].subject_name == "Hà Sỹ Thắng"
    assert row.district_code and row.district_name and row.type
    flat = cov.to_dicts()
    assert len(flat) == 108 and flat[0]["code"] == cov[0].code and "monitors" in flat[0]
    assert cov.to_dict()["rows"][0]["code"] == cov[0].code
    assert "<table>" in cov._repr_html_() and "108 covered" in repr(cov) or "covered" in repr(cov)
    same = demo.coverage("2024-10-01", "commune-monitoring", profile="bac-kan-1390")
    assert same.to_dict() == cov.to_dict()


def test_who_monitors_monitored_by_history(demo: diaban.Dataset) -> None:
    who = demo.who_monitors("01954", D(2024, 10, 1))
    assert len(who) >= 1
    a = who[0]
    assert isinstance(a, diaban.Assignment)
    assert a.subject_name == "Hà Sỹ Thắng" and a.target == "01954"
    assert isinstance(a.valid_from, datetime.date) and a.valid_from <= D(2024, 10, 1)
    assert a.valid_to is None or a.valid_to >= D(2024, 10, 1)
    assert a.decision_date is None or isinstance(a.decision_date, datetime.date)
    mine = demo.monitored_by(a.subject_id, "2024-10-01")
    assert a.id in [m.id for m in mine]
    history = demo.history("01954")
    assert a.id in [h.id for h in history]
    assert [h.valid_from for h in history] == sorted(h.valid_from for h in history)
    assert a.to_dict()["id"] == a.id
    # A place or a person by id or by name (case, tone placement and Sĩ/Sỹ do not matter); an
    # unknown one is an error (never an empty list), an ambiguous one lists the candidates.
    assert demo.who_monitors("thị trấn vân tùng", "2024-10-01") == who
    assert demo.history("Vân Tùng") == history
    assert demo.monitored_by("hà sĩ thắng", "2024-10-01") == mine
    with pytest.raises(diaban.InvalidArgumentError) as err:
        demo.who_monitors("nowhere", "2024-10-01")
    assert err.value.code == "not_found" and err.value.argument == "target"
    with pytest.raises(diaban.InvalidArgumentError) as err:
        demo.history("Bắc Kạn")
    assert err.value.code == "ambiguous_name"
    assert "Thành phố Bắc Kạn (058" in str(err.value) and "Tỉnh Bắc Kạn (06" in str(err.value)


def test_json_roundtrip_and_files(demo: diaban.Dataset, tmp_path: Path) -> None:
    text = demo.to_json()
    assert diaban.loads(text).to_json() == text
    path = tmp_path / "demo.json"
    path.write_text(text, encoding="utf-8")
    assert diaban.load(path).to_json() == text
    assert diaban.load(str(path)).to_json() == text
    assert diaban.Dataset.from_dict(demo.to_dict()).to_json() == text


def test_csv_folder_roundtrip(demo: diaban.Dataset, tmp_path: Path) -> None:
    files = demo.to_csv_texts()
    assert "units.csv" in files
    for name, body in files.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    from_folder = diaban.load(tmp_path)
    from_texts = diaban.Dataset.from_csv_texts(files)
    assert from_folder.to_json() == from_texts.to_json()
    assert from_folder.check(today="2025-03-01").to_dict() == demo.check(today="2025-03-01").to_dict()


def test_from_records_with_dates_and_missing_values() -> None:
    ds = diaban.Dataset.from_records(
        units=[
            {"code": "06", "name": "Tỉnh Bắc Kạn", "type": "Tỉnh"},
            {"code": "058", "name": "Thành phố Bắc Kạn", "type": "Thành phố", "parent_code": "06",
             "valid_from": D(2015, 1, 1), "valid_to": None},
            {"code": "01834", "name": "Phường Nguyễn Thị Minh Khai", "type": "Phường", "parent_code": "058",
             "valid_from": "2015-01-01", "valid_to": float("nan")},
        ],
    )
    assert ds.counts["units"] == 3
    units = {u["code"]: u for u in ds.to_dict()["units"]}
    assert units["058"]["valid_from"] == "2015-01-01"
    same = diaban.Dataset.from_csv_texts({
        "units.csv": "code,name,type,parent_code,valid_from,valid_to\n06,Tỉnh Bắc Kạn,Tỉnh,,,\n"
        "058,Thành phố Bắc Kạn,Thành phố,06,2015-01-01,\n01834,Phường Nguyễn Thị Minh Khai,Phường,058,01/01/2015,\n"
    })
    assert same.to_json() == ds.to_json()
    assert diaban.Dataset.from_records(units=[]).counts["units"] == 0


def test_parse_date() -> None:
    assert diaban.parse_date("2024-08-29") == D(2024, 8, 29)
    assert diaban.parse_date("29/08/2024") == D(2024, 8, 29)
    assert diaban.parse_date(D(2024, 8, 29)) == D(2024, 8, 29)


def test_check_runs_in_threads(demo: diaban.Dataset) -> None:
    expected = demo.check(today="2025-03-01").to_dict()
    results: list[dict] = []

    def work() -> None:
        results.append(demo.check(today="2025-03-01").to_dict())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


def test_dataset_cannot_be_built_from_arbitrary_objects() -> None:
    with pytest.raises(TypeError):
        diaban.Dataset("units.csv")  # type: ignore[arg-type]


def test_relations(demo: diaban.Dataset) -> None:
    who = demo.who_monitors("01954", "2024-10-01")[0]
    relations = demo.relations(who.subject_id, D(2024, 10, 1))
    assert relations and all(isinstance(r, diaban.Relation) for r in relations)
    assert {r.kind for r in relations} <= {"reports_to", "directed_by", "coordinates_with", "evaluated_by"}
    assert all(r.subject_id == who.subject_id for r in relations)
    assert demo.relations(who.subject_id, "2024-10-01", profile="bac-kan-1390") == relations
    assert demo.relations(who.subject_name, "2024-10-01") == relations
    with pytest.raises(diaban.InvalidArgumentError) as err:
        demo.relations("nobody", "2024-10-01")
    assert err.value.code == "not_found"


def test_finding_codes_name_each_code_in_both_languages(demo: diaban.Dataset) -> None:
    vi = {c["code"]: c for c in diaban.finding_codes()}
    en = {c["code"]: c for c in diaban.finding_codes("en")}
    assert vi.keys() == en.keys()
    assert vi["coverage_gap"]["title"] == "Đơn vị không có người theo dõi"
    assert en["coverage_gap"]["title"] == "Unit without a monitor"
    assert vi["coverage_gap"]["severity"] == "error" and vi["coverage_gap"]["hint"]
    # The same registry as the WebAssembly module's findingCodes and the CLI's headings.
    assert all(f.code in vi for f in demo.check(today="2026-01-01"))
    with pytest.raises(ValueError):
        diaban.finding_codes("fr")
