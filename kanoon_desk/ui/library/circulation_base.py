"""What the circulation desk's parts share: the desk's state, its message line, and the member on the
desk as the page shows them (card, open loans, holds, history). `CirculationPage` builds it all."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QWidget

from ...persian import WorkingCalendar
from ...services import circulation as circ
from ...services.accounts import get_office
from ..context import UiContext
from ..errors import error_text
from ..widgets import ERROR_STYLE, OK_STYLE, LtrLineEdit, digits, isolated, text_digits
from .common import ListModel, category_text, jdate


class DeskBase(QWidget):
    """The state and widgets `CirculationPage.__init__` sets (declared here for the parts in other
    modules), and the helpers every part of the desk uses."""

    scanned: SignalInstance  # the page's signal
    ctx: UiContext
    desk: circ.MemberDesk | None
    session_loans: list[circ.LoanView]
    session_renewed: bool
    pending: tuple[str, str] | None
    may_override: bool
    today: date
    calendar: WorkingCalendar
    _centres: dict[str, str]
    scan: LtrLineEdit
    member_name: QLabel
    member_info: QLabel
    blocks: QLabel
    message: QLabel
    override_button: QPushButton
    loans: QTableView
    history: QTableView
    renew_one: QPushButton
    renew_all: QPushButton
    undo_renewal: QPushButton
    lost_button: QPushButton
    hold_button: QPushButton
    cancel_hold_button: QPushButton
    slip: QPushButton
    done: QPushButton
    shelf_button: QPushButton
    pull_button: QPushButton

    # -- helpers -------------------------------------------------------------------------------

    def centre_name(self, code: str) -> str:
        if code not in self._centres:
            office = get_office(self.ctx.store, code)
            self._centres[code] = office.name if office else code
        return self._centres[code]

    def say(self, text: str, ok: bool = True, *, as_is: bool = False) -> None:
        """Show `text`; its digits read Persian (a title's "جلد 3" reads "جلد ۳") unless `as_is`
        (the text holds a barcode, whose digits stay those on its label)."""
        self.message.setText(text if as_is else text_digits(text))
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)

    @staticmethod
    def override_text(action: str) -> str:
        if action == "renew":
            return QCoreApplication.translate("Library", "نادیده گرفتن مانع و تمدید (ثبت می‌شود)")
        return QCoreApplication.translate("Library", "نادیده گرفتن مانع و امانت (ثبت می‌شود)")

    def offer_override(self, action: str, key: str) -> None:
        """After a refusal: a permitted librarian sees the button that goes ahead anyway."""
        self.pending = (action, key)
        self.override_button.setText(self.override_text(action))
        self.override_button.setVisible(self.may_override)

    def _failed(self, err: BaseException) -> None:
        self.say(error_text(err), ok=False)
        self.scanned.emit("")

    # -- the member on the desk ------------------------------------------------------------------

    def _show_desk(self) -> None:
        d = self.desk
        has = d is not None
        for b in (self.renew_one, self.renew_all, self.hold_button, self.done):
            b.setEnabled(has)
        self.lost_button.setEnabled(bool(d and d.loans))
        self.undo_renewal.setEnabled(bool(d and any(x.renewals for x in d.loans)))
        self.cancel_hold_button.setEnabled(bool(d and self.open_holds()))
        # the member takes the due dates home: of the books lent in this visit, or of every book out
        # (after a renewal, or for a member who only asks what they have and until when)
        self.slip.setEnabled(bool(self.session_loans or (d is not None and d.loans)))
        if d is None:
            self.member_name.setText(QCoreApplication.translate("Library", "عضوی انتخاب نشده است؛ کارت عضو را بخوانید."))
            self.member_info.setText("")
            self.blocks.setText("")
            loans: list[circ.LoanView] = []
            history: list[circ.LoanView] = []
        else:
            m = d.member
            self.member_name.setText(text_digits(f"{isolated(m.full_name)} — {category_text(m.category)}"))
            parts = [QCoreApplication.translate("Library", "شماره عضویت: {n}").format(n=digits(m.member_no)),
                     QCoreApplication.translate("Library", "مرکز: {c}").format(c=isolated(self.centre_name(m.home_centre))),
                     QCoreApplication.translate("Library", "اعتبار تا: {d}").format(d=jdate(m.expires_on)),
                     QCoreApplication.translate("Library", "امانت‌ها: {n} از {max}").format(n=digits(len(d.loans)), max=digits(d.rule_max_loans))]
            if m.guardian_name:
                parts.append(QCoreApplication.translate("Library", "ولی: {g} ({p})").format(g=isolated(m.guardian_name), p=digits(m.guardian_phone)))
            elif m.phone:
                parts.append(QCoreApplication.translate("Library", "تلفن: {p}").format(p=digits(m.phone)))
            ready = [h for h in d.holds if h.status == "ready"]
            if ready:
                parts.append(QCoreApplication.translate("Library", "رزرو آماده: {t}").format(t="، ".join(isolated(h.title) for h in ready)))
            coming = [h for h in d.holds if h.status == "in_transit"]
            if coming:
                parts.append(QCoreApplication.translate("Library", "رزرو در راه: {t}").format(t="، ".join(
                    QCoreApplication.translate("Library", "{t} (به «{c}»)").format(
                        t=isolated(h.title), c=isolated(self.centre_name(h.pickup_centre))) for h in coming)))
            waiting = [h for h in d.holds if h.status == "waiting"]
            if waiting:
                parts.append(QCoreApplication.translate("Library", "در صف رزرو: {t}").format(t="، ".join(
                    QCoreApplication.translate("Library", "{t} (نوبت {n})").format(t=isolated(h.title), n=digits(h.position))
                    for h in waiting)))
            self.member_info.setText(text_digits(" | ".join(parts)))
            self.blocks.setText(" ".join(self._block_text(c, m.expires_on) for c in d.blocks))
            loans, history = d.loans, d.history
        headers = [QCoreApplication.translate("Library", "بارکد"), QCoreApplication.translate("Library", "عنوان"), QCoreApplication.translate("Library", "تاریخ امانت"), QCoreApplication.translate("Library", "مهلت بازگشت"), QCoreApplication.translate("Library", "دیرکرد (روز)"), QCoreApplication.translate("Library", "تمدید")]
        self.loans.setModel(ListModel(headers, lambda: loans, lambda x: [
            x.barcode, x.title, x.out_on, x.due_on, x.overdue_days or "", x.renewals],
            alert=lambda x: x.overdue_days > 0))  # a book past its due date, in red
        lost = QCoreApplication.translate("Library", "گم شد")
        voided = QCoreApplication.translate("Library", "باطل شد (ناسازگاری)")
        mistaken = QCoreApplication.translate("Library", "لغو شد (امانت اشتباه)")
        self.history.setModel(ListModel([QCoreApplication.translate("Library", "بارکد"), QCoreApplication.translate("Library", "عنوان"), QCoreApplication.translate("Library", "مهلت بازگشت"), QCoreApplication.translate("Library", "بازگشت")],
                                        lambda: history, lambda x: [
                                            x.barcode, x.title, x.due_on,
                                            f"{lost} {jdate(x.returned_on)}" if x.lost
                                            else f"{mistaken} {jdate(x.returned_on)}" if x.mistaken
                                            else f"{voided} {jdate(x.returned_on)}" if x.voided else x.returned_on]))

    @staticmethod
    def _block_text(code: str, expires_on: date) -> str:
        """What stops the member on the desk borrowing, as the red line under their name says it:
        an ended membership says until when it ran and what to do (the bare «عضویت این عضو به
        پایان رسیده است» left a librarian, who cannot renew it here, not knowing where to go)."""
        if code == "expired":
            return QCoreApplication.translate("Library", "عضویت این عضو تا {d} اعتبار داشت؛ برای امانت، نخست آن را در صفحه «اعضا» با «تمدید عضویت برای یک سال» تمدید کنید.").format(d=jdate(expires_on))  # noqa: E501
        return error_text(circ.CirculationRefused([code]))

    def open_holds(self) -> list[circ.HoldView]:
        return [h for h in self.desk.holds if h.status in circ.OPEN_HOLD] if self.desk else []

    def _reload_member(self) -> None:
        if self.desk is not None:
            self.desk = circ.member_desk(self.ctx.store, self.ctx.actor, self.desk.member.id, today=self.today)
        self._show_desk()
