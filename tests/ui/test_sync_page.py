"""The sync page and the conflict inbox against a live server: sync now, see history, resolve."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QPushButton

from kanoon_desk.services import conflicts
from kanoon_desk.sync import client
from kanoon_desk.ui.context import ChangeBus, UiContext
from kanoon_desk.ui.fonts import load_fonts
from kanoon_desk.ui.sync_page import BackgroundSync, ConflictInbox, SyncPage, pages
from kanoon_desk.ui.tasks import TaskRunner
from tests.sync.helpers import LiveServer, add_user, bootstrap_admin, enrol


@pytest.fixture(autouse=True)
def _locale() -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.fixture
def live(tmp_path: Path) -> Iterator[LiveServer]:
    server = LiveServer(str(tmp_path / "srv.sqlite3"), attachments_dir=tmp_path / "att")
    yield server
    server.stop()


def test_sync_page_and_conflict_inbox(qtbot: Any, live: LiveServer, tmp_path: Path) -> None:
    load_fonts()
    QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    a1 = enrol(live, tmp_path / "a1.sqlite3", "13")
    a2 = enrol(live, tmp_path / "a2.sqlite3", "13")
    admin = bootstrap_admin(a1)
    assert client.sync_once(a1).ok and client.sync_once(a2).ok
    add_user(a1, admin, "ali")
    add_user(a2, admin, "ali")
    assert client.sync_once(a2).ok
    ctx = UiContext(store=a1, actor=admin, bus=ChangeBus(), tasks=TaskRunner(synchronous=True))
    assert [p.key for p in pages(ctx)] == ["sync", "conflicts"]
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.resize(900, 500)
    assert "۱" in page.status_label.text()  # one pending event (the new user)
    page.sync_button.click()
    assert "همگام‌سازی انجام شد" in page.message.text()
    assert page.history.total == 3  # the first sync at enrolment, one more, and this one
    assert "۰" in page.status_label.text()
    page.grab().save("/tmp/sync_page.png")
    inbox = ConflictInbox(ctx)
    qtbot.addWidget(inbox)
    inbox.resize(1000, 500)
    assert inbox.list.count() == 1
    assert "ali" in inbox.fact_boxes[0].toPlainText() and "ali" in inbox.fact_boxes[1].toPlainText()
    inbox.grab().save("/tmp/conflict_inbox.png")
    button = inbox.findChild(QPushButton, "resolve-keep_first")
    assert button is not None
    button.click()
    assert conflicts.open_count(a1) == 0
    assert inbox.list.count() == 0
    assert client.sync_once(a1).ok and client.sync_once(a2).ok
    assert conflicts.open_count(a2) == 0


def test_background_sync_runs_off_the_gui_thread(qtbot: Any, live: LiveServer, tmp_path: Path) -> None:
    a1 = enrol(live, tmp_path / "a1.sqlite3", "13")
    admin = bootstrap_admin(a1)
    ctx = UiContext(store=a1, actor=admin, bus=ChangeBus(), tasks=TaskRunner())
    bg = BackgroundSync(ctx, minutes=0.001)
    with qtbot.waitSignal(bg.finished, timeout=10000) as got:
        bg.start()
    assert got.args[0].ok and got.args[0].pushed == 1
    bg.timer.stop()
    ctx.tasks.wait()
    assert client.pending_count(a1) == 0
