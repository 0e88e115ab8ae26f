"""The list screens: the cartable (unread in bold, dwell time), search with the case beside it
(a tracking code opens its case in one step); the overdue queue (`overdue`) is search narrowed."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ... import persian
from ...models import utcnow
from ...services import secretariat as sec
from ...services import secretariat_query as q
from ...services.accounts import working_calendar
from ...services.library_reports import export_xlsx
from ...services.numbers import format_tracking_code
from ...services.secretariat_agencies import list_agencies
from ..context import UiContext
from ..errors import problem_text
from ..fitting import FlowLayout
from ..saving import save_to
from ..tables import FittedTable, down_into, remember_splitter
from ..widgets import (
    ERROR_STYLE,
    LazyTableModel,
    Today,
    digits,
    digits_in_order,
    right_to_left,
    select_row,
    text_digits,
)
from .batch_forward import BatchForward
from .case_view import CaseView
from .common import (
    ALERT_COLOUR,
    CaseListModel,
    conflict_marker,
    conflict_tip,
    ltr,
    queue_text,
    status_text,
)
from .dialogs import DateBound
from .queue_notices import QueueNotices

#: Cases read per query when a list is written to Excel.
EXPORT_PAGE = 5000
#: The direction marks the list puts around codes on screen (a sheet cell needs none).
_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _no_marks(cell: object) -> object:
    """A sheet's cell without the direction marks the list draws with (numbers as they are)."""
    return _BIDI_MARKS.sub("", cell) if isinstance(cell, str) else cell


def dwell_text(delta: Any) -> str:
    days = delta.days
    if days >= 1:
        return persian.to_persian_digits(days) + QCoreApplication.translate("Secretariat", " روز")
    return persian.to_persian_digits(max(0, delta.seconds // 3600)) + QCoreApplication.translate("Secretariat", " ساعت")


class CartableModel(LazyTableModel):
    """Cartable items; unread ones in bold, CCs marked, dwell time (رسوب) from the sending."""

    def __init__(self, ctx: UiContext, opts: dict[str, Any]) -> None:
        self.ctx, self.opts = ctx, opts
        self.now: datetime = utcnow()
        super().__init__(
            [QCoreApplication.translate("Secretariat", "کد رهگیری"), QCoreApplication.translate("Secretariat", "شماره ثبت"), QCoreApplication.translate("Secretariat", "موضوع"), QCoreApplication.translate("Secretariat", "متقاضی"), QCoreApplication.translate("Secretariat", "از"), QCoreApplication.translate("Secretariat", "دستور"), QCoreApplication.translate("Secretariat", "رسیده"),
             QCoreApplication.translate("Secretariat", "رسوب")],
            self._fetch, self._count)

    #: How many of my open referrals the "sent" view lists (the newest first).
    SENT_LIMIT = 500

    def _fetch(self, offset: int, limit: int) -> list[q.CartableItem]:
        if self.opts.get("box") == "sent":
            return q.sent_items(self.ctx.store, self.ctx.actor, limit=self.SENT_LIMIT)[offset:offset + limit]
        return q.cartable(self.ctx.store, self.ctx.actor, offset=offset, limit=limit,
                          **{k: v for k, v in self.opts.items() if k != "box"})

    def _count(self) -> int:
        if self.opts.get("box") == "sent":
            return len(q.sent_items(self.ctx.store, self.ctx.actor, limit=self.SENT_LIMIT))
        return q.cartable_count(self.ctx.store, self.ctx.actor, **{k: v for k, v in self.opts.items()
                                                                   if k not in ("sort", "descending", "box")})

    def display(self, row: q.CartableItem, column: int) -> str:
        if column == 0:
            return ltr(persian.to_persian_digits(format_tracking_code(row.tracking_code)))
        if column == 1:
            return ltr(persian.to_persian_digits(row.registration_no or ""))
        if column == 2:
            return (text_digits(row.subject)
                    + ("  " + QCoreApplication.translate("Secretariat", "(رونوشت)") if row.kind == "cc" else "")
                    + ("  (" + conflict_marker() + ")" if row.conflicts else ""))
        if column == 3:
            return text_digits(row.applicant_name)
        if column == 4:
            return text_digits(row.from_user_name)
        if column == 5:
            return text_digits(row.instruction)
        if column == 6:
            return persian.format_jalali_datetime(row.sent_at)
        return dwell_text(row.dwell(self.now))

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid() and index.row() < len(self._rows):
            if not self._rows[index.row()].read:
                f = QFont()
                f.setBold(True)
                return f
            return None
        if index.isValid() and index.row() < len(self._rows) and self._rows[index.row()].conflicts:
            row: q.CartableItem = self._rows[index.row()]
            if role == Qt.ItemDataRole.ForegroundRole:  # its state is not settled: as the search list says
                return QColor(ALERT_COLOUR)
            if role == Qt.ItemDataRole.ToolTipRole:
                return super().data(index, role) + "\n" + conflict_tip(row.conflict_kinds)
        return super().data(index, role)

    #: The service's order (`CARTABLE_SORTS`) of each column, and whether a click's ascending
    #: order is the service's descending one (the dwell: least first is the newest sent first).
    COLUMN_SORTS: tuple[tuple[str, bool], ...] = (
        ("tracking", False), ("registration", False), ("subject", False), ("applicant", False), ("from", False),
        ("instruction", False), ("sent", False), ("sent", True))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A click on a column's header: the inbox read again in that column's order (the
        "sent" box keeps its newest first)."""
        if self.opts.get("box") == "sent" or not 0 <= column < len(self.COLUMN_SORTS):
            return
        key, flipped = self.COLUMN_SORTS[column]
        self.opts.update(sort=key, descending=(order == Qt.SortOrder.DescendingOrder) != flipped)
        self.reload()

    def reload(self) -> None:
        self.now = utcnow()
        super().reload()


class CaseTable(FittedTable):
    """A single-selection list of cases whose `stretch` column (the subject) keeps its room
    (`FittedTable`); the page fits the columns after each reload."""

    SUBJECT_MIN = FittedTable.STRETCH_MIN

    def __init__(self, model: LazyTableModel, stretch: int) -> None:
        super().__init__(stretch)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        self.setAlternatingRowColors(True)
        # the case below it, in a splitter, is made smaller first: on a short window (a 1366x768
        # laptop at 150 %) the list showed one row over an empty «no case selected»
        self.least_rows = 4
        self.setModel(model)


class CartablePage(QWidget):
    """The user's cartable beside the selected case; opening an item marks it read."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = Today(self)  # the case view's, read as it acts; the list is read again at a new day
        self.today.changed.connect(lambda _day: self.refresh())
        self.opts: dict[str, Any] = {"sort": "sent", "descending": False, "include_cc": True,
                                     "unread_only": False, "words": "", "box": "inbox"}
        box = QVBoxLayout(self)
        # what does not fit the width goes on to a second line: at 150 % (a 1366x768 laptop has
        # 911 px) the row asked more than the page's room, the search box shrank to «S…» and
        # «ارسال گروهی…» stood past the page's edge behind a sideways scroll bar
        bar = FlowLayout()
        self.box = QComboBox()
        self.box.setObjectName("cartable-box")
        self.box.setAccessibleName(self.tr("کارتابل"))  # (a choice is read by its label: `accessible`)
        self.box.addItem(self.tr("رسیده به من"), "inbox")
        self.box.addItem(self.tr("فرستاده‌های من (هنوز باز)"), "sent")
        self.box.currentIndexChanged.connect(self._box_changed)
        bar.addWidget(self.box)
        self.filter = self.search_box = digits_in_order(QLineEdit())
        self.filter.setPlaceholderText(self.tr("جستجو در موضوع، کد رهگیری یا شماره ثبت"))
        self.filter.textChanged.connect(self._refilter)
        self.filter.setClearButtonEnabled(True)
        # a tracking code typed in stays whole in view (and its clear button beside it)
        self.filter.setMinimumWidth(self.filter.fontMetrics().horizontalAdvance("0013 0111 3240 7746 ") + 40)
        self.sort = QComboBox()
        self.sort.setAccessibleName(self.tr("ترتیب"))
        for label, key, desc in ((self.tr("قدیمی‌ترین (بیشترین رسوب)"), "sent", False),
                                 (self.tr("تازه‌ترین"), "sent", True), (self.tr("موضوع"), "subject", False)):
            self.sort.addItem(label, (key, desc))
        self.sort.setPlaceholderText(self.tr("به ترتیب ستون برگزیده"))  # (sorted by a click on a header)
        self.sort.currentIndexChanged.connect(self._refilter)
        self.unread = QCheckBox(self.tr("فقط خوانده‌نشده"))
        self.unread.toggled.connect(self._refilter)
        self.count = QLabel()
        # several items chosen (Ctrl/Shift with a click, Shift with the arrows) forwarded at once
        self.batch = BatchForward(ctx, self.selected_items, self.today)
        self.batch.forwarded.connect(self.refresh)
        for w in (self.filter, self.sort, self.unread, self.count, self.batch.button):
            bar.addWidget(w)
        box.addLayout(bar)
        box.addWidget(self.batch)
        # (hidden or shown once in the page: a widget with no parent yet would show as a window)
        self.box.setVisible(ctx.actor.has("expert", "manager", "admin"))  # a clerk refers nothing (gets CCs)
        self.batch.button.setVisible(ctx.actor.has("manager"))  # (the service's role for a forward)
        self.note = QLabel()
        self.note.setObjectName("cartable-note")
        self.note.setStyleSheet("color: #555;")
        self.note.hide()
        box.addWidget(self.note)
        split = QSplitter(Qt.Orientation.Vertical)
        self.model = CartableModel(ctx, self.opts)
        self.table = CaseTable(self.model, stretch=2)
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.batch.update_button())
        # a click on any column's header orders the list by it (again: the other way); the
        # order box says the same while it has that order
        header = self.table.horizontalHeader()
        header.setSortIndicator(6, Qt.SortOrder.AscendingOrder)  # «رسیده», oldest first
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sorted_by_header)
        self.table.clicked.connect(lambda idx: self.open_row(idx.row()))
        self.table.activated.connect(lambda idx: self.open_row(idx.row()))
        down_into(self.filter, self.table)  # typed, Down, Enter: the item is open (and read)
        split.addWidget(self.table)
        self.view = CaseView(ctx, day=self.today)
        # (an action on the case below says so on the bus too, which reads the list again: once)
        split.addWidget(self.view)
        split.setStretchFactor(0, 1)  # the case below gets the room its timeline needs
        split.setStretchFactor(1, 2)
        split.setSizes([260, 540])
        remember_splitter(split, ctx.settings, "secretariat-cartable")
        box.addWidget(split)
        # a sync brings referrals made on another desk of the office: they are listed as they arrive
        ctx.bus.changed.connect(lambda area: self.refresh() if area in ("secretariat", "sync") else None)
        self.refresh()

    def selected_items(self) -> list[q.CartableItem]:
        """The items selected in the list, top to bottom."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows if r < self.model.rowCount()]

    def _box_changed(self) -> None:
        """My inbox, or the referrals I sent that the receiver has not acted on (to see where they
        wait, and recall one from its case)."""
        sent = self.box.currentData() == "sent"
        self.opts["box"] = "sent" if sent else "inbox"
        for w in (self.filter, self.sort, self.unread):
            w.setEnabled(not sent)
        self.batch.button.setVisible(not sent and self.ctx.actor.has("manager"))  # (my own items only)
        self.table.horizontalHeader().setSectionsClickable(not sent)  # (newest first, always)
        self.table.horizontalHeader().setSortIndicatorShown(not sent)
        self.model.headers[4] = (QCoreApplication.translate("Secretariat", "به") if sent
                                 else QCoreApplication.translate("Secretariat", "از"))
        self.refresh()

    def _refilter(self) -> None:
        if self.sort.currentIndex() >= 0:
            key, desc = self.sort.currentData()
            self.opts.update(sort=key, descending=desc)
            column = 2 if key == "subject" else 6
            header = self.table.horizontalHeader()
            header.blockSignals(True)  # (the indicator follows the box; the list is read once, below)
            header.setSortIndicator(column, Qt.SortOrder.DescendingOrder if desc else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
            header.viewport().update()
        self.opts.update(unread_only=self.unread.isChecked(), words=self.filter.text())
        self.refresh()

    def _sorted_by_header(self, _column: int, _order: Qt.SortOrder) -> None:
        """The model read itself in the header's order (`CartableModel.sort`): the box shows the
        same order, or none; the count is as it was."""
        match = -1
        for i in range(self.sort.count()):
            if self.sort.itemData(i) == (self.opts["sort"], self.opts["descending"]):
                match = i
        self.sort.blockSignals(True)
        self.sort.setCurrentIndex(match)
        self.sort.blockSignals(False)
        self.table.fit_columns()

    def refresh(self) -> None:
        """The list read again; the items selected stay selected while it holds them (an item
        opened, and so read, amid a Ctrl-click choice keeps the others chosen)."""
        chosen = {item.item_id for item in self.selected_items()}
        current = self.table.currentIndex().row()
        current_id = self.model.row_at(current).item_id if 0 <= current < self.model.rowCount() else None
        self.model.reload()
        total = self.model.total
        self.count.setText(QCoreApplication.translate("CartablePage", "%Ln مورد", None, total))
        self.table.fit_columns()
        if chosen:
            self._reselect(chosen, current_id)
        self.batch.update_button()

    def _reselect(self, chosen: set[str], current_id: str | None) -> None:
        selection = QItemSelection()
        for r in range(self.model.rowCount()):
            item_id = self.model.row_at(r).item_id
            if item_id in chosen:
                selection.select(self.model.index(r, 0), self.model.index(r, self.model.columnCount() - 1))
            if item_id == current_id:
                self.table.selectionModel().setCurrentIndex(self.model.index(r, 0),
                                                            QItemSelectionModel.SelectionFlag.NoUpdate)
        self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def open_row(self, row: int) -> None:
        """Show the item's case; opening an unread item of my own inbox marks it read. A CC read so
        leaves the open cartable (it was for information): the case stays shown below, and a line
        says where the copy went."""
        item: q.CartableItem = self.model.row_at(row)
        self.note.hide()
        if not item.read and self.opts["box"] == "inbox":  # a referral I sent is the receiver's to read
            sec.mark_read(self.ctx.store, self.ctx.actor, item.item_id)
            self.refresh()
            self.ctx.bus.changed.emit("cartable")  # (the side bar's unread count; no other list reads it)
            if item.kind == "cc":  # (its row is gone; other items chosen with it stay chosen: `refresh`)
                self.note.setText(self.tr("این رونوشت خوانده شد و از کارتابل باز بیرون رفت؛ پرونده در جستجو "
                                          "همیشه پیدا می‌شود."))
                self.note.show()
            elif row < self.model.rowCount() and len(self.table.selectionModel().selectedRows()) <= 1:
                select_row(self.table, row)
        self.view.load(item.case_id)


class SearchPage(QWidget):
    """Search by tracking code, registration number, national ID, name or words; filters.

    The list is read again (`refresh`) after an action on the case shown below it and whenever
    the secretariat's cases change elsewhere (an intake, a sync): its rows, its count and the
    notice button follow what the queue bar counts."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *, overdue_only: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        #: today, read as the list is searched; when the day turns, the date range's ends that
        #: were left at their defaults move with it, and the list (its lateness) is read again
        self.today = Today(self)
        self.today.changed.connect(self._new_day)
        self.query = q.SearchQuery(overdue=overdue_only)
        box = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.text = self.search_box = digits_in_order(QLineEdit())
        self.text.setPlaceholderText(self.tr("کد رهگیری، شماره ثبت، کد ملی، نام یا واژه‌های موضوع — Enter"))
        self.text.returnPressed.connect(self.run)
        self.text.setClearButtonEnabled(True)  # cleared (its ⨯ or by hand): the list by the other filters again
        self.text.textChanged.connect(lambda text: self.run() if not text else None)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("وضعیت"))
        self.status.addItem(self.tr("همه وضعیت‌ها"), None)
        for st in q.STATUS_FA:
            self.status.addItem(status_text(st), st)
        self.status.insertSeparator(self.status.count())
        for name in q.QUEUES:  # what waits on the office: a queue is one more filter
            self.status.addItem(queue_text(name), QUEUE_PREFIX + name)
        self.agency = QComboBox()
        self.agency.setAccessibleName(self.tr("دستگاه"))
        self.fill_agencies()
        self.overdue = QCheckBox(self.tr("فقط دیرکرد"))
        self.overdue.setChecked(overdue_only)
        self.status.currentIndexChanged.connect(self.run)
        self.agency.currentIndexChanged.connect(self.run)
        self.overdue.toggled.connect(self.run)
        # the received date's range (ticked, from the first of this Jalali month to today); an
        # unticked bound is no bound
        self.date_from = DateBound(self.tr("دریافت از"), _month_start(self.today.day))
        self.date_to = DateBound(self.tr("تا"), self.today.day)
        self._defaults = (self.date_from.date.value(), self.date_to.date.value())
        for bound in (self.date_from, self.date_to):
            bound.changed.connect(self.run)
        self.count = QLabel()
        # The lists ask for a share of the row, not for their longest name (a queue's, an agency's:
        # on a small screen they left the search box too narrow for a tracking code); the names
        # are whole in the open list.
        for combo in (self.status, self.agency):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        bar.addWidget(self.text, 2)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.agency, 1)
        bar.addWidget(self.overdue)
        box.addLayout(bar)
        # what does not fit the width goes on to a second line: at 150 % (a 1366x768 laptop has
        # 911 px) the overdue queue's row asked more than the page's room and «خروجی اکسل» stood
        # past its edge behind a sideways scroll bar
        dates = FlowLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(self.date_to)
        dates.addWidget(self.count)
        self.export_button = QPushButton(self.tr("خروجی اکسل"))
        self.export_button.setObjectName("cases-export")
        self.export_button.setToolTip(self.tr("همه پرونده‌های این فهرست با همین پالایه‌ها، نه فقط ردیف‌های دیده‌شده"))
        self.export_button.clicked.connect(self.export_dialog)
        dates.addWidget(self.export_button)
        box.addLayout(dates)
        self.tools = dates  # (the overdue queue adds its batch follow-up beside the export)
        self.queues = QueueBar(ctx)  # one click lists a queue
        self.queues.chosen.connect(self.show_queue)
        box.addWidget(self.queues)
        self.queues.setVisible(not overdue_only)  # (once in the page: shown before, it is a window)
        # a notice queue listed: its applicants told at once (the button beside the export)
        self.queue_notices = QueueNotices(ctx, lambda limit: self._fetch(0, limit), self.today)
        self.tools.insertWidget(self.tools.indexOf(self.export_button), self.queue_notices.button)
        self.queue_notices.told.connect(self.run)
        box.addWidget(self.queue_notices)
        split = QSplitter(Qt.Orientation.Vertical)
        self.model = CaseListModel(self._fetch, self._count, self.today, days_late=overdue_only,
                                   calendar=lambda: working_calendar(ctx.store))
        self.table = CaseTable(self.model, stretch=3)
        self.view: CaseView = CaseView(ctx, day=self.today)
        self.table.row_moved.connect(self._show_case)  # the arrow keys (a click loads on its release)
        # a click opens its case, the one shown too: read again, with what a sync brought since
        self.table.clicked.connect(lambda idx: self.view.load(self.model.row_at(idx.row()).id))
        down_into(self.text, self.table)
        split.addWidget(self.table)
        # (an action on the case below says so on the bus too, which reads the list again: once)
        split.addWidget(self.view)
        # the case below gets the room its timeline needs; in the overdue queue, where the list is
        # the day's work (a case opened, followed up, the next one), the list gets half
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1 if overdue_only else 2)
        split.setSizes([400, 400] if overdue_only else [260, 540])
        self.split = split
        remember_splitter(split, ctx.settings, "secretariat-overdue" if overdue_only else "secretariat-search")
        box.addWidget(split)
        #: cases changed while the page was put away (another page of the side bar shown): read
        #: again when it is shown, not on every change it cannot show
        self._stale = False
        ctx.bus.changed.connect(self._changed_elsewhere)
        self.run()

    def _changed_elsewhere(self, area: str) -> None:
        """Cases or agencies changed (here, on another page or by a sync): the agency filter and
        the list are read again, the case shown kept; on a page put away, when it is shown."""
        if area not in ("secretariat", "sync"):
            return
        if self.parentWidget() is not None and self.isHidden():
            self._stale = True
            return
        self.fill_agencies()
        self.refresh()

    def setVisible(self, visible: bool) -> None:
        """Shown again (the side bar's page): what changed meanwhile is read."""
        super().setVisible(visible)
        if visible and self._stale:
            self._stale = False
            self.fill_agencies()
            self.refresh()

    def _show_case(self, row: int) -> None:
        """The case of the row the keyboard moved to (a mouse press leaves it to its click)."""
        if QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            return
        if row < self.model.rowCount() and self.view.case_id != (case_id := self.model.row_at(row).id):
            self.view.load(case_id)

    def export(self, path: Path) -> int:
        """Every case of the list as it is filtered now (not only the rows loaded on screen) to a
        sheet in the interface's direction, the columns as on screen; how many."""
        rows: list[list[object]] = []
        while page := self._fetch(len(rows), EXPORT_PAGE):
            rows += [[_no_marks(self.model.export_cell(r, c)) for c in range(len(self.model.headers))] for r in page]
        export_xlsx(path, list(self.model.headers), rows, title=self.tr("پرونده‌ها"), right_to_left=right_to_left())
        return len(rows)

    def export_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("خروجی اکسل"), "cases.xlsx", "Excel (*.xlsx)")
        if name and (n := save_to(self, Path(name), self.export)) is not None:
            self.count.setText(QCoreApplication.translate("SearchPage", "%Ln پرونده در پرونده اکسل نوشته شد.", None, n))

    def fill_agencies(self) -> None:
        """The agency filter: every agency of the directory (an inactive one still names old cases;
        one merged into another does not: its cases are the survivor's), the choice kept when the
        directory changes."""
        chosen = self.agency.currentData()
        self.agency.blockSignals(True)
        self.agency.clear()
        self.agency.addItem(self.tr("همه دستگاه‌ها"), None)
        for a in list_agencies(self.ctx.store, include_inactive=True):
            if a.merged_into is not None:
                continue
            self.agency.addItem(a.name if a.active else self.tr("{name} (غیرفعال)").format(name=a.name), a.id)
        self.agency.setCurrentIndex(max(0, self.agency.findData(chosen)))
        self.agency.blockSignals(False)

    def _new_day(self, day: date) -> None:
        """The day turned: the ends of the date range still at their defaults (this month's first
        day, today) move to the new day's, ticked or not; the list is read again."""
        old = self._defaults
        self._defaults = (_month_start(day), day)
        for bound, was, new in ((self.date_from, old[0], self._defaults[0]), (self.date_to, old[1], day)):
            if bound.date.value() == was:
                bound.date.blockSignals(True)
                bound.date.set_value(new)
                bound.date.blockSignals(False)
        self.run()

    def show_queue(self, name: str) -> None:
        """List a work queue: its entry in the status filter, the other filters cleared (the
        received dates, the words, the agency, the overdue tick), so the list is the whole queue."""
        for w in (self.text, self.status, self.agency, self.overdue, self.date_from, self.date_to):
            w.blockSignals(True)
        self.text.clear()
        self.agency.setCurrentIndex(0)
        self.overdue.setChecked(False)
        self.date_from.set_value(None)
        self.date_to.set_value(None)
        self.status.setCurrentIndex(self.status.findData(QUEUE_PREFIX + name))
        for w in (self.text, self.status, self.agency, self.overdue, self.date_from, self.date_to):
            w.blockSignals(False)
        self.run()

    def _plain_overdue(self) -> bool:
        """The overdue queue with no other filter than the agency: its own list, longest overdue first."""
        qq = self.query
        return qq.overdue and not qq.text and not qq.status and not qq.date_from and not qq.date_to

    def _fetch(self, offset: int, limit: int) -> list[q.CaseRow]:
        if self._plain_overdue():
            return q.overdue(self.ctx.store, self.ctx.actor, on=self.today(), agency_id=self.query.agency_id,
                             offset=offset, limit=limit)
        return q.search(self.ctx.store, self.ctx.actor, self.query, offset=offset, limit=limit)

    def _count(self) -> int:
        if self._plain_overdue():
            return q.overdue_count(self.ctx.store, self.ctx.actor, on=self.today(), agency_id=self.query.agency_id)
        return q.search_count(self.ctx.store, self.ctx.actor, self.query)

    def run(self) -> None:
        """A new search by the filters as they are: the case shown below stays when the new list
        holds it and goes when it does not; a list of one (a tracking code) opens its case."""
        self._search(new=True)

    def refresh(self) -> None:
        """The same search read again, after a change to the cases: rows, count and the notice
        button follow. The case shown stays shown (its row selected while the list holds it), even
        when it has just left the list — the person acted on it and reads the result."""
        self._search(new=False)

    def _search(self, new: bool) -> None:
        start, end = self.date_from.value(), self.date_to.value()
        self.count.setStyleSheet("")
        if start and end and start > end:
            self.count.setStyleSheet(ERROR_STYLE)
            self.count.setText(self.tr("بازه تاریخ وارونه است: «دریافت از» پس از «تا» است."))
            return
        chosen = self.status.currentData()
        queue = chosen[len(QUEUE_PREFIX):] if isinstance(chosen, str) and chosen.startswith(QUEUE_PREFIX) else None
        self.query = q.SearchQuery(text=self.text.text(), status=None if queue else chosen,
                                   agency_id=self.agency.currentData(), date_from=start, date_to=end,
                                   overdue=self.overdue.isChecked(), on=self.today(), queue=queue)
        self.model.reload()
        self.queue_notices.set_queue(queue, self.model.total)
        # a misread tracking code, or another office's: said, not an empty list to wonder at
        problem = q.search_error(self.query.text, self.ctx.store.identity.office_code)
        if problem and not self.model.total:
            self.count.setStyleSheet(ERROR_STYLE)
            self.count.setText(problem_text(problem))
            if new and self.view.case_id is not None:  # nor the last caller's case left below it
                self.view.clear()
            return
        total = self.model.total
        self.count.setText(QCoreApplication.translate("SearchPage", "%Ln پرونده", None, total))
        # overdue only: every row is "forwarded — overdue", so the status column gives its room to the subject
        self.table.setColumnHidden(CaseListModel.STATUS_COLUMN, self.query.overdue)
        self.table.fit_columns()
        listed = [self.model.row_at(r).id for r in range(self.model.rowCount())]
        if new and self.model.total == 1 and len(listed) == 1:  # a tracking code: straight to its case
            select_row(self.table, 0)
            self._show_case(0)
        elif self.view.case_id in listed:
            if not new:  # (a new search leaves the selection to the person)
                select_row(self.table, listed.index(self.view.case_id))
        elif new and self.view.case_id is not None:
            self.view.clear()  # a case the new list does not hold is not left under it


def _month_start(day: date) -> date:
    """The first day of `day`'s Jalali month."""
    return persian.jalali_month_bounds(*persian.jalali_month_key(day))[0]


#: The status filter's data for a work queue ("queue:untold").
QUEUE_PREFIX = "queue:"


class QueueBar(QWidget):
    """What waits on the office, as buttons with their counts («پاسخ یا نتیجه آماده، به متقاضی اعلام نشده
    (۳)»): the queues of the person's roles; a click lists one.

    Signals:
        chosen(str): the queue's name (`secretariat_query.QUEUES`), when its button is clicked.
    """

    chosen = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        row = FlowLayout(self)  # the queues that do not fit the width go on to a second line
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("کار در انتظار دفتر:")))
        self.buttons: dict[str, QPushButton] = {}
        for name, roles in q.QUEUE_ROLES.items():
            if not ctx.actor.has(*roles):
                continue
            b = QPushButton()
            b.setObjectName(f"queue-{name}")
            b.setFlat(True)
            b.setCursor(Qt.CursorShape.PointingHandCursor)
            b.clicked.connect(lambda _=False, n=name: self.chosen.emit(n))
            row.addWidget(b)
            self.buttons[name] = b
        if not self.buttons:
            self.hide()
        ctx.bus.changed.connect(lambda area: self.refresh() if area in ("secretariat", "sync") else None)
        self.refresh()

    def refresh(self) -> None:
        if not self.buttons:
            return
        counts = q.queue_counts(self.ctx.store, self.ctx.actor, list(self.buttons))
        for name, b in self.buttons.items():
            n = counts.get(name, 0)
            b.setText(f"{queue_text(name)} ({digits(n)})")
            b.setStyleSheet("color: #8a5300; font-weight: bold;" if n else "color: #555;")
            b.setVisible(bool(n) or name not in q.QUIET_QUEUES)
