"""The second round: the yearly report, the reverse relationship query, reorganisations
(events, applying them, lineage)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import diaban

D = datetime.date
REFORM = D(2025, 7, 1)
LAST_DAY = D(2025, 6, 30)


@pytest.fixture(scope="module")
def carried(demo: diaban.Dataset) -> "tuple[diaban.Dataset, diaban.Changes]":
    return demo.reorganize("bac-kan-2025")


# --- the yearly report -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "year, expected",
    [
        (2023, {"works": 2, "gifts": 10, "bicycles": 56}),
        (2024, {"houses": 1, "gifts": 52, "works": 1}),
    ],
)
def test_si_binh_figures_of_the_article(demo: diaban.Dataset, year: int, expected: dict) -> None:
    report = demo.report(year, today=D(2026, 1, 1))
    si_binh = report.programme.commune("01978")
    assert si_binh is not None and si_binh.name.endswith("Bình")
    for kind, quantity in expected.items():
        assert si_binh.quantity(kind) == quantity, (year, kind)
        assert si_binh.by_kind[kind].quantity == quantity
    assert si_binh.quantity("cash") == 0 or "cash" in si_binh.by_kind
    rows = [r for r in report.to_dicts("programme_by_commune") if r["id"] == "01978"]
    assert {r["kind"]: r["quantity"] for r in rows} == {k: t.quantity for k, t in si_binh.by_kind.items()}


def test_report_shape_and_document(demo: diaban.Dataset) -> None:
    report = demo.report(2025, D(2026, 3, 1))
    assert isinstance(report, diaban.YearReport)
    assert report.year == 2025 and report.today == D(2026, 3, 1) and report.regulation == "1390-QĐ/TU"
    assert len(report) == len(report.assignments) > 0 and list(report) == report.assignments
    a = report[0]
    assert isinstance(a, diaban.AssignmentYear) and isinstance(a.start, datetime.date)
    assert a.start.year == 2025 and (a.end is None or a.end.year == 2025)
    assert all(isinstance(d, diaban.DutyRow) and d.met == (d.done >= d.required) for d in a.duties)
    assert isinstance(a.evaluation, diaban.EvaluationStatus)
    assert a.evaluation.status in {"ok", "late", "missing", "not_due", "not_required", "none"}
    doc = report.to_dict()
    assert set(doc) == {"year", "today", "regulation", "assignments", "districts", "agencies", "proposals", "programme"}
    assert json.loads(report.to_json()) == doc
    for typed, raw in zip(report, doc["assignments"]):
        assert typed.assignment_id == raw["assignment_id"] and typed.shortfall == raw["shortfall"]
        assert typed.start.isoformat() == raw["period"]["from"] and typed.days == raw["days"]
    assert [r.id for r in report.districts] == [r["id"] for r in doc["districts"]]
    assert all(isinstance(r, diaban.Rollup) for r in report.districts + report.agencies)
    assert sum(r.assignments for r in report.districts) <= len(report)
    assert repr(report).startswith("<YearReport 2025 (1390-QĐ/TU): ") and "<table>" in report._repr_html_()
    assert report.with_shortfall == [x for x in report if x.shortfall]


def test_report_agrees_with_the_check(demo: diaban.Dataset) -> None:
    today = D(2026, 3, 1)
    report = demo.report(2025, today)
    short = {a.assignment_id for a in report if any(not d.met for d in a.duties)}
    flagged = {
        f.subject_id for f in demo.check(today=today).filter(code="duty_frequency_unmet") if f.details.get("year") == 2025
    }
    assert short == flagged


def test_report_flat_rows(demo: diaban.Dataset) -> None:
    report = demo.report(2025, D(2026, 3, 1))
    rows = report.to_dicts()
    assert len(rows) == len(report)
    for duty in report.duty_ids:
        assert {f"{duty}_done", f"{duty}_required", f"{duty}_met"} <= set(rows[0])
    # The core's flattening (the same table as `diaban report --csv`): the days are `from`/`to`,
    # as in the JSON document and the CSV.
    assert rows[0]["assignment_id"] == report[0].assignment_id and rows[0]["from"] == report[0].start
    assert rows[0]["year"] == 2025 and "evaluation_due" in rows[0]
    for table in diaban.YearReport.TABLES:
        assert isinstance(report.to_dicts(table), list)
    districts = report.to_dicts("districts")
    assert [d["id"] for d in districts] == [r.id for r in report.districts]
    assert all(k.startswith("rating_") for d in districts for k in d if k not in
               {"id", "name", "assignments", "with_shortfall", "evaluations_missing"})
    with pytest.raises(ValueError, match="không có bảng `nope`") as info:
        report.to_dicts("nope")
    assert "unknown table" in info.value.message_en  # type: ignore[attr-defined]


def test_report_arguments(demo: diaban.Dataset) -> None:
    assert demo.report(2024, "01/01/2026").to_dict() == demo.report(2024, D(2026, 1, 1), profile="bac-kan-1390").to_dict()
    # Without `today`, deadlines are judged on the system date, as on the command line.
    assert demo.report(2024).today == datetime.date.today()
    with pytest.raises(diaban.InvalidArgumentError):
        demo.report(2024, "2026-02-30")
    with pytest.raises(TypeError):
        demo.report("2024")  # type: ignore[arg-type]
    empty = demo.report(1990)
    assert len(empty) == 0 and empty.programme.by_commune == [] and empty.programme.by_year  # every year recorded


# --- the reverse relationship query ------------------------------------------------------------


def test_relations_towards_the_district_lead(demo: diaban.Dataset) -> None:
    lead = demo.who_monitors("062", "2024-10-01")
    lead = [a for a in lead if a.scheme == "district-lead"]
    assert lead
    towards = demo.relations_towards(lead[0].subject_id, D(2024, 10, 1))
    assert towards and all(isinstance(r, diaban.Relation) for r in towards)
    assert any(r.subject_id == "p-ha-sy-thang" and r.kind == "directed_by" for r in towards)
    assert all(r.body_id == lead[0].subject_id or lead[0].subject_id in [p.id for p in r.people] for r in towards)
    # Every forward relationship of the monitor towards the district shows up in reverse.
    forward = [r for r in demo.relations("p-ha-sy-thang", "2024-10-01") if r.body_id == "062"]
    by_body = demo.relations_towards("062", "2024-10-01", profile="bac-kan-1390")
    assert forward and all(r in by_body for r in forward)
    assert demo.relations_towards("nobody", "2024-10-01") == []
    with pytest.raises(diaban.InvalidArgumentError):
        demo.relations_towards("062", "yesterday")


# --- events ------------------------------------------------------------------------------------


def test_events_forms(tmp_path: Path) -> None:
    builtin = diaban.events("bac-kan-2025")
    assert isinstance(builtin, diaban.Events) and len(builtin) == 117
    assert diaban.Events.builtin_ids() == ["bac-kan-2025"]
    edge = builtin[0]
    assert isinstance(edge, diaban.ReorganizationEdge) and edge.effective == REFORM
    assert edge.basis == "Nghị quyết 1683/NQ-UBTVQH15, Điều 1, khoản 89"
    assert sum(e.part == "abolished" for e in builtin) == 8
    assert "117 edges" in repr(builtin) and "2025-07-01" in repr(builtin)
    path = tmp_path / "events.json"
    path.write_text(builtin.to_json(), encoding="utf-8")
    for same in (
        diaban.events(path),
        diaban.events(str(path)),
        diaban.events(builtin.to_dicts()),
        diaban.events(list(builtin)),
        diaban.events(json.loads(builtin.to_json())),
        diaban.Events.loads(builtin.to_json()),
        diaban.events(builtin),
    ):
        assert same.edges == builtin.edges
    builtin.validate()


def test_events_from_csv(demo: diaban.Dataset, carried: "tuple[diaban.Dataset, diaban.Changes]",
                         tmp_path: Path) -> None:
    after, _ = carried
    csv = after.to_csv_texts()["reorganizations.csv"]
    assert diaban.Events.loads(csv, format="csv").edges == diaban.events("bac-kan-2025").edges
    (tmp_path / "reorganizations.csv").write_text(csv, encoding="utf-8")
    assert diaban.events(tmp_path).edges == diaban.events(tmp_path / "reorganizations.csv").edges
    assert len(diaban.events(tmp_path)) == 117


def test_event_errors(demo: diaban.Dataset) -> None:
    with pytest.raises(diaban.InvalidArgumentError) as info:
        diaban.events("nowhere")
    assert info.value.argument == "events" and "bac-kan-2025" in str(info.value)
    with pytest.raises(diaban.LoadError) as load_info:
        diaban.events([{"effective": "2025-02-30", "old_code": "01834", "part": "full"}])
    assert load_info.value.code == "invalid_date"
    with pytest.raises(diaban.LoadError) as load_info:
        diaban.events([{"effective": "2025-07-01", "old_code": "01834", "part": "full", "colour": 1}])
    assert load_info.value.code == "unknown_field"
    bad = diaban.events([{"effective": D(2025, 7, 1), "old_code": "058", "part": "abolished", "new_code": "999"}])
    with pytest.raises(diaban.InvalidArgumentError):
        bad.validate()
    with pytest.raises(diaban.InvalidArgumentError):
        demo.reorganize(bad)
    with pytest.raises(TypeError):
        diaban.events({"effective": "2025-07-01"})  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        diaban.Events.loads("[]", format="xml")


# --- applying the Bắc Kạn reform ---------------------------------------------------------------


def test_every_assignment_open_on_june_30_ends_then(
    demo: diaban.Dataset, carried: "tuple[diaban.Dataset, diaban.Changes]"
) -> None:
    after, changes = carried
    units = {u["code"] for u in demo.to_dict()["units"]}
    before = {a["id"]: a for a in demo.to_dict()["assignments"]}
    open_then = {
        i for i, a in before.items()
        if a["target"] in units and a["valid_from"] <= "2025-06-30"
        and (a.get("valid_to") is None or a["valid_to"] > "2025-06-30")
    }
    assert sum(before[i]["scheme"] == "commune-monitoring" for i in open_then) == 108
    # The reform also ends the assignments of the term of Tỉnh ủy Bắc Kạn, which ended with the
    # province: the 10 cell-attendance assignments (their party cells live on).
    of_term = {
        i for i, a in before.items()
        if i not in open_then and a.get("term_id") == "tinh-uy-xii" and a["valid_from"] <= "2025-06-30"
        and (a.get("valid_to") is None or a["valid_to"] > "2025-06-30")
    }
    assert len(of_term) == 10 and all(before[i]["scheme"] == "cell-attendance" for i in of_term)
    after_rows = {a["id"]: a for a in after.to_dict()["assignments"]}
    for i in open_then | of_term:
        assert (after_rows[i]["valid_to"], after_rows[i]["end_reason"]) == ("2025-06-30", "reorganized"), i
    for i, a in before.items():
        if i not in open_then | of_term:
            assert after_rows[i] == a, f"{i} is untouched"
    closed = {c.id: c for c in changes.assignments_closed}
    assert set(closed) == open_then | of_term
    assert all(c.valid_to == LAST_DAY for c in closed.values())
    assert closed["cm-01843"].successors == ["01843"] and closed["cm-01834"].successors == ["01840"]
    assert closed["dl-058"].successors == []
    assert closed["ntm-01858"].previous_valid_to == D(2025, 12, 31)
    for a in after.history("01843"):
        if a.id in closed:
            assert a.valid_to == LAST_DAY and a.end_reason == "reorganized"


def test_37_new_communes_and_a_new_province(carried: "tuple[diaban.Dataset, diaban.Changes]") -> None:
    _, changes = carried
    assert isinstance(changes, diaban.Changes) and not changes.is_empty
    assert changes.events == [REFORM] and changes.edges_added == 117
    communes = [u for u in changes.units_started if len(u.unit.code) == 5]
    assert len(communes) == 37
    assert all(u.effective == REFORM and u.unit.valid_from == REFORM and u.unit.parent_code == "19" for u in communes)
    assert {u.unit.type for u in communes} <= {"Xã", "Phường"}
    province = next(u.unit for u in changes.units_started if u.unit.code == "19")
    assert province.name == "Tỉnh Thái Nguyên"
    ended = [u for u in changes.units_ended if len(u.unit.code) == 5]
    assert len(ended) == 108 and all(u.unit.valid_to == LAST_DAY for u in ended)
    assert sum(len(u.unit.code) == 3 for u in changes.units_ended) == 8
    assert "37" not in repr(changes) or "started" in repr(changes)
    assert all(isinstance(r, diaban.LeftRecord) for r in changes.left)


def test_a_second_reorganize_changes_nothing(carried: "tuple[diaban.Dataset, diaban.Changes]") -> None:
    after, _ = carried
    again, nothing = after.reorganize("bac-kan-2025")
    assert nothing.is_empty and nothing.assignments_closed == [] and nothing.units_started == []
    assert nothing.edges_added == 0 and "nothing changed" in repr(nothing)
    assert again.to_json() == after.to_json()


def test_the_result_round_trips(carried: "tuple[diaban.Dataset, diaban.Changes]", tmp_path: Path) -> None:
    after, changes = carried
    text = after.to_json()
    assert diaban.loads(text).to_json() == text
    assert diaban.Dataset.from_csv_texts(after.to_csv_texts()).to_json() == text
    assert after.counts["reorganizations"] == 117
    doc = changes.to_dict()
    assert json.loads(changes.to_json()) == doc
    assert set(doc) == {"events", "units_ended", "units_started", "organizations_ended", "organizations_created",
                        "assignments_closed", "edges_added", "left"}
    # The reform ends the old party committees (108 communes, 8 districts, the province and its
    # standing committee) and proposes one for each of the 38 new units.
    assert (len(doc["organizations_ended"]), len(doc["organizations_created"])) == (118, 38)
    assert len(changes.to_dicts()) == len(changes.assignments_closed)
    for table in diaban.Changes.TABLES:
        assert isinstance(changes.to_dicts(table), list)


def test_reorganize_accepts_every_form_of_events(demo: diaban.Dataset, carried: "tuple[diaban.Dataset, diaban.Changes]",
                                                 tmp_path: Path) -> None:
    after, changes = carried
    builtin = diaban.events("bac-kan-2025")
    path = tmp_path / "e.json"
    path.write_text(builtin.to_json(), encoding="utf-8")
    for events in (builtin, path, str(path), builtin.to_dicts()):
        other, other_changes = demo.reorganize(events)
        assert other.to_json() == after.to_json() and other_changes.to_dict() == changes.to_dict()


def test_the_reorganized_dataset_is_checked_for_the_new_gaps(
    carried: "tuple[diaban.Dataset, diaban.Changes]",
) -> None:
    after, changes = carried
    new = {u.unit.code for u in changes.units_started if len(u.unit.code) == 5}
    # The built-in 1390-QĐ/TU ends with Bắc Kạn on 2025-06-30 and judges nothing after it; the
    # same rules kept in force by the merged province (its proposed Tỉnh ủy as issuer, no
    # territory) judge the new units, which nobody monitors yet.
    continued = diaban.Profile.builtin().to_dict()
    for key in ("in_force_until", "in_force_until_source", "in_force_until_note", "territory"):
        continued["regulation"].pop(key, None)
    continued["role_ids"] = {"issuer": "tinh-uy-19-2025"}
    builtin_gaps = after.check(today=D(2026, 1, 1)).filter(code="coverage_gap")
    assert not [f for f in builtin_gaps if f.start == REFORM]
    gaps = after.check(today=D(2026, 1, 1), profile=continued).filter(code="coverage_gap")
    from_july = {f.subject_id for f in gaps if f.start == REFORM}
    assert new <= from_july
    coverage = after.coverage(D(2025, 7, 1))
    assert {r.code for r in coverage} == new and coverage.covered == 0


# --- lineage -----------------------------------------------------------------------------------


def test_lineage_of_phuong_bac_kan(demo: diaban.Dataset, carried: "tuple[diaban.Dataset, diaban.Changes]") -> None:
    after, _ = carried
    report = after.lineage("01843", D(2025, 7, 1))
    assert isinstance(report, diaban.LineageReport)
    assert report.name == "Phường Bắc Kạn" and report.at == REFORM and report.valid_from == REFORM
    assert [(s.code, s.name) for s in report.predecessors] == [
        ("01837", "Phường Sông Cầu"),
        ("01843", "Phường Phùng Chí Kiên"),
        ("01852", "Xã Nông Thượng"),
        ("01855", "Phường Xuất Hóa"),
    ]
    assert all(s.depth == 1 and s.effective == REFORM and s.valid_to == LAST_DAY and s.via == "01843"
               for s in report.predecessors)
    assert report.successors == [] and report.known
    # The same through the events, on the dataset not yet reorganised.
    assert demo.lineage("01843", "2025-07-01", events="bac-kan-2025") == report
    old = after.lineage("01843", "2024-10-01")
    assert old.name == "Phường Phùng Chí Kiên" and old.valid_to == LAST_DAY
    assert [(s.code, s.name) for s in old.successors] == [("01843", "Phường Bắc Kạn")]
    district = after.lineage("058", "2024-10-01")
    assert [(s.code, s.part) for s in district.successors] == [(None, "abolished")]
    rows = report.to_dicts()
    assert [r["direction"] for r in rows] == ["predecessor"] * 4 and rows[0]["code"] == "01837"
    assert report.to_dict()["predecessors"][0]["code"] == "01837"
    assert "Phường Bắc Kạn" in str(report) and "←" in str(report)


def test_lineage_of_every_version(carried: "tuple[diaban.Dataset, diaban.Changes]") -> None:
    after, _ = carried
    versions = after.lineage("01843")
    assert isinstance(versions, list) and len(versions) == 2
    assert [v.name for v in versions] == ["Phường Phùng Chí Kiên", "Phường Bắc Kạn"]
    assert versions[1].at == REFORM and versions[0].at <= D(2025, 6, 30)
    unknown = after.lineage("99999", "2025-07-01")
    assert not unknown.known and unknown.predecessors == [] and unknown.name is None
    with pytest.raises(diaban.InvalidArgumentError):
        after.lineage("01843", "31/02/2025")


def test_reorganize_runs_in_threads(demo: diaban.Dataset, carried: "tuple[diaban.Dataset, diaban.Changes]") -> None:
    import threading

    expected = carried[0].to_json()
    results: list = []

    def work() -> None:
        results.append(demo.reorganize("bac-kan-2025")[0].to_json())

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 3
