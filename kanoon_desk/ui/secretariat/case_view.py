"""The case view: who holds it, the deadline, the whole timeline, attachments, and the actions the
user's roles allow (review, register, refer, recall, forward, follow up, answer, notify, close...)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
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
from ...services.accounts import get_office
from ...services.secretariat_agencies import list_agencies
from ...services.secretariat_docs import (
    follow_up_letter_html,
    forwarding_letter_html,
    rejection_notice_html,
)
from ...services.secretariat_files import read_attachment
from ..context import UiContext
from ..widgets import Form, JalaliDateEdit, LazyTableModel, list_fetcher, text_digits, today
from .common import ltr, outcome_text, print_html, save_pdf, status_text

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


def _describe(entry: q.TimelineEntry, names: dict[str, str], agencies: dict[str, str]) -> str:
    p = entry.payload
    t = entry.type
    if t == "case.reviewed":
        return QCoreApplication.translate("Secretariat", "پذیرفته شد") if p.get("decision") == "accept" else QCoreApplication.translate("Secretariat", "رد شد: ") + str(p.get("reason", ""))
    if t == "case.registered":
        return ltr(persian.to_persian_digits(str(p.get("registration_no", ""))))
    if t == "case.referred":
        return QCoreApplication.translate("Secretariat", "به ") + names.get(p.get("to_user_id", ""), "?") + (f" — «{p['instruction']}»" if p.get("instruction") else "")
    if t == "case.forwarded":
        return (agencies.get(p.get("agency_id", ""), "") + QCoreApplication.translate("Secretariat", " — مهلت ")
                + persian.format_jalali_date(date.fromisoformat(p["deadline"])))
    if t == "case.followed_up":
        extra = (QCoreApplication.translate("Secretariat", " — مهلت تازه ") + persian.format_jalali_date(date.fromisoformat(p["new_deadline"]))
                 if p.get("new_deadline") else "")
        return (QCoreApplication.translate("Secretariat", "تلفنی") if p.get("method") == "phone" else QCoreApplication.translate("Secretariat", "کتبی")) + extra + " " + str(p.get("note", ""))
    if t in ("case.answered",):
        return str(p.get("text", ""))
    if t == "case.notified":
        return {"phone": QCoreApplication.translate("Secretariat", "تلفنی"), "letter": QCoreApplication.translate("Secretariat", "نامه"), "sms": QCoreApplication.translate("Secretariat", "پیامک (در صف)"),
                "in_person": QCoreApplication.translate("Secretariat", "حضوری")}.get(p.get("method", ""), "")
    if t == "case.closed":
        party = p.get("responsible_party")
        return outcome_text(p.get("outcome")) + (f" ({party})" if party else "")
    if t == "case.attached":
        return str(p.get("filename", ""))
    if t == "case.reopened":
        return str(p.get("reason", ""))
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
            return row.user_name
        return _describe(row, self._names, self._agencies)


class ActionDialog(QDialog):
    """A small form for one action; `run(values)` calls the service, errors stay at their field."""

    def __init__(self, parent: QWidget | None, title: str, run: Callable[[dict[str, Any]], Any]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = Form()
        self._run = run
        self._getters: dict[str, Callable[[], Any]] = {}
        box = QVBoxLayout(self)
        box.addWidget(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    def line(self, name: str, label: str, value: str = "") -> QLineEdit:
        w = QLineEdit(value)
        self.form.add_field(name, label, w)
        self._getters[name] = w.text
        return w

    def text(self, name: str, label: str) -> QPlainTextEdit:
        w = QPlainTextEdit()
        w.setFixedHeight(80)
        self.form.add_field(name, label, w)
        self._getters[name] = w.toPlainText
        return w

    def combo(self, name: str, label: str, items: list[tuple[str, Any]]) -> QComboBox:
        w = QComboBox()
        for text_, data in items:
            w.addItem(text_, data)
        self.form.add_field(name, label, w)
        self._getters[name] = w.currentData
        return w

    def date(self, name: str, label: str, value: date | None = None) -> JalaliDateEdit:
        w = JalaliDateEdit(value=value or today())
        self.form.add_field(name, label, w)
        self._getters[name] = w.value
        return w

    def file(self, name: str, label: str) -> QLineEdit:
        """A scanned file chosen from disk (PDF, JPEG, PNG, TIFF); its value is the path, or None."""
        path = QLineEdit()
        path.setReadOnly(True)
        path.setObjectName(f"{name}-path")
        path.setPlaceholderText(QCoreApplication.translate("CaseView", "بدون پیوست"))
        choose = QPushButton(QCoreApplication.translate("CaseView", "انتخاب فایل…"))

        def pick() -> None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, label, "", QCoreApplication.translate("CaseView", "اسکن‌ها (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"))
            if chosen:
                path.setText(chosen)

        choose.clicked.connect(pick)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(path, 1)
        row.addWidget(choose)
        self.form.add_field(name, label, holder)
        self._getters[name] = lambda: path.text() or None
        return path

    def values(self) -> dict[str, Any]:
        return {k: g() for k, g in self._getters.items()}

    def submit(self) -> None:
        try:
            self._run(self.values())
        except Exception as err:  # noqa: BLE001 - shown at its field, the dialog stays open
            self.form.show_error(err)
            return
        self.accept()


class CaseView(QWidget):
    """Signals:
        changed(): after an action changed the case.
    """

    changed = Signal()

    def __init__(self, ctx: UiContext, case_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id: str | None = None
        self.detail: q.CaseDetail | None = None
        self.today = today()
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
                ("deadline", self.tr("مهلت پاسخ")), ("visits", self.tr("مراجعه حضوری"))]
        for i, (key, label) in enumerate(keys):
            grid.addWidget(QLabel(label + ":"), i // 2, (i % 2) * 2)
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
                               | Qt.AlignmentFlag.AlignVCenter)
            self.labels[key] = value
            grid.addWidget(value, i // 2, (i % 2) * 2 + 1)
        box.addWidget(head)
        self.actions_bar = QHBoxLayout()
        box.addLayout(self.actions_bar)
        self.timeline = QTableView()
        self.timeline.verticalHeader().hide()
        self.timeline.horizontalHeader().setStretchLastSection(True)
        box.addWidget(self.timeline, 3)
        self.attachments = QListWidget()
        self.attachments.setMaximumHeight(80)
        self.attachments.setToolTip(self.tr("دو بار کلیک: باز کردن پیوست"))
        self.attachments.itemActivated.connect(lambda _item: self.open_attachment(self.attachments.currentRow()))
        self.attachment_message = QLabel()
        self.attachment_message.setObjectName("attachment-message")
        box.addWidget(QLabel(self.tr("پیوست‌ها")))
        box.addWidget(self.attachments)
        box.addWidget(self.attachment_message)
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
        d = self.detail = q.get_case(self.ctx.store, self.ctx.actor, case_id)
        self.placeholder.hide()
        self.body.show()
        c = d.case
        names = self._names()
        agencies = {a.id: a.name for a in list_agencies(self.ctx.store, include_inactive=True)}
        L = self.labels
        L["tracking"].setText(ltr(persian.to_persian_digits(c["tracking_code"])))
        L["number"].setText(ltr(persian.to_persian_digits(c["registration_no"] or "—")))
        status = status_text(c["status"])
        if c["outcome"]:
            status += " — " + outcome_text(c["outcome"])
        L["status"].setText(status)
        L["applicant"].setText(text_digits(f"{c['applicant_name']} ({persian.to_persian_digits(c['national_id'])})"))
        L["subject"].setText(text_digits(c["subject"]))
        L["holder"].setText(text_digits(d.holder_name or d.agency_name or "—"))
        late = c["status"] == "forwarded" and c["deadline"] and c["deadline"] < self.today
        L["deadline"].setText((persian.format_jalali_date(c["deadline"]) if c["deadline"] else "—")
                              + (" — " + self.tr("دیرکرد") if late else ""))
        L["deadline"].setStyleSheet("color: #b00020;" if late else "")
        L["visits"].setText(persian.to_persian_digits(c["visits"]))
        model = TimelineModel(d.timeline, names, agencies)
        self.timeline.setModel(model)
        model.reload()
        self.timeline.resizeColumnsToContents()
        self.attachments.clear()
        for a in d.attachments:
            self.attachments.addItem(f"{a['filename']} ({persian.format_number(a['size'] // 1024)} KB)")
        self._build_actions()

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
            ("letter", self.tr("نامه ارسال PDF"), bool(self.detail.forwards), self.letter_pdf),
            ("follow_up_letter", self.tr("نامه پیگیری PDF"),
             any(f["method"] == "letter" for f in self.detail.follow_ups), self.follow_up_letter_pdf),
            ("rejection_notice", self.tr("اعلام رد PDF"), st == "rejected" and bool(c["reject_reason"]),
             self.rejection_notice_pdf),
        ]
        for key, label, enabled, slot in spec:
            if not enabled:
                continue
            b = QPushButton(label)
            b.clicked.connect(slot)
            self.actions_bar.addWidget(b)
            self.buttons[key] = b
        self.actions_bar.addStretch(1)

    # -- actions --------------------------------------------------------------------------------

    def _done(self) -> None:
        assert self.case_id is not None
        self.load(self.case_id)
        self.ctx.bus.changed.emit("secretariat")
        self.changed.emit()

    def _dialog(self, title: str, run: Callable[[dict[str, Any]], Any]) -> ActionDialog:
        return ActionDialog(self, title, run)

    def _exec(self, dlg: ActionDialog) -> None:
        if dlg.exec() == QDialog.DialogCode.Accepted:
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
        self._simple(lambda: sec.review(self.ctx.store, self.ctx.actor, self.case_id or "", accept=True))

    def reject_case(self) -> None:
        d = self._dialog(self.tr("رد درخواست"), lambda v: sec.review(
            self.ctx.store, self.ctx.actor, self.case_id or "", accept=False, reason=v["reason"] or "",
            note=v["note"]))
        d.combo("reason", self.tr("دلیل"), [(QCoreApplication.translate("Errors", r), r) for r in sec.REJECTION_REASONS])
        d.text("note", self.tr("توضیح"))
        self._exec(d)

    def register(self) -> None:
        self._simple(lambda: sec.register(self.ctx.store, self.ctx.actor, self.case_id or ""))

    def _users(self, role: str) -> list[tuple[str, str]]:
        with self.ctx.store.read() as s:
            return [(u.full_name, u.id) for u in s.scalars(select(User).where(User.active.is_(True)))
                    if role in u.role_set and u.id != self.ctx.actor.user_id]

    def refer(self) -> None:
        role = "expert" if self.ctx.actor.has("manager") and not self.ctx.actor.has("admin") else "manager"
        d = self._dialog(self.tr("ارجاع"), lambda v: sec.refer(
            self.ctx.store, self.ctx.actor, self.case_id or "", v["to_user_id"] or "", instruction=v["instruction"],
            cc=[v["cc"]] if v["cc"] else []))
        d.combo("to_user_id", self.tr("گیرنده"), self._users(role))
        d.line("instruction", self.tr("دستور (پاراف)"))
        d.combo("cc", self.tr("رونوشت"), [(self.tr("بدون رونوشت"), None), *self._users("manager"),
                                          *self._users("expert")])
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
            return None
        folder = Path(tempfile.mkdtemp(prefix="kanoon-attachment-"))
        path = folder / (Path(a["filename"]).name or a["sha256"])
        path.write_bytes(data)
        self.attachment_message.clear()
        return path

    def open_attachment(self, row: int) -> None:
        path = self.attachment_copy(row)
        if path is not None and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.attachment_message.setText(self.tr("برنامه‌ای برای باز کردن این فایل پیدا نشد: {p}").format(p=path))

    def refer_back(self) -> None:
        """The manager sends the case back to whoever referred it (the expert), with an instruction."""
        d = self._dialog(self.tr("بازگرداندن به ارجاع‌دهنده"), lambda v: sec.refer_back(
            self.ctx.store, self.ctx.actor, self.case_id or "", instruction=v["instruction"]))
        d.line("instruction", self.tr("دستور (پاراف)"))
        self._exec(d)

    def recall(self) -> None:
        assert self.detail is not None
        self._simple(lambda: sec.recall(self.ctx.store, self.ctx.actor, self.detail.open_item_id or ""))  # type: ignore[union-attr]

    def forward(self) -> None:
        agencies = list_agencies(self.ctx.store)
        d = self._dialog(self.tr("ارسال به دستگاه اجرایی"), lambda v: sec.forward(
            self.ctx.store, self.ctx.actor, self.case_id or "", v["agency_id"] or "", letter_no=v["letter_no"],
            deadline=None if v["default_deadline"] else v["deadline"]))
        d.combo("agency_id", self.tr("دستگاه"), [(a.name, a.id) for a in agencies])
        d.line("letter_no", self.tr("شماره نامه (خالی: خودکار)"))
        d.combo("default_deadline", self.tr("مهلت"), [(self.tr("پیش‌فرض دستگاه (روز کاری)"), True),
                                                     (self.tr("تاریخ دلخواه"), False)])
        d.date("deadline", self.tr("تاریخ مهلت"))
        self._exec(d)

    def follow_up(self) -> None:
        d = self._dialog(self.tr("پیگیری"), lambda v: sec.follow_up(
            self.ctx.store, self.ctx.actor, self.case_id or "", method=v["method"], note=v["note"],
            new_deadline=v["new_deadline"]))
        d.combo("method", self.tr("شیوه"), [(self.tr("تلفنی"), "phone"), (self.tr("نامه"), "letter")])
        d.text("note", self.tr("یادداشت"))
        d.date("new_deadline", self.tr("مهلت تازه"), persian.WorkingCalendar().add_working_days(today(), 7))
        self._exec(d)

    def answer(self) -> None:
        d = self._dialog(self.tr("ثبت پاسخ دستگاه"), lambda v: sec.record_response(
            self.ctx.store, self.ctx.actor, self.case_id or "", text=v["text"], attachment=v["attachment"]))
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
        d = self._dialog(self.tr("اعلام به متقاضی"), lambda v: sec.notify(
            self.ctx.store, self.ctx.actor, self.case_id or "", method=v["method"], text=v["text"]))
        d.combo("method", self.tr("شیوه"), [(self.tr("تلفنی"), "phone"), (self.tr("نامه"), "letter"),
                                            (self.tr("پیامک"), "sms"), (self.tr("حضوری"), "in_person")])
        d.text("text", self.tr("متن"))
        self._exec(d)

    def close_case(self) -> None:
        d = self._dialog(self.tr("مختومه کردن"), lambda v: sec.close(
            self.ctx.store, self.ctx.actor, self.case_id or "", outcome=v["outcome"], note=v["note"],
            responsible_party=v["responsible_party"]))
        d.combo("outcome", self.tr("نتیجه"), [(outcome_text(o), o) for o in
                                             ("resolved", "rejected", "not_responsible", "unresolved")])
        d.line("responsible_party", self.tr("دستگاه مسئول (اگر وظیفه این دستگاه نیست)"))
        d.text("note", self.tr("توضیح"))
        self._exec(d)

    def reopen(self) -> None:
        d = self._dialog(self.tr("بازگشایی"), lambda v: sec.reopen(
            self.ctx.store, self.ctx.actor, self.case_id or "", reason=v["reason"]))
        d.text("reason", self.tr("دلیل"))
        self._exec(d)

    def visit(self) -> None:
        self._simple(lambda: sec.record_visit(self.ctx.store, self.ctx.actor, self.case_id or "", purpose="ask"))

    def letter_html(self) -> str:
        assert self.detail is not None
        c, fw = self.detail.case, self.detail.forwards[-1]
        agencies = {a.id: a.name for a in list_agencies(self.ctx.store, include_inactive=True)}
        return forwarding_letter_html(
            get_office(self.ctx.store), agency_name=agencies.get(fw["agency_id"], ""), letter_no=fw["letter_no"],
            letter_date=fw["letter_date"], deadline=fw["deadline"], registration_no=c["registration_no"] or "",
            tracking_code=c["tracking_code"], applicant_name=c["applicant_name"], subject=c["subject"],
            text=c["text"], signer=self._names().get(fw["sent_by"], ""))

    def follow_up_letter_html(self) -> str:
        assert self.detail is not None
        c = self.detail.case
        fu = [f for f in self.detail.follow_ups if f["method"] == "letter"][-1]
        fw = next((f for f in self.detail.forwards if f["id"] == fu["forward_id"]), self.detail.forwards[-1])
        agencies = {a.id: a.name for a in list_agencies(self.ctx.store, include_inactive=True)}
        return follow_up_letter_html(
            get_office(self.ctx.store), agency_name=agencies.get(fw["agency_id"], ""), letter_no=fu["letter_no"],
            on=fu["day"], first_letter_no=fw["letter_no"], first_letter_date=fw["letter_date"],
            subject=c["subject"], new_deadline=fu["new_deadline"], note=fu["note"],
            signer=self._names().get(fu["user_id"], ""))

    def follow_up_letter_pdf(self) -> None:
        save_pdf(self, self.follow_up_letter_html(), "follow-up.pdf")

    def rejection_notice_html(self) -> str:
        assert self.detail is not None
        c = self.detail.case
        return rejection_notice_html(get_office(self.ctx.store), applicant_name=c["applicant_name"],
                                     tracking_code=c["tracking_code"], reason=c["reject_reason"] or "",
                                     note=c["reject_note"] or "", on=c["rejected_on"] or self.today)

    def rejection_notice_pdf(self) -> None:
        save_pdf(self, self.rejection_notice_html(), "notice.pdf")

    def letter_pdf(self) -> None:
        save_pdf(self, self.letter_html(), "letter.pdf")

    def print_letter(self) -> None:
        print_html(self, self.letter_html())

