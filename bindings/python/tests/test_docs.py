"""The README's Python examples and the analyst's walk-through run as written."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, README, ROOT

BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


def test_readme_has_examples_and_install_line() -> None:
    text = README.read_text(encoding="utf-8")
    assert "pip install ./bindings/python" in text
    assert len(BLOCKS) >= 2
    quickstart = BLOCKS[0].strip().splitlines()
    assert len(quickstart) == 5, quickstart


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_readme_block_runs(index: int, capsys: pytest.CaptureFixture[str]) -> None:
    exec(compile(BLOCKS[index], f"README.md block {index + 1}", "exec"), {"__name__": "__readme__"})
    out = capsys.readouterr().out
    if index == 0:
        assert "Hà Sỹ Thắng" in out


def test_walkthrough_runs_and_writes_a_png(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    out = tmp_path / "chart.png"
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "walkthrough.py"), "--out", str(out)],
        capture_output=True, text=True, cwd=ROOT, env={**__import__("os").environ, "MPLBACKEND": "Agg"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Coverage per district" in result.stdout
    assert "chart written to" in result.stdout


def test_reform_example_runs(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    out = tmp_path / "after.json"
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "reform.py"), "--out", str(out)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "<YearReport 2024" in result.stdout and "Xã Sĩ Bình" not in result.stderr
    assert "37 new commune-level units" in result.stdout and "nothing changed" in result.stdout
    assert "01843 Phường Bắc Kạn" in result.stdout
    import diaban

    after = diaban.load(out)
    assert after.counts["reorganizations"] == 117
