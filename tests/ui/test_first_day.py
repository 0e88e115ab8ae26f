"""The office admin's first day, driven from the keyboard: the first-run set-up, the log-in, a
temporary password changed, the users page's dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from kanoon_desk.eventlog import Actor
from kanoon_desk.store import Store
from kanoon_desk.ui.admin.users import PasswordDialog, UserDialog, UsersPage
from kanoon_desk.ui.setup import SetupDialog

from ..factories import make_desk, make_user
from .shell_support import language, make_ctx


@pytest.fixture
def fa(qapp: QApplication) -> Iterator[QApplication]:
    with language(qapp, "fa"):
        yield qapp


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[tuple[Store, Actor]]:
    store, admin = make_desk(tmp_path / "d.sqlite3")
    yield store, admin
    store.close()


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
