"""The Python results equal the command line's JSON for the same query.

The `diaban` binary is built with cargo (or taken from $DIABAN_CLI). Outside CI the tests skip
when it cannot be built (no cargo, or the build fails); under CI (`CI` set) that is a failure,
so that a broken CLI build can never turn this suite into skips."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any, List, NoReturn

import pytest

import diaban
from conftest import ROOT


def _unavailable(reason: str) -> NoReturn:
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def _build_cli() -> str:
    given = os.environ.get("DIABAN_CLI")
    if given:
        return given
    cargo = shutil.which("cargo")
    if cargo is None:
        _unavailable("cargo is not installed: cannot build the diaban CLI")
    try:
        result = subprocess.run(
            [cargo, "build", "-q", "-p", "diaban-cli", "--message-format=json-render-diagnostics"],
            cwd=ROOT, capture_output=True, text=True, timeout=1800,
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        _unavailable(f"cannot build the diaban CLI: {e}")
    if result.returncode != 0:
        _unavailable(f"cannot build the diaban CLI:\n{result.stderr[-2000:]}")
    for line in result.stdout.splitlines():
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if message.get("reason") == "compiler-artifact" and message.get("executable") and \
                message.get("target", {}).get("name") == "diaban":
            return str(message["executable"])
    _unavailable("cargo built diaban-cli but named no executable")


@pytest.fixture(scope="module")
def cli() -> str:
    return _build_cli()


def run(cli: str, *args: str, expect_code: int = 0) -> Any:
    result = subprocess.run([cli, *args], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == expect_code, result.stderr
    return json.loads(result.stdout)


def test_check(cli: str, demo: diaban.Dataset) -> None:
    doc = run(cli, "check", "--today", "2025-03-01", "--lang", "en", "--format", "json", expect_code=1)
    assert demo.check(today="2025-03-01", lang="en").to_dict() == doc


def test_check_with_no_arguments_is_the_same_everywhere(cli: str) -> None:
    # Same defaults as the command line: Vietnamese, judged on the system date.
    doc = run(cli, "check", "--format", "json", expect_code=1)
    report = diaban.demo().check()
    assert report.lang == "vi"
    assert report.to_dict() == doc


@pytest.mark.parametrize("year", [2023, 2024, 2025])
def test_report(cli: str, demo: diaban.Dataset, year: int) -> None:
    doc = run(cli, "report", "--year", str(year), "--today", "2026-01-01", "--format", "json")
    report = demo.report(year, today="2026-01-01")
    assert report.to_dict() == doc
    # The typed view carries the same figures.
    si_binh = next((c for c in doc["programme"]["by_commune"] if c["id"] == "01978"), None)
    typed = report.programme.commune("01978")
    if si_binh is None:
        assert typed is None
    else:
        assert typed is not None
        assert {k: t["quantity"] for k, t in si_binh["by_kind"].items()} == {
            k: t.quantity for k, t in typed.by_kind.items()
        }


def _relations(rels: List[diaban.Relation]) -> List[Any]:
    return [dataclasses.asdict(r) for r in rels]


def test_relations_of_a_person(cli: str, demo: diaban.Dataset) -> None:
    doc = run(cli, "relations", "--person", "p-ha-sy-thang", "--at", "2024-10-01", "--format", "json")
    assert _relations(demo.relations("p-ha-sy-thang", "2024-10-01")) == doc


@pytest.mark.parametrize("body", ["062", "p-013"])
def test_relations_towards(cli: str, demo: diaban.Dataset, body: str) -> None:
    doc = run(cli, "relations", "--body", body, "--at", "2024-10-01", "--format", "json")
    assert doc, "the demo has relationships towards this body"
    assert _relations(demo.relations_towards(body, "2024-10-01")) == doc


def test_lineage(cli: str, demo: diaban.Dataset) -> None:
    # On the demo the CLI adds the built-in Bắc Kạn event; Python names it.
    doc = run(cli, "lineage", "--code", "01843", "--at", "2025-07-01", "--format", "json")
    assert [demo.lineage("01843", "2025-07-01", events="bac-kan-2025").to_dict()] == doc
    assert [s["code"] for s in doc[0]["predecessors"]] == ["01837", "01843", "01852", "01855"]
    every = run(cli, "lineage", "--code", "01843", "--format", "json")
    assert [r.to_dict() for r in demo.lineage("01843", events="bac-kan-2025")] == every


def test_reorganize(cli: str, demo: diaban.Dataset, tmp_path: Path) -> None:
    out = tmp_path / "after.json"
    doc = run(cli, "reorganize", "-", "--out", str(out), "--today", "2026-01-01", "--format", "json",
              expect_code=1)
    after, changes = demo.reorganize("bac-kan-2025")
    assert changes.to_dict() == doc["changes"]
    assert diaban.load(out).to_json() == after.to_json()
    findings = after.check(today="2026-01-01").to_dict()
    assert findings["findings"] == doc["findings"] and findings["summary"] == doc["summary"]
    # From a file of events, on the written dataset: nothing more changes.
    events = tmp_path / "events.json"
    events.write_text(diaban.events("bac-kan-2025").to_json(), encoding="utf-8")
    again_out = tmp_path / "again.json"
    again = run(cli, "reorganize", str(out), "--events", str(events), "--out", str(again_out), "--today",
                "2026-01-01", "--format", "json", expect_code=1)
    same, nothing = diaban.load(out).reorganize(events)
    assert nothing.is_empty and nothing.to_dict() == again["changes"]
    assert diaban.load(again_out).to_json() == same.to_json()
