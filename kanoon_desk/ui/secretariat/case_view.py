"""The case view: who holds it, the deadline, the whole timeline, attachments, and the actions the
user's roles allow (review, register, refer, recall, forward, follow up, answer, notify, close...)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from ... import persian
from ...errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from ...models import User
from ...services import secretariat as sec
from ...services import secretariat_query as q
from ...services.accounts import working_calendar
from ...services.numbers import format_tracking_code
from ...services.secretariat_agencies import default_deadline, get_agency, list_agencies
from ...services.secretariat_files import read_attachment
from ..context import UiContext
from ..drafts import draft_key
from ..tables import remember_splitter
from ..widgets import LazyTableModel, digits, isolated, list_fetcher, number_text, text_digits
from . import papers
from .common import Today, ltr, notice_text, outcome_text, print_html, save_pdf, status_text
from .dialogs import ActionDialog

__all__ = ["ActionDialog", "CaseView", "TimelineModel"]

MSG_CHOOSE_FILE = QT_TRANSLATE_NOOP("Errors", "نخست فایل اسکن را برگزینید.")

EVENT_FA = {  # noqa: E501

    "case.received": QT_TRANSLATE_NOOP("Secretariat", "دریافت درخواست"),
    "case.reviewed": QT_TRANSLATE_NOOP("Secretariat", "بررسی اولیه کارشناس"),
    "case.registered": QT_TRANSLATE_NOOP("Secretariat", "ثبت در دبیرخانه"),
    "case.referred": QT_TRANSLATE_NOOP("Secretariat", "ارجاع"),
    "case.referral_recalled": QT_TRANSLATE_NOOP("Secretariat", "پس‌گرفتن ارجاع"),
    "case.referral_read": QT_TRANSLATE_NOOP("Secretariat", "دیده شد"),
    "case.forwarded": QT_TRANSLATE_NOOP("Secretariat", "ارسال به دستگاه اجرایی"),
    "case.followed_up": QT_TRANSLATE_NOOP("Secretariat", "پیگیری"),
    "case.answered": QT_TRANSLATE_NOOP("Secretariat", "دریافت پاسخ"),
    "case.notified": QT_TRANSLATE_NOOP("Secretariat", "اعلام به متقاضی"),
    "case.closed": QT_TRANSLATE_NOOP("Secretariat", "مختومه"),
    "case.reopened": QT_TRANSLATE_NOOP("Secretariat", "بازگشایی"),
    "case.visited": QT_TRANSLATE_NOOP("Secretariat", "مراجعه حضوری"),
    "case.attached": QT_TRANSLATE_NOOP("Secretariat", "پیوست"),
    "case.forward_withdrawn": QT_TRANSLATE_NOOP("Secretariat", "پس‌گرفتن ارسال (حل ناسازگاری)"),
    "case.renumbered": QT_TRANSLATE_NOOP("Secretariat", "شماره ثبت تازه (حل ناسازگاری)"),
}


def _sms_text(entry: q.TimelineEntry, mobile: str) -> str:
    """A notice by SMS and what the server last said of it (after a sync round)."""
    o = entry.sms
    if o is not None and o.status == "sent":
        return QCoreApplication.translate("Secretariat", "پیامک به {mobile}، فرستاده شد {at}").format(
            mobile=mobile, at=persian.format_jalali_datetime(o.sent_at) if o.sent_at else "")
    if o is not None and o.status == "failed":
        return QCoreApplication.translate("Secretariat", "پیامک به {mobile} نرسید ({error})؛ از راه دیگری اعلام کنید").format(
            mobile=mobile, error=o.last_error or "—")
    return QCoreApplication.translate("Secretariat", "پیامک به {mobile}، در صف ارسال سرور").format(mobile=mobile)


def _describe(entry: q.TimelineEntry, names: dict[str, str], agencies: dict[str, str]) -> str:
    p = entry.payload
    t = entry.type
    if t == "case.reviewed":
        return QCoreApplication.translate("Secretariat", "پذیرفته شد") if p.get("decision") == "accept" else QCoreApplication.translate("Secretariat", "رد شد: ") + isolated(str(p.get("reason", "")))
    if t == "case.registered":
        return ltr(persian.to_persian_digits(str(p.get("registration_no", ""))))
    if t == "case.referred":
        return QCoreApplication.translate("Secretariat", "به ") + isolated(names.get(p.get("to_user_id", ""), "?")) + (
            f" — «{isolated(p['instruction'])}»" if p.get("instruction") else "")
    if t == "case.forwarded":
        letter = QCoreApplication.translate("Secretariat", " — نامه {no} مورخ {day}").format(
            no=ltr(persian.to_persian_digits(str(p.get("letter_no", "")))),
            day=persian.format_jalali_date(date.fromisoformat(p.get("letter_date") or p["day"])))
        return (isolated(agencies.get(p.get("agency_id", ""), "")) + letter + QCoreApplication.translate("Secretariat", " — مهلت ")
                + persian.format_jalali_date(date.fromisoformat(p["deadline"])))
    if t == "case.followed_up":
        extra = (QCoreApplication.translate("Secretariat", " — مهلت تازه ") + persian.format_jalali_date(date.fromisoformat(p["new_deadline"]))
                 if p.get("new_deadline") else "")
        return (QCoreApplication.translate("Secretariat", "تلفنی") if p.get("method") == "phone" else QCoreApplication.translate("Secretariat", "کتبی")) + extra + " " + isolated(str(p.get("note", "")))
    if t in ("case.answered",):
        return isolated(str(p.get("text", "")))
    if t == "case.notified":
        said = f" — «{isolated(p['text'])}»" if p.get("text") else ""
        if p.get("method") == "sms":
            return _sms_text(entry, ltr(persian.to_persian_digits(str(p.get("mobile", ""))))) + said
        return {"phone": QCoreApplication.translate("Secretariat", "تلفنی"), "letter": QCoreApplication.translate("Secretariat", "نامه"),
                "in_person": QCoreApplication.translate("Secretariat", "حضوری")}.get(p.get("method", ""), "") + said
    if t == "case.closed":
        party = p.get("responsible_party")
        return outcome_text(p.get("outcome")) + (f" ({isolated(party)})" if party else "")
    if t == "case.attached":
        return isolated(str(p.get("filename", "")))
    if t == "case.reopened":
        return isolated(str(p.get("reason", "")))
    return ""


class TimelineModel(LazyTableModel):
    def __init__(self, entries: list[q.TimelineEntry], names: dict[str, str], agencies: dict[str, str]) -> None:
        fetch, count = list_fetcher(lambda: entries)
        super().__init__([QCoreApplication.translate("Secretariat", "تاریخ"),
                          QCoreApplication.translate("Secretariat", "زمان ثبت"),
                          QCoreApplication.translate("Secretariat", "کار"),
                          QCoreApplication.translate("Secretariat", "کاربر"),
                          QCoreApplication.translate("Secretariat", "شرح")], fetch, count)
        self._names, self._agencies = names, agencies

    def display(self, row: q.TimelineEntry, column: int) -> str:
        # "when it happened" (the letter's or the visit's own day, if the step names one) and
        # "when it was entered" (date and time, Tehran): two steps on one day stay told apart
        if column == 0:
            return persian.format_jalali_date(row.day or row.recorded_at)
        if column == 1:
            return persian.format_jalali_datetime(row.recorded_at)
        if column == 2:
            return QCoreApplication.translate("Secretariat", EVENT_FA.get(row.type, row.type))
        if column == 3:
            return text_digits(row.user_name)
        # stored text keeps ASCII digits: in Persian text they read Persian (codes are LTR islands
        # already written in Persian digits; a Latin file name keeps its own)
        return text_digits(_describe(row, self._names, self._agencies))


class CaseView(QWidget):
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
                ("deadline", self.tr("مهلت پاسخ")), ("visits", self.tr("مراجعه حضوری")),
                ("mobile", self.tr("شماره همراه")), ("time", self.tr("زمان رسیدگی"))]
        for i, (key, label) in enumerate(keys):
            if key == "time":
                i += i % 2  # its own row
            grid.addWidget(QLabel(label + ":"), i // 2, (i % 2) * 2)
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
                               | Qt.AlignmentFlag.AlignVCenter)
            self.labels[key] = value
            if key == "time":  # a sentence: the whole width of its row
                grid.addWidget(value, i // 2, 1, 1, 3)
            else:
                grid.addWidget(value, i // 2, (i % 2) * 2 + 1)
        box.addWidget(head)
        self.actions_bar = QHBoxLayout()
        box.addLayout(self.actions_bar)
        self.timeline = QTableView()
        self.timeline.setObjectName("case-timeline")
        self.timeline.verticalHeader().hide()
        self.timeline.horizontalHeader().setStretchLastSection(True)
        self.attachments = QListWidget()
        self.attachments.setMinimumHeight(30)
        self.attachments.setToolTip(self.tr("دو بار کلیک: باز کردن پیوست"))
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

    def load(self, case_id: str) -> None:
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
        L["applicant"].setText(text_digits(f"{c['applicant_name']} ({persian.to_persian_digits(c['national_id'])})"))
        L["subject"].setText(text_digits(c["subject"]))
        L["holder"].setText(text_digits(self.holder_text()))
        late = c["status"] == "forwarded" and c["deadline"] and c["deadline"] < self.today()
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
        QTimer.singleShot(0, self.timeline, self.timeline.scrollToBottom)  # the latest steps in sight, once laid out
        self.attachments.clear()
        for a in d.attachments:
            self.attachments.addItem(f"{a['filename']} ({number_text(a['size'] // 1024)} KB)")
        self.attachments_box.setTitle(self.tr("پیوست‌ها ({n})").format(n=digits(len(d.attachments))))
        if d.attachments and self.attachments_box.isHidden():  # back: a few lines' room, the rest the timeline's
            self.attachments_box.show()
            total = sum(self.split.sizes()) or self.split.height()
            rows = self.attachments.sizeHintForRow(0) * min(len(d.attachments), 3)
            want = min(total // 3, rows + self.attachments_box.sizeHint().height()
                       - self.attachments.sizeHint().height() + 2 * self.attachments.frameWidth())
            self.split.setSizes([total - want, want])
        self.attachments_box.setVisible(bool(d.attachments))
        self._build_actions()

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
            ("answer", self.tr("ثبت پاسخ"), st == "forwarded" and a.has("clerk", "expert", "manager"), self.answer),
            ("notify", self.tr("اعلام به متقاضی"), st in ("answered", "rejected", "closed") and a.has("clerk", "expert"),
             self.notify),
            ("close", self.tr("مختومه"), (st in ("accepted", "registered", "forwarded", "answered")
                                         or (st == "referred" and mine)) and a.has("expert", "manager"),
             self.close_case),
            ("reopen", self.tr("بازگشایی"), st in ("closed", "rejected") and a.has("expert", "manager"), self.reopen),
            ("visit", self.tr("مراجعه حضوری"), a.has("clerk", "expert"), self.visit),
            ("attach", self.tr("افزودن پیوست"), a.has("clerk", "expert", "manager"), self.attach),
        ]
        for key, label, enabled, slot in spec:
            if not enabled:
                continue
            b = QPushButton(label)
            b.clicked.connect(slot)
            self.actions_bar.addWidget(b)
            self.buttons[key] = b
        self._build_papers()
        self.actions_bar.addStretch(1)

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
            ("rejection_notice", self.tr("چاپ اعلام رد"), self.tr("اعلام رد PDF"),
             c["status"] == "rejected" and bool(c["reject_reason"]), self.rejection_notice_html, "notice.pdf"),
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
        button.setMenu(menu)
        self.actions_bar.addWidget(button)
        self.buttons["papers"] = button

    # -- actions --------------------------------------------------------------------------------

    def _done(self) -> None:
        assert self.case_id is not None
        self.load(self.case_id)
        self.ctx.bus.changed.emit("secretariat")
        self.changed.emit()

    def _dialog(self, title: str, run: Callable[[dict[str, Any]], Any]) -> ActionDialog:
        return ActionDialog(self, title, run)

    def _exec(self, dlg: ActionDialog) -> None:
        # the text typed into an action (an agency's answer, an instruction) is kept as a draft
        # of this case and action until it is saved or cancelled
        dlg.keep_draft(self.ctx.settings, draft_key(self.ctx.actor.user_id,
                                                    f"case-{self.case_id}-{dlg.windowTitle()}"))
        accepted = dlg.exec() == QDialog.DialogCode.Accepted
        dlg.deleteLater()  # (a dialog kept as the view's child, with its draft, for every action opened)
        if accepted:
            self._done()

    def _simple(self, fn: Callable[[], Any]) -> None:
        try:
            fn()
        except Exception as err:  # noqa: BLE001
            from ..errors import error_text

            self.labels["status"].setText(error_text(err))
            return
        self._done()

    def accept_case(self) -> None:
        self._simple(lambda: sec.review(self.ctx.store, self.ctx.actor, self.case_id or "", accept=True,
                                       on=self.today()))

    def reject_case(self) -> None:
        d = self._dialog(self.tr("رد درخواست"), lambda v: sec.review(
            self.ctx.store, self.ctx.actor, self.case_id or "", accept=False, reason=v["reason"] or "",
            note=v["note"], on=self.today()))
        d.combo("reason", self.tr("دلیل"), [(QCoreApplication.translate("Errors", r), r) for r in sec.REJECTION_REASONS])
        d.text("note", self.tr("توضیح"))
        self._exec(d)

    def manager_reject(self) -> None:
        """The manager rejects the request in their cartable: a reason from the list and a note,
        both told the applicant in the rejection notice that follows (printable, pending until
        sent). No reason chosen is refused at its field."""
        d = self._dialog(self.tr("رد درخواست"), lambda v: sec.manager_reject(
            self.ctx.store, self.ctx.actor, self.case_id or "", reason=v["reason"] or "", note=v["note"],
            on=self.today()))
        d.combo("reason", self.tr("دلیل"), [(self.tr("— دلیل را برگزینید —"), "")]
                + [(QCoreApplication.translate("Errors", r), r) for r in sec.REJECTION_REASONS])
        d.text("note", self.tr("توضیح برای متقاضی"))
        d.note("notice", "", self.tr("دلیل و توضیح در اعلام رد به متقاضی نوشته می‌شود؛ اعلام رد پس از ثبت "
                                     "از «چاپ و PDF» چاپ می‌شود."))
        self._exec(d)

    def register(self) -> None:
        self._simple(lambda: sec.register(self.ctx.store, self.ctx.actor, self.case_id or "",
                                                  on=self.today()))

    def _users(self, role: str) -> list[tuple[str, str]]:
        with self.ctx.store.read() as s:
            return [(u.full_name, u.id) for u in s.scalars(select(User).where(User.active.is_(True)))
                    if role in u.role_set and u.id != self.ctx.actor.user_id]

    def refer(self) -> None:
        role = "expert" if self.ctx.actor.has("manager") and not self.ctx.actor.has("admin") else "manager"
        d = self._dialog(self.tr("ارجاع"), lambda v: sec.refer(
            self.ctx.store, self.ctx.actor, self.case_id or "", v["to_user_id"] or "", instruction=v["instruction"],
            cc=v["cc"], on=self.today()))
        d.combo("to_user_id", self.tr("گیرنده"), self._users(role))
        d.line("instruction", self.tr("دستور (پاراف)"))
        others: dict[str, str] = {}  # id → name: a user with both roles once
        for name, user_id in [*self._users("manager"), *self._users("expert"), *self._users("clerk")]:
            others.setdefault(user_id, name)
        d.checks("cc", self.tr("رونوشت (برای آگاهی)"), [(name, uid) for uid, name in others.items()])
        self._exec(d)

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
        folder = Path(tempfile.mkdtemp(prefix="kanoon-attachment-"))
        path = folder / (Path(a["filename"]).name or a["sha256"])
        path.write_bytes(data)
        self.attachment_message.clear()
        self.attachment_message.hide()
        return path

    def open_attachment(self, row: int) -> None:
        path = self.attachment_copy(row)
        if path is not None and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.attachment_message.setText(self.tr("برنامه‌ای برای باز کردن این فایل پیدا نشد: {p}").format(p=path))
            self.attachment_message.show()

    def refer_back(self) -> None:
        """The manager sends the case back to whoever referred it (the expert), with an instruction."""
        d = self._dialog(self.tr("بازگرداندن به ارجاع‌دهنده"), lambda v: sec.refer_back(
            self.ctx.store, self.ctx.actor, self.case_id or "", instruction=v["instruction"],
            on=self.today()))
        d.line("instruction", self.tr("دستور (پاراف)"))
        self._exec(d)

    def recall(self) -> None:
        assert self.detail is not None
        self._simple(lambda: sec.recall(self.ctx.store, self.ctx.actor, self.detail.open_item_id or ""))  # type: ignore[union-attr]

    def forward(self) -> None:
        agencies = list_agencies(self.ctx.store)
        d = self._dialog(self.tr("ارسال به دستگاه اجرایی"), lambda v: sec.forward(
            self.ctx.store, self.ctx.actor, self.case_id or "", v["agency_id"] or "", letter_no=v["letter_no"],
            letter_date=v["letter_date"], deadline=None if v["default_deadline"] else v["deadline"],
            on=self.today()))
        agency = d.combo("agency_id", self.tr("دستگاه"), [(a.name, a.id) for a in agencies])
        d.line("letter_no", self.tr("شماره نامه (خالی: خودکار)"))
        letter_date = d.date("letter_date", self.tr("تاریخ نامه"), self.today())
        default = d.combo("default_deadline", self.tr("مهلت"), [(self.tr("پیش‌فرض دستگاه (روز کاری)"), True),
                                                               (self.tr("تاریخ دلخواه"), False)])
        deadline = d.date("deadline", self.tr("تاریخ مهلت"))
        preview = d.note("deadline_preview", self.tr("مهلت پاسخ"))
        calendar = working_calendar(self.ctx.store)

        def show_deadline() -> None:
            chosen = agency.currentData()
            deadline.setEnabled(not default.currentData())
            if not default.currentData():
                preview.setText(self.tr("تا {day}").format(day=persian.format_jalali_date(deadline.value())))
            elif chosen:
                a = get_agency(self.ctx.store, chosen)
                due = default_deadline(calendar, a, letter_date.value())
                preview.setText(self.tr("تا {day}: {n} روز کاری از تاریخ نامه").format(
                    day=persian.format_jalali_date(due), n=digits(a.effective_deadline_days)))
            else:
                preview.clear()

        for signal in (agency.currentIndexChanged, default.currentIndexChanged, letter_date.dateChanged,
                       deadline.dateChanged):
            signal.connect(show_deadline)
        show_deadline()
        if not agencies:
            d.form.set_error("agency_id", self.tr(
                "هنوز دستگاهی در فهرست دستگاه‌های اجرایی نیست؛ مدیر سامانه آن را در «دستگاه‌های اجرایی» می‌افزاید."))
        self._exec(d)

    def follow_up(self) -> None:
        d = self._dialog(self.tr("پیگیری"), lambda v: sec.follow_up(
            self.ctx.store, self.ctx.actor, self.case_id or "", method=v["method"], note=v["note"],
            new_deadline=v["new_deadline"], on=self.today()))
        d.combo("method", self.tr("شیوه"), [(self.tr("تلفنی"), "phone"), (self.tr("نامه"), "letter")])
        d.text("note", self.tr("یادداشت"))
        # unticked, the deadline stays; ticked, 7 working days from today on the office's calendar
        # (its holidays too) unless the clerk picks another day
        d.optional_date("new_deadline", self.tr("مهلت تازه"), self.tr("مهلت تازه بده"),
                        working_calendar(self.ctx.store).add_working_days(self.today(), 7))
        self._exec(d)

    def answer(self) -> None:
        d = self._dialog(self.tr("ثبت پاسخ دستگاه"), lambda v: sec.record_response(
            self.ctx.store, self.ctx.actor, self.case_id or "", text=v["text"], attachment=v["attachment"],
            on=self.today()))
        d.text("text", self.tr("متن پاسخ"))
        d.file("attachment", self.tr("نامه پاسخ (اسکن)"))
        self._exec(d)

    def attach(self) -> None:
        """A scan brought later (more documents from the applicant, a letter) joins the case."""
        def run(v: dict[str, Any]) -> None:
            if not v["attachments"]:
                raise ValidationError(MSG_CHOOSE_FILE, "attachments")
            sec.add_attachment(self.ctx.store, self.ctx.actor, self.case_id or "", v["attachments"], kind=v["kind"])

        d = self._dialog(self.tr("افزودن پیوست"), run)
        d.file("attachments", self.tr("فایل"))
        d.combo("kind", self.tr("گونه"), [(self.tr("مدرک متقاضی"), "applicant"), (self.tr("نامه"), "letter"),
                                          (self.tr("دیگر"), "other")])
        self._exec(d)

    def notify(self) -> None:
        """Phone, letter, SMS (queued for the server to send, to the applicant's mobile) or in
        person; choosing SMS with nothing written puts the default message in to edit."""
        assert self.detail is not None
        case, mobile = self.detail.case, self.detail.applicant.get("mobile") or ""
        d = self._dialog(self.tr("اعلام به متقاضی"), lambda v: sec.notify(
            self.ctx.store, self.ctx.actor, self.case_id or "", method=v["method"], text=v["text"],
            on=self.today()))
        method = d.combo("method", self.tr("شیوه"), [(self.tr("تلفنی"), "phone"), (self.tr("نامه"), "letter"),
                                                     (self.tr("پیامک"), "sms"), (self.tr("حضوری"), "in_person")])
        text = d.text("text", self.tr("متن"))
        d.note("mobile", self.tr("شماره همراه"), ltr(persian.to_persian_digits(mobile)) if mobile
               else self.tr("برای این متقاضی شماره همراهی ثبت نشده است؛ پیامک فرستادنی نیست."))

        def sms_chosen() -> None:
            if method.currentData() == "sms" and not text.toPlainText().strip():
                text.setPlainText(text_digits(sec.sms_text(case)))

        method.currentIndexChanged.connect(sms_chosen)
        self._exec(d)

    def close_case(self) -> None:
        d = self._dialog(self.tr("مختومه کردن"), lambda v: sec.close(
            self.ctx.store, self.ctx.actor, self.case_id or "", outcome=v["outcome"], note=v["note"],
            responsible_party=v["responsible_party"], on=self.today()))
        # (a rejection names its reason and tells the applicant: the manager's «رد درخواست»)
        d.combo("outcome", self.tr("نتیجه"), [(outcome_text(o), o) for o in
                                             ("resolved", "not_responsible", "unresolved")])
        d.line("responsible_party", self.tr("دستگاه مسئول (اگر وظیفه این دستگاه نیست)"))
        d.text("note", self.tr("توضیح"))
        self._exec(d)

    def reopen(self) -> None:
        d = self._dialog(self.tr("بازگشایی"), lambda v: sec.reopen(
            self.ctx.store, self.ctx.actor, self.case_id or "", reason=v["reason"],
            on=self.today()))
        d.text("reason", self.tr("دلیل"))
        self._exec(d)

    def visit(self) -> None:
        self._simple(lambda: sec.record_visit(self.ctx.store, self.ctx.actor, self.case_id or "", purpose="ask",
                                                      on=self.today()))

    def receipt_html(self) -> str:
        assert self.detail is not None
        return papers.receipt(self.ctx.store, self.detail, self.today())

    def letter_html(self) -> str:
        assert self.detail is not None
        return papers.forwarding_letter(self.ctx.store, self.detail)

    def follow_up_letter_html(self) -> str:
        assert self.detail is not None
        return papers.follow_up_letter(self.ctx.store, self.detail)

    def rejection_notice_html(self) -> str:
        assert self.detail is not None
        return papers.rejection_notice(self.ctx.store, self.detail, self.today())

    def letter_pdf(self) -> None:
        save_pdf(self, self.letter_html(), "letter.pdf")

    def print_letter(self) -> None:
        print_html(self, self.letter_html())
