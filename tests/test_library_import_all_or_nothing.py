"""Nothing half-imported: a wrong row at the end of a long file, or the program killed (SIGKILL)
in the middle of writing one, leaves the store as it was, and healthy (`kanoon-desk check`); the
file can then be imported whole."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kanoon_desk.errors import ValidationError
from kanoon_desk.models.events import Event
from kanoon_desk.services import library as lib
from kanoon_desk.services import library_import as imp
from kanoon_desk.store import Store
from tests.factories import PASSWORD
from tests.library_helpers import make_library

ROOT = Path(__file__).resolve().parent.parent
ROWS = 5_000


def _events(store: Store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(Event)) or 0


def _titles_file(path: Path, bad_row: int | None = None) -> Path:
    """`ROWS` titles with a copy each; `bad_row` (as the sheet numbers it) has a barcode of Persian
    letters, which no scanner reads."""
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f)
        writer.writerow(["عنوان", "نویسنده", "بارکد"])
        for line in range(2, ROWS + 2):
            writer.writerow([f"کتاب شماره {line}", "نویسنده", "بارکد" if line == bad_row else f"Q{line:05d}"])
    return path


def test_a_wrong_row_near_the_end_is_named_and_nothing_is_imported(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    path = _titles_file(tmp_path / "t.csv", bad_row=5_000)
    before = _events(L.store)
    preview = imp.preview_import(L.store, L.admin, "titles", path)
    assert [(r.line, r.field) for r in preview.errors] == [(5_000, "barcode")]
    assert preview.column("barcode") == "بارکد"
    with pytest.raises(ValidationError):
        imp.commit_import(L.store, L.admin, preview)
    assert _events(L.store) == before


CHILD = """
import sys
from pathlib import Path
from kanoon_desk.services import accounts
from kanoon_desk.services import library_import as imp
from kanoon_desk.store import Store

store = Store(sys.argv[1])
actor = accounts.login(store, "admin", sys.argv[2])
preview = imp.preview_import(store, actor, "titles", Path(sys.argv[3]))
rows = len(preview.rows)

def progress(done, total):
    if done == rows + rows // 2:  # half the rows written, inside the one transaction
        print("writing", flush=True)
        sys.stdin.readline()  # waits here until it is killed
    return True

imp.commit_import(store, actor, preview, progress=progress)
print("committed", flush=True)
"""


def test_killed_in_the_middle_of_an_import_the_store_is_as_before_and_healthy(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    path = _titles_file(tmp_path / "t.csv")
    before = _events(L.store)
    store_path = L.store.path
    L.store.close()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(store_path), PASSWORD, str(path)], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    try:
        line = proc.stdout.readline()
        assert line.strip() == "writing", proc.stderr.read() if proc.stderr else ""
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pipe in (proc.stdin, proc.stdout, proc.stderr):
            if pipe is not None:
                pipe.close()
    assert proc.returncode == -signal.SIGKILL
    check = subprocess.run([sys.executable, "-m", "kanoon_desk", "check", "--db", str(store_path)], cwd=ROOT,
                           capture_output=True, text=True, timeout=600)
    assert check.returncode == 0, check.stdout + check.stderr
    store = Store(store_path)
    try:
        assert _events(store) == before  # not one of the rows written before the kill
        assert lib.search_titles(store, "کتاب شماره") == []
        again = imp.preview_import(store, L.admin, "titles", path)
        assert again.ok and imp.commit_import(store, L.admin, again) == ROWS
        assert _events(store) == before + 2 * ROWS
    finally:
        store.close()
