"""The sync page's history on a small screen: a round's details (its warnings run to several
sentences) are read whole in the list, on as many lines as they need, in Persian and in English."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QStyle

from kanoon_desk.ids import new_id
from kanoon_desk.models.sync import SyncLog
from kanoon_desk.store import Store
from kanoon_desk.sync.report import CLOCK_SKEW, SERVER_BEHIND, SyncReport, SyncWarning
from kanoon_desk.ui.sync_page import SyncPage
from tests.factories import make_desk
from tests.ui.shell_support import make_ctx


def _log(store: Store, reports: list[SyncReport]) -> None:
    with store.transaction() as s:
        for r in reports:
            s.add(SyncLog(id=new_id(), started_at=r.started_at, ok=r.ok, pushed=r.pushed, pulled=r.pulled,
                          rejected=r.rejected, message=r.summary_line()))


def test_a_rounds_long_details_are_read_whole_in_the_history_at_1024_px(
        lang: str, qtbot: Any, tmp_path: Path) -> None:
    store, admin = make_desk(tmp_path / "desk.sqlite3")
    start = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
    _log(store, [
        SyncReport(started_at=start, ok=True, pushed=1, pulled=1, rejected=1, cursor=120,
                   uploaded=1, uploaded_bytes=18_000_000),
        SyncReport(started_at=start + timedelta(minutes=5), ok=True, pushed=12, pulled=340, cursor=460,
                   warnings=[SyncWarning(SERVER_BEHIND), SyncWarning(CLOCK_SKEW, (("minutes", 42),))]),
        SyncReport(started_at=start + timedelta(minutes=10), ok=False,
                   error="کارگزار در دسترس نیست؛ اتصال شبکه را بررسی کنید و دوباره بکوشید. چیزی گم نمی‌شود.",
                   error_detail="ConnectError: [Errno 111] Connection refused while POST "
                                "https://kanoon.example.ir/api/v2/sync/push (3 attempts)"),
    ])
    try:
        page = SyncPage(make_ctx(store, admin, tmp_path))
        qtbot.addWidget(page)
        page.resize(776, 625)  # the room a 1024x768 window leaves a page
        page.show()
        qtbot.waitExposed(page)
        QApplication.processEvents()
        view = page.history_view
        assert page.history.total == 3
        details = page.history.columnCount() - 1
        width = view.columnWidth(details)
        # the counts take their own width, the details the most of the list's
        assert width >= view.viewport().width() // 3
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        for row in range(page.history.rowCount()):
            text = page.history.index(row, details).data()
            assert text.strip()
            needed = view.fontMetrics().boundingRect(
                QRect(0, 0, width - 2 * margin, 10_000), int(Qt.TextFlag.TextWordWrap), text).height()
            assert view.rowHeight(row) >= needed, (row, text)  # every line of it in view
            assert view.wordWrap()
    finally:
        store.close()
