"""An analyst's walk-through of diaban on the Bắc Kạn demo dataset.

Loads the records, checks them against Regulation 1390-QĐ/TU, tabulates the coverage of the
province's communes per district with pandas, and saves a chart (findings by code and monitored
communes per district) as a PNG.

    pip install './bindings/python[pandas]' matplotlib
    python examples/python/walkthrough.py [--data PATH] [--at 2024-10-01] [--today 2025-03-01] [--out chart.png]

Without --data the embedded demo dataset is used; --data takes a JSON file or a CSV folder.
"""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path
from typing import Optional, Sequence

import matplotlib

matplotlib.use("Agg")  # no display needed: the chart goes to a file

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # type: ignore[import-untyped,unused-ignore]  # noqa: E402

import diaban  # noqa: E402

DEFAULT_OUT = Path(__file__).resolve().parents[2] / "target" / "examples" / "python" / "walkthrough.png"


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", help="a JSON file or a CSV folder (default: the embedded demo)")
    parser.add_argument("--at", type=diaban.parse_date, default=datetime.date(2024, 10, 1), help="day of the coverage table")
    parser.add_argument("--today", type=diaban.parse_date, default=datetime.date(2025, 3, 1), help="day deadlines are judged against")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the PNG chart")
    args = parser.parse_args(argv)

    # 1. Load.
    ds = diaban.load(args.data) if args.data else diaban.demo()
    print(ds)

    # 2. Check the whole history, with deadlines judged on --today; messages in English.
    report = ds.check(today=args.today, lang="en")
    print(report)
    findings = report.to_pandas()
    by_code = findings.groupby(["code", "severity"]).size().rename("findings").reset_index()
    print("\nFindings by code:\n" + by_code.to_string(index=False))

    # 3. Coverage of the communes on --at, per district.
    coverage = ds.coverage(args.at)
    print(f"\n{coverage!r}")
    table = coverage.to_pandas()
    per_district = (
        table.groupby("district_name")
        .agg(communes=("code", "size"), covered=("covered", "sum"), monitors=("monitors", "sum"))
        .assign(uncovered=lambda t: t["communes"] - t["covered"])
        .sort_values("communes", ascending=False)
    )
    print("\nCoverage per district on " + args.at.isoformat() + ":\n" + per_district.to_string())

    # 4. One chart: monitored communes per district, and the findings by code.
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 5))
    per_district[["covered", "uncovered"]].plot.barh(stacked=True, ax=left, color=["#2a9d8f", "#e76f51"])
    left.set_title(f"Communes monitored on {args.at.isoformat()}, by district")
    left.set_xlabel("communes")
    left.set_ylabel("")
    counts = pd.Series(report.by_code(), dtype="int64").sort_values()
    counts.plot.barh(ax=right, color="#264653")
    right.set_title(f"Findings by code (today = {args.today.isoformat()})")
    right.set_xlabel("findings")
    fig.tight_layout()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(args.out, dpi=100)
    plt.close(fig)
    print(f"\nchart written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
