"""A disk that fills up under `backup`, `restore` and the command lines: nothing recorded is lost,
no half-written copy is left taking the room, and the line printed says the disk is full."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kanoon_desk import cli_support
from kanoon_desk.__main__ import main
from kanoon_desk.services import accounts, ops
from kanoon_desk.store import Store
from tests.factories import make_desk

FULL = "دیسک پر است"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Callable[[int], Path]]:
    """`make(size)`: a folder on a file system of `size` bytes (a tmpfs), as a nearly full disk or
    a small USB stick; skipped where this user cannot mount one."""
    mounted: list[Path] = []

    def make(size: int) -> Path:
        where = tmp_path / f"disk{len(mounted)}"
        where.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"no small disk can be mounted here: {done.stderr.strip()}")
        mounted.append(where)
        return where

    if shutil.which("mount") is None:
        pytest.skip("no mount command")
    try:
        yield make
    finally:
        for where in mounted:
            subprocess.run(["umount", str(where)], capture_output=True)


def _desk_with_work(path: Path, users: int = 60) -> None:
    store, admin = make_desk(path)
    for i in range(users):
        accounts.create_user(store, admin, username=f"user{i}", full_name="کاربر " * 40,
                             password="password-1", roles={"clerk"})
    store.close()


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_backup_to_a_full_disk_is_said_so_and_leaves_no_half_copy(
        tmp_path: Path, small_disk: Callable[[int], Path], capsys: pytest.CaptureFixture[str]) -> None:
    """`backup --to` a USB stick with too little room: the command said «پایگاه داده در دسترس نیست یا
    خوانده نشد» (the store is fine: the stick is full) and left `FILE.part` and its journal on the
    stick, taking the room that was left. Now it says the disk of the backup is full and how much
    room a backup takes, and leaves nothing on the stick."""
    store_path = tmp_path / "desk.sqlite3"
    _desk_with_work(store_path)
    stick = small_disk(store_path.stat().st_size // 2)
    before = store_path.read_bytes()

    assert main(["backup", "--db", str(store_path), "--to", str(stick / "b.sqlite3")]) == 1
    said = capsys.readouterr().err
    assert "پشتیبان نوشته نشد" in said and "دیسک مقصد پر است" in said and "the disk of" in said
    assert "در دسترس نیست" not in said
    assert _files(stick) == []  # no part left taking the room
    assert store_path.read_bytes() == before


@pytest.mark.parametrize("fails", ["copy of the backup", "copy of the store kept"])
def test_a_restore_on_a_full_disk_leaves_the_store_and_the_room_as_they_were(
        tmp_path: Path, small_disk: Callable[[int], Path], fails: str) -> None:
    """A restore next to a store on a nearly full disk: with no room for the backup's copy it said
    «پرونده پشتیبان خوانده نشد» (the backup is sound); with room for that copy but not for the kept
    `.before-restore` it took a disk-full error for "not a database", copied the bytes instead,
    failed again, and left both copies behind: the disk 100% full, the desk unable to record a
    thing. Now the store is untouched, nothing made for the restore is left, and the refusal says
    the disk is full and how much room a restore takes."""
    backup = tmp_path / "backup.sqlite3"
    _desk_with_work(tmp_path / "desk.sqlite3")
    ops.backup(tmp_path / "desk.sqlite3", backup)
    size = (tmp_path / "desk.sqlite3").stat().st_size
    room = size + size // 2 if fails == "copy of the backup" else 2 * size + size // 2
    disk = small_disk(room)
    store_path = disk / "desk.sqlite3"
    shutil.copyfile(tmp_path / "desk.sqlite3", store_path)
    before = store_path.read_bytes()

    with pytest.raises(ops.RestoreRefused) as refused:
        ops.restore(store_path, backup)
    said = "\n".join(refused.value.problems)
    assert "دیسک پایگاه داده پر است" in said and "MB" in said, said
    assert "خوانده نشد" not in said
    assert [f for f in _files(disk) if "restore" in f] == []  # no copy left taking the room
    assert store_path.read_bytes() == before
    store = Store(store_path)  # and the desk goes on working
    try:
        assert accounts.login(store, "admin", "secret-pass-1").username == "admin"
    finally:
        store.close()


def test_a_full_disk_under_a_command_is_said_as_a_full_disk(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """`kanoon-desk sync` (or any command) on a store whose disk filled up said «پایگاه داده در دسترس
    نیست یا خوانده نشد» (not there, or unreadable): an operator went looking for a damaged file.
    Now the line says the disk is full, that what was recorded is safe and to make room."""
    store, admin = make_desk(tmp_path / "desk.sqlite3")
    with store.write_engine.connect() as conn:  # the file may not grow: as a full disk answers
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        conn.exec_driver_sql(f"PRAGMA max_page_count = {int(pages or 0)}")

    def body() -> int:
        for i in range(500):  # until a write needs a page more
            accounts.create_user(store, admin, username=f"user{i}", full_name="کاربر " * 40,
                                 password="password-1", roles={"clerk"})
        return 0

    try:
        assert cli_support.guarded(body, cli_support.BAR) == 1
    finally:
        store.close()
    said = capsys.readouterr().err.strip()
    assert said.startswith(FULL) and "disk full" in said and "جا باز" in said, said
    assert "در دسترس نیست" not in said
    assert len(said.splitlines()) == 1
