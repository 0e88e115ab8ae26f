"""Long operations of the command line killed with SIGKILL at chosen points (`tests.kill_points`),
then done again as a person would: what was committed is there, nothing is given twice, nothing
half-made is left under a good file's name."""

from __future__ import annotations

import shutil
import sqlite3
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
    store = Store(desk)
    try:
        assert int(lib.register_member(store, admin, lib.MemberInput(
            first_name="آزمون", last_name="شماره ۲", national_id=NATIONAL_IDS[2], category="adult")).member_no[4:10]) \
            == after + 1
    finally:
        store.close()
    shutil.rmtree(work)
