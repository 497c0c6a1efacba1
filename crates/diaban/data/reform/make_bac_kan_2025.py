#!/usr/bin/env python3
"""Writes bac_kan_2025.csv (the reorganizations.csv form of Bắc Kạn's 1 July 2025 reform) from the
verified mapping in data/national/ of the repository. Deterministic; run it after editing it.

    python3 make_bac_kan_2025.py            # regenerate
    python3 make_bac_kan_2025.py --check    # verify the file is up to date and its counts
"""
import csv
import io
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NATIONAL = os.path.join(HERE, "..", "..", "..", "..", "data", "national")
EFFECTIVE = "2025-07-01"
NQ1683 = "Nghị quyết 1683/NQ-UBTVQH15, Điều 1, khoản {}"
DISTRICT_BASIS = "Luật Tổ chức chính quyền địa phương số 72/2025/QH15 (không tổ chức cấp huyện từ 01/07/2025)"
PROVINCE_BASIS = "Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh (Bắc Kạn và Thái Nguyên thành tỉnh Thái Nguyên)"
TYPES = [("Xã ", "Xã"), ("Phường ", "Phường"), ("Thị trấn ", "Thị trấn"), ("Đặc khu ", "Đặc khu")]


def unit_type(name):
    for prefix, word in TYPES:
        if name.startswith(prefix):
            return word
    raise SystemExit(f"cannot tell the type of `{name}` from its name")


def build():
    with open(os.path.join(NATIONAL, "bac_kan_reform_2025.csv"), encoding="utf-8") as fh:
        mapping = list(csv.DictReader(fh))
    with open(os.path.join(NATIONAL, "bac_kan_districts_2024.csv"), encoding="utf-8") as fh:
        districts = list(csv.DictReader(fh))
    assert len(mapping) == 108 and len({r["old_code"] for r in mapping}) == 108
    assert len({r["new_code"] for r in mapping}) == 37
    assert [d["district_code"] for d in districts] == ["058", "060", "061", "062", "063", "064", "065", "066"]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["effective", "old_code", "new_code", "new_name", "new_type", "part", "basis"])
    for r in sorted(mapping, key=lambda r: r["old_code"]):
        # every old Bắc Kạn unit passes whole to exactly one new unit: all edges are `full`
        w.writerow([EFFECTIVE, r["old_code"], r["new_code"], r["new_name"], unit_type(r["new_name"]), "full",
                    NQ1683.format(r["nq1683_clause"])])
    for d in districts:
        w.writerow([EFFECTIVE, d["district_code"], "", "", "", "abolished", DISTRICT_BASIS])
    w.writerow([EFFECTIVE, "06", "19", "Tỉnh Thái Nguyên", "Tỉnh", "full", PROVINCE_BASIS])
    return out.getvalue()


if __name__ == "__main__":
    text = build()
    path = os.path.join(HERE, "bac_kan_2025.csv")
    if "--check" in sys.argv:
        with open(path, encoding="utf-8") as fh:
            assert fh.read() == text, "bac_kan_2025.csv is out of date: run make_bac_kan_2025.py"
        print("ok: 108 commune edges, 8 districts abolished, 06 -> 19")
    else:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        print(f"wrote {path}")
