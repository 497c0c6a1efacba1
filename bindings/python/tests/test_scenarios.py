"""Runs every shared scenario in tests/scenarios/ (the files the Rust and JavaScript suites run)
and compares the findings exactly; mirrors crates/diaban/tests/scenarios.rs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest

import diaban
from conftest import SCENARIOS

PATHS = sorted(SCENARIOS.glob("*.json"))


def test_there_are_scenarios() -> None:
    # The Rust runner asks for at least 10; so do we, so that a wrong folder cannot pass silently.
    assert len(PATHS) >= 10, f"too few scenarios in {SCENARIOS}: {len(PATHS)}"


def load_dataset(s: Dict[str, Any]) -> diaban.Dataset:
    if "dataset" in s:
        return diaban.Dataset.from_dict(s["dataset"])
    if "csv" in s:
        return diaban.Dataset.from_csv_texts(s["csv"])
    return diaban.demo()


def load_profile(s: Dict[str, Any]) -> Optional[diaban.ProfileLike]:
    p = s.get("profile")
    if isinstance(p, str) and p.endswith(".json"):
        return diaban.Profile.load(SCENARIOS / p)
    if isinstance(p, str):
        return diaban.Profile.builtin(p)
    if isinstance(p, dict):
        return diaban.Profile.from_dict(p)
    return None


def project(report: diaban.Report) -> Dict[str, Any]:
    """The projection every language compares, built from the typed findings."""
    findings: List[Dict[str, Any]] = [
        {
            "code": f.code,
            "severity": f.severity,
            "subject": {"kind": f.subject_kind, "id": f.subject_id},
            "from": f.start.isoformat() if f.start else None,
            "to": f.end.isoformat() if f.end else None,
        }
        for f in report
    ]
    s = report.summary
    return {"findings": findings, "summary": {"errors": s.errors, "warnings": s.warnings, "infos": s.infos}}


def project_raw(document: Dict[str, Any]) -> Dict[str, Any]:
    """The same projection from the raw JSON document (as the Rust runner builds it)."""
    keys = ("code", "severity", "subject", "from", "to")
    return {
        "findings": [{k: f[k] for k in keys} for f in document["findings"]],
        "summary": document["summary"],
    }


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_scenario(path: Path) -> None:
    s = json.loads(path.read_text(encoding="utf-8"))
    expect = s["expect"]
    options = s.get("options") or {}
    try:
        dataset = load_dataset(s)
    except diaban.DiabanError as e:
        want = expect.get("error")
        assert want is not None, f"unexpected load error: {e}"
        got = {"code": e.code, "file": None, "line": None, "field": None, "path": None}
        if isinstance(e, diaban.LoadError) and not isinstance(e, diaban.FileError):
            got.update(file=e.path, line=e.line, field=e.field, path=e.json_path)
        for k, v in want.items():
            assert got[k] == v, f"error {k}: expected {v!r}, got {got[k]!r} ({e})"
        return
    assert "error" not in expect, "expected a load error, the dataset loaded"
    report = dataset.check(
        at=options.get("at"),
        today=options.get("today"),
        recorded_on=options.get("recorded_on"),
        strict=options.get("strict") is True,
        lang="vi" if options.get("lang") == "vi" else "en",
        profile=load_profile(s),
    )
    got = project(report)
    assert project_raw(report.to_dict()) == got
    query = s.get("relations")
    if query is not None:
        relations = dataset.relations(query["person"], query["at"], profile=load_profile(s))
        got["relations"] = [
            {"kind": r.kind, "body_id": r.body_id, "people": [p.id for p in r.people], "article": r.article,
             "unresolved": r.unresolved}
            for r in relations
        ]
    assert got == expect
