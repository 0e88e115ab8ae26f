"""The PyInstaller bundle builds, passes its offscreen smoke run, and its CLI fills and checks a store.

Slow (minutes) and off by default; run it with

    KANOON_TEST_PACKAGING=1 .venv/bin/python -m pytest tests/test_packaging.py -q

It runs `make installer` (= `build_installer.py`: build `dist/kanoon-desk/`, then
`kanoon-desk --version` and `kanoon-desk smoke` offscreen).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / "dist" / "kanoon-desk" / ("kanoon-desk.exe" if sys.platform == "win32" else "kanoon-desk")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("KANOON_TEST_PACKAGING") != "1",
                       reason="packaging test is slow; set KANOON_TEST_PACKAGING=1 to run it"),
]


def test_installer_builds_and_the_bundle_works(tmp_path: Path) -> None:
    proc = subprocess.run(["make", "installer"], cwd=ROOT, capture_output=True, text=True, timeout=3600)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    assert "smoke: `" in proc.stdout and BINARY.is_file()

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    db = tmp_path / "bundle.sqlite3"
    for args in (["demo", "--db", str(db)], ["check", "--db", str(db)], ["stats", "--db", str(db), "--json"]):
        run = subprocess.run([str(BINARY), *args], env=env, capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, f"{args}: {run.stdout}\n{run.stderr}"
