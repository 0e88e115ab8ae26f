"""The case view's actions: the steps taken on the case shown (review, register, refer, recall,
forward, follow up, answer, attach, notify, close, reopen, visit), each one service call, run at
once or from a small dialog (`ActionDialog`) whose OK runs it. `CaseView` takes them as a mixin
and offers those the user's roles allow; their texts are the «CaseView» translation context's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QWidget
from sqlalchemy import select

from ... import persian
from ...errors import QT_TRANSLATE_NOOP, ValidationError
from ...models import User
from ...models.secretariat import CATEGORIES
from ...services import secretariat as sec
from ...services import secretariat_query as q
from ...services.accounts import working_calendar
from ..context import UiContext
from ..drafts import draft_key
from ..roles import roles_text
from ..widgets import ERROR_STYLE, Today, digits, isolated, text_digits
from .batch_forward import forward_fields
from .common import ltr, outcome_text
from .dialogs import ActionDialog

__all__ = ["CaseActions"]

MSG_CHOOSE_FILE = QT_TRANSLATE_NOOP("Errors", "نخست فایل اسکن را برگزینید.")

if TYPE_CHECKING:
    _ViewBase = QWidget  # the mixin is only ever CaseView's: a QWidget
else:
    _ViewBase = object


class CaseActions(_ViewBase):
    """`CaseView`'s actions (a mixin). The view holds the case, the context and today, and reads
    the case again once an action changed it (`_done`)."""

    ctx: UiContext
    case_id: str | None
    detail: q.CaseDetail | None
    today: Today
    labels: dict[str, QLabel]
    _done: Callable[[], None]
    say_refused: Callable[[str | None], None]

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

            self.say_refused(error_text(err))  # (under the action bar: the status line keeps the status)
            return
        self._done()

    def accept_case(self) -> None:
        self._simple(lambda: sec.review(self.ctx.store, self.ctx.actor, self.case_id or "", accept=True,
                                       on=self.today()))

    def reject_case(self) -> None:
        d = self._dialog(QCoreApplication.translate("CaseView", "رد درخواست"), lambda v: sec.review(
            self.ctx.store, self.ctx.actor, self.case_id or "", accept=False, reason=v["reason"] or "",
            note=v["note"], on=self.today()))
        # no reason until one is chosen (OK at once had rejected for the list's first reason,
        # printed on the applicant's notice): the manager's «رد درخواست» asks the same way
        d.combo("reason", QCoreApplication.translate("CaseView", "دلیل"),
                [(QCoreApplication.translate("CaseView", "— دلیل را برگزینید —"), "")]
                + [(QCoreApplication.translate("Errors", r), r) for r in sec.REJECTION_REASONS])
        d.text("note", QCoreApplication.translate("CaseView", "توضیح"))
        self._exec(d)

    def manager_reject(self) -> None:
        """The manager rejects the request in their cartable: a reason from the list and a note,
        both told the applicant in the rejection notice that follows (printable, pending until
        sent). No reason chosen is refused at its field."""
        d = self._dialog(QCoreApplication.translate("CaseView", "رد درخواست"), lambda v: sec.manager_reject(
            self.ctx.store, self.ctx.actor, self.case_id or "", reason=v["reason"] or "", note=v["note"],
            on=self.today()))
        d.combo("reason", QCoreApplication.translate("CaseView", "دلیل"),
                [(QCoreApplication.translate("CaseView", "— دلیل را برگزینید —"), "")]
                + [(QCoreApplication.translate("Errors", r), r) for r in sec.REJECTION_REASONS])
        d.text("note", QCoreApplication.translate("CaseView", "توضیح برای متقاضی"))
        d.note("notice", "", QCoreApplication.translate(
            "CaseView", "دلیل و توضیح در اعلام رد به متقاضی نوشته می‌شود؛ اعلام رد پس از ثبت "
                        "از «چاپ و PDF» چاپ می‌شود."))
        self._exec(d)

    def register(self) -> None:
        self._simple(lambda: sec.register(self.ctx.store, self.ctx.actor, self.case_id or "",
                                                  on=self.today()))

    def _users(self, role: str) -> list[tuple[str, str]]:
        with self.ctx.store.read() as s:
            return [(u.full_name, u.id) for u in s.scalars(select(User).where(User.active.is_(True)))
                    if role in u.role_set and u.id != self.ctx.actor.user_id]

    def _receivers(self) -> list[tuple[str, str]]:
        """Whom a case may be referred to: every active expert and manager but me, each with their
        role («مریم حسینی (مدیر)»). The other side's come first — a manager's experts, an expert's
        managers, the usual way a case goes — then my peers, by name within each."""
        first = "expert" if self.ctx.actor.has("manager") and not self.ctx.actor.has("admin") else "manager"
        with self.ctx.store.read() as s:
            users = [u for u in s.scalars(select(User).where(User.active.is_(True)))
                     if u.id != self.ctx.actor.user_id and u.role_set & set(sec.REFERRAL_ROLES)]
        users.sort(key=lambda u: (first not in u.role_set, persian.sort_key(u.full_name)))  # «پریا» before «مریم»
        return [(QCoreApplication.translate("CaseView", "{name} ({role})").format(
                    name=isolated(u.full_name), role=roles_text(u.role_set & set(sec.REFERRAL_ROLES))), u.id)
                for u in users]

    def refer(self) -> None:
        """Refer to an expert's or a manager's cartable with an instruction, and CC anyone on the desk."""
        d = self._dialog(QCoreApplication.translate("CaseView", "ارجاع"), lambda v: sec.refer(
            self.ctx.store, self.ctx.actor, self.case_id or "", v["to_user_id"] or "", instruction=v["instruction"],
            cc=v["cc"], on=self.today()))
        d.combo("to_user_id", QCoreApplication.translate("CaseView", "گیرنده"), self._receivers())
        d.line("instruction", QCoreApplication.translate("CaseView", "دستور (پاراف)"))
        others: dict[str, str] = {}  # id → name: a user with both roles once
        for name, user_id in [*self._users("manager"), *self._users("expert"), *self._users("clerk")]:
            others.setdefault(user_id, name)
        d.checks("cc", QCoreApplication.translate("CaseView", "رونوشت (برای آگاهی)"),
                 [(name, uid) for uid, name in others.items()])
        self._exec(d)

    def refer_back(self) -> None:
        """The manager sends the case back to whoever referred it (the expert), with an instruction."""
        d = self._dialog(QCoreApplication.translate("CaseView", "بازگرداندن به ارجاع‌دهنده"), lambda v: sec.refer_back(
            self.ctx.store, self.ctx.actor, self.case_id or "", instruction=v["instruction"],
            on=self.today()))
        d.line("instruction", QCoreApplication.translate("CaseView", "دستور (پاراف)"))
        self._exec(d)

    def recall(self) -> None:
        assert self.detail is not None
        self._simple(lambda: sec.recall(self.ctx.store, self.ctx.actor, self.detail.open_item_id or ""))  # type: ignore[union-attr]

    def forward(self) -> None:
        """Send the case to an agency with its letter; several of the cartable's at once is the
        cartable's «ارسال گروهی» (`batch_forward`), with the same fields."""
        d = self._dialog(QCoreApplication.translate("CaseView", "ارسال به دستگاه اجرایی"), lambda v: sec.forward(
            self.ctx.store, self.ctx.actor, self.case_id or "", v["agency_id"] or "", letter_no=v["letter_no"],
            letter_date=v["letter_date"], deadline=None if v["default_deadline"] else v["deadline"],
            instruction=v["instruction"], on=self.today()))
        forward_fields(d, self.ctx, self.today(), letter_no=True)
        d.text("instruction", QCoreApplication.translate("CaseView", "دستور یا توضیح (در نامه)"))
        self._exec(d)

    def follow_up(self) -> None:
        d = self._dialog(QCoreApplication.translate("CaseView", "پیگیری"), lambda v: sec.follow_up(
            self.ctx.store, self.ctx.actor, self.case_id or "", method=v["method"], note=v["note"],
            new_deadline=v["new_deadline"], on=self.today()))
        d.combo("method", QCoreApplication.translate("CaseView", "شیوه"),
                [(QCoreApplication.translate("CaseView", "تلفنی"), "phone"),
                 (QCoreApplication.translate("CaseView", "نامه"), "letter")])
        d.text("note", QCoreApplication.translate("CaseView", "یادداشت"))
        # unticked, the deadline stays; ticked, 7 working days from today on the office's calendar
        # (its holidays too) unless the clerk picks another day
        d.optional_date("new_deadline", QCoreApplication.translate("CaseView", "مهلت تازه"),
                        QCoreApplication.translate("CaseView", "مهلت تازه بده"),
                        working_calendar(self.ctx.store).add_working_days(self.today(), 7))
        self._exec(d)

    def answer(self) -> None:
        d = self._dialog(QCoreApplication.translate("CaseView", "ثبت پاسخ دستگاه"), lambda v: sec.record_response(
            self.ctx.store, self.ctx.actor, self.case_id or "", text=v["text"], attachment=v["attachment"],
            on=self.today()))
        d.text("text", QCoreApplication.translate("CaseView", "متن پاسخ"))
        d.file("attachment", QCoreApplication.translate("CaseView", "نامه پاسخ (اسکن)"))
        self._exec(d)

    def attach(self) -> None:
        """A scan brought later (more documents from the applicant, a letter) joins the case."""
        self.attach_file(None)

    def attach_file(self, path: Path | None) -> None:
        """«افزودن پیوست» with `path` already chosen (a file dropped on the attachments), or none."""
        def run(v: dict[str, Any]) -> None:
            if not v["attachments"]:
                raise ValidationError(MSG_CHOOSE_FILE, "attachments")
            sec.add_attachment(self.ctx.store, self.ctx.actor, self.case_id or "", v["attachments"], kind=v["kind"])

        d = self._dialog(QCoreApplication.translate("CaseView", "افزودن پیوست"), run)
        chosen = d.file("attachments", QCoreApplication.translate("CaseView", "فایل"))
        if path is not None:
            chosen.setText(str(path))
        d.combo("kind", QCoreApplication.translate("CaseView", "گونه"),
                [(QCoreApplication.translate("CaseView", "مدرک متقاضی"), "applicant"),
                 (QCoreApplication.translate("CaseView", "نامه"), "letter"),
                 (QCoreApplication.translate("CaseView", "دیگر"), "other")])
        self._exec(d)

    def may_remove_attachment(self, row: int) -> bool:
        """Whether the user may take the attachment at `row` off the case shown: the one who
        attached it, or an expert, manager or admin; never on a closed case (the service says so)."""
        if self.detail is None or not 0 <= row < len(self.detail.attachments):
            return False
        a, me = self.detail.attachments[row], self.ctx.actor
        return (self.detail.case["status"] not in ("closed", "rejected")
                and (me.has("expert", "manager", "admin") or (me.has("clerk") and a["added_by"] == me.user_id)))

    def remove_attachment(self, row: int) -> None:
        """«برداشتن پیوست…»: a scan attached by mistake (another person's document) taken off the
        case, after asking why; the removal stays on the timeline with who and why."""
        if self.detail is None or not 0 <= row < len(self.detail.attachments):
            return
        a = self.detail.attachments[row]
        d = self._dialog(QCoreApplication.translate("CaseView", "برداشتن پیوست"), lambda v: sec.remove_attachment(
            self.ctx.store, self.ctx.actor, self.case_id or "", str(a["id"]), reason=v["reason"]))
        d.note("file", QCoreApplication.translate("CaseView", "پیوست"), isolated(str(a["filename"])))
        d.text("reason", QCoreApplication.translate("CaseView", "دلیل برداشتن"))
        d.note("what", "", QCoreApplication.translate(
            "CaseView", "این پیوست از فهرست پیوست‌ها و پرونده چاپی برداشته می‌شود؛ برداشتن آن، با نام شما "
                        "و این دلیل، در گردش کار پرونده می‌ماند."))
        # no draft: the reason is a line, and one kept would come back for another scan
        accepted = d.exec() == QDialog.DialogCode.Accepted
        d.deleteLater()
        if accepted:
            self._done()

    def notify(self) -> None:
        """Phone, letter, SMS (queued for the server to send, to the applicant's mobile) or in
        person; choosing SMS with nothing written puts the default message in to edit."""
        assert self.detail is not None
        case, mobile = self.detail.case, self.detail.applicant.get("mobile") or ""
        d = self._dialog(QCoreApplication.translate("CaseView", "اعلام به متقاضی"), lambda v: sec.notify(
            self.ctx.store, self.ctx.actor, self.case_id or "", method=v["method"], text=v["text"],
            on=self.today()))
        method = d.combo("method", QCoreApplication.translate("CaseView", "شیوه"),
                         [(QCoreApplication.translate("CaseView", "تلفنی"), "phone"),
                          (QCoreApplication.translate("CaseView", "نامه"), "letter"),
                          (QCoreApplication.translate("CaseView", "پیامک"), "sms"),
                          (QCoreApplication.translate("CaseView", "حضوری"), "in_person")])
        text = d.text("text", QCoreApplication.translate("CaseView", "متن"))
        size = d.note("sms_size", "")
        d.note("mobile", QCoreApplication.translate("CaseView", "شماره همراه"),
               ltr(digits(mobile)) if mobile
               else QCoreApplication.translate(
                   "CaseView", "برای این متقاضی شماره همراهی ثبت نشده است؛ پیامک فرستادنی نیست."))

        paper = d.note("paper", "", QCoreApplication.translate(
            "CaseView", "نامه اعلام نتیجه، با پاسخ دستگاه و این متن، پس از ثبت از «چاپ و PDF» چاپ می‌شود."))
        paper.setVisible(False)

        default_sms = text_digits(sec.sms_text(case))

        def sms_chosen() -> None:
            if method.currentData() == "sms" and not text.toPlainText().strip():
                text.setPlainText(default_sms)
            elif (method.currentData() != "sms"  # (the box gives the code's no-break spaces back as spaces)
                  and persian.normalize_text(text.toPlainText()) == persian.normalize_text(default_sms)):
                # the SMS put in, untouched, is no note of a letter or a call (a letter would
                # print it as what the clerk wrote); a text the clerk edited stays
                text.clear()
            # (a rejection's letter is its notice, «چاپ اعلام رد»)
            paper.setVisible(method.currentData() == "letter" and case["status"] != "rejected")

        def count() -> None:
            """The SMS's length and parts as the clerk types (each part is paid for), red past
            what is sent at all."""
            n, parts = sec.sms_size(text.toPlainText())
            size.setVisible(method.currentData() == "sms" and n > 0)
            over = n > sec.SMS_MAX
            said = QCoreApplication.translate("CaseView", "%Ln نویسه، {parts}", None, n).format(
                parts=QCoreApplication.translate("CaseView", "%Ln پیامک", None, parts))
            if over:
                said += " — " + QCoreApplication.translate(
                    "CaseView", "بیش از {max} نویسه فرستاده نمی‌شود").format(max=digits(sec.SMS_MAX))
            size.setText(said)
            size.setStyleSheet(ERROR_STYLE if over else "")

        method.currentIndexChanged.connect(sms_chosen)
        method.currentIndexChanged.connect(count)
        text.textChanged.connect(count)
        count()
        self._exec(d)

    def close_case(self) -> None:
        d = self._dialog(QCoreApplication.translate("CaseView", "مختومه کردن"), lambda v: sec.close(
            self.ctx.store, self.ctx.actor, self.case_id or "", outcome=v["outcome"], note=v["note"],
            responsible_party=v["responsible_party"], on=self.today()))
        # (a rejection names its reason and tells the applicant: the manager's «رد درخواست»)
        d.combo("outcome", QCoreApplication.translate("CaseView", "نتیجه"),
                [(outcome_text(o), o) for o in ("resolved", "not_responsible", "unresolved")])
        d.line("responsible_party",
               QCoreApplication.translate("CaseView", "دستگاه مسئول (اگر وظیفه این دستگاه نیست)"))
        d.text("note", QCoreApplication.translate("CaseView", "توضیح"))
        self._exec(d)

    def reopen(self) -> None:
        d = self._dialog(QCoreApplication.translate("CaseView", "بازگشایی"), lambda v: sec.reopen(
            self.ctx.store, self.ctx.actor, self.case_id or "", reason=v["reason"],
            on=self.today()))
        d.text("reason", QCoreApplication.translate("CaseView", "دلیل"))
        self._exec(d)

    def withdraw_forward(self) -> None:
        """«پس‌گرفتن ارسال…»: a case sent to the wrong agency taken back, with the reason; it is back
        in this manager's cartable, to be sent on to the right one."""
        assert self.detail is not None
        fw = next((f for f in reversed(self.detail.forwards) if f["status"] == "open"), None)
        d = self._dialog(QCoreApplication.translate("CaseView", "پس‌گرفتن ارسال"), lambda v: sec.withdraw_forward(
            self.ctx.store, self.ctx.actor, self.case_id or "", reason=v["reason"], on=self.today()))
        if fw is not None:
            d.note("letter", QCoreApplication.translate("CaseView", "نامه"), QCoreApplication.translate(
                "CaseView", "{no} مورخ {day} به {agency}").format(
                no=ltr(digits(str(fw["letter_no"]))),
                day=text_digits(persian.format_jalali_date(fw["letter_date"])),
                agency=isolated(str(fw.get("agency_name") or self.detail.agency_name or ""))))
        d.text("reason", QCoreApplication.translate("CaseView", "دلیل"))
        d.note("after", "", QCoreApplication.translate(
            "CaseView", "پرونده به کارتابل شما برمی‌گردد تا به دستگاه درست فرستاده شود؛ نامه با شماره‌اش در گردش کار "
                        "می‌ماند و در گزارش دستگاه‌ها شمرده نمی‌شود. به دستگاه خبر دهید که نامه را نادیده بگیرد."))
        d.setMinimumWidth(560)
        self._exec(d)

    def correct(self) -> None:
        """«اصلاح درخواست…»: what was typed wrong at intake (the subject or text, the category, the
        channel, the received day) put right, with what was wrong; the fields open as they are now,
        the timeline keeps what they were, and the receipt printed again reads the corrected ones."""
        assert self.detail is not None
        c = self.detail.case
        d = self._dialog(QCoreApplication.translate("CaseView", "اصلاح درخواست"), lambda v: sec.correct_case(
            self.ctx.store, self.ctx.actor, self.case_id or "", subject=v["subject"], text=v["text"],
            category=_category_value(category), channel=v["channel"], received_date=v["received_date"],
            reason=v["reason"], on=self.today()))
        d.line("subject", QCoreApplication.translate("CaseView", "موضوع"), str(c["subject"] or ""))
        d.text("text", QCoreApplication.translate("CaseView", "شرح درخواست")).setPlainText(str(c["text"] or ""))
        category = d.combo("category", QCoreApplication.translate("CaseView", "دسته"),
                           [(QCoreApplication.translate("Categories", k), k) for k in CATEGORIES])
        category.setEditable(True)
        at = category.findData(c["category"])
        if at >= 0:
            category.setCurrentIndex(at)
        else:
            category.setEditText(str(c["category"] or ""))
        channel = d.combo("channel", QCoreApplication.translate("CaseView", "شیوه دریافت"), [
            (QCoreApplication.translate("CaseView", "حضوری"), "in_person"),
            (QCoreApplication.translate("CaseView", "پستی"), "post"),
            (QCoreApplication.translate("CaseView", "تلفنی"), "phone")])
        channel.setCurrentIndex(max(channel.findData(c["channel"]), 0))
        d.date("received_date", QCoreApplication.translate("CaseView", "تاریخ دریافت"), c["received_date"])
        d.text("reason", QCoreApplication.translate("CaseView", "چه نادرست ثبت شده بود"))
        d.note("after", "", QCoreApplication.translate(
            "CaseView", "مقدار پیشین هر خانه با نام شما و دلیل در گردش کار می‌ماند؛ اگر رسید به متقاضی داده شده "
                        "است، آن را از «چاپ و PDF» دوباره چاپ کنید."))
        d.setMinimumWidth(560)  # (the subject and the note on one or two lines, not cut at the edge)
        self._exec(d)

    def change_applicant(self) -> None:
        """«تغییر متقاضی…»: the case registered on the wrong person (a national ID typed wrong matched
        someone else's record) put on the right applicant, with the reason."""
        assert self.detail is not None
        c = self.detail.case
        d = self._dialog(QCoreApplication.translate("CaseView", "تغییر متقاضی"), lambda v: sec.change_applicant(
            self.ctx.store, self.ctx.actor, self.case_id or "", national_id=v["national_id"],
            first_name=v["first_name"], last_name=v["last_name"], mobile=v["mobile"], reason=v["reason"],
            on=self.today()))
        d.note("now", QCoreApplication.translate("CaseView", "متقاضی کنونی"), QCoreApplication.translate(
            "CaseView", "{name} (کد ملی {nid})").format(name=isolated(text_digits(str(c["applicant_name"]))),
                                                      nid=ltr(digits(str(c["national_id"])))))
        d.line("national_id", QCoreApplication.translate("CaseView", "کد ملی متقاضی درست"))
        d.line("first_name", QCoreApplication.translate("CaseView", "نام"))
        d.line("last_name", QCoreApplication.translate("CaseView", "نام خانوادگی"))
        d.line("mobile", QCoreApplication.translate("CaseView", "شماره همراه"))
        d.text("reason", QCoreApplication.translate("CaseView", "چرا متقاضی نادرست بود"))
        d.note("after", "", QCoreApplication.translate(
            "CaseView", "پرونده به نام متقاضی این کد ملی می‌شود (اگر پیش‌تر آمده است همان، وگرنه تازه ثبت می‌شود) و "
                        "اعلام‌ها به شماره همراه او می‌رود. اگر ثبت این درخواست نام یا شماره همراه متقاضی کنونی را "
                        "عوض کرده بود، به حال پیشین برمی‌گردد. متقاضی پیشین و دلیل در گردش کار می‌ماند؛ "
                        "رسید را از «چاپ و PDF» دوباره چاپ کنید."))
        d.setMinimumWidth(560)
        d.resize(560, max(d.sizeHint().height(), d.heightForWidth(560)))  # (the notes wrapped to that width)
        self._exec(d)

    def move_answer(self) -> None:
        """«جابه‌جایی پاسخ…»: an agency's answer recorded on the wrong case moved to the case it
        answers (by its tracking code or registration number), with the reason."""
        assert self.detail is not None
        c = self.detail.case
        d = self._dialog(QCoreApplication.translate("CaseView", "جابه‌جایی پاسخ"), lambda v: sec.move_answer(
            self.ctx.store, self.ctx.actor, self.case_id or "", to_code=v["to_code"], reason=v["reason"],
            on=self.today()))
        text = str(c.get("response_text") or "")
        d.note("what", QCoreApplication.translate("CaseView", "پاسخ"), QCoreApplication.translate(
            "CaseView", "«{text}» ({day})").format(
            text=isolated(text_digits(text if len(text) <= 120 else text[:119] + "…")),
            day=text_digits(persian.format_jalali_date(c["answered_on"])) if c.get("answered_on") else "—"))
        d.line("to_code", QCoreApplication.translate("CaseView", "کد رهگیری یا شماره ثبت پرونده درست"))
        d.text("reason", QCoreApplication.translate("CaseView", "چرا پاسخ روی این پرونده نادرست بود"))
        d.note("after", "", QCoreApplication.translate(
            "CaseView", "پاسخ با همان متن، روز و نامه اسکن‌شده به پرونده درست می‌رود، که باید چشم‌به‌راه پاسخ "
                        "دستگاه باشد. این پرونده دوباره چشم‌به‌راه پاسخ خود است و زمان دستگاه از همان‌جا ادامه "
                        "می‌یابد. جابه‌جایی و دلیل در گردش کار هر دو پرونده می‌ماند."))
        d.setMinimumWidth(560)
        d.resize(560, max(d.sizeHint().height(), d.heightForWidth(560)))  # (the notes wrapped to that width)
        self._exec(d)

    def undo_accept(self) -> None:
        """«بازگرداندن به صف بررسی…»: a request accepted by mistake goes back to the review queue,
        with the reason, before the manager acts on it (taken out of a cartable it waits in)."""
        assert self.detail is not None
        c = self.detail.case
        d = self._dialog(QCoreApplication.translate("CaseView", "بازگرداندن به صف بررسی"), lambda v: sec.undo_accept(
            self.ctx.store, self.ctx.actor, self.case_id or "", reason=v["reason"], on=self.today()))
        d.note("what", QCoreApplication.translate("CaseView", "لغو می‌شود"), QCoreApplication.translate(
            "CaseView", "پذیرش درخواست «{subject}» ({code})").format(
            subject=isolated(text_digits(str(c["subject"]))), code=ltr(str(c["tracking_code"]))))
        d.text("reason", QCoreApplication.translate("CaseView", "چرا پذیرش اشتباه بود"))
        after = QCoreApplication.translate(
            "CaseView", "درخواست به صف بررسی اولیه برمی‌گردد تا دوباره پذیرفته یا رد شود؛ اگر در کارتابل کسی "
                        "است، از آن برداشته می‌شود. لغو با نام شما و دلیل در گردش کار می‌ماند.")
        if c.get("registration_no"):
            after += " " + QCoreApplication.translate(
                "CaseView", "شماره ثبت {no} برای همین پرونده می‌ماند و به پرونده دیگری داده نمی‌شود؛ اگر دوباره "
                            "پذیرفته شود با همین شماره ثبت است.").format(no=ltr(digits(str(c["registration_no"]))))
        d.note("after", "", after)
        d.setMinimumWidth(560)
        # opened at that width, tall enough for the notes wrapped to it (its size hint laid them out
        # on one long line: the English note ran under the buttons)
        d.resize(560, max(d.sizeHint().height(), d.heightForWidth(560)))
        self._exec(d)

    def remove_visit(self) -> None:
        """«حذف مراجعه…»: a visit recorded by mistake with «مراجعه حضوری» taken off, with the reason
        (it counted toward the service card's goal)."""
        visits = sec.removable_visits(self.ctx.store, self.case_id or "")
        d = self._dialog(QCoreApplication.translate("CaseView", "حذف مراجعه"), lambda v: sec.remove_visit(
            self.ctx.store, self.ctx.actor, self.case_id or "", v["visit_id"] or "", reason=v["reason"],
            on=self.today()))
        d.combo("visit_id", QCoreApplication.translate("CaseView", "مراجعه"), [
            (QCoreApplication.translate("CaseView", "{day} — ثبت {name}").format(
                day=text_digits(persian.format_jalali_date(day)), name=isolated(text_digits(name))), vid)
            for vid, day, name in visits])
        d.text("reason", QCoreApplication.translate("CaseView", "چرا نادرست ثبت شده بود"))
        self._exec(d)

    def visit(self) -> None:
        self._simple(lambda: sec.record_visit(self.ctx.store, self.ctx.actor, self.case_id or "", purpose="ask",
                                                      on=self.today()))


def _category_value(box: QComboBox) -> str:
    """The category chosen: a listed one as the office words it (Persian), or what was typed."""
    typed = box.currentText()
    index = box.findText(typed.strip())
    return str(box.itemData(index)) if index >= 0 else typed
