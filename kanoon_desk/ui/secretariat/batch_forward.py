"""«ارسال گروهی به دستگاه…»: several cases chosen in the manager's cartable forwarded to one agency
at once (`secretariat.forward_many`, each as the single forward), their letters printed together,
one a page. The forward's agency and deadline fields are shared with the case view's single
forward (`forward_fields`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QPushButton, QWidget

from ... import persian
from ...services import secretariat as sec
from ...services import secretariat_query as q
from ...services.accounts import working_calendar
from ...services.numbers import format_tracking_code
from ...services.secretariat_agencies import default_deadline, get_agency, list_agencies
from ..context import UiContext
from ..drafts import draft_key
from ..widgets import digits, isolated, text_digits
from . import papers
from .common import PaperBar, ltr
from .dialogs import ActionDialog

__all__ = ["BatchForward", "forward_fields", "forwardable"]

#: The most cases one go forwards.
BATCH_MAX = 200


def forwardable(item: q.CartableItem) -> bool:
    """Whether a cartable item's case may be forwarded from it: a referral to act on (not a copy
    for information) whose case is not with an agency or closed already."""
    return item.kind == "action" and (item.case_status or "") in sec.FORWARDABLE


def forward_fields(d: ActionDialog, ctx: UiContext, day: date, *, letter_no: bool) -> QComboBox:
    """The forward's fields: the agency, the letter's number (when `letter_no`) and date, and the
    deadline — the agency's working days from the letter's date, shown as the date it falls on, or
    a day chosen (a Friday or a holiday is refused at its field by the service); the agency box."""
    agencies = list_agencies(ctx.store)
    agency = d.combo("agency_id", QCoreApplication.translate("CaseView", "دستگاه"),
                     [(a.name, a.id) for a in agencies])
    if letter_no:
        d.line("letter_no", QCoreApplication.translate("CaseView", "شماره نامه (خالی: خودکار)"))
    letter_date = d.date("letter_date", QCoreApplication.translate("CaseView", "تاریخ نامه"), day)
    default = d.combo("default_deadline", QCoreApplication.translate("CaseView", "مهلت"),
                      [(QCoreApplication.translate("CaseView", "پیش‌فرض دستگاه (روز کاری)"), True),
                       (QCoreApplication.translate("CaseView", "تاریخ دلخواه"), False)])
    deadline = d.date("deadline", QCoreApplication.translate("CaseView", "تاریخ مهلت"))
    preview = d.note("deadline_preview", QCoreApplication.translate("CaseView", "مهلت پاسخ"))
    calendar = working_calendar(ctx.store)

    def show_deadline() -> None:
        chosen = agency.currentData()
        deadline.setEnabled(not default.currentData())
        if not default.currentData():
            preview.setText(QCoreApplication.translate("CaseView", "تا {day}").format(
                day=text_digits(persian.format_jalali_date(deadline.value()))))
        elif chosen:
            a = get_agency(ctx.store, chosen)
            due = default_deadline(calendar, a, letter_date.value())
            days = a.effective_deadline_days
            preview.setText(QCoreApplication.translate("CaseView", "تا {day}: %Ln روز کاری از تاریخ نامه", None, days)
                            .format(day=text_digits(persian.format_jalali_date(due))))
        else:
            preview.clear()

    for signal in (agency.currentIndexChanged, default.currentIndexChanged, letter_date.dateChanged,
                   deadline.dateChanged):
        signal.connect(show_deadline)
    show_deadline()
    if not agencies:
        d.form.set_error("agency_id", QCoreApplication.translate(
            "CaseView", "هنوز دستگاهی در فهرست دستگاه‌های اجرایی نیست؛ مدیر سامانه آن را در «دستگاه‌های اجرایی» می‌افزاید."))
    return agency


class BatchForward(PaperBar):
    """The button (for the cartable's bar) and, once cases were forwarded, the line that says so
    with their letters to print.

    Signals:
        forwarded(): cases were forwarded (the cartable is read again).
    """

    forwarded = Signal()

    def __init__(self, ctx: UiContext, chosen: Callable[[], Sequence[q.CartableItem]], today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        """`chosen()`: the cartable's items selected now."""
        super().__init__("batch-forward-note", QCoreApplication.translate("BatchForward", "چاپ نامه‌ها"),
                         QCoreApplication.translate("BatchForward", "نامه‌ها PDF"), self.letters_html,
                         "forwarding-letters.pdf", parent)
        self.ctx, self.chosen, self.today = ctx, chosen, today
        #: the cases of the last go, whose letters the line prints
        self.last_forwarded: list[str] = []
        self.button = QPushButton(self.tr("ارسال گروهی به دستگاه…"))
        self.button.setObjectName("batch-forward")
        self.button.setToolTip(self.tr("پرونده‌های برگزیده (با Ctrl یا Shift) یک‌جا به یک دستگاه اجرایی فرستاده "
                                       "می‌شوند؛ هر یک با نامه خودش"))
        self.button.clicked.connect(self.open_dialog)
        self.button.setEnabled(False)  # (until two are chosen: `update_button`)

    def update_button(self) -> None:
        """Enabled while two or more forwardable items are selected."""
        self.button.setEnabled(sum(1 for item in self.chosen() if forwardable(item)) >= 2)

    def dialog(self) -> ActionDialog:
        """The cases to forward (those chosen that may be), a line for those left out, the agency,
        the letter's date, the deadline and the instruction written in each letter."""
        chosen = list(self.chosen())
        cases = [item for item in chosen if forwardable(item)][:BATCH_MAX]
        left_out = [item for item in chosen if not forwardable(item)]

        def run(v: dict[str, Any]) -> None:
            made = sec.forward_many(self.ctx.store, self.ctx.actor, v["case_ids"], v["agency_id"] or "",
                                    letter_date=v["letter_date"],
                                    deadline=None if v["default_deadline"] else v["deadline"],
                                    instruction=v["instruction"], on=self.today())
            self.last_forwarded = [f.case_id for f in made]

        d = ActionDialog(self, self.tr("ارسال گروهی به دستگاه اجرایی"), run)
        listed = d.checks("case_ids", self.tr("پرونده‌ها ({n})").format(n=digits(len(cases))), [
            (self.tr("{code} — {subject}").format(
                code=ltr(digits(item.registration_no or format_tracking_code(item.tracking_code))),
                subject=isolated(text_digits(item.subject))), item.case_id) for item in cases])
        listed.setMinimumWidth(480)
        listed.setMaximumHeight(min(220, 26 * max(1, len(cases)) + 6))
        for i in range(listed.count()):  # (all sent; one unticked stays in the cartable)
            listed.item(i).setCheckState(Qt.CheckState.Checked)
        if left_out:
            n_left = len(left_out)
            d.note("left_out", "", QCoreApplication.translate(
                "BatchForward",
                "%Ln مورد برگزیده کنار گذاشته شد: رونوشت (برای آگاهی) یا پرونده‌ای که دیگر فرستادنی نیست ({codes}).",
                None, n_left).format(codes="، ".join(
                    ltr(digits(item.registration_no or format_tracking_code(item.tracking_code))) for item in left_out)))
        forward_fields(d, self.ctx, self.today(), letter_no=False)
        d.text("instruction", self.tr("دستور یا توضیح (در هر نامه)"))
        d.note("letters", "", self.tr("برای هر پرونده نامه‌ای با شماره خودش ثبت می‌شود؛ پس از ارسال، "
                                      "نامه‌ها با هم چاپ می‌شوند، هر یک در یک برگ."))
        d.keep_draft(self.ctx.settings, draft_key(self.ctx.actor.user_id, "cartable-batch-forward"))
        return d

    def open_dialog(self) -> None:
        d = self.dialog()
        accepted = d.exec() == QDialog.DialogCode.Accepted
        d.deleteLater()
        if accepted:
            self.done()

    def done(self) -> None:
        """Cases were forwarded: the line says how many, with their letters to print; every list
        is read again."""
        forwarded = len(self.last_forwarded)
        self.say(QCoreApplication.translate("BatchForward", "%Ln پرونده به دستگاه فرستاده شد؛ نامه‌ها را چاپ کنید.", None, forwarded), True)
        self.ctx.bus.changed.emit("secretariat")
        self.forwarded.emit()

    def letters_html(self) -> str:
        return papers.forwarding_letters(self.ctx.store, self.ctx.actor, self.last_forwarded, self.today())
