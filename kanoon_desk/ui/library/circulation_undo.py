"""The circulation desk's undo of a librarian's own mistake, asked first with the reason: a return
scanned by mistake (the book still with the child) and a renewal made by mistake."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from ... import persian
from ...services import circulation as circ
from ...services.circulation_undo import MSG_NOT_RENEWED
from ..secretariat.dialogs import ActionDialog
from ..widgets import digits, isolated, text_digits
from .circulation_base import DeskBase
from .returns import ReturnsPanel


class DeskUndo(DeskBase):
    """`CirculationPage`'s «لغو بازگشت اشتباه» (return mode, Ctrl+Z) and «لغو تمدید اشتباه»."""

    returns_panel: ReturnsPanel

    def undo_dialog(self, title: str, what: str, after: str, run: Callable[[dict[str, Any]], Any]) -> ActionDialog:
        """A question naming what will be undone (`what`) and what follows (`after`), with the reason
        asked; its OK runs `run` (errors at the field, the dialog stays open)."""
        d = ActionDialog(self, title, run)
        d.setObjectName("undo-dialog")
        d.note("what", QCoreApplication.translate("Library", "لغو می‌شود"), what)
        d.line("reason", QCoreApplication.translate("Library", "دلیل"))
        d.note("after", "", after)
        d.setMinimumWidth(520)
        d.resize(520, max(d.sizeHint().height(), d.heightForWidth(520)))  # (the notes wrapped to that width)
        return d

    def run_undo_dialog(self, d: ActionDialog) -> bool:
        """Show the question; whether the undo was made. Tests replace `ActionDialog.exec`."""
        accepted = d.exec() == QDialog.DialogCode.Accepted
        d.deleteLater()
        return accepted

    # -- a return scanned by mistake -------------------------------------------------------------

    def undo_return_chosen(self) -> None:
        """«لغو بازگشت اشتباه»: the return selected in this session's list, else the last one."""
        r = self.returns_panel.chosen()
        if r is None or r.loan is None:
            self.say(QCoreApplication.translate(
                "Library", "در این نوبت بازگشتی ثبت نشده است که لغو شود."), ok=False)
            self.scan.setFocus()
            return
        loan = r.loan
        due = text_digits(persian.format_jalali_date(loan.due_on))
        what = QCoreApplication.translate("Library", "بازگشت «{t}» ({b}) از {m}").format(
            t=isolated(text_digits(loan.title)), b=isolated(loan.barcode), m=isolated(text_digits(r.member)))
        after = QCoreApplication.translate(
            "Library", "کتاب هنوز نزد عضو است: امانت با همان مهلت بازگشت ({d}) دوباره باز می‌شود و دیرکرد این "
                       "بازگشت از میان می‌رود. لغو با نام شما و دلیلش ثبت می‌ماند.").format(d=due)
        done: list[circ.LoanView] = []

        def run(v: dict[str, Any]) -> None:
            done.append(circ.undo_return(self.ctx.store, self.ctx.actor, loan.id, reason=v["reason"],
                                         today=self.today))

        if self.run_undo_dialog(self.undo_dialog(
                QCoreApplication.translate("Library", "لغو بازگشت اشتباه"), what, after, run)) and done:
            self.returns_panel.drop(loan.id)
            self.say(QCoreApplication.translate(
                "Library", "بازگشت «{t}» لغو شد؛ کتاب تا {d} به نام {m} در امانت است.").format(
                t=isolated(text_digits(loan.title)), d=due, m=isolated(text_digits(r.member))))
            self.ctx.bus.changed.emit("library")
        self.scanned.emit("")
        self.scan.setFocus()

    # -- a renewal made by mistake ---------------------------------------------------------------

    def undo_renewal_selected(self) -> None:
        """«لغو تمدید اشتباه»: the last renewal of the loan selected (the first renewed when none is)."""
        if self.desk is None:
            return
        model = self.loans.selectionModel()
        rows = model.selectedRows() if model is not None else []
        loans = self.desk.loans
        loan = loans[rows[0].row()] if rows and rows[0].row() < len(loans) else next(
            (x for x in loans if x.renewals), None)
        before = circ.renewal_before(self.ctx.store, self.ctx.actor, loan.id) if loan is not None else None
        if loan is None or before is None:
            self.say(QCoreApplication.translate("Errors", MSG_NOT_RENEWED), ok=False)
            self.scan.setFocus()
            return
        what = QCoreApplication.translate("Library", "تمدید «{t}» ({b}) تا {d}").format(
            t=isolated(text_digits(loan.title)), b=isolated(loan.barcode),
            d=text_digits(persian.format_jalali_date(loan.due_on)))
        after = QCoreApplication.translate(
            "Library", "مهلت بازگشت به {d} برمی‌گردد و این تمدید در سقف تمدید شمرده نمی‌شود (تمدید {n} از این "
                       "امانت). لغو با نام شما و دلیلش ثبت می‌ماند.").format(
            d=text_digits(persian.format_jalali_date(before)), n=digits(loan.renewals))
        done: list[circ.LoanView] = []

        def run(v: dict[str, Any]) -> None:
            done.append(circ.undo_renewal(self.ctx.store, self.ctx.actor, loan.id, reason=v["reason"],
                                          today=self.today))

        if self.run_undo_dialog(self.undo_dialog(
                QCoreApplication.translate("Library", "لغو تمدید اشتباه"), what, after, run)) and done:
            self.say(QCoreApplication.translate("Library", "تمدید «{t}» لغو شد؛ مهلت بازگشت: {d}").format(
                t=isolated(text_digits(loan.title)), d=text_digits(persian.format_jalali_date(done[0].due_on))))
            self._reload_member()
            self.ctx.bus.changed.emit("library")
        self.scanned.emit("")
        self.scan.setFocus()
