"""The store's file held by another program (an antivirus, a backup tool, a command run by hand)
or by this program's own writes on another thread."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from kanoon_desk import store as store_module
from kanoon_desk.errors import storage_trouble
from kanoon_desk.services import secretariat_agencies as agencies
from tests.factories import make_desk


def test_a_write_while_another_program_holds_the_file_is_refused_before_the_program_lets_go(tmp_path: Path) -> None:
    """Another program held the store's file: a save waited ten seconds (the window answered
    nothing, as if hung) before «ثبت نشد: برنامه دیگری … در دست داشت». It is refused after a
    short wait, here while the other program still holds the file (it lets go after five
    seconds), and goes through once the file is free."""
    store, admin = make_desk(tmp_path / "desk.sqlite3")
    holder = sqlite3.connect(str(store.path), isolation_level=None, timeout=0, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    released = threading.Event()

    def let_go() -> None:
        holder.execute("ROLLBACK")
        released.set()

    timer = threading.Timer(5.0, let_go)
    timer.start()
    try:
        with pytest.raises(Exception) as refused:
            agencies.save_agency(store, admin, name="اداره آب", deadline_days=10)
        assert storage_trouble(refused.value) == "locked"
        assert not released.is_set()  # (refused while the other program held it)
    finally:
        timer.join()
        holder.close()
    assert [a.name for a in agencies.list_agencies(store)] == []
    agencies.save_agency(store, admin, name="اداره آب", deadline_days=10)
    assert [a.name for a in agencies.list_agencies(store)] == ["اداره آب"]
    store.close()


def test_this_programs_own_writes_queue_and_are_not_refused_as_another_programs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save on the window's thread while a sync round's page (or an import's rows) is written on
    another thread waits for it, longer than another program is waited for, and goes through."""
    monkeypatch.setattr(store_module, "OTHER_PROGRAM_WAIT_MS", 100)
    store, admin = make_desk(tmp_path / "desk.sqlite3")
    second = store_module.Store(store.path)  # (the app's restore opens the file again: same queue)
    writing, finish = threading.Event(), threading.Event()

    def long_write() -> None:
        with store.transaction() as s:
            store.record(s, admin, "agency.set", "a1", {"name": "اداره برق", "deadline_days": 10,
                                                         "address": "", "phone": "", "active": True})
            writing.set()
            finish.wait(10)

    worker = threading.Thread(target=long_write)
    worker.start()
    assert writing.wait(10)
    threading.Timer(1.0, finish.set).start()  # ten times the wait for another program
    agencies.save_agency(second, admin, name="اداره آب", deadline_days=10)
    worker.join()
    assert sorted(a.name for a in agencies.list_agencies(store)) == ["اداره آب", "اداره برق"]
    second.close()
    store.close()
