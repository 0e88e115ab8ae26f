"""Reserving a title for the member at the circulation desk: find it by words, pick the pick-up
centre, and the hold joins the title's queue (`circulation.place_hold`)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...errors import ServiceError
from ...services import circulation as circ
from ...services import library as lib
from ...services.library import MemberView
from ..accessible import NamedDialog
from ..context import UiContext
from ..widgets import Form, digits, text_digits
from .common import ListModel, jdate, table_view


class HoldDialog(NamedDialog):
    """Words of a title or its author, the title from the matches, the pick-up centre. A refusal
    (a copy is on the shelf here, the member holds it already, membership expired) is shown in
    the dialog and nothing typed is lost. After `accept()`, `hold` is the hold placed."""

    def __init__(self, ctx: UiContext, member: MemberView, parent: QWidget | None = None, *,
                 day: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member = member
        self.day = day  # the desk's business day (its membership check)
        self.hold: circ.HoldView | None = None
        self.setObjectName("hold-dialog")
        self.setWindowTitle(QCoreApplication.translate("Library", "رزرو کتاب برای {m}").format(
            m=text_digits(member.full_name)))
        self.setMinimumWidth(520)
        self.form = Form()
        self.query = QLineEdit()
        self.query.setObjectName("hold-query")
        self.query.setPlaceholderText(QCoreApplication.translate("Library", "چند واژه از نام کتاب یا نویسنده"))
        self.query.textChanged.connect(self.search)
        self.matches = QListWidget()
        self.matches.setObjectName("hold-matches")
        self.matches.setAccessibleName(QCoreApplication.translate("Library", "کتاب‌های پیدا شده"))
        self.matches.setMinimumHeight(160)
        # a long title and its author wrap onto a second line in the list's width: wider, they ran
        # under a sideways scroll bar, and in English a Persian title's start (its right end) was cut
        self.matches.setWordWrap(True)
        self.matches.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.matches.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        col = QVBoxLayout(holder)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.query)
        col.addWidget(self.matches)
        self.pickup = QComboBox()
        self.pickup.setObjectName("hold-pickup")
        for code, name in lib.list_centres(ctx.store, open_only=True):
            self.pickup.addItem(text_digits(name), code)
        here = self.pickup.findData(ctx.actor.office_code)
        self.pickup.setCurrentIndex(max(here, 0))
        self.form.add_field("title", QCoreApplication.translate("Library", "کتاب"), holder, aliases=("title_id",))
        self.form.add_field("pickup_centre", QCoreApplication.translate("Library", "مرکز تحویل"), self.pickup)
        note = QLabel(QCoreApplication.translate(
            "Library", "رزروها به ترتیب ثبت پاسخ داده می‌شوند؛ وقتی نسخه‌ای برگردد، در میز بازگشت برای این عضو کنار گذاشته می‌شود."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(QCoreApplication.translate("Library", "ثبت رزرو"))
        ok.setObjectName("hold-ok")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("Library", "انصراف"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.form)
        box.addWidget(note)
        box.addWidget(buttons)
        self.query.setFocus()

    def search(self, text: str) -> None:
        self.matches.clear()
        if len(text.strip()) < 2:
            return
        for t in lib.search_titles(self.ctx.store, text, limit=30):
            label = f"{t.title} — {t.author}" if t.author else t.title
            item = QListWidgetItem(text_digits(label))
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            self.matches.addItem(item)
        if self.matches.count():
            self.matches.setCurrentRow(0)

    def submit(self) -> None:
        self.form.clear_errors()
        item = self.matches.currentItem()
        if item is None:
            self.form.set_error("title", QCoreApplication.translate("Library", "کتاب را بجویید و از فهرست برگزینید."))
            return
        try:
            self.hold = circ.place_hold(self.ctx.store, self.ctx.actor, self.member.member_no,
                                        str(item.data(Qt.ItemDataRole.UserRole)),
                                        pickup_centre=str(self.pickup.currentData() or ""), today=self.day)
        except ServiceError as err:
            self.form.show_error(err)
            return
        self.accept()


class HoldShelfDialog(NamedDialog):
    """The centre's hold shelf: the copies set aside, for whom, their phone (the guardian's for a
    child) and the last day to collect, the soonest first: the list a librarian calls from."""

    def __init__(self, ctx: UiContext, centre: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hold-shelf")
        self.setWindowTitle(QCoreApplication.translate("Library", "قفسه رزرو"))
        self.setMinimumSize(640, 360)
        self.rows: list[tuple[circ.HoldView, MemberView]] = [
            (h, lib.get_member(ctx.store, ctx.actor, h.member_id)) for h in circ.ready_holds(ctx.store, centre)]
        headers = [QCoreApplication.translate("Library", "عنوان"), QCoreApplication.translate("Library", "عضو"),
                   QCoreApplication.translate("Library", "تلفن"), QCoreApplication.translate("Library", "مهلت گرفتن")]
        self.table = table_view("hold-shelf-table", stretch=0)
        self.table.setModel(ListModel(headers, lambda: self.rows, lambda r: [
            r[0].title, r[1].full_name, digits(r[1].guardian_phone or r[1].phone), jdate(r[0].ready_until)]))
        empty = QLabel(QCoreApplication.translate("Library", "قفسه رزرو این مرکز خالی است."))
        empty.setVisible(not self.rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(QCoreApplication.translate("Library", "بستن"))
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(empty)
        box.addWidget(self.table)
        box.addWidget(buttons)
