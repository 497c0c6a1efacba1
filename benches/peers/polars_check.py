"""The core checks of `diaban check`, written as an analyst would write them in polars.

Usage: `python polars_check.py CSV_DIR PROFILE_JSON` prints one JSON object:
`{"tool": "polars", "version": ..., "rows": {table: n}, "counts": {code: n}, "seconds": {...}}`.

The same checks, with the same definitions, as `pandas_check.py` (its docstring lists them);
`cargo xtask bench` compares the counts of both with diaban's. Eager polars expressions (the
frames are small except `activities`, which is read with only the columns the checks need).
Polars uses every core it is given: on the benchmark machine that is 2.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time

import polars as pl

NEG = -(2**40)  # "always" (no start)
POS = 2**40  # open end
EPOCH = dt.date(1970, 1, 1)

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


def read(folder: str, name: str, columns: list[str]) -> pl.DataFrame:
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        return pl.DataFrame({c: pl.Series([], dtype=pl.String) for c in columns})
    # Every field as text: codes such as "01954" keep their leading zeros; "" is "absent".
    return pl.read_csv(
        path,
        columns=columns,
        schema_overrides={c: pl.String for c in columns},
        infer_schema=False,
        empty_string_is_null=False,
    )


def days(col: str, missing: int) -> pl.Expr:
    """ISO dates as day numbers; empty → `missing`."""
    parsed = pl.col(col).replace("", None).str.to_date("%Y-%m-%d", strict=True)
    return parsed.cast(pl.Int64).fill_null(missing)


def day(text: str | None, missing: int) -> int:
    if not text:
        return missing
    return (dt.date.fromisoformat(text) - EPOCH).days


def count_gaps(windows: pl.DataFrame, intervals: pl.DataFrame, on: str) -> int:
    """Maximal runs of days of each window (`wid`, `on`, `wf`, `wt`) not covered by the
    intervals (`on`, `f`, `t`) of the same `on` key."""
    m = (
        windows.join(intervals, on=on)
        .with_columns(f=pl.max_horizontal("f", "wf"), t=pl.min_horizontal("t", "wt"))
        .filter(pl.col("f") <= pl.col("t"))
        .sort("wid", "f")
        .with_columns(before=pl.col("t").cum_max().shift().over("wid"))
    )
    inner = m.filter(pl.col("f") > pl.col("before") + 1).height
    ends = m.group_by("wid").agg(
        pl.col("f").min().alias("first"),
        pl.col("t").max().alias("last"),
        pl.col("wf").first(),
        pl.col("wt").first(),
    )
    leading = ends.filter(pl.col("first") > pl.col("wf")).height
    trailing = ends.filter(pl.col("last") < pl.col("wt")).height
    empty = windows.join(m.select("wid").unique(), on="wid", how="anti").height
    return inner + leading + trailing + empty


def count_crowded(intervals: pl.DataFrame, key: str, limit: int) -> int:
    """Maximal runs of days on which more than `limit` intervals (`key`, `f`, `t`) of a key run at once."""
    starts = intervals.select(pl.col(key).alias("k"), pl.col("f").alias("day"), pl.lit(1).alias("d"))
    ends = intervals.filter(pl.col("t") < POS).select(
        pl.col(key).alias("k"), (pl.col("t") + 1).alias("day"), pl.lit(-1).alias("d")
    )
    ev = (
        pl.concat([starts, ends])
        .group_by("k", "day")
        .agg(pl.col("d").sum())
        .sort("k", "day")
        .with_columns(over=(pl.col("d").cum_sum().over("k") > limit))
        .with_columns(was=pl.col("over").shift(fill_value=False).over("k"))
    )
    return ev.filter(pl.col("over") & ~pl.col("was")).height


def main() -> None:
    folder, profile_path = sys.argv[1], sys.argv[2]
    t0 = time.perf_counter()
    with open(profile_path, encoding="utf-8") as fh:
        profile = json.load(fh)
    span = [days("valid_from", NEG).alias("f"), days("valid_to", POS).alias("t")]
    units = read(folder, "units.csv", ["code", "type", "parent_code", "valid_from", "valid_to"]).with_columns(span)
    orgs = read(
        folder,
        "organizations.csv",
        ["id", "kind", "level", "unit_code", "parent_id", "valid_from", "valid_to"],
    ).with_columns(span)
    people = read(folder, "people.csv", ["id", "organization_id", "rank", "valid_from", "valid_to"]).with_columns(
        span
    )
    terms = read(folder, "terms.csv", ["id", "organization_id", "valid_from", "valid_to"]).with_columns(span)
    asg = read(
        folder,
        "assignments.csv",
        ["id", "scheme", "subject_id", "target", "valid_from", "valid_to", "term_id", "replaces"],
    ).with_columns(span)
    acts = read(folder, "activities.csv", ["id", "date", "subject_id", "target", "kind", "recipient"]).with_columns(
        days("date", NEG).alias("day")
    )
    evals = read(folder, "evaluations.csv", ["id", "assignment_id", "author_id"])
    ntm = read(folder, "ntm_statuses.csv", ["unit_code"])
    t1 = time.perf_counter()

    counts: dict[str, int] = {}

    def add(code: str, n: int) -> None:
        counts[code] = counts.get(code, 0) + int(n)

    # Integrity.
    for df in (orgs, terms, asg, acts, evals):
        add("duplicate_id", df.group_by("id").len().filter(pl.col("len") > 1).height)
    inverted = (pl.col("valid_from") != "") & (pl.col("valid_to") != "") & (pl.col("t") < pl.col("f"))
    for df in (units, orgs, people, terms, asg):
        add("invalid_period", df.filter(inverted).height)

    unit_codes = units["code"].unique()
    org_ids = orgs["id"].unique()
    person_ids = people["id"].unique()
    anyone = pl.concat([org_ids, person_ids]).unique()
    unit_or_anyone = pl.concat([anyone, unit_codes]).unique()

    def unknown(df: pl.DataFrame, col: str, known: pl.Series) -> int:
        return df.filter((pl.col(col) != "") & ~pl.col(col).is_in(known.implode())).height

    schemes = {s["id"]: s for s in profile["schemes"]}
    kinds = pl.DataFrame(
        {
            "scheme": list(schemes),
            "sk": [s["subject"]["value"]["kind"] for s in schemes.values()],
            "tk": [s["target"]["value"]["kind"] for s in schemes.values()],
        }
    )
    a_ok = asg.join(kinds, on="scheme")
    person_l, org_l, unit_l = person_ids.implode(), org_ids.implode(), unit_codes.implode()
    add(
        "unknown_reference",
        unknown(units, "parent_code", unit_codes)
        + unknown(orgs, "unit_code", unit_codes)
        + unknown(orgs, "parent_id", org_ids)
        + unknown(people, "organization_id", org_ids)
        + unknown(terms, "organization_id", org_ids)
        + (asg.height - a_ok.height)
        + a_ok.filter(
            ((pl.col("sk") == "person") & ~pl.col("subject_id").is_in(person_l))
            | ((pl.col("sk") == "organization") & ~pl.col("subject_id").is_in(org_l))
        ).height
        + a_ok.filter(
            ((pl.col("tk") == "unit") & ~pl.col("target").is_in(unit_l))
            | ((pl.col("tk") == "organization") & ~pl.col("target").is_in(org_l))
        ).height
        + unknown(a_ok, "term_id", terms["id"])
        + unknown(a_ok, "replaces", asg["id"])
        + unknown(acts, "subject_id", anyone)
        + unknown(acts, "target", unit_or_anyone)
        + unknown(acts, "recipient", anyone)
        + unknown(evals, "assignment_id", asg["id"])
        + unknown(evals, "author_id", anyone)
        + unknown(ntm, "unit_code", unit_codes),
    )

    # Scheme rules, on the assignments whose period is not inverted.
    reg = profile["regulation"]
    in_force = (day(reg["effective"], NEG), day(reg.get("in_force_until"), POS))
    upright = a_ok.filter(pl.col("f") <= pl.col("t"))
    level_of_type = pl.col("type").str.to_lowercase().replace_strict(UNIT_LEVEL, default=None)
    units = units.with_columns(
        level=pl.when(pl.col("code").str.len_chars() == 2)
        .then(pl.lit("province"))
        .when(pl.col("code").str.len_chars() == 3)
        .then(pl.lit("district"))
        .when(pl.col("code").str.len_chars() == 5)
        .then(pl.lit("commune"))
        .otherwise(level_of_type)
    )
    for sid, s in schemes.items():
        a = upright.filter(pl.col("scheme") == sid)
        subject = s["subject"]["value"]
        target = s["target"]["value"]
        # The days each subject qualifies (rank, organisation kind and level).
        ok = orgs
        if subject.get("organization_kinds"):
            ok = ok.filter(pl.col("kind").is_in(subject["organization_kinds"]))
        if subject.get("levels"):
            ok = ok.filter(pl.col("level").is_in(subject["levels"]))
        if subject["kind"] == "person":
            posts = people
            if subject.get("ranks"):
                posts = posts.filter(pl.col("rank").is_in(subject["ranks"]))
            q = posts.join(ok, left_on="organization_id", right_on="id", suffix="_o").select(
                pl.col("id").alias("subject_id"),
                f=pl.max_horizontal("f", "f_o"),
                t=pl.min_horizontal("t", "t_o"),
            )
            known = person_l
        else:
            q = ok.select(pl.col("id").alias("subject_id"), "f", "t")
            known = org_l
        q = q.filter(pl.col("f") <= pl.col("t"))
        # coverage_gap: with eligible tenure required, a monitor covers a unit only on the
        # days their post qualifies them (as diaban counts coverage).
        covering = a.select("subject_id", "target", "f", "t")
        if s.get("eligible_tenure", {}).get("value", False):
            covering = covering.join(q, on="subject_id", suffix="_q").select(
                "target",
                f=pl.max_horizontal("f", "f_q"),
                t=pl.min_horizontal("t", "t_q"),
            ).filter(pl.col("f") <= pl.col("t"))
        cov = s.get("coverage")
        if cov and s["per_target"]["value"].get("min", 0) > 0:
            wf = day(cov["value"]["from"], NEG)
            wt = day(cov["value"].get("to"), POS)
            if s["under_regulation"]["value"]:
                wf, wt = max(wf, in_force[0]), min(wt, in_force[1])
            if target["kind"] == "unit" and not target.get("designated_only"):
                w = units
                if target.get("unit_levels"):
                    w = w.filter(pl.col("level").is_in(target["unit_levels"]))
                if target.get("unit_types"):
                    w = w.filter(pl.col("type").is_in(target["unit_types"]))
                w = w.select(pl.col("code").alias("target"), "f", "t")
            else:
                w = a.select(pl.col("target").unique(), f=pl.lit(NEG), t=pl.lit(POS))
            w = (
                w.select(
                    "target",
                    wf=pl.max_horizontal("f", pl.lit(wf)),
                    wt=pl.min_horizontal("t", pl.lit(wt)),
                )
                .filter(pl.col("wf") <= pl.col("wt"))
                .with_row_index("wid")
            )
            add("coverage_gap", count_gaps(w, covering.select("target", "f", "t"), "target"))
        # coverage_overlap, assignee_overloaded
        pt_max = s["per_target"]["value"].get("max")
        if pt_max is not None:
            add("coverage_overlap", count_crowded(a, "target", pt_max))
        ps_max = s["per_subject"]["value"].get("max")
        if ps_max is not None:
            add("assignee_overloaded", count_crowded(a, "subject_id", ps_max))
        # ineligible_assignee
        w = a.filter(pl.col("subject_id").is_in(known)).select("subject_id", wf="f", wt="t")
        if not s.get("eligible_tenure", {}).get("value", False):
            w = w.join(q.select("subject_id").unique(), on="subject_id", how="anti")
        add("ineligible_assignee", count_gaps(w.with_row_index("wid"), q, "subject_id"))

    # activity_outside_assignment
    act = (
        acts.filter(pl.col("subject_id").is_in(anyone.implode()))
        .select("id", "subject_id", "target", "kind", "day")
        .with_row_index("row")
    )
    covered = (
        act.select("row", "subject_id", "target", "day")
        .join(a_ok.select("subject_id", "target", "f", "t"), on=["subject_id", "target"])
        .filter((pl.col("f") <= pl.col("day")) & (pl.col("day") <= pl.col("t")))
        .select("row")
        .unique()
    )
    outside = act.join(covered, on="row", how="anti")
    # Identical records give identical findings, which a report lists once.
    add("activity_outside_assignment", outside.unique(["id", "subject_id", "target", "kind", "day"]).height)
    t2 = time.perf_counter()

    print(
        json.dumps(
            {
                "tool": "polars",
                "version": pl.__version__,
                "rows": {
                    "units": units.height,
                    "organizations": orgs.height,
                    "people": people.height,
                    "assignments": asg.height,
                    "activities": acts.height,
                    "evaluations": evals.height,
                },
                "counts": dict(sorted(counts.items())),
                "seconds": {"load": round(t1 - t0, 3), "check": round(t2 - t1, 3)},
            }
        )
    )


if __name__ == "__main__":
    main()
