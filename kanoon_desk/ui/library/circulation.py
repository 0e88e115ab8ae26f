"""The circulation desk: one screen, scanner first — scan a card, scan books, return, renew, slip."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ... import persian
from ...errors import ServiceError, ValidationError
from ...services import circulation as circ
from ...services import library as lib
from ...services.accounts import get_office, working_calendar
from ..context import UiContext
from ..errors import error_text
from ..widgets import ERROR_STYLE, LtrLineEdit, digits, isolated, long_date, select_row, text_digits, today
from .common import ListModel, category_text, desk_centre_key, jdate, table_view
from .holds import HoldDialog, HoldShelfDialog
from .printouts import SlipDialog, slip_html
from .returns import ReturnsPanel, next_action_text
from .transit import PullListDialog

OK_STYLE = "color: #1b5e20;"


class CirculationPage(QWidget):
    """Scan a member's card (or type a national ID), then scan books to lend them; in return mode
    each scanned book is checked in and the next action is shown (reshelve, send home, hold).

    Signals:
        scanned(str): after each scan was handled (tests and the status bar listen).
    """

    scanned = Signal(str)

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        #: the session's context; `ctx` is the same at the centre the desk lends at (its actor's office)
        self.base_ctx = ctx
        self.ctx = ctx
        self.setObjectName("circulation-page")
        self.desk: circ.MemberDesk | None = None
        self.session_loans: list[circ.LoanView] = []
        #: a loan of the member on the desk was renewed in this visit: the slip lists every open loan
        self.session_renewed = False
        #: a refusal a permitted librarian may override: ("checkout", barcode) or ("renew", loan id)
        self.pending: tuple[str, str] | None = None
        self.may_override = lib.can_override(ctx.store, ctx.actor)
        self.today: date = today()
        self.calendar = working_calendar(ctx.store)  # read once: a scan should not re-read the holidays

        self.mode_lend = QRadioButton(QCoreApplication.translate("Library", "امانت"))
        self.mode_lend.setObjectName("mode-lend")
        self.mode_return = QRadioButton(QCoreApplication.translate("Library", "بازگشت"))
        self.mode_return.setObjectName("mode-return")
        self.mode_lend.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.mode_lend)
        group.addButton(self.mode_return)
        self.mode_return.toggled.connect(self._mode_changed)
        self.scan = LtrLineEdit()
        self.scan.setObjectName("scan")
        self.scan.setPlaceholderText(QCoreApplication.translate("Library", "کارت عضو یا بارکد کتاب را بخوانید و Enter بزنید"))
        self.scan.returnPressed.connect(self.on_scan)
        font = self.scan.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.scan.setFont(font)

        # A user of an office that is not itself a centre lends at one of the centres: picked here,
        # remembered for this desk.
        office = get_office(ctx.store, ctx.actor.office_code)
        self.picks_centre = office is None or office.kind != "centre"
        self.centre_label = QLabel(QCoreApplication.translate("Library", "مرکز:"))
        self.centre_picker = QComboBox()
        self.centre_picker.setObjectName("desk-centre")
        self.centre_picker.setToolTip(QCoreApplication.translate(
            "Library", "مرکز فرهنگی هنری که این میز در آن امانت می‌دهد"))
        self.centre_picker.currentIndexChanged.connect(self._centre_picked)
        top = QHBoxLayout()
        top.addWidget(self.centre_label)
        top.addWidget(self.centre_picker)
        top.addWidget(QLabel(QCoreApplication.translate("Library", "کار:")))
        top.addWidget(self.mode_lend)
        top.addWidget(self.mode_return)
        top.addWidget(self.scan, 1)

        self.member_box = QFrame()
        self.member_box.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self.member_box)
        self.member_name = QLabel(QCoreApplication.translate("Library", "عضوی انتخاب نشده است؛ کارت عضو را بخوانید."))
        self.member_name.setObjectName("member-name")
        f = self.member_name.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.2)
        self.member_name.setFont(f)
        self.member_info = QLabel()
        self.member_info.setObjectName("member-info")
        self.member_info.setWordWrap(True)
        self.blocks = QLabel()
        self.blocks.setObjectName("blocks")
        self.blocks.setStyleSheet(ERROR_STYLE)
        self.blocks.setWordWrap(True)
        grid.addWidget(self.member_name, 0, 0)
        grid.addWidget(self.member_info, 1, 0)
        grid.addWidget(self.blocks, 2, 0)

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        f2 = self.message.font()
        f2.setPointSizeF(f2.pointSizeF() * 1.2)
        self.message.setFont(f2)
        self.override_button = QPushButton(self.override_text("checkout"))
        self.override_button.setObjectName("override")
        self.override_button.clicked.connect(self.do_override)
        self.override_button.hide()
        self.found_button = QPushButton(QCoreApplication.translate("Library", "پیدا شد، به گردش برگردد"))
        self.found_button.setObjectName("found")
        self.found_button.clicked.connect(self.do_found)
        self.found_button.hide()
        #: the barcode of a copy recorded lost that was just scanned back (for «پیدا شد»)
        self.found_pending = ""
        msg_row = QHBoxLayout()
        msg_row.addWidget(self.message, 1)
        msg_row.addWidget(self.override_button)
        msg_row.addWidget(self.found_button)

        self.loans_title = QLabel(QCoreApplication.translate("Library", "امانت‌های باز"))
        self.loans = table_view("loans-table", stretch=1)
        self.renew_one = QPushButton(QCoreApplication.translate("Library", "تمدید برگزیده"))
        self.renew_one.setObjectName("renew-one")
        self.renew_one.clicked.connect(self.renew_selected)
        self.renew_all = QPushButton(QCoreApplication.translate("Library", "تمدید همه"))
        self.renew_all.setObjectName("renew-all")
        self.renew_all.clicked.connect(self.do_renew_all)
        self.slip = QPushButton(QCoreApplication.translate("Library", "برگه امانت"))
        self.slip.setObjectName("slip")
        self.slip.clicked.connect(self.show_slip)
        self.hold_button = QPushButton(QCoreApplication.translate("Library", "رزرو کتاب (F6)"))
        self.hold_button.setObjectName("hold")
        self.hold_button.clicked.connect(self.place_hold)
        self.cancel_hold_button = QPushButton(QCoreApplication.translate("Library", "لغو رزرو"))
        self.cancel_hold_button.setObjectName("cancel-hold")
        self.cancel_hold_button.clicked.connect(self.choose_hold_to_cancel)
        self.shelf_button = QPushButton(QCoreApplication.translate("Library", "قفسه رزرو"))
        self.shelf_button.setObjectName("hold-shelf")
        self.shelf_button.clicked.connect(lambda: self.hold_shelf().exec())
        self.pull_button = QPushButton(QCoreApplication.translate("Library", "ارسال برای رزرو"))
        self.pull_button.setObjectName("pull-list")
        self.pull_button.setToolTip(QCoreApplication.translate(
            "Library", "نسخه‌های قفسه این مرکز که رزرو مرکز دیگری منتظرشان است"))
        self.pull_button.clicked.connect(lambda: self.pull_list().exec())
        self.lost_button = QPushButton(QCoreApplication.translate("Library", "گم‌شده نزد عضو"))
        self.lost_button.setObjectName("loan-lost")
        self.lost_button.setToolTip(QCoreApplication.translate(
            "Library", "عضو کتاب برگزیده را گم کرده است: امانت بسته و نسخه گم‌شده ثبت می‌شود"))
        self.lost_button.clicked.connect(self.lost_selected)
        self.done = QPushButton(QCoreApplication.translate("Library", "پایان (Esc)"))
        self.done.setObjectName("done")
        self.done.clicked.connect(self.clear_member)
        buttons = QHBoxLayout()
        for b in (self.renew_one, self.renew_all, self.lost_button, self.hold_button, self.cancel_hold_button,
                  self.slip, self.done, self.shelf_button, self.pull_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.history_title = QLabel(QCoreApplication.translate("Library", "پیشینه امانت"))
        self.history = table_view("history-table", stretch=1)

        self.returns_panel = ReturnsPanel(self.centre_name)
        self.returns_panel.hide()

        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.member_box)
        box.addLayout(msg_row)
        box.addWidget(self.returns_panel, 5)
        box.addWidget(self.loans_title)
        box.addWidget(self.loans, 3)
        box.addLayout(buttons)
        box.addWidget(self.history_title)
        box.addWidget(self.history, 2)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.clear_member)
        QShortcut(QKeySequence("F2"), self, lambda: self.mode_lend.setChecked(True))
        QShortcut(QKeySequence("F3"), self, lambda: self.mode_return.setChecked(True))
        QShortcut(QKeySequence("F6"), self, self.place_hold)
        self._centres = dict(lib.list_centres(ctx.store))
        self.fill_centres()
        ctx.bus.changed.connect(self._on_changed)
        self._show_desk()
        self.scan.setFocus()
        self._expire_holds()

    # -- the centre the desk lends at ------------------------------------------------------------

    @property
    def settings_key(self) -> str:
        return desk_centre_key(self.base_ctx.store)

    def fill_centres(self) -> None:
        """The centre picker of a desk whose user's office is not itself a centre: every centre,
        the one chosen last on this desk first (QSettings), else the first."""
        self.centre_label.setVisible(self.picks_centre)
        self.centre_picker.setVisible(self.picks_centre)
        if not self.picks_centre:
            return
        picker = self.centre_picker
        wanted = picker.currentData() or self.base_ctx.settings.value(self.settings_key, "")
        picker.blockSignals(True)
        picker.clear()
        for code, name in lib.list_centres(self.base_ctx.store):
            picker.addItem(text_digits(f"{name} ({code})"), code)
        picker.setCurrentIndex(max(picker.findData(wanted), 0) if picker.count() else -1)
        picker.blockSignals(False)
        self._use_centre()

    def _use_centre(self) -> None:
        code = self.centre_picker.currentData() if self.picks_centre else self.base_ctx.actor.office_code
        if code:
            self.ctx = replace(self.base_ctx, actor=replace(self.base_ctx.actor, office_code=code))
        self.scan.setEnabled(bool(code))
        if not code:
            self.say(QCoreApplication.translate(
                "Library", "هیچ مرکز فرهنگی هنری ثبت نشده است؛ مدیر سامانه مرکزها را در «مراکز فرهنگی هنری» "
                           "می‌افزاید."), ok=False)

    def _centre_picked(self) -> None:
        code = self.centre_picker.currentData()
        if not code:
            return
        self.base_ctx.settings.setValue(self.settings_key, code)
        self._use_centre()
        self.clear_member()
        self.say(QCoreApplication.translate("Library", "میز امانت در «{c}».").format(c=self.centre_name(code)))
        self._expire_holds()

    def _on_changed(self, area: str) -> None:
        if area in ("accounts", "sync"):  # a centre added (or pulled)
            self._centres = dict(lib.list_centres(self.base_ctx.store))
            self.fill_centres()

    def _expire_holds(self) -> None:
        """Uncollected holds of the desk's centre expire as the desk opens there."""
        ctx = self.ctx
        if ctx.housekeeping and ctx.actor.has(*lib.LIBRARIAN) and self.scan.isEnabled():
            store, actor, day = ctx.store, ctx.actor, self.today
            ctx.tasks.run(lambda: circ.expire_holds(store, actor, today=day), on_done=self._holds_expired,
                          on_error=lambda err: self.say(error_text(err), ok=False))

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

    def ask_override_reason(self) -> str | None:
        """The short reason an override is logged with (None: the librarian changed their mind).
        Tests replace this method; the desk asks in a small dialog."""
        text, ok = QInputDialog.getText(
            self, QCoreApplication.translate("Library", "دلیل نادیده گرفتن مانع"),
            QCoreApplication.translate("Library", "دلیل کوتاه (در فهرست امانت‌های استثنا می‌ماند):"))
        return text if ok else None

    def _mode_changed(self) -> None:
        returning = self.mode_return.isChecked()
        if returning:  # the member scanned before is not the one bringing books back
            self.clear_member()
        self.override_button.hide()
        self.pending = None
        self.found_button.hide()
        self.found_pending = ""
        for w in (self.member_box, self.loans_title, self.loans, self.history_title, self.history, self.renew_one,
                  self.renew_all, self.lost_button, self.hold_button, self.cancel_hold_button, self.slip, self.done):
            w.setVisible(not returning)
        self.returns_panel.setVisible(returning)
        self.say(QCoreApplication.translate("Library", "حالت بازگشت: کتاب‌ها را بخوانید.") if self.mode_return.isChecked()
                 else QCoreApplication.translate("Library", "حالت امانت: کارت عضو را بخوانید."))
        self.scan.setFocus()

    def clear_member(self) -> None:
        self.desk = None
        self.session_loans = []
        self.session_renewed = False
        self.pending = None
        self.override_button.hide()
        self._show_desk()
        self.say("")
        self.scan.setFocus()

    def _show_desk(self) -> None:
        d = self.desk
        has = d is not None
        for b in (self.renew_one, self.renew_all, self.hold_button, self.done):
            b.setEnabled(has)
        self.lost_button.setEnabled(bool(d and d.loans))
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
            self.member_name.setText(text_digits(f"{m.full_name} — {category_text(m.category)}"))
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
            self.blocks.setText(" ".join(error_text(circ.CirculationRefused([c])) for c in d.blocks))
            loans, history = d.loans, d.history
        headers = [QCoreApplication.translate("Library", "بارکد"), QCoreApplication.translate("Library", "عنوان"), QCoreApplication.translate("Library", "تاریخ امانت"), QCoreApplication.translate("Library", "مهلت بازگشت"), QCoreApplication.translate("Library", "دیرکرد (روز)"), QCoreApplication.translate("Library", "تمدید")]
        self.loans.setModel(ListModel(headers, lambda: loans, lambda x: [
            x.barcode, x.title, x.out_on, x.due_on, x.overdue_days or "", x.renewals],
            alert=lambda x: x.overdue_days > 0))  # a book past its due date, in red
        lost = QCoreApplication.translate("Library", "گم شد")
        self.history.setModel(ListModel([QCoreApplication.translate("Library", "بارکد"), QCoreApplication.translate("Library", "عنوان"), QCoreApplication.translate("Library", "مهلت بازگشت"), QCoreApplication.translate("Library", "بازگشت")],
                                        lambda: history, lambda x: [
                                            x.barcode, x.title, x.due_on,
                                            f"{lost} {jdate(x.returned_on)}" if x.lost else x.returned_on]))

    # -- holds -------------------------------------------------------------------------------

    def open_holds(self) -> list[circ.HoldView]:
        return [h for h in self.desk.holds if h.status in circ.OPEN_HOLD] if self.desk else []

    def hold_dialog(self) -> HoldDialog | None:
        """The reserve dialog for the member on the desk (None when no member is scanned)."""
        return HoldDialog(self.ctx, self.desk.member, self, day=self.today) if self.desk is not None else None

    def place_hold(self) -> None:
        dialog = self.hold_dialog()
        if dialog is not None and dialog.exec() == HoldDialog.DialogCode.Accepted and dialog.hold is not None:
            self.hold_placed(dialog.hold)
        self.scan.setFocus()

    def hold_shelf(self) -> HoldShelfDialog:
        """The hold shelf of this desk's centre (who to call)."""
        return HoldShelfDialog(self.ctx, self.ctx.actor.office_code, self)

    def pull_list(self) -> PullListDialog:
        """«ارسال برای رزرو»: copies on this centre's shelf that holds picked up elsewhere wait for."""
        return PullListDialog(self.ctx, self)

    def hold_placed(self, hold: circ.HoldView) -> None:
        self.say(QCoreApplication.translate("Library", "رزرو ثبت شد: «{t}» — نوبت {n}، تحویل در «{c}».").format(
            t=hold.title, n=digits(hold.position), c=self.centre_name(hold.pickup_centre)))
        self.ctx.bus.changed.emit("library")
        self._reload_member()

    def choose_hold_to_cancel(self) -> None:
        holds = self.open_holds()
        if not holds:
            return
        labels = [text_digits(h.title) for h in holds]
        label, ok = QInputDialog.getItem(self, QCoreApplication.translate("Library", "لغو رزرو"),
                                         QCoreApplication.translate("Library", "کدام رزرو لغو شود؟"), labels, 0, False)
        if ok and label in labels:
            self.cancel_hold(holds[labels.index(label)])
        self.scan.setFocus()

    def cancel_hold(self, hold: circ.HoldView) -> None:
        try:
            circ.cancel_hold(self.ctx.store, self.ctx.actor, hold.id)
        except ServiceError as err:
            self.say(error_text(err), ok=False)
            return
        text = QCoreApplication.translate("Library", "رزرو «{t}» لغو شد.").format(t=hold.title)
        if hold.status == "ready":  # its copy waits on the hold shelf
            text += " " + QCoreApplication.translate("Library", "نسخه کنار گذاشته را از قفسه رزرو بردارید.")
        elif hold.status == "in_transit":  # its copy is on its way here
            text += " " + QCoreApplication.translate("Library", "نسخه‌اش در راه است؛ وقتی رسید، در حالت بازگشت بخوانیدش.")
        self.say(text)
        self.ctx.bus.changed.emit("library")
        self._reload_member()

    def _holds_expired(self, results: list[circ.ReturnResult]) -> None:
        if not results:
            return
        lines = [f"«{text_digits(r.title)}» ({r.barcode}): {text_digits(next_action_text(r, self.centre_name))}"
                 for r in results]
        self.say(QCoreApplication.translate("Library", "رزروهای تحویل‌نشده‌ای که مهلتشان گذشت لغو شد:") + " "
                 + "؛ ".join(lines), as_is=True)
        self.ctx.bus.changed.emit("library")

    def _reload_member(self) -> None:
        if self.desk is not None:
            self.desk = circ.member_desk(self.ctx.store, self.desk.member.id, today=self.today)
        self._show_desk()

    # -- scanning ------------------------------------------------------------------------------

    def on_scan(self) -> None:
        code = lib.clean_code(self.scan.text())
        self.scan.clear()
        if not code:
            return
        self.override_button.hide()
        self.pending = None
        self.found_button.hide()
        self.found_pending = ""
        if self.mode_return.isChecked():
            self.ctx.tasks.run(lambda: circ.checkin(self.ctx.store, self.ctx.actor, code, today=self.today),
                               on_done=self._returned, on_error=self._return_failed)
        else:
            member = lib.lookup_member(self.ctx.store, code)
            if member is not None:
                self.desk = circ.member_desk(self.ctx.store, member.id, today=self.today)
                self.session_loans = []
                self.session_renewed = False
                self._show_desk()
                self.say(QCoreApplication.translate("Library", "عضو: {n}. کتاب‌ها را بخوانید.").format(n=member.full_name))
                self.scanned.emit(code)
            elif self.desk is None:
                self.say(QCoreApplication.translate("Library", "نخست کارت عضو را بخوانید."), ok=False)
                self.scanned.emit(code)
            else:
                self._lend(code, override=False)
        self.scan.setFocus()

    def _lend(self, barcode: str, override: bool, note: str = "") -> None:
        assert self.desk is not None
        member_id = self.desk.member.id

        def work() -> circ.LoanView:
            return circ.checkout(self.ctx.store, self.ctx.actor, member_id, barcode, today=self.today,
                                 override=override, note=note, calendar=self.calendar)

        def failed(err: BaseException) -> None:
            if not isinstance(err, circ.CirculationRefused):
                self._failed(err)
                return
            if err.overridable:
                self.offer_override("checkout", barcode)
            title = lib.get_copy(self.ctx.store, barcode).title  # a refused copy exists: the rule said no
            self.say(QCoreApplication.translate("Library", "«{t}» امانت داده نشد: {why}").format(
                t=title, why=error_text(err)), ok=False)
            self.scanned.emit("")

        self.ctx.tasks.run(work, on_done=self._lent, on_error=failed)

    def _lent(self, loan: circ.LoanView) -> None:
        self.session_loans.append(loan)
        self.pending = None
        self.override_button.hide()
        self.say(QCoreApplication.translate("Library", "امانت داده شد: «{t}» — مهلت بازگشت {d}").format(
            t=loan.title, d=long_date(loan.due_on)))
        self._reload_member()
        self.ctx.bus.changed.emit("library")
        self.scanned.emit(loan.barcode)

    def do_override(self) -> None:
        """Go ahead with the refused checkout or renewal, with a short reason (logged)."""
        if self.pending is None:
            return
        reason = self.ask_override_reason()
        if reason is None:
            self.scan.setFocus()
            return
        if not reason.strip():
            self.say(error_text(ValidationError(circ.MSG_OVERRIDE_REASON, "note")), ok=False)
            self.scan.setFocus()
            return
        action, key = self.pending
        if action == "renew":
            self._renew(key, override=True, note=reason)
        else:
            self._lend(key, override=True, note=reason)
        self.scan.setFocus()

    def _returned(self, r: circ.ReturnResult) -> None:
        title = r.loan.title if r.loan else r.title
        if r.loan:
            head = QCoreApplication.translate("Library", "بازگشت ثبت شد: «{t}».").format(t=title)
        elif "found" in r.notes:
            head = QCoreApplication.translate("Library", "«{t}» پیدا شد و به گردش برگشت.").format(t=title)
        else:
            head = QCoreApplication.translate("Library", "نسخه در این مرکز دریافت شد.")
        if r.loan and r.loan.overdue_days:
            head += " " + QCoreApplication.translate("Library", "{n} روز دیرکرد.").format(n=digits(r.loan.overdue_days))
        self.say(f"{head} {next_action_text(r, self.centre_name)}")
        self.returns_panel.add(r)
        self._reload_member()
        self.ctx.bus.changed.emit("library")
        self.scanned.emit(r.barcode)

    def _return_failed(self, err: BaseException) -> None:
        """A copy recorded lost scanned back: said, and «پیدا شد» offered — never put back silently."""
        if isinstance(err, circ.CopyWasLost):
            self.found_pending = err.barcode
            self.found_button.show()
        self._failed(err)

    def do_found(self) -> None:
        """«پیدا شد»: the lost copy just scanned goes back into circulation (a hold, home or the shelf)."""
        barcode = self.found_pending
        if not barcode:
            return
        self.found_pending = ""
        self.found_button.hide()
        self.ctx.tasks.run(lambda: circ.found_copy(self.ctx.store, self.ctx.actor, barcode, today=self.today),
                           on_done=self._returned, on_error=self._failed)
        self.scan.setFocus()

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

    def _failed(self, err: BaseException) -> None:
        self.say(error_text(err), ok=False)
        self.scanned.emit("")

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
            refused = [QCoreApplication.translate("Library", "«{t}»: {why}").format(
                t=titles.get(loan_id, ""), why=error_text(err)) for _, loan_id, err in results if err is not None]
            text = QCoreApplication.translate("Library", "{n} امانت تمدید شد.").format(n=digits(ok))
            if refused:
                text += " " + QCoreApplication.translate("Library", "تمدیدنشده: {r}").format(r="؛ ".join(refused))
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
