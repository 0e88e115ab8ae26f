"""Cultural centres page («مراکز فرهنگی هنری»): the office's centres, added and corrected by the admin."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...jalali import format_jalali_date
from ...services import library_rules as rules
from ..accessible import NamedDialog
from ..context import UiContext
from ..library.history import FieldHistoryDialog
from ..widgets import Form, LazyTableModel, LtrLineEdit, digits, list_fetcher, text_digits
from .history import open_history


class CentresModel(LazyTableModel):
    """The centres this desk knows (its office's, and other offices' that sync brought), by code."""

    def __init__(self, ctx: UiContext) -> None:
        fetch, count = list_fetcher(lambda: rules.centres(ctx.store))
        super().__init__([QCoreApplication.translate("CentresPage", "کد"),
                          QCoreApplication.translate("CentresPage", "نام مرکز"),
                          QCoreApplication.translate("CentresPage", "استان"),
                          QCoreApplication.translate("CentresPage", "شهر"),
                          QCoreApplication.translate("CentresPage", "تلفن"),
                          QCoreApplication.translate("CentresPage", "وضعیت")], fetch, count)

    def display(self, row: Any, column: int) -> str:
        c: rules.CentreView = row
        if column == 5:
            if c.closed_on is None:
                return QCoreApplication.translate("CentresPage", "باز")
            return (QCoreApplication.translate("CentresPage", "بسته در %1؛ اعضا و نسخه‌ها در %2")
                    .replace("%1", digits(format_jalali_date(c.closed_on))).replace("%2", text_digits(c.closed_into_name or c.closed_into or "—")))
        return [digits(c.code), text_digits(c.name), c.province, c.city, digits(c.phone)][column]


class CloseCentreDialog(NamedDialog):
    """Close the chosen centre: says first what is still open there (a closing is refused while a
    loan, a hold or a copy on its way is left), then, once nothing is, what moves: its members and
    copies to the centre chosen (the copies on their way there until it reads them in; or withdrawn, with a reason). A refusal is shown at
    its field and nothing typed is lost.

    Signals (of QDialog): accepted once the centre is closed (`closed` holds it)."""

    def __init__(self, ctx: UiContext, centre: rules.CentreView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.centre = ctx, centre
        self.setWindowTitle(self.tr("بستن مرکز «%1»").replace("%1", text_digits(centre.name)))
        self.setMinimumWidth(620)
        self.form = Form()
        self.into = QComboBox()
        self.into.setObjectName("into")
        self.into.addItem(self.tr("— مرکزی که اعضا و نسخه‌ها به آن می‌رود —"), "")
        for code, name in rules.list_centres(ctx.store, open_only=True):
            if code != centre.code:
                self.into.addItem(f"{text_digits(name)} ({digits(code)})", code)
        self.withdraw = QCheckBox(self.tr("نسخه‌ها وجین شوند، نه جابه‌جا"))
        self.withdraw.setObjectName("withdraw")
        #: shown when the centre has lost copies: written off, not moved as the other centre's lost copies
        self.withdraw_lost = QCheckBox()
        self.withdraw_lost.setObjectName("withdraw_lost")
        self.withdraw_lost.setChecked(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("دلیل وجین، مانند «فرسوده؛ مرکز بسته شد»"))
        self.form.add_field("code", self.tr("مرکز"), QLabel(f"{text_digits(centre.name)} ({digits(centre.code)})"))
        self.form.add_field("into", self.tr("اعضا و نسخه‌ها به"), self.into)
        self.form.add_field("withdraw", "", self.withdraw)
        self.form.add_field("withdraw_lost", "", self.withdraw_lost)
        self.form.add_field("reason", self.tr("دلیل وجین"), self.reason)
        self.summary = QLabel()
        self.summary.setObjectName("close-summary")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("بستن مرکز"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("انصراف"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self.form)
        box.addWidget(self.buttons)
        #: the centre as closed, once the dialog is accepted
        self.closed: rules.CentreView | None = None
        self.withdraw.toggled.connect(self.reason.setEnabled)
        self.withdraw.toggled.connect(lambda on: self.withdraw_lost.setEnabled(not on))
        self.reason.setEnabled(False)
        self.withdraw_lost.setVisible(False)
        self.plan: rules.ClosingPlan | None = None
        try:
            self.plan = rules.closing_plan(ctx.store, ctx.actor, centre.code)
        except Exception as err:  # (closed meanwhile, not this office's: said at its field)
            self.form.show_error(err)
            self.ok_button.setEnabled(False)
            return
        p = self.plan
        if p.blocked:
            self.summary.setText(self.tr(
                "این مرکز هنوز کار باز دارد و بسته نمی‌شود: امانت باز %1، رزرو %2، نسخه در راه %3. نخست کتاب‌های "
                "امانتی بازگردانده شود، رزروها تحویل یا لغو شود و نسخه‌های در راه برسند.")
                .replace("%1", digits(p.loans)).replace("%2", digits(p.holds)).replace("%3", digits(p.transit)))
            self.summary.setStyleSheet("color: #a00;")
            self.ok_button.setEnabled(False)
            return
        self.summary.setText(self.tr(
            "با بستن مرکز، %1 عضو و %2 نسخه آن به مرکزی که برمی‌گزینید می‌رود (یا نسخه‌ها وجین می‌شود)؛ نسخه‌ها تا میز "
            "آن مرکز یکایک آن‌ها را بخواند «در راه» است. مرکز در "
            "فهرست‌ها و گزارش‌های گذشته می‌ماند، ولی برای عضو، نسخه، رزرو یا امانت تازه برگزیده نمی‌شود. بستن "
            "برگشت ندارد.").replace("%1", digits(p.members)).replace("%2", digits(p.copies)))
        if p.lost:
            self.withdraw_lost.setText(self.tr("%1 نسخه گم‌شده وجین شود، نه جابه‌جا").replace("%1", digits(p.lost)))
            self.withdraw_lost.setVisible(True)
            self.summary.setText(self.summary.text() + " " + self.tr(
                "از این نسخه‌ها %1 نسخه گم‌شده است: جابه‌جا شود، در مرکز دیگر هم گم‌شده است؛ وجین شود، با دلیل "
                "«گم‌شده؛ مرکز بسته شد» از گردش بیرون می‌رود.").replace("%1", digits(p.lost)))

    def submit(self) -> None:
        self.form.clear_errors()
        store, actor, code = self.ctx.store, self.ctx.actor, self.centre.code
        into, withdraw, reason = str(self.into.currentData() or ""), self.withdraw.isChecked(), self.reason.text()
        withdraw_lost = bool(self.plan and self.plan.lost) and self.withdraw_lost.isChecked()
        self.ok_button.setEnabled(False)

        def done(view: rules.CentreView) -> None:
            self.closed = view
            self.ctx.bus.changed.emit("accounts")
            self.accept()

        def failed(err: BaseException) -> None:
            self.ok_button.setEnabled(True)
            self.form.show_error(err)

        self.ctx.tasks.run(lambda: rules.close_centre(store, actor, code, into=into, withdraw_copies=withdraw,
                                                      reason=reason, withdraw_lost=withdraw_lost),
                       on_done=done, on_error=failed)


class CentresPage(QWidget):
    """The list, and a form that adds a centre or corrects the one chosen in the list.

    A centre's code starts with the office's (1301 under 13): the service refuses others at the
    code field, as it refuses a code already taken.
    """

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("centres-page")
        office = ctx.store.identity.office_code
        self.intro = QLabel(self.tr(
            "مراکز فرهنگی هنری این دفتر: کتاب‌ها، اعضا و امانت‌ها در آن‌ها ثبت می‌شود. کد هر مرکز کد دفتر ({o}) "
            "و دو رقم پس از آن است، مانند {e}.").format(o=digits(office), e=digits(f"{office}01")))
        self.intro.setWordWrap(True)
        self.model = CentresModel(ctx)
        self.table = QTableView()
        self.table.setObjectName("centres-table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._picked)

        self.form = Form()
        self.code = LtrLineEdit()
        self.code.setObjectName("code")
        self.code.setMaxLength(8)
        self.code.setPlaceholderText(f"{office}01")
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.province = QLineEdit()
        self.province.setObjectName("province")
        self.city = QLineEdit()
        self.city.setObjectName("city")
        self.phone = LtrLineEdit()
        self.phone.setObjectName("phone")
        self.phone.setMaxLength(rules.CENTRE_PHONE_MAX)
        self.phone.setPlaceholderText(self.tr("۰۲۱-۸۸۷۷۶۶۵۵ — بر برگه‌های دیرکرد چاپ می‌شود"))
        self.address = QLineEdit()
        self.address.setObjectName("address")
        self.address.setMaxLength(rules.CENTRE_ADDRESS_MAX)
        self.form.add_field("code", self.tr("کد مرکز"), self.code)
        self.form.add_field("name", self.tr("نام مرکز"), self.name)
        self.form.add_field("province", self.tr("استان"), self.province)
        self.form.add_field("city", self.tr("شهر"), self.city)
        self.form.add_field("phone", self.tr("تلفن"), self.phone)
        self.form.add_field("address", self.tr("نشانی"), self.address)
        self.add_button = QPushButton(self.tr("افزودن مرکز"))
        self.add_button.setObjectName("add-centre")
        self.add_button.clicked.connect(self.add)
        self.save_button = QPushButton(self.tr("ذخیره اصلاح مرکز برگزیده"))
        self.save_button.setObjectName("save-centre")
        self.save_button.clicked.connect(self.save)
        self.history_button = QPushButton(self.tr("تاریخچه تغییرات"))
        self.history_button.setObjectName("centre-history")
        self.history_button.setToolTip(self.tr("همه نام‌ها، تلفن‌ها و نشانی‌هایی که مرکز برگزیده داشته، از هر میز؛ "
                                               "مقداری که تغییر میز دیگری جایگزینش کرد هم دیده می‌شود."))
        self.history_button.clicked.connect(self.show_history)
        self.close_button = QPushButton(self.tr("بستن مرکز…"))
        self.close_button.setObjectName("close-centre")
        self.close_button.setToolTip(self.tr("مرکزی که دیگر کار نمی‌کند: اعضا و نسخه‌هایش به مرکز دیگری می‌رود؛ "
                                             "تا امانت، رزرو یا نسخه در راهی در آن باز است بسته نمی‌شود."))
        self.close_button.clicked.connect(self.close_centre)
        self.new_button = QPushButton(self.tr("مرکز تازه"))
        self.new_button.setObjectName("new-centre")
        self.new_button.clicked.connect(self.clear)
        self.message = QLabel()
        self.message.setObjectName("centres-message")
        self.message.setWordWrap(True)
        for w in (self.code, self.name, self.province, self.city, self.phone, self.address):
            w.returnPressed.connect(self._enter)  # Enter saves, as the other forms do
        buttons = QHBoxLayout()
        for b in (self.add_button, self.save_button, self.history_button, self.close_button, self.new_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(self.intro)
        box.addWidget(self.form)
        box.addLayout(buttons)
        box.addWidget(self.message)
        box.addWidget(self.table, 1)
        ctx.bus.changed.connect(self._on_changed)
        self.model.reload()
        self.clear()

    def _on_changed(self, area: str) -> None:
        if area in ("accounts", "sync"):
            self.model.reload()

    def _picked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        c: rules.CentreView = self.model.row_at(rows[0].row())
        self.form.clear_errors()
        self.code.setText(c.code)
        self.code.setReadOnly(True)  # a code stays: it is in every barcode and member number issued there
        self.name.setText(c.name)
        self.province.setText(c.province)
        self.city.setText(c.city)
        self.phone.setText(c.phone)
        self.address.setText(c.address)
        self.save_button.setEnabled(True)
        self.history_button.setEnabled(True)
        self.close_button.setEnabled(c.closed_on is None)
        self.add_button.setEnabled(False)

    def clear(self) -> None:
        """Ready for a new centre."""
        self.table.clearSelection()
        self.form.clear_errors()
        for w in (self.code, self.name, self.province, self.city, self.phone, self.address):
            w.clear()
        self.code.setReadOnly(False)
        self.save_button.setEnabled(False)
        self.history_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self.add_button.setEnabled(True)
        self.code.setFocus()

    def show_history(self) -> FieldHistoryDialog | None:
        """The chosen centre's history (its code: a centre is an office of its own)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        c: rules.CentreView = self.model.row_at(rows[0].row())
        return open_history(self.ctx, "office", c.code, c.name, self)

    def close_dialog(self) -> CloseCentreDialog | None:
        """The closing dialog of the chosen centre (not opened: `close_centre` opens it)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        c: rules.CentreView = self.model.row_at(rows[0].row())
        if c.closed_on is not None:
            return None
        dialog = CloseCentreDialog(self.ctx, c, self)
        dialog.accepted.connect(lambda: self._closed(dialog))
        return dialog

    def close_centre(self) -> None:
        dialog = self.close_dialog()
        if dialog is not None:
            dialog.open()

    def _closed(self, dialog: CloseCentreDialog) -> None:
        if dialog.closed is None:
            return
        self.clear()
        self.message.setText(self.tr("مرکز «%1» بسته شد.").replace("%1", text_digits(dialog.closed.name)))

    def _fields(self) -> dict[str, str]:
        return {"name": self.name.text(), "province": self.province.text(), "city": self.city.text(),
                "phone": self.phone.text(), "address": self.address.text()}

    def _enter(self) -> None:
        """Enter in a box: the correction saved when a centre is chosen, else the new one added."""
        (self.save if self.save_button.isEnabled() else self.add)()

    def add(self) -> None:
        self.form.clear_errors()
        self.message.clear()
        store, actor, code, fields = self.ctx.store, self.ctx.actor, self.code.text(), self._fields()

        def done(_: object) -> None:
            self.clear()
            self.message.setText(self.tr("مرکز «{n}» افزوده شد.").format(n=text_digits(fields["name"])))
            self.ctx.bus.changed.emit("accounts")

        self.ctx.tasks.run(lambda: rules.add_centre(store, actor, code, fields["name"], province=fields["province"],
                                                    city=fields["city"], phone=fields["phone"],
                                                    address=fields["address"]),
                           on_done=done, on_error=self.form.show_error)

    def save(self) -> None:
        self.form.clear_errors()
        self.message.clear()
        store, actor, code, fields = self.ctx.store, self.ctx.actor, self.code.text(), self._fields()

        def done(view: rules.CentreView) -> None:
            self.message.setText(self.tr("مشخصات مرکز «{n}» ذخیره شد.").format(n=text_digits(view.name)))
            self.ctx.bus.changed.emit("accounts")

        self.ctx.tasks.run(lambda: rules.update_centre(store, actor, code, **fields),
                           on_done=done, on_error=self.form.show_error)
