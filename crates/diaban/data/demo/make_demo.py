#!/usr/bin/env python3
"""Generate the embedded Bắc Kạn demo dataset of `diaban` (Quy định 1390-QĐ/TU).

Usage:
    python3 make_demo.py [DATA_DIR] [--out DIR]     # regenerate every file of this folder
    python3 make_demo.py [DATA_DIR] --check         # regenerate nothing; verify the files here

DATA_DIR is the folder of real GSO data (default: the repository's data/national, four
folders up from this script). Output goes next to this script unless --out is given. Python 3.11, stdlib only.
The output is deterministic: every random choice comes from random.Random(1390).

What is real and what is invented is documented in README.md (also written by this script).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import random
import sys
import unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.join(HERE, "..", "..", "..", "..", "data", "national")

D = dt.date
ONE = dt.timedelta(days=1)

HEADERS = {
    "units.csv": ["code", "name", "type", "parent_code", "valid_from", "valid_to"],
    "organizations.csv": ["id", "name", "kind", "level", "unit_code", "parent_id", "valid_from", "valid_to"],
    "people.csv": ["id", "name", "title", "organization_id", "rank", "valid_from", "valid_to"],
    "terms.csv": ["id", "organization_id", "label", "ordinal", "valid_from", "valid_to"],
    "assignments.csv": ["id", "scheme", "subject_id", "target", "valid_from", "valid_to", "term_id",
                        "decision_number", "decision_date", "end_reason", "replaces", "category"],
    "activities.csv": ["id", "date", "subject_id", "target", "kind", "duty", "note", "quantity", "value_vnd",
                       "contribution", "recipient"],
    "evaluations.csv": ["id", "year", "assignment_id", "author_id", "submitted_on", "rating", "note"],
    "ntm_statuses.csv": ["unit_code", "year", "criteria_met", "status"],
}
PROVENANCE_DIR = "provenance"            # a sub-folder, so that this folder still loads as a dataset
PROVENANCE_FILE = "provenance.csv"
PROVENANCE_HEADER = ["table", "id", "basis", "source"]

PROVINCE = ("06", "Tỉnh Bắc Kạn", "Tỉnh")
TERM_ID = "tinh-uy-xii"
TERM_START = D(2020, 10, 28)
CM_START = D(2024, 9, 1)          # "từ tháng 9/2024"
CM_DECISION = ("1421-QĐ/TU", D(2024, 8, 30))   # placeholder number
DEMO_END = D(2025, 6, 30)         # the last day of Tỉnh Bắc Kạn (merged into Thái Nguyên on 1 July
                                  # 2025): no activity after it; `diaban reorganize` ends what is open
POST_START = D(2020, 1, 1)        # assumed start of every department post

# ---------------------------------------------------------------------------------------------
# Provincial bodies. (id, name, kind, head title, deputy title, number of deputies)
# Names are the real bodies of Bắc Kạn in 2024; the number of deputies is illustrative.
# ---------------------------------------------------------------------------------------------
BODIES = [
    # party boards (parent: tinh-uy)
    ("van-phong-tinh-uy", "Văn phòng Tỉnh ủy Bắc Kạn", "party_board",
     "Chánh Văn phòng Tỉnh ủy", "Phó Chánh Văn phòng Tỉnh ủy", 2),
    ("ban-to-chuc", "Ban Tổ chức Tỉnh ủy Bắc Kạn", "party_board",
     "Trưởng ban Tổ chức Tỉnh ủy", "Phó Trưởng ban Tổ chức Tỉnh ủy", 3),
    ("ban-tuyen-giao", "Ban Tuyên giáo Tỉnh ủy Bắc Kạn", "party_board",
     "Trưởng ban Tuyên giáo Tỉnh ủy", "Phó Trưởng ban Tuyên giáo Tỉnh ủy", 3),
    ("ban-dan-van", "Ban Dân vận Tỉnh ủy Bắc Kạn", "party_board",
     "Trưởng ban Dân vận Tỉnh ủy", "Phó Trưởng ban Dân vận Tỉnh ủy", 2),
    ("ban-noi-chinh", "Ban Nội chính Tỉnh ủy Bắc Kạn", "party_board",
     "Trưởng ban Nội chính Tỉnh ủy", "Phó Trưởng ban Nội chính Tỉnh ủy", 2),
    ("ubkt-tinh-uy", "Ủy ban Kiểm tra Tỉnh ủy Bắc Kạn", "party_board",
     "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", "Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", 3),
    # departments
    ("so-cong-thuong", "Sở Công Thương tỉnh Bắc Kạn", "department",
     "Giám đốc Sở Công Thương", "Phó Giám đốc Sở Công Thương", 3),
    ("so-tai-chinh", "Sở Tài chính tỉnh Bắc Kạn", "department",
     "Giám đốc Sở Tài chính", "Phó Giám đốc Sở Tài chính", 3),
    ("so-ke-hoach-dau-tu", "Sở Kế hoạch và Đầu tư tỉnh Bắc Kạn", "department",
     "Giám đốc Sở Kế hoạch và Đầu tư", "Phó Giám đốc Sở Kế hoạch và Đầu tư", 3),
    ("so-nong-nghiep", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bắc Kạn", "department",
     "Giám đốc Sở Nông nghiệp và Phát triển nông thôn", "Phó Giám đốc Sở Nông nghiệp và Phát triển nông thôn", 3),
    ("so-giao-duc", "Sở Giáo dục và Đào tạo tỉnh Bắc Kạn", "department",
     "Giám đốc Sở Giáo dục và Đào tạo", "Phó Giám đốc Sở Giáo dục và Đào tạo", 3),
    ("so-y-te", "Sở Y tế tỉnh Bắc Kạn", "department",
     "Giám đốc Sở Y tế", "Phó Giám đốc Sở Y tế", 3),
    ("so-tai-nguyen-moi-truong", "Sở Tài nguyên và Môi trường tỉnh Bắc Kạn", "department",
     "Giám đốc Sở Tài nguyên và Môi trường", "Phó Giám đốc Sở Tài nguyên và Môi trường", 3),
    ("so-giao-thong-van-tai", "Sở Giao thông vận tải tỉnh Bắc Kạn", "department",
     "Giám đốc Sở Giao thông vận tải", "Phó Giám đốc Sở Giao thông vận tải", 3),
    ("so-xay-dung", "Sở Xây dựng tỉnh Bắc Kạn", "department",
     "Giám đốc Sở Xây dựng", "Phó Giám đốc Sở Xây dựng", 2),
    ("so-noi-vu", "Sở Nội vụ tỉnh Bắc Kạn", "department",
     "Giám đốc Sở Nội vụ", "Phó Giám đốc Sở Nội vụ", 3),
    ("so-tu-phap", "Sở Tư pháp tỉnh Bắc Kạn", "department",
     "Giám đốc Sở Tư pháp", "Phó Giám đốc Sở Tư pháp", 2),
    ("so-lao-dong", "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Kạn", "department",
     "Giám đốc Sở Lao động - Thương binh và Xã hội", "Phó Giám đốc Sở Lao động - Thương binh và Xã hội", 3),
    ("so-van-hoa", "Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Kạn", "department",
     "Giám đốc Sở Văn hóa, Thể thao và Du lịch", "Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch", 3),
    ("so-khoa-hoc-cong-nghe", "Sở Khoa học và Công nghệ tỉnh Bắc Kạn", "department",
     "Giám đốc Sở Khoa học và Công nghệ", "Phó Giám đốc Sở Khoa học và Công nghệ", 2),
    ("so-thong-tin-truyen-thong", "Sở Thông tin và Truyền thông tỉnh Bắc Kạn", "department",
     "Giám đốc Sở Thông tin và Truyền thông", "Phó Giám đốc Sở Thông tin và Truyền thông", 2),
    ("thanh-tra-tinh", "Thanh tra tỉnh Bắc Kạn", "department",
     "Chánh Thanh tra tỉnh", "Phó Chánh Thanh tra tỉnh", 2),
    ("van-phong-ubnd", "Văn phòng UBND tỉnh Bắc Kạn", "department",
     "Chánh Văn phòng UBND tỉnh", "Phó Chánh Văn phòng UBND tỉnh", 3),
    ("ban-dan-toc", "Ban Dân tộc tỉnh Bắc Kạn", "department",
     "Trưởng ban Dân tộc tỉnh", "Phó Trưởng ban Dân tộc tỉnh", 2),
    # agencies
    ("cong-an-tinh", "Công an tỉnh Bắc Kạn", "agency",
     "Giám đốc Công an tỉnh", "Phó Giám đốc Công an tỉnh", 3),
    ("bchqs-tinh", "Bộ Chỉ huy Quân sự tỉnh Bắc Kạn", "agency",
     "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", "Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", 3),
    ("bao-bac-kan", "Báo Bắc Kạn", "agency",
     "Tổng Biên tập Báo Bắc Kạn", "Phó Tổng Biên tập Báo Bắc Kạn", 2),
    ("dai-ptth", "Đài Phát thanh và Truyền hình Bắc Kạn", "agency",
     "Giám đốc Đài Phát thanh và Truyền hình Bắc Kạn", "Phó Giám đốc Đài Phát thanh và Truyền hình Bắc Kạn", 2),
    ("truong-chinh-tri", "Trường Chính trị tỉnh Bắc Kạn", "agency",
     "Hiệu trưởng Trường Chính trị tỉnh", "Phó Hiệu trưởng Trường Chính trị tỉnh", 2),
    ("vp-doan-dbqh-hdnd", "Văn phòng Đoàn ĐBQH và HĐND tỉnh Bắc Kạn", "agency",
     "Chánh Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Phó Chánh Văn phòng Đoàn ĐBQH và HĐND tỉnh", 2),
    # mass organisations
    ("mttq-tinh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Kạn", "mass_organization",
     "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", 3),
    ("hoi-phu-nu", "Hội Liên hiệp Phụ nữ tỉnh Bắc Kạn", "mass_organization",
     "Chủ tịch Hội Liên hiệp Phụ nữ tỉnh", "Phó Chủ tịch Hội Liên hiệp Phụ nữ tỉnh", 2),
    ("tinh-doan", "Tỉnh đoàn Bắc Kạn", "mass_organization",
     "Bí thư Tỉnh đoàn", "Phó Bí thư Tỉnh đoàn", 2),
    ("hoi-nong-dan", "Hội Nông dân tỉnh Bắc Kạn", "mass_organization",
     "Chủ tịch Hội Nông dân tỉnh", "Phó Chủ tịch Hội Nông dân tỉnh", 2),
    ("hoi-ccb", "Hội Cựu chiến binh tỉnh Bắc Kạn", "mass_organization",
     "Chủ tịch Hội Cựu chiến binh tỉnh", "Phó Chủ tịch Hội Cựu chiến binh tỉnh", 2),
    ("ldld-tinh", "Liên đoàn Lao động tỉnh Bắc Kạn", "mass_organization",
     "Chủ tịch Liên đoàn Lao động tỉnh", "Phó Chủ tịch Liên đoàn Lao động tỉnh", 2),
]

# Further provincial bodies that exist in Bắc Kạn (as in every province) and appear here only as
# helpers of the rural-development programme (no people recorded for them). The article says 53
# units help 53 communes; 36 + 17 = 53. Which body helps which commune is invented (except two).
NTM_ONLY_BODIES = [
    ("toa-an-tinh", "Tòa án nhân dân tỉnh Bắc Kạn", "agency"),
    ("vien-kiem-sat-tinh", "Viện Kiểm sát nhân dân tỉnh Bắc Kạn", "agency"),
    ("cuc-thue", "Cục Thuế tỉnh Bắc Kạn", "agency"),
    ("kho-bac", "Kho bạc Nhà nước Bắc Kạn", "agency"),
    ("bhxh-tinh", "Bảo hiểm xã hội tỉnh Bắc Kạn", "agency"),
    ("cuc-thong-ke", "Cục Thống kê tỉnh Bắc Kạn", "agency"),
    ("ngan-hang-nha-nuoc", "Ngân hàng Nhà nước Việt Nam Chi nhánh tỉnh Bắc Kạn", "agency"),
    ("ngan-hang-csxh", "Ngân hàng Chính sách xã hội Chi nhánh tỉnh Bắc Kạn", "agency"),
    ("cuc-thads", "Cục Thi hành án dân sự tỉnh Bắc Kạn", "agency"),
    ("vuon-quoc-gia-ba-be", "Vườn quốc gia Ba Bể", "agency"),
    ("truong-cao-dang", "Trường Cao đẳng Bắc Kạn", "agency"),
    ("lien-minh-htx", "Liên minh Hợp tác xã tỉnh Bắc Kạn", "mass_organization"),
    ("hoi-chu-thap-do", "Hội Chữ thập đỏ tỉnh Bắc Kạn", "mass_organization"),
    ("lien-hiep-hoi-khkt", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Kạn", "mass_organization"),
    ("hoi-vhnt", "Hội Văn học Nghệ thuật tỉnh Bắc Kạn", "mass_organization"),
    ("hoi-luat-gia", "Hội Luật gia tỉnh Bắc Kạn", "mass_organization"),
    ("hoi-nha-bao", "Hội Nhà báo tỉnh Bắc Kạn", "mass_organization"),
]

# The 13 members of the Standing Committee: (key, BTV title, rank, body whose head they are or None,
# district they lead or None). Bodies whose head sits on the Standing Committee follow usual practice.
BTV = [
    ("bi-thu", "Bí thư Tỉnh ủy", "head", None, None),
    ("pbt-tt", "Phó Bí thư Thường trực Tỉnh ủy", "deputy", None, "058"),
    ("pbt-ubnd", "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh", "deputy", None, None),
    ("pbt-hdnd", "Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh", "deputy", None, "065"),
    ("btv-to-chuc", "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tổ chức Tỉnh ủy", "member", "ban-to-chuc", "060"),
    ("btv-ubkt", "Ủy viên Ban Thường vụ Tỉnh ủy, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", "member", "ubkt-tinh-uy", "061"),
    ("btv-tuyen-giao", "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy", "member", "ban-tuyen-giao", "062"),
    ("btv-dan-van", "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Dân vận Tỉnh ủy", "member", "ban-dan-van", "063"),
    # The seed names the Trưởng ban Nội chính (Lường Đức Thắng) but not his other offices: no
    # Standing Committee seat, district or monitoring is invented for a real person. A placeholder
    # member (created last, so that no placeholder number changes) leads Chợ Đồn.
    ("btv-uv", "Ủy viên Ban Thường vụ Tỉnh ủy", "member", None, "064"),
    ("btv-mttq", "Ủy viên Ban Thường vụ Tỉnh ủy, Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "member", "mttq-tinh", None),
    ("btv-cong-an", "Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Công an tỉnh", "member", "cong-an-tinh", None),
    ("btv-quan-su", "Ủy viên Ban Thường vụ Tỉnh ủy, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", "member", "bchqs-tinh", None),
    ("btv-pct-ubnd", "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực UBND tỉnh", "member", None, "066"),
]

# Heads of departments who sit on the Executive Committee and attend a grassroots party cell.
EC_BODIES = ["so-tai-chinh", "so-ke-hoach-dau-tu", "so-nong-nghiep", "so-giao-duc", "so-y-te",
             "so-noi-vu", "so-lao-dong", "van-phong-tinh-uy", "hoi-phu-nu", "tinh-doan"]
CELL_VILLAGES = ["Nà Pài", "Khuổi Luông", "Bản Chang", "Nà Làng", "Pác Cáp",
                 "Cốc Phường", "Nặm Dất", "Phiêng Luông", "Nà Mằn", "Khau Vai"]
CELL_SHORT = "chi-bo-7"   # its attending member attends only once in 2025

# ---------------------------------------------------------------------------------------------
# Planted defects (communes chosen by hand; see README.md).
# ---------------------------------------------------------------------------------------------
GAP_UNIT = "02131"        # (a) replaced with a 9-day gap
OVERLAP_UNIT = "02194"    # (b) handover overlap of 15 days
SPECIALIST_UNIT = "01885" # (c) monitor is a specialist (rank member)
OVERLOAD_HOME = "01906"   # (d) its monitor also takes over ...
OVERLOAD_UNIT = "01909"   #     ... this unit from 2025-02-01
RETIRED_UNIT = "02038"    # (e) monitor retires 2025-05-31, assignment left open
SHORT_UNITS = ["01870", "01993", "02161"]   # monitors who fall short in 2025
EV_MISSING_2024 = ["01945", "02104"]
EV_LATE_2024 = "02029"
EV_WRONG_AUTHOR_2024 = "01975"
EV_DUPLICATE_2024 = "01849"
EV_UNFULFILLED_2024 = "02146"
EV_MISSING_2025 = ["01864", "02014", "02176"]
VAN_TUNG = "01954"
SI_BINH = "01978"
BINH_TRUNG = "02080"
GIAO_HIEU = "01870"      # the seed's photo caption: Công an tỉnh builds rural works there
# Communes that reached the new-rural standard in 2021 (Quang Thuận the advanced standard): public
# facts (see the domain review), so no status of "not met" is invented for them and they are not
# among the communes helped "to reach the standard" or as "difficult" ones.
NTM_REACHED_2021 = ["01912", "02005", "02017", "02113", "02152"]   # Thượng Giáo, Quân Hà, Quang Thuận, Thanh Thịnh, Cường Lợi
LUONG_DUC_THANG = "p-luong-duc-thang"

RETIRE_DAY = D(2025, 5, 31)
EV_DUE = {2024: D(2025, 1, 31), 2025: D(2026, 1, 31)}   # assumed due dates used by --check only


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def iso(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def days(lo: dt.date, hi: dt.date):
    d = lo
    while d <= hi:
        yield d
        d += ONE


def month_end(y: int, m: int) -> dt.date:
    return (D(y + (m == 12), m % 12 + 1, 1)) - ONE


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def new_tone_style(name: str) -> str:
    """The tone placement the repository writes ("hòa", "thủy", "khỏe"), for names the demo
    composes: in an open syllable oa, oe or uy (not after q), the tone sits on the first vowel.
    GSO writes the old placement ("Xã Hoà Mục"); units.csv keeps it as the official name.

    >>> new_tone_style("xã Hoà Mục, Liêm Thuỷ, Quý, Hoàn")
    'xã Hòa Mục, Liêm Thủy, Quý, Hoàn'
    """
    out = []
    for word in name.split(" "):
        d = unicodedata.normalize("NFD", word)
        core = d.rstrip(",.;:")
        tail = d[len(core):]
        letters = "".join(c for c in core if c not in _TONES)
        tone = "".join(c for c in core if c in _TONES)
        low = letters.lower()
        if len(tone) == 1 and core.endswith(tone) and len(letters) >= 2 and \
                low[-2:] in ("oa", "oe", "uy") and not low[:-1].endswith("qu"):
            core = letters[:-1] + tone + letters[-1]
        out.append(nfc(core + tail))
    return " ".join(out)


# Names the demo composes follow local usage where the source article shows it; GSO's form stays
# the unit's official name in units.csv (lookups accept either: Sĩ/Sỹ fold together).
LOCAL_SPELLING = {
    "Sĩ Bình": "Sỹ Bình",       # the article: "xã khó khăn Sỹ Bình, huyện Bạch Thông"
}


def lower_type(name: str) -> str:
    """'Xã Sĩ Bình' -> 'xã Sỹ Bình', 'Thị trấn Vân Tùng' -> 'thị trấn Vân Tùng': the type in lower
    case, local spelling, the tone placement of the repository ('xã Hòa Mục' for 'Xã Hoà Mục')."""
    for t in ("Thị trấn ", "Phường ", "Xã "):
        if name.startswith(t):
            rest = name[len(t):]
            return new_tone_style(t.lower() + LOCAL_SPELLING.get(rest, rest))
    return new_tone_style(name)


def read_csv(path: str) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def write_csv(out: str, fname: str, rows: list[dict]) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=HEADERS[fname], lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writeheader()
    for r in rows:
        w.writerow({k: nfc(str(r.get(k, "") if r.get(k) is not None else "")) for k in HEADERS[fname]})
    with open(os.path.join(out, fname), "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


# =============================================================================================
# Generation
# =============================================================================================
class Demo:
    def __init__(self, data_dir: str):
        self.rng = random.Random(1390)
        self.communes = [{k: nfc(v) for k, v in r.items()}
                         for r in read_csv(os.path.join(data_dir, "bac_kan_units_2024.csv"))]
        self.districts = [{k: nfc(v) for k, v in r.items()}
                          for r in read_csv(os.path.join(data_dir, "bac_kan_districts_2024.csv"))]
        assert len(self.communes) == 108 and len(self.districts) == 8
        self.commune = {c["code"]: c for c in self.communes}
        self.units: list[dict] = []
        self.orgs: list[dict] = []
        self.people: list[dict] = []
        self.terms: list[dict] = []
        self.assignments: list[dict] = []
        self.activities: list[dict] = []
        self.evaluations: list[dict] = []
        self.ntm_statuses: list[dict] = []
        self.ntm_categories: list[dict] = []
        self.facts: dict = {}   # things the README reports

    # -- units ------------------------------------------------------------------------------
    def make_units(self):
        self.units.append(dict(code=PROVINCE[0], name=PROVINCE[1], type=PROVINCE[2]))
        for d in self.districts:
            name = d["district_name"].replace("Thành Phố ", "Thành phố ")
            self.units.append(dict(code=d["district_code"], name=name, type=d["type"], parent_code="06"))
        for c in self.communes:
            self.units.append(dict(code=c["code"], name=c["name"], type=c["type"], parent_code=c["district_code"]))

    # -- organisations ---------------------------------------------------------------------
    def make_orgs(self):
        o = self.orgs
        o.append(dict(id="tinh-uy", name="Tỉnh ủy Bắc Kạn", kind="party_committee", level="province", unit_code="06"))
        o.append(dict(id="btv-tinh-uy", name="Ban Thường vụ Tỉnh ủy Bắc Kạn", kind="standing_committee",
                      level="province", unit_code="06", parent_id="tinh-uy"))
        for bid, name, kind, *_ in BODIES:
            o.append(dict(id=bid, name=name, kind=kind, level="province", unit_code="06",
                          parent_id="tinh-uy" if kind == "party_board" else ""))
        for bid, name, kind in NTM_ONLY_BODIES:
            o.append(dict(id=bid, name=name, kind=kind, level="province", unit_code="06"))
        for d in self.districts:
            code = d["district_code"]
            if code == "058":
                name = "Thành ủy Bắc Kạn"
            else:
                name = "Huyện ủy " + d["district_name"].removeprefix("Huyện ")
            o.append(dict(id=f"huyen-uy-{code}", name=name, kind="party_committee", level="district",
                          unit_code=code, parent_id="tinh-uy"))
        for c in self.communes:
            o.append(dict(id=f"dang-uy-{c['code']}", name="Đảng ủy " + lower_type(c["name"]), kind="party_committee",
                          level="commune", unit_code=c["code"], parent_id=f"huyen-uy-{c['district_code']}"))

    # -- people ----------------------------------------------------------------------------
    def make_people(self):
        n = 0
        self.person_name = {}

        def new_person() -> str:
            nonlocal n
            n += 1
            pid = f"p-{n:03d}"
            self.person_name[pid] = f"Cán bộ giả định {n:03d}"
            return pid

        def post(pid, title, org, rank, frm=POST_START, to=None):
            self.people.append(dict(id=pid, name=self.person_name[pid], title=title, organization_id=org,
                                    rank=rank, valid_from=iso(frm), valid_to=iso(to)))

        self.person_name["p-ha-sy-thang"] = "Hà Sỹ Thắng"
        self.person_name[LUONG_DUC_THANG] = "Lường Đức Thắng"
        # Standing Committee members who hold no board/department post here.
        self.btv_person = {}
        for key, title, rank, body, _ in BTV:
            if body is None and key != "btv-uv":
                self.btv_person[key] = new_person()
        # Heads and deputies of provincial bodies.
        self.head_of = {}
        self.deputies_of = defaultdict(list)
        self.eligible = []          # people with a head/deputy post, in creation order
        self.retired = None
        for bid, _name, _kind, head_t, dep_t, ndep in BODIES:
            if bid == "so-cong-thuong":
                pid = "p-ha-sy-thang"
            elif bid == "ban-noi-chinh":
                new_person()   # the number a placeholder head had: later numbers stay as they were
                pid = LUONG_DUC_THANG
            else:
                pid = new_person()
            self.head_of[bid] = pid
            for key, _t, _r, body, _ in BTV:
                if body == bid:
                    self.btv_person[key] = pid
            post(pid, head_t, bid, "head")
            self.eligible.append(pid)
            for _ in range(ndep):
                q = new_person()
                self.deputies_of[bid].append(q)
                if bid == "so-y-te" and len(self.deputies_of[bid]) == 2:
                    post(q, dep_t, bid, "deputy", to=RETIRE_DAY)     # defect (e)
                    self.retired = q
                else:
                    post(q, dep_t, bid, "deputy")
                self.eligible.append(q)
        # The specialist (defect c): only post is rank member.
        self.specialist = new_person()
        post(self.specialist, "Chuyên viên Sở Nông nghiệp và Phát triển nông thôn", "so-nong-nghiep", "member")
        self.btv_person["btv-uv"] = new_person()
        # Standing Committee posts (elected at the congress).
        for key, title, rank, _body, _ in BTV:
            post(self.btv_person[key], title, "btv-tinh-uy", rank, frm=TERM_START)
        # Executive Committee members who attend party cells.
        self.ec_members = [self.head_of[b] for b in EC_BODIES]
        for pid in self.ec_members:
            post(pid, "Tỉnh ủy viên (Ủy viên Ban Chấp hành Đảng bộ tỉnh)", "tinh-uy", "member", frm=TERM_START)
        self.n_placeholders = n

    # -- terms -----------------------------------------------------------------------------
    def make_terms(self):
        self.terms.append(dict(id=TERM_ID, organization_id="tinh-uy", label="2020–2025", ordinal="XII",
                               valid_from=iso(TERM_START)))

    # -- assignments -----------------------------------------------------------------------
    def cm(self, aid, subject, code, frm, to=None, decision=CM_DECISION, end_reason="", replaces=""):
        a = dict(id=aid, scheme="commune-monitoring", subject_id=subject, target=code, valid_from=frm,
                 valid_to=to, term_id=TERM_ID, decision_number=decision[0], decision_date=decision[1],
                 end_reason=end_reason, replaces=replaces)
        self.assignments.append(a)
        return a

    def make_assignments(self):
        rng = self.rng
        btv_ids = set(self.btv_person.values())
        pool = [p for p in self.eligible if p not in btv_ids]
        fixed = {VAN_TUNG: "p-ha-sy-thang", RETIRED_UNIT: self.retired, SPECIALIST_UNIT: self.specialist}
        pool = [p for p in pool if p not in fixed.values() and p != LUONG_DUC_THANG]
        rng.shuffle(pool)
        codes = [c["code"] for c in self.communes]
        monitor = {}
        for code in codes:
            monitor[code] = fixed[code] if code in fixed else pool.pop()
        spares = pool           # eligible people who monitor nothing at first
        self.spares_initial = list(spares)
        self.monitor0 = dict(monitor)
        # commune-monitoring, initial decision
        by_code = {}
        for code in codes:
            by_code[code] = self.cm(f"cm-{code}", monitor[code], code, CM_START)
        # (a) gap: cm-02131 ends 2024-12-31, successor from 2025-01-10
        by_code[GAP_UNIT].update(valid_to=D(2024, 12, 31), end_reason="replaced")
        self.gap_successor = spares.pop()
        self.cm(f"cm-{GAP_UNIT}-2", self.gap_successor, GAP_UNIT, D(2025, 1, 10),
                decision=("1502-QĐ/TU", D(2025, 1, 8)), replaces=f"cm-{GAP_UNIT}")
        # (d) overload: cm-01909 ends 2025-01-31, the monitor of 01906 takes over from 2025-02-01
        by_code[OVERLOAD_UNIT].update(valid_to=D(2025, 1, 31), end_reason="replaced")
        self.overloaded = monitor[OVERLOAD_HOME]
        self.cm(f"cm-{OVERLOAD_UNIT}-2", self.overloaded, OVERLOAD_UNIT, D(2025, 2, 1),
                decision=("1535-QĐ/TU", D(2025, 1, 24)), replaces=f"cm-{OVERLOAD_UNIT}")
        # (b) overlap: cm-02194 ends 2025-03-15, successor from 2025-03-01
        by_code[OVERLAP_UNIT].update(valid_to=D(2025, 3, 15), end_reason="replaced")
        self.overlap_successor = spares.pop()
        self.cm(f"cm-{OVERLAP_UNIT}-2", self.overlap_successor, OVERLAP_UNIT, D(2025, 3, 1),
                decision=("1560-QĐ/TU", D(2025, 2, 25)), replaces=f"cm-{OVERLAP_UNIT}")
        self.spares = spares
        # district-lead
        for key, _t, _r, _b, dist in sorted(BTV, key=lambda b: b[4] or ""):
            if dist:
                self.assignments.append(dict(id=f"dl-{dist}", scheme="district-lead", subject_id=self.btv_person[key],
                                             target=dist, valid_from=D(2020, 11, 1), term_id=TERM_ID))
        # cell-attendance: one party cell per EC member
        cell_communes = rng.sample([c for c in codes if c not in (SI_BINH, VAN_TUNG)], len(self.ec_members))
        self.cells = []
        for i, (pid, code) in enumerate(zip(self.ec_members, cell_communes), start=1):
            cid = f"chi-bo-{i}"
            place = "thôn" if self.commune[code]["type"] == "Xã" else "tổ dân phố"
            self.orgs.append(dict(id=cid, name=f"Chi bộ {place} {CELL_VILLAGES[i - 1]} (giả định)", kind="party_cell",
                                  level="commune", unit_code=code, parent_id=f"dang-uy-{code}"))
            self.assignments.append(dict(id=f"ca-{i}", scheme="cell-attendance", subject_id=pid, target=cid,
                                         valid_from=D(2021, 1, 1), term_id=TERM_ID))
            self.cells.append((f"ca-{i}", pid, cid, code))
        # ntm-support-2020-2025: 53 bodies -> 53 communes of type Xã
        helpers = [b[0] for b in BODIES] + [b[0] for b in NTM_ONLY_BODIES]
        assert len(helpers) == 53 == len(set(helpers))
        xa = [c["code"] for c in self.communes if c["type"] == "Xã"]
        city_xa = {c["code"] for c in self.communes if c["district_code"] == "058"}
        fixed_pairs = [("ban-noi-chinh", SI_BINH), ("so-thong-tin-truyen-thong", BINH_TRUNG),
                       ("cong-an-tinh", GIAO_HIEU)]
        candidates = [c for c in xa if c not in {code for _, code in fixed_pairs} and c not in city_xa
                      and c not in NTM_REACHED_2021]
        chosen = rng.sample(candidates, 53 - len(fixed_pairs))
        others = [h for h in helpers if h not in {org for org, _ in fixed_pairs}]
        rng.shuffle(others)
        pairs = fixed_pairs + list(zip(others, chosen))
        pairs.sort(key=lambda p: p[1])
        finishing = set(rng.sample(chosen, 6))
        self.ntm = []
        for org, code in pairs:
            aid = f"ntm-{code}"
            self.assignments.append(dict(id=aid, scheme="ntm-support-2020-2025", subject_id=org, target=code,
                                         valid_from=D(2020, 1, 1), valid_to=D(2025, 12, 31)))
            cat = "finishing" if code in finishing else "difficult"
            self.assignments[-1]["category"] = cat
            self.ntm.append((aid, org, code, cat))

    # -- activities ------------------------------------------------------------------------
    def pick_day(self, lo: dt.date, hi: dt.date) -> dt.date:
        cands = [d for d in days(lo, hi) if d.weekday() < 5] or list(days(lo, hi))
        return self.rng.choice(cands)

    FIELD_NOTES = [
        "Xuống thôn nắm tình hình sản xuất nông nghiệp",
        "Nắm tình hình đời sống nhân dân, hộ nghèo tại thôn",
        "Kiểm tra tiến độ làm đường giao thông nông thôn",
        "Nắm tình hình an ninh trật tự tại thôn, bản",
        "Khảo sát mô hình phát triển kinh tế hộ gia đình",
        "Nắm tình hình trồng rừng, bảo vệ rừng",
        "Thăm hỏi, động viên các gia đình chính sách",
    ]
    FIELD_NOTES_YAGI = "Nắm tình hình khắc phục hậu quả bão số 3 và mưa lũ tại thôn"
    GUIDANCE_NOTES = [
        "Hướng dẫn xây dựng nghị quyết lãnh đạo thực hiện nhiệm vụ năm tới",
        "Đôn đốc tiến độ giải ngân vốn các chương trình mục tiêu quốc gia",
        "Hướng dẫn kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên",
        "Hỗ trợ xây dựng kế hoạch phát triển kinh tế - xã hội",
        "Hướng dẫn thực hiện các tiêu chí nông thôn mới",
        "Đôn đốc công tác thu ngân sách và chuyển đổi số ở cơ sở",
    ]
    PROPOSAL_NOTES = [
        "Đề xuất Ban Thường vụ Tỉnh ủy hỗ trợ kinh phí sửa chữa đường liên thôn",
        "Kiến nghị tháo gỡ vướng mắc trong giải phóng mặt bằng",
        "Đề xuất bổ sung công chức địa chính - xây dựng cho cơ sở",
        "Kiến nghị hỗ trợ khắc phục điểm sạt lở sau mưa lũ",
        "Đề xuất ưu tiên vốn xây dựng điểm trường mầm non",
        "Kiến nghị tháo gỡ khó khăn về đất sản xuất cho hộ nghèo",
    ]

    def monitor_activities(self, subject, code, start, end, short_2025=False):
        """Activities of a monitor for one commune between start and end (inclusive)."""
        rng = self.rng
        out = []
        unit = lower_type(self.commune[code]["name"])
        for year in sorted({d.year for d in (start, end)} | set(range(start.year, end.year + 1))):
            months = []
            for m in range(1, 13):
                lo, hi = max(start, D(year, m, 1)), min(end, month_end(year, m))
                if lo <= hi:
                    months.append((m, lo, hi))
            if not months:
                continue
            k = len(months)
            short = short_2025 and year == 2025
            # The province's last half-year: the yearly minimums are met within it, so that a
            # checker that does not cut the year at the regulation's end finds nothing either.
            last = year == DEMO_END.year
            # committee meetings: most months
            if short:
                meet = rng.sample(months, 2)
            elif k >= 12:
                meet = rng.sample(months, k - rng.randint(0, 2))
            else:
                meet = months
            for m, lo, hi in sorted(meet):
                early_hi = min(hi, D(year, m, 12))
                d = self.pick_day(lo, early_hi if lo <= early_hi else hi)
                out.append(dict(date=d, kind="committee_meeting",
                                note=f"Dự hội nghị Ban Chấp hành Đảng bộ {unit} tháng {m}/{year}"))
            # field visits: every one to two months
            if short:
                nv = 1
            elif last:
                nv = max(1, round(k * 4 / 6))
            else:
                nv = max(1, round(k * rng.uniform(0.5, 0.75)))
            for m, lo, hi in sorted(rng.sample(months, min(nv, k))):
                d = self.pick_day(lo, hi)
                note = self.FIELD_NOTES_YAGI if (year, m) in ((2024, 9), (2024, 10)) and rng.random() < 0.7 \
                    else rng.choice(self.FIELD_NOTES)
                out.append(dict(date=d, kind="field_visit", note=note))
            # guidance
            if short:
                ng = 0
            elif last:
                ng = max(1, round(k * 2 / 6))
            else:
                ng = max(1, k // 4 + rng.randint(0, 1))
            for m, lo, hi in sorted(rng.sample(months, min(ng, k))):
                out.append(dict(date=self.pick_day(lo, hi), kind="guidance", note=rng.choice(self.GUIDANCE_NOTES)))
            # proposals to the Standing Committee, now and then
            np_ = 0 if short else k // 8 + rng.randint(0, 1)
            for m, lo, hi in sorted(rng.sample(months, min(np_, k))):
                out.append(dict(date=self.pick_day(lo, hi), kind="proposal", note=rng.choice(self.PROPOSAL_NOTES),
                                recipient="btv-tinh-uy"))
        for a in out:
            a.update(subject_id=subject, target=code)
        return out

    CONTRIB = {
        "works": ["Hỗ trợ làm đường bê tông nội thôn", "Hỗ trợ sửa chữa nhà văn hóa thôn",
                  "Hỗ trợ lắp đặt điện chiếu sáng đường thôn", "Hỗ trợ xây dựng công trình nước sinh hoạt"],
        "gifts": ["Tặng quà cho học sinh có hoàn cảnh khó khăn", "Tặng quà Tết cho hộ nghèo",
                  "Tặng quà cho gia đình chính sách"],
        "bicycles": ["Tặng xe đạp cho học sinh nghèo"],
        "houses": ["Hỗ trợ xây nhà Đại đoàn kết cho hộ nghèo"],
        "cash": ["Cán bộ, công chức đóng góp tiền mua vật liệu làm đường", "Hỗ trợ kinh phí phát triển sản xuất",
                 "Hỗ trợ mua cây giống, con giống cho hộ nghèo"],
        "labour_days": ["Cán bộ, công chức góp ngày công làm đường giao thông nông thôn",
                        "Góp ngày công dọn vệ sinh môi trường, trồng cây"],
    }

    def contribution(self, kind):
        rng = self.rng
        note = rng.choice(self.CONTRIB[kind])
        if kind == "works":
            return 1, rng.randint(60, 500) * 500_000, note
        if kind == "gifts":
            q = rng.randint(10, 60)
            return q, q * rng.randint(3, 5) * 100_000, note
        if kind == "bicycles":
            q = rng.randint(5, 30)
            return q, q * rng.randint(20, 28) * 100_000, note
        if kind == "houses":
            return 1, rng.randint(40, 60) * 1_000_000, note
        if kind == "cash":
            return None, rng.randint(10, 100) * 500_000, note
        return rng.randint(30, 300), None, note   # labour_days: value not recorded

    def make_activities(self):
        rng = self.rng
        acts = []
        retired_code = RETIRED_UNIT
        for a in self.assignments:
            if a["scheme"] != "commune-monitoring":
                continue
            start = a["valid_from"]
            end = min(a["valid_to"] or DEMO_END, DEMO_END)
            if a["target"] == retired_code and a["subject_id"] == self.retired:
                end = min(end, RETIRE_DAY)      # nothing after retirement
            short = a["id"] in {f"cm-{c}" for c in SHORT_UNITS}
            acts += self.monitor_activities(a["subject_id"], a["target"], start, end, short_2025=short)
        # party cells: 2-4 meetings a year 2021-2024, 2-3 in January-June 2025; one member none in 2025
        for aid, pid, cid, code in self.cells:
            for year in range(2021, 2026):
                last_month = DEMO_END.month if year == DEMO_END.year else 12
                if cid == CELL_SHORT and year == 2025:
                    n = 0
                else:
                    n = rng.randint(2, 3 if year == DEMO_END.year else 4)
                for m in sorted(rng.sample(range(1, last_month + 1), n)):
                    acts.append(dict(date=self.pick_day(D(year, m, 1), month_end(year, m)), subject_id=pid,
                                     target=cid, kind="cell_meeting",
                                     note=f"Dự sinh hoạt chi bộ định kỳ tháng {m}/{year}"))
        # rural-development contributions
        for aid, org, code, _cat in self.ntm:
            if org == "ban-noi-chinh":
                # The article's own figures (dates assumed, values not given).
                acts += [
                    dict(date=D(2023, 7, 14), kind="contribution", contribution="works", quantity=2,
                         note="Hai công trình điện thắp sáng đường quê (Thôn 1A Nà Loạn, Thôn 2 Khau Cưởm)"),
                    dict(date=D(2023, 8, 25), kind="contribution", contribution="bicycles", quantity=56,
                         note="Tặng 56 xe đạp cho học sinh nghèo, có hoàn cảnh khó khăn"),
                    dict(date=D(2023, 9, 5), kind="contribution", contribution="gifts", quantity=10,
                         note="Tặng 10 suất quà cho học sinh có hoàn cảnh khó khăn"),
                    dict(date=D(2023, 10, 20), kind="guidance",
                         note="Tuyên truyền, phổ biến giáo dục pháp luật cho nhân dân xã Sỹ Bình"),
                    dict(date=D(2024, 5, 17), kind="contribution", contribution="houses", quantity=1,
                         note="Hỗ trợ xây nhà mới (nhà Đại đoàn kết) cho một hộ nghèo"),
                    dict(date=D(2024, 9, 4), kind="contribution", contribution="gifts", quantity=52,
                         note="Tặng 52 suất quà cho học sinh nghèo"),
                    dict(date=D(2024, 11, 8), kind="contribution", contribution="works", quantity=1,
                         note="Cán bộ, công chức đóng góp xây dựng công trình phụ trợ cho nhà họp thôn"),
                ]
                for a in acts[-7:]:
                    a.update(subject_id=org, target=code, basis="seed")
                years = [2025]
            elif org == "cong-an-tinh":
                # The article's photo caption (date assumed; no quantity given).
                acts.append(dict(date=D(2024, 8, 15), subject_id=org, target=code, kind="contribution",
                                 contribution="labour_days", basis="seed",
                                 note="Cán bộ, chiến sĩ Công an tỉnh góp sức xây dựng công trình nông thôn mới "
                                      "cho xã Giáo Hiệu"))
                years = [2023, 2024, 2025]
            else:
                years = [2023, 2024, 2025]
            for year in years:
                if org == "so-thong-tin-truyen-thong":
                    kinds = ["cash", "labour_days"] + (["works"] if year == 2024 else [])
                else:
                    kinds = rng.sample(["works", "gifts", "gifts", "bicycles", "houses", "cash", "labour_days"],
                                       rng.randint(2, 3))
                for kind in kinds:
                    q, v, note = self.contribution(kind)
                    if org == "so-thong-tin-truyen-thong" and kind == "works":
                        note = "Hỗ trợ kéo dây điện thắp sáng đường thôn"
                    last = min(D(year, 11, 30), DEMO_END)
                    acts.append(dict(date=self.pick_day(D(year, 2, 1), last), subject_id=org, target=code,
                                     kind="contribution", contribution=kind, quantity=q, value_vnd=v, note=note))
        kind_order = {"committee_meeting": 0, "field_visit": 1, "guidance": 2, "proposal": 3, "cell_meeting": 4,
                      "contribution": 5}
        acts.sort(key=lambda a: (a["date"], a["target"], a["subject_id"], kind_order[a["kind"]]))
        for i, a in enumerate(acts, start=1):
            a["id"] = f"hd-{i:05d}"
        self.activities = acts

    # -- evaluations -----------------------------------------------------------------------
    RATING_NOTES = {
        "excellent": "Đồng chí thường xuyên dự họp, sâu sát cơ sở, đề xuất kịp thời nhiều vấn đề",
        "good": "Đồng chí dự họp đầy đủ, nắm chắc tình hình, hướng dẫn kịp thời",
        "fulfilled": "Đồng chí thực hiện cơ bản các nhiệm vụ được phân công",
        "unfulfilled": "Đồng chí ít về cơ sở, chưa nắm sát tình hình, hướng dẫn chưa kịp thời",
    }

    def make_evaluations(self):
        rng = self.rng
        out = []
        # 2025: written in June, before the commune committees were dissolved with their units.
        windows = {2024: (D(2024, 12, 15), D(2025, 1, 20)), 2025: (D(2025, 6, 10), D(2025, 6, 27))}
        for a in [x for x in self.assignments if x["scheme"] == "commune-monitoring"]:
            code = a["target"]
            for year in (2024, 2025):
                if not (a["valid_from"] <= D(year, 12, 31) and (a["valid_to"] is None or a["valid_to"] >= D(year, 1, 1))):
                    continue
                suffix = a["id"].removeprefix("cm-")
                eid = f"dg-{year}-{suffix}"
                if year == 2024 and a["id"] in {f"cm-{c}" for c in EV_MISSING_2024}:
                    continue
                if year == 2025 and a["id"] in {f"cm-{c}" for c in EV_MISSING_2025}:
                    continue
                lo, hi = windows[year]
                sub = lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))
                rating = rng.choices(["excellent", "good", "fulfilled"], weights=[2, 5, 3])[0]
                author = f"dang-uy-{code}"
                if year == 2025 and a["id"] in {f"cm-{c}" for c in SHORT_UNITS + [EV_UNFULFILLED_2024]}:
                    rating = "fulfilled"
                if year == 2024:
                    if a["id"] == f"cm-{EV_LATE_2024}":
                        sub = D(2025, 2, 20)
                    if a["id"] == f"cm-{EV_WRONG_AUTHOR_2024}":
                        author = f"huyen-uy-{self.commune[code]['district_code']}"
                    if a["id"] == f"cm-{EV_UNFULFILLED_2024}":
                        rating, sub = "unfulfilled", D(2025, 1, 8)
                    if a["id"] == f"cm-{EV_DUPLICATE_2024}":
                        out.append(dict(id=eid, year=year, assignment_id=a["id"], author_id=author,
                                        submitted_on=D(2024, 12, 20), rating="good", note=self.RATING_NOTES["good"]))
                        eid, sub, rating = eid + "-b", D(2025, 1, 6), "good"
                out.append(dict(id=eid, year=year, assignment_id=a["id"], author_id=author, submitted_on=sub,
                                rating=rating, note=self.RATING_NOTES[rating]))
        out.sort(key=lambda e: (e["year"], e["assignment_id"], e["id"]))
        self.evaluations = out

    # -- rural-development statuses --------------------------------------------------------
    def make_ntm_statuses(self):
        rng = self.rng
        fin_reach_2024 = 2
        for aid, org, code, cat in sorted(self.ntm, key=lambda t: t[2]):
            if cat == "finishing":
                c23 = rng.randint(15, 17)
                if fin_reach_2024 > 0:
                    c24, fin_reach_2024 = 19, fin_reach_2024 - 1
                else:
                    c24 = rng.randint(c23 + 1, 18)
                seq = [c23, c24, 19]
            else:
                c23 = rng.randint(6, 13)
                c24 = min(18, c23 + rng.randint(0, 2))
                seq = [c23, c24, min(18, c24 + rng.randint(0, 2))]
            for year, c in zip((2023, 2024, 2025), seq):
                self.ntm_statuses.append(dict(unit_code=code, year=year, criteria_met=c,
                                              status="standard" if c == 19 else "not_met"))

    # -- provenance: is each row real or invented? -------------------------------------------
    def provenance(self) -> list[dict]:
        """One row per record of every table: `seed` (the source article), `public` (a public
        fact: GSO codes and names, official names of bodies, the congress term) or `invented`."""
        out = []

        def row(table, rid, basis, source):
            out.append(dict(table=table, id=rid, basis=basis, source=source))

        for u in self.units:
            src = ("GSO, data/national/bac_kan_districts_2024.csv" if len(u["code"]) == 3
                   else "GSO, data/national/bac_kan_units_2024.csv" if len(u["code"]) == 5
                   else "GSO")
            row("units", u["code"], "public", src)
        for o in self.orgs:
            if o["kind"] == "party_cell":
                row("organizations", o["id"], "invented", "party cell and village invented (giả định)")
            elif o["id"].startswith(("huyen-uy-", "dang-uy-")):
                row("organizations", o["id"], "public", "the party committee of a real unit; name from the unit")
            else:
                row("organizations", o["id"], "public", "a body of Bắc Kạn in 2024; official name")
        for x in self.people:
            rid = f"{x['id']}@{x['organization_id']}"
            if x["id"] == "p-ha-sy-thang" and x["organization_id"] == "so-cong-thuong":
                row("people", rid, "seed", "article: Giám đốc Sở Công Thương; start of the post assumed")
            elif x["id"] == LUONG_DUC_THANG:
                row("people", rid, "seed", "article: Trưởng ban Nội chính Tỉnh ủy; start of the post assumed")
            else:
                row("people", rid, "invented", "placeholder person (Cán bộ giả định)")
        for t in self.terms:
            row("terms", t["id"], "public", "12th congress of the Bắc Kạn Party Organisation, 2020–2025")
        for a in self.assignments:
            if a["id"] == f"cm-{VAN_TUNG}":
                row("assignments", a["id"], "seed", "article: Hà Sỹ Thắng monitors Vân Tùng from 9/2024 "
                    "(day and decision number assumed)")
            elif a["id"] in (f"ntm-{SI_BINH}", f"ntm-{BINH_TRUNG}", f"ntm-{GIAO_HIEU}"):
                row("assignments", a["id"], "seed", "article: this body helps this commune build new rural "
                    "areas (dates and category assumed)")
            else:
                row("assignments", a["id"], "invented", "pairing, dates and decision invented")
        for x in self.activities:
            if x.get("basis") == "seed":
                row("activities", x["id"], "seed", "article: what was done and how many; date assumed")
            elif x["subject_id"] == "p-ha-sy-thang":
                row("activities", x["id"], "invented", "invented activity of a real person: not a fact about "
                    "Hà Sỹ Thắng")
            elif x["subject_id"] == "so-thong-tin-truyen-thong":
                row("activities", x["id"], "invented", "follows the article's description of the help to Bình "
                    "Trung; quantity, value and date invented")
            else:
                row("activities", x["id"], "invented", "activity invented")
        monitors = {a["id"]: a["subject_id"] for a in self.assignments}
        for e in self.evaluations:
            if monitors.get(e["assignment_id"]) == "p-ha-sy-thang":
                row("evaluations", e["id"], "invented", "invented rating of a real person: not a fact about "
                    "Hà Sỹ Thắng")
            else:
                row("evaluations", e["id"], "invented", "evaluation invented")
        for n in self.ntm_statuses:
            row("ntm_statuses", f"{n['unit_code']}:{n['year']}", "invented", "criteria count invented")
        return out

    def build(self):
        self.make_units()
        self.make_orgs()
        self.make_people()
        self.make_terms()
        self.make_assignments()
        self.make_activities()
        self.make_evaluations()
        self.make_ntm_statuses()
        return self

    def rows(self):
        def conv(r):
            return {k: (iso(v) if isinstance(v, dt.date) else ("" if v is None else v)) for k, v in r.items()}
        return {
            "units.csv": [conv(r) for r in self.units],
            "organizations.csv": [conv(r) for r in self.orgs],
            "people.csv": [conv(r) for r in self.people],
            "terms.csv": [conv(r) for r in self.terms],
            "assignments.csv": [conv(r) for r in self.assignments],
            "activities.csv": [conv(r) for r in self.activities],
            "evaluations.csv": [conv(r) for r in self.evaluations],
            "ntm_statuses.csv": [conv(r) for r in self.ntm_statuses],
        }


# =============================================================================================
# Check: references, uniqueness, NFC, coverage, and a small re-derivation of the planted findings
# =============================================================================================
ENUMS = {
    ("units.csv", "type"): {"Tỉnh", "Thành phố", "Huyện", "Xã", "Phường", "Thị trấn"},
    ("organizations.csv", "kind"): {"party_committee", "standing_committee", "party_board", "department", "agency",
                                    "mass_organization", "party_cell"},
    ("organizations.csv", "level"): {"province", "district", "commune"},
    ("people.csv", "rank"): {"head", "deputy", "member"},
    ("assignments.csv", "scheme"): {"commune-monitoring", "district-lead", "cell-attendance", "ntm-support-2020-2025"},
    ("assignments.csv", "end_reason"): {"", "term_ended", "replaced", "reorganized", "revoked"},
    ("activities.csv", "kind"): {"committee_meeting", "field_visit", "guidance", "proposal", "cell_meeting",
                                 "contribution"},
    ("activities.csv", "contribution"): {"", "works", "gifts", "bicycles", "houses", "cash", "labour_days"},
    ("evaluations.csv", "rating"): {"excellent", "good", "fulfilled", "unfulfilled"},
    ("ntm_statuses.csv", "status"): {"not_met", "standard", "advanced", "model"},
    ("assignments.csv", "category"): {"", "finishing", "difficult"},
}
DATE_COLS = {"valid_from", "valid_to", "decision_date", "date", "submitted_on"}
WINDOW = (CM_START, DEMO_END)
ELIGIBLE_KINDS = {"department", "party_board", "agency", "mass_organization"}


def pdate(s):
    return D.fromisoformat(s) if s else None


def ranges(day_list):
    """Collapse sorted days into inclusive (from, to) runs."""
    out = []
    for d in day_list:
        if out and out[-1][1] + ONE == d:
            out[-1][1] = d
        else:
            out.append([d, d])
    return [(a, b) for a, b in out]


def check(folder: str) -> int:
    errs = []
    t = {}
    for fname, hdr in HEADERS.items():
        path = os.path.join(folder, fname)
        with open(path, encoding="utf-8", newline="") as f:
            raw = f.read()
        if raw != nfc(raw):
            errs.append(f"{fname}: not NFC")
        rows = list(csv.reader(io.StringIO(raw)))
        if rows[0] != hdr:
            errs.append(f"{fname}: header {rows[0]} != {hdr}")
        for i, r in enumerate(rows[1:], start=2):
            if len(r) != len(hdr):
                errs.append(f"{fname}:{i}: {len(r)} cells")
        t[fname] = [dict(zip(hdr, r)) for r in rows[1:]]
        for i, r in enumerate(t[fname], start=2):
            for col, v in r.items():
                if col in DATE_COLS and v:
                    try:
                        D.fromisoformat(v)
                        assert len(v) == 10
                    except (ValueError, AssertionError):
                        errs.append(f"{fname}:{i}: bad date {col}={v!r}")
                if (fname, col) in ENUMS and v not in ENUMS[(fname, col)]:
                    errs.append(f"{fname}:{i}: bad {col}={v!r}")
    units = {r["code"]: r for r in t["units.csv"]}
    orgs = {r["id"]: r for r in t["organizations.csv"]}
    posts = defaultdict(list)
    for r in t["people.csv"]:
        posts[r["id"]].append(r)
    assigns = {r["id"]: r for r in t["assignments.csv"]}
    terms = {r["id"]: r for r in t["terms.csv"]}
    # ids unique
    for fname, key in [("units.csv", "code"), ("organizations.csv", "id"), ("terms.csv", "id"),
                       ("assignments.csv", "id"), ("activities.csv", "id"), ("evaluations.csv", "id")]:
        c = Counter(r[key] for r in t[fname])
        errs += [f"{fname}: duplicate {key} {k}" for k, n in c.items() if n > 1]
    c = Counter((r["unit_code"], r["year"]) for r in t["ntm_statuses.csv"])
    errs += [f"ntm_statuses.csv: duplicate {k}" for k, n in c.items() if n > 1]
    c = Counter((r["id"], r["organization_id"], r["valid_from"]) for r in t["people.csv"])
    errs += [f"people.csv: duplicate post {k}" for k, n in c.items() if n > 1]
    for pid, ps in posts.items():
        if len({p["name"] for p in ps}) != 1:
            errs.append(f"people.csv: {pid} has several names")
    ids = set(orgs) | set(posts)
    if set(orgs) & set(posts) or set(orgs) & set(units) or set(posts) & set(units):
        errs.append("ids shared between units / organisations / people")

    def need(cond, msg):
        if not cond:
            errs.append(msg)

    # references
    for r in t["units.csv"]:
        need(not r["parent_code"] or r["parent_code"] in units, f"unit {r['code']}: parent {r['parent_code']}")
    for r in t["organizations.csv"]:
        need(r["unit_code"] in units, f"org {r['id']}: unit {r['unit_code']}")
        need(not r["parent_id"] or r["parent_id"] in orgs, f"org {r['id']}: parent {r['parent_id']}")
    for r in t["people.csv"]:
        need(r["organization_id"] in orgs, f"post {r['id']}: org {r['organization_id']}")
    for r in t["terms.csv"]:
        need(r["organization_id"] in orgs, f"term {r['id']}: org")
    for r in t["assignments.csv"]:
        org_subject = r["scheme"] == "ntm-support-2020-2025"
        need(r["subject_id"] in (orgs if org_subject else posts), f"assignment {r['id']}: subject {r['subject_id']}")
        need(r["target"] in units or r["target"] in orgs, f"assignment {r['id']}: target {r['target']}")
        need(not r["term_id"] or r["term_id"] in terms, f"assignment {r['id']}: term")
        need(not r["replaces"] or r["replaces"] in assigns, f"assignment {r['id']}: replaces")
        need(not r["valid_to"] or r["valid_to"] >= r["valid_from"], f"assignment {r['id']}: inverted")
    for r in t["activities.csv"]:
        need(r["subject_id"] in ids, f"activity {r['id']}: subject")
        need(r["target"] in units or r["target"] in orgs, f"activity {r['id']}: target")
        need(not r["recipient"] or r["recipient"] in orgs, f"activity {r['id']}: recipient")
        need((r["kind"] == "contribution") == bool(r["contribution"]), f"activity {r['id']}: contribution kind")
        need((r["kind"] == "proposal") == bool(r["recipient"]), f"activity {r['id']}: recipient")
    for r in t["evaluations.csv"]:
        need(r["assignment_id"] in assigns, f"evaluation {r['id']}: assignment")
        need(r["author_id"] in orgs, f"evaluation {r['id']}: author")
    for r in t["ntm_statuses.csv"]:
        need(r["unit_code"] in units and units[r["unit_code"]]["type"] == "Xã", f"ntm status {r['unit_code']}")
        need(0 <= int(r["criteria_met"]) <= 19, f"ntm status {r['unit_code']}: criteria")
        need((r["status"] == "not_met") == (int(r["criteria_met"]) < 19), f"ntm status {r['unit_code']}: status")
    for r in t["assignments.csv"]:
        need((r["scheme"] == "ntm-support-2020-2025") == bool(r["category"]), f"category {r['id']}")

    # provenance: exactly one row per record, with a known basis
    with open(os.path.join(folder, PROVENANCE_DIR, PROVENANCE_FILE), encoding="utf-8", newline="") as f:
        prov = list(csv.DictReader(f))
    keys = {
        "units": [r["code"] for r in t["units.csv"]],
        "organizations": [r["id"] for r in t["organizations.csv"]],
        "people": [f"{r['id']}@{r['organization_id']}" for r in t["people.csv"]],
        "terms": [r["id"] for r in t["terms.csv"]],
        "assignments": [r["id"] for r in t["assignments.csv"]],
        "activities": [r["id"] for r in t["activities.csv"]],
        "evaluations": [r["id"] for r in t["evaluations.csv"]],
        "ntm_statuses": [f"{r['unit_code']}:{r['year']}" for r in t["ntm_statuses.csv"]],
    }
    need(sorted((r["table"], r["id"]) for r in prov) == sorted((k, i) for k, ids in keys.items() for i in ids),
         "provenance.csv has one row per record")
    need(all(r["basis"] in ("seed", "public", "invented") and r["source"] for r in prov), "provenance basis")
    real_people = {"p-ha-sy-thang", LUONG_DUC_THANG}
    for r in prov:
        if r["table"] in ("activities", "evaluations") and r["basis"] != "seed":
            need(r["basis"] == "invented", f"provenance {r['id']}")

    communes = [u for u in t["units.csv"] if len(u["code"]) == 5]
    need(len(communes) == 108, "108 communes")
    need(len([u for u in t["units.csv"] if len(u["code"]) == 3]) == 8, "8 districts")

    def active(a, d):
        return pdate(a["valid_from"]) <= d and (not a["valid_to"] or d <= pdate(a["valid_to"]))

    cms = [a for a in t["assignments.csv"] if a["scheme"] == "commune-monitoring"]
    probe = D(2024, 10, 1)
    for u in communes:
        n = sum(1 for a in cms if a["target"] == u["code"] and active(a, probe))
        need(n == 1, f"commune {u['code']}: {n} monitors on {probe}")
    need(len({a["subject_id"] for a in cms if active(a, probe)}) == 108, "108 distinct monitors on 2024-10-01")
    need(assigns.get("cm-01954", {}).get("subject_id") == "p-ha-sy-thang", "cm-01954 is Hà Sỹ Thắng")
    dls = [a for a in t["assignments.csv"] if a["scheme"] == "district-lead"]
    for u in [u for u in t["units.csv"] if len(u["code"]) == 3]:
        need(sum(1 for a in dls if a["target"] == u["code"] and active(a, probe)) == 1, f"district lead {u['code']}")
    ntm = [a for a in t["assignments.csv"] if a["scheme"] == "ntm-support-2020-2025"]
    need(len(ntm) == 53 and len({a["subject_id"] for a in ntm}) == 53 and len({a["target"] for a in ntm}) == 53,
         "53 ntm pairs")
    need(Counter(r["category"] for r in t["assignments.csv"] if r["category"]) == Counter(finishing=6, difficult=47), "6 + 47")
    need(assigns.get(f"ntm-{SI_BINH}", {}).get("subject_id") == "ban-noi-chinh", "ban-noi-chinh -> Sĩ Bình")
    need(assigns.get(f"ntm-{BINH_TRUNG}", {}).get("subject_id") == "so-thong-tin-truyen-thong", "STTTT -> Bình Trung")
    need(assigns.get(f"ntm-{GIAO_HIEU}", {}).get("subject_id") == "cong-an-tinh", "Công an tỉnh -> Giáo Hiệu")
    need(not any(r["unit_code"] in NTM_REACHED_2021 for r in t["ntm_statuses.csv"]),
         "no status invented for a commune that reached the standard in 2021")
    need(any(p["id"] == LUONG_DUC_THANG and p["title"] == "Trưởng ban Nội chính Tỉnh ủy" for p in t["people.csv"]),
         "Lường Đức Thắng is the Trưởng ban Nội chính")
    need(not any(a["subject_id"] in real_people - {"p-ha-sy-thang"} for a in t["assignments.csv"]),
         "nothing invented is assigned to Lường Đức Thắng")
    need(all(r["date"] <= iso(DEMO_END) for r in t["activities.csv"]), "no activity after the province ended")

    # every person/unit activity lies inside an assignment of that subject to that target
    by_pair = defaultdict(list)
    for a in t["assignments.csv"]:
        by_pair[(a["subject_id"], a["target"])].append(a)
    for r in t["activities.csv"]:
        d = pdate(r["date"])
        need(any(active(a, d) for a in by_pair[(r["subject_id"], r["target"])]), f"activity {r['id']} outside")

    # ---- re-derive the planted findings --------------------------------------------------
    found = set()
    window_days = list(days(*WINDOW))
    for u in communes:
        mine = [a for a in cms if a["target"] == u["code"]]
        gap = [d for d in window_days if not any(active(a, d) for a in mine)]
        over = [d for d in window_days if sum(active(a, d) for a in mine) > 1]
        found |= {("coverage_gap", u["code"], a, b) for a, b in ranges(gap)}
        found |= {("coverage_overlap", u["code"], a, b) for a, b in ranges(over)}
    for s in {a["subject_id"] for a in cms}:
        mine = [a for a in cms if a["subject_id"] == s]
        over = [d for d in window_days if sum(active(a, d) for a in mine) > 1]
        found |= {("assignee_overloaded", s, a, b) for a, b in ranges(over)}

    def eligible(pid, d):
        return any(p["rank"] in ("head", "deputy") and orgs[p["organization_id"]]["kind"] in ELIGIBLE_KINDS
                   and orgs[p["organization_id"]]["level"] == "province"
                   and pdate(p["valid_from"]) <= d and (not p["valid_to"] or d <= pdate(p["valid_to"]))
                   for p in posts[pid])
    for a in cms:
        bad = [d for d in window_days if active(a, d) and not eligible(a["subject_id"], d)]
        found |= {("ineligible_assignee", a["id"], x, y) for x, y in ranges(bad)}
    # evaluations
    evs = defaultdict(list)
    for e in t["evaluations.csv"]:
        evs[(e["assignment_id"], int(e["year"]))].append(e)
    for a in cms:
        for year in (2024, 2025):
            if not (pdate(a["valid_from"]) <= D(year, 12, 31) and (not a["valid_to"] or pdate(a["valid_to"]) >= D(year, 1, 1))):
                continue
            rows = evs.get((a["id"], year), [])
            right = f"dang-uy-{a['target']}"
            if not rows:
                found.add(("evaluation_missing", a["id"], year))
            if len(rows) > 1:
                found.add(("evaluation_duplicate", a["id"], year))
            for e in rows:
                if e["author_id"] != right:
                    found.add(("evaluation_wrong_author", a["id"], year, e["author_id"]))
                if pdate(e["submitted_on"]) > EV_DUE[year]:
                    found.add(("evaluation_late", a["id"], year, e["submitted_on"]))
                if e["rating"] == "unfulfilled" and not a["valid_to"]:
                    found.add(("unfulfilled_not_replaced", a["id"], year))
    # cells: at least 2 meetings a year (analog)
    for a in [a for a in t["assignments.csv"] if a["scheme"] == "cell-attendance"]:
        for year in range(2021, 2026):
            n = sum(1 for r in t["activities.csv"] if r["subject_id"] == a["subject_id"] and r["target"] == a["target"]
                    and r["date"].startswith(str(year)) and r["kind"] == "cell_meeting")
            if n < 2:
                found.add(("duty_frequency_unmet", a["id"], year, "cell_meeting", n))

    expected = {
        ("coverage_gap", GAP_UNIT, D(2025, 1, 1), D(2025, 1, 9)),
        ("coverage_overlap", OVERLAP_UNIT, D(2025, 3, 1), D(2025, 3, 15)),
        ("ineligible_assignee", f"cm-{SPECIALIST_UNIT}", CM_START, DEMO_END),
        ("assignee_overloaded", assigns[f"cm-{OVERLOAD_UNIT}-2"]["subject_id"], D(2025, 2, 1), DEMO_END),
        ("ineligible_assignee", f"cm-{RETIRED_UNIT}", RETIRE_DAY + ONE, DEMO_END),
        ("evaluation_missing", f"cm-{EV_MISSING_2024[0]}", 2024),
        ("evaluation_missing", f"cm-{EV_MISSING_2024[1]}", 2024),
        ("evaluation_late", f"cm-{EV_LATE_2024}", 2024, "2025-02-20"),
        ("evaluation_wrong_author", f"cm-{EV_WRONG_AUTHOR_2024}", 2024, "huyen-uy-063"),
        ("evaluation_duplicate", f"cm-{EV_DUPLICATE_2024}", 2024),
        ("unfulfilled_not_replaced", f"cm-{EV_UNFULFILLED_2024}", 2024),
        ("duty_frequency_unmet", "ca-7", 2025, "cell_meeting", 0),
    } | {("evaluation_missing", f"cm-{c}", 2025) for c in EV_MISSING_2025}
    if found != expected:
        errs.append(f"planted findings differ:\n  unexpected {sorted(map(str, found - expected))}\n"
                    f"  not found {sorted(map(str, expected - found))}")

    # duty counts of commune monitors, per assignment and year (printed; thresholds belong to the profile)
    cnt = defaultdict(Counter)
    for r in t["activities.csv"]:
        if r["kind"] in ("committee_meeting", "field_visit", "guidance", "proposal"):
            for a in by_pair[(r["subject_id"], r["target"])]:
                if active(a, pdate(r["date"])):
                    cnt[(a["id"], int(r["date"][:4]))][r["kind"]] += 1
    full_2025 = [a["id"] for a in cms if pdate(a["valid_from"]) <= D(2025, 1, 1) and not a["valid_to"]
                 and a["target"] not in SHORT_UNITS + [RETIRED_UNIT]]
    kinds = ("committee_meeting", "field_visit", "guidance", "proposal")
    mins = {k: min(cnt[(aid, 2025)][k] for aid in full_2025) for k in kinds}
    mins24 = {k: min(cnt[(a["id"], 2024)][k] for a in cms if a["valid_from"] == iso(CM_START)) for k in kinds}
    print("minimum counts, clean full-year monitors 2025:", mins)
    print("minimum counts, every monitor Sep-Dec 2024:   ", mins24)
    for c in SHORT_UNITS + [RETIRED_UNIT]:
        print(f"counts 2025 cm-{c}:", dict(cnt[(f'cm-{c}', 2025)]))
    for aid in sorted(a["id"] for a in cms if a["valid_to"] or a["id"].endswith("-2")):
        print(f"counts {aid}:", {y: dict(cnt[(aid, y)]) for y in (2024, 2025) if cnt[(aid, y)]})
    for e in errs:
        print("ERROR:", e, file=sys.stderr)
    print(f"check: {len(errs)} error(s); planted findings re-derived: {len(found)}")
    return 1 if errs else 0


# =============================================================================================
# README
# =============================================================================================
def plural(c) -> str:
    def n(k, one, many):
        return f"{c[k]} {one if c[k] == 1 else many}"
    return ", ".join([n("committee_meeting", "committee meeting", "committee meetings"),
                      n("field_visit", "field visit", "field visits"),
                      n("guidance", "guidance activity", "guidance activities"),
                      n("proposal", "proposal", "proposals")])


def readme(demo: Demo, rows: dict) -> str:
    counts = "\n".join(f"| `{f}` | {len(r)} |" for f, r in rows.items())
    a = {x["id"]: x for x in demo.assignments}
    name = demo.commune
    acts_by = defaultdict(Counter)
    for x in demo.activities:
        if x["kind"] in ("committee_meeting", "field_visit", "guidance", "proposal"):
            acts_by[(x["subject_id"], x["target"], x["date"].year)][x["kind"]] += 1

    def cnt(code, subject, year=2025):
        c = acts_by[(subject, code, year)]
        return plural(c)

    def u(code):
        return f"{code} ({name[code]['name']})"

    short_lines = "\n".join(
        f"  - `cm-{c}` ({name[c]['name']}, monitor `{a['cm-' + c]['subject_id']}`): {cnt(c, a['cm-' + c]['subject_id'])} in 2025."
        for c in SHORT_UNITS)
    retired_counts = cnt(RETIRED_UNIT, demo.retired)
    spec = demo.specialist
    over = demo.overloaded
    ca7 = next(x for x in demo.cells if x[2] == CELL_SHORT)
    return f"""# Bắc Kạn demo dataset (Quy định 1390-QĐ/TU)

This folder is the dataset `diaban check` uses when no path is given. It is a CSV folder in the layout of
docs/data-format.md (UTF-8, NFC, header row, `,`, RFC 4180 quoting, LF line ends, ISO dates, empty cell = none).
**Every file is generated by `make_demo.py`**; edit the script, not the files:

```
python3 make_demo.py            # regenerate (reads the repository's data/national by default)
python3 make_demo.py --check    # verify references, ids, NFC, coverage, provenance and the planted findings below
```

The generator is deterministic (`random.Random(1390)`); running it twice gives identical files.

## Files

| file | rows |
|---|---|
{counts}
| `provenance/provenance.csv` | {len(demo.provenance())} |

- `units.csv` — province `06` Tỉnh Bắc Kạn, its 8 districts (058–066) and its 108 commune-level units
  (95 Xã, 6 Phường, 7 Thị trấn), as in force in late 2024. `valid_from` is empty (start not recorded: in force
  since before the records begin), `valid_to` is empty (the demo is the province as known before the 2025 reform).
- `organizations.csv` — Tỉnh ủy (`tinh-uy`), its Standing Committee (`btv-tinh-uy`), 6 party boards,
  18 departments, 6 agencies and 6 mass organisations that supply monitors, 17 further provincial bodies that
  appear only as helpers of the rural-development programme, 8 district party committees
  (`huyen-uy-<district>`), 108 commune party committees (`dang-uy-<commune>`, named "Đảng ủy xã/phường/thị trấn
  …" with the type in lower case, as the article writes "Đảng ủy xã Phương Viên") and {len(demo.cells)} grassroots
  party cells (`chi-bo-<n>`, names invented and marked "(giả định)").
- `people.csv` — one row per post. {demo.n_placeholders - 1} placeholder people (`p-001`…, "Cán bộ giả định NNN"; the
  number 020 is not used: it was the placeholder head of Ban Nội chính) and two real people named by the article:
  `p-ha-sy-thang` (Giám đốc Sở Công Thương) and `{LUONG_DUC_THANG}` (Trưởng ban Nội chính Tỉnh ủy; he holds
  no other post, assignment, activity or rating here). A person with several posts has several rows with the same
  id: the 7 heads of bodies who sit on the Standing Committee, and the {len(demo.ec_members)} department heads who
  are Executive Committee members (`tinh-uy`, rank member) and attend a party cell.
- `terms.csv` — the 12th congress term of Tỉnh ủy Bắc Kạn, `tinh-uy-xii`.
- `assignments.csv` — four schemes: `commune-monitoring` (`cm-<commune>`, successors `cm-<commune>-2`),
  `district-lead` (`dl-<district>`), `cell-attendance` (`ca-<n>`) and `ntm-support-2020-2025` (`ntm-<commune>`,
  subject is an organisation).
- `activities.csv` — what monitors, cell attendees and helping bodies did: committee meetings, field visits,
  guidance, proposals (recipient `btv-tinh-uy`), cell meetings and contributions (`contribution` says what,
  `quantity` how many, `value_vnd` the value in đồng, empty when unknown). `duty` is left empty everywhere (the
  duty is implied by `kind`).
- `evaluations.csv` — yearly written evaluations of each commune-monitoring assignment by the commune's party
  committee, for 2024 and 2025: one per assignment active at any time in the year (so `cm-01909`, ended
  2025-01-31, and `cm-02194`, ended 2025-03-15, also have a 2025 evaluation; `cm-02131`, ended 2024-12-31,
  has none for 2025). The 2025 evaluations are dated 2025-06-10..2025-06-27: written for January–June by the
  commune committees before they were dissolved with their units on 1 July 2025.
- `provenance/provenance.csv` — `table,id,basis,source`: one row per record of every file above (people by
  `id@organization_id`, rural statuses by `unit_code:year`), `basis` one of `seed` (the source article),
  `public` (a public fact: GSO codes and names, official names of bodies, the congress term) or `invented`, and
  in `source` what exactly is real and what is assumed. It sits in a sub-folder so that this folder still loads
  as a dataset (`diaban check crates/diaban/data/demo`).

Ids: activities `hd-NNNNN` (numbered in date order), evaluations `dg-<year>-<assignment id without "cm-">`
(the duplicate has a `-b` suffix), cell attendance `ca-<n>` → `chi-bo-<n>`.
- `ntm_statuses.csv` — rural-development criteria met (0–19) and status for the 53 helped communes, 2023–2025.
- `assignments.csv` column `category` — for each `ntm-…` assignment: 6 `finishing` (về đích), 47 `difficult`.

## What is real and what is not

Real (in `provenance/provenance.csv`: `seed` when the article says it, `public` for public records):
- Unit codes, names and types: GSO, via `data/national/bac_kan_units_2024.csv` and `bac_kan_districts_2024.csv`
  (see `data/national/PROVENANCE.md`). Names are copied exactly; the only change is the district name, which GSO
  writes "Thành Phố Bắc Kạn" and the demo writes in the standard spelling `Thành phố Bắc Kạn`.
- The term: 12th congress of the Bắc Kạn Party Organisation, held 26–28 Oct 2020, term 2020–2025
  (`valid_from` 2020-10-28, the closing day; `valid_to` empty as in 2024). The Standing Committee has 13 members.
- From September 2024, Hà Sỹ Thắng, Giám đốc Sở Công Thương, monitors Vân Tùng (Ngân Sơn): `cm-01954`
  (`valid_from` 2024-09-01). His post's start 2020-01-01 is **assumed**. GSO types Vân Tùng as a Thị trấn;
  the article calls it "xã". **His activities, proposals and ratings in the demo are invented** and say so in
  `provenance/provenance.csv` ("not a fact about Hà Sỹ Thắng").
- Lường Đức Thắng is the Trưởng ban Nội chính Tỉnh ủy Bắc Kạn (`{LUONG_DUC_THANG}`, post start assumed); the
  demo gives him nothing else.
- Regulation 1390-QĐ/TU signed 29 Aug 2024; 108 monitors for 108 units, one each.
- The names of the provincial bodies (the departments of 2024, party boards, agencies, mass organisations).
- The rural-development programme: 53 provincial bodies help 6 finishing and 47 difficult communes, 2020–2025;
  Ban Nội chính Tỉnh ủy helps Xã Sĩ Bình (Bạch Thông; GSO spelling, locally "Sỹ Bình"; the article calls it a
  difficult commune), Sở Thông tin và Truyền thông helps Xã Bình Trung (Chợ Đồn) and Công an tỉnh helps Xã Giáo
  Hiệu (Pác Nặm; the article's photo caption: its officers help build rural works there — one `labour_days`
  contribution, date assumed, no quantity given; Giáo Hiệu's category `difficult` is assumed).
- Ban Nội chính's work in Sĩ Bình as the article gives it (quantities real; **dates assumed**, values not given
  so `value_vnd` is empty): 2023 — 2 road-lighting works (Thôn 1A Nà Loạn, Thôn 2 Khau Cưởm), 10 gift packages
  for pupils, 56 bicycles for poor pupils, and legal education for residents (a `guidance` activity: the model
  has no kind of its own for it); 2024 — 1 new house for a poor household, 52 gift packages, and auxiliary works
  for the village meeting-house (nhà họp thôn), recorded as 1 `works` (the count is ours; the article gives
  none).
- Thượng Giáo, Quân Hà, Quang Thuận, Thanh Thịnh and Cường Lợi reached the new-rural standard in 2021 (Quang
  Thuận the advanced standard): they are not among the helped communes and get no invented status.

Placeholder or invented (realistic, not facts):
- Every person except Hà Sỹ Thắng and Lường Đức Thắng ("Cán bộ giả định NNN"); every post date except as noted;
  who holds which Standing Committee seat beyond the usual pattern; who leads which district.
- Every monitor → commune pairing except `cm-01954`, and every decision number: `1421-QĐ/TU` (30 Aug 2024, the
  initial 108 assignments), `1502-QĐ/TU`, `1535-QĐ/TU`, `1560-QĐ/TU` are **placeholders**, not real documents.
  District-lead, cell-attendance and rural-development assignments carry no decision (not recorded).
- District-lead from 2020-11-01, cell-attendance from 2021-01-01: assumed dates.
- Party cells and their villages ("(giả định)").
- Which body helps which commune (except Sĩ Bình, Bình Trung and Giáo Hiệu), and the category of every commune
  (Bình Trung's and Giáo Hiệu's `difficult` is assumed; the 17 helper-only bodies complete the article's count of
  53 and are not from a list).
- All activities, all values in đồng, all evaluations, all rural-development criteria counts and statuses.
  Sở Thông tin và Truyền thông's contributions follow the article's description (staff money for materials,
  labour days, village lighting) but quantities, values and dates are invented.
- The records end with the province. Bắc Kạn was merged into Thái Nguyên on 1 July 2025 (its communes into 37
  new ones, its districts abolished), so nothing is recorded after 2025-06-30: no activity, no evaluation, no
  contribution. The units, committees and assignments are left as the office's records stood on 30 June 2025
  (open); `diaban reorganize --events bac-kan-2025` ends them with the reform (units and committees on
  2025-06-30, assignments with reason `reorganized`), proposes the committees of the new units and lists the old
  monitors as candidates for them (`--proposals FILE`).

## Planted defects and the findings they should produce

Everything else is meant to be clean. Dates are inclusive. `--check` re-derives each of these with a small
independent Python implementation (window 2024-09-01..2025-06-30, evaluation due dates assumed 31 Jan of the
following year) and fails if anything else turns up.

Commune monitoring:
1. **coverage_gap** — unit `{GAP_UNIT}` ({name[GAP_UNIT]['name']}): `cm-{GAP_UNIT}` (`{a['cm-' + GAP_UNIT]['subject_id']}`) ends
   2024-12-31 (`replaced`); `cm-{GAP_UNIT}-2` (`{demo.gap_successor}`) starts 2025-01-10 → uncovered
   **2025-01-01..2025-01-09**.
2. **coverage_overlap** — unit `{OVERLAP_UNIT}` ({name[OVERLAP_UNIT]['name']}): `cm-{OVERLAP_UNIT}` (`{a['cm-' + OVERLAP_UNIT]['subject_id']}`) ends
   2025-03-15 (`replaced`); `cm-{OVERLAP_UNIT}-2` (`{demo.overlap_successor}`) starts 2025-03-01 → two monitors
   **2025-03-01..2025-03-15**.
3. **ineligible_assignee** — `cm-{SPECIALIST_UNIT}` ({name[SPECIALIST_UNIT]['name']}): subject `{spec}` whose only post is
   "Chuyên viên Sở Nông nghiệp và Phát triển nông thôn" (rank `member`) → ineligible for the whole assignment,
   **from 2024-09-01**, open-ended.
4. **assignee_overloaded** — person `{over}` monitors `{OVERLOAD_HOME}` ({name[OVERLOAD_HOME]['name']}, `cm-{OVERLOAD_HOME}`) and, from
   2025-02-01, also `{OVERLOAD_UNIT}` ({name[OVERLOAD_UNIT]['name']}, `cm-{OVERLOAD_UNIT}-2`, replacing `cm-{OVERLOAD_UNIT}`, which ends
   2025-01-31 `replaced`) → two units **from 2025-02-01**, open-ended. Unit {OVERLOAD_UNIT} itself has no gap.
5. **ineligible_assignee** — `cm-{RETIRED_UNIT}` ({name[RETIRED_UNIT]['name']}): subject `{demo.retired}`, Phó Giám đốc Sở Y tế, whose
   only post ends **2025-05-31** (retired) while the assignment stays open → ineligible **from 2025-06-01**,
   open-ended. Nothing is logged for this person after 2025-05-31 ({retired_counts} in 2025).

Evaluations for 2024 (all others submitted 2024-12-15..2025-01-20 by `dang-uy-<commune>`):
6. **evaluation_missing** — `cm-{EV_MISSING_2024[0]}` ({name[EV_MISSING_2024[0]]['name']}) and `cm-{EV_MISSING_2024[1]}` ({name[EV_MISSING_2024[1]]['name']}), year 2024.
7. **evaluation_late** — `dg-2024-{EV_LATE_2024}` for `cm-{EV_LATE_2024}` ({name[EV_LATE_2024]['name']}) submitted **2025-02-20**
   (late for any due date between 2025-01-20 and 2025-02-19).
8. **evaluation_wrong_author** — `dg-2024-{EV_WRONG_AUTHOR_2024}` for `cm-{EV_WRONG_AUTHOR_2024}` ({name[EV_WRONG_AUTHOR_2024]['name']}) written by
   `huyen-uy-063` (Huyện ủy Bạch Thông) instead of `dang-uy-{EV_WRONG_AUTHOR_2024}`. (A checker may also report
   `evaluation_missing` for it, since the right author wrote nothing.)
9. **evaluation_duplicate** — `dg-2024-{EV_DUPLICATE_2024}` (2024-12-20) and `dg-2024-{EV_DUPLICATE_2024}-b` (2025-01-06), both for
   `cm-{EV_DUPLICATE_2024}` ({name[EV_DUPLICATE_2024]['name']}), year 2024.
10. **unfulfilled_not_replaced** — `dg-2024-{EV_UNFULFILLED_2024}` rates `cm-{EV_UNFULFILLED_2024}` ({name[EV_UNFULFILLED_2024]['name']}) `unfulfilled`
    (submitted 2025-01-08); the assignment is never ended or replaced. Its activities are otherwise normal.

Evaluations for 2025 (others submitted 2025-06-10..2025-06-27; only reported when `today` is past the due date,
and only by a profile that still demands the 2025 evaluation after the regulation's end of life):
11. **evaluation_missing** — {", ".join(f"`cm-{c}` ({name[c]['name']})" for c in EV_MISSING_2025)}, year 2025.

Duties (the thresholds are profile parameters, not in the article; counts are given so tests can be exact):
12. **duty_frequency_unmet** (commune monitoring, January–June 2025) — three monitors fall short whether the year
    is cut at the province's end or not:
{short_lines}
    Every other monitor active from 1 January 2025 has at least {demo.facts['mins25']} in January–June 2025 (a
    whole year's minimum), and every monitor has at least {demo.facts['mins24']} in Sep–Dec 2024. Assignments that
    run only part of the half-year (those of units {GAP_UNIT}, {OVERLAP_UNIT}, {OVERLOAD_UNIT}, {RETIRED_UNIT})
    have roughly proportional counts: a checker that judges them until the end of 2025 flags them too.
13. **duty_frequency_unmet** (cell attendance, analog minimum 2 a year) — `{ca7[0]}`: `{ca7[1]}` attends
    `{CELL_SHORT}` **not at all in January–June 2025**. Every other year 2021–2024 and every other attendee: 2–4
    meetings a year, 2–3 in January–June 2025.

Not defects (so a checker should stay silent): Standing Committee members hold a second post; 8 Standing
Committee members are district leads; spare eligible leaders monitor nothing; the district-lead and
cell-attendance assignments start before Regulation 1390 (they are older practice the regulation refers to);
the rural-development assignments have no term.

## What diaban reports

Measured with the engine of this commit (profile `bac-kan-1390`, `--today 2026-03-01`):

- `diaban check`: **12 errors and 17 warnings** — the 5 monitoring defects, 5 `evaluation_missing` (2 for 2024,
  3 for 2025), `evaluation_wrong_author`, `unfulfilled_not_replaced` (from 2025-04-09, 90 days after the
  unfulfilled rating); `evaluation_late`, `evaluation_duplicate`, the 10 `duty_frequency_unmet` of items 12–13,
  and 5 more for the part-year monitors of `cm-02038`, `cm-01909-2` and `cm-02194-2`, which this engine judges
  up to the end of 2025 because their assignments are still open in the records of 30 June 2025.
- `diaban reorganize --events bac-kan-2025 --out after.json`, then `diaban check after.json`: **49 errors and 12
  warnings** — the same 12 errors, the 37 new units of Thái Nguyên uncovered from 2025-07-01, the 10 duty
  shortfalls of items 12–13, `evaluation_late` and `evaluation_duplicate` (before this version of the demo:
  896 errors and 1,318 warnings, nearly all artefacts of activities recorded after the reform).

Once the profile records that Regulation 1390 ends with the province (30 June 2025), the 37 gaps, the 5
part-year warnings and the 3 evaluations of 2025 (due 31 January 2026, after the end) are expected to go. The
wrong-author evaluation counts as present (it is reported as written by the wrong body, not as missing). The
test `crates/diaban/tests/demo.rs` pins the error findings.
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data_dir", nargs="?", default=DEFAULT_DATA)
    ap.add_argument("--out", default=HERE)
    ap.add_argument("--check", action="store_true", help="only verify the files in --out")
    args = ap.parse_args(argv)
    if args.check:
        return check(args.out)
    demo = Demo(os.path.normpath(args.data_dir)).build()
    rows = demo.rows()
    os.makedirs(args.out, exist_ok=True)
    for fname, r in rows.items():
        write_csv(args.out, fname, r)
    os.makedirs(os.path.join(args.out, PROVENANCE_DIR), exist_ok=True)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=PROVENANCE_HEADER, lineterminator="\n")
    w.writeheader()
    for r in demo.provenance():
        w.writerow({k: nfc(str(v)) for k, v in r.items()})
    with open(os.path.join(args.out, PROVENANCE_DIR, PROVENANCE_FILE), "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    # facts for README: minimum duty counts of clean monitors
    acts = defaultdict(Counter)
    for x in demo.activities:
        acts[(x["subject_id"], x["target"], x["date"].year)][x["kind"]] += 1
    kinds = ("committee_meeting", "field_visit", "guidance", "proposal")
    clean25 = [x for x in demo.assignments if x["scheme"] == "commune-monitoring" and x["valid_from"] <= D(2025, 1, 1)
               and not x["valid_to"] and x["target"] not in SHORT_UNITS + [RETIRED_UNIT]]
    all24 = [x for x in demo.assignments if x["scheme"] == "commune-monitoring" and x["valid_from"] == CM_START]

    def fmt(mins):
        return plural(mins)
    demo.facts["mins25"] = fmt({k: min(acts[(x["subject_id"], x["target"], 2025)][k] for x in clean25) for k in kinds})
    demo.facts["mins24"] = fmt({k: min(acts[(x["subject_id"], x["target"], 2024)][k] for x in all24) for k in kinds})
    with open(os.path.join(args.out, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(nfc(readme(demo, rows)))
    for fname, r in rows.items():
        print(f"{fname}: {len(r)} rows")
    return check(args.out)


if __name__ == "__main__":
    sys.exit(main())
