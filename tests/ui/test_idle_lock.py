"""The idle lock: a session left alone for the office's minutes is covered and asks for the same
user's password (or another user's log-in, which ends the first session); nothing typed is lost
and background sync goes on."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from kanoon_desk.errors import PermissionDenied, ValidationError
from kanoon_desk.models import AuditEntry
from kanoon_desk.services import accounts
from kanoon_desk.store import Store
from kanoon_desk.ui.app import Shell
from kanoon_desk.ui.idle_lock import Cover, LockWindow
from kanoon_desk.ui.main_window import MainWindow
from kanoon_desk.ui.password import ChangePasswordDialog

from ..factories import PASSWORD, make_user
from .shell_support import make_ctx


def _session(store: Store, tmp_path: Path, username: str) -> tuple[Shell, MainWindow]:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    shell = Shell(store, settings, synchronous_tasks=True)
    shell.open_main(accounts.login(store, username, PASSWORD))
    window = shell.main_window
    assert isinstance(window, MainWindow)
    return shell, window


def _idle(window: MainWindow, seconds: float) -> None:
    window.idle_lock.last_input -= seconds
    window.idle_lock.check()


def _close(shell: Shell) -> None:
    for w in (shell.main_window, shell.login_window):
        if w is not None:
            w.close()
            w.deleteLater()


def test_the_idle_minutes_are_the_admins_to_set(desk: tuple[Store, Any], tmp_path: Path) -> None:
    store, admin = desk
    clerk = make_user(store, admin, "clerk1", "clerk")
    assert accounts.idle_lock_minutes(store) == accounts.IDLE_LOCK_DEFAULT == 10
    with pytest.raises(PermissionDenied):
        accounts.set_idle_lock_minutes(store, clerk, 0)
    with pytest.raises(ValidationError) as err:
        accounts.set_idle_lock_minutes(store, admin, 241)
    assert err.value.field == "idle_lock"
    assert accounts.set_idle_lock_minutes(store, admin, "۲۵") == 25  # (a Persian keyboard's digits)
    store.close()
    assert accounts.idle_lock_minutes(Store(tmp_path / "d.sqlite3")) == 25


def test_a_session_left_alone_is_covered_and_the_same_password_opens_it_as_it_was(
        fa: QApplication, qtbot: Any, desk: tuple[Store, Any], tmp_path: Path) -> None:
    store, admin = desk
    make_user(store, admin, "clerk1", "clerk")
    shell, window = _session(store, tmp_path, "clerk1")
    try:
        intake = window.show_page("secretariat-intake")
        subject = intake.subject  # type: ignore[attr-defined]
        subject.setFocus()
        qtbot.keyClicks(subject, "0012345679 half typed")
        window.sync_status.runner.timer.start()  # (the background sync's rounds)
        _idle(window, 9 * 60 + 50)
        assert not window.idle_lock.is_locked  # ten minutes by default
        _idle(window, 15)
        lock = window.idle_lock.lock_window
        assert isinstance(lock, LockWindow) and lock.isVisible()
        covers = window.findChildren(Cover)
        assert len(covers) == 1 and covers[0].isVisible() and covers[0].geometry() == window.rect()
        assert not window.isEnabled()  # the pages, menus and their keys take nothing
        assert window.sync_status.runner.timer.isActive()  # sync goes on under the lock
        assert lock.username.text() == "clerk1"
        qtbot.keyClicks(lock.password, "not-it")
        lock.try_unlock()
        assert window.idle_lock.is_locked and lock.error_text("password") == accounts.MSG_BAD_LOGIN
        lock.password.setText(PASSWORD)
        lock.try_unlock()
        assert not window.idle_lock.is_locked and window.isEnabled()
        assert not [c for c in window.findChildren(Cover) if c.isVisible()]
        assert subject.text() == "0012345679 half typed"
        assert QApplication.focusWidget() is subject or not window.isActiveWindow()
        with store.read() as s:
            actions = [a for (a,) in s.execute(select(AuditEntry.action).where(
                AuditEntry.username == "clerk1").order_by(AuditEntry.seq))]
        assert actions[-3:] == ["session.locked", "login.failed", "login.ok"]
    finally:
        _close(shell)


def test_a_dialog_open_when_the_desk_locks_is_covered_and_kept(
        fa: QApplication, qtbot: Any, desk: tuple[Store, Any], tmp_path: Path) -> None:
    store, admin = desk
    make_user(store, admin, "clerk1", "clerk")
    shell, window = _session(store, tmp_path, "clerk1")
    try:
        window.change_password()
        dialog = window.findChild(ChangePasswordDialog)
        assert dialog is not None and dialog.isVisible()
        field = dialog.findChildren(QLineEdit)[0]
        field.setText("typed in the dialog")
        window.lock_action.trigger()  # Ctrl+L: the clerk steps away and locks at once
        assert window.idle_lock.is_locked
        assert any(c.parent() is dialog and c.isVisible() for c in dialog.findChildren(Cover))
        assert not dialog.isEnabled()
        lock = window.idle_lock.lock_window
        assert lock is not None
        lock.password.setText(PASSWORD)
        lock.try_unlock()
        assert dialog.isVisible() and dialog.isEnabled() and field.text() == "typed in the dialog"
    finally:
        _close(shell)


def test_another_user_at_the_lock_screen_ends_the_first_session_keeping_its_typing(
        fa: QApplication, qtbot: Any, desk: tuple[Store, Any], tmp_path: Path) -> None:
    store, admin = desk
    clerk = make_user(store, admin, "clerk1", "clerk")
    shell, window = _session(store, tmp_path, "clerk1")
    try:
        intake = window.show_page("secretariat-intake")
        intake.subject.setText("شکایت نیمه‌کاره")  # type: ignore[attr-defined]
        _idle(window, 11 * 60)
        lock = window.idle_lock.lock_window
        assert lock is not None
        lock.username.setText("admin")
        lock.password.setText(PASSWORD)
        lock.try_unlock()
        new = shell.main_window
        assert isinstance(new, MainWindow) and new is not window and new.ctx.actor.username == "admin"
        assert not new.idle_lock.is_locked and new.isEnabled()
        qtbot.waitUntil(lambda: not window.isVisible())
        draft = shell.settings.value(f"drafts/{clerk.user_id}/secretariat-intake")
        assert draft is not None and "شکایت نیمه‌کاره" in str(draft)  # kept for the clerk's next log-in
    finally:
        _close(shell)


def test_no_lock_when_the_admin_turned_it_off(fa: QApplication, qtbot: Any, desk: tuple[Store, Any],
                                              tmp_path: Path) -> None:
    store, admin = desk
    shell, window = _session(store, tmp_path, "admin")
    try:
        page = window.show_page("admin-office")
        window.resize(1280, 800)
        window.show()
        QApplication.processEvents()
        # a few minutes' box beside its label, not across the page with its arrows at the far edge
        assert page.idle_minutes.width() <= page.width() // 4  # type: ignore[attr-defined]
        page.idle_minutes.setValue(0)  # type: ignore[attr-defined]
        page.save_idle_lock()  # type: ignore[attr-defined]
        assert accounts.idle_lock_minutes(store) == 0
        _idle(window, 24 * 3600)
        assert not window.idle_lock.is_locked
        page.idle_minutes.setValue(3)  # type: ignore[attr-defined]
        page.save_idle_lock()  # type: ignore[attr-defined]
        _idle(window, 3 * 60)
        assert window.idle_lock.is_locked
    finally:
        _close(shell)


def test_the_lock_window_as_a_person_sees_it(fa: QApplication, qtbot: Any, desk: tuple[Store, Any],
                                             tmp_path: Path) -> None:
    store, admin = desk
    make_user(store, admin, "clerk1", "clerk")
    ctx = make_ctx(store, accounts.login(store, "clerk1", PASSWORD), tmp_path)
    lock = LockWindow(ctx)
    qtbot.addWidget(lock)
    lock.show()
    lock.password.setText("wrong")
    lock.try_unlock()
    assert lock.error_text("password") == accounts.MSG_BAD_LOGIN
    assert lock.password.text() == "wrong"  # (selected, to type over; not thrown away)
    lock.grab().save(str(tmp_path / "lock.png"))


def test_the_idle_watch_steps_aside_after_the_first_key_until_its_next_look(
        fa: QApplication, qtbot: Any, desk: tuple[Store, Any], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The watch on the keyboard and mouse was an app-wide filter called for every event of the
    app (a paint, a timer, each key), which doubles the cost of dispatching them. It now notes the
    first input after each look at the idle time and steps aside until the next look, and a
    session worked in is still never locked."""
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    from kanoon_desk.ui.idle_lock import IdleLock

    seen: list[int] = []
    watched = IdleLock.eventFilter

    def counted(self: IdleLock, obj: Any, event: QEvent) -> bool:
        seen.append(int(event.type().value))
        return watched(self, obj, event)

    monkeypatch.setattr(IdleLock, "eventFilter", counted)
    store, _ = desk
    shell, window = _session(store, tmp_path, "admin")
    try:
        window.show()
        box = QLineEdit(window)

        def keys(n: int) -> None:
            for _ in range(n):
                QCoreApplication.sendEvent(box, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a"))

        lock = window.idle_lock
        lock.check()
        keys(1)
        seen.clear()
        keys(200)
        assert seen == []  # stepped aside: no Python call for the next events
        lock.last_input -= 9 * 60  # nine minutes of the ten without a key noted…
        lock.check()  # …a look, then a key: noted again
        keys(1)
        assert lock.idle_seconds() < 5 and len(seen) >= 1
        lock.check()
        assert not lock.is_locked
    finally:
        _close(shell)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the sleep is played on Linux's CLOCK_BOOTTIME")
def test_a_session_left_open_with_the_laptops_lid_shut_is_locked_when_it_wakes(
        fa: QApplication, qtbot: Any, desk: tuple[Store, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The idle time was counted on `time.monotonic`, which stands still while a laptop sleeps: a
    session left open with the lid shut over lunch (three hours) had been idle for no time at all
    when the lid was opened, and stayed open to whoever opened it. A sleep counts as idle."""
    store, admin = desk
    make_user(store, admin, "clerk1", "clerk")
    shell, window = _session(store, tmp_path, "clerk1")
    try:
        window.idle_lock.check()
        assert not window.idle_lock.is_locked
        real = time.clock_gettime
        monkeypatch.setattr(time, "clock_gettime",  # three hours asleep: the boot clock ran on, monotonic did not
                            lambda which: real(which) + (3 * 3600 if which == time.CLOCK_BOOTTIME else 0))
        window.idle_lock.check()  # the first check after the wake
        assert window.idle_lock.is_locked
    finally:
        _close(shell)
