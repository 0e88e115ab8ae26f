"""The return desk's words and its running list: what to do with each book scanned back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...services import circulation as circ
from ..widgets import isolated, text_digits
from .common import ListModel, table_view


def next_action_text(r: circ.ReturnResult, centre_name: Callable[[str], str]) -> str:
    """What the librarian does with a copy just scanned back: reshelve it, send it to a centre, set it
    aside for a hold's member, or keep it off the shelf — and, when the copy is still recorded as
    lent to someone else (lent at two centres while apart), that it is, to whom and where."""
    action = _next_action(r, centre_name)
    if r.still_lent_to:
        action += " " + still_lent_text(r, centre_name)
    return action


def still_lent_text(r: circ.ReturnResult, centre_name: Callable[[str], str]) -> str:
    """The warning on a return that leaves another loan of the copy open: the desk that lent it too
    and the member, and who decides (the conflict inbox is the admins' and managers')."""
    return QCoreApplication.translate(
        "Library", "هشدار: این نسخه هنوز به نام «{m}» از «{c}» امانت ثبت شده است (یک نسخه در دو مرکز امانت "
                   "داده شده)؛ مدیر در «ناسازگاری‌ها» تصمیم می‌گیرد.").format(
        m=isolated(r.still_lent_to), c=isolated(centre_name(r.still_lent_at)))


def _next_action(r: circ.ReturnResult, centre_name: Callable[[str], str]) -> str:
    if r.next_action == "hold_here" and r.hold is not None:
        return QCoreApplication.translate("Library", "برای رزرو «{m}» کنار بگذارید: {t}").format(
            m=isolated(r.hold.member_name), t=isolated(r.hold.title))
    if r.next_action == "send_to_hold":
        if r.hold is not None and r.hold.member_name:
            return QCoreApplication.translate("Library", "برای رزرو «{m}» به مرکز «{c}» بفرستید.").format(
                m=isolated(r.hold.member_name), c=isolated(centre_name(r.send_to)))
        return QCoreApplication.translate("Library", "برای رزرو به مرکز «{c}» بفرستید.").format(c=isolated(centre_name(r.send_to)))
    if r.next_action == "send_home":
        return QCoreApplication.translate("Library", "به مرکز خودش «{c}» بفرستید.").format(c=isolated(centre_name(r.send_to)))
    if r.next_action == "withdrawn":
        return QCoreApplication.translate("Library", "خارج از گردش است؛ به قفسه برنگردانید.")
    return QCoreApplication.translate("Library", "به قفسه برگردانید.")


class ReturnsPanel(QWidget):
    """This session's returns at the desk, newest first: barcode, title, who returned it and the
    next action — so a pile of books scanned in a row can be sorted afterwards."""

    def __init__(self, centre_name: Callable[[str], str]) -> None:
        super().__init__()
        self.centre_name = centre_name
        self.results: list[circ.ReturnResult] = []
        self.heading = QLabel(QCoreApplication.translate("Library", "بازگشت‌های این نوبت (تازه‌ترین بالا)"))
        self.table = table_view("returns-table", stretch=3)
        self.table.setAccessibleName(self.heading.text())
        #: «لغو بازگشت اشتباه»: the page connects it (`DeskUndo.undo_return_chosen`)
        self.undo_button = QPushButton(QCoreApplication.translate("Library", "لغو بازگشت اشتباه (Ctrl+Z)"))
        self.undo_button.setObjectName("undo-return")
        self.undo_button.setToolTip(QCoreApplication.translate(
            "Library", "کتابی که امروز اشتباه بازگشت خورد و هنوز نزد عضو است: بازگشت برگزیده، یا آخرین بازگشت "
                       "این نوبت، لغو و امانت با همان مهلت دوباره باز می‌شود"))
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.undo_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(head)
        box.addWidget(self.table, 1)
        self._show()

    def add(self, result: circ.ReturnResult) -> None:
        self.results.insert(0, result)
        self._show()

    def chosen(self) -> circ.ReturnResult | None:
        """The return to undo: the one selected, else the newest that closed a loan."""
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if rows and rows[0].row() < len(self.results):
            picked = self.results[rows[0].row()]
            return picked if picked.loan is not None else None
        return next((r for r in self.results if r.loan is not None), None)

    def drop(self, loan_id: str) -> None:
        """A return undone: off this session's list (the book is still with the member)."""
        self.results[:] = [r for r in self.results if r.loan is None or r.loan.id != loan_id]
        self._show()

    def _show(self) -> None:
        results = self.results
        headers = [QCoreApplication.translate("Library", "بارکد"), QCoreApplication.translate("Library", "عنوان"),
                   QCoreApplication.translate("Library", "عضو"), QCoreApplication.translate("Library", "کار بعدی")]
        self.table.setModel(ListModel(headers, lambda: results, lambda r: [
            r.barcode, text_digits(r.title), text_digits(r.member) if r.member else self._no_member(r),
            text_digits(next_action_text(r, self.centre_name))]))

    @staticmethod
    def _no_member(r: circ.ReturnResult) -> str:
        if "found" in r.notes:
            return QCoreApplication.translate("Library", "(گم‌شده، پیدا شد)")
        return QCoreApplication.translate("Library", "(دریافت از مرکز دیگر)")
