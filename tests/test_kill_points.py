"""Long operations of the command line killed with SIGKILL at chosen points (`tests.kill_points`),
then done again as a person would: what was committed is there, nothing is given twice, nothing
half-made is left under a good file's name."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

import pytest

from kanoon_desk.services import library as lib
from kanoon_desk.services import ops
from kanoon_desk.store import K_RESTORED_AT, Store
from tests import kill_points
from tests.factories import make_desk
from tests.library_helpers import NATIONAL_IDS

pytestmark = pytest.mark.slow


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _put_back(folder: Path, files: dict[str, bytes]) -> None:
    for p in folder.iterdir():
        if p.is_file():
            p.unlink()
    for name, data in files.items():
        (folder / name).write_bytes(data)


def _desk_state(path: Path) -> tuple[int, bool, int]:
    """(events, marked restored, the membership numbers' counter) of a store."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        marked = conn.execute("SELECT 1 FROM desk_state WHERE key = ?", (K_RESTORED_AT,)).fetchone() is not None
        counter = conn.execute("SELECT value FROM counters WHERE series = 'member_no'").fetchone()
    return int(events), marked, int(counter[0]) if counter else 0


def test_a_restore_killed_anywhere_then_run_again_never_gives_a_number_twice(tmp_path: Path) -> None:
    """A desk restored from its morning backup: a member registered after the backup holds card
    number 2. The restore is killed at points over its whole length, and just after each file it
    renames (the store replaced, above all); then the person runs the same restore again, having
    seen it say nothing. Before, killed after the backup took the store's place and before it was
    marked, the store read as never restored with its counter at 1 (card number 2 given again); run
    again, the store kept aside was overwritten with that one, the member's registration gone
    from every copy. Now the store is the old one or the restored one marked, and after the second
    run the counter is past 2 and the kept store still holds the member."""
    work = tmp_path / "office"
    work.mkdir()
    desk = work / "desk.sqlite3"
    store, admin = make_desk(desk)

    def member(n: int) -> str:
        return lib.register_member(store, admin, lib.MemberInput(
            first_name="آزمون", last_name=f"شماره {n}", national_id=NATIONAL_IDS[n], category="adult")).member_no

    member(0)
    morning = tmp_path / "morning.sqlite3"
    store.backup_to(morning)
    after = int(member(1)[4:10])
    store.close()
    before = _desk_state(desk)
    assert before[2] == after
    start = _files(work)
    args = ["restore", "--db", str(desk), "--from", str(morning)]
    steps = kill_points.count(args, tmp_path)
    assert steps.done.returncode == 0, steps.done.stderr
    replaced = steps.after("rename", desk.name)
    assert len(replaced) == 1
    points = sorted(set(kill_points.spread(steps.total, 4)) | {replaced[0] - 1, *replaced})
    for at in points:
        _put_back(work, start)
        assert kill_points.run(args, at, tmp_path) or at >= steps.total - 1
        events, marked, counter = _desk_state(desk)
        assert (events, marked, counter) == before or (marked and counter == after), at
        again = kill_points.count(args, tmp_path)
        assert again.done.returncode == 0, (at, again.done.stderr)
        assert _desk_state(desk)[1:] == (True, after), at
        kept = desk.with_name(desk.name + ".before-restore")
        assert ops.events_not_restored(kept, desk) == 1, at  # the member registered after the backup
        assert ops.check(desk) == [], at
        assert not desk.with_name(desk.name + ".restore-tmp").exists()
    # the desk opened, a day's work giving no membership number, and the same backup restored again
    store = Store(desk)
    with store.transaction() as s:
        store.record(s, admin, "holiday.set", "2026-12-07", {"title": "روز کاری"})
    store.close()
    assert kill_points.count(args, tmp_path).done.returncode == 0
    store = Store(desk)
    try:
        assert int(lib.register_member(store, admin, lib.MemberInput(
            first_name="آزمون", last_name="شماره ۲", national_id=NATIONAL_IDS[2], category="adult")).member_no[4:10]) \
            == after + 1
    finally:
        store.close()
    shutil.rmtree(work)


EXPORT = """
import sys
from pathlib import Path
from kanoon_desk.services.library_reports import export_xlsx

rows = [[f"بارکد {i}", f"عنوان کتاب شماره {i}", "قفسه الف", i, i * 2.5, "پیدا شد"] for i in range(int(sys.argv[2]))]
print("ready", flush=True)
export_xlsx(Path(sys.argv[1]), ["بارکد", "عنوان", "قفسه", "شماره", "مبلغ", "نتیجه"], rows, title="آزمون")
"""


ROWS = 4000


def _export(path: Path, rows: int) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", EXPORT, str(path), str(rows)], cwd=kill_points.ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def _rows_in(path: Path) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    try:
        ws = wb.active
        assert ws is not None
        return sum(1 for _ in ws.iter_rows(values_only=True))
    finally:
        wb.close()


def _done(proc: subprocess.Popen[str]) -> None:
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err


def _kill(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)


def test_an_export_killed_mid_way_never_leaves_a_cut_off_sheet_under_its_name(tmp_path: Path) -> None:
    """A report exported again over last week's sheet of the same name, and the program killed
    the moment that name's file changes, then at delays through the writing. Before, the sheet
    was written in place: killed, the name held a cut-off file Excel cannot open, and last week's
    good one was gone. Now the name holds last week's sheet or the new one, whole; the part left
    by a kill is replaced by the next export of that name, which works."""
    path = tmp_path / "report.xlsx"
    _done(_export(path, 10))
    good = path.stat()
    proc = _export(path, ROWS)
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        now = path.stat()
        if (now.st_size, now.st_mtime_ns, now.st_ino) != (good.st_size, good.st_mtime_ns, good.st_ino):
            break
        time.sleep(0.001)
    _kill(proc)
    assert _rows_in(path) in (11, ROWS + 1)
    for delay in (0.05, 0.3, 0.6):
        proc = _export(path, ROWS)
        time.sleep(delay)
        _kill(proc)
        assert _rows_in(path) in (11, ROWS + 1)
    _done(_export(path, 20))
    assert _rows_in(path) == 21
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.xlsx"]


AUTO_BACKUP = """
import sys
from datetime import date
from pathlib import Path
from kanoon_desk.store import Store
from kanoon_desk.ui.app import auto_backup

store = Store(Path(sys.argv[1]))
auto_backup(store, Path(sys.argv[2]), keep=3, day=date.fromisoformat(sys.argv[3]))
store.close()
"""


def test_backups_at_closing_cut_off_on_some_days_leave_nothing_piling_up(tmp_path: Path) -> None:
    """The app backs the store up as it closes, once a day, keeping the newest (three here). On
    two days of six it is killed as the backup is done but not yet named (the lid closed on it).
    Before, each such day left its `.part`, as big as the store and named for its own day, which
    no later backup replaced, and an old backup rotated away left its `-shm` and `-wal`: the
    folder grew day after day. Now it holds the three kept backups (with what reading them made)
    and nothing else, each a healthy store."""
    store, _ = make_desk(tmp_path / "desk.sqlite3")
    store.close()

    def args(day: str) -> list[str]:
        return ["-c", AUTO_BACKUP, str(tmp_path / "desk.sqlite3"), str(tmp_path), day]

    trial = kill_points.count(args("2026-11-30"), tmp_path)
    assert trial.done.returncode == 0, trial.done.stderr
    named = trial.after("rename", "desk-2026-11-30.sqlite3")[0] - 1
    backups = tmp_path / "backups"
    for p in backups.iterdir():
        p.unlink()
    for day in ("2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"):
        if day in ("2026-12-01", "2026-12-03"):
            assert kill_points.run(args(day), named, tmp_path)
        else:
            done = kill_points.count(args(day), tmp_path).done
            assert done.returncode == 0, done.stderr
    kept = [f"desk-2026-12-0{d}.sqlite3" for d in (4, 5, 6)]
    left = {p.name for p in backups.iterdir()}
    assert left - {f"{name}{side}" for name in kept for side in ("", "-wal", "-shm")} == set()
    assert set(kept) <= left
    for name in kept:
        assert ops.check(backups / name) == []


def test_checks_killed_mid_way_leave_no_copy_of_the_store_in_the_temporary_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`check` re-folds a copy of the store made in the computer's temporary folder. Killed at
    points through it (the app closed while its health check ran in the background, a power cut),
    before, each left its folder with a whole copy of the store, citizens' data in it, which
    nothing removed: they piled up. Now the next check removes those of checks no longer running
    (and passes), and a check running meanwhile keeps its folder."""
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))  # (the subprocesses' temporary folder, and this one's)
    monkeypatch.setattr(tempfile, "tempdir", None)
    store, _ = make_desk(tmp_path / "desk.sqlite3")
    store.close()
    args = ["check", "--db", str(tmp_path / "desk.sqlite3")]
    steps = kill_points.count(args, tmp_path)
    assert steps.done.returncode == 0, steps.done.stderr
    assert list(temp.iterdir()) == []
    for at in kill_points.spread(steps.total - 5, 4)[:4]:
        assert kill_points.run(args, at, tmp_path)
    left = list(temp.glob("kanoon-check-*"))
    assert len(left) >= 3, [p.name for p in temp.iterdir()]
    a_while_ago = time.time() - 120  # (one made just now is left: its lock may not be taken yet)
    for folder in left:
        os.utime(folder, (a_while_ago, a_while_ago))
    done = kill_points.count(args, tmp_path).done
    assert done.returncode == 0, done.stderr
    assert list(temp.iterdir()) == []
    from kanoon_desk.services.ops import check_folder

    with check_folder() as running:
        os.utime(running, (a_while_ago, a_while_ago))
        done = kill_points.count(args, tmp_path).done
        assert done.returncode == 0, done.stderr
        assert list(temp.iterdir()) == [running]
    assert list(temp.iterdir()) == []


def test_what_a_restore_and_a_download_killed_midway_left_is_taken_away_by_check(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A restore killed while it checked its copy left `desk.sqlite3.restore-tmp`, as big as the
    store (citizens' data in it), and a document fetched when the round was killed left its
    `<sha>.<pid>.part`: nothing ever removed them unless the same restore ran again, and `check`
    said «check ok» beside them. `check` now takes them away and says what it took; a part whose
    program still runs (this one's) and a restore's copy open in a program stay."""
    from kanoon_desk.__main__ import main

    work = tmp_path / "office"
    work.mkdir()
    desk = work / "desk.sqlite3"
    store, _admin = make_desk(desk)
    backup = tmp_path / "backup.sqlite3"
    store.backup_to(backup)
    store.close()
    args = ["restore", "--db", str(desk), "--from", str(backup)]
    steps = kill_points.count(args, tmp_path)
    assert steps.done.returncode == 0, steps.done.stderr
    tmp = desk.with_name(desk.name + ".restore-tmp")
    killed_with_copy = next(at for at in kill_points.spread(steps.total, 12)
                            if kill_points.run(args, at, tmp_path) and tmp.is_file())
    assert killed_with_copy and tmp.stat().st_size > 0
    shard = work / "attachments" / "ab"
    shard.mkdir(parents=True)
    stale = shard / f"{'ab' * 32}.{2 ** 22 + 7}.part"  # (past Linux's highest pid: no such program)
    stale.write_bytes(b"%PDF-1.4 cut")
    writing = shard / f"{'ac' * 32}.{os.getpid()}.part"
    writing.write_bytes(b"%PDF-1.4 being written")
    capsys.readouterr()
    assert main(["check", "--db", str(desk)]) == 0
    said = capsys.readouterr().out
    assert not tmp.exists() and not stale.exists() and writing.exists()
    assert str(tmp) in said and str(stale) in said and "leftover removed" in said and "check ok" in said
    # a restore's copy open in a program (a restore running now) is not taken from under it
    with closing(sqlite3.connect(tmp)) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("BEGIN")
        conn.execute("SELECT * FROM t").fetchall()
        assert main(["check", "--db", str(desk)]) == 0
        assert tmp.exists()
    assert main(["check", "--db", str(desk)]) == 0
    assert not tmp.exists()
