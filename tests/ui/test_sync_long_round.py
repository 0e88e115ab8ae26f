"""A long round on the sync page: it says what it is doing, on the page and in the status bar, in
Persian digits; «توقف» stops it at the next safe point and says what got through; the rounds of
every few minutes go on after; the files a round moved are said with the events."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QLocale

from kanoon_desk.services import secretariat as sec
from kanoon_desk.sync import client, state
from kanoon_desk.ui import sync_page
from kanoon_desk.ui.context import ChangeBus, UiContext
from kanoon_desk.ui.sync_page import SyncPage, SyncStatusWidget
from kanoon_desk.ui.tasks import TaskRunner
from tests.secretariat_helpers import case_input
from tests.sync.helpers import LiveServer, add_user, bootstrap_admin, enrol

from .shell_support import visible


@pytest.fixture(autouse=True)
def _persian() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    yield
    QLocale.setDefault(before)


class HeldPush(httpx.BaseTransport):
    """Real HTTP; the first push waits until the test lets it go (a long send on a slow link)."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.reached, self.release = threading.Event(), threading.Event()
        self.paths: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        if request.url.path.endswith("/push") and not self.reached.is_set():
            self.reached.set()
            self.release.wait(10)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def test_a_long_round_says_how_far_it_is_and_stop_stops_it_where_nothing_is_lost(
        qtbot: Any, live: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """«همگام‌سازی اکنون» stayed greyed out through a round that could take a quarter of an hour,
    which said nothing of how far it was and could not be stopped."""
    monkeypatch.setattr(sync_page, "STARTUP_DELAY_MS", 600_000)  # no round of its own meanwhile
    store = enrol(live, tmp_path / "a1.sqlite3", "13")
    admin = bootstrap_admin(store)
    add_user(store, admin, "ali")  # two events waiting
    link = HeldPush()
    monkeypatch.setattr(sync_page, "sync_once", lambda s, **kw: client.sync_once(s, transport=link, **kw))
    ctx = UiContext(store=store, actor=admin, bus=ChangeBus(), tasks=TaskRunner())
    bar = SyncStatusWidget(ctx)
    qtbot.addWidget(bar)
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    assert page.stop_button.isHidden()
    page.sync_button.click()
    qtbot.waitUntil(link.reached.is_set, timeout=5000)
    assert not page.sync_button.isEnabled() and not page.stop_button.isHidden() and page.stop_button.isEnabled()
    assert page.stop_button.text() == "توقف"
    qtbot.waitUntil(lambda: "فرستادن رویدادها ۰ از ۲" in page.message.text(), timeout=5000)
    assert bar.label.text() == "در حال همگام‌سازی: فرستادن رویدادها ۰ از ۲"
    page.stop_button.click()
    assert not page.stop_button.isEnabled()
    link.release.set()  # the push in flight ends and is booked; the round stops before the pull
    qtbot.waitUntil(lambda: bar.runner.last_report is not None, timeout=10000)
    report = bar.runner.last_report
    assert report is not None and report.failure == "Stopped" and report.pushed == 2
    assert not any(path.endswith("/pull") for path in link.paths)
    assert state.pending_count(store) == 0
    said = page.message.text()
    assert said.startswith("همگام‌سازی متوقف شد.")
    assert "پیش از توقف، ۲ رویداد فرستاده و ۰ رویداد دریافت شد" in said
    assert page.stop_button.isHidden() and page.sync_button.isEnabled()
    assert bar.label.text().startswith("همگام‌سازی متوقف شد")
    # the rounds of every few minutes go on, and finish
    assert bar.runner.timer.isActive()
    with qtbot.waitSignal(bar.runner.finished, timeout=10000) as got:
        bar.runner.timer.timeout.emit()
    assert got.args[0].ok
    assert bar.label.text().startswith("برخط")
    bar.runner.timer.stop()
    ctx.tasks.wait()


def test_a_round_that_sent_a_scan_says_so_with_its_size_as_it_goes_and_after(
        qtbot: Any, live: LiveServer, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    store = enrol(live, tmp_path / "a" / "desk.sqlite3", "13")
    admin = bootstrap_admin(store)
    receipt = sec.intake(store, admin, case_input())
    scan = tmp_path / "نامه.pdf"
    data = b"%PDF-1.4\n" + hashlib.sha256(b"seed").digest() * 100_000 + b"\n%%EOF\n"  # 3 MB
    scan.write_bytes(data)
    sec.add_attachment(store, admin, receipt.case_id, scan)
    ctx = UiContext(store=store, actor=admin, bus=ChangeBus(), tasks=TaskRunner(synchronous=True))
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    steps: list[Any] = []
    page.progress.connect(steps.append)
    page.sync_button.click()
    told = [visible(sync_page.progress_text(step)) for step in steps]
    assert "فرستادن پیوست نامه.pdf: ۰٪ از ۳ مگابایت" in told
    assert "فرستادن پیوست نامه.pdf: ۱۰۰٪ از ۳ مگابایت" in told
    assert any(t.startswith("فرستادن پیوست نامه.pdf: ") and "۰٪" not in t and "۱۰۰٪" not in t for t in told)
    assert "همگام‌سازی انجام شد" in page.message.text()
    assert "۱ پیوست فرستاده شد (۳ مگابایت)." in page.message.text()
    # the history's line of the round, too
    assert "۱ پیوست فرستاده (۳ مگابایت)" in page.history.data(page.history.index(0, 5))
