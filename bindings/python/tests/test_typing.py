"""The stubs cannot drift: mypy.stubtest checks them against the built module; mypy --strict
checks the package and the example."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT

pytest.importorskip("mypy")

# Names that exist for the type checker only (pandas is imported under TYPE_CHECKING).
ALLOWLIST = Path(__file__).with_name("stubtest_allowlist.txt")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    # Run from target/ so that mypy's cache (.mypy_cache) never lands in the source tree.
    cwd = ROOT / "target"
    cwd.mkdir(exist_ok=True)
    env = {**os.environ, "MYPY_CACHE_DIR": str(cwd / ".mypy_cache")}
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, cwd=cwd, env=env)


def test_stubtest() -> None:
    result = run("mypy.stubtest", "diaban", "--ignore-missing-stub", "--allowlist", str(ALLOWLIST))
    assert result.returncode == 0, result.stdout + result.stderr


def test_stubtest_extension_module_strictly() -> None:
    result = run("mypy.stubtest", "diaban._diaban")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_package_and_example() -> None:
    result = run("mypy", "--strict", "--no-incremental", "-p", "diaban")
    assert result.returncode == 0, result.stdout + result.stderr
    for example in ("walkthrough.py", "reform.py"):
        result = run("mypy", "--strict", "--no-incremental", str(EXAMPLES / example))
        assert result.returncode == 0, result.stdout + result.stderr


def test_py_typed_is_installed() -> None:
    import diaban

    from pathlib import Path

    assert (Path(diaban.__file__).parent / "py.typed").exists()
    assert (Path(diaban.__file__).parent / "_diaban.pyi").exists()
