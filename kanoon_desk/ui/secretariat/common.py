"""Shared pieces of the secretariat screens: status words, the case list model, printing papers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from ... import persian
from ...persian import WorkingCalendar
from ...services.conflict_kinds import KIND_TITLES
from ...services.numbers import format_tracking_code
from ...services.secretariat_query import NOTICE_FA, OUTCOME_FA, QUEUES, CaseRow, status_key
from .. import printing
from ..saving import save_to
from ..widgets import OK_STYLE, LazyTableModel, text_digits, today


def status_text(status: str, notice: str | None = None, holder_roles: str | None = None) -> str:
    """The status in words («در کارتابل کارشناس» for a case referred back to an expert, given the
    holder's roles); once the agency answered or the request was rejected (or closed), what the
    applicant heard of it: «پاسخ دستگاه رسیده، به متقاضی اعلام شد»."""
    return QCoreApplication.translate("Status", status_key(status, holder_roles)) + notice_text(status, notice)


def notice_text(status: str, notice: str | None) -> str:
    """"، به متقاضی اعلام شد" (or what is still owed) after an answered, rejected or closed
    case's status; nothing otherwise."""
    if notice not in NOTICE_FA or status not in ("answered", "rejected", "closed"):
        return ""
    if status == "rejected" and notice == "due":
        return QCoreApplication.translate("Status", "، ") + QCoreApplication.translate("Status", QUEUES["notices"])
    return QCoreApplication.translate("Status", "، ") + QCoreApplication.translate("Status", NOTICE_FA[notice or ""])


def queue_text(name: str) -> str:
    return QCoreApplication.translate("Status", QUEUES.get(name, name))


def outcome_text(outcome: str | None) -> str:
    return QCoreApplication.translate("Status", OUTCOME_FA.get(outcome or "", outcome or ""))


#: A case in an open sync conflict: the row in the alert colour (as a late one)
ALERT_COLOUR = "#b00020"


def conflict_marker() -> str:
    """What a list row adds for a case in an open sync conflict (its status is not settled)."""
    return QCoreApplication.translate("Secretariat", "ناسازگاری همگام‌سازی")


def conflict_tip(kinds: tuple[str, ...]) -> str:
    """The open conflicts about a case as the case view says them, one a line, for a row's tooltip."""
    return text_digits("\n".join(
        QCoreApplication.translate("Secretariat", "ناسازگاری همگام‌سازی: «{title}». تا مدیر در «ناسازگاری‌ها» "
                                   "تصمیم بگیرد، وضعیت این پرونده قطعی نیست.")
        .format(title=QCoreApplication.translate("Errors", KIND_TITLES.get(kind, kind))) for kind in kinds))


def ltr(text: str) -> str:
    """A code or number kept left to right inside right-to-left text (LRI … PDI)."""
    return f"\u2066{text}\u2069" if text else text


class CaseListModel(LazyTableModel):
    """Cases a page at a time: tracking code, number, applicant, subject, status, agency, deadline,
    and with `days_late` how many working days past the deadline (the overdue queue). Late is read
    on the office's working calendar (`calendar`, read again at each `reload`): a deadline that
    fell on a holiday entered after the letter went is met by the next working day."""

    #: the status column: a list of overdue cases hides it (every row would say "forwarded — overdue")
    STATUS_COLUMN = 4

    def __init__(self, fetch: Callable[[int, int], list[CaseRow]], count: Callable[[], int],
                 on: Callable[[], date] = today, *, days_late: bool = False,
                 calendar: Callable[[], WorkingCalendar] = WorkingCalendar) -> None:
        headers = [QCoreApplication.translate("Secretariat", "کد رهگیری"), QCoreApplication.translate("Secretariat", "شماره ثبت"), QCoreApplication.translate("Secretariat", "متقاضی"), QCoreApplication.translate("Secretariat", "موضوع"), QCoreApplication.translate("Secretariat", "وضعیت"),
                   QCoreApplication.translate("Secretariat", "تاریخ دریافت"), QCoreApplication.translate("Secretariat", "دستگاه"), QCoreApplication.translate("Secretariat", "مهلت پاسخ")]
        if days_late:  # the overdue queue: by how much each is late
            headers.append(QCoreApplication.translate("Secretariat", "روز کاری دیرکرد"))
        self._calendar_of = calendar
        self._calendar = calendar()
        super().__init__(headers, fetch, count)
        self._on = on

    def reload(self) -> None:
        self._calendar = self._calendar_of()  # (a holiday entered meanwhile)
        super().reload()

    def _late(self, row: CaseRow) -> int:
        """Working days the row's agency is late by today (0: not late)."""
        return row.days_late(self._on(), self._calendar)

    def display(self, row: CaseRow, column: int) -> str:
        if column == 0:
            return ltr(persian.to_persian_digits(format_tracking_code(row.tracking_code)))
        if column == 1:
            return ltr(persian.to_persian_digits(row.registration_no or ""))
        if column == 2:
            return text_digits(row.applicant_name)
        if column == 3:
            return text_digits(row.subject)
        if column == 4:
            late = self._late(row) > 0
            return (status_text(row.status, row.notice, row.holder_roles)
                    + (" — " + QCoreApplication.translate("Secretariat", "دیرکرد") if late else "")
                    + (" — " + conflict_marker() if row.conflicts else ""))
        if column == 5:
            return persian.format_jalali_date(row.received_date)
        if column == 6:
            return text_digits(row.agency_name or "")
        if column == 7:
            return persian.format_jalali_date(row.deadline) if row.deadline else ""
        # the overdue queue's last column: how many working days past the deadline, for the follow-up call
        days = self._late(row)
        return persian.to_persian_digits(days) if days else ""

    def export_cell(self, row: CaseRow, column: int) -> object:
        """A cell as a sheet keeps it: the codes as typed into other systems (Latin digits, no
        spaces), the days late a number to sum and sort by; the rest as shown."""
        if column == 0:
            return row.tracking_code
        if column == 1:
            return row.registration_no or ""
        if column == 8:
            return self._late(row) or None
        return self.display(row, column)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.row() < len(self._rows):
            row: CaseRow = self._rows[index.row()]
            if role == Qt.ItemDataRole.ForegroundRole and (row.conflicts or self._late(row)):
                from PySide6.QtGui import QColor

                return QColor(ALERT_COLOUR)
            if role == Qt.ItemDataRole.ToolTipRole and row.conflicts:  # the cell, then why the row is red
                return super().data(index, role) + "\n" + conflict_tip(row.conflict_kinds)
        return super().data(index, role)


def save_pdf(parent: QWidget | None, html: str, suggested: str) -> Path | None:
    """Ask where, then write the paper as a PDF (right to left, Vazirmatn)."""
    name, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("Secretariat", "ذخیره PDF"), suggested, "PDF (*.pdf)")
    if not name:
        return None
    return save_to(parent, Path(name), lambda p: printing.to_pdf(html, p))


def print_html(parent: QWidget | None, html: str) -> bool:
    return printing.print_dialog(parent, html)


class PaperBar(QWidget):
    """A line that says what was just done (in the ok colour) with its paper to print or save as
    PDF; hidden until `say`. `html()` makes the paper when a button is pressed."""

    def __init__(self, name: str, print_label: str, pdf_label: str, html: Callable[[], str], filename: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel()
        self.note.setObjectName(name)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(OK_STYLE)
        self.print_button = QPushButton(print_label)
        self.print_button.clicked.connect(lambda: print_html(self, html()))
        self.pdf_button = QPushButton(pdf_label)
        self.pdf_button.clicked.connect(lambda: save_pdf(self, html(), filename))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.note, 1)
        row.addWidget(self.print_button)
        row.addWidget(self.pdf_button)
        self.hide()

    def say(self, text: str, paper: bool) -> None:
        """Show `text`, with the paper's buttons when there is a paper."""
        self.note.setText(text)
        self.print_button.setVisible(paper)
        self.pdf_button.setVisible(paper)
        self.show()
