"""Copies between centres: the pull list «ارسال برای رزرو» (copies on this shelf that holds picked
up elsewhere wait for, sent with one key or one scan) and the copies on their way to this centre."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ...errors import ServiceError
from ...persian import format_jalali_datetime
from ...services import library as lib
from ...services import library_transit as tr
from ..accessible import NamedDialog
from ..context import UiContext
from ..errors import error_text
from ..scan_box import ScanLineEdit
from ..widgets import ERROR_STYLE, OK_STYLE, select_row, text_digits
from .common import ListModel, centre_namer, jdate, table_view


class PullListDialog(NamedDialog):
    """«ارسال برای رزرو»: each waiting hold picked up at another centre that a copy on this
    centre's shelf can serve, the oldest hold first, with the copy to take (barcode, shelf).
    Enter on a row (or «ارسال») sends that row's copy; scanning a copy of a listed title sends it
    for the oldest hold of that title. The send is recorded: the copy is the hold's, in transit."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.centre = ctx.actor.office_code
        self.items: list[tr.PullItem] = []
        self.sent = 0
        self.setObjectName("pull-list")
        self.setWindowTitle(QCoreApplication.translate("Library", "ارسال برای رزرو"))
        self.setMinimumSize(760, 420)
        self.centre_name = centre_namer(ctx.store)
        intro = QLabel(QCoreApplication.translate(
            "Library", "نسخه‌های قفسه این مرکز که رزروی در مرکز دیگر منتظرشان است؛ قدیمی‌ترین رزرو نخست. "
                       "نسخه را از قفسه بردارید و بارکدش را بخوانید (یا ردیف را برگزینید و Enter بزنید)."))
        intro.setWordWrap(True)
        self.scan = ScanLineEdit()
        self.scan.setObjectName("pull-scan")
        self.scan.setPlaceholderText(QCoreApplication.translate("Library", "بارکد نسخه‌ای که می‌فرستید"))
        self.scan.returnPressed.connect(self.on_scan)
        self.table = table_view("pull-table", stretch=0)
        self.message = QLabel()
        self.message.setObjectName("pull-message")
        self.message.setWordWrap(True)
        self.empty = QLabel(QCoreApplication.translate("Library", "نسخه‌ای برای فرستادن نیست."))
        buttons = QDialogButtonBox()
        self.send_button = QPushButton(QCoreApplication.translate("Library", "ارسال برگزیده (Enter)"))
        self.send_button.setObjectName("pull-send")
        self.send_button.clicked.connect(self.send_selected)
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QCoreApplication.translate("Library", "بستن"), QDialogButtonBox.ButtonRole.RejectRole)
        for b in (self.send_button, close):  # Enter after a scan sends that scan, never a button
            b.setAutoDefault(False)
            b.setDefault(False)
        buttons.rejected.connect(self.reject)
        self.table.installEventFilter(self)  # Enter on a row sends it (not a double click: a slip)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(self.scan)
        box.addWidget(self.empty)
        box.addWidget(self.table)
        box.addWidget(self.message)
        box.addWidget(buttons)
        self.refresh()
        self.scan.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.send_selected()
            return True
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        self.items = tr.pull_list(self.ctx.store, self.ctx.actor, self.centre)
        items = self.items
        name = self.centre_name
        self.table.setModel(ListModel(
            [QCoreApplication.translate("Library", "عنوان"), QCoreApplication.translate("Library", "عضو"),
             QCoreApplication.translate("Library", "مرکز تحویل"), QCoreApplication.translate("Library", "تاریخ رزرو"),
             QCoreApplication.translate("Library", "بارکد"), QCoreApplication.translate("Library", "قفسه")],
            lambda: items, lambda i: [i.title, i.member_name, name(i.pickup_centre), jdate(i.placed_at),
                                      i.barcode, i.shelf]))
        self.empty.setVisible(not items)
        self.send_button.setEnabled(bool(items))
        if items:
            select_row(self.table, 0)

    def _say(self, text: str, ok: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)

    def selected(self) -> tr.PullItem | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model else []
        return self.items[rows[0].row()] if rows and rows[0].row() < len(self.items) else None

    def send_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self.send(item, item.barcode)

    def on_scan(self) -> None:
        code = lib.clean_code(self.scan.text())
        self.scan.clear()
        if not code:
            return
        item = next((i for i in self.items if i.barcode == code), None)
        if item is None:  # another copy of a listed title: it serves the oldest hold of that title
            try:
                title_id = lib.get_copy(self.ctx.store, code).title_id
            except ServiceError as err:
                self._say(error_text(err), ok=False)
                return
            item = next((i for i in self.items if i.title_id == title_id), None)
            if item is None:
                self._say(QCoreApplication.translate("Library", "رزروی در مرکز دیگر منتظر این کتاب نیست."), ok=False)
                return
        self.send(item, code)
        self.scan.setFocus()

    def send(self, item: tr.PullItem, barcode: str) -> None:
        try:
            tr.send_for_hold(self.ctx.store, self.ctx.actor, item.hold_id, barcode)
        except ServiceError as err:
            self._say(f"{barcode}: {error_text(err)}", ok=False)
            return
        self.sent += 1
        self._say(QCoreApplication.translate(  # the barcode keeps the digits on its label
            "Library", "«{t}» ({b}) برای {m} به مرکز «{c}» فرستاده شد؛ در راه ثبت شد.").format(
            t=text_digits(item.title), b=barcode, m=text_digits(item.member_name),
            c=self.centre_name(item.pickup_centre)))
        self.ctx.bus.changed.emit("library")
        self.refresh()


class TransitDialog(NamedDialog):
    """The copies on their way to this centre: for a hold picked up here, or going home after a
    return elsewhere; from where and since when, the longest on the way first."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *, centre: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("transit-list")
        self.setWindowTitle(QCoreApplication.translate("Library", "نسخه‌های در راه به این مرکز"))
        self.setMinimumSize(760, 380)
        name = centre_namer(ctx.store)
        self.items = tr.in_transit_to(ctx.store, centre or ctx.actor.office_code)
        items = self.items

        def why(i: tr.TransitItem) -> str:
            if i.reason == "hold":
                return QCoreApplication.translate("Library", "رزرو {m}").format(m=i.member_name)
            if i.reason == "moved":  # given to this centre for good
                return QCoreApplication.translate("Library", "سپرده به این مرکز")
            return QCoreApplication.translate("Library", "بازگشت به مرکز خودش")

        self.table = table_view("transit-table", stretch=1)
        self.table.setModel(ListModel(
            [QCoreApplication.translate("Library", "بارکد"), QCoreApplication.translate("Library", "عنوان"),
             QCoreApplication.translate("Library", "از مرکز"), QCoreApplication.translate("Library", "از کی"),
             QCoreApplication.translate("Library", "برای")],
            lambda: items, lambda i: [i.barcode, i.title, name(i.from_centre),
                                      format_jalali_datetime(i.since) if i.since else "", why(i)]))
        note = QLabel(QCoreApplication.translate(
            "Library", "وقتی نسخه رسید، بارکدش را در میز امانت در حالت بازگشت بخوانید تا دریافت ثبت شود."))
        note.setWordWrap(True)
        empty = QLabel(QCoreApplication.translate("Library", "نسخه‌ای در راه این مرکز نیست."))
        empty.setVisible(not items)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(QCoreApplication.translate("Library", "بستن"))
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(empty)
        box.addWidget(self.table)
        box.addWidget(note)
        box.addWidget(buttons)
