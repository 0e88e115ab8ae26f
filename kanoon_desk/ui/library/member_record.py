"""The paper a guardian is given who asks what the library holds about their child: the member's
details, every loan and hold, on screen with «چاپ» and «ذخیره PDF» (in Persian, Jalali dates,
whatever the interface's language, as the member's other papers)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QTextBrowser, QVBoxLayout, QWidget

from ... import persian
from ...services.library import MemberRecord
from ..accessible import NamedDialog
from ..printing import document_from_html, esc, html_table, print_dialog, to_pdf
from ..saving import save_to
from .common import CATEGORY_FA
from .printouts import KANOON, ltr_code

_LOAN_STATES = {"open": "در امانت", "returned": "بازگردانده شد", "lost": "گم‌شده نزد عضو",
                "voided": "باطل شد (ناسازگاری)", "mistaken": "لغو شد (امانت اشتباه)"}
_HOLD_STATES = {"waiting": "در صف", "in_transit": "در راه", "ready": "آماده تحویل", "collected": "تحویل شد",
                "expired": "منقضی شد", "cancelled": "لغو شد"}


def _day(d: date | None) -> str:
    return persian.format_jalali_date(d) if d else "—"


def member_record_html(record: MemberRecord, *, on: date) -> str:
    """What the desk holds about one member, as one paper: who (every personal field, an empty one
    said as «—»), their loans and holds, newest first, and where the data goes."""
    m = record.member

    def code(value: str) -> str:  # (a number reads left to right)
        return ltr_code(value) if value else "—"

    details = [
        ("شماره عضویت", ltr_code(m.member_no)), ("نام", esc(m.first_name or "—")),
        ("نام خانوادگی", esc(m.last_name or "—")), ("کد ملی", code(m.national_id)),
        ("کد ملی ولی (کودک بی‌کد ملی)", code(m.guardian_national_id)), ("تاریخ تولد", esc(_day(m.birth_date))),
        ("گروه عضویت", esc(CATEGORY_FA.get(m.category, m.category))), ("شماره همراه", code(m.phone)),
        ("نام ولی", esc(m.guardian_name or "—")), ("تلفن ولی", code(m.guardian_phone)),
        ("مرکز", esc(persian.script_digits(record.centre))), ("عضو از", esc(_day(record.registered_on))),
        ("اعتبار تا", esc(_day(m.expires_on))), ("عکس", "دارد" if m.photo else "ندارد"),
        ("دفعات اصلاح مشخصات", esc(persian.to_persian_digits(str(record.changes)))),
    ]
    if record.merged:
        details.append(("پرونده‌های دیگر همین عضو (ادغام‌شده)", "، ".join(ltr_code(n) for n in record.merged)))
    if m.erased_on:
        details.append(("مشخصات حذف شد", esc(_day(m.erased_on))))
    # (value first: QTextDocument does not mirror a table's columns, and the name stands on the right)
    rows = "".join(f"<tr><td align='right'>{v}</td><th align='right' width='35%'>{esc(k)}</th></tr>"
                   for k, v in details)
    loans = html_table(["ردیف", "عنوان", "بارکد", "مرکز", "تاریخ امانت", "مهلت بازگشت", "بازگشت", "تمدید", "وضعیت"], [
        [i + 1, loan.title, loan.barcode, loan.centre, _day(loan.out_on), _day(loan.due_on), _day(loan.returned_on),
         loan.renewals, _LOAN_STATES.get(loan.state, loan.state)] for i, loan in enumerate(record.loans)])
    holds = html_table(["ردیف", "عنوان", "مرکز تحویل", "تاریخ رزرو", "وضعیت"], [
        [i + 1, h.title, h.pickup_centre, _day(h.placed_on), _HOLD_STATES.get(h.status, h.status)]
        for i, h in enumerate(record.holds)])
    n = persian.to_persian_digits
    return (f"<h3 align='center'>{esc(KANOON)}</h3>"
            f"<p align='center'>اطلاعاتی که کتابخانه از این عضو نگه می‌دارد — تاریخ: {esc(_day(on))}</p>"
            f"<table border='1' cellspacing='0' cellpadding='4' width='100%'>{rows}</table>"
            f"<p align='right'><b>امانت‌ها ({n(str(len(record.loans)))})</b></p>"
            + (loans if record.loans else "<p>امانتی ثبت نشده است.</p>")
            + f"<p align='right'><b>رزروها ({n(str(len(record.holds)))})</b></p>"
            + (holds if record.holds else "<p>رزروی ثبت نشده است.</p>")
            + "<p>این اطلاعات در میز امانت همه مراکز کانون و کارگزار مرکزی نگه داشته می‌شود. ولی عضو می‌تواند "
              "پایان عضویت و حذف مشخصات شخصی را بخواهد؛ امانت‌ها بی‌نام در آمار می‌مانند.</p>")


class MemberRecordDialog(NamedDialog):
    """The paper on screen, with «چاپ» and «ذخیره PDF»."""

    def __init__(self, record: MemberRecord, on: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("member-record")
        self.setWindowTitle(QCoreApplication.translate("Library", "اطلاعات نگه‌داشته از {name}").format(
            name=record.member.full_name))
        self.record = record
        self.html = member_record_html(record, on=on)
        self.view = QTextBrowser()
        self.view.setObjectName("member-record-view")
        self.view.setDocument(document_from_html(self.html))
        buttons = QDialogButtonBox()
        print_button = buttons.addButton(QCoreApplication.translate("Library", "چاپ"), QDialogButtonBox.ButtonRole.ActionRole)
        print_button.clicked.connect(lambda: print_dialog(self, self.html))
        pdf_button = buttons.addButton(QCoreApplication.translate("Library", "ذخیره PDF"),
                                       QDialogButtonBox.ButtonRole.ActionRole)
        pdf_button.clicked.connect(self.save_pdf_dialog)
        buttons.addButton(QCoreApplication.translate("Library", "بستن"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.view)
        box.addWidget(buttons)
        self.resize(760, 620)

    def save_pdf_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("Library", "ذخیره PDF"),
                                              f"member-{self.record.member.member_no}.pdf", "PDF (*.pdf)")
        if name:
            save_to(self, Path(name), lambda p: to_pdf(self.html, p))
