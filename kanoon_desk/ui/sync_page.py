"""The sync page (status, history, refused events, "sync now") and the conflict inbox."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import persian
from ..services import conflicts
from ..sync import status as sync_status
from ..sync.client import SyncReport, sync_once
from .context import PageSpec, UiContext
from .errors import error_text
from .widgets import LazyTableModel, digits, list_fetcher


def _when(value: Any) -> str:
    return persian.format_jalali_datetime(value) if value is not None else "—"


class HistoryModel(LazyTableModel):
    def display(self, row: Any, column: int) -> str:
        r: sync_status.HistoryRow = row
        if column == 0:
            return _when(r.started_at)
        if column == 1:
            return QCoreApplication.translate("SyncPage", "موفق") if r.ok else QCoreApplication.translate(
                "SyncPage", "ناموفق")
        if column in (2, 3, 4):
            return digits((r.pushed, r.pulled, r.rejected)[column - 2])
        return digits(r.message.split(" | ")[0])


class RejectionModel(LazyTableModel):
    def display(self, row: Any, column: int) -> str:
        r: sync_status.RejectionRow = row
        return (_when(r.at), r.event_type, r.reason)[column]


class SyncPage(QWidget):
    """Sync status and history in Persian; the round runs off the GUI thread."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.sync_button = QPushButton(self.tr("همگام‌سازی اکنون"))
        self.sync_button.clicked.connect(self.sync_now)
        head.addWidget(self.status_label, 1)
        head.addWidget(self.sync_button)
        layout.addLayout(head)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        tabs = QTabWidget()
        fetch, count = list_fetcher(lambda: sync_status.history(ctx.store))
        self.history = HistoryModel([self.tr("زمان"), self.tr("نتیجه"), self.tr("فرستاده"), self.tr("دریافتی"),
                                     self.tr("رد شده"), self.tr("شرح")], fetch, count)
        self.history_view = QTableView()
        self.history_view.setModel(self.history)
        self.history_view.horizontalHeader().setStretchLastSection(True)
        tabs.addTab(self.history_view, self.tr("تاریخچه همگام‌سازی"))
        fetch, count = list_fetcher(lambda: sync_status.rejections(ctx.store))
        self.rejected = RejectionModel([self.tr("زمان"), self.tr("نوع رویداد"), self.tr("دلیل رد")], fetch, count)
        view = QTableView()
        view.setModel(self.rejected)
        view.horizontalHeader().setStretchLastSection(True)
        tabs.addTab(view, self.tr("رویدادهای ردشده"))
        layout.addWidget(tabs, 1)
        ctx.bus.changed.connect(lambda _area: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        st = sync_status.sync_status(self.ctx.store)
        if not st.enrolled:
            self.status_label.setText(self.tr("این میز هنوز در کارگزار مرکزی ثبت نشده است."))
            self.sync_button.setEnabled(False)
        else:
            state = self.tr("آخرین همگام‌سازی موفق: %1 — رویدادهای در انتظار: %2 — ناسازگاری‌های باز: %3")
            self.status_label.setText(state.replace("%1", _when(st.last_ok_at)).replace("%2", digits(st.pending))
                                      .replace("%3", digits(st.open_conflicts)))
        self.history.reload()
        self.rejected.reload()

    def sync_now(self) -> None:
        self.sync_button.setEnabled(False)
        self.message.setText(self.tr("در حال همگام‌سازی…"))
        store = self.ctx.store
        self.ctx.tasks.run(lambda: sync_once(store), on_done=self._done, on_error=self._failed)

    def _done(self, report: SyncReport) -> None:
        self.sync_button.setEnabled(True)
        if report.ok:
            text = self.tr("همگام‌سازی انجام شد: %1 رویداد فرستاده و %2 رویداد دریافت شد.")
            text = text.replace("%1", digits(report.pushed)).replace("%2", digits(report.pulled + report.snapshot))
        else:
            text = QCoreApplication.translate("Errors", report.error or "")
        for warning in report.warnings:
            values = {k: digits(v) if isinstance(v, int) else v for k, v in warning.params}
            text += " " + QCoreApplication.translate("Errors", warning.template).format(**values)
        self.message.setText(text)
        self.ctx.bus.changed.emit("sync")

    def _failed(self, err: BaseException) -> None:
        self.sync_button.setEnabled(True)
        self.message.setText(error_text(err))
        self.refresh()


class ConflictInbox(QWidget):
    """Open conflicts; both facts side by side; one button per resolution that makes sense."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.items: list[conflicts.ConflictView] = []
        layout = QHBoxLayout(self)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self.show_conflict)
        layout.addWidget(self.list, 1)
        right = QVBoxLayout()
        self.title = QLabel()
        self.title.setWordWrap(True)
        right.addWidget(self.title)
        facts = QHBoxLayout()
        self.fact_boxes: list[QTextBrowser] = []
        for caption in (self.tr("رویداد نخست"), self.tr("رویداد دوم")):
            box = QGroupBox(caption)
            inner = QVBoxLayout(box)
            browser = QTextBrowser()
            inner.addWidget(browser)
            self.fact_boxes.append(browser)
            facts.addWidget(box)
        right.addLayout(facts, 1)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("توضیح تصمیم (اختیاری)"))
        right.addWidget(self.note)
        self.buttons = QHBoxLayout()
        right.addLayout(self.buttons)
        self.message = QLabel()
        right.addWidget(self.message)
        layout.addLayout(right, 2)
        ctx.bus.changed.connect(lambda _area: self.reload())
        self.reload()

    def reload(self) -> None:
        try:
            self.items = conflicts.list_conflicts(self.ctx.store, self.ctx.actor)
        except Exception as exc:  # a refusal (role) shows as text, never a crash
            self.message.setText(error_text(exc))
            self.items = []
        self.list.blockSignals(True)
        self.list.clear()
        self.list.setCurrentRow(-1)
        for c in self.items:
            self.list.addItem(QListWidgetItem(
                f"{QCoreApplication.translate('Errors', c.title)} — {persian.format_jalali_datetime(c.raised_at)}"))
        self.list.blockSignals(False)
        if self.items:
            self.list.setCurrentRow(0)  # shows it (currentRowChanged)
        else:
            self.title.setText(self.tr("ناسازگاری بازی نیست."))
            for b in self.fact_boxes:
                b.clear()
            self._set_buttons(None)

    def _fact_html(self, fact: conflicts.Fact) -> str:
        rows = [(self.tr("رویداد"), fact.type), (self.tr("دفتر"), fact.office_code),
                (self.tr("زمان ثبت"), persian.format_jalali_datetime(fact.recorded_at)),
                (self.tr("دستگاه"), fact.device_id[-12:])]
        rows += [(str(k), json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v)
                 for k, v in sorted(fact.payload.items()) if k != "password_hash"]
        body = "".join(f"<tr><th align='right'>{k}</th><td>{v}</td></tr>" for k, v in rows)
        return f"<div dir='rtl'><table cellpadding='3'>{body}</table></div>"

    def show_conflict(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        c = self.items[row]
        self.title.setText(QCoreApplication.translate("Errors", c.title))
        for i, box in enumerate(self.fact_boxes):
            box.setHtml(self._fact_html(c.facts[i]) if i < len(c.facts) else "")
        self._set_buttons(c)

    def _set_buttons(self, c: conflicts.ConflictView | None) -> None:
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        if c is None:
            return
        for code in c.resolutions:
            button = QPushButton(QCoreApplication.translate("Errors", conflicts.RESOLUTION_TITLES.get(code, code)))
            button.setObjectName(f"resolve-{code}")
            button.clicked.connect(lambda _=False, cid=c.id, rc=code: self.resolve(cid, rc))
            self.buttons.addWidget(button)

    def resolve(self, conflict_id: str, resolution: str) -> None:
        try:
            conflicts.resolve(self.ctx.store, self.ctx.actor, conflict_id, resolution, self.note.text())
        except Exception as exc:
            self.message.setText(error_text(exc))
            return
        self.note.clear()
        self.message.setText(self.tr("تصمیم ثبت شد و با همگام‌سازی بعدی به دیگر میزها می‌رسد."))
        self.ctx.bus.changed.emit("sync")


class BackgroundSync(QObject):
    """Runs a sync round every `minutes` (and on `sync_now()`), off the GUI thread, one at a time.

    Signals:
        finished(object): the `SyncReport` of a round (for the status bar: ok → online).
    """

    finished = Signal(object)

    def __init__(self, ctx: UiContext, minutes: float = 5, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.running = False
        self.last_report: SyncReport | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(int(minutes * 60_000))
        self.timer.timeout.connect(self.sync_now)

    def start(self) -> None:
        if sync_status.sync_status(self.ctx.store).enrolled:
            self.timer.start()

    def sync_now(self) -> bool:
        """Start a round unless one is running; False when skipped."""
        if self.running or not sync_status.sync_status(self.ctx.store).enrolled:
            return False
        self.running = True
        store = self.ctx.store
        self.ctx.tasks.run(lambda: sync_once(store), on_done=self._done, on_error=self._failed)
        return True

    def _done(self, report: SyncReport) -> None:
        self.running = False
        self.last_report = report
        self.finished.emit(report)
        self.ctx.bus.changed.emit("sync")

    def _failed(self, err: BaseException) -> None:
        self.running = False
        report = SyncReport(error=error_text(err))
        self.last_report = report
        self.finished.emit(report)


def pages(ctx: UiContext) -> list[PageSpec]:
    """The sync page (everyone) and the conflict inbox (admins and managers)."""
    return [
        PageSpec("sync", QCoreApplication.translate("SyncPage", "همگام‌سازی"), "fa6s.rotate", SyncPage),
        PageSpec("conflicts", QCoreApplication.translate("SyncPage", "ناسازگاری‌ها"), "fa6s.code-compare",
                 ConflictInbox, frozenset(conflicts.RESOLVER_ROLES)),
    ]
