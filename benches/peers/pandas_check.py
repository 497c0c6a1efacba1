"""The core checks of `diaban check`, written as an analyst would write them in pandas.

Usage: `python pandas_check.py CSV_DIR PROFILE_JSON` prints one JSON object:
`{"tool": "pandas", "version": ..., "rows": {table: n}, "counts": {code: n}, "seconds": {...}}`.

`cargo xtask bench` runs it beside `diaban check CSV_DIR --format json` and its polars twin
(`polars_check.py`) on the same generated national CSV folder, and compares the counts per
finding code. The checks are vectorised (no Python loop over rows) and read their parameters
from the profile, as diaban does:

- `invalid_period`: a record whose `valid_to` is before its `valid_from` (units, organisations,
  posts, terms, assignments).
- `duplicate_id`: an id used by more than one record (organisations, terms, assignments,
  activities, evaluations); one finding per id.
- `unknown_reference`: a field naming an id or code the dataset does not contain (the same
  fields diaban checks); one finding per record and field.
- `coverage_gap`: for each scheme with a coverage window and `per_target.min > 0`, each maximal
  run of days inside the window (and the unit's validity) on which a unit in scope has no
  assignment (when the scheme requires eligible tenure: no assignment whose subject qualifies
  on that day).
- `coverage_overlap` / `assignee_overloaded`: each maximal run of days on which a target /
  subject has more assignments of a scheme at once than `per_target.max` / `per_subject.max`.
- `ineligible_assignee`: each maximal run of days of an assignment on which its subject holds no
  qualifying post (rank, organisation kind and level), when the scheme requires eligible tenure
  or the subject never qualifies.
- `activity_outside_assignment`: an activity of a known subject on a day when the subject holds
  no assignment (of any scheme of the profile) to the activity's target; identical rows count
  once (diaban's report lists identical findings once).

Days are whole calendar days, both ends inclusive; an empty `valid_from` means "always", an
empty `valid_to` "open". Assignments whose period is inverted are reported once
(`invalid_period`) and left out of the other checks, as diaban does. No `at`/`today` scope: the
whole history is judged (what `diaban check` does for these codes).
"""

from __future__ import annotations

import json
import os
import sys
import time

import numpy as np
import pandas as pd

NEG = np.int64(-(2**40))  # "always" (no start)
POS = np.int64(2**40)  # open end

UNIT_LEVEL = {
    "tỉnh": "province",
    "thành phố trung ương": "province",
    "huyện": "district",
    "quận": "district",
    "thị xã": "district",
    "thành phố": "district",
    "xã": "commune",
    "phường": "commune",
    "thị trấn": "commune",
    "đặc khu": "commune",
}


def read(folder: str, name: str, columns: list[str]) -> pd.DataFrame:
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        return pd.DataFrame({c: pd.Series([], dtype=str) for c in columns})
    # Every field as text: codes such as "01954" keep their leading zeros; "" is "absent".
    return pd.read_csv(
        path, dtype=str, keep_default_na=False, usecols=columns, encoding="utf-8-sig"
    )


def days(col: pd.Series, missing: np.int64) -> np.ndarray:
    """ISO dates as day numbers; empty → `missing`."""
    parsed = pd.to_datetime(col.where(col != ""), format="%Y-%m-%d")
    out = parsed.to_numpy(dtype="datetime64[D]").astype("int64")
    return np.where(parsed.isna().to_numpy(), missing, out)


def day(text: str | None, missing: np.int64) -> np.int64:
    if not text:
        return missing
    return np.int64(np.datetime64(text, "D").astype("int64"))


def count_gaps(windows: pd.DataFrame, intervals: pd.DataFrame, on: str) -> int:
    """Maximal runs of days of each window (`wid`, `on`, `wf`, `wt`) not covered by the
    intervals (`on`, `f`, `t`) of the same `on` key."""
    m = windows.merge(intervals, on=on)
    m["f"] = np.maximum(m["f"], m["wf"])
    m["t"] = np.minimum(m["t"], m["wt"])
    m = m[m["f"] <= m["t"]].sort_values(["wid", "f"])
    g = m.groupby("wid", sort=False)
    reach = g["t"].cummax()
    before = reach.groupby(m["wid"]).shift()
    inner = int((m["f"] > before + 1).sum())
    ends = g.agg(first=("f", "min"), last=("t", "max"), wf=("wf", "first"), wt=("wt", "first"))
    leading = int((ends["first"] > ends["wf"]).sum())
    trailing = int((ends["last"] < ends["wt"]).sum())
    empty = int((~windows["wid"].isin(m["wid"])).sum())
    return inner + leading + trailing + empty


def count_crowded(intervals: pd.DataFrame, key: str, limit: int) -> int:
    """Maximal runs of days on which more than `limit` intervals (`key`, `f`, `t`) of a key run at once."""
    starts = pd.DataFrame({"k": intervals[key], "day": intervals["f"], "d": 1})
    closed = intervals[intervals["t"] < POS]
    ends = pd.DataFrame({"k": closed[key], "day": closed["t"] + 1, "d": -1})
    ev = pd.concat([starts, ends]).groupby(["k", "day"], sort=True)["d"].sum().reset_index()
    depth = ev.groupby("k", sort=False)["d"].cumsum()
    over = depth > limit
    was = over.groupby(ev["k"]).shift(fill_value=False)
    return int((over & ~was).sum())


def main() -> None:
    folder, profile_path = sys.argv[1], sys.argv[2]
    t0 = time.perf_counter()
    with open(profile_path, encoding="utf-8") as fh:
        profile = json.load(fh)
    units = read(folder, "units.csv", ["code", "type", "parent_code", "valid_from", "valid_to"])
    orgs = read(
        folder,
        "organizations.csv",
        ["id", "kind", "level", "unit_code", "parent_id", "valid_from", "valid_to"],
    )
    people = read(folder, "people.csv", ["id", "organization_id", "rank", "valid_from", "valid_to"])
    terms = read(folder, "terms.csv", ["id", "organization_id", "valid_from", "valid_to"])
    asg = read(
        folder,
        "assignments.csv",
        ["id", "scheme", "subject_id", "target", "valid_from", "valid_to", "term_id", "replaces"],
    )
    acts = read(folder, "activities.csv", ["id", "date", "subject_id", "target", "kind", "recipient"])
    evals = read(folder, "evaluations.csv", ["id", "assignment_id", "author_id"])
    ntm = read(folder, "ntm_statuses.csv", ["unit_code"])
    for df in (units, orgs, people, terms, asg):
        df["f"] = days(df["valid_from"], NEG)
        df["t"] = days(df["valid_to"], POS)
    acts["day"] = days(acts["date"], NEG)
    t1 = time.perf_counter()

    counts: dict[str, int] = {}

    def add(code: str, n: int) -> None:
        counts[code] = counts.get(code, 0) + int(n)

    # Integrity.
    for df in (orgs, terms, asg, acts, evals):
        add("duplicate_id", (df["id"].value_counts() > 1).sum())
    for df in (units, orgs, people, terms, asg):
        add("invalid_period", ((df["valid_from"] != "") & (df["valid_to"] != "") & (df["t"] < df["f"])).sum())

    unit_codes = pd.Index(units["code"].unique())
    org_ids = pd.Index(orgs["id"].unique())
    person_ids = pd.Index(people["id"].unique())
    anyone = org_ids.union(person_ids)

    def unknown(col: pd.Series, known: pd.Index) -> int:
        return int(((col != "") & ~col.isin(known)).sum())

    schemes = {s["id"]: s for s in profile["schemes"]}
    subj_kind = asg["scheme"].map({k: s["subject"]["value"]["kind"] for k, s in schemes.items()})
    tgt_kind = asg["scheme"].map({k: s["target"]["value"]["kind"] for k, s in schemes.items()})
    known_scheme = asg["scheme"].isin(list(schemes))
    a_ok = asg[known_scheme]
    sk, tk = subj_kind[known_scheme], tgt_kind[known_scheme]
    add(
        "unknown_reference",
        unknown(units["parent_code"], unit_codes)
        + unknown(orgs["unit_code"], unit_codes)
        + unknown(orgs["parent_id"], org_ids)
        + unknown(people["organization_id"], org_ids)
        + unknown(terms["organization_id"], org_ids)
        + int((~known_scheme).sum())
        + int(((sk == "person") & ~a_ok["subject_id"].isin(person_ids)).sum())
        + int(((sk == "organization") & ~a_ok["subject_id"].isin(org_ids)).sum())
        + int(((tk == "unit") & ~a_ok["target"].isin(unit_codes)).sum())
        + int(((tk == "organization") & ~a_ok["target"].isin(org_ids)).sum())
        + unknown(a_ok["term_id"], pd.Index(terms["id"]))
        + unknown(a_ok["replaces"], pd.Index(asg["id"]))
        + unknown(acts["subject_id"], anyone)
        + unknown(acts["target"], anyone.union(unit_codes))
        + unknown(acts["recipient"], anyone)
        + unknown(evals["assignment_id"], pd.Index(asg["id"]))
        + unknown(evals["author_id"], anyone)
        + unknown(ntm["unit_code"], unit_codes),
    )

    # Scheme rules, on the assignments whose period is not inverted.
    reg = profile["regulation"]
    in_force = (day(reg["effective"], NEG), day(reg.get("in_force_until"), POS))
    upright = asg[known_scheme & (asg["f"] <= asg["t"])]
    code_len = units["code"].str.len()
    level = units["type"].str.lower().map(UNIT_LEVEL)
    level = level.mask(code_len == 2, "province").mask(code_len == 3, "district").mask(code_len == 5, "commune")
    for sid, s in schemes.items():
        a = upright[upright["scheme"] == sid]
        subject = s["subject"]["value"]
        target = s["target"]["value"]
        # The days each subject qualifies (rank, organisation kind and level).
        kinds, levels, ranks = subject.get("organization_kinds"), subject.get("levels"), subject.get("ranks")
        ok = orgs
        if kinds:
            ok = ok[ok["kind"].isin(kinds)]
        if levels:
            ok = ok[ok["level"].isin(levels)]
        if subject["kind"] == "person":
            posts = people if not ranks else people[people["rank"].isin(ranks)]
            q = posts.merge(ok, left_on="organization_id", right_on="id", suffixes=("", "_o"))
            q = pd.DataFrame(
                {
                    "subject_id": q["id"],
                    "f": np.maximum(q["f"], q["f_o"]),
                    "t": np.minimum(q["t"], q["t_o"]),
                }
            )
            known = a["subject_id"].isin(person_ids)
        else:
            q = pd.DataFrame({"subject_id": ok["id"], "f": ok["f"], "t": ok["t"]})
            known = a["subject_id"].isin(org_ids)
        q = q[q["f"] <= q["t"]]
        # coverage_gap: with eligible tenure required, a monitor covers a unit only on the
        # days their post qualifies them (as diaban counts coverage).
        covering = a[["subject_id", "target", "f", "t"]]
        if s.get("eligible_tenure", {}).get("value", False):
            covering = covering.merge(q, on="subject_id", suffixes=("", "_q"))
            covering = pd.DataFrame(
                {
                    "target": covering["target"],
                    "f": np.maximum(covering["f"], covering["f_q"]),
                    "t": np.minimum(covering["t"], covering["t_q"]),
                }
            )
            covering = covering[covering["f"] <= covering["t"]]
        cov = s.get("coverage")
        if cov and s["per_target"]["value"].get("min", 0) > 0:
            wf = day(cov["value"]["from"], NEG)
            wt = day(cov["value"].get("to"), POS)
            if s["under_regulation"]["value"]:
                wf, wt = max(wf, in_force[0]), min(wt, in_force[1])
            if target["kind"] == "unit" and not target.get("designated_only"):
                keep = pd.Series(True, index=units.index)
                if target.get("unit_levels"):
                    keep &= level.isin(target["unit_levels"])
                if target.get("unit_types"):
                    keep &= units["type"].isin(target["unit_types"])
                w = units.loc[keep, ["code", "f", "t"]].rename(columns={"code": "target"})
            else:
                w = pd.DataFrame({"target": a["target"].unique(), "f": NEG, "t": POS})
            w = w.assign(wf=np.maximum(w["f"], wf), wt=np.minimum(w["t"], wt))
            w = w.loc[w["wf"] <= w["wt"], ["target", "wf", "wt"]]
            w["wid"] = np.arange(len(w))
            add("coverage_gap", count_gaps(w, covering[["target", "f", "t"]], "target"))
        # coverage_overlap, assignee_overloaded
        pt_max = s["per_target"]["value"].get("max")
        if pt_max is not None:
            add("coverage_overlap", count_crowded(a, "target", pt_max))
        ps_max = s["per_subject"]["value"].get("max")
        if ps_max is not None:
            add("assignee_overloaded", count_crowded(a, "subject_id", ps_max))
        # ineligible_assignee
        w = a.loc[known, ["subject_id", "f", "t"]].rename(columns={"f": "wf", "t": "wt"})
        if not s.get("eligible_tenure", {}).get("value", False):
            w = w[~w["subject_id"].isin(q["subject_id"])]  # only subjects who never qualify
        w["wid"] = np.arange(len(w))
        add("ineligible_assignee", count_gaps(w, q, "subject_id"))

    # activity_outside_assignment
    known = acts["subject_id"].isin(anyone)
    act = acts.loc[known, ["id", "subject_id", "target", "kind", "day"]]
    act["row"] = np.arange(len(act))
    held = asg.loc[known_scheme, ["subject_id", "target", "f", "t"]]
    m = act[["row", "subject_id", "target", "day"]].merge(held, on=["subject_id", "target"])
    covered = m.loc[(m["f"] <= m["day"]) & (m["day"] <= m["t"]), "row"].unique()
    outside = act[~act["row"].isin(covered)]
    # Identical records give identical findings, which a report lists once.
    add("activity_outside_assignment", len(outside.drop_duplicates(["id", "subject_id", "target", "kind", "day"])))
    t2 = time.perf_counter()

    print(
        json.dumps(
            {
                "tool": "pandas",
                "version": pd.__version__,
                "rows": {
                    "units": len(units),
                    "organizations": len(orgs),
                    "people": len(people),
                    "assignments": len(asg),
                    "activities": len(acts),
                    "evaluations": len(evals),
                },
                "counts": dict(sorted(counts.items())),
                "seconds": {"load": round(t1 - t0, 3), "check": round(t2 - t1, 3)},
            }
        )
    )


if __name__ == "__main__":
    main()
