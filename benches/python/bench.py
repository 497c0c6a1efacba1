"""Times `load + check` and point queries through the Python binding: `python bench.py DATA_DIR [REPEAT]`.

DATA_DIR is a folder written by the `generate` binary (dataset.json, profile.json, csv/). Prints
`load_check SECONDS` (the best of REPEAT runs) and the number of findings, like the native
`measure --only load_check` that `cargo xtask bench` compares it with; then `index_build
SECONDS` (the first point query, which builds the dataset's index) and `point_query SECONDS`
(the mean of a seeded sequence of `who_monitors(commune, day)` through the public API, index
already built) and `point_query_raw SECONDS` (the same through the extension module, without
the facade's conversion to `Assignment` objects).
"""
import csv
import datetime as dt
import os
import random
import sys
import time

import diaban


def main() -> None:
    data = sys.argv[1]
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    profile = diaban.Profile.load(os.path.join(data, "profile.json"))
    best = float("inf")
    findings = 0
    for _ in range(repeat):
        start = time.perf_counter()
        dataset = diaban.load(os.path.join(data, "dataset.json"))
        report = dataset.check(today="2026-01-01", profile=profile)
        findings = len(report)
        best = min(best, time.perf_counter() - start)
        del dataset, report
    print(f"load_check {best:.6f}")
    print(f"findings {findings}")

    # Point queries: a seeded sequence of (commune, day) pairs, as the criterion benchmark asks.
    with open(os.path.join(data, "csv", "units.csv"), encoding="utf-8-sig", newline="") as fh:
        communes = [r["code"] for r in csv.DictReader(fh) if r["type"] in ("Xã", "Phường", "Thị trấn")]
    rng = random.Random(1390)
    first, span = dt.date(2020, 11, 1), (dt.date(2025, 12, 31) - dt.date(2020, 11, 1)).days
    asks = [(rng.choice(communes), first + dt.timedelta(days=rng.randrange(span + 1))) for _ in range(4096)]
    dataset = diaban.load(os.path.join(data, "dataset.json"))
    start = time.perf_counter()
    dataset.who_monitors(asks[0][0], asks[0][1])
    print(f"index_build {time.perf_counter() - start:.6f}")
    start = time.perf_counter()
    for code, day in asks:
        dataset.who_monitors(code, day)
    print(f"point_query {(time.perf_counter() - start) / len(asks):.9f}")
    raw = dataset._inner  # the extension module's Dataset: no facade objects
    iso = [(code, day.isoformat()) for code, day in asks]
    start = time.perf_counter()
    for code, day in iso:
        raw.who_monitors(code, day)
    print(f"point_query_raw {(time.perf_counter() - start) / len(iso):.9f}")


if __name__ == "__main__":
    main()
