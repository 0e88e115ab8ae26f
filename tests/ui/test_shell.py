"""The shell: log-in, first-run set-up, the right-to-left main window, English, the crash dialog."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from kanoon_desk import persian
from kanoon_desk.services import accounts
from kanoon_desk.store import Store
from kanoon_desk.ui.app import Shell, auto_backup, make_excepthook, smoke
from kanoon_desk.ui.login import LoginWindow
from kanoon_desk.ui.main_window import MainWindow
from kanoon_desk.ui.setup import SetupDialog
from kanoon_desk.ui.widgets import today

from ..factories import PASSWORD, make_desk
from .shell_support import ROOT, compile_english, language, make_ctx

BAD_LOGIN = "نام کاربری یا گذرواژه درست نیست."


def test_bad_password_shows_persian_error_at_the_field(fa: QApplication, qtbot: Any,
                                                       desk: tuple[Store, Any]) -> None:
    store, _ = desk
    window = LoginWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.username, "admin")
    qtbot.keyClicks(window.password, "not-the-password")
    with qtbot.assertNotEmitted(window.logged_in):
        qtbot.keyClick(window.password, Qt.Key.Key_Return)
    assert window.error_text("password") == BAD_LOGIN
    assert window.form.error_label("password").isVisible()
    assert window.error_text("username") == ""
    # nothing typed is lost
    assert window.username.text() == "admin" and window.password.text() == "not-the-password"
    # the window shows the office and the desk's date in Jalali with Persian digits
    assert window.office_label.text() == "دفتر مدیریت عملکرد استانداری"
    assert window.date_label.text() == persian.format_jalali_long(today())


def test_good_login_opens_the_right_to_left_main_window(fa: QApplication, qtbot: Any, tmp_path: Path,
                                                        desk: tuple[Store, Any]) -> None:
    store, _ = desk
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    admin_id = accounts.login(store, "admin", PASSWORD).user_id
    stale = f"drafts/{admin_id}/case-c1-یادداشت"  # a case's action typed long ago (no day stamp)
    settings.setValue(stale, '{"text": "قدیمی"}')
    shell = Shell(store, settings, synchronous_tasks=True)
    shell.show_login()
    login = shell.login_window
    assert isinstance(login, LoginWindow)
    qtbot.keyClicks(login.username, "admin")
    qtbot.keyClick(login.username, Qt.Key.Key_Return)  # Enter on the user name moves on
    assert login.password.hasFocus() or shell.main_window is None
    qtbot.keyClicks(login.password, PASSWORD)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    main = shell.main_window
    assert isinstance(main, MainWindow)
    qtbot.addWidget(main)
    assert main.isVisible() and main.isRightToLeft()
    assert settings.value(stale) is None  # dropped at log-in
    assert main.date_label.text() == persian.format_jalali_long(today())
    assert any(ch in main.date_label.text() for ch in "۰۱۲۳۴۵۶۷۸۹")
    assert main.user_label.text() == "مدیر سامانه"
    assert main.sync_label.text() == "تنها، بدون کارگزار"
    # the side bar stands on the right of the page stack
    sidebar_x = main.sidebar.mapTo(main, main.sidebar.rect().topLeft()).x()
    stack_x = main.stack.mapTo(main, main.stack.rect().topLeft()).x()
    assert sidebar_x > stack_x
    assert main.page_keys()[0] == "home"
    from kanoon_desk.ui.password import ChangePasswordDialog
    assert main.findChild(ChangePasswordDialog) is None  # no temporary password, no prompt
    # Ctrl+2 goes to the second page
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    qtbot.keyClick(main, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert main.current_key() == main.page_keys()[1]
    # log out: the log-in window comes back, remembering the user name
    main.logout_action.trigger()
    assert isinstance(shell.login_window, LoginWindow) and shell.main_window is None
    qtbot.addWidget(shell.login_window)
    assert shell.login_window.username.text() == "admin"


def test_first_run_setup_dialog_creates_the_desk(fa: QApplication, qtbot: Any, tmp_path: Path,
                                                 type_persian: Any) -> None:
    store = Store(tmp_path / "new.sqlite3")
    try:
        assert not store.is_initialised
        dialog = SetupDialog(store)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.office_code, "13/x")
        type_persian(dialog.office_name, "دفتر مدیریت عملکرد، بازرسی و امور حقوقی")
        qtbot.keyClicks(dialog.username, "boss")
        type_persian(dialog.full_name, "مریم رضایی")
        qtbot.keyClicks(dialog.password, "long-enough-1")
        qtbot.keyClicks(dialog.password2, "long-enough-2")
        dialog.submit()
        assert dialog.form.error_of("password2") == "دو گذرواژه یکسان نیستند؛ دوباره بنویسید."
        dialog.password2.setText("long-enough-1")
        dialog.submit()
        assert dialog.form.error_of("office_code") == "کد دفتر ۱ تا ۸ رقم یا حرف لاتین باشد."
        assert dialog.office_name.text() == "دفتر مدیریت عملکرد، بازرسی و امور حقوقی"  # kept
        assert not store.is_initialised
        dialog.office_code.setText("13")
        dialog.submit()
        assert dialog.result() == SetupDialog.DialogCode.Accepted
        assert store.is_initialised and store.identity.office_code == "13"
        actor = accounts.login(store, "boss", "long-enough-1")
        assert actor.full_name == "مریم رضایی" and actor.has("admin")
        office = accounts.get_office(store)
        assert office is not None and office.name == "دفتر مدیریت عملکرد، بازرسی و امور حقوقی"
    finally:
        store.close()


def test_english_is_left_to_right_and_translated(qapp: QApplication, qtbot: Any, tmp_path: Path,
                                                 desk: tuple[Store, Any]) -> None:
    store, admin = desk
    qm_dir = compile_english(tmp_path)
    with language(qapp, "en", qm_dir):
        assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
        window = MainWindow(make_ctx(store, admin, tmp_path))
        qtbot.addWidget(window)
        window.show()
        assert not window.isRightToLeft()
        assert window.sidebar.item(0).text() == "Home"
        assert window.sync_label.text() == "Standalone, no server"
        # the day in the status bar in English words and Latin digits ("Sunday 15 Azar 1405")
        from kanoon_desk.ui.widgets import long_date, text_digits, today
        assert long_date(date(2026, 12, 6)) == "Sunday 15 Azar 1405"
        assert window.date_label.text() == long_date(today())
        assert text_digits("۱۴۰۵/۰۹/۱۵") == "1405/09/15"  # a Jalali date in a table reads Latin too
        assert QCoreApplication.translate("Errors", BAD_LOGIN) == "Wrong user name or password."
        login = LoginWindow(store)
        qtbot.addWidget(login)
        login.password.setText("wrong")
        login.username.setText("admin")
        login.try_login()
        assert login.error_text("password") == "Wrong user name or password."
    assert qapp.translate("Errors", BAD_LOGIN) == BAD_LOGIN  # back to Persian source text


def test_unexpected_error_shows_a_persian_dialog_and_writes_a_report(fa: QApplication, qtbot: Any,
                                                                     tmp_path: Path) -> None:
    hook = make_excepthook(tmp_path)
    try:
        raise ZeroDivisionError("boom in a slot")
    except ZeroDivisionError:
        hook(*sys.exc_info())  # type: ignore[arg-type]
    reports = list((tmp_path / "crash-reports").glob("crash-*.txt"))
    assert len(reports) == 1
    assert "ZeroDivisionError: boom in a slot" in reports[0].read_text(encoding="utf-8")
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.objectName() == "crash-dialog" and w.isVisible()]
    assert len(boxes) == 1
    box = boxes[0]
    assert str(reports[0]) in box.text()
    assert "چه کنید" in box.text() and "خطای پیش‌بینی‌نشده" in box.windowTitle()
    box.close()


def test_a_full_disk_is_said_as_such_not_as_an_unexpected_error(fa: QApplication, qtbot: Any, tmp_path: Path,
                                                                desk: tuple[Store, Any]) -> None:
    """The disk under the store filled up while a clerk worked: SQLite refused the write («database
    or disk is full») and the crash dialog said «خطای پیش‌بینی‌نشده … do the last thing again», which
    fails the same way. Now it says the disk is full, that the work in hand was not recorded and
    the rest is safe, and to make room first."""
    store, admin = desk
    with store.write_engine.connect() as conn:  # the file may not grow: as a full disk answers
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        conn.exec_driver_sql(f"PRAGMA max_page_count = {int(pages or 0)}")
    hook = make_excepthook(tmp_path)
    users_before = len(accounts.list_users(store, admin))
    made = 0
    with pytest.raises(Exception) as raised:
        for i in range(500):  # until a write needs a page more
            accounts.create_user(store, admin, username=f"user{i}", full_name="کاربر " * 40,
                                 password="password-1", roles={"clerk"})
            made += 1
    assert "database or disk is full" in str(raised.value)
    hook(raised.type, raised.value, raised.tb)
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.objectName() == "crash-dialog" and w.isVisible()]
    assert len(boxes) == 1
    box = boxes[0]
    assert box.windowTitle() == "دیسک پر است"
    assert "پر شده است؛ کاری که در دست داشتید ثبت نشد" in box.text() and "جا باز کنید" in box.text()
    assert "خطای پیش‌بینی‌نشده" not in box.text()
    assert list((tmp_path / "crash-reports").glob("crash-*.txt"))[0].name in box.text()
    box.close()
    assert len(accounts.list_users(store, admin)) == users_before + made  # what was recorded stays


def test_automatic_backup_is_daily_and_keeps_the_last_seven(desk: tuple[Store, Any], tmp_path: Path) -> None:
    store, _ = desk
    made = [auto_backup(store, tmp_path, day=date(2026, 11, d)) for d in range(1, 11)]
    assert all(p is not None for p in made)
    assert auto_backup(store, tmp_path, day=date(2026, 11, 10)) is None  # at most once a day
    kept = sorted(p.name for p in (tmp_path / "backups").glob("*.sqlite3"))
    assert kept == [f"d-2026-11-{d:02d}.sqlite3" for d in range(4, 11)]
    copy = Store(tmp_path / "backups" / kept[-1])
    try:
        assert copy.is_initialised and accounts.get_office(copy) is not None
    finally:
        copy.close()


def test_backups_named_while_the_clock_ran_a_year_ahead_do_not_push_out_the_new_ones(
        desk: tuple[Store, Any], tmp_path: Path) -> None:
    """The computer's clock ran a year ahead for a week (a dead battery, a wrong sync), then was
    set right. The automatic backups are named by the day and the last seven kept by name: the
    seven named a year ahead sorted as the newest, so each new backup was deleted as soon as it
    was written — for a year the desk had none of its recent work — and a store that did not open
    was offered the «newest» backup, a week-old one. Now they are ranked by how much of the
    store's history they hold (the clock cannot fake that); the one just written is always kept."""
    from kanoon_desk.ui.app import automatic_backups

    store, admin = desk
    for d in range(1, 8):  # a week with the clock a year ahead
        accounts.create_user(store, admin, username=f"ahead{d}", full_name="کاربر", password="password-1",
                             roles={"clerk"})
        auto_backup(store, tmp_path, day=date(2027, 12, d))
    for d in range(8, 11):  # the clock set right: three more days of work
        accounts.create_user(store, admin, username=f"right{d}", full_name="کاربر", password="password-1",
                             roles={"clerk"})
        made = auto_backup(store, tmp_path, day=date(2026, 12, d))
        assert made is not None and made.exists()
    kept = sorted(p.name for p in (tmp_path / "backups").glob("*.sqlite3"))
    assert len(kept) == 7 and {f"d-2026-12-{d:02d}.sqlite3" for d in (8, 9, 10)} <= set(kept)
    assert [p.name for p in automatic_backups(store.path, tmp_path)[:3]] == [
        "d-2026-12-10.sqlite3", "d-2026-12-09.sqlite3", "d-2026-12-08.sqlite3"]


def test_smoke_renders_the_login_window(fa: QApplication, capsys: pytest.CaptureFixture[str]) -> None:
    assert smoke() == 0
    assert "kanoon-desk smoke: login window rendered" in capsys.readouterr().out


def test_run_app_shows_login_logs_and_backs_up_at_close(qapp: QApplication, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import logging

    from PySide6.QtCore import QTimer

    from kanoon_desk.ui.app import run_app

    store, _ = make_desk(tmp_path / "desk.sqlite3")
    store.close()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_app installs its own; undo after
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # QSettings stays in tmp
    seen: list[str] = []

    def close_login() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, LoginWindow) and w.isVisible():
                seen.append(w.office_label.text())
                w.close()  # last window closed: the event loop ends

    QTimer.singleShot(200, close_login)
    before = set(logging.getLogger().handlers)
    try:
        with language(qapp, "fa"):
            assert run_app(tmp_path / "desk.sqlite3", "fa") == 0
    finally:
        for handler in set(logging.getLogger().handlers) - before:
            logging.getLogger().removeHandler(handler)
            handler.close()
    assert seen == ["دفتر مدیریت عملکرد استانداری"]
    assert len(list((tmp_path / "backups").glob("desk-*.sqlite3"))) == 1
    assert "starting with store" in (tmp_path / "kanoon-desk.log").read_text(encoding="utf-8")


def test_a_store_that_does_not_open_is_restored_from_the_newest_healthy_backup(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The data file is damaged: the dialog offers the newest automatic backup that passes the
    check (a damaged newer one is passed over), the damaged file is kept beside it, and the app
    goes on to log in."""
    import logging

    from PySide6.QtCore import QTimer

    from kanoon_desk.ui.app import run_app

    path = tmp_path / "desk.sqlite3"
    store, _ = make_desk(path)
    good = auto_backup(store, tmp_path, day=date(2026, 12, 4))
    store.close()
    assert good is not None
    (tmp_path / "backups" / "desk-2026-12-05.sqlite3").write_bytes(b"half a backup " * 100)  # newer, broken
    path.write_bytes(b"this is not a database " * 200)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    said: list[str] = []
    titles: list[str] = []

    def answer() -> None:
        for w in QApplication.topLevelWidgets():
            if not w.isVisible():
                continue
            if isinstance(w, QMessageBox) and w.objectName() == "store-failed":
                said.append(w.text())
                w.restore_button.click()  # type: ignore[attr-defined]
            elif isinstance(w, QMessageBox) and w.objectName() == "store-restored":
                said.append(w.text())
                titles.append(w.windowTitle())
                w.done(0)
            elif isinstance(w, LoginWindow):
                said.append("login")
                w.close()
                return
        QTimer.singleShot(100, answer)

    QTimer.singleShot(100, answer)
    before = set(logging.getLogger().handlers)
    try:
        with language(qapp, "fa"):
            assert run_app(path, "fa") == 0
    finally:
        for handler in set(logging.getLogger().handlers) - before:
            logging.getLogger().removeHandler(handler)
            handler.close()
    assert len(said) == 3 and "بازگرداندن آخرین پشتیبان سالم" in said[0] and said[2] == "login"
    assert "desk-2026-12-04.sqlite3" in said[1] and "before-restore" in said[1]
    assert titles == ["بازگرداندن پشتیبان"]  # titled: an untitled box showed the program's id, "KanoonDesk"
    assert (tmp_path / "desk.sqlite3.before-restore").read_bytes().startswith(b"this is not a database")
    restored = Store(path)
    try:
        assert accounts.get_office(restored) is not None
    finally:
        restored.close()


def test_a_temporary_password_is_changed_right_after_login(fa: QApplication, qtbot: Any, tmp_path: Path,
                                                           desk: tuple[Store, Any]) -> None:
    from kanoon_desk.ui.password import ChangePasswordDialog

    store, admin = desk
    accounts.create_user(store, admin, username="newbie", full_name="کاربر تازه", password="temporary-1",
                         roles={"clerk"})  # must_change_password by default
    shell = Shell(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                  synchronous_tasks=True)
    shell.show_login()
    login = shell.login_window
    assert isinstance(login, LoginWindow)
    login.username.setText("newbie")
    login.password.setText("temporary-1")
    login.try_login()
    main = shell.main_window
    assert isinstance(main, MainWindow)
    qtbot.addWidget(main)
    dialog = main.findChild(ChangePasswordDialog)
    assert dialog is not None and dialog.isVisible()
    # the status bar shows work in progress while a background task runs
    main.ctx.tasks.busy.emit(True)
    assert main.busy_label.isVisible()
    main.ctx.tasks.busy.emit(False)
    assert not main.busy_label.isVisible()


def test_run_app_explains_a_data_file_it_cannot_open(qapp: QApplication, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import logging

    from PySide6.QtCore import QTimer

    from kanoon_desk.ui.app import run_app

    bad = tmp_path / "desk.sqlite3"
    bad.write_bytes(b"this is not a database " * 200)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    shown: list[str] = []

    def close_box() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.objectName() == "store-failed" and w.isVisible():
                shown.append(w.text())
                w.done(0)

    QTimer.singleShot(200, close_box)
    before = set(logging.getLogger().handlers)
    try:
        with language(qapp, "fa"):
            assert run_app(bad, "fa") == 2
    finally:
        for handler in set(logging.getLogger().handlers) - before:
            logging.getLogger().removeHandler(handler)
            handler.close()
    assert len(shown) == 1 and str(bad) in shown[0] and "چه کنید" in shown[0]
    assert list((tmp_path / "crash-reports").glob("crash-*.txt"))
    assert bad.read_bytes().startswith(b"this is not a database")  # the file is left as it was


def test_work_still_running_when_the_window_closes_does_not_report_to_it(
        fa: QApplication, qtbot: Any, tmp_path: Path, desk: tuple[Store, Any], caplog: pytest.LogCaptureFixture) -> None:
    import threading

    from kanoon_desk.ui.tasks import TaskRunner

    store, admin = desk
    from .shell_support import make_ctx

    ctx = make_ctx(store, admin, tmp_path)
    ctx.tasks = TaskRunner()  # a real thread pool, as in the app
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    release, reported = threading.Event(), []
    ctx.tasks.run(lambda: release.wait(10) and "done", on_done=reported.append)
    ctx.tasks.run(lambda: release.wait(10) and 1 / 0, on_done=reported.append, on_error=reported.append)
    window.close()  # log-out or quit while both are still running
    assert ctx.tasks.closed and not window.sync_status.runner.timer.isActive()
    release.set()
    assert ctx.tasks.wait(10000)
    qtbot.wait(50)  # the results' queued signals are delivered
    assert reported == []  # nothing reached the closed window
    assert "failed after its window closed" in caplog.text  # the failure is in the log, not lost


def test_no_page_names_its_own_controls_in_persian_in_english(qapp: QApplication, qtbot: Any, tmp_path: Path,
                                                               desk: tuple[Store, Any]) -> None:
    """Every page of the side bar, as the admin (who sees them all) in English: what the program
    itself writes on its controls (push and radio buttons, group titles, placeholders, column
    headings, window and menu titles) has no Persian letter; only the data may (names, subjects)."""
    import re

    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QGroupBox,
        QLineEdit,
        QMenu,
        QPushButton,
        QRadioButton,
        QWidget,
    )

    store, admin = desk
    persian_letter = re.compile("[\u0600-\u06ff]")
    leaks: list[str] = []

    def look(key: str, root: QWidget) -> None:
        for w in [root, *root.findChildren(QWidget)]:
            texts = [w.windowTitle()] if w.isWindow() else []
            if isinstance(w, QPushButton | QRadioButton):
                texts.append(w.text())
            if isinstance(w, QGroupBox):
                texts.append(w.title())
            if isinstance(w, QLineEdit):
                texts.append(w.placeholderText())
            if isinstance(w, QMenu):
                texts += [w.title(), *(a.text() for a in w.actions())]
            if isinstance(w, QAbstractItemView) and w.model() is not None:
                model = w.model()
                try:
                    columns = model.columnCount(QModelIndex())
                except TypeError:
                    columns = 1
                texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
            leaks.extend(f"{key}: {type(w).__name__}#{w.objectName()}: {t!r}" for t in texts if persian_letter.search(t))

    with language(qapp, "en", compile_english(tmp_path)):
        window = MainWindow(make_ctx(store, admin, tmp_path))
        qtbot.addWidget(window)
        window.show()
        look("window", window)
        for spec in window.pages:
            look(spec.key, window.show_page(spec.key))
    assert not leaks, "\n".join(leaks)


def test_a_store_of_a_newer_version_is_said_so_and_no_older_backup_is_offered_over_it(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A desk went back to an older version of the program after a newer one had migrated its
    store. The store was said to be damaged and an older automatic backup offered in its place
    (the work done since would be lost): now the dialog says a newer version wrote it, offers no
    restore, and the file is left as it was."""
    import logging
    import sqlite3

    from PySide6.QtCore import QTimer

    from kanoon_desk import __version__
    from kanoon_desk.ui.app import run_app

    path = tmp_path / "desk.sqlite3"
    store, _ = make_desk(path)
    assert auto_backup(store, tmp_path, day=date(2026, 12, 4)) is not None  # made before the upgrade
    store.close()
    with sqlite3.connect(path) as conn:  # a newer version's migration on top of this one's heads
        conn.execute("INSERT INTO alembic_version VALUES ('9999_from_a_newer_version')")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    shown: list[QMessageBox] = []

    def answer() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.isVisible():
                shown.append(w)
                w.done(0)
                return
        QTimer.singleShot(100, answer)

    QTimer.singleShot(100, answer)
    before = set(logging.getLogger().handlers)
    try:
        with language(qapp, "fa"):
            assert run_app(path, "fa") == 2
    finally:
        for handler in set(logging.getLogger().handlers) - before:
            logging.getLogger().removeHandler(handler)
            handler.close()
    assert [b.objectName() for b in shown] == ["store-newer"]
    text = shown[0].text()
    assert "نسخه تازه‌تری از کانون دسک" in text and str(path) in text
    assert persian.to_persian_digits(__version__) in text
    assert [b.text() for b in shown[0].buttons()] == ["بستن"]  # no restore offered
    assert not list(tmp_path.glob("*.before-restore"))
    with sqlite3.connect(path) as conn:
        assert ("9999_from_a_newer_version",) in conn.execute("SELECT version_num FROM alembic_version").fetchall()


#: run_app on argv[1]; prints each message box it shows (object name, then its text) and answers it
RUN_APP_SAYS = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from kanoon_desk.ui.app import ensure_app, run_app

app = ensure_app()

def answer():
    for w in QApplication.topLevelWidgets():
        if w.isVisible():
            if isinstance(w, QMessageBox):
                print("BOX", w.objectName(), w.text().replace(chr(10), " "), flush=True)
            w.close()
            break
    QTimer.singleShot(100, answer)

QTimer.singleShot(100, answer)
print("EXIT", run_app(Path(sys.argv[1]), "fa"), flush=True)
"""


def _without_write_permission(script: str, *args: str) -> list[str]:
    """The command running `script` as a user the file permissions bind: root drops the
    capability that lets it write past them (setpriv), anyone else is bound already."""
    command = [sys.executable, "-c", script, *args]
    if os.geteuid() != 0:
        return command
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file permissions cannot be made to bind")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}", *command]


@pytest.mark.parametrize("read_only", ["file", "folder"])
def test_a_read_only_store_or_folder_is_said_at_start_not_as_a_crash_at_log_in(
        tmp_path: Path, read_only: str) -> None:
    """The store file (or its folder) was read-only. The app opened it (SQLite opens such a file
    read-only without a word), showed the log-in window, and the log-in ended in the crash dialog
    («خطای پیش‌بینی‌نشده»); with the folder read-only it did not start at all (a traceback on a
    console no one sees). Now a dialog says the file or folder cannot be written and what to do,
    and the app stops with the file unchanged."""
    folder = tmp_path / "داده‌های میز کانون"  # a Persian folder name with spaces, as Windows gives
    folder.mkdir()
    path = folder / "desk.sqlite3"
    store, _ = make_desk(path)
    store.close()
    before = path.read_bytes()
    locked = path if read_only == "file" else folder
    locked.chmod(0o444 if read_only == "file" else 0o555)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    try:
        done = subprocess.run(_without_write_permission(RUN_APP_SAYS, str(path)), cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)
    finally:
        locked.chmod(0o755 if read_only == "folder" else 0o644)
    boxes = [line for line in done.stdout.splitlines() if line.startswith("BOX")]
    assert "Traceback" not in done.stderr, done.stderr
    assert len(boxes) == 1 and boxes[0].startswith("BOX store-read-only "), done.stdout
    assert str(locked) in boxes[0] and "چه کنید" in boxes[0]
    assert ("پرونده داده این میز" if read_only == "file" else "پوشه داده این میز") in boxes[0]
    assert done.stdout.splitlines()[-1] == "EXIT 2"
    assert path.read_bytes() == before


@pytest.mark.parametrize("roles", [("admin",), ("expert",), ("manager",), ("clerk",)])
def test_every_page_opens_inside_the_window_and_the_keys_keep_working(
        fa: QApplication, qtbot: Any, tmp_path: Path, desk: tuple[Store, Any], roles: tuple[str, ...]) -> None:
    """A page's control hidden or shown before it had a parent flashed up as a window of its own
    on the page's first visit (the cartable's «رسیده به من» box, the queues' bar, «پیگیری گروهی…»),
    taking the keyboard from the main window: Ctrl+4 or Ctrl+F right after Ctrl+3 did nothing."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    from ..factories import make_user

    store, admin = desk
    actor = admin if roles == ("admin",) else make_user(store, admin, "u_" + roles[0], *roles)
    main = MainWindow(make_ctx(store, actor, tmp_path))
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    windows: list[str] = []

    class Watch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow() \
                    and obj is not main:
                windows.append(f"{type(obj).__name__}#{obj.objectName()}")
            return False

    watch = Watch()
    fa.installEventFilter(watch)
    try:
        for index, key in enumerate(main.page_keys()):
            main.select_page(index)
            QApplication.processEvents()
            assert not windows, f"{key}: {windows}"
            assert QApplication.activeWindow() is main, key
    finally:
        fa.removeEventFilter(watch)
    keys = main.page_keys()
    if "secretariat-cartable" in keys and "secretariat-search" in keys:
        main.select_page(0)
        QApplication.processEvents()
        qtbot.keyClick(main, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        assert main.current_key() == keys[2]
        qtbot.keyClick(main, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert QApplication.focusWidget() is getattr(main.page_widget(keys[2]), "search_box", None)


def test_a_log_in_window_left_open_past_midnight_shows_the_new_day(fa: QApplication, qtbot: Any,
                                                                   desk: tuple[Store, Any]) -> None:
    """A clerk logs out in the evening and leaves the app open: the next morning the log-in window
    still said yesterday. It moves at midnight in Tehran (checked every minute)."""
    from datetime import UTC, datetime

    from kanoon_desk.models import acting_at

    store, _ = desk
    with acting_at(datetime(2026, 3, 20, 15, 0, tzinfo=UTC)):  # 18:30 on 29 Esfand 1404 in Tehran
        window = LoginWindow(store)
        qtbot.addWidget(window)
        assert window.date_label.text() == "جمعه ۲۹ اسفند ۱۴۰۴"
    with acting_at(datetime(2026, 3, 20, 21, 0, tzinfo=UTC)):  # 00:30 on Nowruz 1405
        window.today.check()  # what its minute timer does
        assert window.date_label.text() == "شنبه ۱ فروردین ۱۴۰۵"
