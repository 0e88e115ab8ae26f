"""The sync page (status, history, refused events, "sync now"), the status bar's sync line and the
background round; the conflict inbox is `conflict_inbox`."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import persian
from ..errors import QT_TRANSLATE_NOOP
from ..ids import MAX_DRIFT_MS
from ..services import conflicts, sms_outcomes
from ..sync import progress as prog
from ..sync import status as sync_status
from ..sync.client import sync_once
from ..sync.enrolment import enroll_store
from ..sync.errors import Stopped
from ..sync.progress import Progress, RoundControl
from ..sync.report import CLOCK_SKEW, SyncReport, size_parts
from ..sync.state import pending_count
from .conflict_inbox import ConflictInbox, conflict_facts
from .conflict_words import event_title
from .context import PageSpec, UiContext
from .errors import error_text
from .tables import read_only
from .widgets import LazyTableModel, digits, isolated, list_fetcher, text_digits

#: The first round after log-in waits this long, so the window is up and drawn first.
STARTUP_DELAY_MS = 3000


def _when(value: Any) -> str:
    return text_digits(persian.format_jalali_datetime(value)) if value is not None else "—"


def round_result(ok: bool, rejected: int) -> str:
    """A round's outcome in a word: one that finished with refused events says how many."""
    if ok and rejected:
        return QCoreApplication.translate("SyncPage", "انجام شد، %Ln رویداد رد شد", None, rejected)
    return QCoreApplication.translate("SyncPage", "موفق") if ok else QCoreApplication.translate("SyncPage", "ناموفق")


def rejection_reason(row: sync_status.RejectionRow) -> str:
    """Why the server refused an event, in the interface's language: the server says it in Persian
    and in English (a server before protocol 2 in English only: that, said to be the server's in
    the Persian interface). The English interface showed the Persian reason."""
    if row.reason_fa and QLocale().language() == QLocale.Language.Persian:
        return row.reason_fa
    if row.reason and QLocale().language() != QLocale.Language.Persian:
        return QCoreApplication.translate("SyncPage", "کارگزار نپذیرفت: %1").replace("%1", row.reason)
    return row.reason_fa or QCoreApplication.translate("SyncPage", "کارگزار نپذیرفت: %1").replace("%1", row.reason)


def round_message(message: str) -> str:
    """A round's stored line ("Persian | English", `SyncReport.summary_line`) in the interface's
    language: the Persian half in Persian, the English half otherwise (a line without both, whole)."""
    fa, sep, en = message.partition(" | ")
    if not sep or QLocale().language() == QLocale.Language.Persian:
        return fa
    return en


#: How the last round stopped (`SyncReport.failure`) → the status bar's word for it.
STATE_WORDS = {
    "Offline": QT_TRANSLATE_NOOP("SyncPage", "آفلاین"),
    "AuthRefused": QT_TRANSLATE_NOOP("SyncPage", "دسترسی میز پذیرفته نشد"),
    "UpgradeRequired": QT_TRANSLATE_NOOP("SyncPage", "برنامه باید به‌روز شود"),
    "ServerUpgradeRequired": QT_TRANSLATE_NOOP("SyncPage", "کارگزار باید به‌روز شود"),
    "Mismatch": QT_TRANSLATE_NOOP("SyncPage", "ناهمخوانی با کارگزار"),
    "StoreCopied": QT_TRANSLATE_NOOP("SyncPage", "رونوشت میز؛ همگام نمی‌شود"),
    "Stopped": QT_TRANSLATE_NOOP("SyncPage", "همگام‌سازی متوقف شد"),
}


def state_word(failure: str) -> str:
    """The status bar's first word: online, or why the last round stopped (offline is only a
    server out of reach; a refused credential, an old program, a mismatch or a copied store are
    each said as such, any other stop as a failed round)."""
    if not failure:
        return QCoreApplication.translate("SyncPage", "برخط")
    return QCoreApplication.translate("SyncPage", STATE_WORDS.get(failure, QT_TRANSLATE_NOOP(
        "SyncPage", "همگام‌سازی ناموفق")))


def span_text(ms: int) -> str:
    """A clock's difference in the unit that reads well: minutes, hours or days."""
    minutes = round(abs(ms) / 60000)
    # (the count a name of its own: pyside6-lupdate reads no `translate(…, n)` given an expression)
    if minutes >= 2 * 24 * 60:
        days = round(minutes / 1440)
        return QCoreApplication.translate("SyncPage", "%Ln روز", None, days)
    if minutes >= 120:
        hours = round(minutes / 60)
        return QCoreApplication.translate("SyncPage", "%Ln ساعت", None, hours)
    return QCoreApplication.translate("SyncPage", "%Ln دقیقه", None, minutes)


def events_text(n: int) -> str:
    """A number of events: «۱ رویداد», "1 event", "2 events"."""
    return QCoreApplication.translate("SyncPage", "%Ln رویداد", None, n)


def size_text(size: int) -> str:
    """A file size in the interface's digits: «۱۸ مگابایت», «۳۵۰ کیلوبایت»."""
    n, mb = size_parts(size)
    unit = (QCoreApplication.translate("SyncPage", "%1 مگابایت") if mb else
            QCoreApplication.translate("SyncPage", "%1 کیلوبایت"))
    return unit.replace("%1", digits(n))


def files_text(report: SyncReport) -> str:
    """The files a round moved whole, as a sentence («۱ پیوست فرستاده شد (۱۸ مگابایت).»), or ""."""
    said = []
    sent, received = report.uploaded, report.downloaded
    if sent:
        said.append(QCoreApplication.translate("SyncPage", "%Ln پیوست فرستاده شد (%1).", None, sent).replace(
            "%1", size_text(report.uploaded_bytes)))
    if received:
        said.append(QCoreApplication.translate("SyncPage", "%Ln پیوست دریافت شد (%1).", None, received).replace(
            "%1", size_text(report.downloaded_bytes)))
    return " ".join(said)


def progress_text(step: Progress) -> str:
    """What a running round is doing, in the interface's digits (`sync.progress.Progress`)."""
    if step.stage == prog.PUSH:
        return QCoreApplication.translate("SyncPage", "فرستادن رویدادها %1 از %2").replace(
            "%1", digits(step.done)).replace("%2", digits(step.total))
    if step.stage == prog.PULL:
        return QCoreApplication.translate("SyncPage", "دریافت رویدادها: %1").replace("%1", digits(step.done))
    if step.stage == prog.SNAPSHOT:
        done = step.done
        return QCoreApplication.translate("SyncPage", "دریافت داده‌های دفتر: %Ln رویداد", None, done)
    if step.stage == prog.UPLOAD:
        percent = step.done * 100 // step.total if step.total else 0
        return QCoreApplication.translate("SyncPage", "فرستادن پیوست %1: %2٪ از %3").replace(
            "%1", isolated(step.name)).replace("%2", digits(percent)).replace("%3", size_text(step.total))
    return QCoreApplication.translate("SyncPage", "دریافت پیوست %1 (%2 از %3)").replace(
        "%1", isolated(step.name)).replace("%2", digits(step.done + 1)).replace("%3", digits(step.total))


class HistoryModel(LazyTableModel):
    def display(self, row: Any, column: int) -> str:
        r: sync_status.HistoryRow = row
        if column == 0:
            return _when(r.started_at)
        if column == 1:
            return round_result(r.ok, r.rejected)
        if column in (2, 3, 4):
            return digits((r.pushed, r.pulled, r.rejected)[column - 2])
        return digits(round_message(r.message))


class RejectionModel(LazyTableModel):
    def display(self, row: Any, column: int) -> str:
        r: sync_status.RejectionRow = row
        if column == 0:
            return _when(r.at)
        if column == 1:
            return event_title(r.event_type)
        return text_digits(rejection_reason(r))


class SyncPage(QWidget):
    """Sync status and history in Persian; the round runs off the GUI thread, says how far it is
    and can be stopped («توقف»).

    Signals:
        progress(object): a `Progress` of the page's own round (a page without the status bar's
            runner), from the sync thread.
    """

    progress = Signal(object)

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.sync_button = QPushButton(self.tr("همگام‌سازی اکنون"))
        self.sync_button.clicked.connect(self.sync_now)
        self.stop_button = QPushButton(self.tr("توقف"))
        self.stop_button.setObjectName("sync-stop")
        self.stop_button.setToolTip(self.tr("همگام‌سازی در نخستین جای امن می‌ایستد؛ آنچه رسیده است می‌ماند و "
                                            "باقی در همگام‌سازی بعدی می‌رود."))
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.hide()  # shown while a round runs
        self._control: RoundControl | None = None  # the page's own round (no runner)
        self.progress.connect(self._progress)
        head.addWidget(self.status_label, 1)
        head.addWidget(self.sync_button)
        head.addWidget(self.stop_button)
        layout.addLayout(head)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addWidget(self._join_box())
        tabs = QTabWidget()
        fetch, count = list_fetcher(lambda: sync_status.history(ctx.store))
        self.history = HistoryModel([self.tr("زمان"), self.tr("نتیجه"), self.tr("فرستاده"), self.tr("دریافتی"),
                                     self.tr("رد شده"), self.tr("شرح")], fetch, count)
        self.history_view = QTableView()
        read_only(self.history_view)
        self.history_view.setModel(self.history)
        self.history_view.horizontalHeader().setStretchLastSection(True)
        # when, the outcome ("done, 2 events refused") and the three counts, whole and no wider;
        # the details take the rest of the width, on as many lines as they need (a round's
        # warnings run to several sentences: cut to one line they were «همگام‌سازی انجام شد: ۱۲ …»)
        for column in range(5):
            self.history_view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.history_view.setWordWrap(True)
        self.history_view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.history_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        tabs.addTab(self.history_view, self.tr("تاریخچه همگام‌سازی"))
        fetch, count = list_fetcher(lambda: sync_status.rejections(ctx.store))
        self.rejected = RejectionModel([self.tr("زمان"), self.tr("نوع رویداد"), self.tr("دلیل رد")], fetch, count)
        view = QTableView()
        read_only(view)
        view.setModel(self.rejected)
        view.horizontalHeader().setStretchLastSection(True)
        for column in (0, 1):  # when and what, whole; the reason takes the rest
            view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        view.setWordWrap(True)
        tabs.addTab(view, self.tr("رویدادهای ردشده"))
        layout.addWidget(tabs, 1)
        self.tabs = tabs
        layout.addStretch(0)  # holds the join box up while the tabs are hidden (`refresh`)
        self._layout = layout
        ctx.bus.changed.connect(lambda _area: self.refresh())
        if ctx.sync_runner is not None:  # rounds of the background sync (and ours) report here
            ctx.sync_runner.started.connect(self._round_started)
            ctx.sync_runner.progress.connect(self._progress)
            ctx.sync_runner.finished.connect(self._done)
        self.refresh()
        self._say_last_failure()

    def _say_last_failure(self) -> None:
        """A page opened after a round that did not finish (another log-in, a restart) says so,
        and why, until the next round says its own outcome."""
        st = sync_status.sync_status(self.ctx.store)
        if not st.enrolled or not st.last_failure or st.last_attempt_at is None:
            return
        why = QCoreApplication.translate("Errors", st.last_error) if st.last_error else state_word(st.last_failure)
        self.message.setText(self.tr("آخرین همگام‌سازی، %1، ناتمام ماند: %2")
                             .replace("%1", _when(st.last_attempt_at)).replace("%2", why))

    def _join_box(self) -> QWidget:
        """For a desk that worked on its own: join the office's server (admins only)."""
        from .setup import JoinForm

        self.join_box = QGroupBox(self.tr("پیوستن به کارگزار مرکزی"))
        self.join_box.setObjectName("join-box")
        box = QVBoxLayout(self.join_box)
        intro = QLabel(self.tr(
            "این میز تاکنون تنها کار کرده است. با پیوستن به کارگزار مرکزی دفتر، همه کارهای ثبت‌شده در آن به کارگزار "
            "می‌رود و کارهای میزهای دیگر دفتر به این میز می‌آید. چیزی بازنویسی نمی‌شود: اگر نام کاربری یکسانی در هر دو "
            "سو ساخته شده باشد یا شماره‌ای دو بار دیده شود، در «ناسازگاری‌ها» می‌آید تا کسی درباره‌اش تصمیم بگیرد."))
        intro.setWordWrap(True)
        box.addWidget(intro)
        self.join_form = JoinForm()
        box.addWidget(self.join_form)
        row = QHBoxLayout()
        self.join_button = QPushButton(self.tr("پیوستن و همگام‌سازی"))
        self.join_button.setObjectName("join")
        self.join_button.clicked.connect(self.join)
        row.addWidget(self.join_button)
        row.addStretch(1)
        box.addLayout(row)
        return self.join_box

    def join(self) -> None:
        typed = self.join_form.checked()
        if typed is None:
            return
        url, code, label = typed
        self.join_button.setEnabled(False)
        self.message.setText(self.tr("در حال پیوستن به کارگزار و فرستادن کارهای این میز…"))
        store, actor = self.ctx.store, self.ctx.actor
        self.ctx.tasks.run(lambda: enroll_store(store, url, code, label=label, actor=actor),
                           on_done=self._joined, on_error=self._join_failed)

    def _joined(self, report: SyncReport) -> None:
        self.join_button.setEnabled(True)
        if self.ctx.sync_runner is not None:
            self.ctx.sync_runner.start()  # from now on, a round every few minutes
        self._done(report)
        self.refresh()

    def _join_failed(self, err: BaseException) -> None:
        self.join_button.setEnabled(True)
        self.message.clear()
        self.join_form.show_failure(err)
        self.refresh()

    def refresh(self) -> None:
        st = sync_status.sync_status(self.ctx.store)
        self.join_box.setVisible(not st.enrolled and self.ctx.actor.has("admin"))
        if not st.enrolled:
            self.status_label.setText(
                self.tr("این میز هنوز به کارگزار مرکزی نپیوسته است و همه کارها در همین رایانه ثبت می‌شود.")
                if self.ctx.actor.has("admin") else
                self.tr("این میز هنوز به کارگزار مرکزی نپیوسته است؛ مدیر سامانه می‌تواند از همین صفحه آن را بپیوندد."))
            self.sync_button.setEnabled(False)
        else:
            self.sync_button.setEnabled(not self._round_running())
            state = self.tr("آخرین همگام‌سازی موفق: %1 — رویدادهای در انتظار: %2 — ناسازگاری‌های باز: %3")
            text = (state.replace("%1", _when(st.last_ok_at)).replace("%2", digits(st.pending))
                    .replace("%3", digits(st.open_conflicts)))
            if st.rejected:
                text += " — " + self.tr("رویدادهای ردشده: %1").replace("%1", digits(st.rejected))
            told = sms_outcomes.counts(self.ctx.store)
            if any(told.values()):  # what the server did with the office's SMS notices
                text += "\n" + self.tr("پیامک‌ها: %1 فرستاده شد، %2 در صف کارگزار، %3 نرسید").replace(
                    "%1", digits(told["sent"])).replace("%2", digits(told["waiting"])).replace(
                    "%3", digits(told["failed"]))
            self.status_label.setText(text)
        self.history.reload()
        self.rejected.reload()
        lists = st.enrolled or self.history.total > 0  # no server and no rounds: nothing to list
        self.tabs.setVisible(lists)
        self._layout.setStretch(self._layout.count() - 1, 0 if lists else 1)

    def _round_running(self) -> bool:
        runner: BackgroundSync | None = self.ctx.sync_runner
        return runner.running if runner is not None else self._control is not None

    def sync_now(self) -> None:
        runner: BackgroundSync | None = self.ctx.sync_runner
        if runner is None:  # a page on its own (no status bar): the round runs here
            if self._control is not None:
                return
            self._control = control = RoundControl(self.progress.emit)
            self._round_started()
            store = self.ctx.store
            self.ctx.tasks.run(lambda: sync_once(store, control=control), on_done=self._done, on_error=self._failed)
        elif not runner.sync_now():
            self.message.setText(self.tr("همگام‌سازی در جریان است؛ نتیجه‌اش همین‌جا می‌آید."))

    def _round_started(self) -> None:
        self.sync_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.stop_button.show()
        self.message.setText(self.tr("در حال همگام‌سازی…"))

    def _progress(self, step: Progress) -> None:
        if self._round_running() and self.stop_button.isEnabled():
            self.message.setText(self.tr("در حال همگام‌سازی: %1").replace("%1", progress_text(step)))

    def stop(self) -> None:
        """Stop the running round at its next safe point; its outcome says what got through."""
        runner: BackgroundSync | None = self.ctx.sync_runner
        control = runner.control if runner is not None else self._control
        if control is None:
            return
        control.stop()
        self.stop_button.setEnabled(False)
        self.message.setText(self.tr("در حال توقف همگام‌سازی؛ کاری که در میانه است تمام می‌شود…"))

    def _round_over(self) -> None:
        self._control = None
        self.stop_button.hide()
        self.sync_button.setEnabled(sync_status.is_enrolled(self.ctx.store))

    def _done(self, report: SyncReport) -> None:
        self._round_over()
        if report.ok:
            text = self.tr("همگام‌سازی انجام شد: %1 فرستاده و %2 دریافت شد.")
            text = text.replace("%1", events_text(report.pushed)).replace(
                "%2", events_text(report.pulled + report.snapshot))
            refused = report.rejected
            if refused:
                text += " " + QCoreApplication.translate(
                    "SyncPage", "%Ln رویداد را کارگزار نپذیرفت؛ دلیلش در «رویدادهای ردشده» آمده است.", None, refused)
        else:
            text = QCoreApplication.translate("Errors", report.error or "")
            received = report.pulled + report.snapshot
            if report.failure == Stopped.__name__:  # stopped by the clerk: what went through stays
                text += " " + self.tr("پیش از توقف، %1 فرستاده و %2 دریافت شد؛ باقی در همگام‌سازی "
                                      "بعدی می‌رود و می‌آید.").replace("%1", events_text(report.pushed)).replace(
                    "%2", events_text(received))
            elif report.pushed or received:  # cut half-way: what went through stays through
                text += " " + self.tr("پیش از قطع، %1 فرستاده و %2 دریافت شد؛ باقی در همگام‌سازی "
                                      "بعدی می‌رود و می‌آید.").replace("%1", events_text(report.pushed)).replace(
                    "%2", events_text(received))
        if files_text(report):
            text += " " + files_text(report)
        for warning in report.warnings:
            values = {k: digits(v) if isinstance(v, int) else v for k, v in warning.params}
            text += " " + QCoreApplication.translate("Errors", warning.template).format(**values)
        self.message.setText(text)
        self.ctx.bus.changed.emit("sync")

    def _failed(self, err: BaseException) -> None:
        self._round_over()
        self.message.setText(error_text(err))
        self.refresh()


class BackgroundSync(QObject):
    """Runs a sync round every `minutes` (and on `sync_now()`), off the GUI thread, one at a time;
    `stop()` stops the running one at its next safe point (the timer's rounds go on after).

    Signals:
        started(): a round began.
        progress(object): a `Progress` of the running round (emitted from the sync thread: a
            widget's slot receives it on the GUI thread).
        finished(object): the `SyncReport` of a round (for the status bar: ok → online).
    """

    started = Signal()
    progress = Signal(object)
    finished = Signal(object)

    def __init__(self, ctx: UiContext, minutes: float = 5, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.running = False
        self.last_report: SyncReport | None = None
        #: The running round's (`stop`), None between rounds.
        self.control: RoundControl | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(int(minutes * 60_000))
        self.timer.timeout.connect(self.sync_now)

    def start(self) -> None:
        if sync_status.is_enrolled(self.ctx.store):
            self.timer.start()

    def sync_now(self) -> bool:
        """Start a round unless one is running; False when skipped."""
        if self.running or not sync_status.is_enrolled(self.ctx.store):
            return False
        self.running = True
        self.control = control = RoundControl(self.progress.emit)
        self.started.emit()
        store = self.ctx.store
        self.ctx.tasks.run(lambda: sync_once(store, control=control), on_done=self._done, on_error=self._failed)
        return True

    def stop(self) -> bool:
        """Ask the running round to stop; False when none runs."""
        if self.control is None:
            return False
        self.control.stop()
        return True

    def _done(self, report: SyncReport) -> None:
        self.running = False
        self.control = None
        self.last_report = report
        self.finished.emit(report)
        self.ctx.bus.changed.emit("sync")

    def _failed(self, err: BaseException) -> None:
        self.running = False
        self.control = None
        report = SyncReport(error=error_text(err))
        self.last_report = report
        self.finished.emit(report)


class SyncStatusWidget(QWidget):
    """The status bar's word on sync, and the desk's background sync.

    Shows online or offline (the last round's outcome), the events waiting to go up, the time of
    the last successful round, the open conflicts and, when this computer's clock is more than a
    few minutes off the server's, by how much; its tooltip says why the last round failed and how
    to mend the clock.
    It owns the `BackgroundSync` of the session (`ctx.sync_runner`): a round every few minutes
    and one shortly after log-in, and the sync page asks it for "sync now", so rounds never
    overlap. A desk not enrolled with a server says so («تنها، بدون کارگزار», never «آفلاین», which
    is an enrolled desk whose server is out of reach) and runs nothing.
    """

    def __init__(self, ctx: UiContext, minutes: float = 5) -> None:
        super().__init__()
        self.ctx = ctx
        self.runner = BackgroundSync(ctx, minutes, parent=self)
        ctx.sync_runner = self.runner
        self.label = QLabel()
        self.label.setObjectName("status-sync")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        self.runner.started.connect(self._started)
        self.runner.progress.connect(self._progress)
        self.runner.finished.connect(lambda _report: self.refresh())
        ctx.bus.changed.connect(self.refresh)
        self._status: sync_status.SyncStatus | None = None
        self.refresh()
        if sync_status.is_enrolled(ctx.store):
            self.runner.start()
            QTimer.singleShot(STARTUP_DELAY_MS, self, self.runner.sync_now)

    def _started(self) -> None:
        self.label.setText(self.tr("در حال همگام‌سازی…"))

    def _progress(self, step: Progress) -> None:
        if self.runner.running:  # (a step queued before the round's end is not said after it)
            self.label.setText(self.tr("در حال همگام‌سازی: %1").replace("%1", progress_text(step)))

    def refresh(self, area: str = "sync") -> None:
        """Say it again. After work at the desk (a scan, an intake: `area` is not "sync") only the
        count of events waiting can have moved, so only it is read again; the rest is read after
        a round or a sync-area change (a conflict resolved)."""
        if self.runner.running:
            return
        if area != "sync" and self._status is not None:
            st = self._status
            if st.enrolled:
                st = self._status = dataclasses.replace(st, pending=pending_count(self.ctx.store))
        else:
            st = self._status = sync_status.sync_status(self.ctx.store)
        if not st.enrolled:
            self.label.setText(self.tr("تنها، بدون کارگزار"))  # not «آفلاین»: that is a server out of reach
            self.label.setToolTip(self.tr("این میز به کارگزار مرکزی نپیوسته است؛ همه کارها در همین رایانه ثبت می‌شود."))
            return
        report = self.runner.last_report
        # how the last round ended: this session's report, else what the store kept (a restart)
        if report is not None:
            failure = "" if report.ok else (report.failure or "SyncError")
            why = report.error if not report.ok else None
        else:
            failure = st.last_failure if st.last_attempt_at is not None else ""
            why = st.last_error or None
        parts = [state_word(failure)]
        if st.pending:
            parts.append(self.tr("در انتظار فرستادن: %1").replace("%1", digits(st.pending)))
        parts.append(self.tr("آخرین همگام‌سازی: %1").replace("%1", _when(st.last_ok_at)))
        if st.open_conflicts:
            parts.append(self.tr("ناسازگاری: %1").replace("%1", digits(st.open_conflicts)))
        tips = []
        if failure and why:
            tips.append(QCoreApplication.translate("Errors", why))
        refused = st.rejected
        if refused:
            parts.append(self.tr("رد شده: %1").replace("%1", digits(refused)))
            tips.append(QCoreApplication.translate(
                "SyncStatusWidget", "کارگزار %Ln رویداد این میز را نپذیرفت؛ دلیل هر یک در صفحه همگام‌سازی، "
                                    "«رویدادهای ردشده» آمده است.", None, refused))
        if st.restored_at is not None:  # restored from a backup, no round since: numbers may repeat
            parts.append(self.tr("بازگردانده از پشتیبان؛ همگام‌سازی کنید"))
            tips.append(QCoreApplication.translate("SyncPage", RESTORED_TIP))
        if abs(st.skew_ms) > MAX_DRIFT_MS:  # as of the server's last reply, kept across restarts
            minutes = digits(round(abs(st.skew_ms) / 60000))
            parts.append(self.tr("ساعت رایانه %1 با کارگزار فرق دارد").replace("%1", span_text(st.skew_ms)))
            tips.append(QCoreApplication.translate("Errors", CLOCK_SKEW).format(minutes=minutes))
        self.label.setText(" — ".join(parts))
        self.label.setToolTip("\n".join(tips) if tips else st.server_url)


def status_widget(ctx: UiContext) -> QWidget:
    """The main window's status bar asks for this (see `main_window`)."""
    return SyncStatusWidget(ctx)


#: What a desk restored from a backup must do before it issues numbers (a template for translation).
RESTORED_TIP = QT_TRANSLATE_NOOP(
    "SyncPage", "این میز از پشتیبان بازگردانده شده و از آن پس با کارگزار همگام نشده است. شماره‌هایی که "
                "پس از تهیه پشتیبان داده شده بود (شماره ثبت، عضویت، بارکد) تا همگام‌سازی بعدی این‌جا نیست و "
                "شماره تازه ممکن است تکراری شود: پیش از ثبت شماره تازه یک بار همگام‌سازی کنید.")


def restored_facts(ctx: UiContext) -> list[tuple[str, str]]:
    """The home page's line, for everyone, while the desk restored from a backup has not synced."""
    restored_at = sync_status.sync_status(ctx.store).restored_at if sync_status.is_enrolled(ctx.store) else None
    if restored_at is None:
        return []
    return [(QCoreApplication.translate("SyncPage", "بازگردانی از پشتیبان"),
             QCoreApplication.translate("SyncPage", "%1 — هنوز همگام‌سازی نشده؛ پیش از ثبت شماره تازه همگام‌سازی کنید")
             .replace("%1", _when(restored_at)))]


def sync_facts(ctx: UiContext) -> list[tuple[str, str]]:
    """The home page's line on sync, for everyone at a desk enrolled with a server: in touch or
    not (a server out of reach said in a clerk's words, any other stop as the status bar says
    it), the events waiting to go up, and when the desk last synced."""
    if not sync_status.is_enrolled(ctx.store):
        return []  # (a desk on its own: nothing to sync, nothing to worry about)
    st = sync_status.sync_status(ctx.store)
    failure = st.last_failure if st.last_attempt_at is not None else ""
    if failure == "Offline":
        state = QCoreApplication.translate(
            "SyncPage", "کارگزار در دسترس نیست؛ کارها در همین رایانه ثبت می‌شود و بعداً فرستاده می‌شود")
    else:
        state = state_word(failure)
    parts: list[str] = []
    if st.pending:
        pending = st.pending
        parts.append(QCoreApplication.translate("SyncPage", "%Ln رویداد در انتظار فرستادن", None, pending))
    parts.append(QCoreApplication.translate("SyncPage", "آخرین همگام‌سازی موفق: %1").replace(
        "%1", _when(st.last_ok_at)))
    # two lines: one of them alone would widen the home page's window
    return [(QCoreApplication.translate("SyncPage", "همگام‌سازی با کارگزار"), state + "\n" + " — ".join(parts))]


def pages(ctx: UiContext) -> list[PageSpec]:
    """The sync page (everyone) and the conflict inbox (admins and managers; a librarian's for the
    member conflicts, `conflicts.INBOX_ROLES`)."""
    return [
        PageSpec("sync", QCoreApplication.translate("SyncPage", "همگام‌سازی"), "fa6s.rotate", SyncPage,
                 extra={"home_facts": lambda c: sync_facts(c) + restored_facts(c)}),
        PageSpec("conflicts", QCoreApplication.translate("SyncPage", "ناسازگاری‌ها"), "fa6s.code-compare",
                 ConflictInbox, frozenset(conflicts.INBOX_ROLES), extra={"home_facts": conflict_facts}),
    ]
