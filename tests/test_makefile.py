"""The venv rules behind `make`: a supported interpreter, chosen with PYTHON=, or a clear message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "ensure-venv.sh"
OLD_PYTHON = """#!/bin/sh
case "$2" in *exit*) exit 1 ;; *os.path*) echo /opt/old/python3.9 ;; *) echo 3.9 ;; esac
"""


def fake_python(folder: Path) -> Path:
    """An interpreter that says it is Python 3.9."""
    path = folder / "python3.9"
    path.write_text(OLD_PYTHON)
    path.chmod(0o755)
    return path


def ensure(python: str, venv: Path, origin: str = "file") -> subprocess.CompletedProcess:
    return subprocess.run(["sh", str(SCRIPT), python, str(venv), origin], capture_output=True, text=True,
                          timeout=300, env={"PATH": os.environ.get("PATH", "")})


def test_a_venv_made_by_an_unsupported_python_is_recreated_with_a_message(tmp_path) -> None:
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").symlink_to(fake_python(tmp_path))
    result = ensure(sys.executable, venv)
    assert result.returncode == 0, result.stderr
    assert "made by Python 3.9, which scopebot does not support" in result.stdout
    version = subprocess.run([str(venv / "bin" / "python"), "-c", "import sys; print(sys.version_info[:2] >= (3, 11))"],
                             capture_output=True, text=True).stdout
    assert version.strip() == "True"


def test_an_unsupported_python_is_refused_with_one_clear_line(tmp_path) -> None:
    result = ensure(str(fake_python(tmp_path)), tmp_path / "venv", "command line")
    assert result.returncode == 2 and not (tmp_path / "venv").exists()
    assert result.stderr.strip().splitlines() == [
        f"make: scopebot needs Python 3.11 or newer, and PYTHON={tmp_path / 'python3.9'} is 3.9; "
        "name another: make run PYTHON=python3.12"]


def test_python_named_on_the_command_line_replaces_a_venv_made_by_another(tmp_path) -> None:
    venv = tmp_path / "venv"
    assert ensure(sys.executable, venv).returncode == 0
    (venv / ".made-by").write_text("/some/other/python3.12\n")
    kept = ensure(sys.executable, venv, "file")  # the Makefile's default PYTHON keeps what is there
    assert kept.returncode == 0 and "recreating" not in kept.stdout
    chosen = ensure(sys.executable, venv, "command line")
    assert chosen.returncode == 0 and "recreating it with PYTHON=" in chosen.stdout
    assert (venv / ".made-by").read_text().strip() == os.path.realpath(sys.executable)
