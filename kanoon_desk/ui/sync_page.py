"""The sync page (status, history, refused events, "sync now") and the conflict inbox."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
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
from ..errors import QT_TRANSLATE_NOOP
from ..ids import MAX_DRIFT_MS
from ..services import conflicts, sms_outcomes
from ..sync import status as sync_status
from ..sync.client import sync_once
from ..sync.enrolment import enroll_store
from ..sync.report import CLOCK_SKEW, SyncReport
from ..sync.state import pending_count
from .context import PageSpec, UiContext
from .errors import error_text
from .roles import roles_text
from .widgets import LazyTableModel, digits, list_fetcher, text_digits

#: Payload fields a person has no use for in a conflict (a password's hash, a bare timestamp).
HIDDEN_FIELDS = frozenset({"password_hash", "at", "conflict"})
#: Payload field → its name on screen (translated on show, context "ConflictInbox").
FIELD_TITLES = {
    "username": QT_TRANSLATE_NOOP("ConflictInbox", "نام کاربری"),
    "full_name": QT_TRANSLATE_NOOP("ConflictInbox", "نام و نام خانوادگی"),
    "roles": QT_TRANSLATE_NOOP("ConflictInbox", "نقش‌ها"),
    "office_code": QT_TRANSLATE_NOOP("ConflictInbox", "دفتر"),
    "must_change_password": QT_TRANSLATE_NOOP("ConflictInbox", "تغییر گذرواژه در ورود بعدی"),
    "copy_id": QT_TRANSLATE_NOOP("ConflictInbox", "نسخه"),
    "member_id": QT_TRANSLATE_NOOP("ConflictInbox", "عضو"),
    "title_id": QT_TRANSLATE_NOOP("ConflictInbox", "عنوان"),
    "agency_id": QT_TRANSLATE_NOOP("ConflictInbox", "دستگاه اجرایی"),
    "case_id": QT_TRANSLATE_NOOP("ConflictInbox", "پرونده"),
    "loan_id": QT_TRANSLATE_NOOP("ConflictInbox", "امانت"),
    "barcode": QT_TRANSLATE_NOOP("ConflictInbox", "بارکد"),
    "shelf": QT_TRANSLATE_NOOP("ConflictInbox", "قفسه"),
    "centre": QT_TRANSLATE_NOOP("ConflictInbox", "مرکز"),
    "member_no": QT_TRANSLATE_NOOP("ConflictInbox", "شماره عضویت"),
    "out_on": QT_TRANSLATE_NOOP("ConflictInbox", "تاریخ امانت"),
    "due_on": QT_TRANSLATE_NOOP("ConflictInbox", "موعد بازگشت"),
    "returned_on": QT_TRANSLATE_NOOP("ConflictInbox", "تاریخ بازگشت"),
    "registration_no": QT_TRANSLATE_NOOP("ConflictInbox", "شماره ثبت"),
    "letter_no": QT_TRANSLATE_NOOP("ConflictInbox", "شماره نامه"),
    "letter_date": QT_TRANSLATE_NOOP("ConflictInbox", "تاریخ نامه"),
    "deadline": QT_TRANSLATE_NOOP("ConflictInbox", "مهلت"),
    "day": QT_TRANSLATE_NOOP("ConflictInbox", "روز"),
    "outcome": QT_TRANSLATE_NOOP("ConflictInbox", "نتیجه"),
    "note": QT_TRANSLATE_NOOP("ConflictInbox", "یادداشت"),
    "instruction": QT_TRANSLATE_NOOP("ConflictInbox", "پاراف"),
    "resolution": QT_TRANSLATE_NOOP("ConflictInbox", "تصمیم"),
}
#: Event types of the facts conflicts are made of → what happened (context "ConflictInbox").
EVENT_TITLES = {
    "user.created": QT_TRANSLATE_NOOP("ConflictInbox", "ساخت کاربر"),
    "loan.checked_out": QT_TRANSLATE_NOOP("ConflictInbox", "امانت"),
    "loan.returned": QT_TRANSLATE_NOOP("ConflictInbox", "بازگشت امانت"),
    "loan.renewed": QT_TRANSLATE_NOOP("ConflictInbox", "تمدید امانت"),
    "copy.added": QT_TRANSLATE_NOOP("ConflictInbox", "افزودن نسخه"),
    "member.registered": QT_TRANSLATE_NOOP("ConflictInbox", "ثبت عضو"),
    "conflict.resolved": QT_TRANSLATE_NOOP("ConflictInbox", "حل ناسازگاری"),
    # the rest of what a desk records, for the refused events (a case's steps: `EVENT_FA`)
    "user.updated": QT_TRANSLATE_NOOP("ConflictInbox", "ویرایش کاربر"),
    "user.renamed": QT_TRANSLATE_NOOP("ConflictInbox", "نام کاربری تازه"),
    "office.set": QT_TRANSLATE_NOOP("ConflictInbox", "مشخصات دفتر یا مرکز"),
    "holiday.set": QT_TRANSLATE_NOOP("ConflictInbox", "تعطیل رسمی"),
    "agency.set": QT_TRANSLATE_NOOP("ConflictInbox", "دستگاه اجرایی"),
    "applicant.set": QT_TRANSLATE_NOOP("ConflictInbox", "مشخصات متقاضی"),
    "title.added": QT_TRANSLATE_NOOP("ConflictInbox", "افزودن عنوان"),
    "title.field_set": QT_TRANSLATE_NOOP("ConflictInbox", "اصلاح عنوان"),
    "copy.field_set": QT_TRANSLATE_NOOP("ConflictInbox", "اصلاح نسخه"),
    "copy.relabelled": QT_TRANSLATE_NOOP("ConflictInbox", "بارکد تازه نسخه"),
    "copy.withdrawn": QT_TRANSLATE_NOOP("ConflictInbox", "کنارگذاشتن نسخه"),
    "copy.marked_lost": QT_TRANSLATE_NOOP("ConflictInbox", "گم‌شدن نسخه"),
    "copy.sent": QT_TRANSLATE_NOOP("ConflictInbox", "فرستادن نسخه به مرکز دیگر"),
    "copy.received": QT_TRANSLATE_NOOP("ConflictInbox", "رسیدن نسخه"),
    "member.field_set": QT_TRANSLATE_NOOP("ConflictInbox", "اصلاح مشخصات عضو"),
    "member.merged": QT_TRANSLATE_NOOP("ConflictInbox", "یکی‌شدن دو عضو"),
    "member.renumbered": QT_TRANSLATE_NOOP("ConflictInbox", "شماره عضویت تازه"),
    "loan.voided": QT_TRANSLATE_NOOP("ConflictInbox", "باطل‌شدن امانت"),
    "loan.member_moved": QT_TRANSLATE_NOOP("ConflictInbox", "انتقال امانت به عضو دیگر"),
    "hold.placed": QT_TRANSLATE_NOOP("ConflictInbox", "رزرو"),
    "hold.cancelled": QT_TRANSLATE_NOOP("ConflictInbox", "لغو رزرو"),
    "hold.ready": QT_TRANSLATE_NOOP("ConflictInbox", "آماده‌شدن رزرو"),
    "hold.in_transit": QT_TRANSLATE_NOOP("ConflictInbox", "فرستادن نسخه برای رزرو"),
    "hold.collected": QT_TRANSLATE_NOOP("ConflictInbox", "تحویل رزرو"),
    "hold.expired": QT_TRANSLATE_NOOP("ConflictInbox", "گذشتن مهلت رزرو"),
    "notice.queued": QT_TRANSLATE_NOOP("ConflictInbox", "پیامک به عضو"),
    "notice.sent": QT_TRANSLATE_NOOP("ConflictInbox", "فرستاده‌شدن پیامک"),
    "stocktake.opened": QT_TRANSLATE_NOOP("ConflictInbox", "آغاز انبارگردانی"),
    "stocktake.scanned": QT_TRANSLATE_NOOP("ConflictInbox", "خواندن نسخه در انبارگردانی"),
    "stocktake.closed": QT_TRANSLATE_NOOP("ConflictInbox", "پایان انبارگردانی"),
    "circulation.overridden": QT_TRANSLATE_NOOP("ConflictInbox", "امانت استثنا"),
}


def event_title(event_type: str) -> str:
    """What happened: a case's step by the name its timeline gives it, others from EVENT_TITLES."""
    from .secretariat.case_view import EVENT_FA

    if event_type in EVENT_FA:
        return QCoreApplication.translate("Secretariat", EVENT_FA[event_type])
    title = EVENT_TITLES.get(event_type)
    return QCoreApplication.translate("ConflictInbox", title) if title else event_type


def field_title(key: str) -> str:
    """A payload field's name: a member's fields by the names their history gives them."""
    from .library.history import FIELD_LABELS

    if key in FIELD_LABELS:
        return QCoreApplication.translate("Library", FIELD_LABELS[key])
    title = FIELD_TITLES.get(key)
    return QCoreApplication.translate("ConflictInbox", title) if title else key


def _field_order(key: str) -> tuple[int, str]:
    """Known fields first (the member's, then the table's order), then the rest by name."""
    from .library.history import FIELD_LABELS

    order = [*FIELD_LABELS, *FIELD_TITLES]
    return (order.index(key), "") if key in order else (len(order), key)


def _value_text(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return QCoreApplication.translate("ConflictInbox", "بله") if value else QCoreApplication.translate(
            "ConflictInbox", "خیر")
    if key == "resolution" and isinstance(value, str):
        return QCoreApplication.translate("Errors", conflicts.RESOLUTION_TITLES.get(value, value))
    if key == "roles" and isinstance(value, list):
        return roles_text(str(r) for r in value)
    if isinstance(value, str) and len(value) == 10 and value[4:5] == "-" and value[7:8] == "-":
        try:
            return persian.format_jalali_date(date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, list):
        return "، ".join(str(v) for v in value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


#: The first round after log-in waits this long, so the window is up and drawn first.
STARTUP_DELAY_MS = 3000


def _when(value: Any) -> str:
    return text_digits(persian.format_jalali_datetime(value)) if value is not None else "—"


def round_result(ok: bool, rejected: int) -> str:
    """A round's outcome in a word: one that finished with refused events says how many."""
    if ok and rejected:
        return QCoreApplication.translate("SyncPage", "انجام شد، %1 رویداد رد شد").replace("%1", digits(rejected))
    return QCoreApplication.translate("SyncPage", "موفق") if ok else QCoreApplication.translate("SyncPage", "ناموفق")


def rejection_reason(row: sync_status.RejectionRow) -> str:
    """Why the server refused an event, in Persian (a server before protocol 2 said it in English
    only: that, said to be the server's)."""
    if row.reason_fa:
        return row.reason_fa
    return QCoreApplication.translate("SyncPage", "کارگزار نپذیرفت: %1").replace("%1", row.reason)


#: How the last round stopped (`SyncReport.failure`) → the status bar's word for it.
STATE_WORDS = {
    "Offline": QT_TRANSLATE_NOOP("SyncPage", "آفلاین"),
    "AuthRefused": QT_TRANSLATE_NOOP("SyncPage", "دسترسی میز پذیرفته نشد"),
    "UpgradeRequired": QT_TRANSLATE_NOOP("SyncPage", "برنامه باید به‌روز شود"),
    "Mismatch": QT_TRANSLATE_NOOP("SyncPage", "ناهمخوانی با کارگزار"),
    "StoreCopied": QT_TRANSLATE_NOOP("SyncPage", "رونوشت میز؛ همگام نمی‌شود"),
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
    if minutes >= 2 * 24 * 60:
        return QCoreApplication.translate("SyncPage", "%1 روز").replace("%1", digits(round(minutes / 1440)))
    if minutes >= 120:
        return QCoreApplication.translate("SyncPage", "%1 ساعت").replace("%1", digits(round(minutes / 60)))
    return QCoreApplication.translate("SyncPage", "%1 دقیقه").replace("%1", digits(minutes))


class HistoryModel(LazyTableModel):
    def display(self, row: Any, column: int) -> str:
        r: sync_status.HistoryRow = row
        if column == 0:
            return _when(r.started_at)
        if column == 1:
            return round_result(r.ok, r.rejected)
        if column in (2, 3, 4):
            return digits((r.pushed, r.pulled, r.rejected)[column - 2])
        return digits(r.message.split(" | ")[0])


class RejectionModel(LazyTableModel):
    def display(self, row: Any, column: int) -> str:
        r: sync_status.RejectionRow = row
        if column == 0:
            return _when(r.at)
        if column == 1:
            return event_title(r.event_type)
        return text_digits(rejection_reason(r))


class SyncPage(QWidget):
    """Sync status and history in Persian; the round runs off the GUI thread."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
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
        layout.addWidget(self._join_box())
        tabs = QTabWidget()
        fetch, count = list_fetcher(lambda: sync_status.history(ctx.store))
        self.history = HistoryModel([self.tr("زمان"), self.tr("نتیجه"), self.tr("فرستاده"), self.tr("دریافتی"),
                                     self.tr("رد شده"), self.tr("شرح")], fetch, count)
        self.history_view = QTableView()
        self.history_view.setModel(self.history)
        self.history_view.horizontalHeader().setStretchLastSection(True)
        for column in (0, 1):  # when, and the outcome ("done, 2 events refused"), whole
            self.history_view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        tabs.addTab(self.history_view, self.tr("تاریخچه همگام‌سازی"))
        fetch, count = list_fetcher(lambda: sync_status.rejections(ctx.store))
        self.rejected = RejectionModel([self.tr("زمان"), self.tr("نوع رویداد"), self.tr("دلیل رد")], fetch, count)
        view = QTableView()
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
            ctx.sync_runner.finished.connect(self._done)
        self.refresh()

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
            self.sync_button.setEnabled(True)
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

    def sync_now(self) -> None:
        self.sync_button.setEnabled(False)
        self.message.setText(self.tr("در حال همگام‌سازی…"))
        runner: BackgroundSync | None = self.ctx.sync_runner
        if runner is None:  # a page on its own (no status bar): the round runs here
            store = self.ctx.store
            self.ctx.tasks.run(lambda: sync_once(store), on_done=self._done, on_error=self._failed)
        elif not runner.sync_now():
            self.message.setText(self.tr("همگام‌سازی در جریان است؛ نتیجه‌اش همین‌جا می‌آید."))

    def _done(self, report: SyncReport) -> None:
        self.sync_button.setEnabled(True)
        if report.ok:
            text = self.tr("همگام‌سازی انجام شد: %1 رویداد فرستاده و %2 رویداد دریافت شد.")
            text = text.replace("%1", digits(report.pushed)).replace("%2", digits(report.pulled + report.snapshot))
            if report.rejected:
                text += " " + self.tr("%1 رویداد را کارگزار نپذیرفت؛ دلیلش در «رویدادهای ردشده» آمده است.").replace(
                    "%1", digits(report.rejected))
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
        self.items: list[conflicts.ConflictView] = []
        layout = QHBoxLayout(self)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self.show_conflict)
        layout.addWidget(self.list, 1)
        right = QVBoxLayout()
        self.title = QLabel()
        self.title.setWordWrap(True)
        right.addWidget(self.title)
        # the two facts, the note and the resolutions: shown while a conflict is selected
        self.detail = QWidget()
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(0, 0, 0, 0)
        facts = QHBoxLayout()
        self.fact_boxes: list[QTextBrowser] = []
        for caption in (self.tr("رویداد نخست"), self.tr("رویداد دوم")):
            box = QGroupBox(caption)
            inner = QVBoxLayout(box)
            browser = QTextBrowser()
            inner.addWidget(browser)
            self.fact_boxes.append(browser)
            facts.addWidget(box)
        detail.addLayout(facts, 1)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("توضیح تصمیم (اختیاری)"))
        detail.addWidget(self.note)
        # one row per resolution the conflict's kind offers: its button, and what it does
        self.buttons = QVBoxLayout()
        detail.addLayout(self.buttons)
        right.addWidget(self.detail, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        right.addWidget(self.message)
        right.addStretch(0)
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
        self.detail.setVisible(bool(self.items))
        self.list.setVisible(bool(self.items))
        if self.items:
            self.list.setCurrentRow(0)  # shows it (currentRowChanged)
        else:
            self.title.setText(self.tr("ناسازگاری بازی نیست."))
            for b in self.fact_boxes:
                b.clear()
            self._set_buttons(None)

    def _fact_html(self, fact: conflicts.Fact) -> str:
        """One fact as a person reads it: what, where, who, when, then its fields with their
        Persian names and readable values (a copy by its barcode, a member by name and number)."""
        office = f"{fact.office_name} ({fact.office_code})" if fact.office_name else fact.office_code
        rows = [(self.tr("رویداد"), event_title(fact.type)), (self.tr("دفتر"), office),
                (self.tr("کاربر"), fact.user_name or fact.user_id[-12:]),
                (self.tr("زمان ثبت"), persian.format_jalali_datetime(fact.recorded_at)),
                (self.tr("دستگاه"), fact.device_id[-12:])]
        for key, value in sorted(fact.payload.items(), key=lambda kv: _field_order(kv[0])):
            if key in HIDDEN_FIELDS or (key == "office_code" and value == fact.office_code):
                continue  # (the office is the row above)
            rows.append((field_title(key), fact.refs.get(key) or _value_text(key, value)))
        body = "".join(f"<tr><th align='right'>{escape(k)}</th><td>{escape(text_digits(v))}</td></tr>"
                       for k, v in rows)
        direction = "rtl" if self.isRightToLeft() else "ltr"
        return f"<div dir='{direction}'><table cellpadding='3'>{body}</table></div>"

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
        explanations = c.explanations or tuple(conflicts.explanation(c.kind, code) for code in c.resolutions)
        for code, why in zip(c.resolutions, explanations, strict=True):
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            button = QPushButton(QCoreApplication.translate("Errors", conflicts.RESOLUTION_TITLES.get(code, code)))
            button.setObjectName(f"resolve-{code}")
            button.setMinimumWidth(170)
            button.clicked.connect(lambda _=False, cid=c.id, rc=code: self.resolve(cid, rc))
            label = QLabel(QCoreApplication.translate("Errors", why))
            label.setObjectName(f"explain-{code}")
            label.setWordWrap(True)
            line.addWidget(button, 0)
            line.addWidget(label, 1)
            self.buttons.addWidget(row)

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

    started = Signal()
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
        if sync_status.is_enrolled(self.ctx.store):
            self.timer.start()

    def sync_now(self) -> bool:
        """Start a round unless one is running; False when skipped."""
        if self.running or not sync_status.is_enrolled(self.ctx.store):
            return False
        self.running = True
        self.started.emit()
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


class SyncStatusWidget(QWidget):
    """The status bar's word on sync, and the desk's background sync.

    Shows online or offline (the last round's outcome), the events waiting to go up, the time of
    the last successful round, the open conflicts and, when this computer's clock is more than a
    few minutes off the server's, by how much; its tooltip says why the last round failed and how
    to mend the clock.
    It owns the `BackgroundSync` of the session (`ctx.sync_runner`): a round every few minutes
    and one shortly after log-in, and the sync page asks it for "sync now", so rounds never
    overlap. A desk not enrolled with a server says so and runs nothing.
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
        self.runner.finished.connect(lambda _report: self.refresh())
        ctx.bus.changed.connect(self.refresh)
        self._status: sync_status.SyncStatus | None = None
        self.refresh()
        if sync_status.is_enrolled(ctx.store):
            self.runner.start()
            QTimer.singleShot(STARTUP_DELAY_MS, self, self.runner.sync_now)

    def _started(self) -> None:
        self.label.setText(self.tr("در حال همگام‌سازی…"))

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
            self.label.setText(self.tr("آفلاین"))
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
        if st.rejected:
            parts.append(self.tr("رد شده: %1").replace("%1", digits(st.rejected)))
            tips.append(self.tr("کارگزار %1 رویداد این میز را نپذیرفت؛ دلیل هر یک در صفحه همگام‌سازی، "
                                "«رویدادهای ردشده» آمده است.").replace("%1", digits(st.rejected)))
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


def conflict_facts(ctx: UiContext) -> list[tuple[str, str]]:
    """The home page's line about open conflicts, when there are any."""
    n = conflicts.open_count(ctx.store)
    return [(QCoreApplication.translate("SyncPage", "ناسازگاری‌های باز"), digits(n))] if n else []


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


def pages(ctx: UiContext) -> list[PageSpec]:
    """The sync page (everyone) and the conflict inbox (admins and managers)."""
    return [
        PageSpec("sync", QCoreApplication.translate("SyncPage", "همگام‌سازی"), "fa6s.rotate", SyncPage,
                 extra={"home_facts": restored_facts}),
        PageSpec("conflicts", QCoreApplication.translate("SyncPage", "ناسازگاری‌ها"), "fa6s.code-compare",
                 ConflictInbox, frozenset(conflicts.RESOLVER_ROLES), extra={"home_facts": conflict_facts}),
    ]
