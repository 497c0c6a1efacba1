"""Copies a generated CSV folder and injects a few defects of every kind the peers compute.

Usage: `python inject_defects.py SRC_CSV_DIR DST_CSV_DIR` (standard library only).

The generated national data is almost clean for the structural checks (only a few coverage
gaps and overlaps), so counts of zero would "agree" without testing anything. `cargo xtask
bench` runs diaban and both peers on the folder this script writes, so that every compared code
has non-zero counts to agree on. The choices are deterministic (first matching rows in file
order), so the same input gives the same output.

Injected:
- one commune-monitoring assignment removed (its commune then has a coverage gap, its
  activities fall outside any assignment, its evaluations name an unknown assignment);
- one cell-attendance assignment with its period inverted, another naming an unknown term;
- one extra commune-monitoring assignment giving a monitor a second commune for 60 days
  (an overloaded assignee and an overlap on the second commune);
- every post of one monitor demoted to `member` (an ineligible assignee);
- one activity duplicated, one moved to a commune its subject does not monitor, one dated
  before any assignment, one by an unknown subject.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import sys


def read(path: str) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def write(path: str, header: list[str], rows: list[dict[str, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def main() -> None:
    src, dst = sys.argv[1], sys.argv[2]
    if os.path.exists(dst):
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    a_head, asg = read(os.path.join(src, "assignments.csv"))
    p_head, people = read(os.path.join(src, "people.csv"))
    act_head, acts = read(os.path.join(src, "activities.csv"))

    cm = [a for a in asg if a["scheme"] == "commune-monitoring"]
    per_target: dict[str, int] = {}
    for a in cm:
        per_target[a["target"]] = per_target.get(a["target"], 0) + 1
    replaced = {a["replaces"] for a in asg if a["replaces"]}
    singles = [a for a in cm if per_target[a["target"]] == 1 and not a["replaces"] and a["id"] not in replaced]
    removed, busy, demoted = singles[0], singles[1], singles[2]
    other = next(a for a in singles[3:] if a["target"] != busy["target"])
    cells = [a for a in asg if a["scheme"] == "cell-attendance"]
    inverted, bad_term = cells[0], cells[1]

    out_asg = []
    for a in asg:
        if a is removed:
            continue
        a = dict(a)
        if a["id"] == inverted["id"]:
            start = dt.date.fromisoformat(a["valid_from"])
            a["valid_to"] = (start - dt.timedelta(days=10)).isoformat()
        if a["id"] == bad_term["id"]:
            a["term_id"] = "no-such-term"
        out_asg.append(a)
    start = max(dt.date.fromisoformat(busy["valid_from"]), dt.date.fromisoformat(other["valid_from"]))
    start = max(start, dt.date(2022, 1, 1))
    extra = {k: "" for k in a_head}
    extra.update(
        id="cm-injected-1",
        scheme="commune-monitoring",
        subject_id=busy["subject_id"],
        target=other["target"],
        valid_from=start.isoformat(),
        valid_to=(start + dt.timedelta(days=59)).isoformat(),
        term_id=busy["term_id"],
    )
    out_asg.append(extra)
    write(os.path.join(dst, "assignments.csv"), a_head, out_asg)

    for p in people:
        if p["id"] == demoted["subject_id"]:
            p["rank"] = "member"
    write(os.path.join(dst, "people.csv"), p_head, people)

    held = {(a["subject_id"], a["target"]) for a in asg}
    mine = [x for x in acts if (x["subject_id"], x["target"]) in held and x["subject_id"] != removed["subject_id"]]
    moved, early = mine[0], mine[1]
    wrong_target = next(
        a["target"] for a in cm if (moved["subject_id"], a["target"]) not in held and a["target"] != other["target"]
    )
    out_acts = []
    for x in acts:
        if x is moved:
            x = dict(x, target=wrong_target)
        elif x is early:
            x = dict(x, date="2019-01-15")
        out_acts.append(x)
    out_acts.append(dict(acts[5]))  # a duplicate id
    out_acts.append(dict(acts[6], id="hd-injected-unknown", subject_id="p-no-such-person"))
    write(os.path.join(dst, "activities.csv"), act_head, out_acts)


if __name__ == "__main__":
    main()
