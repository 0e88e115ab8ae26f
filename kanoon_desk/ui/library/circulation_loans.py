"""The circulation desk's open loans of the member on the desk: a book lost with the member, renew
one or all, and the slip of due dates the member takes home."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox

from ... import persian
from ...services import circulation as circ
from ..errors import error_text
from ..widgets import digits, isolated, select_row, text_digits
from .circulation_base import DeskBase
from .printouts import SlipDialog, slip_html


class DeskLoans(DeskBase):
    """`CirculationPage`'s loans: lost, renewals and the slip."""

    def ask_lost_note(self, title: str) -> str | None:
        """Confirm «گم‌شده نزد عضو» for a title, with an optional note (None: not lost after all).
        Tests replace this method; the desk asks in a small dialog."""
        text, ok = QInputDialog.getText(
            self, QCoreApplication.translate("Library", "گم‌شده نزد عضو"),
            QCoreApplication.translate("Library", "«{t}» نزد عضو گم شده است؟ امانت بسته و نسخه گم‌شده ثبت می‌شود. "
                                                  "یادداشت (اختیاری):").format(t=text_digits(title)))
        return text if ok else None

    def lost_selected(self) -> None:
        """«گم‌شده نزد عضو» for the loan selected (the first when none is)."""
        if self.desk is None or not self.desk.loans:
            return
        rows = self.loans.selectionModel().selectedRows() if self.loans.selectionModel() else []
        loan = self.desk.loans[rows[0].row() if rows else 0]
        note = self.ask_lost_note(loan.title)
        if note is None:
            self.scan.setFocus()
            return

        def done(_: circ.LoanView) -> None:
            self.say(QCoreApplication.translate(
                "Library", "«{t}» گم‌شده نزد عضو ثبت شد: امانت بسته شد و نسخه در فهرست گم‌شده‌هاست.").format(
                t=loan.title))
            self._reload_member()
            self.ctx.bus.changed.emit("library")

        self.ctx.tasks.run(lambda: circ.mark_loan_lost(self.ctx.store, self.ctx.actor, loan.id, note=note,
                                                       today=self.today), on_done=done, on_error=self._failed)
        self.scan.setFocus()

    # -- a checkout scanned by mistake ---------------------------------------------------------------

    def ask_void_confirm(self, title: str, member: str) -> bool:
        """Confirm voiding the loan of `title` to `member`. Tests replace this method."""
        answer = QMessageBox.question(
            self, QCoreApplication.translate("Library", "لغو امانت اشتباه"),
            QCoreApplication.translate(
                "Library", "امانت «{t}» به {m} اشتباه بود و لغو شود؟ در گزارش‌ها امانت شمرده نمی‌شود و "
                           "نسخه به جای پیشینش برمی‌گردد؛ لغو با نام شما ثبت می‌ماند.").format(
                t=isolated(text_digits(title)), m=isolated(text_digits(member))))
        return answer == QMessageBox.StandardButton.Yes

    def void_last(self) -> None:
        """Ctrl+Z, «لغو امانت اشتباه»: the loan selected in the list, else the last book lent in this
        visit (the wrong child's card on the desk, a book of another child's pile read), is voided."""
        if self.desk is None:
            return
        open_ids = {x.id: x for x in self.desk.loans}
        rows = self.loans.selectionModel().selectedRows() if self.loans.selectionModel() else []
        loan = self.desk.loans[rows[0].row()] if rows and rows[0].row() < len(self.desk.loans) else next(
            (open_ids[x.id] for x in reversed(self.session_loans) if x.id in open_ids), None)
        if loan is None:
            self.say(QCoreApplication.translate(
                "Library", "در این مراجعه کتابی امانت داده نشده است؛ امانت نادرست را در فهرست برگزینید."), ok=False)
            self.scan.setFocus()
            return
        refused = circ.void_refused(loan.out_on, loan.renewals, self.today)
        if refused:  # (an older loan: said at once, not asked about and then refused)
            self.say(QCoreApplication.translate("Errors", refused), ok=False)
            self.scan.setFocus()
            return
        member = self.desk.member.full_name
        if not self.ask_void_confirm(loan.title, member):
            self.scan.setFocus()
            return

        def done(_: circ.LoanView) -> None:
            self.session_loans = [x for x in self.session_loans if x.id != loan.id]
            self.say(QCoreApplication.translate(
                "Library", "امانت «{t}» به {m} لغو شد؛ کتاب را پس بگیرید. اگر برای عضو دیگری بود، کارت او را "
                           "بخوانید و کتاب را دوباره بخوانید.").format(t=isolated(text_digits(loan.title)), m=isolated(text_digits(member))))
            self._reload_member()
            self.ctx.bus.changed.emit("library")
            self.scanned.emit("")

        self.ctx.tasks.run(lambda: circ.void_checkout(self.ctx.store, self.ctx.actor, loan.id, today=self.today),
                           on_done=done, on_error=self._failed)
        self.scan.setFocus()

    # -- renewals and the slip -------------------------------------------------------------------

    def renew_selected(self) -> None:
        if self.desk is None or not self.desk.loans:
            return
        rows = self.loans.selectionModel().selectedRows() if self.loans.selectionModel() else []
        row = rows[0].row() if rows else 0
        self.override_button.hide()
        self.pending = None
        self._renew(self.desk.loans[row].id, override=False)

    def _renew(self, loan_id: str, override: bool, note: str = "") -> None:
        loan = next((x for x in self.desk.loans if x.id == loan_id), None) if self.desk else None

        def failed(err: BaseException) -> None:
            if not isinstance(err, circ.CirculationRefused):
                self._failed(err)
                return
            if err.overridable:
                self.offer_override("renew", loan_id)
            self.say(QCoreApplication.translate("Library", "«{t}» تمدید نشد: {why}").format(
                t=loan.title if loan else "", why=error_text(err)), ok=False)
            self.scanned.emit("")

        self.ctx.tasks.run(lambda: circ.renew(self.ctx.store, self.ctx.actor, loan_id, today=self.today,
                                              override=override, note=note, calendar=self.calendar),
                           on_done=self._renewed, on_error=failed)

    def _renewed(self, loan: circ.LoanView) -> None:
        self.session_renewed = True
        self.pending = None
        self.override_button.hide()
        self.say(QCoreApplication.translate("Library", "تمدید شد: «{t}» تا {d}").format(t=loan.title, d=persian.format_jalali_date(loan.due_on)))
        self._reload_member()
        self.ctx.bus.changed.emit("library")

    def do_renew_all(self) -> None:
        if self.desk is None:
            return
        member_id = self.desk.member.id

        titles = {x.id: x.title for x in self.desk.loans}

        def done(results: list[tuple[circ.LoanView | None, str, circ.CirculationRefused | None]]) -> None:
            ok = sum(1 for r in results if r[0] is not None)
            # each refused title with its own reasons: the librarian tells the member which and why
            # (each reason's own full stop dropped: they are joined by «؛» and the list ends with one)
            refused = [QCoreApplication.translate("Library", "«{t}»: {why}").format(
                t=titles.get(loan_id, ""), why=error_text(err).rstrip().removesuffix("."))
                for _, loan_id, err in results if err is not None]
            text = QCoreApplication.translate("Library", "{n} امانت تمدید شد.").format(n=digits(ok))
            if refused:
                text += " " + QCoreApplication.translate("Library", "تمدیدنشده: {r}.").format(
                    r=QCoreApplication.translate("Library", "؛ ", "between the refused titles").join(refused))
            self.session_renewed = self.session_renewed or ok > 0
            self.say(text, ok=not refused)
            self._reload_member()
            self.ctx.bus.changed.emit("library")

        self.ctx.tasks.run(lambda: circ.renew_all(self.ctx.store, self.ctx.actor, member_id, today=self.today),
                           on_done=done, on_error=self._failed)

    def slip_html(self) -> str:
        assert self.desk is not None
        # the books lent in this visit; after a renewal or with none lent, every open loan with its due date now
        loans = self.desk.loans if self.session_renewed or not self.session_loans else self.session_loans
        return slip_html(self.desk.member, loans, self.centre_name(self.ctx.actor.office_code),
                         persian.format_jalali_date(self.today))

    def show_slip(self) -> SlipDialog | None:
        if self.desk is None:
            return None
        dialog = SlipDialog(self.slip_html(), self)
        dialog.show()
        return dialog

    def select_loan(self, row: int) -> None:
        select_row(self.loans, row)
