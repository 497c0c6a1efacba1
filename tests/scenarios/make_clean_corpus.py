#!/usr/bin/env python3
"""Writes the no-false-positive corpus (clean_*.json) and the bug scenarios (bug_*.json) of this folder.

The clean datasets are written the way a provincial office keeps its records, independently of the demo:
other id schemes (`TU-BK`, `BTV.TU`, numeric person ids, `06.02020.DU`…), decision numbers such as
"1405-QĐ/TU", Vietnamese names from a pool (invented people: any likeness to a real cadre is chance),
realistic post titles, and the committee structure of a province: the provincial party committee, its
standing committee, the district and commune party committees, the provincial departments, party boards,
agencies and mass organisations. Unit codes and names are the GSO's (`data/national/`), and the 2025 edges
are those of Nghị quyết 1683/NQ-UBTVQH15 (`crates/diaban/data/reform/bac_kan_2025.csv`).

Every clean scenario must give zero errors and zero warnings; infos only where the time semantics call for
them. The bug scenarios each pin one false (or missing) finding reported in issue 11. Expectations are
written by hand from the semantics below, never computed by diaban:

- the judged day J is `today` (else `at`); nothing due after J is reported: an evaluation is missing only
  when its due date is before J, a duty year only when its judged part ended before J;
- uncovered days on or before J are `coverage_gap` (error); after J, one `coverage_ending` info per run;
- `at` is a view of one day: a finding is kept only if the days it concerns include `at`, clipped to it;
- 1390-QĐ/TU applies to Bắc Kạn's units (the issuer's province) from 2024-08-29 to 2025-06-30 (the province
  merged into Thái Nguyên on 1 July 2025); days outside that are not judged, and obligations falling due
  after 2025-06-30 (the 2025 evaluation, due 31/01/2026) are not demanded;
- the bodies the profile needs are found by role (kind, level, unit, on the day), not by id;
- the evaluation of a year is written by the party committee of the target unit on the last judged day of
  that year, or, if that committee has ceased to exist when the evaluation is sent, by the party committee of
  a successor unit (reorganisation lineage) on that day;
- an `acting: true` assignment within 90 days is not an overload; two overlapping records of the same person
  on the same unit are one `assignment_duplicated` warning, not an overload;
- a finding resting on an assumed parameter (the 31 January deadline, the eligible-tenure rule, the
  head/deputy ranks…) is a warning.

Run this script after editing it; the Rust, Python and JavaScript suites then read the JSON files.
"""
import copy
import csv
import datetime as dt
import io
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
GSO_2024 = os.path.join(ROOT, "data", "national", "vn_units_2024-09-01.csv")
EDGES_2025 = os.path.join(ROOT, "crates", "diaban", "data", "reform", "bac_kan_2025.csv")
PROFILE = os.path.join(ROOT, "crates", "diaban", "profiles", "bac-kan-1390.json")

D = dt.date
REFORM = D(2025, 7, 1)
LAST_DAY_BK = D(2025, 6, 30)


def iso(d):
    return d.isoformat() if d else None


def vn(d):
    """A date as a Vietnamese office writes it in a spreadsheet (DD/MM/YYYY)."""
    return d.strftime("%d/%m/%Y") if d else ""


# --- the GSO list --------------------------------------------------------------------------------------

with open(GSO_2024, encoding="utf-8") as fh:
    GSO_ROWS = [r for r in csv.DictReader(fh) if r["province_code"] == "06"]
assert len(GSO_ROWS) == 108, len(GSO_ROWS)
with open(EDGES_2025, encoding="utf-8") as fh:
    EDGE_ROWS = list(csv.DictReader(fh))
assert len(EDGE_ROWS) == 108 + 8 + 1, len(EDGE_ROWS)


def gso(district):
    """The GSO rows of one Bắc Kạn district, in code order."""
    rows = [r for r in GSO_ROWS if r["district_code"] == district]
    assert rows, district
    return rows


def district_name(district):
    """The district's name as an office writes it (the GSO writes 'Thành Phố Bắc Kạn')."""
    name = gso(district)[0]["district_name"]
    return name.replace("Thành Phố", "Thành phố")


def committee_name(unit_name):
    """'Xã Nam Cường' -> 'Đảng ủy xã Nam Cường'."""
    kind, _, rest = unit_name.partition(" ")
    if kind == "Thị":
        kind, _, rest = unit_name.partition(" ")[2].partition(" ")
        kind = "thị " + kind
    return f"Đảng ủy {kind.lower()} {rest}"


def district_committee_name(district):
    name = district_name(district)
    return "Thành ủy Bắc Kạn" if name.startswith("Thành phố") else "Huyện ủy " + name.removeprefix("Huyện ")


# --- people -------------------------------------------------------------------------------------------

SURNAMES = ["Hoàng", "Nông", "Hà", "Lý", "Ma", "Triệu", "Lương", "Đinh", "Phùng", "Dương", "Lục", "Hứa", "Nguyễn",
            "Trần", "Lê", "Phạm", "Vi", "Đàm", "Bế", "Mông", "Lường", "Chu", "La", "Đặng", "Bàn", "Lâm"]
MIDDLE_M = ["Văn", "Đức", "Quang", "Minh", "Thanh", "Xuân", "Ngọc", "Hữu", "Mạnh", "Trung", "Tiến", "Công"]
MIDDLE_F = ["Thị", "Thu", "Thanh", "Kim", "Ngọc", "Hồng", "Minh"]
GIVEN_M = ["Hùng", "Tuấn", "Dũng", "Hưng", "Long", "Sơn", "Hải", "Bình", "Cường", "Khánh", "Toàn", "Lâm", "Nguyên",
           "Phúc", "Thịnh", "Quyết", "Chiến", "Thành", "Vinh", "Tùng", "Đông", "Kiên", "Trường", "Luân", "Định"]
GIVEN_F = ["Hạnh", "Hoa", "Lan", "Thủy", "Huyền", "Nga", "Thảo", "Liên", "Hiền", "Hương", "Yến", "Nhung", "Mai", "Vân"]


class Names:
    """Invented, distinct Vietnamese names (Kinh, Tày, Nùng and Dao surnames), reproducible from a seed."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.used = set()

    def __call__(self):
        while True:
            if self.rng.random() < 0.35:
                n = f"{self.rng.choice(SURNAMES)} {self.rng.choice(MIDDLE_F)} {self.rng.choice(GIVEN_F)}"
            else:
                n = f"{self.rng.choice(SURNAMES)} {self.rng.choice(MIDDLE_M)} {self.rng.choice(GIVEN_M)}"
            if n not in self.used:
                self.used.add(n)
                return n


# (short name, name, kind, head title, deputy title). "{p}" is the province's name.
AGENCIES = [
    ("SNN", "Sở Nông nghiệp và Phát triển nông thôn tỉnh {p}", "department", "Giám đốc Sở Nông nghiệp và Phát triển nông thôn", "Phó Giám đốc Sở Nông nghiệp và Phát triển nông thôn"),
    ("SKHDT", "Sở Kế hoạch và Đầu tư tỉnh {p}", "department", "Giám đốc Sở Kế hoạch và Đầu tư", "Phó Giám đốc Sở Kế hoạch và Đầu tư"),
    ("STC", "Sở Tài chính tỉnh {p}", "department", "Giám đốc Sở Tài chính", "Phó Giám đốc Sở Tài chính"),
    ("SCT", "Sở Công Thương tỉnh {p}", "department", "Giám đốc Sở Công Thương", "Phó Giám đốc Sở Công Thương"),
    ("SGDDT", "Sở Giáo dục và Đào tạo tỉnh {p}", "department", "Giám đốc Sở Giáo dục và Đào tạo", "Phó Giám đốc Sở Giáo dục và Đào tạo"),
    ("SYT", "Sở Y tế tỉnh {p}", "department", "Giám đốc Sở Y tế", "Phó Giám đốc Sở Y tế"),
    ("STNMT", "Sở Tài nguyên và Môi trường tỉnh {p}", "department", "Giám đốc Sở Tài nguyên và Môi trường", "Phó Giám đốc Sở Tài nguyên và Môi trường"),
    ("SGTVT", "Sở Giao thông vận tải tỉnh {p}", "department", "Giám đốc Sở Giao thông vận tải", "Phó Giám đốc Sở Giao thông vận tải"),
    ("SXD", "Sở Xây dựng tỉnh {p}", "department", "Giám đốc Sở Xây dựng", "Phó Giám đốc Sở Xây dựng"),
    ("SLDTBXH", "Sở Lao động - Thương binh và Xã hội tỉnh {p}", "department", "Giám đốc Sở Lao động - Thương binh và Xã hội", "Phó Giám đốc Sở Lao động - Thương binh và Xã hội"),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch tỉnh {p}", "department", "Giám đốc Sở Văn hóa, Thể thao và Du lịch", "Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch"),
    ("STTTT", "Sở Thông tin và Truyền thông tỉnh {p}", "department", "Giám đốc Sở Thông tin và Truyền thông", "Phó Giám đốc Sở Thông tin và Truyền thông"),
    ("STP", "Sở Tư pháp tỉnh {p}", "department", "Giám đốc Sở Tư pháp", "Phó Giám đốc Sở Tư pháp"),
    ("SNV", "Sở Nội vụ tỉnh {p}", "department", "Giám đốc Sở Nội vụ", "Phó Giám đốc Sở Nội vụ"),
    ("SKHCN", "Sở Khoa học và Công nghệ tỉnh {p}", "department", "Giám đốc Sở Khoa học và Công nghệ", "Phó Giám đốc Sở Khoa học và Công nghệ"),
    ("TTR", "Thanh tra tỉnh {p}", "agency", "Chánh Thanh tra tỉnh", "Phó Chánh Thanh tra tỉnh"),
    ("VPUB", "Văn phòng Ủy ban nhân dân tỉnh {p}", "agency", "Chánh Văn phòng Ủy ban nhân dân tỉnh", "Phó Chánh Văn phòng Ủy ban nhân dân tỉnh"),
    ("BDT", "Ban Dân tộc tỉnh {p}", "agency", "Trưởng Ban Dân tộc tỉnh", "Phó Trưởng Ban Dân tộc tỉnh"),
    ("CAT", "Công an tỉnh {p}", "agency", "Giám đốc Công an tỉnh", "Phó Giám đốc Công an tỉnh"),
    ("BCHQS", "Bộ Chỉ huy Quân sự tỉnh {p}", "agency", "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", "Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"),
    ("BTC", "Ban Tổ chức Tỉnh ủy {p}", "party_board", "Trưởng Ban Tổ chức Tỉnh ủy", "Phó Trưởng Ban Tổ chức Tỉnh ủy"),
    ("BTG", "Ban Tuyên giáo Tỉnh ủy {p}", "party_board", "Trưởng Ban Tuyên giáo Tỉnh ủy", "Phó Trưởng Ban Tuyên giáo Tỉnh ủy"),
    ("BDV", "Ban Dân vận Tỉnh ủy {p}", "party_board", "Trưởng Ban Dân vận Tỉnh ủy", "Phó Trưởng Ban Dân vận Tỉnh ủy"),
    ("BNC", "Ban Nội chính Tỉnh ủy {p}", "party_board", "Trưởng Ban Nội chính Tỉnh ủy", "Phó Trưởng Ban Nội chính Tỉnh ủy"),
    ("UBKT", "Ủy ban Kiểm tra Tỉnh ủy {p}", "party_board", "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", "Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy"),
    ("VPTU", "Văn phòng Tỉnh ủy {p}", "party_board", "Chánh Văn phòng Tỉnh ủy", "Phó Chánh Văn phòng Tỉnh ủy"),
    ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh {p}", "mass_organization", "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("TDTN", "Tỉnh đoàn {p}", "mass_organization", "Bí thư Tỉnh đoàn", "Phó Bí thư Tỉnh đoàn"),
    ("HLHPN", "Hội Liên hiệp Phụ nữ tỉnh {p}", "mass_organization", "Chủ tịch Hội Liên hiệp Phụ nữ tỉnh", "Phó Chủ tịch Hội Liên hiệp Phụ nữ tỉnh"),
    ("HND", "Hội Nông dân tỉnh {p}", "mass_organization", "Chủ tịch Hội Nông dân tỉnh", "Phó Chủ tịch Hội Nông dân tỉnh"),
    ("HCCB", "Hội Cựu chiến binh tỉnh {p}", "mass_organization", "Chủ tịch Hội Cựu chiến binh tỉnh", "Phó Chủ tịch Hội Cựu chiến binh tỉnh"),
    ("LDLD", "Liên đoàn Lao động tỉnh {p}", "mass_organization", "Chủ tịch Liên đoàn Lao động tỉnh", "Phó Chủ tịch Liên đoàn Lao động tỉnh"),
]


# --- a province office's records ------------------------------------------------------------------------

class Office:
    """The records of one office, with its own id scheme.

    `ids` maps a kind of record to a function making its id: org(short), district_committee(code),
    commune_committee(code), person(n), assignment(n, code), term(), activity(n), evaluation(year, aid)."""

    def __init__(self, ids, seed, districts):
        self.ids = ids
        self.names = Names(seed)
        self.districts = districts
        self.units = [{"code": "06", "name": "Tỉnh Bắc Kạn", "type": "Tỉnh"}]
        self.communes = []
        for dcode in districts:
            rows = gso(dcode)
            self.units.append({"code": dcode, "name": district_name(dcode), "type": rows[0]["district_type"],
                               "parent_code": "06"})
            for r in rows:
                self.units.append({"code": r["code"], "name": r["name"], "type": r["type"], "parent_code": dcode})
                self.communes.append(r)
        tu, btv = ids["org"]("TU"), ids["org"]("BTV")
        self.tu, self.btv = tu, btv
        self.orgs = [
            {"id": tu, "name": "Tỉnh ủy Bắc Kạn", "kind": "party_committee", "level": "province", "unit_code": "06"},
            {"id": btv, "name": "Ban Thường vụ Tỉnh ủy Bắc Kạn", "kind": "standing_committee", "level": "province",
             "unit_code": "06", "parent_id": tu},
        ]
        for short, name, kind, _, _ in AGENCIES:
            o = {"id": ids["org"](short), "name": name.format(p="Bắc Kạn"), "kind": kind, "level": "province",
                 "unit_code": "06"}
            if kind == "party_board":
                o["parent_id"] = tu
            self.orgs.append(o)
        for dcode in districts:
            self.orgs.append({"id": ids["district_committee"](dcode), "name": district_committee_name(dcode),
                              "kind": "party_committee", "level": "district", "unit_code": dcode, "parent_id": tu})
        for r in self.communes:
            self.orgs.append({"id": ids["commune_committee"](r["code"]), "name": committee_name(r["name"]),
                              "kind": "party_committee", "level": "commune", "unit_code": r["code"],
                              "parent_id": ids["district_committee"](r["district_code"])})
        self.term = ids["term"]()
        self.terms = [{"id": self.term, "organization_id": tu, "label": "2020–2025", "ordinal": "XII",
                       "valid_from": "2020-10-28"}]
        self.people = []
        self.assignments = []
        self.activities = []
        self.evaluations = []
        self.n_person = 0
        self.n_assignment = 0
        self.n_activity = 0
        self.next_agency = 0

    # people
    def person(self, org_short, rank, valid_from="2021-01-01", valid_to=None, title=None):
        self.n_person += 1
        pid = self.ids["person"](self.n_person)
        self.post(pid, self.names(), org_short, rank, valid_from, valid_to, title)
        return pid

    def post(self, pid, name, org_short, rank, valid_from, valid_to=None, title=None):
        a = next((a for a in AGENCIES if a[0] == org_short), None)
        if title is None:
            title = {"head": a[3], "deputy": a[4]}[rank]
        p = {"id": pid, "name": name, "title": title, "organization_id": self.ids["org"](org_short), "rank": rank,
             "valid_from": iso(valid_from) if isinstance(valid_from, D) else valid_from}
        if valid_to:
            p["valid_to"] = iso(valid_to)
        self.people.append(p)
        return p

    def name_of(self, pid):
        return next(p["name"] for p in self.people if p["id"] == pid)

    def leader(self, rank=None):
        """A new head or deputy of the next agency in the list (heads and deputies alternate)."""
        short = AGENCIES[self.next_agency % len(AGENCIES)][0]
        rank = rank or ("head" if (self.next_agency // len(AGENCIES)) % 2 == 0 else "deputy")
        self.next_agency += 1
        return self.person(short, rank)

    def standing_member(self, title="Ủy viên Ban Thường vụ Tỉnh ủy", rank="member"):
        self.n_person += 1
        pid = self.ids["person"](self.n_person)
        self.people.append({"id": pid, "name": self.names(), "title": title, "organization_id": self.btv,
                            "rank": rank, "valid_from": "2020-10-28"})
        return pid

    # assignments
    def assign(self, scheme, subject, target, start, end=None, reason=None, decision=None, replaces=None, **extra):
        self.n_assignment += 1
        aid = self.ids["assignment"](self.n_assignment, target)
        a = {"id": aid, "scheme": scheme, "subject_id": subject, "target": target, "valid_from": iso(start)}
        if end:
            a["valid_to"] = iso(end)
        if self.term:
            a["term_id"] = self.term
        if decision:
            a["decision_number"], a["decision_date"] = decision[0], iso(decision[1])
        if reason:
            a["end_reason"] = reason
        if replaces:
            a["replaces"] = replaces
        a.update(extra)
        self.assignments.append(a)
        return a

    def activity(self, a, day, kind, note):
        self.n_activity += 1
        self.activities.append({"id": self.ids["activity"](self.n_activity), "date": iso(day),
                                "subject_id": a["subject_id"], "target": a["target"], "kind": kind, "note": note})

    def routine(self, a, until, first=None, last=None):
        """The monitor's usual year: the commune committee's monthly meeting, village visits in 8 months of 12,
        guidance once a quarter; only on days of the assignment, and only what was done by `until`."""
        start = max(D.fromisoformat(a["valid_from"]), first or D.min)
        end = min(D.fromisoformat(a["valid_to"]) if a.get("valid_to") else D.max, last or D.max, until)
        unit = next(u for u in self.units if u["code"] == a["target"])
        salt = int(a["target"]) % 7
        y, m = start.year, start.month
        while D(y, m, 1) <= end:
            for kind, day, months, note in (
                ("committee_meeting", 8 + salt, range(1, 13), f"Dự hội nghị Ban Chấp hành {committee_name(unit['name'])} tháng {m}/{y}"),
                ("field_visit", 15 + salt, (1, 3, 5, 6, 8, 10, 11, 12), f"Xuống thôn, bản nắm tình hình sản xuất, đời sống nhân dân ({unit['name']})"),
                ("guidance", 20 + salt, (3, 6, 9, 12), f"Hướng dẫn, đôn đốc {unit['name']} thực hiện nhiệm vụ phát triển kinh tế - xã hội quý {(m - 1) // 3 + 1}/{y}"),
            ):
                d = D(y, m, day)
                if m in months and start <= d <= end:
                    self.activity(a, d, kind, note)
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)

    def evaluate(self, a, year, submitted, author=None, rating="good", note=None):
        e = {"id": self.ids["evaluation"](year, a["id"]), "year": year, "assignment_id": a["id"],
             "author_id": author or self.ids["commune_committee"](a["target"]), "submitted_on": iso(submitted),
             "rating": rating}
        if note:
            e["note"] = note
        self.evaluations.append(e)
        return e

    def dataset(self):
        ds = {"units": self.units, "organizations": self.orgs, "people": self.people, "terms": self.terms,
              "assignments": self.assignments}
        if self.activities:
            ds["activities"] = self.activities
        if self.evaluations:
            ds["evaluations"] = self.evaluations
        return copy.deepcopy(ds)


def monitor_all(office, start, decision, districts_lead_from=D(2020, 11, 5)):
    """One leader per commune from `start` (decision of the Provincial Standing Committee), and one Standing
    Committee member in charge of each district since the beginning of the term."""
    cms = {}
    for r in office.communes:
        cms[r["code"]] = office.assign("commune-monitoring", office.leader(), r["code"], start, decision=decision)
    dls = {}
    for i, dcode in enumerate(office.districts):
        member = office.standing_member()
        dls[dcode] = office.assign("district-lead", member, dcode, districts_lead_from,
                                   decision=(f"{12 + i}-QĐ/TU", D(2020, 11, 3)))
    return cms, dls


def evaluations_2024(office, cms, until, on_due_day=()):
    """The 2024 evaluations, sent by each commune's party committee between 16/12/2024 and 31/01/2025 (those
    in `on_due_day` on 31/01/2025), of every assignment with at least 90 days in 2024; only those sent by
    `until`."""
    for i, (code, a) in enumerate(sorted(cms.items())):
        start = D.fromisoformat(a["valid_from"])
        end = D.fromisoformat(a["valid_to"]) if a.get("valid_to") else D(2024, 12, 31)
        if (min(end, D(2024, 12, 31)) - max(start, D(2024, 1, 1))).days + 1 < 90:
            continue
        sent = D(2025, 1, 31) if code in on_due_day else D(2024, 12, 16) + dt.timedelta(days=(i * 5) % 44)
        if sent <= until:
            office.evaluate(a, 2024, sent, rating=("excellent", "good", "good", "fulfilled")[i % 4])


# --- scenarios ----------------------------------------------------------------------------------------------

SCENARIOS = {}


def f(code, kind, sid, frm=None, to=None, severity="error"):
    return {"code": code, "severity": severity, "subject": {"kind": kind, "id": sid}, "from": frm, "to": to}


def summary(findings):
    return {s + "s": sum(1 for x in findings if x["severity"] == s) for s in ("error", "warning", "info")}


def scenario(name, description, findings, dataset=None, csv_files=None, options=None, profile=None):
    assert name.startswith(("clean_", "bug_")) and name != "clean_minimal", name
    s = {"description": description}
    if csv_files is not None:
        s["csv"] = csv_files
    elif dataset is not None:
        s["dataset"] = copy.deepcopy(dataset)
    else:
        s["demo"] = True
    if profile is not None:
        s["profile"] = profile
    s["options"] = {"at": None, "today": None, "recorded_on": None, "lang": "en"}
    s["options"].update(options or {})
    s["expect"] = {"findings": findings, "summary": summary(findings)}
    SCENARIOS[name] = s


def to_csv(rows, columns, dates=()):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([vn(D.fromisoformat(r[c])) if c in dates and r.get(c) else r.get(c, "") for c in columns])
    return out.getvalue()


def with_post_end(office, pid, last_day):
    """The person's current post ends on `last_day` (retirement, transfer)."""
    for p in office.people:
        if p["id"] == pid and "valid_to" not in p:
            p["valid_to"] = iso(last_day)


def successor_of(office, old, first_day, decision, subject=None, **extra):
    """`old` ends the day before `first_day` (replaced); a new leader (or `subject`) takes the unit over."""
    old["valid_to"] = iso(first_day - dt.timedelta(days=1))
    old["end_reason"] = "replaced"
    return office.assign(old["scheme"], subject or office.leader(), old["target"], first_day, decision=decision,
                         replaces=old["id"], **extra)


# =============================================================================================================
# a. Chợ Đồn, as a JSON dataset with the office's own ids ("TU-BK", "BTV.TU", numeric people).
# =============================================================================================================

IDS_A = {
    "org": lambda s: {"TU": "TU-BK", "BTV": "BTV.TU"}.get(s, s),
    "district_committee": lambda c: f"HU-{c}",
    "commune_committee": lambda c: f"DU.{c}",
    "person": lambda n: str(1000 + n),
    "assignment": lambda n, target: f"PC-{n:03}",
    "term": lambda: "NK-XII",
    "activity": lambda n: f"HD-{n:05}",
    "evaluation": lambda year, aid: f"DG-{year}-{aid}",
}


def cho_don(until):
    """The 20 units of Chợ Đồn (the article: every one of them has a provincial monitor), from 01/09/2024."""
    o = Office(IDS_A, "cho-don", ["064"])
    cms, dls = monitor_all(o, D(2024, 9, 1), ("1405-QĐ/TU", D(2024, 8, 30)))
    # Phương Viên: its monitor retires; the successor takes over the next day (decision of 12/11/2024).
    old = cms["02050"]
    with_post_end(o, old["subject_id"], D(2024, 11, 15))
    new = successor_of(o, old, D(2024, 11, 16), ("1498-QĐ/TU", D(2024, 11, 12)))
    # Lương Bằng's monitor is promoted from deputy to head of his department on 01/11/2024: two posts, contiguous.
    a = cms["02062"]
    p = next(p for p in o.people if p["id"] == a["subject_id"])
    short = next(x[0] for x in AGENCIES if IDS_A["org"](x[0]) == p["organization_id"])
    p.update(rank="deputy", title=next(x[4] for x in AGENCIES if x[0] == short), valid_to="2024-10-31")
    o.post(p["id"], p["name"], short, "head", "2024-11-01")
    # The member in charge of Chợ Đồn also heads the provincial Ban Dân vận (a second post of the same person).
    lead = dls["064"]["subject_id"]
    o.post(lead, o.name_of(lead), "BDV", "head", "2020-11-01")
    # The rural-development programme: the Sở Thông tin và Truyền thông helps Bình Trung (as the article says).
    ntm = {"id": "NTM-02080", "scheme": "ntm-support-2020-2025", "subject_id": IDS_A["org"]("STTTT"),
           "target": "02080", "valid_from": "2021-03-01", "decision_number": "1215-QĐ/TU", "decision_date": "2021-02-22"}
    o.assignments.append(ntm)
    # Three Provincial Executive Committee members (Tỉnh ủy viên) each attend one village party cell's meetings,
    # since the start of the term, three times a year.
    for i, (village, code) in enumerate((("thôn Nà Bưa", "02026"), ("thôn Bản Tàn", "02044"), ("thôn Khuổi Đeng", "02071"))):
        cell = {"id": f"CB.{code}.{i + 1:02}", "name": f"Chi bộ {village}", "kind": "party_cell", "level": "commune",
                "unit_code": code, "parent_id": IDS_A["commune_committee"](code)}
        o.orgs.append(cell)
        member = cms[code]["subject_id"] if i else dls["064"]["subject_id"]
        o.people.append({"id": member, "name": o.name_of(member), "title": "Tỉnh ủy viên",
                         "organization_id": o.tu, "rank": "member", "valid_from": "2020-10-28"})
        ca = o.assign("cell-attendance", member, cell["id"], D(2020, 11, 10), decision=("25-QĐ/TU", D(2020, 11, 9)))
        for year in range(2021, 2025):
            for month in (3, 7, 11):
                o.activity(ca, D(year, month, 5 + i), "cell_meeting",
                           f"Dự sinh hoạt Chi bộ {village} định kỳ tháng {month}/{year}")
        if until >= D(2025, 1, 5 + i):
            o.activity(ca, D(2025, 1, 5 + i), "cell_meeting", f"Dự sinh hoạt Chi bộ {village} định kỳ tháng 1/2025")
    for x in o.assignments:
        if x["scheme"] == "commune-monitoring":
            o.routine(x, until)
    o.activity(new, D(2024, 11, 28), "committee_meeting", "Dự hội nghị Đảng ủy xã Phương Viên mở rộng, bàn giao địa bàn theo dõi")
    o.activity(cms["02020"], D(2024, 12, 3), "proposal",
               "Đề xuất với Ban Thường vụ Tỉnh ủy hỗ trợ kinh phí sửa chữa đường vào thôn Bản Lác")
    evaluations_2024(o, cms, until, on_due_day={"02020", "02083"})
    return o, cms


o, cms_a = cho_don(D(2025, 1, 31))
DS_A = o.dataset()
scenario("clean_office_cho_don_json",
         "A province office's records of Chợ Đồn's 20 units (real GSO codes) in its own id scheme (TU-BK, BTV.TU, "
         "numeric person ids): one head or deputy of a provincial department, party board or mass organisation per "
         "unit from 01/09/2024 (1405-QĐ/TU); Phương Viên handed over on contiguous days (15/11 → 16/11/2024); a "
         "monitor promoted from deputy to head on 01/11/2024 (two contiguous posts); the member in charge of the "
         "district holds a second post; the commune committees' monthly meetings, village visits and quarterly "
         "guidance recorded; three Tỉnh ủy viên attend village party cells (since 2020, three times a year); "
         "the programme of the Sở Thông tin và Truyền thông helping Bình Trung; every 2024 evaluation sent by the "
         "commune's party committee, two on the due day itself. Judged on 31/01/2025, the due day: nothing to report.",
         [], DS_A, options={"today": "2025-01-31"})
for day, what in (("2024-11-15", "the outgoing monitor's last day"), ("2024-11-16", "the successor's first day")):
    scenario(f"clean_office_cho_don_at_{day.replace('-', '_')}",
             f"The same records viewed on {day}, {what} at Phương Viên, judged on 31/01/2025: exactly one monitor "
             "that day, nothing to report.", [], DS_A, options={"at": day, "today": "2025-01-31"})

# The same office, viewed on 01/10/2024 from 01/12/2026 (the CLI's default today), one 2024 evaluation missing.
o, cms = cho_don(D(2025, 1, 31))
missing = cms["02023"]
o.evaluations = [e for e in o.evaluations if e["assignment_id"] != missing["id"]]
scenario("bug_at_view_no_future_obligations",
         "Issue 11, first bullet: `check --at 2024-10-01` judged on 01/12/2026 reported every 2025 evaluation and "
         "2025 duty shortfall, and every 2024 evaluation sent after 01/10/2024 as missing. A view of one day keeps "
         "only findings about that day: the one 2024 evaluation really missing (Xuân Lạc's) concerns the 2024 part, "
         "which includes 01/10/2024, so it stays, clipped to that day, as a warning (the 31 January deadline is an "
         "assumed parameter); 2025's shortfalls concern 2025 and the 2025 evaluation is not demanded at all (due "
         "after 1390-QĐ/TU lapsed on 30/06/2025).",
         [f("evaluation_missing", "assignment", missing["id"], "2024-10-01", "2024-10-01", "warning")],
         o.dataset(), options={"at": "2024-10-01", "today": "2026-12-01"})

# =============================================================================================================
# b. Pác Nặm and Na Rì as a CSV folder: units in the flat GSO layout (with the province columns), dates as
#    DD/MM/YYYY, CRLF line ends and a BOM, as a spreadsheet exports them.
# =============================================================================================================

IDS_B = {
    "org": lambda s: {"TU": "TUBK", "BTV": "BTVTUBK"}.get(s, f"CQ_{s}"),
    "district_committee": lambda c: f"HU{c}",
    "commune_committee": lambda c: f"DU{c}",
    "person": lambda n: f"CB{n:04}",
    "assignment": lambda n, target: f"TD{target}-{n}",
    "term": lambda: "TUBK-K12",
    "activity": lambda n: f"NK{n:05}",
    "evaluation": lambda year, aid: f"DG{year}-{aid}",
}

J_B = D(2025, 6, 30)
o = Office(IDS_B, "pac-nam-na-ri", ["060", "066"])
cms, _ = monitor_all(o, D(2024, 9, 1), ("1405-QĐ/TU", D(2024, 8, 30)))
evaluations_2024(o, cms, J_B, on_due_day={"01858", "02146"})
# An Thắng's monitor is rated "unfulfilled" for 2024 (15/01/2025) and replaced from 01/04/2025, within 90 days.
at = cms["01876"]
next(e for e in o.evaluations if e["assignment_id"] == at["id"]).update(
    rating="unfulfilled", submitted_on="2025-01-15", note="Đồng chí chưa dự đủ các kỳ họp, ít xuống cơ sở")
successor_of(o, at, D(2025, 4, 1), ("1728-QĐ/TU", D(2025, 3, 27)))
# A Na Rì monitor retires on 28/02/2025; the successor starts on 01/03/2025.
nr = cms["02170"]
with_post_end(o, nr["subject_id"], D(2025, 2, 28))
successor_of(o, nr, D(2025, 3, 1), ("1690-QĐ/TU", D(2025, 2, 24)))
for x in o.assignments:
    if x["scheme"] == "commune-monitoring":
        o.routine(x, J_B)
ds = o.dataset()
flat = io.StringIO()
w = csv.writer(flat, lineterminator="\r\n")
cols = ["code", "name", "type", "district_code", "district_name", "district_type", "province_code", "province_name",
        "province_type"]
w.writerow(cols)
for r in GSO_ROWS:
    if r["district_code"] in ("060", "066"):
        w.writerow([r[c] for c in cols])
CSV_B = {
    "units.csv": "\ufeff" + flat.getvalue(),
    "organizations.csv": to_csv(ds["organizations"], ["id", "name", "kind", "level", "unit_code", "parent_id",
                                                      "valid_from", "valid_to"]),
    "people.csv": to_csv(ds["people"], ["id", "name", "title", "organization_id", "rank", "valid_from", "valid_to"],
                         dates=("valid_from", "valid_to")),
    "terms.csv": to_csv(ds["terms"], ["id", "organization_id", "label", "ordinal", "valid_from", "valid_to"],
                        dates=("valid_from", "valid_to")),
    "assignments.csv": to_csv(ds["assignments"], ["id", "scheme", "subject_id", "target", "valid_from", "valid_to",
                                                  "term_id", "decision_number", "decision_date", "end_reason", "replaces"],
                              dates=("valid_from", "valid_to", "decision_date")),
    "activities.csv": to_csv(ds["activities"], ["id", "date", "subject_id", "target", "kind", "note"], dates=("date",)),
    "evaluations.csv": to_csv(ds["evaluations"], ["id", "year", "assignment_id", "author_id", "submitted_on", "rating",
                                                  "note"], dates=("submitted_on",)),
}
scenario("clean_office_gso_flat_csv",
         "Pác Nặm and Na Rì (27 units) as a CSV folder the way an office exports it: units.csv in the flat GSO layout "
         "with the province columns (no parent_code; the districts and the province come from the columns), a BOM, "
         "CRLF line ends, dates as DD/MM/YYYY, ids TUBK, BTVTUBK, CQ_SNN, CB0001. An Thắng's monitor, rated "
         "unfulfilled for 2024 on 15/01/2025, is replaced from 01/04/2025 (within 90 days); a Na Rì monitor retires "
         "on 28/02/2025 and the successor starts on 01/03/2025. Judged on 30/06/2025, the last day of the regulation: "
         "2025 is not over and its evaluation is not due, so nothing to report.",
         [], csv_files=CSV_B, options={"today": iso(J_B)})

# =============================================================================================================
# c. Ba Bể under the 1:8 profile: four leaders share its 15 units.
# =============================================================================================================

IDS_C = {
    "org": lambda s: f"06.{s}",
    "district_committee": lambda c: f"06.{c}.HU",
    "commune_committee": lambda c: f"06.{c}.DU",
    "person": lambda n: f"CB-06-{n:04}",
    "assignment": lambda n, target: f"PCTD-{n:03}",
    "term": lambda: "06.TU.K12",
    "activity": lambda n: f"06.HD.{n:05}",
    "evaluation": lambda year, aid: f"06.DG.{year}.{aid}",
}
J_C = D(2025, 2, 1)
o = Office(IDS_C, "ba-be", ["061"])
leaders = [o.leader("head"), o.leader("head"), o.leader("deputy"), o.leader("deputy")]
cms = {}
for i, r in enumerate(o.communes):
    cms[r["code"]] = o.assign("commune-monitoring", leaders[i // 4], r["code"], D(2024, 9, 1),
                              decision=("1406-QĐ/TU", D(2024, 8, 30)))
o.assign("district-lead", o.standing_member(), "061", D(2020, 11, 5), decision=("13-QĐ/TU", D(2020, 11, 3)))
for x in o.assignments:
    if x["scheme"] == "commune-monitoring":
        o.routine(x, J_C)
evaluations_2024(o, cms, J_C, on_due_day={"01888", "01933"})
scenario("clean_one_to_eight_ba_be",
         "Ba Bể's 15 units under the 1:8 profile (one leader may monitor up to 8 units): four leaders monitor 4, 4, 4 "
         "and 3 units from 01/09/2024, each unit with its own assignment, activities and 2024 evaluation by its own "
         "commune party committee (two on the due day). Ids 06.TU, 06.BTV, 06.061.HU, 06.01888.DU. Judged on "
         "01/02/2025, the day after the due date: nothing to report.",
         [], o.dataset(), options={"today": iso(J_C)}, profile="profiles/one-to-eight.json")

# =============================================================================================================
# d. Thành phố Bắc Kạn and Bạch Thông across the 2025 reform, as `diaban reorganize` leaves them and the
#    office completes them: old units, committees, posts and assignments end on 30/06/2025; the new units of
#    Thái Nguyên (province 19) start on 01/07/2025 with their new party committees; some leaders get posts in
#    Thái Nguyên's departments; Thái Nguyên's Standing Committee assigns monitors to the new communes.
# =============================================================================================================

IDS_D = {
    "org": lambda s: {"TU": "TU-BK", "BTV": "BTV-TU-BK"}.get(s, f"BK-{s}"),
    "district_committee": lambda c: f"HU-BK-{c}",
    "commune_committee": lambda c: f"DU-BK-{c}",
    "person": lambda n: str(2000 + n),
    "assignment": lambda n, target: f"PC-BK-{n:03}",
    "term": lambda: "BK-XII",
    "activity": lambda n: f"BK-HD-{n:05}",
    "evaluation": lambda year, aid: f"DG-{year}-{aid}",
}
J_D = D(2026, 2, 1)
o = Office(IDS_D, "bac-kan-bach-thong", ["058", "063"])
cms, dls = monitor_all(o, D(2024, 9, 1), ("1405-QĐ/TU", D(2024, 8, 30)))
evaluations_2024(o, cms, J_D, on_due_day={"01843", "02002"})
# On 01/03/2025 the Sở Kế hoạch và Đầu tư merged into the Sở Tài chính: its leader becomes a deputy director of
# the merged department the next day (contiguous posts, eligible throughout).
skhdt = next(a for a in cms.values()
             if next(p for p in o.people if p["id"] == a["subject_id"])["organization_id"] == IDS_D["org"]("SKHDT"))
p = next(p for p in o.people if p["id"] == skhdt["subject_id"])
p["valid_to"] = "2025-02-28"
o.post(p["id"], p["name"], "STC", "deputy", "2025-03-01")
for x in o.assignments:
    if x["scheme"] == "commune-monitoring":
        o.routine(x, J_D, last=LAST_DAY_BK)
new_units = {}
for e in EDGE_ROWS:
    if e["old_code"] in {r["code"] for r in o.communes} and e["new_code"] not in new_units:
        new_units[e["new_code"]] = (e["new_name"], e["new_type"])
edges = [e for e in EDGE_ROWS if e["old_code"] in {r["code"] for r in o.communes} | {"058", "063", "06"}]
# The end of Bắc Kạn: units, bodies, posts, the term and every assignment.
for u in o.units:
    u["valid_to"] = iso(LAST_DAY_BK)
for org in o.orgs:
    org["valid_to"] = iso(LAST_DAY_BK)
for p in o.people:
    if "valid_to" not in p:
        p["valid_to"] = iso(LAST_DAY_BK)
o.terms[0]["valid_to"] = iso(LAST_DAY_BK)
for a in o.assignments:
    a.update(valid_to=iso(LAST_DAY_BK), end_reason="reorganized")
# Thái Nguyên from 01/07/2025.
o.units.append({"code": "19", "name": "Tỉnh Thái Nguyên", "type": "Tỉnh", "valid_from": iso(REFORM)})  # the merged province
for code, (name, utype) in sorted(new_units.items()):
    o.units.append({"code": code, "name": name, "type": utype, "parent_code": "19", "valid_from": iso(REFORM)})
o.orgs += [
    {"id": "TU-TN", "name": "Tỉnh ủy Thái Nguyên", "kind": "party_committee", "level": "province", "unit_code": "19",
     "valid_from": iso(REFORM)},
    {"id": "BTV-TU-TN", "name": "Ban Thường vụ Tỉnh ủy Thái Nguyên", "kind": "standing_committee", "level": "province",
     "unit_code": "19", "parent_id": "TU-TN", "valid_from": iso(REFORM)},
    {"id": "TN-SNNMT", "name": "Sở Nông nghiệp và Môi trường tỉnh Thái Nguyên", "kind": "department",
     "level": "province", "unit_code": "19", "valid_from": iso(REFORM)},
    {"id": "TN-STC", "name": "Sở Tài chính tỉnh Thái Nguyên", "kind": "department", "level": "province",
     "unit_code": "19", "valid_from": iso(REFORM)},
]
for code, (name, _) in sorted(new_units.items()):
    o.orgs.append({"id": f"DU-TN-{code}", "name": committee_name(name), "kind": "party_committee", "level": "commune",
                   "unit_code": code, "parent_id": "TU-TN", "valid_from": iso(REFORM)})
mon = [a for a in o.assignments if a["scheme"] == "commune-monitoring"]
tn_leaders = []
for a, dept, title in ((mon[0], "TN-SNNMT", "Phó Giám đốc Sở Nông nghiệp và Môi trường"),
                       (mon[2], "TN-STC", "Phó Giám đốc Sở Tài chính")):
    o.people.append({"id": a["subject_id"], "name": o.name_of(a["subject_id"]), "title": title,
                     "organization_id": dept, "rank": "deputy", "valid_from": iso(REFORM)})
    tn_leaders.append(a["subject_id"])
# Thái Nguyên's own decision (one leader for several new communes): not 1390-QĐ/TU's business.
o.term = None
for i, code in enumerate(sorted(new_units)):
    a = o.assign("commune-monitoring", tn_leaders[i % 2], code, D(2025, 7, 15), decision=("25-QĐ/TU", D(2025, 7, 10)))
    o.routine(a, D(2025, 12, 31))
# 2025 evaluations of the Bắc Kạn assignments: not demanded (due after the regulation lapsed), but the
# new ward committees of Bắc Kạn and Đức Xuân and of Phong Quang wrote theirs. The old committee has ceased to
# exist when they are sent, so the successor unit's committee is the right author.
lineage = {e["old_code"]: e["new_code"] for e in edges if e["part"] == "full" and len(e["old_code"]) == 5}
for code, a in sorted(cms.items()):
    new = lineage[code]
    if new in ("01840", "01843", "01849"):
        sent = {"01840": D(2026, 1, 10), "01843": D(2025, 12, 18), "01849": D(2026, 1, 31)}[new]
        o.evaluate(a, 2025, sent, author=f"DU-TN-{new}",
                   note="Đánh giá 6 tháng đầu năm 2025, trước khi sắp xếp đơn vị hành chính")
DS_D = o.dataset()
DS_D["reorganizations"] = [
    {k: v for k, v in dict(e, effective=e["effective"]).items() if v != ""} for e in edges]
scenario("clean_reform_bac_kan_bach_thong",
         "Thành phố Bắc Kạn and Bạch Thông (22 units) across the 2025 reform: monitored from 01/09/2024, 2024 "
         "evaluations on time; on 01/03/2025 one monitor's department merges into the Sở Tài chính (contiguous "
         "posts); every Bắc Kạn unit, body, post, the term XII and every assignment end on 30/06/2025 (reason "
         "`reorganized`), with the edges of Nghị quyết 1683/NQ-UBTVQH15 recorded; the 7 new units of Thái Nguyên "
         "start on 01/07/2025 with their new party committees, and Thái Nguyên assigns two leaders to them (3 and 4 "
         "units each) from 15/07/2025. The 2025 evaluations of the wards merged into Phường Bắc Kạn, Đức Xuân and "
         "Phong Quang are written by the new committees (the old ones had ceased to exist). Judged on 01/02/2026: "
         "2025's first half is judged and its duties are met; the 2025 evaluations, due 31/01/2026, fall after "
         "1390-QĐ/TU lapsed and are not demanded; nothing in Thái Nguyên is judged against 1390. Nothing to report.",
         [], DS_D, options={"today": iso(J_D)})
for day, what in (("2025-06-30", "Bắc Kạn's last day: every old unit has its monitor"),
                  ("2025-07-01", "the first day of the new units: 1390-QĐ/TU no longer applies, nothing is judged")):
    scenario(f"clean_reform_bac_kan_bach_thong_at_{day.replace('-', '_')}",
             f"The same records viewed on {day}, {what}. Nothing to report.", [], DS_D,
             options={"at": day, "today": iso(J_D)})

# =============================================================================================================
# e. Chợ Mới, starting mid-term: monitoring begins on 15/03/2025 (a profile whose coverage starts then).
# =============================================================================================================

IDS_E = {
    "org": lambda s: str(100 + ["TU", "BTV"].index(s)) if s in ("TU", "BTV") else str(110 + [x[0] for x in AGENCIES].index(s)),
    "district_committee": lambda c: f"2{c}",
    "commune_committee": lambda c: f"3{c}",
    "person": lambda n: f"P-2025-{n:03}",
    "assignment": lambda n, target: f"{n:04}",
    "term": lambda: "7",
    "activity": lambda n: str(50000 + n),
    "evaluation": lambda year, aid: f"E{year}-{aid}",
}
with open(PROFILE, encoding="utf-8") as fh:
    MID = json.load(fh)
MID["id"] = "bac-kan-1390-from-2025-03-15"
cm_scheme = next(s for s in MID["schemes"] if s["id"] == "commune-monitoring")
assert cm_scheme["coverage"]["value"]["from"] == "2024-09-01", cm_scheme["coverage"]
cm_scheme["coverage"]["value"]["from"] = "2025-03-15"
cm_scheme["coverage"]["note"] = "this office's monitoring began on 15/03/2025"


def cho_moi(until):
    o = Office(IDS_E, "cho-moi", ["065"])
    monitor_all(o, D(2025, 3, 15), ("1702-QĐ/TU", D(2025, 3, 12)))
    for x in o.assignments:
        if x["scheme"] == "commune-monitoring":
            o.routine(x, until, last=LAST_DAY_BK)
    return o.dataset()


scenario("clean_mid_term_cho_moi_mid_year",
         "Chợ Mới's 14 units, monitored from 15/03/2025 (1702-QĐ/TU of 12/03/2025) under a profile whose coverage "
         "starts that day; numeric organisation ids (100 = Tỉnh ủy, 101 = its Standing Committee, 3xxxxx = commune "
         "committees). Judged on 15/06/2025: three months of work recorded (fewer than a year's duties), 2025 is not "
         "over and its evaluation is not due: nothing demanded yet, nothing to report.",
         [], cho_moi(D(2025, 6, 15)), options={"today": "2025-06-15"}, profile=MID)
scenario("clean_mid_term_cho_moi_judged_part",
         "The same office judged on 01/07/2025, the day after 1390-QĐ/TU lapsed: 2025's judged part (15/03 to "
         "30/06/2025, 108 days) is over, so its duties are judged prorated — round(6·108/365) = 2 meetings, 1 visit, "
         "1 guidance — and each monitor has 3, 3 and 2. A shortfall computed on the calendar year's remaining days "
         "(15/03 to 31/12) would be false: those days are not judged. The 2025 evaluation is due after the "
         "regulation lapsed: not demanded. Nothing to report.",
         [], cho_moi(D(2025, 6, 30)), options={"today": "2025-07-01"}, profile=MID)

# =============================================================================================================
# Bug scenarios on Ngân Sơn (issue 11): each fails on the engine the issue describes.
# =============================================================================================================

IDS_BUG = {
    "org": lambda s: {"TU": "tu-bk", "BTV": "btv-tu-bk"}.get(s, s.lower()),
    "district_committee": lambda c: f"huyen-uy-{c}",
    "commune_committee": lambda c: f"dang-uy-{c}",
    "person": lambda n: f"{n:03}",
    "assignment": lambda n, target: f"pc-{n:03}",
    "term": lambda: "tu-bk-xii",
    "activity": lambda n: f"hd-{n:04}",
    "evaluation": lambda year, aid: f"dg-{year}-{aid}",
}


def ngan_son(seed="ngan-son"):
    o = Office(IDS_BUG, seed, ["062"])
    cms, dls = monitor_all(o, D(2024, 9, 1), ("1405-QĐ/TU", D(2024, 8, 30)))
    return o, cms, dls


def work(o, until, last=None):
    for x in o.assignments:
        if x["scheme"] == "commune-monitoring":
            o.routine(x, until, last=last)


# -- `tu-bk`: the bodies are found by role, not by the ids "tinh-uy" / "btv-tinh-uy".
o, cms, _ = ngan_son()
work(o, D(2025, 2, 1))
evaluations_2024(o, cms, D(2025, 2, 1))
ds = o.dataset()
CSV_TU = {
    "units.csv": to_csv(ds["units"], ["code", "name", "type", "parent_code", "valid_from", "valid_to"]),
    "organizations.csv": to_csv(ds["organizations"], ["id", "name", "kind", "level", "unit_code", "parent_id",
                                                      "valid_from", "valid_to"]),
    "people.csv": to_csv(ds["people"], ["id", "name", "title", "organization_id", "rank", "valid_from", "valid_to"]),
    "terms.csv": to_csv(ds["terms"], ["id", "organization_id", "label", "ordinal", "valid_from", "valid_to"]),
    "assignments.csv": to_csv(ds["assignments"], ["id", "scheme", "subject_id", "target", "valid_from", "valid_to",
                                                  "term_id", "decision_number", "decision_date", "end_reason", "replaces"]),
    "activities.csv": to_csv(ds["activities"], ["id", "date", "subject_id", "target", "kind", "note"]),
    "evaluations.csv": to_csv(ds["evaluations"], ["id", "year", "assignment_id", "author_id", "submitted_on", "rating",
                                                  "note"]),
}
scenario("bug_tu_bk_term_by_role",
         "Issue 11: a province's own CSV folder whose provincial party committee is `tu-bk` (kind party_committee, "
         "level province) and whose term XII is recorded on it got an `outside_term` error on every assignment "
         "('phải theo nhiệm kỳ của tinh-uy'). The term body is the issuer's provincial party committee, found by "
         "role: every assignment follows its term. Ngân Sơn, clean, judged on 01/02/2025: nothing to report.",
         [], csv_files=CSV_TU, options={"today": "2025-02-01"})

# -- assignments that end with the term, judged long before.
o, cms, dls = ngan_son()
o.terms[0]["valid_to"] = "2025-09-22"
for a in o.assignments:
    a.update(valid_to="2025-09-22", end_reason="term_ended")
work(o, D(2024, 12, 1))
scenario("bug_future_end_is_not_a_gap",
         "Issue 11: judged on 01/12/2024, every assignment ends with the term on 22/09/2025 and each unit got a "
         "coverage_gap error 'from 2025-09-23', a gap that has not happened. Days after the judged day are not "
         "errors, and here they are not judged at all: 1390-QĐ/TU lapses on 30/06/2025, before the assignments end. "
         "Nothing to report.", [], o.dataset(), options={"today": "2024-12-01"})
tq = cms["01957"]
with_post_end(o, tq["subject_id"], D(2025, 3, 31))
tq.update(valid_to="2025-03-31")
del tq["end_reason"]
scenario("bug_future_gap_is_coverage_ending",
         "The same, except that Thượng Quan's monitor retires on 31/03/2025 (post and assignment end that day) and no "
         "successor is recorded yet. Judged on 01/12/2024, the uncovered days lie after the judged day: not an "
         "error but one `coverage_ending` info for the run, from 01/04/2025 to 30/06/2025 (the coverage window ends "
         "when 1390-QĐ/TU lapses).",
         [f("coverage_ending", "unit", "01957", "2025-04-01", "2025-06-30", "info")], o.dataset(),
         options={"today": "2024-12-01"})

# -- units outside Bắc Kạn, and Thái Nguyên after the merger.
o, cms, dls = ngan_son()
work(o, D(2025, 10, 1), last=LAST_DAY_BK)
evaluations_2024(o, cms, D(2025, 10, 1))
for u in o.units:
    u["valid_to"] = iso(LAST_DAY_BK)
for a in o.assignments:
    a.update(valid_to=iso(LAST_DAY_BK), end_reason="reorganized")
o.units += [
    {"code": "01", "name": "Thành phố Hà Nội", "type": "Thành phố Trung ương"},
    {"code": "001", "name": "Quận Ba Đình", "type": "Quận", "parent_code": "01", "valid_to": iso(LAST_DAY_BK)},
    {"code": "00004", "name": "Phường Trúc Bạch", "type": "Phường", "parent_code": "001", "valid_to": iso(LAST_DAY_BK)},
    {"code": "00004", "name": "Phường Ba Đình", "type": "Phường", "parent_code": "01", "valid_from": iso(REFORM)},
    {"code": "19", "name": "Tỉnh Thái Nguyên", "type": "Tỉnh"},
    {"code": "164", "name": "Thành phố Thái Nguyên", "type": "Thành phố", "parent_code": "19", "valid_to": iso(LAST_DAY_BK)},
    {"code": "05443", "name": "Phường Trưng Vương", "type": "Phường", "parent_code": "164", "valid_to": iso(LAST_DAY_BK)},
    {"code": "05443", "name": "Phường Phan Đình Phùng", "type": "Phường", "parent_code": "19", "valid_from": iso(REFORM)},
]
scenario("bug_outside_territory_not_judged",
         "Issue 11: a unit of Hà Nội and one of Thái Nguyên were judged against Bắc Kạn's 1390-QĐ/TU (coverage_gap "
         "errors). The dataset holds Ngân Sơn (monitored, ended 30/06/2025 with the province), Phường Trúc Bạch then "
         "Phường Ba Đình (00004, Hà Nội) and Phường Trưng Vương then Phường Phan Đình Phùng (05443, Thái Nguyên: "
         "before the merger, and after it, when Bắc Kạn's regulation had lapsed), none of them assigned. Judged on "
         "01/10/2025: outside the issuer's province, or after the regulation's life, nothing is judged; Ngân Sơn "
         "is in order. Nothing to report.", [], o.dataset(), options={"today": "2025-10-01"})

# -- a monitor whose post ends while the assignment stays open.
o, cms, dls = ngan_son()
th = cms["01948"]
with_post_end(o, th["subject_id"], D(2025, 5, 31))
work(o, D(2025, 7, 15), last=LAST_DAY_BK)
o.activities = [x for x in o.activities if not (x["subject_id"] == th["subject_id"] and x["date"] > "2025-05-31")]
evaluations_2024(o, cms, D(2025, 7, 15))
scenario("bug_post_ended_leaves_unit_uncovered",
         "Issue 11: Trung Hoà's monitor leaves the post on 31/05/2025 and the assignment is left open; the coverage "
         "table still showed him covering the commune while `check` called him ineligible. Coverage counts a "
         "monitor only on the days the post makes them eligible: Trung Hoà is uncovered from 01/06/2025 "
         "(coverage_gap) and the assignment is ineligible from that day, both warnings (they rest on the "
         "eligibility rule, an assumed parameter), both until 30/06/2025, when 1390-QĐ/TU lapses. Judged on 15/07/2025; the "
         "monitor did the first half-year's duties before leaving.",
         [f("coverage_gap", "unit", "01948", "2025-06-01", "2025-06-30", "warning"),
          f("ineligible_assignee", "assignment", th["id"], "2025-06-01", "2025-06-30", "warning")],
         o.dataset(), options={"today": "2025-07-15"})

# -- an acting (temporary) second commune for 30 days.
o, cms, dls = ngan_son()
hl, tm = cms["01960"], cms["01963"]
with_post_end(o, hl["subject_id"], D(2024, 10, 31))
hl.update(valid_to="2024-10-31", end_reason="replaced")
acting = o.assign("commune-monitoring", tm["subject_id"], "01960", D(2024, 11, 1), D(2024, 11, 30),
                  decision=("1462-QĐ/TU", D(2024, 10, 29)), replaces=hl["id"], acting=True)
successor_of(o, acting, D(2024, 12, 1), ("1521-QĐ/TU", D(2024, 11, 26)))
acting["end_reason"] = "replaced"
work(o, D(2025, 2, 1))
o.activity(acting, D(2024, 11, 12), "committee_meeting", "Dự hội nghị Ban Chấp hành Đảng ủy xã Hiệp Lực tháng 11/2024 (kiêm nhiệm tạm thời)")
evaluations_2024(o, cms, D(2025, 2, 1))
scenario("bug_acting_second_commune",
         "Issue 11: a leader covering a second commune while a successor is appointed was an assignee_overloaded "
         "error, and there was no way to record it. Hiệp Lực's monitor leaves on 31/10/2024; Thuần Mang's monitor "
         "covers it as acting (`acting: true`, kiêm nhiệm tạm thời) from 01/11 to 30/11/2024, within the 90-day "
         "cap; the successor starts on 01/12/2024. Judged on 01/02/2025: no overload, no gap, nothing to report.",
         [], o.dataset(), options={"today": "2025-02-01"})

# -- the same person recorded twice on the same commune.
o, cms, dls = ngan_son()
np_ = cms["01936"]
dup = o.assign("commune-monitoring", np_["subject_id"], "01936", D(2024, 10, 15), D(2024, 12, 31),
               decision=("1455-QĐ/TU", D(2024, 10, 10)))
o.assignments.remove(dup)
work(o, D(2025, 2, 1))  # the office logs each activity once, not once per record
o.assignments.append(dup)
evaluations_2024(o, cms, D(2025, 2, 1))
scenario("bug_duplicate_record_is_not_overload",
         "Issue 11: the same leader recorded twice on Nà Phặc (the original assignment from 01/09/2024 and a second "
         "record of the same person and unit from 15/10 to 31/12/2024) was an assignee_overloaded and a "
         "coverage_overlap error. One person on one unit is not two monitors: one `assignment_duplicated` warning "
         "on the later record, over the overlapping days. Judged on 01/02/2025.",
         [f("assignment_duplicated", "assignment", dup["id"], "2024-10-15", "2024-12-31", "warning")],
         o.dataset(), options={"today": "2025-02-01"})


# =============================================================================================================

def write():
    for old in os.listdir(HERE):
        if old.startswith(("clean_", "bug_")) and old.endswith(".json") and old != "clean_minimal.json":
            os.remove(os.path.join(HERE, old))
    for name, s in SCENARIOS.items():
        with open(os.path.join(HERE, f"{name}.json"), "w", encoding="utf-8") as fh:
            json.dump(s, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
    print(f"wrote {len(SCENARIOS)} clean-corpus and bug scenarios")


write()
