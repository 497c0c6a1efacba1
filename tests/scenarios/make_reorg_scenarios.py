#!/usr/bin/env python3
"""Writes the shared reorganisation scenarios (reorg_*.json) of this folder.

The datasets are small and self-contained: three real communes of Ngân Sơn (GSO codes and names),
their real edges of 1 July 2025 (Nghị quyết 1683/NQ-UBTVQH15, Điều 1, khoản 51 and 91), the district
abolished and the province 06 → 19. The scenario format has no "events": a scenario that needs the
reform applied holds the dataset already carried over (as `diaban reorganize` writes it), with the
edges in its `reorganizations` list. The expected findings are written by hand from the rules, not
computed by diaban. Run this script after editing it.
"""
import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
E, D = "2025-07-01", "2025-06-30"
NQ = "Nghị quyết 1683/NQ-UBTVQH15, Điều 1, khoản "
EDGES = [
    {"effective": E, "old_code": "01945", "new_code": "01954", "new_name": "Xã Ngân Sơn", "new_type": "Xã", "part": "full",
     "basis": NQ + "51"},
    {"effective": E, "old_code": "01954", "new_code": "01954", "new_name": "Xã Ngân Sơn", "new_type": "Xã", "part": "full",
     "basis": NQ + "51"},
    {"effective": E, "old_code": "01957", "new_code": "01957", "new_name": "Xã Thượng Quan", "new_type": "Xã", "part": "full",
     "basis": NQ + "91 (không sắp xếp)"},
    {"effective": E, "old_code": "062", "part": "abolished",
     "basis": "Luật Tổ chức chính quyền địa phương số 72/2025/QH15 (không tổ chức cấp huyện từ 01/07/2025)"},
    {"effective": E, "old_code": "06", "new_code": "19", "new_name": "Tỉnh Thái Nguyên", "new_type": "Tỉnh", "part": "full",
     "basis": "Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh"},
]


def base():
    """Before the reform: three communes, one monitor each from 2024-09-01, a district lead; the edges recorded."""
    return {
        "units": [
            {"code": "06", "name": "Tỉnh Bắc Kạn", "type": "Tỉnh"},
            {"code": "062", "name": "Huyện Ngân Sơn", "type": "Huyện", "parent_code": "06"},
            {"code": "01945", "name": "Xã Cốc Đán", "type": "Xã", "parent_code": "062"},
            {"code": "01954", "name": "Thị trấn Vân Tùng", "type": "Thị trấn", "parent_code": "062"},
            {"code": "01957", "name": "Xã Thượng Quan", "type": "Xã", "parent_code": "062"},
        ],
        "organizations": [
            {"id": "tinh-uy", "name": "Tỉnh ủy", "kind": "party_committee", "level": "province", "unit_code": "06"},
            {"id": "btv-tinh-uy", "name": "Ban Thường vụ Tỉnh ủy", "kind": "standing_committee", "level": "province",
             "unit_code": "06", "parent_id": "tinh-uy"},
            {"id": "so-cong-thuong", "name": "Sở Công Thương", "kind": "department", "level": "province", "unit_code": "06"},
        ],
        "people": [
            {"id": "p1", "name": "Người thứ nhất", "title": "Giám đốc Sở Công Thương", "organization_id": "so-cong-thuong",
             "rank": "head", "valid_from": "2020-01-01"},
            {"id": "p2", "name": "Người thứ hai", "title": "Phó Giám đốc Sở Công Thương", "organization_id": "so-cong-thuong",
             "rank": "deputy", "valid_from": "2020-01-01"},
            {"id": "p3", "name": "Người thứ ba", "title": "Phó Giám đốc Sở Công Thương", "organization_id": "so-cong-thuong",
             "rank": "deputy", "valid_from": "2020-01-01"},
            {"id": "sc1", "name": "Ủy viên thường vụ", "title": "Ủy viên Ban Thường vụ Tỉnh ủy", "organization_id": "btv-tinh-uy",
             "rank": "member", "valid_from": "2020-10-28"},
        ],
        "terms": [
            {"id": "tinh-uy-xii", "organization_id": "tinh-uy", "label": "2020–2025", "ordinal": "XII", "valid_from": "2020-10-28"}
        ],
        "assignments": [
            {"id": "cm-a", "scheme": "commune-monitoring", "subject_id": "p1", "target": "01945", "valid_from": "2024-09-01",
             "term_id": "tinh-uy-xii", "decision_number": "1421-QĐ/TU", "decision_date": "2024-08-30"},
            {"id": "cm-b", "scheme": "commune-monitoring", "subject_id": "p2", "target": "01954", "valid_from": "2024-09-01",
             "term_id": "tinh-uy-xii", "decision_number": "1421-QĐ/TU", "decision_date": "2024-08-30"},
            {"id": "cm-c", "scheme": "commune-monitoring", "subject_id": "p3", "target": "01957", "valid_from": "2024-09-01",
             "term_id": "tinh-uy-xii", "decision_number": "1421-QĐ/TU", "decision_date": "2024-08-30"},
            {"id": "dl-062", "scheme": "district-lead", "subject_id": "sc1", "target": "062", "valid_from": "2020-11-01",
             "term_id": "tinh-uy-xii"},
        ],
        "reorganizations": copy.deepcopy(EDGES),
    }


def carried():
    """The same records carried over as `diaban reorganize` does: old units and their assignments end on
    2025-06-30 (reason `reorganized`), the new units start on 2025-07-01 in province 19; the term XII is
    recorded as ended on 2025-06-30 and the new provincial term starts on 2025-07-01."""
    ds = base()
    for u in ds["units"]:
        u["valid_to"] = D
    ds["units"] += [
        {"code": "19", "name": "Tỉnh Thái Nguyên", "type": "Tỉnh", "valid_from": E},
        {"code": "01954", "name": "Xã Ngân Sơn", "type": "Xã", "parent_code": "19", "valid_from": E},
        {"code": "01957", "name": "Xã Thượng Quan", "type": "Xã", "parent_code": "19", "valid_from": E},
    ]
    for a in ds["assignments"]:
        a.update(valid_to=D, end_reason="reorganized")
    ds["terms"][0]["valid_to"] = D
    ds["terms"].append({"id": "tinh-uy-i", "organization_id": "tinh-uy", "label": "2025–2030", "ordinal": "I", "valid_from": E})
    return ds


def assignment(ds, aid):
    return next(a for a in ds["assignments"] if a["id"] == aid)


def f(code, kind, sid, frm=None, to=None, severity="error"):
    return {"code": code, "severity": severity, "subject": {"kind": kind, "id": sid}, "from": frm, "to": to}


def summary(findings):
    return {s + "s": sum(1 for x in findings if x["severity"] == s) for s in ("error", "warning", "info")}


SCENARIOS = {}


def scenario(name, description, findings, dataset, options=None, profile=None):
    s = {"description": description, "dataset": dataset}
    if profile is not None:
        s["profile"] = profile
    # Every scenario names the day it is judged on: the front ends default `today` to the system
    # date, so a scenario without one would not be reproducible. 2024-12-31 is before every
    # deadline of these datasets (no year is over, no evaluation due), so only the reform's own
    # findings show.
    s["options"] = {"at": None, "today": "2024-12-31", "recorded_on": None, "lang": "en"}
    s["options"].update(options or {})
    s["expect"] = {"findings": findings, "summary": summary(findings)}
    SCENARIOS[name] = s


# --- coverage_gap: the new units ----------------------------------------------------------------------
scenario("reorg_new_units_uncovered",
         "Carried over: the three old communes and their monitors end on 2025-06-30; the new Xã Ngân Sơn (01954, "
         "reusing Vân Tùng's code) and Xã Thượng Quan (01957) start on 2025-07-01 with nobody assigned: each is "
         "uncovered from its first day on. The old units are covered to their last day; no code overlaps.",
         [f("coverage_gap", "unit", "01954", E, None), f("coverage_gap", "unit", "01957", E, None)], carried())

# --- open_after_reorganization: assignments -------------------------------------------------------------
ds = carried()
for aid in ("cm-a", "cm-c"):
    a = assignment(ds, aid)
    del a["valid_to"], a["end_reason"]
scenario("reorg_open_assignment",
         "Carried over, except that cm-a (on Cốc Đán 01945, whose code no new unit takes) and cm-c (on the old "
         "Thượng Quan 01957, whose code the new unit reuses) were left open. Both run on a unit that ended on "
         "2025-06-30: open_after_reorganization from 2025-07-01. cm-a's code is in force nowhere after that "
         "(unit_not_in_force); cm-c counts, by code, for the new 01957, so only the new 01954 is uncovered. Both "
         "outlive the term XII recorded as ended on 2025-06-30 (outside_term), and their communes' district has no "
         "lead after it was abolished (district_lead_missing, a warning).",
         [f("unit_not_in_force", "assignment", "cm-a", E, None),
          f("coverage_gap", "unit", "01954", E, None),
          f("outside_term", "assignment", "cm-a", E, None),
          f("outside_term", "assignment", "cm-c", E, None),
          f("open_after_reorganization", "assignment", "cm-a", E, None),
          f("open_after_reorganization", "assignment", "cm-c", E, None),
          f("district_lead_missing", "unit", "062", E, None, severity="warning")], ds)

# --- open_after_reorganization: activities and evaluations ------------------------------------------------
ds = carried()
ds["activities"] = [
    {"id": "hd-1", "date": D, "subject_id": "p1", "target": "01945", "kind": "field_visit"},
    {"id": "hd-2", "date": E, "subject_id": "p1", "target": "01945", "kind": "field_visit"},
]
ds["evaluations"] = [
    {"id": "dg-2025-a", "year": 2025, "assignment_id": "cm-a", "author_id": "tinh-uy", "submitted_on": "2025-12-20",
     "rating": "good"},
    {"id": "dg-2026-a", "year": 2026, "assignment_id": "cm-a", "author_id": "tinh-uy", "submitted_on": "2026-12-20",
     "rating": "good"},
]
scenario("reorg_open_activity_evaluation",
         "Carried over. A field visit to Cốc Đán (01945) on 2025-06-30, its last day, is fine; one on 2025-07-01, the "
         "day after it ended, is open_after_reorganization (and outside any assignment). cm-a's 2025 evaluation is "
         "fine (it ran half of 2025); an evaluation of 2026, a year that begins after the unit ended, is "
         "open_after_reorganization for the whole year. The new units are uncovered, as in reorg_new_units_uncovered.",
         [f("coverage_gap", "unit", "01954", E, None), f("coverage_gap", "unit", "01957", E, None),
          f("open_after_reorganization", "activity", "hd-2", E, E),
          f("open_after_reorganization", "evaluation", "dg-2026-a", "2026-01-01", "2026-12-31"),
          f("activity_outside_assignment", "activity", "hd-2", E, E, severity="warning")], ds)

# --- outside_term: the term cut short by the reform --------------------------------------------------------
scenario("reorg_recorded_not_applied",
         "The edges are recorded but nothing was carried over: the units table still shows the old units and every "
         "assignment is open. Each runs on a unit reorganised on 2025-07-01 (open_after_reorganization), and each "
         "follows the term XII of Tỉnh ủy, whose province 06 became 19 that day: the term was cut short, so each is "
         "outside_term from 2025-07-01, citing the province's edge.",
         [f("outside_term", "assignment", "cm-a", E, None), f("outside_term", "assignment", "cm-b", E, None),
          f("outside_term", "assignment", "cm-c", E, None), f("outside_term", "assignment", "dl-062", E, None),
          f("open_after_reorganization", "assignment", "cm-a", E, None),
          f("open_after_reorganization", "assignment", "cm-b", E, None),
          f("open_after_reorganization", "assignment", "cm-c", E, None),
          f("open_after_reorganization", "assignment", "dl-062", E, None)], base())

# --- outside_regulation: 1390-QĐ/TU lapses with the old province -------------------------------------------
with open(os.path.join(HERE, "..", "..", "crates", "diaban", "profiles", "bac-kan-1390.json"), encoding="utf-8") as fh:
    lapsed = json.load(fh)
lapsed["id"] = "bac-kan-1390-lapsed"
lapsed["regulation"]["in_force_until"] = D
ds = carried()
ds["assignments"].append({"id": "cm-d", "scheme": "commune-monitoring", "subject_id": "p1", "target": "01954",
                          "valid_from": E, "term_id": "tinh-uy-i", "decision_number": "01-QĐ/TU", "decision_date": E})
scenario("reorg_outside_regulation",
         "A profile in which 1390-QĐ/TU lapses with the Bắc Kạn province on 2025-06-30 (the built-in profile, as "
         "known in 2024, has no end). cm-d, made on 2025-07-01 for the new Xã Ngân Sơn, lies outside the regulation "
         "from its first day; the coverage window ends with the regulation, so the new units are not gaps.",
         [f("outside_regulation", "assignment", "cm-d", E, None)], ds, profile=lapsed)

# --- recorded_on: a retroactive decision --------------------------------------------------------------------
ds = carried()
ds["assignments"] += [
    {"id": "cm-d", "scheme": "commune-monitoring", "subject_id": "p1", "target": "01954", "valid_from": E,
     "term_id": "tinh-uy-i", "decision_number": "15-QĐ/TU", "decision_date": "2025-07-15"},
    {"id": "cm-e", "scheme": "commune-monitoring", "subject_id": "p3", "target": "01957", "valid_from": E,
     "term_id": "tinh-uy-i", "decision_number": "01-QĐ/TU", "decision_date": E},
]
for day, when, findings in [
    ("2025-07-14", "the day before", [f("coverage_gap", "unit", "01954", E, None)]),
    ("2025-07-15", "the day of", []),
    ("2025-07-16", "the day after", []),
]:
    scenario(f"reorg_recorded_on_{when.split()[-1]}",
             f"Carried over; cm-d assigns Xã Ngân Sơn from 2025-07-01 by a decision signed on 2025-07-15 "
             f"(retroactive), cm-e assigns Thượng Quan by a decision of 2025-07-01. Recorded on {day}, {when} the "
             f"signing: " + ("cm-d is not known yet, so 01954 is uncovered from 2025-07-01." if findings else
                             "cm-d counts from 2025-07-01, so nothing is uncovered."),
             findings, ds, {"recorded_on": day})

for name, s in SCENARIOS.items():
    with open(os.path.join(HERE, f"{name}.json"), "w", encoding="utf-8") as fh:
        json.dump(s, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
print(f"wrote {len(SCENARIOS)} reorganisation scenarios")
