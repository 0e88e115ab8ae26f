"""The circulation desk: one screen, scanner first — scan a card, scan books, return, renew, slip."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from ...errors import InvariantError, NotFound, ValidationError, storage_trouble
from ...services import circulation as circ
from ...services import library as lib
from ...services.accounts import get_office, working_calendar
from ..context import UiContext
from ..errors import error_text
from ..fitting import FlowLayout
from ..scan_box import ScanLineEdit
from ..widgets import ERROR_STYLE, digits, isolated, long_date, text_digits, today
from .circulation_holds import DeskHolds
from .circulation_loans import DeskLoans
from .circulation_undo import DeskUndo
from .common import desk_centre_key, table_view
from .returns import ReturnsPanel, next_action_text


class CirculationPage(DeskUndo, DeskLoans, DeskHolds):
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
        #: the day the desk lends on: the clock's, read at each scan (a desk left open overnight
        #: lends on the new day); a test may fix it by assigning `today`
        self._fixed_day: date | None = None
        self._day = today()
        # read when the desk opens, a new day starts or the holidays change: not at each scan
        self.calendar = working_calendar(ctx.store)

        self.mode_lend = QRadioButton(QCoreApplication.translate("Library", "امانت"))
        self.mode_lend.setObjectName("mode-lend")
        self.mode_return = QRadioButton(QCoreApplication.translate("Library", "بازگشت"))
        self.mode_return.setObjectName("mode-return")
        self.mode_lend.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.mode_lend)
        group.addButton(self.mode_return)
        self.mode_return.toggled.connect(self._mode_changed)
        self.scan = self.search_box = ScanLineEdit()
        self.scan.setObjectName("scan")
        self.scan.returnPressed.connect(self.on_scan)
        self._scan_placeholder()
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
        #: another member's card number read while a member is at the desk that is also a book's
        #: label read short (`lib.copy_read_short`): read again, the desk goes to that member
        self.switch_pending = ""
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
        self.shelf_button.clicked.connect(lambda: self._open_and_recount(self.hold_shelf()))
        self.pull_button = QPushButton(QCoreApplication.translate("Library", "ارسال برای رزرو"))
        self.pull_button.setObjectName("pull-list")
        self.pull_button.setToolTip(QCoreApplication.translate(
            "Library", "نسخه‌های قفسه این مرکز که رزرو مرکز دیگری منتظرشان است"))
        self.pull_button.clicked.connect(lambda: self._open_and_recount(self.pull_list()))
        self.lost_button = QPushButton(QCoreApplication.translate("Library", "گم‌شده نزد عضو"))
        self.lost_button.setObjectName("loan-lost")
        self.lost_button.setToolTip(QCoreApplication.translate(
            "Library", "عضو کتاب برگزیده را گم کرده است: امانت بسته و نسخه گم‌شده ثبت می‌شود"))
        self.lost_button.clicked.connect(self.lost_selected)
        self.void_button = QPushButton(QCoreApplication.translate("Library", "لغو امانت اشتباه (Ctrl+Z)"))
        self.void_button.setObjectName("void-loan")
        self.void_button.setToolTip(QCoreApplication.translate(
            "Library", "امانتی که امروز اشتباه داده شد (کارت عضو دیگر، کتاب دیگر): امانت برگزیده، یا آخرین کتابی "
                       "که در این مراجعه امانت داده شد، لغو می‌شود"))
        self.void_button.clicked.connect(self.void_last)
        self.undo_renewal = QPushButton(QCoreApplication.translate("Library", "لغو تمدید اشتباه"))
        self.undo_renewal.setObjectName("undo-renewal")
        self.undo_renewal.setToolTip(QCoreApplication.translate(
            "Library", "تمدیدی که امروز اشتباه ثبت شد: مهلت بازگشت امانت برگزیده به پیش از آخرین تمدیدش برمی‌گردد"))
        self.undo_renewal.clicked.connect(self.undo_renewal_selected)
        self.done = QPushButton(QCoreApplication.translate("Library", "پایان (Esc)"))
        self.done.setObjectName("done")
        self.done.clicked.connect(self.clear_member)
        buttons = FlowLayout()  # on a narrow window the buttons that do not fit go on to a second line
        for b in (self.renew_one, self.renew_all, self.undo_renewal, self.void_button, self.lost_button, self.hold_button,
                  self.cancel_hold_button, self.slip, self.done, self.shelf_button, self.pull_button):
            buttons.addWidget(b)
            # (connected after the button's own work: the cursor ends in the scan box, not on the
            # button a click or Space gave it to, where the next scan would be lost)
            b.clicked.connect(self._back_to_scan)
        self.override_button.clicked.connect(self._back_to_scan)
        self.found_button.clicked.connect(self._back_to_scan)
        self.history_title = QLabel(QCoreApplication.translate("Library", "پیشینه امانت"))
        self.history = table_view("history-table", stretch=1)
        # a screen reader names each list by the title above it (it said only "table")
        self.loans.setAccessibleName(self.loans_title.text())
        self.history.setAccessibleName(self.history_title.text())

        self.returns_panel = ReturnsPanel(self.centre_name)
        self.returns_panel.hide()
        self.returns_panel.undo_button.clicked.connect(self.undo_return_chosen)
        self.returns_panel.undo_button.clicked.connect(self._back_to_scan)

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
        # Ctrl+Z: the last loan voided as a mistake; in the scan box (where the cursor always is) the
        # line would take the key for its own undo, so an empty box hands it to the desk
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self, self._undo_key)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.scan.installEventFilter(self)
        self._centres = dict(lib.list_centres(ctx.store))
        self.fill_centres()
        # how many wait on the hold shelf and to be sent: counted again a moment after a change
        self._recount = QTimer(self, singleShot=True, interval=400)
        self._recount.timeout.connect(lambda: self.count_holds() if self.isVisible() else None)
        self._clock = QTimer(self, interval=60_000)
        self._clock.timeout.connect(self._roll_day)
        self._clock.start()
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
        for code, name in lib.list_centres(self.base_ctx.store, open_only=True):
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
        self.count_holds()

    @property
    def today(self) -> date:
        """The day a scan lends, returns and renews on: the clock's day (`_roll_day` follows it past
        midnight), or the one a test fixed by assigning `today`."""
        return self._fixed_day or self._day

    @today.setter
    def today(self, day: date) -> None:
        self._fixed_day = day

    def _roll_day(self) -> None:
        """A desk left open past midnight lends on the new day: it re-reads the working calendar and
        lets the holds whose days ran out expire, as opening the desk does (every minute, and before
        a scan; on the GUI thread)."""
        day = today()
        if self._fixed_day is None and day != self._day:
            self._day = day
            self.calendar = working_calendar(self.base_ctx.store)
            self._expire_holds()

    def _on_changed(self, area: str) -> None:
        if area in ("accounts", "sync"):  # a centre added (or pulled), a holiday entered
            self._centres = dict(lib.list_centres(self.base_ctx.store))
            self.fill_centres()
            self.calendar = working_calendar(self.base_ctx.store)
        if area in ("library", "sync"):
            self._recount.start()
        if area == "sync" and self.desk is not None:
            # what another desk did arrived (a loan voided by a conflict's decision, a return or a
            # renewal elsewhere): the member on the desk is shown as they are now
            try:
                self._reload_member()
            except NotFound:  # no longer on this desk
                self.clear_member()

    def _open_and_recount(self, dialog: QDialog) -> None:
        dialog.exec()
        self.count_holds()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.count_holds()

    def _expire_holds(self) -> None:
        """Uncollected holds of the desk's centre expire as the desk opens there."""
        ctx = self.ctx
        if ctx.housekeeping and ctx.actor.has(*lib.LIBRARIAN) and self.scan.isEnabled():
            store, actor, day = ctx.store, ctx.actor, self.today
            ctx.tasks.run(lambda: circ.expire_holds(store, actor, today=day), on_done=self._holds_expired,
                          on_error=lambda err: self.say(error_text(err), ok=False))

    # -- helpers -------------------------------------------------------------------------------

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
                  self.renew_all, self.undo_renewal, self.void_button, self.lost_button, self.hold_button, self.cancel_hold_button, self.slip, self.done):
            w.setVisible(not returning)
        self.returns_panel.setVisible(returning)
        self._scan_placeholder()
        self.say(QCoreApplication.translate("Library", "حالت بازگشت: کتاب‌ها را بخوانید.") if self.mode_return.isChecked()
                 else QCoreApplication.translate("Library", "حالت امانت: کارت عضو را بخوانید."))
        self.scan.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.scan and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
                and isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Undo)
                and not self.scan.text()):
            if event.type() == QEvent.Type.KeyPress:
                self._undo_key()
            event.accept()
            return True
        return super().eventFilter(watched, event)

    def _undo_key(self) -> None:
        """Ctrl+Z on the desk: in lending, the last loan (or the one selected) voided as a mistake; in
        returns, the last return (or the one selected) undone."""
        if self.mode_return.isChecked():
            self.undo_return_chosen()
        else:
            self.void_last()

    def _back_to_scan(self) -> None:
        """The cursor back in the scan box after a button's work: the scanner types the next card or
        book there (a slip or a list opened on its own stays in front; the box has the cursor when
        the desk is back in front)."""
        if self.scan.isEnabled():
            self.scan.setFocus(Qt.FocusReason.OtherFocusReason)

    def _scan_placeholder(self) -> None:
        """What the scan box asks for: in return mode only books are read."""
        self.scan.setPlaceholderText(
            QCoreApplication.translate("Library", "بارکد کتاب‌های بازگشتی را بخوانید و Enter بزنید")
            if self.mode_return.isChecked()
            else QCoreApplication.translate("Library", "کارت عضو یا بارکد کتاب را بخوانید و Enter بزنید"))

    def clear_member(self) -> None:
        self.desk = None
        self.session_loans = []
        self.session_renewed = False
        self.pending = None
        self.override_button.hide()
        self._show_desk()
        self.say("")
        self.scan.setFocus()

    # -- scanning ------------------------------------------------------------------------------

    def on_scan(self) -> None:
        self._roll_day()
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
                               on_done=self._returned, on_error=lambda err: self._return_failed(err, code))
        else:
            member = lib.lookup_member(self.ctx.store, self.ctx.actor, code)
            switching = member is not None and self.desk is not None and member.id != self.desk.member.id
            if switching and self.switch_pending != code and self._read_short(code, member):
                self.switch_pending = code
                self.scanned.emit("")
                self.scan.setFocus()
                return
            self.switch_pending = ""
            if member is not None:
                self.desk = circ.member_desk(self.ctx.store, self.ctx.actor, member.id, today=self.today)
                self.session_loans = []
                self.session_renewed = False
                self._show_desk()
                self.say(QCoreApplication.translate("Library", "عضو: {n}. کتاب‌ها را بخوانید.").format(n=member.full_name))
                self.scanned.emit(code)
            elif self.desk is None:
                if self._is_copy(code):  # a book before any card
                    self.say(QCoreApplication.translate("Library", "نخست کارت عضو را بخوانید."), ok=False)
                else:  # the card just read is no member's (a misread, or a card of another library)
                    self.say(QCoreApplication.translate(
                        "Library", "عضوی با شماره عضویت یا کد ملی {c} پیدا نشد.").format(c=code), ok=False, as_is=True)
                self.scanned.emit(code)
            else:
                self._lend(code, override=False)
        self.scan.setFocus()

    def _read_short(self, code: str, member: lib.MemberView | None) -> bool:
        """Whether another member's card number just read mid-loan is also a book's label read
        short (a scanner that dropped its last character): then said, and the desk stays with its
        member — the books read next must not be lent to a child who is not there."""
        label = lib.copy_read_short(self.ctx.store, code)
        if label is None or member is None:
            return False
        self.say(QCoreApplication.translate(
            "Library", "«{c}» شماره کارت {n} است و نیز بارکد کتاب {b} بی نویسه پایانی‌اش. اگر کتاب خواندید، برچسبش "
                       "ناتمام خوانده شد: دوباره بخوانید. اگر کارت است، آن را دوباره بخوانید تا میز به این عضو برود.")
                 .format(c=isolated(code), n=isolated(text_digits(member.full_name)), b=isolated(label)),
                 ok=False, as_is=True)  # the codes as on their labels
        return True

    def _is_copy(self, code: str) -> bool:
        """Whether `code` is a book's barcode (on the shelf or not; or its old label, relabelled since)."""
        try:
            lib.get_copy(self.ctx.store, code)
        except lib.OldBarcode:
            return True
        except NotFound:
            return False
        return True

    def _lend(self, barcode: str, override: bool, note: str = "") -> None:
        assert self.desk is not None
        member_id = self.desk.member.id

        def work() -> circ.LoanView:
            return circ.checkout(self.ctx.store, self.ctx.actor, member_id, barcode, today=self.today,
                                 override=override, note=note, calendar=self.calendar)

        def failed(err: BaseException) -> None:
            if isinstance(err, InvariantError) and err.message in (circ.MSG_ON_LOAN, circ.MSG_ON_LOAN_TO) and self._lent_here(barcode):
                return
            if not isinstance(err, circ.CirculationRefused):
                self._failed_scan(err, barcode)
                return
            if err.overridable:
                self.offer_override("checkout", barcode)
            title = lib.get_copy(self.ctx.store, barcode).title  # a refused copy exists: the rule said no
            why = error_text(err)
            if "overdue" in err.codes and self.desk is not None:  # which books, and where they were lent
                why += " " + self.late_books_text(self.desk.loans)
            self.say(QCoreApplication.translate("Library", "«{t}» امانت داده نشد: {why}").format(
                t=title, why=why), ok=False)
            self.scanned.emit("")

        self.ctx.tasks.run(work, on_done=self._lent, on_error=failed)

    def late_books_text(self, loans: list[circ.LoanView]) -> str:
        """The member's late books, each with the centre that lent it and its days late: a book
        lent at another centre blocks here too, and the librarian tells the member where it goes
        back (the refusal said only «این عضو کتاب دیرکرد دارد»)."""
        late = [x for x in loans if x.overdue_days > 0]
        parts = [self._late_book(x) for x in late]
        return QCoreApplication.translate("Library", "(دیرکرد: {books})").format(
            books=QCoreApplication.translate("Library", "؛ ").join(parts)) if parts else ""

    def _late_book(self, loan: circ.LoanView) -> str:
        """«“title” from centre, 3 days» ("1 day" in English)."""
        days = loan.overdue_days
        return QCoreApplication.translate("Library", "«{t}» از {c}، %Ln روز", None, days).format(
            t=text_digits(loan.title), c=text_digits(self._centres.get(loan.centre, loan.centre)))

    def _lent_here(self, barcode: str) -> bool:
        """A book scanned again (a scanner reads twice) that the member on the desk has already
        borrowed: said plainly with its due date, nothing lent; False when another member has it."""
        if self.desk is None:
            return False
        desk = circ.member_desk(self.ctx.store, self.ctx.actor, self.desk.member.id, today=self.today)
        loan = next((x for x in desk.loans if lib.clean_code(x.barcode) == barcode), None)
        if loan is None:
            return False
        self.desk = desk
        self._show_desk()
        self.say(QCoreApplication.translate(
            "Library", "«{t}» هم‌اکنون به همین عضو امانت داده شده است؛ مهلت بازگشت {d}.").format(
            t=isolated(loan.title), d=long_date(loan.due_on)))  # (the title opens the sentence: isolated)
        self.scanned.emit("")
        return True

    def _lent(self, loan: circ.LoanView) -> None:
        self.session_loans.append(loan)
        self.pending = None
        self.override_button.hide()
        text = QCoreApplication.translate("Library", "امانت داده شد: «{t}» — مهلت بازگشت {d}").format(
            t=loan.title, d=long_date(loan.due_on))
        if loan.freed is not None:  # the copy set aside (or sent) for this member's hold is free now
            self.say(f"{text_digits(text)} {self.freed_copy_text(loan.freed)}", as_is=True)
        else:
            self.say(text)
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
        self.say(f"{head} {next_action_text(r, self.centre_name)}", ok=not r.still_lent_to)
        self.returns_panel.add(r)
        self._reload_member()
        self.ctx.bus.changed.emit("library")
        self.scanned.emit(r.barcode)

    def _return_failed(self, err: BaseException, code: str) -> None:
        """A copy recorded lost scanned back: said, and «پیدا شد» offered — never put back silently.
        A member's card read in return mode is said to be one, with the key back to lending."""
        if isinstance(err, circ.CopyWasLost):
            self.found_pending = err.barcode
            self.found_button.show()
        elif isinstance(err, NotFound) and err.message == lib.MSG_COPY_NOT_FOUND:
            member = lib.lookup_member(self.ctx.store, self.ctx.actor, code)
            if member is not None:
                self.say(QCoreApplication.translate(
                    "Library", "این کارت عضو ({n}) است، نه بارکد کتاب؛ برای امانت F2 را بزنید و کارت را دوباره بخوانید.")
                    .format(n=isolated(text_digits(member.full_name))), ok=False, as_is=True)  # the key's name stays F2
                self.scanned.emit("")
                return
        self._failed_scan(err, code)

    def _failed_scan(self, err: BaseException, code: str) -> None:
        """A scan the store could not record (another program held its file, the disk was full):
        the sentence names the code read, since the next scans follow fast and the librarian must
        know which book to read again; any other error is said as it is."""
        if storage_trouble(err) is None:
            self._failed(err)
            return
        self.say(QCoreApplication.translate("Library", "«{code}» — {why}").format(
            code=isolated(code), why=error_text(err)), ok=False, as_is=True)  # the code as on its label
        self.scanned.emit("")

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
