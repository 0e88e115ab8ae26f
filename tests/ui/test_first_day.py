"""The office admin's first day, driven from the keyboard: the first-run set-up, the log-in, a
temporary password changed, the users page's dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QWidget

from kanoon_desk.eventlog import Actor
from kanoon_desk.services import accounts
from kanoon_desk.store import Store
from kanoon_desk.ui.admin.office import OfficePage
from kanoon_desk.ui.admin.users import PasswordDialog, UserDialog, UsersPage
from kanoon_desk.ui.app import Shell
from kanoon_desk.ui.login import LoginWindow
from kanoon_desk.ui.main_window import MainWindow
from kanoon_desk.ui.password import ChangePasswordDialog
from kanoon_desk.ui.setup import SetupDialog

from ..factories import make_user
from .shell_support import compile_english, language, make_ctx


def _opened(qtbot: Any, before: set[QWidget]) -> QDialog:
    """The dialog a page's button opened (with `open()`, as a click does), once it is shown."""
    qtbot.waitUntil(lambda: any(isinstance(w, QDialog) and w.isVisible() and w not in before
                                for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, QDialog) and w.isVisible() and w not in before)
    qtbot.addWidget(dialog)
    QApplication.processEvents()
    return dialog


def _tab_walk(qtbot: Any, steps: int) -> list[str]:
    """The object names (or the texts of nameless buttons) the cursor goes through with Tab."""
    seen = []
    for _ in range(steps):
        w = QApplication.focusWidget()
        assert w is not None
        seen.append(w.objectName() or w.text())
        qtbot.keyClick(w, Qt.Key.Key_Tab)
    return seen


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Store]:
    store = Store(tmp_path / "new.sqlite3")
    yield store
    store.close()


def test_setup_takes_an_office_code_typed_in_persian_digits(fa: QApplication, qtbot: Any, fresh: Store,
                                                             type_persian: Any) -> None:
    """A Persian keyboard's number row types «۱۳»: that is the office 13, as the centres page and
    `server enroll --office` read it, not "1 to 8 digits or Latin letters"."""
    dialog = SetupDialog(fresh)
    qtbot.addWidget(dialog)
    dialog.show()
    type_persian(dialog.office_code, "۱۳")
    type_persian(dialog.office_name, "دفتر مدیریت عملکرد")
    qtbot.keyClicks(dialog.username, "boss")
    type_persian(dialog.full_name, "مریم رضایی")
    qtbot.keyClicks(dialog.password, "long-enough-1")
    qtbot.keyClicks(dialog.password2, "long-enough-1")
    dialog.submit()
    assert dialog.form.error_of("office_code") == ""
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    assert fresh.is_initialised and fresh.identity.office_code == "13"


def test_users_dialogs_open_with_the_cursor_in_the_first_field(fa: QApplication, qtbot: Any, tmp_path: Path,
                                                                desk: tuple[Store, Actor]) -> None:
    """«کاربر تازه» opened with the cursor on «ثبت» and Tab went to the buttons first: the admin typed
    a user name into nothing. Now typing starts in the first field, and Tab walks the fields in the
    order they stand, then «ثبت», then «انصراف»."""
    store, admin = desk
    make_user(store, admin, "clerk7", "clerk")
    page = UsersPage(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(page)
    page.show()
    before = set(QApplication.topLevelWidgets())
    page.new_button.click()
    dialog = _opened(qtbot, before)
    assert isinstance(dialog, UserDialog)
    assert QApplication.focusWidget() is dialog.username
    assert _tab_walk(qtbot, 12) == ["username", "full_name", "password", "password2", "role-clerk",
                                    "role-expert", "role-manager", "role-librarian", "role-admin",
                                    "ثبت", "انصراف", "username"]
    dialog.reject()

    page.select_username("clerk7")
    before = set(QApplication.topLevelWidgets())
    page.edit_button.click()
    dialog = _opened(qtbot, before)
    assert isinstance(dialog, UserDialog)
    assert QApplication.focusWidget() is dialog.full_name  # the user name stays
    dialog.reject()

    before = set(QApplication.topLevelWidgets())
    page.password_button.click()
    dialog = _opened(qtbot, before)
    assert isinstance(dialog, PasswordDialog)
    assert QApplication.focusWidget() is dialog.password
    assert _tab_walk(qtbot, 4) == ["password", "password2", "ثبت", "انصراف"]
    dialog.reject()


def _log_in(qtbot: Any, shell: Shell, username: str, password: str) -> MainWindow:
    login = shell.login_window
    assert isinstance(login, LoginWindow)
    qtbot.addWidget(login)
    login.username.setText(username)
    login.password.setText(password)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    main = shell.main_window
    assert isinstance(main, MainWindow)
    qtbot.addWidget(main)
    return main


def test_a_temporary_password_cannot_be_waved_away(fa: QApplication, qtbot: Any, tmp_path: Path,
                                                   desk: tuple[Store, Actor]) -> None:
    """After logging in with the temporary password an admin set, Esc (or «انصراف») closed the
    change-password dialog and the clerk worked on with a password the admin knows, and could
    "change" it to the same one. Now the dialog says why it is there, closing it logs out, and the
    same password again is refused at the new password's field."""
    store, admin = desk
    accounts.create_user(store, admin, username="newbie", full_name="کاربر تازه", password="temporary-1",
                         roles={"clerk"})  # must change it at the first log-in
    shell = Shell(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), synchronous_tasks=True)
    shell.show_login()
    main = _log_in(qtbot, shell, "newbie", "temporary-1")
    dialog = main.findChild(ChangePasswordDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.notice.isVisible() and "موقت" in dialog.notice.text()
    assert dialog.cancel_button.text() == "خروج از حساب"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert shell.main_window is None and isinstance(shell.login_window, LoginWindow)  # logged out

    main = _log_in(qtbot, shell, "newbie", "temporary-1")
    dialog = main.findChild(ChangePasswordDialog)
    assert dialog is not None and dialog.isVisible()
    for edit in (dialog.old, dialog.new, dialog.new2):
        qtbot.keyClicks(edit, "temporary-1")
    qtbot.keyClick(dialog.new2, Qt.Key.Key_Return)
    assert dialog.form.error_of("password") == "گذرواژه تازه همان گذرواژه کنونی است؛ گذرواژه دیگری برگزینید."
    assert dialog.isVisible() and shell.main_window is main
    dialog.new.setText("my-own-pass-9")
    dialog.new2.setText("my-own-pass-9")
    qtbot.keyClick(dialog.new2, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted and not dialog.isVisible()
    assert shell.main_window is main  # the session goes on
    assert accounts.login(store, "newbie", "my-own-pass-9").username == "newbie"


def test_the_menus_change_password_is_still_cancelled_freely(fa: QApplication, qtbot: Any, tmp_path: Path,
                                                              desk: tuple[Store, Actor]) -> None:
    store, admin = desk
    clerk = make_user(store, admin, "clerk2", "clerk")
    main = MainWindow(make_ctx(store, clerk, tmp_path))
    qtbot.addWidget(main)
    left: list[bool] = []
    main.logout_requested.connect(lambda: left.append(True))
    main.password_action.trigger()
    dialog = main.findChild(ChangePasswordDialog)
    assert dialog is not None and not dialog.notice.isVisible()
    assert dialog.cancel_button.text() == "انصراف"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and left == []


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_setup_dialog_shows_its_check_box_whole(qapp: QApplication, qtbot: Any, tmp_path: Path, fresh: Store,
                                                lang: str) -> None:
    """The check box «این دفتر خودش یک مرکز فرهنگی هنری است (کتابخانه دارد و امانت می‌دهد)» was cut
    at the dialog's edge (in English: "…(it has a library and len"): the dialog kept its fixed
    width below what its rows need."""
    with language(qapp, lang, compile_english(tmp_path) if lang == "en" else None):
        dialog = SetupDialog(fresh)
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        boxes = [b for b in dialog.findChildren(QCheckBox) if b.isVisible()]
        assert boxes
        for box in boxes:
            assert box.width() >= box.sizeHint().width(), box.text()


def test_making_the_office_a_centre_is_asked_first(fa: QApplication, qtbot: Any, tmp_path: Path,
                                                  desk: tuple[Store, Actor], type_persian: Any,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """«مشخصات دفتر»: the check box «این دفتر خودش یک مرکز فرهنگی هنری است» ticked by mistake and
    «ذخیره» turned the office into a centre for good, without a word. Now it is asked first, «No»
    by default; «No» saves nothing and keeps what was typed."""
    store, admin = desk
    page = OfficePage(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(page)
    page.show()
    answers = [False]
    asked: list[bool] = []

    def ask() -> bool:
        asked.append(True)
        return answers[-1]

    monkeypatch.setattr(page, "ask_make_centre", ask)
    page.city.clear()
    type_persian(page.city, "کرج")
    page.is_centre.setChecked(True)
    page.save_button.click()
    assert asked == [True]
    office = accounts.get_office(store)
    assert office is not None and office.kind == "office" and office.city == ""
    assert page.city.text() == "کرج" and page.is_centre.isChecked() and page.is_centre.isEnabled()
    assert "چیزی ذخیره نشد" in page.message.text()

    page.is_centre.setChecked(False)  # the details alone: nothing to ask
    page.save_button.click()
    office = accounts.get_office(store)
    assert asked == [True] and office is not None and office.kind == "office" and office.city == "کرج"

    answers.append(True)
    page.is_centre.setChecked(True)
    page.save_button.click()
    office = accounts.get_office(store)
    assert asked == [True, True] and office is not None and office.kind == "centre"
    assert not page.is_centre.isEnabled()
