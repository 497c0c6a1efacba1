"""One dataset in the four forms an office keeps it in gives the command line's findings in Python.

`tests/fixtures/office/` (written by its `make_fixture.py`) holds the workbook `diaban template`
wrote, filled in by a script; the same records as a semicolon CSV set as Excel saves it (BOM,
`;`, CRLF, Vietnamese headers and values); as a comma CSV set; and as JSON. The command line
gives byte-identical output for all four (`crates/diaban-cli/tests/office_parity.rs`); here
`diaban.load` of each must give exactly the findings of the command line's JSON."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest

import diaban
from conftest import ROOT
from test_cli_parity import _build_cli

FIXTURE = ROOT / "tests" / "fixtures" / "office"
FORMS = ["filled.xlsx", "semicolon", "comma", "records.json"]
TODAY = "2025-03-01"


@pytest.fixture(scope="module")
def cli_findings() -> Any:
    cli = _build_cli()
    result = subprocess.run(
        [cli, "check", str(FIXTURE / "records.json"), "--format", "json", "--today", "01/03/2025"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("form", FORMS)
def test_each_form_gives_the_command_lines_findings(form: str, cli_findings: Any) -> None:
    ds = diaban.load(FIXTURE / form)
    assert ds.check(today=TODAY).to_dict() == cli_findings


def test_the_forms_hold_the_same_records() -> None:
    expected = diaban.load(FIXTURE / "records.json").to_json()
    for form in FORMS[:-1]:
        assert diaban.load(FIXTURE / form).to_json() == expected, form


def test_the_fixture_is_read_not_empty(cli_findings: Any) -> None:
    # The records the script added are what the findings are about.
    subjects = {f["subject"]["id"] for f in cli_findings["findings"]}
    assert {"ub-04", "pc-01840", "dg-2024-01837"} <= subjects
