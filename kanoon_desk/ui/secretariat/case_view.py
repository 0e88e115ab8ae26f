"""The case view: who holds it, the deadline, the whole timeline, attachments, and the actions the
user's roles allow (review, register, refer, recall, forward, follow up, answer, notify, close...).
The timeline's rows are `case_timeline`'s, the actions themselves `case_actions`'."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from ... import persian
from ...errors import NotFound
from ...models import User
from ...services import conflicts
from ...services import secretariat as sec
from ...services import secretariat_query as q
from ...services.accounts import get_office, working_calendar
from ...services.numbers import format_tracking_code, unbroken
from ...services.secretariat_agencies import list_agencies
from ...services.secretariat_docs import heading_lines
from ...services.secretariat_files import read_attachment
from ..context import UiContext
from ..fitting import FlowLayout
from ..printing import esc, html_table, wrap_page
from ..tables import read_only, remember_splitter
from ..widgets import (
    ERROR_STYLE,
    NOTICE_STYLE,
    FileDropList,
    Today,
    digits,
    isolated,
    long_date,
    number_text,
    text_digits,
    ui_line,
)
from . import papers
from .case_actions import CaseActions
from .case_timeline import EVENT_FA, TimelineModel, attachment_kind
from .common import ltr, notice_text, outcome_text, print_html, save_pdf, status_text
from .dialogs import ActionDialog

__all__ = ["EVENT_FA", "ActionDialog", "CaseView", "TimelineModel", "remove_orphaned_scan_copies", "remove_scan_copies",
           "scan_copies"]

#: the folders of this session's copies of the scans opened for the system's viewer (`scan_copies`),
#: each with the lock that says a running program owns it
_scan_copies: list[tuple[Path, QLockFile]] = []
_SCAN_COPIES_PREFIX = "kanoon-attachments-"
_OWNER = ".owner.lock"


def scan_copies() -> Path:
    """Where a scan opened from a case is copied for the system's viewer: one folder for the
    session, removed when the program ends. Each opening made a folder of its own, left behind:
    the applicants' papers piled up in the computer's temporary folder, a 20 MB scan once more at
    each look. A program that crashed could not remove its folder: the next one to open a scan
    removes it (`remove_orphaned_scan_copies`)."""
    if not _scan_copies or not _scan_copies[-1][0].is_dir():
        remove_orphaned_scan_copies()
        folder = Path(tempfile.mkdtemp(prefix=_SCAN_COPIES_PREFIX))
        owner = QLockFile(str(folder / _OWNER))
        owner.setStaleLockTime(0)  # never stale by age: only when its program is gone
        owner.tryLock(0)
        _scan_copies.append((folder, owner))
    return _scan_copies[-1][0]


def remove_scan_copies() -> None:
    """The session's copies of scans removed (one a viewer still holds open stays: no matter)."""
    for folder, owner in _scan_copies:
        owner.unlock()
        shutil.rmtree(folder, ignore_errors=True)
    _scan_copies.clear()


def remove_orphaned_scan_copies(temp: Path | None = None) -> list[Path]:
    """The folders of scan copies whose program ended without removing them (a crash, a power cut)
    removed: their owner's lock is stale. A folder another running program owns stays, and so
    does one without a lock (not this program's kind of folder). Returns the folders removed."""
    removed = []
    for folder in Path(temp or tempfile.gettempdir()).glob(_SCAN_COPIES_PREFIX + "*"):
        lock_path = folder / _OWNER
        if not folder.is_dir() or not lock_path.is_file():
            continue
        lock = QLockFile(str(lock_path))
        lock.setStaleLockTime(0)
        if lock.tryLock(0):  # its program is gone (Qt takes a stale lock over)
            lock.unlock()
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


atexit.register(remove_scan_copies)


class CaseView(CaseActions, QWidget):
    """Signals:
        changed(): after an action changed the case.
    """

    changed = Signal()

    def __init__(self, ctx: UiContext, case_id: str | None = None, parent: QWidget | None = None, *,
                 day: Today | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id: str | None = None
        self.detail: q.CaseDetail | None = None
        #: today, read as each action runs (the page's, when it shares its own); when the day
        #: turns, the case shown is read again (its clocks and lateness count to the new day)
        self.today = day or Today(self)
        self.today.changed.connect(lambda _day: self.load(self.case_id) if self.case_id else None)
        # another desk's work on the case shown, brought by a sync, is read (its status, timeline
        # and the actions it now allows: not one the other desk already made)
        ctx.bus.changed.connect(self._synced)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(self.tr("پرونده‌ای برگزیده نشده است؛ برای دیدن گردش کار، یکی را در فهرست برگزینید."))
        self.placeholder.setObjectName("case-placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #666;")
        outer.addWidget(self.placeholder)
        self.body = QWidget()
        outer.addWidget(self.body)
        box = QVBoxLayout(self.body)
        head = QGroupBox(self.tr("پرونده"))
        grid = QGridLayout(head)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.labels: dict[str, QLabel] = {}
        keys = [("tracking", self.tr("کد رهگیری")), ("number", self.tr("شماره ثبت")), ("status", self.tr("وضعیت")),
                ("applicant", self.tr("متقاضی")), ("subject", self.tr("موضوع")), ("holder", self.tr("در دست")),
                ("deadline", self.tr("مهلت پاسخ")), ("visits", self.tr("مراجعه‌های حضوری")),
                ("mobile", self.tr("شماره همراه")), ("time", self.tr("زمان رسیدگی"))]
        #: each value's caption, in order (the printed case file lists them)
        self.captions = dict(keys)
        for i, (key, label) in enumerate(keys):
            if key == "time":
                i += i % 2  # its own row
            grid.addWidget(QLabel(label + ":"), i // 2, (i % 2) * 2)
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            # beside its label whatever the value's own script (a Persian subject in the English
            # interface too; Qt would align a right-to-left text to the far side of the cell)
            value.setAlignment((Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft)
                               | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
            self.labels[key] = value
            if key == "time":  # a sentence: the whole width of its row
                grid.addWidget(value, i // 2, 1, 1, 3)
            else:
                grid.addWidget(value, i // 2, (i % 2) * 2 + 1)
        box.addWidget(head)
        self.actions_bar = FlowLayout()  # the actions that do not fit the width go on to a second line
        box.addLayout(self.actions_bar)
        #: why a one-click action (accept, register, recall, visit) was refused, under the bar: the
        #: status line keeps the status; gone at the next action done or another case shown
        self.action_message = QLabel()
        self.action_message.setObjectName("action-message")
        self.action_message.setWordWrap(True)
        self.action_message.setStyleSheet(ERROR_STYLE)
        self.action_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_message.hide()
        box.addWidget(self.action_message)
        #: a sync met this case worked on two desks at once (forwarded twice, acted on after it was
        #: closed): said here, where it is worked on, until a manager decides
        self.conflict_message = QLabel()
        self.conflict_message.setObjectName("conflict-message")
        self.conflict_message.setWordWrap(True)
        self.conflict_message.setStyleSheet(ERROR_STYLE)
        self.conflict_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.conflict_message.hide()
        box.addWidget(self.conflict_message)
        #: the same paper as another case (the same applicant, a very similar subject: two desks
        #: took it while apart, or it was brought twice), while this one is open: its code opens it
        self.twin_message = QLabel()
        self.twin_message.setObjectName("twin-message")
        self.twin_message.setWordWrap(True)
        self.twin_message.setStyleSheet(NOTICE_STYLE)
        self.twin_message.setTextFormat(Qt.TextFormat.RichText)
        self.twin_message.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                  | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.twin_message.linkActivated.connect(lambda case_id: case_window(self.ctx, case_id, self, self.today))
        self.twin_message.hide()
        box.addWidget(self.twin_message)
        self.timeline = QTableView()
        self.timeline.setObjectName("case-timeline")
        self.timeline.setAccessibleName(self.tr("گردش کار"))  # (a screen reader said a bare "table")
        read_only(self.timeline)
        self.timeline.verticalHeader().hide()
        self.timeline.horizontalHeader().setStretchLastSection(True)
        # a step's words wrap in its row, as tall as they need: an agency's answer of a few lines,
        # an instruction or a reopening's reason was cut at the width with «…», and its tooltip
        # (plain text, not wrapped) ran off the screen; the rows are fitted again, once, after the
        # columns change width (the window or the splitter dragged)
        self.timeline.setWordWrap(True)
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self._fit_timeline)
        self._to_latest = False
        self.timeline.horizontalHeader().sectionResized.connect(lambda *_: self._fit_rows.start())
        self.attachments = FileDropList()
        self.attachments.setObjectName("case-attachment-list")
        self.attachments.setMinimumHeight(30)
        self.attachments.setToolTip(self.tr("دو بار کلیک: باز کردن پیوست؛ پرونده‌ای که اینجا رها شود به پیوست‌ها افزوده می‌شود"))
        self.attachments.dropped.connect(self.attach_dropped)
        self.attachments.itemActivated.connect(lambda _item: self.open_attachment(self.attachments.currentRow()))
        self.attachment_message = QLabel()
        self.attachment_message.setObjectName("attachment-message")
        self.attachment_message.setWordWrap(True)
        self.attachment_message.hide()  # (shown with a reason a scan did not open)
        # the attachments under the timeline, as tall as the clerk drags them; a case with none
        # gives the timeline all the room (an empty box took 80 px of a 1-2 row timeline)
        self.attachments_box = QGroupBox(self.tr("پیوست‌ها"))
        self.attachments_box.setObjectName("case-attachments")
        inner = QVBoxLayout(self.attachments_box)
        inner.addWidget(self.attachments, 1)
        inner.addWidget(self.attachment_message)
        # a scan attached by mistake comes off the case with a reason (enabled for the one chosen,
        # when the user may take it off)
        self.remove_button = QPushButton(self.tr("برداشتن پیوست…"))
        self.remove_button.setObjectName("remove-attachment")
        self.remove_button.setToolTip(self.tr("پیوستی را که به اشتباه افزوده شده است، با نوشتن دلیل، از پرونده بردارید"))
        self.remove_button.clicked.connect(lambda: self.remove_attachment(self.attachments.currentRow()))
        self.attachments.currentRowChanged.connect(lambda _row: self._update_remove())
        under = QHBoxLayout()
        under.addWidget(self.remove_button)
        under.addStretch(1)
        inner.addLayout(under)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setObjectName("case-split")
        self.split.addWidget(self.timeline)
        self.split.addWidget(self.attachments_box)
        self.split.setStretchFactor(0, 4)
        self.split.setStretchFactor(1, 1)
        self.split.setChildrenCollapsible(False)
        remember_splitter(self.split, ctx.settings, "case-view")
        box.addWidget(self.split, 1)
        self.buttons: dict[str, QPushButton] = {}
        self.body.hide()  # until a case is loaded
        if case_id:
            self.load(case_id)

    # -- showing --------------------------------------------------------------------------------

    def _names(self) -> dict[str, str]:
        with self.ctx.store.read() as s:
            return {u.id: u.full_name for u in s.scalars(select(User))}

    def _synced(self, area: str) -> None:
        if area == "sync" and self.case_id is not None:
            self.load(self.case_id)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As tall as its words need at its width: the case's values, the twin and conflict notices
        wrap onto more lines in a narrow window. The splitter it stands in asks no height for a
        width, so at 1024x768 it gave the case less than that, and the case's values were cut at
        their foot («Received, awaiting review», a Persian name's dots); now the page scrolls."""
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth() and self.width() > 0:
            hint.setHeight(max(hint.height(), layout.minimumHeightForWidth(self.width())))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # its least height at the new width (`minimumSizeHint`)

    def clear(self) -> None:
        """No case: the placeholder again (the list it was chosen from no longer holds it)."""
        self.case_id, self.detail = None, None
        self.say_refused(None)
        self.body.hide()
        self.placeholder.show()

    def load(self, case_id: str) -> None:
        if case_id != self.case_id:  # (another case: a refusal of the last one's action goes)
            self.say_refused(None)
        self.case_id = case_id
        d = self.detail = q.get_case(self.ctx.store, self.ctx.actor, case_id, on=self.today())
        self.placeholder.hide()
        self.body.show()
        c = d.case
        names = self._names()
        agencies = {a.id: a.name for a in list_agencies(self.ctx.store, include_inactive=True)}
        L = self.labels
        L["tracking"].setText(ltr(persian.to_persian_digits(format_tracking_code(c["tracking_code"]))))
        L["number"].setText(ltr(persian.to_persian_digits(c["registration_no"] or "—")))
        status = status_text(c["status"], holder_roles=d.holder_roles)
        if c["outcome"]:
            status += " — " + outcome_text(c["outcome"])
        status += notice_text(c["status"], c["notice"])
        L["status"].setText(status)
        # the name isolated: in English a Persian name does not turn the line (and its ID) around
        L["applicant"].setText(ui_line(f"{isolated(text_digits(c['applicant_name']))} ({digits(c['national_id'])})"))
        L["subject"].setText(text_digits(c["subject"]))
        L["holder"].setText(text_digits(self.holder_text()))
        # late once the deadline's day (the next working day when the office was closed on it) is over
        late = (c["status"] == "forwarded" and c["deadline"] and c["deadline"] < self.today()
                and working_calendar(self.ctx.store).days_late(c["deadline"], self.today()) > 0)
        first = next((f["original_deadline"] for f in reversed(d.forwards) if f["status"] == "open"), None)
        moved = (" " + self.tr("(مهلت نامه ارسال: {day})").format(day=persian.format_jalali_date(first))
                 if c["status"] == "forwarded" and first and first != c["deadline"] else "")
        L["deadline"].setText((persian.format_jalali_date(c["deadline"]) if c["deadline"] else "—") + moved
                              + (" — " + self.tr("دیرکرد") if late else ""))
        L["deadline"].setStyleSheet("color: #b00020;" if late else "")
        L["visits"].setText(persian.to_persian_digits(c["visits"]))
        L["time"].setText(self.time_text())
        mobile = d.applicant.get("mobile") or ""
        L["mobile"].setText(ltr(persian.to_persian_digits(mobile)) if mobile else self.tr("ثبت نشده"))
        for label in L.values():  # the English interface's digits are Latin, dates and codes included
            label.setText(text_digits(label.text()))
        model = TimelineModel(d.timeline, names, agencies)
        self.timeline.setModel(model)
        model.reload()
        self.timeline.resizeColumnsToContents()
        self._to_latest = True  # the latest steps in sight, once laid out and the rows fitted
        self._fit_rows.start()
        self.attachments.clear()
        # why a scan did not open was said of the case as it was: another case (or this one read
        # again, the scan perhaps synced since) starts without it
        self.attachment_message.clear()
        self.attachment_message.hide()
        for a in d.attachments:
            # the name isolated (a Persian name's «.pdf» had swapped places with the size), the
            # line in the interface's direction (a Latin name had turned it round); then what it is
            # and when it came (the agency's answer among fifteen scans), who added it on hover
            self.attachments.addItem(ui_line(f"{isolated(a['filename'])} ({self.size_text(a['size'])})"
                                             f" — {self.attachment_about(a)}"))
            self.attachments.item(self.attachments.count() - 1).setToolTip(
                self.tr("افزوده به دست {name}، {at}").format(
                    name=isolated(text_digits(names.get(a["added_by"], "—"))),
                    at=text_digits(persian.format_jalali_datetime(a["added_at"]))))
        self.attachments_box.setTitle(self.tr("پیوست‌ها ({n})").format(n=digits(len(d.attachments))))
        if d.attachments and self.attachments_box.isHidden():  # back: a few lines' room, the rest the timeline's
            self.attachments_box.show()
            total = sum(self.split.sizes()) or self.split.height()
            rows = self.attachments.sizeHintForRow(0) * min(len(d.attachments), 3)
            want = min(total // 3, rows + self.attachments_box.sizeHint().height()
                       - self.attachments.sizeHint().height() + 2 * self.attachments.frameWidth())
            self.split.setSizes([total - want, want])
        self.attachments_box.setVisible(bool(d.attachments))
        self._update_remove()
        self._build_actions()
        self._say_conflicts()
        self._say_twins()

    def _fit_timeline(self) -> None:
        """The timeline's rows as tall as their words at the columns' widths (once after a load or
        a resize, however many columns moved), then, after a load, the latest step in sight."""
        self.timeline.resizeRowsToContents()
        if self._to_latest:
            self._to_latest = False
            self.timeline.scrollToBottom()

    def _say_conflicts(self) -> None:
        """The open conflicts about the case shown, with where they are decided."""
        assert self.case_id is not None
        titles = conflicts.open_titles_about(self.ctx.store, self.case_id)
        lines = [self.tr("ناسازگاری همگام‌سازی: «{title}». تا مدیر در «ناسازگاری‌ها» تصمیم بگیرد، وضعیت این "
                         "پرونده قطعی نیست.").format(title=QCoreApplication.translate("Errors", title))
                 for title in titles]
        self.conflict_message.setText(text_digits("\n".join(lines)))
        self.conflict_message.setVisible(bool(lines))

    def _say_twins(self) -> None:
        """The other cases that are probably the same paper (`twin_cases`), while this one is open;
        once it is rejected as «تکراری», the case its note names (`duplicate_of`): each code opens it."""
        assert self.detail is not None
        c = self.detail.case
        store, actor = self.ctx.store, self.ctx.actor
        if c["status"] == "rejected":
            twins = q.duplicate_of(store, actor, c["id"])
            words = self.tr("این درخواست با دلیل «تکراری» رد شد؛ همان درخواست: {cases}.")
        else:
            twins = [] if c["status"] == "closed" else q.twin_cases(store, actor, c["id"])
            words = self.tr("همین متقاضی درخواستی با موضوع بسیار مشابه هم دارد: {cases}. اگر همان "
                            "درخواست است، تنها یکی را پیش ببرید و دیگری را با دلیل «تکراری» رد کنید و کد "
                            "رهگیری این یکی را در یادداشت بنویسید.")
        sep = self.tr("، ")
        cases = sep.join(f"<a href=\"{t.id}\">{ltr(digits(format_tracking_code(t.tracking_code)))}</a> "
                         f"({esc(status_text(t.status))}{sep}"
                         f"{text_digits(persian.format_jalali_date(t.received_date))})" for t in twins)
        text = esc(words).replace("{cases}", cases)
        rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        self.twin_message.setText(f"<div dir=\"{'rtl' if rtl else 'ltr'}\">{text}</div>" if twins else "")
        self.twin_message.setVisible(bool(twins))

    def _update_remove(self) -> None:
        """«برداشتن پیوست…» for those who may take scans off this case, enabled for the one chosen."""
        d = self.detail
        self.remove_button.setVisible(d is not None and any(self.may_remove_attachment(r)
                                                            for r in range(len(d.attachments))))
        self.remove_button.setEnabled(self.may_remove_attachment(self.attachments.currentRow()))

    def attachment_about(self, a: dict[str, object]) -> str:
        """What a scan is and the day it was added: «پاسخ دستگاه، ۱۴۰۴/۰۵/۳۰»."""
        added = a["added_at"]
        assert isinstance(added, date)
        day = text_digits(persian.format_jalali_date(added))
        kind = attachment_kind(a.get("kind"))
        return self.tr("{kind}، {day}").format(kind=kind, day=day) if kind else day

    def size_text(self, size: int) -> str:
        """A scan's size as a person reads it: whole kilobytes rounded up (a one-page scan of a few
        hundred bytes is not «0»), from one megabyte on megabytes with one decimal."""
        if size < 1024 * 1024:
            return self.tr("{n} کیلوبایت").format(n=number_text(-(-size // 1024)))
        mb = f"{size / (1024 * 1024):.1f}"
        shown = digits(mb)
        return self.tr("{n} مگابایت").format(n=shown.replace(".", "\u066b") if shown != mb else mb)

    def holder_text(self) -> str:
        """Who holds the case now, for its status: the user whose cartable it is in, the agency
        while forwarded, the office's desk waiting to do its part, nobody once closed."""
        assert self.detail is not None
        d, st = self.detail, self.detail.case["status"]
        if st in ("closed", "rejected"):
            return self.tr("هیچ‌کس (پرونده بسته است)")
        if st == "forwarded":
            return d.agency_name or "—"
        if d.holder_name:
            return d.holder_name
        return {"received": self.tr("کارشناس بررسی اولیه (در نوبت بررسی)"),
                "accepted": self.tr("دبیرخانه (در انتظار شماره ثبت)"),
                "registered": self.tr("دبیرخانه (در انتظار ارجاع)"),
                "answered": self.tr("دفتر (کارشناس: اعلام پاسخ به متقاضی)")}.get(st, "—")

    def time_text(self) -> str:
        """The office's own time and the agencies' time so far, in working days."""
        assert self.detail is not None
        t = self.detail.service_time
        if t is None:
            return "—"
        text = self.tr("دفتر {office} روز کاری، دستگاه {agency} روز کاری (همه {total})").format(
            office=digits(t.office), agency=digits(t.agency), total=digits(t.total))
        if t.running == "agency":
            text += " — " + self.tr("ساعت دستگاه می‌گذرد، ساعت دفتر ایستاده است")
        elif t.running == "office":
            text += " — " + self.tr("ساعت دفتر می‌گذرد")
        return text

    def _build_actions(self) -> None:
        # the action the cursor was on (pressed with Space, or its dialog just closed): the buttons
        # are made anew, and a deleted one took the cursor with it (the next Tab began at the top)
        focused = self.window().focusWidget()
        had = next((key for key, b in getattr(self, "buttons", {}).items() if b is focused), None)
        while self.actions_bar.count():
            item = self.actions_bar.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons = {}
        assert self.detail is not None
        c, a = self.detail.case, self.ctx.actor
        st = c["status"]
        mine = c["holder_user_id"] == a.user_id or a.has("admin")
        spec: list[tuple[str, str, bool, Callable[[], None]]] = [
            ("accept", self.tr("پذیرش"), st == "received" and a.has("expert"), self.accept_case),
            ("reject", self.tr("رد"), st == "received" and a.has("expert"), self.reject_case),
            ("register", self.tr("ثبت در دبیرخانه"), st == "accepted" and a.has("clerk", "expert"), self.register),
            ("refer", self.tr("ارجاع"), (st in ("registered", "answered") or (st == "referred" and mine))
             and a.has("expert", "manager"), self.refer),
            ("recall", self.tr("پس‌گرفتن ارجاع"), st == "referred" and self.detail.open_item_from == a.user_id,
             self.recall),
            ("refer_back", self.tr("بازگرداندن به ارجاع‌دهنده"), st == "referred" and mine and a.has("manager")
             and bool(self.detail.open_item_from), self.refer_back),
            ("forward", self.tr("ارسال به دستگاه"), st in ("registered", "referred", "answered") and mine
             and a.has("manager"), self.forward),
            ("manager_reject", self.tr("رد درخواست"), st == "referred" and mine and a.has("manager"),
             self.manager_reject),
            ("follow_up", self.tr("پیگیری"), st == "forwarded" and a.has("expert", "manager"), self.follow_up),
            ("withdraw_forward", self.tr("پس‌گرفتن ارسال…"), st == "forwarded" and a.has("manager"),
             self.withdraw_forward),
            ("answer", self.tr("ثبت پاسخ"), st == "forwarded" and a.has("clerk", "expert", "manager"), self.answer),
            ("notify", self.tr("اعلام به متقاضی"), st in ("answered", "rejected", "closed") and a.has("clerk", "expert"),
             self.notify),
            ("close", self.tr("مختومه"), (st in ("accepted", "registered", "forwarded", "answered")
                                         or (st == "referred" and mine)) and a.has("expert", "manager"),
             self.close_case),
            ("reopen", self.tr("بازگشایی"), st in ("closed", "rejected") and a.has("expert", "manager"), self.reopen),
            ("visit", self.tr("مراجعه حضوری"), a.has("clerk", "expert"), self.visit),
            ("remove_visit", self.tr("حذف مراجعه…"), a.has("clerk", "expert", "manager") and c["visits"] > 0
             and bool(sec.removable_visits(self.ctx.store, c["id"])), self.remove_visit),
            ("attach", self.tr("افزودن پیوست"), a.has("clerk", "expert", "manager"), self.attach),
            ("correct", self.tr("اصلاح…"), a.has(*sec.CORRECTORS), self.correct),
            ("change_applicant", self.tr("تغییر متقاضی…"), a.has(*sec.CORRECTORS), self.change_applicant),
            ("move_answer", self.tr("جابه‌جایی پاسخ…"), st == "answered" and a.has("clerk", "expert", "manager"),
             self.move_answer),
            # (among the corrections, not the steps: after «پذیرش» the cursor goes on to the next step)
            ("undo_accept", self.tr("بازگرداندن به صف بررسی…"), st in sec.UNDO_ACCEPT_STATUSES
             and a.has("expert", "manager") and sec.may_undo_accept(self.ctx.store, c["id"]), self.undo_accept),
        ]
        for key, label, enabled, slot in spec:
            if not enabled:
                continue
            b = QPushButton(label)
            b.clicked.connect(slot)
            self.actions_bar.addWidget(b)
            self.buttons[key] = b
        self._build_papers()
        if had is not None:  # on the same action if the case still has it, else its next step
            target = self.buttons.get(had) or next(iter(self.buttons.values()), None)
            if target is not None:  # (once it is shown: a button just laid out shows a moment later)
                QTimer.singleShot(0, target, lambda: target.setFocus(Qt.FocusReason.OtherFocusReason))

    def _build_papers(self) -> None:
        """«چاپ و PDF»: each paper the case has, to the printer (the system's print dialog) or to a
        PDF file. The receipt can always be printed again; the letters once they exist."""
        assert self.detail is not None
        d, c = self.detail, self.detail.case
        spec: list[tuple[str, str, str, bool, Callable[[], str], str]] = [
            ("receipt", self.tr("چاپ رسید"), self.tr("رسید PDF"), True, self.receipt_html, "receipt.pdf"),
            ("letter", self.tr("چاپ نامه ارسال"), self.tr("نامه ارسال PDF"), bool(d.forwards), self.letter_html,
             "letter.pdf"),
            ("follow_up_letter", self.tr("چاپ نامه پیگیری"), self.tr("نامه پیگیری PDF"),
             any(f["method"] == "letter" for f in d.follow_ups), self.follow_up_letter_html, "follow-up.pdf"),
            ("history", self.tr("چاپ گردش کار"), self.tr("گردش کار PDF"), True, self.history_html,
             "case-history.pdf"),
            ("rejection_notice", self.tr("چاپ اعلام رد"), self.tr("اعلام رد PDF"),
             c["status"] == "rejected" and bool(c["reject_reason"]), self.rejection_notice_html, "notice.pdf"),
            ("result_letter", self.tr("چاپ نامه اعلام نتیجه"), self.tr("نامه اعلام نتیجه PDF"),
             any(n["kind"] == "result" and n["method"] == "letter" for n in d.notices), self.result_letter_html,
             "result-letter.pdf"),
        ]
        button = QPushButton(self.tr("چاپ و PDF"))
        button.setObjectName("papers")
        menu = QMenu(button)
        self.papers: dict[str, tuple[QAction, QAction]] = {}
        for key, print_label, pdf_label, enabled, html, filename in spec:
            if not enabled:
                continue
            if self.papers:
                menu.addSeparator()
            to_printer = menu.addAction(print_label)
            to_printer.triggered.connect(lambda _=False, h=html: print_html(self, h()))
            to_pdf = menu.addAction(pdf_label)
            to_pdf.triggered.connect(lambda _=False, h=html, f=filename: save_pdf(self, h(), f))
            self.papers[key] = (to_printer, to_pdf)
        self._earlier_letters(menu)
        button.setMenu(menu)
        self.actions_bar.addWidget(button)
        self.buttons["papers"] = button

    def _earlier_letters(self, menu: QMenu) -> None:
        """The case's letters before its latest (a case referred back and forth, forwarded again to
        another agency, followed up several times): «چاپ نامه ارسال» printed only the last, and the
        first agency's letter could not be printed again. Each one here, by its number and date,
        to the printer or to a PDF."""
        assert self.detail is not None
        d = self.detail
        agencies = {a.id: a.name for a in list_agencies(self.ctx.store, include_inactive=True)}
        letters: list[tuple[str, Callable[[], str], str]] = []
        for fw in d.forwards[:-1]:
            letters.append((self.tr("نامه ارسال {no}، {day}، {agency}").format(
                no=ltr(digits(fw["letter_no"])), day=text_digits(persian.format_jalali_date(fw["letter_date"])),
                agency=isolated(text_digits(fw.get("agency_name") or agencies.get(fw["agency_id"], "—")))),
                partial(papers.forwarding_letter, self.ctx.store, d, fw), f"letter-{fw['letter_no']}.pdf"))
        for fu in [f for f in d.follow_ups if f["method"] == "letter"][:-1]:
            letters.append((self.tr("نامه پیگیری {no}، {day}").format(
                no=ltr(digits(fu["letter_no"])), day=text_digits(persian.format_jalali_date(fu["day"]))),
                partial(papers.follow_up_letter, self.ctx.store, self.ctx.actor, d, fu),
                f"follow-up-{fu['letter_no']}.pdf"))
        #: each earlier letter's title and its two actions (to the printer, to a PDF)
        self.earlier_papers: list[tuple[str, QAction, QAction]] = []
        if not letters:
            return
        menu.addSeparator()
        earlier = menu.addMenu(self.tr("نامه‌های پیشین"))
        for title, html, filename in letters:
            one = earlier.addMenu(title)
            to_printer = one.addAction(self.tr("چاپ"))
            to_printer.triggered.connect(lambda _=False, h=html: print_html(self, h()))
            to_pdf = one.addAction(self.tr("PDF"))
            to_pdf.triggered.connect(lambda _=False, h=html, f=filename: save_pdf(self, h(), f))
            self.earlier_papers.append((title, to_printer, to_pdf))

    # -- actions (case_actions): once one changed the case --------------------------------------

    def say_refused(self, text: str | None) -> None:
        """Show why an action was refused under the action bar, or take the line away (None)."""
        self.action_message.setText(text or "")
        self.action_message.setVisible(bool(text))

    def _done(self) -> None:
        assert self.case_id is not None
        self.say_refused(None)
        self.load(self.case_id)
        self.ctx.bus.changed.emit("secretariat")
        self.changed.emit()

    # -- attachments ----------------------------------------------------------------------------

    def attach_dropped(self, paths: list[Path]) -> None:
        """Files dropped on the attachments: each one's «افزودن پیوست» dialog, the file chosen, for
        whoever may attach to the case."""
        if "attach" not in self.buttons:
            return
        for path in paths:
            self.attach_file(path)

    def attachment_copy(self, row: int) -> Path | None:
        """The attachment as a file under its own name (in a temporary folder), for the system's
        viewer; None with the reason shown when this desk does not hold it (not synced yet)."""
        if self.detail is None or not 0 <= row < len(self.detail.attachments):
            return None
        a = self.detail.attachments[row]
        try:
            data = read_attachment(self.ctx.store, a["sha256"])
        except NotFound:
            self.attachment_message.setText(self.tr(
                "این پیوست هنوز به این میز نرسیده است؛ پس از همگام‌سازی باز می‌شود."))
            self.attachment_message.show()
            return None
        except OSError:  # there, but not readable (a damaged disk, a permission): said, not a crash
            self.attachment_message.setText(self.tr(
                "پرونده این پیوست روی این میز خوانده نشد؛ به پشتیبان سامانه خبر دهید."))
            self.attachment_message.show()
            return None
        try:
            # a folder per scan (two scans may share a name), the copy made once for the session
            # (and not written again while a viewer may hold it open)
            path: Path = scan_copies() / str(a["sha256"])[:16] / (Path(a["filename"]).name or str(a["sha256"]))
            if not (path.is_file() and path.stat().st_size == len(data)):
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
        except OSError:
            self.attachment_message.setText(self.tr(
                "رونوشت پیوست برای باز کردن نوشته نشد؛ شاید جای خالی دیسک تمام شده است."))
            self.attachment_message.show()
            return None
        self.attachment_message.clear()
        self.attachment_message.hide()
        return path

    def open_attachment(self, row: int) -> None:
        path = self.attachment_copy(row)
        if path is not None and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.attachment_message.setText(self.tr("برنامه‌ای برای باز کردن این فایل پیدا نشد: {p}").format(p=path))
            self.attachment_message.show()

    # -- papers ---------------------------------------------------------------------------------

    def history_html(self) -> str:
        """The case's file as the office prints it for itself, in the interface's language: its
        details as shown, every step of its timeline, its attachments, and the day it was printed."""
        assert self.detail is not None
        rtl = self.isRightToLeft()
        office = get_office(self.ctx.store)
        codes = {"tracking", "number"}  # kept whole on paper, as the timeline's letter numbers are
        details = html_table([self.tr("مشخصه"), self.tr("مقدار")],
                             [[caption, unbroken(self.labels[key].text()) if key in codes else self.labels[key].text()]
                              for key, caption in self.captions.items()], rtl)
        model = self.timeline.model()
        assert isinstance(model, TimelineModel)
        steps = html_table(list(model.headers), [[model.index(r, c).data() for c in range(len(model.headers))]
                                                 for r in range(model.rowCount())], rtl)  # (as shown)
        # each scan with what it is, its size and when and by whom it was added: a list of bare
        # names left the reader of fifteen scans to guess which was the agency's answer
        names = self._names()
        files = html_table(
            [self.tr("ردیف"), self.tr("پیوست"), self.tr("گونه"), self.tr("اندازه"), self.tr("افزوده در"),
             self.tr("افزوده به دست")],
            [[digits(i), a["filename"], attachment_kind(a["kind"]), self.size_text(a["size"]),
              text_digits(persian.format_jalali_datetime(a["added_at"])), text_digits(names.get(a["added_by"], "—"))]
             for i, a in enumerate(self.detail.attachments, 1)], rtl) if self.detail.attachments else ""
        title = self.tr("پرونده {code}").format(code=unbroken(self.labels["tracking"].text()))
        timeline, attached = self.tr("گردش کار"), self.tr("پیوست‌ها")
        printed = self.tr("چاپ: {day}").format(day=long_date(self.today()))
        heading = "<br/>".join(esc(line, rtl) for line in heading_lines(office))
        body = ((f"<p align='center'><b>{heading}</b></p>" if heading else "")
                + f"<h2>{esc(title)}</h2>" + details + f"<h3>{esc(timeline)}</h3>" + steps
                + (f"<h3>{esc(attached)}</h3>{files}" if files else "") + f"<p>{esc(printed)}</p>")
        return wrap_page(body, rtl)

    def receipt_html(self) -> str:
        assert self.detail is not None
        return papers.receipt(self.ctx.store, self.detail, self.today())

    def letter_html(self) -> str:
        assert self.detail is not None
        return papers.forwarding_letter(self.ctx.store, self.detail)

    def follow_up_letter_html(self) -> str:
        assert self.detail is not None
        return papers.follow_up_letter(self.ctx.store, self.ctx.actor, self.detail)

    def result_letter_html(self) -> str:
        assert self.detail is not None
        return papers.result_letter(self.ctx.store, self.detail)

    def rejection_notice_html(self) -> str:
        assert self.detail is not None
        return papers.rejection_notice(self.ctx.store, self.detail, self.today())

    def letter_pdf(self) -> None:
        save_pdf(self, self.letter_html(), "letter.pdf")

    def print_letter(self) -> None:
        print_html(self, self.letter_html())


def case_window(ctx: UiContext, case_id: str, parent: QWidget, day: Today | None = None) -> QDialog:
    """A case in a window of its own (not modal), over the page it was named on (the intake's
    similar cases, a case's twin): read, or acted on by one whose role allows, while that page
    keeps its state. Closed, it is deleted."""
    window = QDialog(parent)
    window.setObjectName("case-window")
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    layout = QVBoxLayout(window)
    view = CaseView(ctx, case_id, window, day=day)
    layout.addWidget(view)
    code = view.detail.case["tracking_code"] if view.detail is not None else ""
    window.setWindowTitle(QCoreApplication.translate("CaseView", "پرونده {code}").format(
        code=digits(format_tracking_code(code))))
    window.resize(1000, 700)
    window.show()
    return window
