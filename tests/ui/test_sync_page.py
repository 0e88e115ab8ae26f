"""The sync page and the conflict inbox against a live server: sync now, see history, resolve."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QPushButton

from kanoon_desk.services import conflicts
from kanoon_desk.store import Store
from kanoon_desk.sync import client, state
from kanoon_desk.ui.conflict_inbox import ConflictInbox
from kanoon_desk.ui.context import ChangeBus, UiContext
from kanoon_desk.ui.fonts import load_fonts
from kanoon_desk.ui.sync_page import BackgroundSync, SyncPage, pages
from kanoon_desk.ui.tasks import TaskRunner
from tests.sync.helpers import LiveServer, add_user, bootstrap_admin, enrol


@pytest.fixture(autouse=True)
def _locale() -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


def test_sync_page_and_conflict_inbox(qtbot: Any, live: LiveServer, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
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
    # each fact reads as a person would: what, who, the fields by their Persian names
    fact = inbox.fact_boxes[0].toPlainText()
    assert "ساخت کاربر" in fact and "نام کاربری" in fact and "کارمند دبیرخانه" in fact  # the role by name
    assert "مدیر سامانه" in fact  # who made it (the desk's admin), not a user id
    assert "password" not in fact and "user.created" not in fact and "roles" not in fact
    # which desk is which: this one, and the other by the end of its device id
    devices = sorted(box.toPlainText() for box in inbox.fact_boxes)
    assert "همین دستگاه" in devices[1] and "دستگاهی دیگر" not in devices[1]
    assert f"دستگاهی دیگر ({a2.identity.device_id[-4:]})" in devices[0] and "همین دستگاه" not in devices[0]
    inbox.grab().save("/tmp/conflict_inbox.png")
    button = inbox.findChild(QPushButton, "resolve-keep_first")
    assert button is not None
    monkeypatch.setattr(inbox, "ask_resolve", lambda _choice, _explained: True)  # (asked: see below)
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
    assert state.pending_count(a1) == 0


def test_the_main_window_syncs_in_the_background_and_says_so_in_the_status_bar(
        qtbot: Any, live: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kanoon_desk.ui import sync_page
    from kanoon_desk.ui.main_window import MainWindow

    from .shell_support import make_ctx

    QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    monkeypatch.setattr(sync_page, "STARTUP_DELAY_MS", 10)
    a1 = enrol(live, tmp_path / "a1.sqlite3", "13")
    a2 = enrol(live, tmp_path / "a2.sqlite3", "13")
    admin = bootstrap_admin(a1)  # one event waiting to go up
    ctx = make_ctx(a1, admin, tmp_path)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    # the real sync page and the conflict inbox are in the side bar (not a placeholder)
    assert window.page_keys()[-2:] == ["sync", "conflicts"]
    status = window.sync_status
    assert window.sync_label is status.label and "در انتظار فرستادن: ۱" in status.label.text()
    # a round runs shortly after log-in, by itself
    qtbot.waitUntil(lambda: status.runner.last_report is not None, timeout=10000)
    assert status.runner.last_report.ok and state.pending_count(a1) == 0
    assert status.label.text().startswith("برخط") and "در انتظار" not in status.label.text()
    assert status.runner.timer.isActive()  # and again every few minutes
    # work done meanwhile shows as waiting at once (the change bus)
    add_user(a1, admin, "ali")
    ctx.bus.changed.emit("accounts")
    assert "در انتظار فرستادن: ۱" in status.label.text()
    # "sync now" on the sync page goes through the same runner, and the page hears the result
    window.show_page("sync")
    page = window.stack.currentWidget()
    assert isinstance(page, SyncPage)
    page.sync_button.click()
    assert "همگام‌سازی انجام شد" in page.message.text() and state.pending_count(a1) == 0
    # a conflict met by a round is counted in the status bar
    add_user(a2, bootstrap_admin(a2, "admin2"), "ali")
    assert client.sync_once(a2).ok
    assert status.runner.sync_now()
    assert "ناسازگاری: ۱" in status.label.text()
    status.runner.timer.stop()
    a2.close()


def test_the_status_bar_says_when_this_computers_clock_is_off(qtbot: Any, live: LiveServer, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A clock more than five minutes off the server's is in the status bar (with how to mend it
    in the tooltip) until a round finds it right again, not only in a round's message."""
    from kanoon_desk.server import exchange
    from kanoon_desk.ui import sync_page

    from .shell_support import make_ctx

    QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    monkeypatch.setattr(sync_page, "STARTUP_DELAY_MS", 10_000_000)  # rounds only when asked
    a1 = enrol(live, tmp_path / "a1.sqlite3", "13")
    admin = bootstrap_admin(a1)
    status = sync_page.SyncStatusWidget(make_ctx(a1, admin, tmp_path))
    qtbot.addWidget(status)
    assert "ساعت" not in status.label.text()
    real = exchange.now_ms
    monkeypatch.setattr(exchange, "now_ms", lambda: real() - 12 * 60_000)  # this desk is 12 minutes ahead
    assert status.runner.sync_now() and status.runner.last_report.ok
    assert status.label.text().startswith("برخط")
    assert "ساعت رایانه ۱۲ دقیقه با کارگزار فرق دارد" in status.label.text()
    assert "۱۲ دقیقه" in status.label.toolTip() and "ساعت را درست کنید" in status.label.toolTip()
    status.grab().save(str(tmp_path / "status-skew.png"))
    # the next desk session reads it from the store too
    again = sync_page.SyncStatusWidget(make_ctx(a1, admin, tmp_path))
    qtbot.addWidget(again)
    assert "ساعت رایانه ۱۲ دقیقه" in again.label.text()
    monkeypatch.setattr(exchange, "now_ms", real)  # the clock was set right
    assert status.runner.sync_now()
    assert "ساعت" not in status.label.text() and "ساعت" not in status.label.toolTip()
    status.runner.timer.stop()
    again.runner.timer.stop()


def test_a_desk_without_a_server_runs_no_background_sync(qapp: Any, qtbot: Any, tmp_path: Path) -> None:
    """A desk that never joined a server runs no round and says it works alone: «تنها، بدون
    کارگزار», not «آفلاین», which is an enrolled desk whose server is out of reach."""
    from kanoon_desk.ui.main_window import MainWindow
    from kanoon_desk.ui.sync_page import SyncStatusWidget

    from ..factories import make_desk
    from .shell_support import compile_english, language, make_ctx

    store, admin = make_desk(tmp_path / "alone.sqlite3")
    try:
        window = MainWindow(make_ctx(store, admin, tmp_path))
        qtbot.addWidget(window)
        assert window.sync_label.text() == "تنها، بدون کارگزار"
        assert not window.sync_status.runner.timer.isActive() and not window.sync_status.runner.sync_now()
        with language(qapp, "en", compile_english(tmp_path)):
            status = SyncStatusWidget(make_ctx(store, admin, tmp_path))
            qtbot.addWidget(status)
            assert status.label.text() == "Standalone, no server"
    finally:
        store.close()


def test_a_desk_that_worked_alone_joins_from_the_sync_page(qtbot: Any, live: LiveServer, tmp_path: Path) -> None:
    from kanoon_desk.ui.main_window import MainWindow

    from ..factories import make_desk, make_user
    from .shell_support import make_ctx

    QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    store, admin = make_desk(tmp_path / "alone.sqlite3")
    try:
        clerk = make_user(store, admin, "clerk1", "clerk")
        clerk_page = SyncPage(make_ctx(store, clerk, tmp_path))
        qtbot.addWidget(clerk_page)
        assert clerk_page.join_box.isHidden() and "مدیر سامانه می‌تواند" in clerk_page.status_label.text()
        window = MainWindow(make_ctx(store, admin, tmp_path))
        qtbot.addWidget(window)
        window.show()
        window.show_page("sync")
        page = window.stack.currentWidget()
        assert isinstance(page, SyncPage) and page.join_box.isVisible() and not page.sync_button.isEnabled()
        page.join_form.server_url.setText(live.url)
        qtbot.keyClicks(page.join_form.enrol_code, "WRONG-CODE-0000")
        page.join_button.click()
        assert page.join_form.error_of("code") == "این کد ثبت دستگاه شناخته نشد؛ آن را دوباره و با دقت بنویسید."
        assert page.join_form.server_url.text() == live.url  # kept
        page.join_form.enrol_code.setText(live.code("13"))
        page.join_button.click()
        # its history went up; the page is now the sync page of an enrolled desk
        assert "همگام‌سازی انجام شد" in page.message.text() and state.pending_count(store) == 0
        assert page.join_box.isHidden() and page.sync_button.isEnabled()
        assert window.sync_label.text().startswith("برخط")
        assert window.sync_status.runner.timer.isActive()
        window.sync_status.runner.timer.stop()
    finally:
        store.close()


def test_inbox_explains_each_resolution_refuses_at_the_choice_and_does_what_it_says(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One copy lent at two centres: the inbox offers the kind's three choices, each with what it
    does; a choice is asked first, by its name and what it does, «No» by default, and «No» records
    nothing; "fixed by hand" while both loans are open is refused in Persian, and "the second is
    right" closes the first loan (the copy follows the second)."""
    from PySide6.QtWidgets import QLabel, QMessageBox

    from kanoon_desk.models.library import Loan
    from kanoon_desk.services import circulation
    from kanoon_desk.services import library as lib
    from tests.library_helpers import TODAY
    from tests.sync.test_conflict_resolutions import exchange, two_centres

    load_fonts()
    QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    circulation.checkout(a, admin_a, L.child.member_no, "B0001", today=TODAY)
    circulation.checkout(b, admin_b, L.adult.member_no, "B0001", today=TODAY)
    exchange(a, b)
    ctx = UiContext(store=a, actor=admin_a, bus=ChangeBus(), tasks=TaskRunner(synchronous=True))
    inbox = ConflictInbox(ctx)
    qtbot.addWidget(inbox)
    inbox.resize(1100, 620)
    inbox.show()
    assert inbox.list.count() == 1
    view = conflicts.list_conflicts(a, admin_a)[0]
    for code in ("keep_first", "keep_second", "fixed_manually"):
        button = inbox.findChild(QPushButton, f"resolve-{code}")
        label = inbox.findChild(QLabel, f"explain-{code}")
        assert button is not None and label is not None and button.isVisible()
        assert label.text() == conflicts.explanation("copy.double_loan", code)
    assert "باطل" in inbox.findChild(QLabel, "explain-keep_second").text()  # type: ignore[union-attr]
    assert inbox.findChild(QPushButton, "resolve-keep_both") is None  # not a choice for this kind
    # each loan's centre by its name, as the office row above it (not a bare code)
    texts = [box.toPlainText() for box in inbox.fact_boxes]
    counts = sorted((t.count("مرکز فرهنگی هنری شماره ۱ (۱۳)"), t.count("مرکز فرهنگی هنری شماره ۲ (۱۴)"))
                    for t in texts)
    assert counts == [(0, 2), (2, 0)], texts  # the office row, then the loan's centre row
    inbox.grab().save("/tmp/conflict_inbox_double_loan.png")
    asked: list[tuple[str, Any]] = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent: Any, _title: str, text: str, _buttons: Any, default: Any) -> Any:
        asked.append((text, default))
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    inbox.findChild(QPushButton, "resolve-keep_second").click()  # type: ignore[union-attr]
    assert conflicts.open_count(a) == 1 and inbox.list.count() == 1 and inbox.message.text() == ""
    assert len(asked) == 1 and asked[0][1] == QMessageBox.StandardButton.No
    assert "«رویداد دوم درست است»" in asked[0][0] and conflicts.explanation("copy.double_loan", "keep_second") in \
        asked[0][0] and "پس گرفته نمی‌شود" in asked[0][0]
    answer[0] = QMessageBox.StandardButton.Yes
    inbox.findChild(QPushButton, "resolve-fixed_manually").click()  # type: ignore[union-attr]
    assert inbox.message.text() == conflicts.MSG_BOTH_LOANS_OPEN
    assert conflicts.open_count(a) == 1 and inbox.list.count() == 1
    inbox.findChild(QPushButton, "resolve-keep_second").click()  # type: ignore[union-attr]
    assert conflicts.open_count(a) == 0 and inbox.list.count() == 0
    with a.read() as s:
        first = s.get(Loan, view.facts[0].aggregate_id)
        assert first is not None and first.returned_at is not None
    assert lib.get_copy(a, "B0001").current_loan_id == view.facts[1].aggregate_id


def test_refusals_are_said_in_persian_and_the_status_bar_says_why_a_round_stopped(
        qtbot: Any, live: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A refused event shows its kind and the server's reason in Persian; a round with refusals is
    "done, N refused", not just "successful"; the status bar counts them, and tells a server out
    of reach from a refused desk or a mismatch, also after a restart."""
    from datetime import date

    from kanoon_desk.eventlog import Actor
    from kanoon_desk.server.auth import revoke
    from kanoon_desk.services import accounts
    from kanoon_desk.ui import sync_page

    from .shell_support import make_ctx

    load_fonts()
    QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    monkeypatch.setattr(sync_page, "STARTUP_DELAY_MS", 10_000_000)  # rounds only when asked
    a1 = enrol(live, tmp_path / "a1.sqlite3", "13")
    admin = bootstrap_admin(a1)
    stranger = Actor(admin.user_id, admin.username, admin.full_name, "21", admin.roles)
    accounts.set_holiday(a1, stranger, date(2026, 3, 26), "نوروز")  # another office's: refused
    ctx = make_ctx(a1, admin, tmp_path)
    status = sync_page.SyncStatusWidget(ctx)
    qtbot.addWidget(status)
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 520)
    page.sync_button.click()
    assert "۱ رویداد را کارگزار نپذیرفت" in page.message.text()
    assert page.history.display(page.history.row_at(0), 1) == "انجام شد، ۱ رویداد رد شد"
    kind, reason = (page.rejected.display(page.rejected.row_at(0), c) for c in (1, 2))
    assert kind == "تعطیل رسمی" and "بیرون از حوزه" in reason and "۲۱" in reason
    assert "رویدادهای ردشده: ۱" in page.status_label.text()
    page.tabs.setCurrentIndex(1)
    page.grab().save(str(tmp_path / "sync-refused.png"))
    assert status.label.text().startswith("برخط") and "رد شده: ۱" in status.label.text()
    assert "نپذیرفت" in status.label.toolTip()
    # the desk is revoked: not "offline", and what to do, in the tooltip
    revoke(live.db, a1.identity.device_id)
    assert status.runner.sync_now()
    assert status.label.text().startswith("دسترسی میز پذیرفته نشد"), status.label.text()
    assert "--replace-device" in status.label.toolTip()
    status.grab().save(str(tmp_path / "status-revoked.png"))
    again = sync_page.SyncStatusWidget(make_ctx(a1, admin, tmp_path))  # the app opened again
    qtbot.addWidget(again)
    assert again.label.text().startswith("دسترسی میز پذیرفته نشد") and "--replace-device" in again.label.toolTip()
    assert page.history.display(page.history.row_at(0), 1) == "ناموفق"
    # a mismatch is said as such, then a server out of reach as offline
    b = enrol(live, tmp_path / "b.sqlite3", "13")
    ctx_b = make_ctx(b, admin, tmp_path)
    status_b = sync_page.SyncStatusWidget(ctx_b)
    qtbot.addWidget(status_b)
    monkeypatch.setattr(client.SyncClient, "verify",
                        lambda self, report, server: report.mismatches.append("holiday: local 1, server 0"))
    assert status_b.runner.sync_now()
    assert status_b.label.text().startswith("ناهمخوانی با کارگزار")
    monkeypatch.undo()
    live.stop()
    assert status_b.runner.sync_now()
    assert status_b.label.text().startswith("آفلاین") and "در دسترس نیست" in status_b.label.toolTip()
    for widget in (status, again, status_b):
        widget.runner.timer.stop()


def test_a_desk_restored_from_a_backup_says_to_sync_before_new_numbers(qtbot: Any, live: LiveServer, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """After `restore`, the status bar and the home page say the desk must sync before it issues
    numbers, until a round has brought back what it did after the backup."""
    from kanoon_desk.services import ops
    from kanoon_desk.ui import sync_page

    from .shell_support import make_ctx

    QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    monkeypatch.setattr(sync_page, "STARTUP_DELAY_MS", 10_000_000)  # rounds only when asked
    a1 = enrol(live, tmp_path / "a1.sqlite3", "13")
    admin = bootstrap_admin(a1)
    a1.backup_to(tmp_path / "daily.sqlite3")
    path = a1.path
    a1.close()
    ops.restore(path, tmp_path / "daily.sqlite3")
    a1 = Store(path)
    ctx = make_ctx(a1, admin, tmp_path)
    status = sync_page.SyncStatusWidget(ctx)
    qtbot.addWidget(status)
    assert "بازگردانده از پشتیبان؛ همگام‌سازی کنید" in status.label.text()
    assert "پیش از ثبت شماره تازه" in status.label.toolTip()
    [(title, value)] = sync_page.restored_facts(ctx)
    assert title == "بازگردانی از پشتیبان" and "هنوز همگام‌سازی نشده" in value
    assert status.runner.sync_now() and status.runner.last_report.ok
    assert "بازگردانده" not in status.label.text() and sync_page.restored_facts(ctx) == []
    status.runner.timer.stop()


def test_the_sync_page_and_the_inbox_in_english_say_nothing_in_persian_of_their_own(
        qapp: Any, qtbot: Any, live: LiveServer, tmp_path: Path) -> None:
    """In English the history's description is the round's English line (it kept the Persian one,
    «همگام‌سازی انجام شد: 0 رویداد فرستاده…») and a conflict's date in the list is in Latin digits
    (it read «… — ۱۴۰۵/۰۹/۱۵ ۱۹:۲۷»); the Persian interface keeps the Persian line."""
    import re

    from .shell_support import compile_english, language, persian_digits_out_of_place, shown_texts

    a1 = enrol(live, tmp_path / "a1.sqlite3", "13")
    a2 = enrol(live, tmp_path / "a2.sqlite3", "13")
    admin = bootstrap_admin(a1)
    assert client.sync_once(a1).ok and client.sync_once(a2).ok
    add_user(a1, admin, "ali")
    add_user(a2, admin, "ali")
    assert client.sync_once(a2).ok and client.sync_once(a1).ok
    ctx = UiContext(store=a1, actor=admin, bus=ChangeBus(), tasks=TaskRunner(synchronous=True))
    with language(qapp, "en", compile_english(tmp_path)):
        page = SyncPage(ctx)
        inbox = ConflictInbox(ctx)
        for w in (page, inbox):
            qtbot.addWidget(w)
            w.resize(1100, 600)
            w.show()
        page.grab().save(str(tmp_path / "sync-en.png"))
        inbox.grab().save(str(tmp_path / "inbox-en.png"))
        descriptions = [page.history.display(page.history.row_at(r), 5) for r in range(page.history.rowCount())]
        assert descriptions and all(d.startswith("Sync done: ") for d in descriptions), descriptions
        assert not any(re.search("[\u0600-\u06ff]", d) for d in descriptions), descriptions
        assert inbox.list.count() == 1
        leaks = [f"{where}: {text[:90]!r}" for w in (page, inbox) for where, text in shown_texts(w)
                 if persian_digits_out_of_place(text)]
        assert not leaks, "\n".join(leaks)
    QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    assert page.history.display(page.history.row_at(0), 5).startswith("همگام‌سازی انجام شد: ")


def test_a_user_name_made_twice_is_explained_with_the_name_the_other_account_will_get(
        qtbot: Any, tmp_path: Path) -> None:
    """«dup» made on two desks while «dup.2» is taken: each choice says the other account becomes
    «dup.3» (it said «مانند ali.2» whatever the name), and that is the name it gets."""
    from PySide6.QtWidgets import QLabel
    from sqlalchemy import select

    from kanoon_desk.models import User
    from tests.factories import make_desk, make_user
    from tests.sync.test_conflict_resolutions import exchange

    QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    a, admin = make_desk(tmp_path / "a.sqlite3")
    make_user(a, admin, "dup.2", "clerk")
    a.backup_to(tmp_path / "b.sqlite3")
    b = Store(tmp_path / "b.sqlite3")
    make_user(a, admin, "dup", "clerk")
    make_user(b, admin, "dup", "librarian")
    exchange(a, b)
    inbox = ConflictInbox(UiContext(store=a, actor=admin, bus=ChangeBus(), tasks=TaskRunner(synchronous=True)))
    qtbot.addWidget(inbox)
    assert inbox.list.count() == 1
    for code, first in (("keep_first", "حساب رویداد نخست نامش"), ("keep_second", "حساب رویداد دوم نامش")):
        label = inbox.findChild(QLabel, f"explain-{code}")
        assert label is not None and label.text().startswith(first)
        assert "dup.3" in label.text() and "ali" not in label.text(), label.text()
    c = conflicts.list_conflicts(a, admin)[0]
    conflicts.resolve(a, admin, c.id, "keep_second")
    with a.read() as s:
        assert s.scalar(select(User.username).where(User.id == c.facts[0].aggregate_id)) == "dup.3"
    b.close()


def test_the_english_sync_page_gives_the_servers_reason_in_english_under_the_tab_it_names(
        qapp: Any, qtbot: Any, live: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In English a refused event's reason was the server's Persian sentence («دفتر 21 بیرون از
    حوزه این میز (دفتر 13) است.»), and the round's message sent the reader to «Refused events», a
    tab named «Rejected events». The reason is the server's English one, under the tab named."""
    import re
    from datetime import date

    from kanoon_desk.eventlog import Actor
    from kanoon_desk.services import accounts
    from kanoon_desk.ui import sync_page

    from .shell_support import compile_english, language, make_ctx

    monkeypatch.setattr(sync_page, "STARTUP_DELAY_MS", 10_000_000)  # rounds only when asked
    a1 = enrol(live, tmp_path / "a1.sqlite3", "13")
    admin = bootstrap_admin(a1)
    stranger = Actor(admin.user_id, admin.username, admin.full_name, "21", admin.roles)
    accounts.set_holiday(a1, stranger, date(2026, 3, 26), "Nowruz")  # another office's: refused
    with language(qapp, "en", compile_english(tmp_path)):
        page = SyncPage(make_ctx(a1, admin, tmp_path))
        qtbot.addWidget(page)
        page.sync_button.click()
        reason = page.rejected.display(page.rejected.row_at(0), 2)
        assert not re.search("[\u0600-\u06ff]", reason), reason
        assert "office 21" in reason
        named = [a or b for a, b in re.findall('"([^"]+)"|«([^»]+)»', page.message.text())]
        tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
        assert named and all(n in tabs for n in named), (page.message.text(), tabs)
    QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    page = SyncPage(make_ctx(a1, admin, tmp_path))  # the Persian interface keeps the Persian reason
    qtbot.addWidget(page)
    assert "بیرون از حوزه" in page.rejected.display(page.rejected.row_at(0), 2)


def test_a_rounds_warnings_and_why_it_stopped_are_in_the_english_history(
        qapp: Any, qtbot: Any, live: LiveServer, tmp_path: Path) -> None:
    """The English half of a round's stored line was the command line's text: «sync ok: pushed 1,
    pulled 0, rejected 0, cursor 7» with the round's warnings (a clock 12 minutes off, a server
    restored from an old backup) left out, and «sync failed: ConnectError: …» for a round that
    stopped; the English history now says them as the Persian half does, in English."""
    import re

    from kanoon_desk.sync import errors as e
    from kanoon_desk.sync.client import _log_round
    from kanoon_desk.sync.report import CLOCK_SKEW, SERVER_BEHIND, SyncReport, SyncWarning

    from .shell_support import compile_english, language

    desk = enrol(live, tmp_path / "desk.sqlite3", "13")
    admin = bootstrap_admin(desk)
    warned = SyncReport(ok=True, pushed=1, cursor=7,
                        warnings=[SyncWarning(CLOCK_SKEW, (("minutes", 12),)), SyncWarning(SERVER_BEHIND)])
    _log_round(desk, warned)
    stopped = SyncReport(ok=False, error=e.MSG_OFFLINE, error_detail="ConnectError: [Errno 111] Connection refused",
                         failure="Offline")
    _log_round(desk, stopped)
    ctx = UiContext(store=desk, actor=admin, bus=ChangeBus(), tasks=TaskRunner(synchronous=True))
    with language(qapp, "en", compile_english(tmp_path)):
        page = SyncPage(ctx)
        qtbot.addWidget(page)
        lines = [page.history.display(page.history.row_at(r), 5) for r in range(page.history.rowCount())]
    failed, done = lines[:2]  # (the newest first)
    assert done.startswith("Sync done: 1 event sent, 0 events received, 0 refused"), done
    assert "clock is about 12 minutes off the server's" in done and "restored from an older backup" in done
    assert failed.startswith("Sync did not finish: The central server cannot be reached"), failed
    assert not any(re.search("[\u0600-\u06ff]", line) for line in lines), lines
    assert "cursor" not in done


def test_the_app_closed_during_a_sync_round_stops_it_at_its_next_safe_point(
        qtbot: Any, live: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window closed while a round ran: no more rounds, but the running one went on to its end
    with no window (a first pull of thousands of events: the program still running unseen, the
    next start told the store was open). It is stopped at its next safe point: what got through
    stays, the rest goes with the next round."""
    import threading

    from kanoon_desk.ui import sync_page
    from kanoon_desk.ui.main_window import MainWindow

    from .shell_support import make_ctx

    a1 = enrol(live, tmp_path / "a1.sqlite3", "13")
    admin = bootstrap_admin(a1)
    assert client.sync_once(a1).ok
    add_user(a1, admin, "ali")
    ctx = make_ctx(a1, admin, tmp_path)
    ctx.tasks = TaskRunner()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    began, gate, reports = threading.Event(), threading.Event(), []
    real = sync_page.sync_once

    def round_held(store: Store, **kwargs: Any) -> Any:  # on the round's thread: held till the window closed
        began.set()
        gate.wait(10)
        report = real(store, **kwargs)
        reports.append(report)
        return report

    monkeypatch.setattr(sync_page, "sync_once", round_held)
    window.sync_status.runner.timer.stop()
    assert window.sync_status.runner.sync_now()
    assert began.wait(10)
    window.close()
    gate.set()
    assert ctx.tasks.wait()
    [report] = reports
    assert not report.ok and report.pushed == 0 and state.pending_count(a1) == 1  # (the new user: next round)
    assert client.sync_once(a1).ok and state.pending_count(a1) == 0
    a1.close()
