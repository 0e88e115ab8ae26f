"""The first-run dialog's way to a central server, driven as a person would: type the address and
the code, see refusals at their field with everything typed kept, make the office's first admin,
pick up a first sync that was cut off."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kanoon_desk.services import accounts
from kanoon_desk.store import Store
from kanoon_desk.sync import client, state
from kanoon_desk.sync import errors as sync_errors
from kanoon_desk.sync.report import SyncReport
from kanoon_desk.ui.setup import SetupDialog, first_run_stage
from kanoon_desk.ui.tasks import TaskRunner
from tests.sync.helpers import PASSWORD, LiveServer, bootstrap_admin, enrol

from .shell_support import language


@pytest.fixture
def fa(qapp: QApplication) -> Iterator[QApplication]:
    with language(qapp, "fa"):
        yield qapp


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "desk.sqlite3")
    yield opened
    opened.close()


def _dialog(qtbot: Any, store: Store) -> SetupDialog:
    dialog = SetupDialog(store, tasks=TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_join_a_new_office_then_make_its_first_admin(fa: QApplication, qtbot: Any, live: LiveServer,
                                                      store: Store, tmp_path: Path, type_persian: Any) -> None:
    dialog = _dialog(qtbot, store)
    dialog.tabs.setCurrentIndex(1)
    assert dialog.ok_button.text() == "ثبت دستگاه و دریافت داده‌ها"
    qtbot.keyClicks(dialog.server_url, "kanoon-server")
    qtbot.keyClicks(dialog.enrol_code, "WRONG-CODE-0000")
    qtbot.keyClick(dialog.enrol_code, Qt.Key.Key_Return)  # Enter submits
    assert dialog.join_form.error_of("server_url").startswith("نشانی کارگزار را کامل بنویسید")
    assert not store.is_initialised
    dialog.server_url.setText(live.url)
    dialog.submit()
    assert dialog.join_form.error_of("code") == "این کد ثبت دستگاه شناخته نشد؛ آن را دوباره و با دقت بنویسید."
    assert dialog.server_url.text() == live.url and dialog.enrol_code.text() == "WRONG-CODE-0000"  # kept
    assert not store.is_initialised
    dialog.enrol_code.setText(live.code("31"))
    dialog.submit()
    # office 31 is new on the server: no user can log in yet, so the dialog asks for its first admin
    assert dialog.stage == "first_admin" and store.identity.office_code == "31"
    assert "دفتر ۳۱، دستگاه ۱" in dialog.admin_intro.text()
    assert dialog.admin_office_name.isVisible()  # the office has no record yet
    assert dialog.ok_button.text() == "ساختن مدیر"
    type_persian(dialog.admin_office_name, "مرکز فرهنگی شماره ۳۱")
    qtbot.keyClicks(dialog.admin_username, "boss")
    type_persian(dialog.admin_full_name, "مریم رضایی")
    qtbot.keyClicks(dialog.admin_password, PASSWORD)
    qtbot.keyClicks(dialog.admin_password2, PASSWORD + "x")
    dialog.submit()
    assert dialog.admin_form.error_of("password2") == "دو گذرواژه یکسان نیستند؛ دوباره بنویسید."
    dialog.admin_password2.setText(PASSWORD)
    dialog.submit()
    assert dialog.result() == SetupDialog.DialogCode.Accepted and dialog.created is not None
    assert first_run_stage(store) == "ready"
    assert accounts.login(store, "boss", PASSWORD).has("admin")
    assert client.sync_once(store).ok  # the admin goes up like any event

    # the office's second desk: its users come down with the first sync, nothing more to ask
    second = Store(tmp_path / "second.sqlite3")
    try:
        two = _dialog(qtbot, second)
        two.tabs.setCurrentIndex(1)
        two.server_url.setText(live.url)
        two.enrol_code.setText(live.code("31"))
        two.submit()
        assert two.result() == SetupDialog.DialogCode.Accepted and two.created is None
        assert accounts.login(second, "boss", PASSWORD).full_name == "مریم رضایی"
    finally:
        second.close()


def test_a_server_that_does_not_answer_is_said_at_the_address(fa: QApplication, qtbot: Any, store: Store) -> None:
    dialog = _dialog(qtbot, store)
    dialog.tabs.setCurrentIndex(1)
    dialog.server_url.setText("http://127.0.0.1:9")
    dialog.enrol_code.setText("ABCD-EFGH-JKMN-PQRS")
    dialog.submit()
    assert dialog.join_form.error_of("server_url") == sync_errors.MSG_NO_SERVER
    assert dialog.enrol_code.text() == "ABCD-EFGH-JKMN-PQRS" and not store.is_initialised
    assert dialog.isVisible() and not dialog.busy


def test_a_first_sync_cut_off_is_picked_up_again(fa: QApplication, qtbot: Any, live: LiveServer, store: Store,
                                                 tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    office = enrol(live, tmp_path / "office.sqlite3", "13")
    bootstrap_admin(office)
    assert client.sync_once(office).ok
    office.close()

    real_snapshot = client.SyncClient.snapshot

    def cut(self: client.SyncClient, report: SyncReport) -> None:
        raise sync_errors.Offline(sync_errors.MSG_OFFLINE, "connection cut during the snapshot")

    monkeypatch.setattr(client.SyncClient, "snapshot", cut)
    dialog = _dialog(qtbot, store)
    dialog.tabs.setCurrentIndex(1)
    dialog.server_url.setText(live.url)
    dialog.enrol_code.setText(live.code("13"))
    dialog.submit()
    assert dialog.stage == "first_sync" and store.is_initialised and not state.first_sync_done(store)
    text = dialog.sync_message.text()
    # the office and device it got, and why the data did not come (not "work goes on": it cannot yet)
    assert "دفتر ۱۳، دستگاه ۲" in text and sync_errors.MSG_NO_SERVER in text and sync_errors.MSG_OFFLINE not in text
    assert dialog.ok_button.text() == "دریافت دوباره"
    # the app started again later opens on the same stage
    assert first_run_stage(store) == "first_sync"
    monkeypatch.setattr(client.SyncClient, "snapshot", real_snapshot)
    dialog.submit()
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    assert accounts.login(store, "admin", PASSWORD).has("admin")


def test_a_desk_enrolled_from_the_command_line_asks_for_its_first_admin(fa: QApplication, qtbot: Any,
                                                                       live: LiveServer, tmp_path: Path) -> None:
    desk = enrol(live, tmp_path / "cli.sqlite3", "44")  # `kanoon-desk enroll` on an office new on the server
    try:
        assert first_run_stage(desk) == "first_admin"
        dialog = _dialog(qtbot, desk)
        assert dialog.stage == "first_admin" and dialog.admin_office_name.isVisible()
        dialog.grab().save(str(tmp_path / "first-admin.png"))
    finally:
        desk.close()
