"""The yearly report and the 2025 reorganisation, on the Bắc Kạn demo dataset.

1. The yearly compliance report: duties done against required per assignment, roll-ups per
   district, and the rural-development programme's contributions (Xã Sĩ Bình's, as reported in
   the press, among them).
2. The reform of 1 July 2025: Bắc Kạn's 108 communes become 37 units of Thái Nguyên. Apply it to
   the records, see which assignments it closed and which new units nobody monitors yet, and
   trace a unit's lineage.

    pip install './bindings/python[pandas]'
    python examples/python/reform.py [--data PATH] [--year 2024] [--today 2026-01-01] [--events bac-kan-2025] [--out after.json]

Without --data the embedded demo dataset is used; --events takes a built-in id or a file.
"""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path
from typing import Optional, Sequence

import pandas as pd  # type: ignore[import-untyped,unused-ignore]

import diaban


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", help="a JSON file or a CSV folder (default: the embedded demo)")
    parser.add_argument("--year", type=int, default=2024, help="the year of the report")
    parser.add_argument("--today", type=diaban.parse_date, default=datetime.date(2026, 1, 1),
                        help="day deadlines are judged against")
    parser.add_argument("--events", default="bac-kan-2025", help="a built-in event id or a file of edges")
    parser.add_argument("--code", default="01843", help="the unit whose lineage to trace")
    parser.add_argument("--out", type=Path, help="write the reorganised dataset here (.json)")
    args = parser.parse_args(argv)
    pd.set_option("display.width", 160)

    ds = diaban.load(args.data) if args.data else diaban.demo()
    print(ds)

    # 1. The yearly report.
    report = ds.report(args.year, today=args.today)
    print(f"\n{report!r}")
    table = report.to_pandas()
    if len(table):
        print("\nAssignments with a shortfall:")
        print(table[table["shortfall"]][["assignment_id", "subject_name", "target_name", "evaluation_status"]]
              .to_string(index=False) or "  none")
    districts = report.to_pandas("districts")
    if len(districts):
        print("\nPer district:\n" + districts.to_string(index=False))
    programme = report.to_pandas("programme_by_commune")
    if len(programme):
        per_commune = programme.pivot_table(index="name", columns="kind", values="quantity", aggfunc="sum",
                                            fill_value=0)
        print(f"\nContributions per commune in {args.year} (quantities; the first 10 of {len(per_commune)}):\n"
              f"{per_commune.head(10).to_string()}")

    # 2. The reorganisation.
    events = diaban.events(args.events)
    print(f"\n{events!r}")
    after, changes = ds.reorganize(events)
    print(changes)
    closed = changes.to_pandas()
    if len(closed):
        print("\nAssignments closed, by scheme:\n" + closed.groupby("scheme").size().rename("closed").to_string())
    new_units = [u.unit for u in changes.units_started if len(u.unit.code) == 5]
    for effective in changes.events:
        coverage = after.coverage(effective)
        print(f"\nOn {effective}: {len(new_units)} new commune-level units; {coverage!r}")
    _, again = after.reorganize(events)
    print(f"Applied a second time: {again!r}")

    lineage = after.lineage(args.code)
    print(f"\nLineage of {args.code}:")
    for version in lineage:
        print(version)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(after.to_json(), encoding="utf-8")
        print(f"\nreorganised dataset written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
