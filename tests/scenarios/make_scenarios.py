#!/usr/bin/env python3
"""Writes the shared scenarios of this folder.

The expected findings below are written by hand from the rules (docs/design.md, docs/semantics.md and the profile),
not computed by diaban: each scenario states what the answer must be and why. Run this script
after editing it; the Rust, Python and JavaScript suites then read the JSON files.
"""
import copy
import csv
import io
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "crates", "diaban", "data")


def base():
    """Two commune-level units of Ngân Sơn, two monitors, a district lead: clean."""
    return {
        "units": [
            {"code": "06", "name": "Tỉnh Bắc Kạn", "type": "Tỉnh"},
            {"code": "062", "name": "Huyện Ngân Sơn", "type": "Huyện", "parent_code": "06"},
            {"code": "01954", "name": "Thị trấn Vân Tùng", "type": "Thị trấn", "parent_code": "062"},
            {"code": "01957", "name": "Xã Thượng Quan", "type": "Xã", "parent_code": "062"},
        ],
        "organizations": [
            {"id": "tinh-uy", "name": "Tỉnh ủy Bắc Kạn", "kind": "party_committee", "level": "province", "unit_code": "06"},
            {"id": "btv-tinh-uy", "name": "Ban Thường vụ Tỉnh ủy Bắc Kạn", "kind": "standing_committee", "level": "province",
             "unit_code": "06", "parent_id": "tinh-uy"},
            {"id": "so-cong-thuong", "name": "Sở Công Thương tỉnh Bắc Kạn", "kind": "department", "level": "province",
             "unit_code": "06"},
        ],
        "people": [
            {"id": "p1", "name": "Người thứ nhất", "title": "Giám đốc Sở Công Thương", "organization_id": "so-cong-thuong",
             "rank": "head", "valid_from": "2020-01-01"},
            {"id": "p2", "name": "Người thứ hai", "title": "Phó Giám đốc Sở Công Thương", "organization_id": "so-cong-thuong",
             "rank": "deputy", "valid_from": "2020-01-01"},
            {"id": "p3", "name": "Người thứ ba", "title": "Chuyên viên Sở Công Thương", "organization_id": "so-cong-thuong",
             "rank": "member", "valid_from": "2020-01-01"},
            {"id": "sc1", "name": "Ủy viên thường vụ", "title": "Ủy viên Ban Thường vụ Tỉnh ủy", "organization_id": "btv-tinh-uy",
             "rank": "member", "valid_from": "2020-10-28"},
        ],
        "terms": [
            {"id": "tinh-uy-xii", "organization_id": "tinh-uy", "label": "2020–2025", "ordinal": "XII", "valid_from": "2020-10-28"}
        ],
        "assignments": [
            {"id": "cm-a", "scheme": "commune-monitoring", "subject_id": "p1", "target": "01954", "valid_from": "2024-09-01",
             "term_id": "tinh-uy-xii"},
            {"id": "cm-b", "scheme": "commune-monitoring", "subject_id": "p2", "target": "01957", "valid_from": "2024-09-01",
             "term_id": "tinh-uy-xii"},
            {"id": "dl-062", "scheme": "district-lead", "subject_id": "sc1", "target": "062", "valid_from": "2020-11-01",
             "term_id": "tinh-uy-xii"},
        ],
    }


def assignment(ds, aid):
    return next(a for a in ds["assignments"] if a["id"] == aid)


def f(code, kind, sid, frm=None, to=None, severity="error"):
    return {"code": code, "severity": severity, "subject": {"kind": kind, "id": sid}, "from": frm, "to": to}


def summary(findings):
    return {
        "errors": sum(1 for x in findings if x["severity"] == "error"),
        "warnings": sum(1 for x in findings if x["severity"] == "warning"),
        "infos": sum(1 for x in findings if x["severity"] == "info"),
    }


SCENARIOS = {}

# The built-in profile ends with the province on 2025-06-30 (in_force_until, assumed). Scenarios about
# rules on later days use this copy, written below: the same rules, as if a successor regulation had kept
# them in force, with no end and no territory.
CONTINUED = "profiles/continued.json"
# The built-in profile without duties and evaluations: for scenarios about coverage and cardinality
# whose records hold no activities (an assignment that ended before the judged day would otherwise
# show, truthfully, a duty shortfall that is not what the scenario is about).
NO_DUTIES = "profiles/builtin-no-duties.json"


def scenario(name, description, findings, dataset=None, options=None, profile=None, csv_files=None, error=None):
    s = {"description": description}
    if csv_files is not None:
        s["csv"] = csv_files
    elif dataset is not None:
        s["dataset"] = copy.deepcopy(dataset)
    else:
        s["demo"] = True
    if profile is not None:
        s["profile"] = profile
    s["options"] = {"at": None, "today": "2024-12-31", "recorded_on": None, "lang": "en"}
    s["options"].update(options or {})
    s["expect"] = {"error": error} if error else {"findings": findings, "summary": summary(findings)}
    SCENARIOS[name] = s


# --- clean -------------------------------------------------------------------------------------
scenario("clean_minimal", "Two units, one monitor each from the first day of coverage, a district lead: nothing to report.",
         [], base())

ds = base()
assignment(ds, "cm-b").update(valid_to="2024-12-31", end_reason="replaced")
ds["assignments"].append({"id": "cm-b2", "scheme": "commune-monitoring", "subject_id": "p3", "target": "01957",
                          "valid_from": "2025-01-01", "replaces": "cm-b"})
ds["people"][2].update(rank="deputy", title="Phó Giám đốc Sở Công Thương")
scenario("coverage_handover_contiguous", "cm-b ends on 2024-12-31 and cm-b2 starts on 2025-01-01: inclusive ends, so "
         "there is neither a gap nor an overlap (the day after).", [], ds)

# --- coverage_gap -------------------------------------------------------------------------------
ds = base()
assignment(ds, "cm-b")["valid_from"] = "2024-09-15"
scenario("coverage_gap_late_start", "Coverage starts 2024-09-01; Thượng Quan's monitor starts 2024-09-15, so it is uncovered "
         "from 2024-09-01 to 2024-09-14: one finding with exactly those dates.",
         [f("coverage_gap", "unit", "01957", "2024-09-01", "2024-09-14")], ds)

ds = base()
assignment(ds, "cm-b").update(valid_to="2024-11-30", end_reason="replaced")
ds["assignments"].append({"id": "cm-b2", "scheme": "commune-monitoring", "subject_id": "p2", "target": "01957",
                          "valid_from": "2024-12-02", "replaces": "cm-b"})
scenario("coverage_gap_one_day", "The successor starts on 2024-12-02, one day after the predecessor's last day: a one-day gap "
         "on 2024-12-01, before the judged day (2024-12-31).",
         [f("coverage_gap", "unit", "01957", "2024-12-01", "2024-12-01")], ds, profile=NO_DUTIES)
scenario("coverage_gap_at_day_inside", "The same one-day gap checked --at that very day.",
         [f("coverage_gap", "unit", "01957", "2024-12-01", "2024-12-01")], ds, {"at": "2024-12-01"}, profile=NO_DUTIES)
scenario("coverage_gap_at_day_before", "The same data checked --at the day before the gap: nothing.", [], ds, {"at": "2024-11-30"}, profile=NO_DUTIES)
scenario("coverage_gap_at_day_after", "The same data checked --at the day after the gap: nothing.", [], ds, {"at": "2024-12-02"}, profile=NO_DUTIES)

ds = base()
assignment(ds, "cm-b").update(valid_to="2024-10-31", end_reason="revoked")
scenario("coverage_gap_open", "Thượng Quan's monitor is revoked after 2024-10-31 and nobody follows: uncovered from 2024-11-01 "
         "up to the judged day (2024-12-31), an error; the days after it, to 2025-06-30 (the last day of 1390-QĐ/TU, which "
         "ends with the province of Bắc Kạn), are coverage_ending, an info finding; later days are not judged.",
         [f("coverage_gap", "unit", "01957", "2024-11-01", "2024-12-31"),
          f("coverage_ending", "unit", "01957", "2025-01-01", "2025-06-30", "info")], ds, profile=NO_DUTIES)
scenario("coverage_gap_open_continued", "The same under a profile that stays in force: coverage_ending from 2025-01-01 on "
         "(no end date: nobody is recorded).",
         [f("coverage_gap", "unit", "01957", "2024-11-01", "2024-12-31"),
          f("coverage_ending", "unit", "01957", "2025-01-01", None, "info")], ds, profile="profiles/continued-no-duties.json")

# --- coverage_overlap ----------------------------------------------------------------------------
ds = base()
assignment(ds, "cm-b").update(valid_to="2024-12-31", end_reason="replaced")
ds["people"][2].update(rank="deputy", title="Phó Giám đốc Sở Công Thương")
ds["assignments"].append({"id": "cm-b2", "scheme": "commune-monitoring", "subject_id": "p3", "target": "01957",
                          "valid_from": "2024-12-31", "replaces": "cm-b"})
scenario("coverage_overlap_one_day", "The successor starts on the predecessor's last day (both inclusive): two monitors on "
         "2024-12-31 only.", [f("coverage_overlap", "unit", "01957", "2024-12-31", "2024-12-31")], ds)

# --- assignee_overloaded ----------------------------------------------------------------------------
ds = base()
assignment(ds, "cm-b").update(subject_id="p1", valid_from="2025-02-01")
scenario("assignee_overloaded", "p1 monitors Vân Tùng and, from 2025-02-01, Thượng Quan too: one leader, one unit (per_subject "
         "max 1, an assumed parameter: a warning) until the regulation ends on 2025-06-30. Thượng Quan is uncovered until "
         "then: a gap up to the judged day (2024-12-31), coverage_ending after it.",
         [f("coverage_gap", "unit", "01957", "2024-09-01", "2024-12-31"),
          f("assignee_overloaded", "person", "p1", "2025-02-01", "2025-06-30", "warning"),
          f("coverage_ending", "unit", "01957", "2025-01-01", "2025-01-31", "info")], ds)

scenario("one_to_eight_profile", "The same records under a profile where one leader may monitor up to 8 units (as provinces did "
         "after the 2025 reform): no overload.",
         [f("coverage_gap", "unit", "01957", "2024-09-01", "2024-12-31"),
          f("coverage_ending", "unit", "01957", "2025-01-01", "2025-01-31", "info")], ds, profile="profiles/one-to-eight.json")

# --- invalid_period ----------------------------------------------------------------------------
ds = base()
assignment(ds, "cm-b").update(valid_from="2024-09-10", valid_to="2024-09-01")
scenario("invalid_period", "cm-b ends (2024-09-01) before it starts (2024-09-10): invalid_period, and the assignment covers "
         "nothing, so Thượng Quan is uncovered from 2024-09-01 on.",
         [f("invalid_period", "assignment", "cm-b"), f("coverage_gap", "unit", "01957", "2024-09-01", "2024-12-31"),
          f("coverage_ending", "unit", "01957", "2025-01-01", "2025-06-30", "info")], ds)

# --- duplicate_id / unknown_reference ----------------------------------------------------------------
ds = base()
assignment(ds, "cm-b")["id"] = "cm-a"
scenario("duplicate_id", "Two assignments share the id cm-a: ids must be stable and unique.",
         [f("duplicate_id", "assignment", "cm-a")], ds)

ds = base()
assignment(ds, "cm-b").update(subject_id="p9", term_id="tinh-uy-xi")
scenario("unknown_reference", "cm-b names a person (p9) and a term (tinh-uy-xi) that the dataset does not contain. "
         "The unit is still counted as covered.",
         [f("unknown_reference", "assignment", "cm-b"), f("unknown_reference", "assignment", "cm-b")], ds)

# --- unit_code_overlap / unit_not_in_force ------------------------------------------------------------
ds = base()
ds["units"][3]["valid_to"] = "2025-06-30"
ds["units"].append({"code": "01957", "name": "Xã Thượng Quan (mới)", "type": "Xã", "parent_code": "062", "valid_from": "2025-06-01"})
scenario("unit_code_overlap", "Two versions of code 01957: the old until 2025-06-30, the new from 2025-06-01.",
         [f("unit_code_overlap", "unit", "01957", "2025-06-01", "2025-06-30")], ds)

ds = base()
ds["units"][3]["valid_to"] = "2025-06-30"
scenario("unit_not_in_force", "Thượng Quan ends on 2025-06-30 but its monitor's assignment stays open: it covers a unit that is "
         "no longer in force from 2025-07-01 on (under a profile in force then).",
         [f("unit_not_in_force", "assignment", "cm-b", "2025-07-01", None)], ds, profile=CONTINUED)

# --- ineligible_assignee --------------------------------------------------------------------------
ds = base()
assignment(ds, "cm-b")["subject_id"] = "p3"
scenario("ineligible_assignee_rank", "p3 is a specialist (rank member), not a leader: ineligible for the whole assignment, up to "
         "the regulation's end (a warning, since reading 'leader' as head or deputy is assumed); a monitor counts only while "
         "eligible, so Thượng Quan has nobody: a gap up to the judged day, coverage_ending after it.",
         [f("coverage_gap", "unit", "01957", "2024-09-01", "2024-12-31", "warning"),
          f("ineligible_assignee", "assignment", "cm-b", "2024-09-01", "2025-06-30", "warning"),
          f("coverage_ending", "unit", "01957", "2025-01-01", "2025-06-30", "info")], ds)

ds = base()
ds["people"][1]["valid_to"] = "2025-05-31"
scenario("ineligible_assignee_post_ended", "p2 leaves the deputy post after 2025-05-31 and keeps monitoring: ineligible "
         "from 2025-06-01 (the day after) to the regulation's last day (a warning: the qualifying ranks are assumed). A "
         "monitor counts only while eligible, so the unit has nobody from then on: after the judged day (2024-12-31), that "
         "is coverage_ending (info), not a gap.",
         [f("ineligible_assignee", "assignment", "cm-b", "2025-06-01", "2025-06-30", "warning"),
          f("coverage_ending", "unit", "01957", "2025-06-01", "2025-06-30", "info")], ds)
scenario("ineligible_assignee_at_last_day", "The same, checked --at 2025-05-31, the post's last day: nothing.", [], ds,
         {"at": "2025-05-31"})
scenario("ineligible_assignee_at_first_day", "The same, checked --at 2025-06-01 (judged on that day): ineligible on that "
         "day, and the unit has no eligible monitor that day.",
         [f("coverage_gap", "unit", "01957", "2025-06-01", "2025-06-01", "warning"),
          f("ineligible_assignee", "assignment", "cm-b", "2025-06-01", "2025-06-01", "warning")], ds,
         {"at": "2025-06-01", "today": None})

# --- outside_term / outside_regulation ------------------------------------------------------------
ds = base()
ds["terms"][0]["valid_to"] = "2025-06-30"
scenario("outside_term", "Term XII is cut short on 2025-06-30 (the 2025 reform); under a profile still in force, every open "
         "assignment that must follow it runs outside it from 2025-07-01 (a warning: that the provincial term is the one to "
         "follow is assumed).",
         [f("outside_term", "assignment", "cm-a", "2025-07-01", None, "warning"),
          f("outside_term", "assignment", "cm-b", "2025-07-01", None, "warning"),
          f("outside_term", "assignment", "dl-062", "2025-07-01", None, "warning")], ds, profile=CONTINUED)

ds = base()
assignment(ds, "cm-b")["valid_from"] = "2024-08-01"
scenario("outside_regulation", "cm-b starts 2024-08-01, before 1390-QĐ/TU took effect (2024-08-29): outside the regulation "
         "until 2024-08-28, the day before.",
         [f("outside_regulation", "assignment", "cm-b", "2024-08-01", "2024-08-28")], ds)

# --- district_lead_missing ------------------------------------------------------------------------
ds = base()
assignment(ds, "dl-062").update(valid_to="2024-12-31", end_reason="replaced")
scenario("district_lead_missing", "Ngân Sơn's Standing Committee member leaves after 2024-12-31 and nobody follows while its "
         "communes are monitored: the monitors have nobody to be directed by, until the regulation ends on 2025-06-30.",
         [f("district_lead_missing", "unit", "062", "2025-01-01", "2025-06-30", severity="warning")], ds)

# --- load errors (CSV) ----------------------------------------------------------------------------
UNITS = "code,name,type,parent_code\n06,Tỉnh Bắc Kạn,Tỉnh,\n062,Huyện Ngân Sơn,Huyện,06\n01954,Thị trấn Vân Tùng,Thị trấn,062\n"
scenario("csv_bad_date", "A Vietnamese date that does not exist (31/02/2024) on line 3.", [],
         csv_files={"units.csv": UNITS, "assignments.csv": "id,scheme,subject_id,target,valid_from\n"
                    "a1,commune-monitoring,p1,01954,01/09/2024\na2,commune-monitoring,p1,01954,31/02/2024\n"},
         error={"code": "invalid_date", "file": "assignments.csv", "line": 3, "field": "valid_from"})
scenario("csv_unknown_column", "An unknown column is an error naming it, never silently dropped.", [],
         csv_files={"units.csv": "code,name,type,population\n06,Tỉnh Bắc Kạn,Tỉnh,300000\n"},
         error={"code": "unknown_field", "file": "units.csv", "line": 1, "field": "population"})
scenario("csv_missing_column", "assignments.csv without its target column.", [],
         csv_files={"units.csv": UNITS, "assignments.csv": "id,scheme,subject_id,valid_from\na1,commune-monitoring,p1,2024-09-01\n"},
         error={"code": "missing_field", "file": "assignments.csv", "line": 1, "field": "target"})
scenario("csv_stray_quote", "A stray quote inside an unquoted field on line 3.", [],
         csv_files={"units.csv": "code,name,type\n06,Tỉnh Bắc Kạn,Tỉnh\n062,Huyện \"Ngân Sơn,Huyện\n"},
         error={"code": "csv_syntax", "file": "units.csv", "line": 3})

# --- the real province, from the GSO list -------------------------------------------------------------
with open(os.path.join(SHARED, "demo", "units.csv"), encoding="utf-8") as fh:
    units_text = fh.read()
communes = [r for r in csv.DictReader(io.StringIO(units_text)) if len(r["code"]) == 5]
assert len(communes) == 108
people = io.StringIO()
w = csv.writer(people, lineterminator="\n")
w.writerow(["id", "name", "title", "organization_id", "rank", "valid_from"])
assign = io.StringIO()
a = csv.writer(assign, lineterminator="\n")
a.writerow(["id", "scheme", "subject_id", "target", "valid_from", "valid_to", "term_id"])
for i, c in enumerate(communes):
    w.writerow([f"p{i:03}", f"Cán bộ {i:03}", "Phó Giám đốc", "so-x", "deputy", "2020-01-01"])
    if c["code"] == "01957":      # left out
        continue
    if c["code"] == "01960":      # the monitor of 01954 takes this one too
        a.writerow(["cm-01960", "commune-monitoring", "p000" if communes[0]["code"] != "01954" else "p001", c["code"],
                    "2024-09-01", "", "xii"])
        continue
    if c["code"] == "02197":      # ends before it starts
        a.writerow([f"cm-{c['code']}", "commune-monitoring", f"p{i:03}", c["code"], "2024-09-01", "2024-08-31", "xii"])
        continue
    a.writerow([f"cm-{c['code']}", "commune-monitoring", f"p{i:03}", c["code"], "2024-09-01", "", "xii"])
w.writerow(["sc", "Ủy viên thường vụ", "Ủy viên Ban Thường vụ", "btv", "member", "2020-10-28"])
for d in sorted({c["parent_code"] for c in communes}):
    a.writerow([f"dl-{d}", "district-lead", "sc", d, "2020-11-01", "", "xii"])
dup_person = next(f"p{i:03}" for i, c in enumerate(communes) if c["code"] == "01954")
assign_text = assign.getvalue().replace("p000,01960" if False else "", "")
lines = assign_text.splitlines()
lines = [ln if not ln.startswith("cm-01960,") else f"cm-01960,commune-monitoring,{dup_person},01960,2024-09-01,,xii" for ln in lines]
assign_text = "\n".join(lines) + "\n"
scenario("bac_kan_108_defects", "The 108 real units (GSO list) with one monitor each from 2024-09-01, except: 01957 is left out, "
         "the monitor of 01954 also gets 01960 (instead of its own person), and 02197's assignment ends the day before it starts.",
         [f("invalid_period", "assignment", "cm-02197"),
          f("coverage_gap", "unit", "01957", "2024-09-01", "2024-12-31"),
          f("coverage_gap", "unit", "02197", "2024-09-01", "2024-12-31"),
          f("assignee_overloaded", "person", dup_person, "2024-09-01", "2025-06-30", "warning"),
          f("coverage_ending", "unit", "01957", "2025-01-01", "2025-06-30", "info"),
          f("coverage_ending", "unit", "02197", "2025-01-01", "2025-06-30", "info")],
         csv_files={
             "units.csv": units_text,
             "organizations.csv": "id,name,kind,level,unit_code\ntinh-uy,Tỉnh ủy Bắc Kạn,party_committee,province,06\n"
                                  "btv,Ban Thường vụ Tỉnh ủy Bắc Kạn,standing_committee,province,06\n"
                                  "so-x,Sở giả định,department,province,06\n",
             "people.csv": people.getvalue(),
             "terms.csv": "id,organization_id,label,ordinal,valid_from,valid_to\nxii,tinh-uy,2020–2025,XII,2020-10-28,\n",
             "assignments.csv": assign_text,
         })

# --- the demo --------------------------------------------------------------------------------------
scenario("demo_at_2024_10_01", "The embedded demo on 2024-10-01, judged on 2024-12-31: every unit has exactly one monitor; "
         "the specialist planted at Cao Tân (01885) is ineligible (a warning: the qualifying ranks are assumed), so Cao Tân "
         "counts as uncovered that day (a monitor counts only while eligible); the 2024 evaluation of Vi Hương's monitor, "
         "sent on 2024-12-15 by the district committee, concerns the 2024 part that includes the day: wrong author. "
         "Nothing due after the judged day is reported.",
         [f("coverage_gap", "unit", "01885", "2024-10-01", "2024-10-01", "warning"),
          f("ineligible_assignee", "assignment", "cm-01885", "2024-10-01", "2024-10-01", "warning"),
          f("evaluation_wrong_author", "evaluation", "dg-2024-01975")], options={"at": "2024-10-01"})
scenario("demo_at_2024_10_01_judged_later", "The view of 2024-10-01 judged on 2026-12-01 (what the command line does when only "
         "--at is given): the findings whose days include 2024-10-01, clipped to it. Cao Tân has no eligible monitor that "
         "day. The 2024 evaluations of two monitors (01945, 02104) never came, and their 2024 part includes the day; the "
         "2025 evaluations (due 31/01/2026, after the regulation ended) are not demanded, and the 2025 duties do not concern "
         "the day. The second 2024 evaluation of 01849's monitor is a duplicate.",
         [f("coverage_gap", "unit", "01885", "2024-10-01", "2024-10-01", "warning"),
          f("ineligible_assignee", "assignment", "cm-01885", "2024-10-01", "2024-10-01", "warning"),
          f("evaluation_missing", "assignment", "cm-01945", "2024-10-01", "2024-10-01", "warning"),
          f("evaluation_missing", "assignment", "cm-02104", "2024-10-01", "2024-10-01", "warning"),
          f("evaluation_wrong_author", "evaluation", "dg-2024-01975"),
          f("evaluation_duplicate", "evaluation", "dg-2024-01849-b", severity="warning")],
         options={"at": "2024-10-01", "today": "2026-12-01"})


# =====================================================================================================
# Duties, activities, evaluations (issue 3). Requirements per full year under bac-kan-1390:
# 6 committee meetings, 4 field visits, 2 guidance; prorated = round(min * days / days_in_year).
# 2024 from 1 September: 122 of 366 days -> 2 meetings, 1 visit, 1 guidance.
# =====================================================================================================
import datetime as _dt
import itertools

COUNTER = itertools.count(1)


def with_records(ds):
    """Adds the commune and district party committees, and for every commune-monitoring assignment
    exactly the activities it needs in 2024 and 2025, and an evaluation for each year."""
    ds["organizations"] += [
        {"id": "huyen-uy-062", "name": "Huyện ủy Ngân Sơn", "kind": "party_committee", "level": "district", "unit_code": "062",
         "parent_id": "tinh-uy"},
        {"id": "dang-uy-01954", "name": "Đảng ủy thị trấn Vân Tùng", "kind": "party_committee", "level": "commune",
         "unit_code": "01954", "parent_id": "huyen-uy-062"},
        {"id": "dang-uy-01957", "name": "Đảng ủy xã Thượng Quan", "kind": "party_committee", "level": "commune",
         "unit_code": "01957", "parent_id": "huyen-uy-062"},
    ]
    ds["activities"] = []
    ds["evaluations"] = []
    return ds


def add_work(ds, aid, year, meetings, visits, guidance, start_month=None):
    a = assignment(ds, aid)
    first = _dt.date.fromisoformat(a["valid_from"])
    month0 = start_month or (first.month if first.year == year else 1)
    for kind, count, day in (("committee_meeting", meetings, 10), ("field_visit", visits, 12), ("guidance", guidance, 14)):
        for i in range(count):
            month = month0 + i % (13 - month0)
            ds["activities"].append({"id": f"act-{next(COUNTER)}", "date": f"{year}-{month:02}-{day + i // (13 - month0):02}",
                                     "subject_id": a["subject_id"], "target": a["target"], "kind": kind})


def add_eval(ds, aid, year, submitted, rating="good", author=None, eid=None):
    a = assignment(ds, aid)
    ds["evaluations"].append({"id": eid or f"ev-{aid}-{year}", "year": year, "assignment_id": aid,
                              "author_id": author or f"dang-uy-{a['target']}", "submitted_on": submitted, "rating": rating})


def compliant():
    ds = with_records(base())
    for aid in ("cm-a", "cm-b"):
        add_work(ds, aid, 2024, 2, 1, 1)
        add_work(ds, aid, 2025, 6, 4, 2)
        add_eval(ds, aid, 2024, "2025-01-15")
        add_eval(ds, aid, 2025, "2026-01-15")
    return ds


T = {"today": "2026-03-01"}

# The duty and evaluation scenarios below judge 2025 as a whole year: they use the profile that stays in force.
_scenario = scenario


def scenario(name, description, findings, dataset=None, options=None, profile=CONTINUED, **kw):
    _scenario(name, description, findings, dataset, options, profile, **kw)


scenario("duties_clean", "Both monitors do exactly what is required in 2024 (2 meetings, 1 visit, 1 guidance for 122 days) and "
         "2025 (6, 4, 2), and are evaluated on time: nothing to report.", [], compliant(), T)

ds = compliant()
ds["activities"] = [x for x in ds["activities"] if not (x["subject_id"] == "p1" and x["date"].startswith("2025")
                                                        and x["kind"] == "committee_meeting")][:]
add_work(ds, "cm-a", 2025, 5, 0, 0)
scenario("duty_frequency_unmet", "p1 attends 5 of the 6 committee meetings required in 2025.",
         [f("duty_frequency_unmet", "assignment", "cm-a", "2025-01-01", "2025-12-31", "warning")], ds, T)
scenario("duty_year_not_over_on_its_last_day", "The same, judged on 2025-12-31: the year is not over, nothing yet.",
         [], ds, {"today": "2025-12-31"})
scenario("duty_year_over_the_day_after", "The same, judged on 2026-01-01: the shortfall shows (evaluations not yet due).",
         [f("duty_frequency_unmet", "assignment", "cm-a", "2025-01-01", "2025-12-31", "warning")], ds, {"today": "2026-01-01"})

ds = compliant()
ds["activities"] = [x for x in ds["activities"] if not (x["subject_id"] == "p1" and x["date"].startswith("2024"))]
scenario("duty_partial_year_prorated", "p1 does nothing in 2024 (assigned 122 of 366 days): 2 meetings, 1 visit and 1 guidance "
         "were required, so three shortfalls for 2024-09-01 to 2024-12-31.",
         [f("duty_frequency_unmet", "assignment", "cm-a", "2024-09-01", "2024-12-31", "warning")] * 3, ds, T)


def handover(last_day_old, first_day_new, subject="p3"):
    ds = with_records(base())
    ds["people"][2].update(rank="deputy", title="Phó Giám đốc Sở Công Thương")
    assignment(ds, "cm-b").update(valid_to=last_day_old, end_reason="replaced")
    ds["assignments"].append({"id": "cm-b2", "scheme": "commune-monitoring", "subject_id": subject, "target": "01957",
                              "valid_from": first_day_new, "replaces": "cm-b", "term_id": "tinh-uy-xii"})
    return ds


ds = handover("2025-12-30", "2025-12-31")
for aid in ("cm-a", "cm-b"):
    add_work(ds, aid, 2024, 2, 1, 1)
    add_work(ds, aid, 2025, 6, 4, 2)
    add_eval(ds, aid, 2024, "2025-01-15")
    add_eval(ds, aid, 2025, "2026-01-15")
scenario("duty_assigned_on_31_december", "cm-b2 starts on 2025-12-31: one day of 2025, so round(6/365) = 0 of everything is "
         "required and, with under 90 days, no 2025 evaluation either; cm-b (364 days) still needs 6, 4, 2 and has them.",
         [], ds, T)

ds = handover("2024-12-31", "2025-01-01")
add_work(ds, "cm-a", 2024, 2, 1, 1)
add_work(ds, "cm-a", 2025, 6, 4, 2)
add_work(ds, "cm-b", 2024, 2, 1, 1)
add_work(ds, "cm-b2", 2025, 6, 4, 1)
for aid, y, d in (("cm-a", 2024, "2025-01-15"), ("cm-a", 2025, "2026-01-15"), ("cm-b", 2024, "2025-01-15"), ("cm-b2", 2025, "2026-01-15")):
    add_eval(ds, aid, y, d)
scenario("duty_across_a_replacement", "cm-b ends 2024-12-31 and cm-b2 starts 2025-01-01 (assigned on 1 January: the whole "
         "year): each is judged on its own days; cm-b2 gives 1 of 2 guidance in 2025.",
         [f("duty_frequency_unmet", "assignment", "cm-b2", "2025-01-01", "2025-12-31", "warning")], ds, T)

# --- activity_outside_assignment --------------------------------------------------------------------
ds = compliant()
ds["activities"].append({"id": "x-before", "date": "2024-08-31", "subject_id": "p1", "target": "01954", "kind": "field_visit"})
ds["activities"].append({"id": "x-first-day", "date": "2024-09-01", "subject_id": "p1", "target": "01954", "kind": "field_visit"})
ds["activities"].append({"id": "x-other-unit", "date": "2025-05-05", "subject_id": "p1", "target": "01957", "kind": "guidance"})
scenario("activity_outside_assignment", "A visit the day before p1's assignment starts, and guidance at a unit p1 does not "
         "monitor, are outside any assignment; a visit on the first day is inside.",
         [f("activity_outside_assignment", "activity", "x-before", "2024-08-31", "2024-08-31", "warning"),
          f("activity_outside_assignment", "activity", "x-other-unit", "2025-05-05", "2025-05-05", "warning")], ds, T)

# --- evaluations ----------------------------------------------------------------------------------
ds = compliant()
ds["evaluations"] = [e for e in ds["evaluations"] if e["id"] != "ev-cm-a-2025"]
scenario("evaluation_missing_on_due_day", "The 2025 evaluation of cm-a is absent; on the due day (2026-01-31) it is not yet late.",
         [], ds, {"today": "2026-01-31"})
scenario("evaluation_missing_day_after", "The day after the due date it is missing.",
         [f("evaluation_missing", "assignment", "cm-a", "2025-01-01", "2025-12-31", "warning")], ds, {"today": "2026-02-01"})

ds = compliant()
next(e for e in ds["evaluations"] if e["id"] == "ev-cm-a-2025")["submitted_on"] = "2026-02-01"
next(e for e in ds["evaluations"] if e["id"] == "ev-cm-b-2025")["submitted_on"] = "2026-01-31"
scenario("evaluation_late", "cm-a's 2025 evaluation is sent on 2026-02-01, one day late; cm-b's on the due day, on time.",
         [f("evaluation_late", "evaluation", "ev-cm-a-2025", "2026-02-01", "2026-02-01", "warning")], ds, T)

ds = compliant()
next(e for e in ds["evaluations"] if e["id"] == "ev-cm-a-2025")["author_id"] = "huyen-uy-062"
scenario("evaluation_wrong_author", "cm-a's 2025 evaluation is written by the district party committee, not the commune's.",
         [f("evaluation_wrong_author", "evaluation", "ev-cm-a-2025")], ds, T)

ds = compliant()
add_eval(ds, "cm-a", 2025, "2026-01-20", eid="ev-cm-a-2025-again")
scenario("evaluation_duplicate", "Two 2025 evaluations of cm-a: the later one is the duplicate.",
         [f("evaluation_duplicate", "evaluation", "ev-cm-a-2025-again", severity="warning")], ds, T)

ds = handover("2025-10-02", "2025-10-03")
for aid in ("cm-a", "cm-b"):
    add_work(ds, aid, 2024, 2, 1, 1)
    add_eval(ds, aid, 2024, "2025-01-15")
add_work(ds, "cm-a", 2025, 6, 4, 2)
add_eval(ds, "cm-a", 2025, "2026-01-15")
add_work(ds, "cm-b", 2025, 5, 3, 2)
add_eval(ds, "cm-b", 2025, "2026-01-15")
add_work(ds, "cm-b2", 2025, 1, 1, 1, start_month=10)
scenario("evaluation_needed_at_90_days", "cm-b2 runs 90 days in 2025 (3 Oct – 31 Dec), the profile's minimum: its 2025 "
         "evaluation is needed and missing.",
         [f("evaluation_missing", "assignment", "cm-b2", "2025-10-03", "2025-12-31", "warning")], ds, T)
for x in ds["activities"]:
    if x["subject_id"] == "p3":
        x["date"] = x["date"].replace("2025-10-", "2025-11-")
a = assignment(ds, "cm-b2")
a["valid_from"] = "2025-10-04"
assignment(ds, "cm-b")["valid_to"] = "2025-10-03"
scenario("evaluation_not_needed_at_89_days", "cm-b2 runs 89 days in 2025 (4 Oct – 31 Dec): no 2025 evaluation is needed.",
         [], ds, T)

ds = compliant()
next(e for e in ds["evaluations"] if e["id"] == "ev-cm-b-2024").update(rating="unfulfilled", submitted_on="2025-01-10")
scenario("unfulfilled_not_replaced", "p2 is rated unfulfilled for 2024 on 2025-01-10 and is still assigned 90 days later: "
         "from 2025-04-11 on (a warning: the 90-day window is assumed).",
         [f("unfulfilled_not_replaced", "assignment", "cm-b", "2025-04-11", None, "warning")], ds, T)
ds = handover("2025-04-10", "2025-04-11")
add_work(ds, "cm-a", 2024, 2, 1, 1)
add_work(ds, "cm-a", 2025, 6, 4, 2)
add_work(ds, "cm-b", 2024, 2, 1, 1)
add_work(ds, "cm-b", 2025, 2, 1, 1)
add_work(ds, "cm-b2", 2025, 4, 3, 1, start_month=5)
add_eval(ds, "cm-a", 2024, "2025-01-15")
add_eval(ds, "cm-a", 2025, "2026-01-15")
add_eval(ds, "cm-b", 2024, "2025-01-10", rating="unfulfilled")
add_eval(ds, "cm-b", 2025, "2025-04-20", rating="fulfilled")
add_eval(ds, "cm-b2", 2025, "2026-01-15")
scenario("unfulfilled_replaced_in_time", "The same cadre is replaced on the 90th day (cm-b ends 2025-04-10): nothing to report.",
         [], ds, T)

# --- rural development statuses -------------------------------------------------------------------
ds = compliant()
ds["ntm_statuses"] = [{"unit_code": "01957", "year": 2025, "criteria_met": 19, "status": "standard"},
                      {"unit_code": "01954", "year": 2025, "criteria_met": 12, "status": "not_met"}]
scenario("ntm_status_invalid", "A new-rural status recorded for Vân Tùng, a Thị trấn: the criteria apply to Xã only.",
         [f("ntm_status_invalid", "ntm_status", "01954/2025", severity="warning")], ds, T)

# --- the relationship query -----------------------------------------------------------------------
ds = compliant()
s_rel = {"relations": {"person": "p1", "at": "2024-10-01"}}
scenario("relations_of_a_monitor", "p1 monitors Vân Tùng on 2024-10-01: reports to the Standing Committee (found by role: the "
         "standing committee under the provincial party committee), directed by the member in charge of Ngân Sơn, sc1, "
         "coordinates with the Sở Công Thương, the Ngân Sơn district and Vân Tùng party committees, evaluated by Vân Tùng's.",
         [], ds, T, profile="bac-kan-1390")
SCENARIOS["relations_of_a_monitor"]["relations"] = {"person": "p1", "at": "2024-10-01"}
SCENARIOS["relations_of_a_monitor"]["expect"]["relations"] = [
    # The built-in profile's article numbering is assumed: relationships cite no article.
    {"kind": "reports_to", "body_id": "btv-tinh-uy", "people": [], "article": None, "unresolved": False},
    {"kind": "directed_by", "body_id": "062", "people": ["sc1"], "article": None, "unresolved": False},
    {"kind": "coordinates_with", "body_id": "so-cong-thuong", "people": [], "article": None, "unresolved": False},
    {"kind": "coordinates_with", "body_id": "huyen-uy-062", "people": [], "article": None, "unresolved": False},
    {"kind": "coordinates_with", "body_id": "dang-uy-01954", "people": [], "article": None, "unresolved": False},
    {"kind": "evaluated_by", "body_id": "dang-uy-01954", "people": [], "article": None, "unresolved": False},
]
ds = compliant()
assignment(ds, "dl-062").update(valid_to="2024-09-30", end_reason="replaced")
scenario("relations_without_district_lead", "Without a district lead on 2024-10-01 the directed_by relationship is unresolved, "
         "and district_lead_missing reports the days.",
         [f("district_lead_missing", "unit", "062", "2024-10-01", "2025-06-30", "warning")], ds, T, profile="bac-kan-1390")
SCENARIOS["relations_without_district_lead"]["relations"] = {"person": "p1", "at": "2024-10-01"}
SCENARIOS["relations_without_district_lead"]["expect"]["relations"] = [
    dict(r, **({"people": [], "unresolved": True} if r["kind"] == "directed_by" else {}))
    for r in SCENARIOS["relations_of_a_monitor"]["expect"]["relations"]
]

# =====================================================================================================
# Issue 11: findings an office can trust. Each scenario below failed on the engine before it.
# =====================================================================================================
scenario = _scenario

# --- roles, not ids: a province's own ids -------------------------------------------------------------
TUBK_UNITS = "code,name,type,parent_code\n06,Tỉnh Bắc Kạn,Tỉnh,\n062,Huyện Ngân Sơn,Huyện,06\n" \
             "01954,Thị trấn Vân Tùng,Thị trấn,062\n01957,Xã Thượng Quan,Xã,062\n"
TUBK_ORGS = "id,name,kind,level,unit_code,parent_id\ntu-bk,Tỉnh ủy Bắc Kạn,party_committee,province,06,\n" \
            "btv-tu-bk,Ban Thường vụ Tỉnh ủy Bắc Kạn,standing_committee,province,06,tu-bk\n" \
            "sct,Sở Công Thương,department,province,06,\n"
TUBK_PEOPLE = "id,name,title,organization_id,rank,valid_from\nq1,Người một,Giám đốc,sct,head,2020-01-01\n" \
              "q2,Người hai,Phó Giám đốc,sct,deputy,2020-01-01\nq3,Ủy viên,Ủy viên Ban Thường vụ,btv-tu-bk,member,2020-10-28\n"
TUBK_ASSIGN = "id,scheme,subject_id,target,valid_from\nx1,commune-monitoring,q1,01954,2024-09-01\n" \
              "x2,commune-monitoring,q2,01957,2024-09-01\nx3,district-lead,q3,062,2020-11-01\n"
TUBK_TERMS = "id,organization_id,label,ordinal,valid_from\nk12,tu-bk,2020–2025,XII,2020-10-28\n"
scenario("roles_province_own_ids", "A province's CSV folder whose provincial party committee has the id `tu-bk` (kind "
         "party_committee, level province, unit 06) and records its term XII; the assignments name no term. The profile's "
         "term body is a role (the issuer), found by kind, level and unit: every assignment lies inside term XII, nothing "
         "to report (before: one outside_term on every assignment, 'must follow a term of tinh-uy').", [],
         csv_files={"units.csv": TUBK_UNITS, "organizations.csv": TUBK_ORGS, "people.csv": TUBK_PEOPLE,
                    "terms.csv": TUBK_TERMS, "assignments.csv": TUBK_ASSIGN})
scenario("roles_issuer_without_terms", "The same folder without terms.csv: the congress term the assignments must follow "
         "cannot be found. One role_unresolved warning says so and the term rule is skipped (before: an outside_term "
         "error on every assignment).",
         [f("role_unresolved", "profile", "bac-kan-1390", severity="warning")],
         csv_files={"units.csv": TUBK_UNITS, "organizations.csv": TUBK_ORGS, "people.csv": TUBK_PEOPLE,
                    "assignments.csv": TUBK_ASSIGN})
scenario("roles_no_provincial_committee", "The same folder without the provincial party committee: the issuer cannot be "
         "resolved. One role_unresolved warning, not one finding per assignment.",
         [f("role_unresolved", "profile", "bac-kan-1390", severity="warning")],
         csv_files={"units.csv": TUBK_UNITS, "organizations.csv": "id,name,kind,level,unit_code\nsct,Sở Công Thương,department,province,06\n"
                                                               "btv,Ban Thường vụ,standing_committee,province,06\n",
                    "people.csv": TUBK_PEOPLE.replace("btv-tu-bk", "btv"), "assignments.csv": TUBK_ASSIGN})

# --- time: a gap that has not happened yet ------------------------------------------------------------
ds = base()
for a in ds["assignments"]:
    a["valid_to"] = "2025-09-22"
scenario("no_future_gap_after_the_regulation", "Every assignment ends with the term on 2025-09-22; judged on 2024-12-01. The "
         "days from 2025-09-23 are after the judged day and after the regulation's end (2025-06-30): no coverage_gap "
         "(before: an error on every unit 'from 2025-09-23').", [], ds, {"today": "2024-12-01"})

# --- scope: a unit of another province ----------------------------------------------------------------
ds = base()
ds["units"] += [{"code": "01", "name": "Thành phố Hà Nội", "type": "Thành phố Trung ương"},
                {"code": "001", "name": "Quận Ba Đình", "type": "Quận", "parent_code": "01"},
                {"code": "00001", "name": "Phường Phúc Xá", "type": "Phường", "parent_code": "001"}]
ds["assignments"].append({"id": "cm-hn", "scheme": "commune-monitoring", "subject_id": "p3", "target": "00001",
                          "valid_from": "2024-09-01", "term_id": "tinh-uy-xii"})
scenario("territory_other_province", "A specialist (not a leader) is recorded as monitoring Phường Phúc Xá of Hà Nội. "
         "1390-QĐ/TU applies to the units of Bắc Kạn (province 06) only: nothing about cm-hn is judged, no violation "
         "of 1390 (before: ineligible_assignee on it).", [], ds)
scenario("territory_other_province_strict", "The same with `strict`: cm-hn is reported once, as information, as not "
         "covered by the regulation, for all its days; so are the open assignments of Bắc Kạn for their days after the "
         "regulation's end (from 2025-07-01).",
         [f("not_covered_by_regulation", "assignment", "cm-a", "2025-07-01", None, "info"),
          f("not_covered_by_regulation", "assignment", "cm-b", "2025-07-01", None, "info"),
          f("not_covered_by_regulation", "assignment", "cm-hn", "2024-09-01", None, "info"),
          f("not_covered_by_regulation", "assignment", "dl-062", "2025-07-01", None, "info")], ds, {"strict": True})

# --- the evaluation author after the 2025 reform ------------------------------------------------------
ds = with_records(base())
ds["units"][2]["valid_to"] = "2025-06-30"
ds["units"].append({"code": "01954", "name": "Xã Ngân Sơn", "type": "Xã", "parent_code": "062", "valid_from": "2025-07-01"})
ds["reorganizations"] = [{"effective": "2025-07-01", "old_code": "01954", "new_code": "01954", "new_name": "Xã Ngân Sơn",
                          "new_type": "Xã", "part": "full", "basis": "Nghị quyết 1683/NQ-UBTVQH15, Điều 1, khoản 51"}]
next(o for o in ds["organizations"] if o["id"] == "dang-uy-01954")["valid_to"] = "2025-06-30"
ds["organizations"].append({"id": "dang-uy-ngan-son", "name": "Đảng ủy xã Ngân Sơn", "kind": "party_committee",
                            "level": "commune", "unit_code": "01954", "parent_id": "huyen-uy-062", "valid_from": "2025-07-01"})
assignment(ds, "cm-a").update(valid_to="2025-06-30", end_reason="reorganized")
ds["assignments"].append({"id": "cm-a2", "scheme": "commune-monitoring", "subject_id": "p1", "target": "01954",
                          "valid_from": "2025-07-01", "term_id": "tinh-uy-xii"})
add_work(ds, "cm-a", 2024, 2, 1, 1)
add_work(ds, "cm-a", 2025, 3, 2, 1)
add_work(ds, "cm-a2", 2025, 3, 2, 1, start_month=7)
add_work(ds, "cm-b", 2024, 2, 1, 1)
add_work(ds, "cm-b", 2025, 6, 4, 2)
add_eval(ds, "cm-a", 2024, "2025-01-15", author="dang-uy-01954")
add_eval(ds, "cm-a", 2025, "2026-01-15", author="dang-uy-ngan-son")
add_eval(ds, "cm-b", 2024, "2025-01-15")
add_eval(ds, "cm-b", 2025, "2026-01-15")
scenario("evaluation_author_after_reform", "Vân Tùng is merged into the new Xã Ngân Sơn (same code) on 2025-07-01; its party "
         "committee ends on 2025-06-30 and Đảng ủy xã Ngân Sơn starts the next day. cm-a ran to 2025-06-30; its 2025 "
         "evaluation is written in January 2026 by the new commune's committee, since the old one no longer exists: "
         "accepted (a successor by the reorganisation lineage). The 2024 evaluation is the old committee's. Judged on "
         "2026-01-20, under rules kept in force: nothing to report (before: wrong author, since committees were looked "
         "up by code without a date).", [], ds, {"today": "2026-01-20"}, profile=CONTINUED)
ds2 = copy.deepcopy(ds)
next(e for e in ds2["evaluations"] if e["id"] == "ev-cm-a-2025")["author_id"] = "huyen-uy-062"
scenario("evaluation_author_after_reform_wrong", "The same, but the 2025 evaluation of cm-a is written by the district "
         "committee: neither the committee of the unit on the part's last day nor its successor's: wrong author.",
         [f("evaluation_wrong_author", "evaluation", "ev-cm-a-2025")], ds2, {"today": "2026-01-20"}, profile=CONTINUED)

# --- life: an obligation falling due after the regulation's end -------------------------------------
ds = compliant()
next(e for e in ds["evaluations"] if e["id"] == "ev-cm-a-2025").update(author_id="huyen-uy-062", submitted_on="2026-02-10")
ds["evaluations"] = [e for e in ds["evaluations"] if e["id"] != "ev-cm-b-2025"]
scenario("evaluation_due_after_the_regulation", "Under the built-in profile, 1390-QĐ/TU ends on 2025-06-30: the 2025 evaluations, "
         "due 31/01/2026, are not demanded by it. cm-b's is absent and cm-a's is late and by the district committee: nothing "
         "is reported. The duties of January–June 2025 are judged (prorated) and met.", [], ds, T)
# Helper E (issue 17 and issue 11 item 6): what the day-by-day oracle found, and acting assignments.
# Duplicated records are not an overload; an overload names only the units held on the same days
# (runs split where the set changes); a monitor covers a unit only while eligible; gaps after the
# judged day are coverage_ending (info); acting assignments within acting_max_days (assumed, 90)
# do not count toward per_subject.
# =====================================================================================================
ds = base()
ds["assignments"].append({"id": "cm-a-dup", "scheme": "commune-monitoring", "subject_id": "p1", "target": "01954",
                          "valid_from": "2024-10-01", "valid_to": "2024-10-30", "term_id": "tinh-uy-xii"})
scenario("duplicated_record_is_not_an_overload", "p1 monitors Vân Tùng from 2024-09-01, and a second record (a duplicated "
         "decision) assigns p1 to Vân Tùng again from 2024-10-01 to 2024-10-30. One person on one unit: not an overload of "
         "p1 and not two monitors on the unit, but one assignment_duplicated warning on the later record over the days both "
         "records run.",
         [f("assignment_duplicated", "assignment", "cm-a-dup", "2024-10-01", "2024-10-30", "warning")], ds)


def three_units():
    ds = base()
    ds["units"].append({"code": "01960", "name": "Xã Hiệp Lực", "type": "Xã", "parent_code": "062"})
    ds["people"].append({"id": "p4", "name": "Người thứ tư", "title": "Phó Giám đốc Sở Công Thương",
                         "organization_id": "so-cong-thuong", "rank": "deputy", "valid_from": "2020-01-01"})
    ds["assignments"].append({"id": "cm-c", "scheme": "commune-monitoring", "subject_id": "p4", "target": "01960",
                              "valid_from": "2024-09-01", "term_id": "tinh-uy-xii"})
    return ds


ds = three_units()
ds["assignments"].append({"id": "x1", "scheme": "commune-monitoring", "subject_id": "p1", "target": "01957",
                          "valid_from": "2024-10-01", "valid_to": "2024-10-31", "term_id": "tinh-uy-xii"})
ds["assignments"].append({"id": "x2", "scheme": "commune-monitoring", "subject_id": "p1", "target": "01960",
                          "valid_from": "2024-10-16", "valid_to": "2024-11-30", "term_id": "tinh-uy-xii"})
scenario("overload_names_only_units_held_together", "p1 monitors Vân Tùng, and also Thượng Quan (1–31 Oct) and Hiệp Lực "
         "(16 Oct – 30 Nov). The overload is split where the set of units changes: 2 units (01954, 01957) from 1 to 15 Oct, "
         "3 units from 16 to 31 Oct, 2 units (01954, 01960) in November; each finding names only the units held on all its "
         "days. The two other communes have two monitors on those days.",
         [f("coverage_overlap", "unit", "01957", "2024-10-01", "2024-10-31"),
          f("coverage_overlap", "unit", "01960", "2024-10-16", "2024-11-30"),
          f("assignee_overloaded", "person", "p1", "2024-10-01", "2024-10-15", "warning"),
          f("assignee_overloaded", "person", "p1", "2024-10-16", "2024-10-31", "warning"),
          f("assignee_overloaded", "person", "p1", "2024-11-01", "2024-11-30", "warning")], ds, profile=NO_DUTIES)

ds = base()
ds["people"][1]["valid_to"] = "2024-10-31"
scenario("coverage_counts_only_eligible_monitors", "p2 leaves the deputy post after 2024-10-31 and stays recorded as Thượng "
         "Quan's monitor. From 2024-11-01 p2 is ineligible, and Thượng Quan has no eligible monitor: a coverage gap up to the "
         "judged day (2024-12-31) — a warning, since it rests on the eligibility rule, an assumed parameter —, then "
         "coverage_ending (info) for the days after it. The coverage table agrees.",
         [f("coverage_gap", "unit", "01957", "2024-11-01", "2024-12-31", "warning"),
          f("ineligible_assignee", "assignment", "cm-b", "2024-11-01", "2025-06-30", "warning"),
          f("coverage_ending", "unit", "01957", "2025-01-01", "2025-06-30", "info")], ds)

ds = base()
for aid in ("cm-a", "cm-b"):
    assignment(ds, aid).update(valid_to="2025-03-31", end_reason="term_ended")
scenario("coverage_ending_after_the_judged_day", "Both monitors' assignments end on 2025-03-31 and the records are judged on "
         "2024-12-01: nothing is missing yet. The days from 2025-04-01 (to the end of the regulation's life, 2025-06-30 under "
         "this profile) are coverage_ending, an info finding, not a coverage_gap error.",
         [f("coverage_ending", "unit", "01954", "2025-04-01", "2025-06-30", "info"),
          f("coverage_ending", "unit", "01957", "2025-04-01", "2025-06-30", "info")], ds, {"today": "2024-12-01"},
         profile="profiles/bac-kan-1390-until-2025-06-30.json")
ds = with_records(ds)
for aid in ("cm-a", "cm-b"):
    add_work(ds, aid, 2024, 2, 1, 1)
    add_eval(ds, aid, 2024, "2025-01-15")
    add_work(ds, aid, 2025, 1, 1, 0)  # 90 days of 2025: 1 meeting, 1 visit, no guidance required
scenario("coverage_gap_up_to_the_judged_day", "The same records (with the 2024 and early-2025 work and evaluations done) judged on "
         "2025-05-15: the days from 2025-04-01 to 2025-05-15 are a coverage gap (error), the rest of the regulation's life "
         "coverage_ending (info).",
         [f("coverage_gap", "unit", "01954", "2025-04-01", "2025-05-15"),
          f("coverage_gap", "unit", "01957", "2025-04-01", "2025-05-15"),
          f("coverage_ending", "unit", "01954", "2025-05-16", "2025-06-30", "info"),
          f("coverage_ending", "unit", "01957", "2025-05-16", "2025-06-30", "info")], ds, {"today": "2025-05-15"},
         profile="profiles/bac-kan-1390-until-2025-06-30.json")


def acting(last_day, successor_from):
    ds = base()
    ds["people"][2].update(rank="deputy", title="Phó Giám đốc Sở Công Thương")
    cm_b = assignment(ds, "cm-b")
    cm_b.update(subject_id="p1", acting=True)
    if last_day:
        cm_b["valid_to"] = last_day
    if successor_from:
        ds["assignments"].append({"id": "cm-b2", "scheme": "commune-monitoring", "subject_id": "p3", "target": "01957",
                                  "valid_from": successor_from, "term_id": "tinh-uy-xii", "replaces": "cm-b"})
    return ds


scenario("acting_within_the_cap", "p1 monitors Vân Tùng and covers Thượng Quan as acting (kiêm nhiệm tạm thời) from "
         "2024-09-01 to 2024-11-29, 90 days, until p3 takes over on 2024-11-30: within acting_max_days (90, assumed), so "
         "not an overload.", [], acting("2024-11-29", "2024-11-30"), profile=NO_DUTIES)
scenario("acting_too_long", "The same acting assignment runs to 2024-12-20 (111 days), p3 taking over on 2024-12-21: from "
         "day 91 (2024-11-30) it counts as a regular assignment, so p1 holds two units from 2024-11-30 to 2024-12-20 "
         "(assignee_overloaded), and the acting record gets one acting_too_long warning for those days.",
         [f("assignee_overloaded", "person", "p1", "2024-11-30", "2024-12-20", "warning"),
          f("acting_too_long", "assignment", "cm-b", "2024-11-30", "2024-12-20", "warning")],
         acting("2024-12-20", "2024-12-21"), profile=NO_DUTIES)
ds = acting(None, None)
assignment(ds, "cm-b")["valid_from"] = "2024-11-01"
ds["assignments"].append({"id": "cm-b0", "scheme": "commune-monitoring", "subject_id": "p2", "target": "01957",
                          "valid_from": "2024-09-01", "valid_to": "2024-10-31", "term_id": "tinh-uy-xii"})
scenario("acting_open_not_yet_too_long", "p2 monitors Thượng Quan until 2024-10-31; p1 covers it as acting from 2024-11-01 "
         "with no end recorded. Judged on 2024-12-31 (day 61 of the acting assignment) it is not too long yet, and the days "
         "after the judged day are not judged for it (it may end in time): nothing to report.", [], ds, profile=NO_DUTIES)

# --- the number of new-rural criteria, from the profile ---------------------------------------------
# The number of criteria is the profile's (ntm_criteria.count; built-in: 19, QĐ 318/QĐ-TTg). Under a profile of 18:
# 18 met is the whole set, 19 is more than there are, and 17 with a status other than not_met is too few.
ds = compliant()
ds["ntm_statuses"] = [{"unit_code": "01957", "year": 2023, "criteria_met": 17, "status": "standard"},
                      {"unit_code": "01957", "year": 2024, "criteria_met": 18, "status": "standard"},
                      {"unit_code": "01957", "year": 2025, "criteria_met": 19, "status": "standard"}]
scenario("ntm_criteria_from_the_profile", "A profile whose national set has 18 criteria (profiles/ntm-18-criteria.json): "
         "Thượng Quan recorded as standard with 17 (2023: too few), 18 (2024: the whole set, nothing to report) and 19 "
         "(2025: more than the set has).",
         [f("ntm_status_invalid", "ntm_status", "01957/2023", severity="warning"),
          f("ntm_status_invalid", "ntm_status", "01957/2025", severity="warning")], ds, T,
         profile="profiles/ntm-18-criteria.json")

for name, s in SCENARIOS.items():
    with open(os.path.join(HERE, f"{name}.json"), "w", encoding="utf-8") as fh:
        json.dump(s, fh, ensure_ascii=False, indent=2)
        fh.write("\n")

profile_path = os.path.join(HERE, "..", "..", "crates", "diaban", "profiles", "bac-kan-1390.json")
with open(profile_path, encoding="utf-8") as fh:
    profile = json.load(fh)
def write_profile(name, p):
    with open(os.path.join(HERE, "profiles", name), "w", encoding="utf-8") as fh:
        json.dump(p, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def without_duties(p, new_id):
    """The same profile without duties and evaluations: for scenarios whose records hold no
    activities, so that only what they are about shows (an ended assignment would otherwise
    show, truthfully, a duty shortfall)."""
    r = copy.deepcopy(p)
    r["id"] = new_id
    for sch in r["schemes"]:
        sch.pop("duties", None)
        sch.pop("evaluation", None)
    return r


c = copy.deepcopy(profile)
c["id"] = "bac-kan-1390-continued"
for k in ("in_force_until", "in_force_until_source", "in_force_until_note", "territory"):
    c["regulation"].pop(k, None)
write_profile("continued.json", c)
# The same with a national new-rural set of 18 criteria instead of 19, for the edges of ntm_status_invalid.
n = copy.deepcopy(c)
n["id"] = "bac-kan-1390-continued-ntm-18"
n["ntm_criteria"] = {"instrument": "Bộ tiêu chí thử nghiệm 18 tiêu chí",
                     "count": {"value": 18, "source": "analog", "note": "a set of 18 criteria, to test the rule's edges"}}
write_profile("ntm-18-criteria.json", n)
# The reorganisation scenarios (make_reorg_scenarios.py) are judged after the reform.
write_profile("continued-no-duties.json", without_duties(c, "bac-kan-1390-continued-no-duties"))
# The built-in profile (its life ends on 2025-06-30), for coverage scenarios and the regulation's end.
write_profile("builtin-no-duties.json", without_duties(profile, "bac-kan-1390-no-duties"))
p = copy.deepcopy(profile)
p["id"] = "one-to-eight"
cm = next(s for s in p["schemes"] if s["id"] == "commune-monitoring")
cm["per_subject"] = {"value": {"min": 0, "max": 8}, "source": "analog",
                     "note": "after the 2025 reform provinces had one leader monitor up to 8 communes", "article": "2"}
with open(os.path.join(HERE, "profiles", "one-to-eight.json"), "w", encoding="utf-8") as fh:
    json.dump(p, fh, ensure_ascii=False, indent=2)
    fh.write("\n")
# Helper E: the built-in profile with its life ended on 2025-06-30, so that scenarios about the
# days after the judged day do not depend on how the built-in profile states its end.
p = copy.deepcopy(profile)
p["id"] = "bac-kan-1390-until-2025-06-30"
p["regulation"]["in_force_until"] = "2025-06-30"
with open(os.path.join(HERE, "profiles", "bac-kan-1390-until-2025-06-30.json"), "w", encoding="utf-8") as fh:
    json.dump(p, fh, ensure_ascii=False, indent=2)
    fh.write("\n")
print(f"wrote {len(SCENARIOS)} scenarios")
