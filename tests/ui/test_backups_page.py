"""The admin's «پشتیبان و سلامت داده‌ها»: the automatic backups listed by Jalali day, a backup now
checked once written, the health check's verdict, and a refusal said at the page."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from kanoon_desk.store import Store
from kanoon_desk.ui.admin.backups import BackupsPage, size_text
from kanoon_desk.ui.app import auto_backup
from kanoon_desk.ui.widgets import ERROR_STYLE, OK_STYLE

from ..factories import make_desk
from .shell_support import language, make_ctx


@pytest.fixture
def page(qapp: QApplication, qtbot: Any, tmp_path: Path) -> Iterator[tuple[Store, BackupsPage]]:
    store, admin = make_desk(tmp_path / "d.sqlite3")
    with language(qapp, "fa"):
        for day in (date(2026, 12, 4), date(2026, 12, 5)):
            auto_backup(store, tmp_path, day=day)
        p = BackupsPage(make_ctx(store, admin, tmp_path))
        qtbot.addWidget(p)
        yield store, p
    store.close()


def test_the_automatic_backups_are_listed_newest_first_by_jalali_day(page: tuple[Store, BackupsPage]) -> None:
    store, p = page
    days = [p.table.item(r, 0).text() for r in range(p.table.rowCount())]
    assert days == ["۱۴۰۵/۰۹/۱۴", "۱۴۰۵/۰۹/۱۳"]
    assert p.table.item(0, 2).text() == "d-2026-12-05.sqlite3" and p.table.item(0, 1).text().endswith(" مگابایت")
    assert str(store.path) in p.store_label.text() and str(store.path) in p.command.text()
    assert size_text(12_400_000) == "۱۲٫۴ مگابایت"


def test_a_backup_now_is_written_and_checked_and_a_bad_place_is_refused(page: tuple[Store, BackupsPage],
                                                                       tmp_path: Path) -> None:
    store, p = page
    dest = tmp_path / "usb" / "desk.sqlite3"
    dest.parent.mkdir()
    p.backup_to(dest)
    assert dest.exists() and p.message.styleSheet() == OK_STYLE
    assert "نوشته و بررسی شد؛ سالم است" in p.message.text() and str(dest) in p.message.text()
    copy = Store(dest)
    try:
        assert copy.is_initialised
    finally:
        copy.close()
    p.backup_to(store.path)  # the store itself: refused, said
    assert p.message.styleSheet() == ERROR_STYLE and p.message.text().startswith("پشتیبان نوشته نشد")
    assert p.backup_button.isEnabled() and p.check_button.isEnabled()


def test_a_backup_now_over_a_file_the_dialog_let_it_replace_is_sound(page: tuple[Store, BackupsPage],
                                                                     tmp_path: Path) -> None:
    """The file dialog asked before replacing the file; the old file's leftover write-ahead log
    (a crash) is not replayed onto the new backup, and another desk's store is still refused."""
    store, p = page
    dest = tmp_path / "usb.sqlite3"
    store.backup_to(dest)
    with closing(sqlite3.connect(str(dest))) as conn:  # the old file and its log, as a crash left them
        conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.execute("INSERT INTO desk_state(key, value) VALUES ('walprobe', 'old')")
        conn.commit()
        wal = dest.with_name(dest.name + "-wal").read_bytes()
    dest.with_name(dest.name + "-wal").write_bytes(wal)
    with closing(sqlite3.connect(str(dest))) as conn:  # (closing folded the log in: take the probe out again)
        conn.execute("DELETE FROM desk_state WHERE key = 'walprobe'")
        conn.commit()
    dest.with_name(dest.name + "-wal").write_bytes(wal)
    p.backup_to(dest)
    assert p.message.styleSheet() == OK_STYLE, p.message.text()
    with closing(sqlite3.connect(str(dest))) as conn:
        assert conn.execute("SELECT value FROM desk_state WHERE key = 'walprobe'").fetchone() is None
    other, _ = make_desk(tmp_path / "other.sqlite3", device_no=2)
    other.close()
    before = (tmp_path / "other.sqlite3").read_bytes()
    p.backup_to(tmp_path / "other.sqlite3")
    assert p.message.styleSheet() == ERROR_STYLE and "میز دیگری" in p.message.text()
    assert (tmp_path / "other.sqlite3").read_bytes() == before


def test_the_health_check_says_healthy_or_names_what_is_wrong(page: tuple[Store, BackupsPage]) -> None:
    store, p = page
    p.run_check()
    assert p.message.text() == "داده‌های این میز سالم است." and p.message.styleSheet() == OK_STYLE
    with closing(sqlite3.connect(str(store.path))) as conn:  # a projection row edited behind the events' back
        conn.execute("UPDATE users SET full_name = 'دستکاری شده'")
        conn.commit()
    p.run_check()
    assert p.message.styleSheet() == ERROR_STYLE and "ایراد پیدا شد" in p.message.text()
    assert "users" in p.message.text()


def test_a_backup_is_restored_from_the_app_and_the_desk_goes_back_to_log_in(
        qapp: QApplication, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """«بازگرداندن پشتیبان برگزیده…»: asked first; the session ends, the store is replaced by the
    backup (what was done after it leaves this desk, the data before kept beside it), and the
    log-in window says so. A backup that fails the check changes nothing and says why."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from kanoon_desk.services import accounts, ops
    from kanoon_desk.ui.app import Shell

    from ..factories import make_user

    store, admin = make_desk(tmp_path / "d.sqlite3")
    backup = auto_backup(store, tmp_path, day=date(2026, 12, 5))
    assert backup is not None
    make_user(store, admin, "late1", "clerk")  # after the backup
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with language(qapp, "fa"):
        shell = Shell(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), synchronous_tasks=True)
        assert shell.start()
        shell.open_main(admin)
        window = shell.main_window
        assert window is not None
        page = window.show_page("admin-backups")
        assert not page.restore_chosen.isEnabled()  # nothing chosen yet
        page.table.setCurrentCell(0, 0)
        assert page.selected_backup() == backup and page.restore_chosen.isEnabled()
        page.restore_chosen.click()
        assert shell.main_window is None and shell.login_window is not None and shell.login_window.isVisible()
        assert shell.restore_box is not None and "بازگردانده شد" in shell.restore_box.text()
        # titled in the interface's words: an untitled box showed the program's id, "KanoonDesk"
        assert shell.restore_box.windowTitle() == "بازگرداندن پشتیبان"
        assert shell.store is not store and (tmp_path / "d.sqlite3.before-restore").exists()
        names = [u.username for u in accounts.list_users(shell.store, admin)]
        assert "late1" not in names and ops.restored_unsynced(shell.store)
        # a broken backup: refused, nothing changed, said
        broken = tmp_path / "backups" / "d-2026-12-06.sqlite3"
        broken.write_bytes(b"not a backup " * 50)
        shell.open_main(admin)
        again = shell.main_window.show_page("admin-backups")  # type: ignore[union-attr]
        assert again.restore(broken)  # asked for (and refused by the check)
        assert shell.restore_box is not None and "بازگردانده نشد" in shell.restore_box.text()
        assert shell.restore_box.windowTitle() == "بازگرداندن پشتیبان"
        assert [u.username for u in accounts.list_users(shell.store, admin)] == names
        shell.login_window.close()  # type: ignore[union-attr]
        shell.store.close()


def test_the_english_page_says_what_the_check_and_a_refused_backup_found_in_english(
        qapp: QApplication, qtbot: Any, tmp_path: Path) -> None:
    """The health check's findings and a backup's refusal are sentences of the service (ops): the
    English page showed them in Persian («1 problems found: جدول users با بازسازی … برابر نیست»)."""
    import re

    from .shell_support import compile_english

    store, admin = make_desk(tmp_path / "d.sqlite3")
    persian = re.compile("[\u0600-\u06ff]")
    try:
        with language(qapp, "en", compile_english(tmp_path)):
            p = BackupsPage(make_ctx(store, admin, tmp_path))
            qtbot.addWidget(p)
            with closing(sqlite3.connect(str(store.path))) as conn:
                conn.execute("UPDATE users SET full_name = 'Someone else'")
                conn.commit()
            p.run_check()
            said = p.message.text()
            assert p.message.styleSheet() == ERROR_STYLE and "users" in said
            assert not persian.search(said), said
            assert "table users does not match" in said.replace("\u2066", "").replace("\u2069", "")
            p.backup_to(store.path)  # the store itself: refused
            said = p.message.text()
            assert said.startswith("The backup was not written") and not persian.search(said), said
            folder = tmp_path / "a-folder.sqlite3"
            folder.mkdir()
            p.backup_to(folder)
            assert not persian.search(p.message.text()), p.message.text()
    finally:
        store.close()


def test_a_refused_restore_is_said_in_english_in_the_english_interface(
        qapp: QApplication, qtbot: Any, tmp_path: Path) -> None:
    """A file that is not a store, chosen to restore from: the box over the log-in window gave the
    reason in Persian («این پرونده پایگاه داده SQLite نیست») under an English sentence."""
    import re

    from PySide6.QtCore import QSettings

    from kanoon_desk.ui.app import Shell

    from .shell_support import compile_english

    store, admin = make_desk(tmp_path / "d.sqlite3")
    not_a_store = tmp_path / "notes.sqlite3"
    not_a_store.write_text("shopping list", encoding="utf-8")
    with language(qapp, "en", compile_english(tmp_path)):
        shell = Shell(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), synchronous_tasks=True)
        try:
            assert not shell.restore_from(not_a_store)
            box = shell.restore_box
            assert box is not None
            said = box.text().replace("\u2066", "").replace("\u2069", "")
            assert not re.search("[\u0600-\u06ff]", said), said
            assert f"not an SQLite database: {not_a_store}" in said
        finally:
            for w in (shell.restore_box, shell.login_window):
                if w is not None:
                    w.close()
            shell.store.close()


def test_the_page_lists_backups_by_the_history_they_hold_and_says_a_place_it_cannot_write(
        page: tuple[Store, BackupsPage], tmp_path: Path) -> None:
    """The page listed the automatic backups by the day in their name: after a clock that ran a
    year ahead, week-old ones stood at the top as «the newest» (the rotation already ranks them by
    the history they hold). A backup to a place that cannot be written said Python's English."""
    from kanoon_desk.services import accounts

    store, p = page
    ahead = auto_backup(store, tmp_path, day=date(2027, 12, 1))  # the clock a year ahead
    assert ahead is not None
    accounts.create_user(store, p.ctx.actor, username="later", full_name="کاربر", password="password-1",
                         roles={"clerk"})
    now = auto_backup(store, tmp_path, day=date(2026, 12, 6))  # set right, with more work in it
    assert now is not None
    p.refresh()
    assert p.table.item(0, 2).text() == now.name and p.table.item(1, 2).text() == ahead.name
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    p.backup_to(blocked / "desk.sqlite3")
    said = p.message.text()
    assert said.startswith("پشتیبان نوشته نشد") and "اجازه نوشتن" in said, said
    assert not any("a" <= ch <= "z" for ch in said.replace(str(blocked / "desk.sqlite3"), "")), said


def test_a_clock_set_back_to_a_day_already_backed_up_still_backs_up_the_work_since(
        page: tuple[Store, BackupsPage], tmp_path: Path) -> None:
    """At most one automatic backup a day was decided by the name alone: a desk whose clock went
    back to a day it had already backed up skipped the backup, and the work done since was in no
    backup at all. That day's backup is written again when the store holds work it lacks; a second
    start on the same day (nothing new) writes nothing."""
    from kanoon_desk.services import accounts
    from kanoon_desk.ui.app import automatic_backups, backup_recency

    store, p = page  # backed up on 2026-12-04 and 2026-12-05
    accounts.create_user(store, p.ctx.actor, username="later", full_name="کاربر", password="password-1",
                         roles={"clerk"})
    again = auto_backup(store, tmp_path, day=date(2026, 12, 4))  # the clock set back a day
    assert again is not None and again.name == "d-2026-12-04.sqlite3"
    newest = automatic_backups(store.path, tmp_path)[0]
    assert newest == again and backup_recency(again)[0] > backup_recency(tmp_path / "backups" / "d-2026-12-05.sqlite3")[0]
    assert auto_backup(store, tmp_path, day=date(2026, 12, 4)) is None  # nothing new since
    assert auto_backup(store, tmp_path, day=date(2026, 12, 5)) is None  # the clock right again, same work


def test_a_restore_from_the_app_while_a_command_has_the_store_open_says_to_wait_for_it(
        qapp: QApplication, qtbot: Any, tmp_path: Path) -> None:
    """A scheduled `kanoon-desk backup` (or `sync`, `check`) had the store open when the admin chose
    to restore in the app: the refusal said «این پایگاه داده اکنون در برنامه باز است؛ نخست برنامه را
    ببندید», the command line's words, to the admin in the very app it named. It now says another
    program holds the file and to restore again once it has ended; then the same restore works."""
    import subprocess
    import sys

    from PySide6.QtCore import QSettings

    from kanoon_desk.ui.app import Shell

    store, admin = make_desk(tmp_path / "d.sqlite3")
    backup = auto_backup(store, tmp_path, day=date(2026, 12, 5))
    assert backup is not None
    command = subprocess.Popen(  # another program reading the store (as `kanoon-desk check` does), until told
        [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
         "c.execute('SELECT count(*) FROM events').fetchone(); print('open', flush=True); sys.stdin.read()",
         str(store.path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert command.stdout is not None and command.stdout.readline().strip() == "open"
        with language(qapp, "fa"):
            shell = Shell(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                          synchronous_tasks=True)
            assert shell.start()
            shell.open_main(admin)
            assert not shell.restore_from(backup)
            said = shell.restore_box.text() if shell.restore_box is not None else ""
            assert "بازگردانده نشد" in said and "برنامه دیگری" in said and "دوباره بازگردانید" in said, said
            assert "نخست برنامه را ببندید" not in said, said
            assert not (tmp_path / "d.sqlite3.before-restore").exists()
            shell.restore_box.close()  # type: ignore[union-attr]
            command.communicate("", timeout=30)  # the command ends
            shell.open_main(admin)  # (logged in again)
            assert shell.restore_from(backup)
            assert shell.restore_box is not None and "بازگردانده شد" in shell.restore_box.text()
            shell.restore_box.close()
            shell.login_window.close()  # type: ignore[union-attr]
            shell.store.close()
    finally:
        if command.poll() is None:
            command.kill()
            command.wait(10)


def test_a_restore_from_the_app_stops_the_sync_round_under_way_and_restores(
        qapp: QApplication, qtbot: Any, tmp_path: Path, live: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The desk's background round was sending its work over a slow link when the admin restored a
    backup: the app waited two minutes for it (frozen), went on while the round still had the store
    open, and refused: «برنامه دیگری پرونده داده این میز را باز نگه داشته است». The round is now
    stopped at its next request, as «توقف» stops it (nothing lost), and the backup is restored."""
    import functools
    import threading
    import time

    import httpx
    from PySide6.QtCore import QSettings

    from kanoon_desk.services import accounts
    from kanoon_desk.services import secretariat as sec
    from kanoon_desk.sync import client
    from kanoon_desk.sync.progress import PUSH
    from kanoon_desk.ui import sync_page
    from kanoon_desk.ui.app import Shell
    from tests.secretariat_helpers import case_input
    from tests.sync.helpers import PASSWORD, bootstrap_admin, enrol

    class SlowLink(httpx.BaseTransport):  # a rural office's link: every request takes its time
        def __init__(self) -> None:
            self.inner = httpx.HTTPTransport()

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            time.sleep(0.5)
            return self.inner.handle_request(request)

        def close(self) -> None:
            self.inner.close()

    store = enrol(live, tmp_path / "d.sqlite3", "13")
    bootstrap_admin(store)
    admin = accounts.login(store, "admin", PASSWORD)
    backup = auto_backup(store, tmp_path, day=date(2026, 12, 5))
    assert backup is not None
    for n in range(150):  # a day's work waiting to go up, one event a batch: minutes on this link
        sec.intake(store, admin, case_input(n))
    monkeypatch.setattr(sync_page, "sync_once", functools.partial(client.sync_once, transport=SlowLink(), batch_size=1))
    pushing = threading.Event()
    with language(qapp, "fa"):
        shell = Shell(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        assert shell.start()
        shell.open_main(admin)
        window = shell.main_window
        assert window is not None
        runner = window.sync_status.runner
        runner.progress.connect(lambda step: pushing.set() if step.stage == PUSH and step.done else None)
        assert runner.sync_now()
        qtbot.waitUntil(pushing.is_set, timeout=30_000)
        assert shell.restore_from(backup)
        assert shell.restore_box is not None and "بازگردانده شد" in shell.restore_box.text(), shell.restore_box.text()
        shell.restore_box.close()
        shell.login_window.close()  # type: ignore[union-attr]
        shell.store.close()
