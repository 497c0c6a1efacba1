"""Shared fixtures: where the repository is, and the demo dataset."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import diaban

ROOT = Path(os.environ.get("DIABAN_ROOT") or Path(__file__).resolve().parents[3])
SCENARIOS = Path(os.environ.get("DIABAN_SCENARIOS") or ROOT / "tests" / "scenarios")
EXAMPLES = ROOT / "examples" / "python"
README = ROOT / "bindings" / "python" / "README.md"


@pytest.fixture(scope="session")
def demo() -> diaban.Dataset:
    return diaban.demo()
