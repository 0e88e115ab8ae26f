"""Stock-take screen: open for a centre (and shelf range), scan shelves, see results, close, write off, export."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import QT_TRANSLATE_NOOP, ServiceError
from ...persian import format_jalali_datetime
from ...services import library as lib
from ...services import stocktake as st
from ..context import UiContext
from ..errors import error_field, error_text
from ..saving import save_to
from ..scan_box import ScanLineEdit
from ..widgets import (
    ERROR_STYLE,
    OK_STYLE,
    LtrLineEdit,
    digits,
    isolated,
    right_to_left,
    select_row,
    text_digits,
)
from .common import ListModel, desk_centre, table_view, tr_dynamic
from .transit import TransitDialog

OUTCOME_LABELS = {"found": QT_TRANSLATE_NOOP("Library", "پیدا شد"), "missing": QT_TRANSLATE_NOOP("Library", "ناپیدا"), "misplaced": QT_TRANSLATE_NOOP("Library", "جابه‌جا"), "unknown": QT_TRANSLATE_NOOP("Library", "ناشناخته"),
                  "on_loan": QT_TRANSLATE_NOOP("Library", "در امانت (بازگردانده نشد)"),
                  "found_lost": QT_TRANSLATE_NOOP("Library", "پیدا شد، گم‌شده ثبت شده بود"),
                  "found_withdrawn": QT_TRANSLATE_NOOP("Library", "پیدا شد، خارج از گردش ثبت شده بود")}


class ResultModel(ListModel):
    """A session's rows, read whole (a few thousand), in the service's order (`st.row_order`). A
    scan puts its one row in place (`put`): reading the 3,000 rows again and fitting the columns
    to them took a quarter of a second a scan, more as the session grew."""

    def __init__(self, headers: Sequence[str], rows: list[st.StocktakeRow],
                 cells: Callable[[Any], Sequence[Any]], outcome: str | None) -> None:
        super().__init__(headers, lambda: rows, cells)
        while self.canFetchMore():
            self.fetchMore()
        self.outcome = outcome

    def put(self, row: st.StocktakeRow) -> int | None:
        """Show `row` as it now is: changed where it stands, moved to its place, added, or taken
        out when the outcome shown is another; returns where it is, or None."""
        rows = self._rows
        old = next((i for i, r in enumerate(rows) if r.barcode == row.barcode), None)
        shown = not self.outcome or row.outcome == self.outcome
        if old is None and not shown:
            return None
        if old is not None and not shown:
            self.beginRemoveRows(QModelIndex(), old, old)
            del rows[old]
            self._total -= 1
            self.endRemoveRows()
            return None
        rest = rows if old is None else rows[:old] + rows[old + 1:]
        at = bisect_left(rest, st.row_order(row), key=st.row_order)
        if old is None:
            self.beginInsertRows(QModelIndex(), at, at)
            rows.insert(at, row)
            self._total += 1
            self.endInsertRows()
        elif at == old:
            rows[old] = row
            self.dataChanged.emit(self.index(old, 0), self.index(old, self.columnCount() - 1))
        else:  # the rows between shift by one: said changed, not moved (a move had the row
            # numbers measured again, a thousand of them, 20 ms a scan)
            del rows[old]
            rows.insert(at, row)
            self.dataChanged.emit(self.index(min(at, old), 0), self.index(max(at, old), self.columnCount() - 1))
        return at


class StocktakePage(QWidget):
    """One session at a time: the counts by outcome on top, the rows of the chosen outcome below."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("stocktake-page")
        self.take: st.StocktakeView | None = None
        self.centre = QComboBox()
        self.centre.setObjectName("stocktake-centre")
        centres = lib.list_centres(ctx.store)
        for code, name in centres:
            self.centre.addItem(text_digits(name), code)
        if not centres:
            self.centre.addItem(ctx.actor.office_code, ctx.actor.office_code)
        index = self.centre.findData(desk_centre(ctx))
        self.centre.setCurrentIndex(max(index, 0))
        self.centre.currentIndexChanged.connect(lambda _i: self.load_sessions())
        self.shelf_from = LtrLineEdit()
        self.shelf_from.setPlaceholderText("A1")
        self.shelf_to = LtrLineEdit()
        self.shelf_to.setPlaceholderText("H9")
        self.open_button = QPushButton(QCoreApplication.translate("Library", "آغاز انبارگردانی"))
        self.open_button.setObjectName("open-stocktake")
        self.open_button.clicked.connect(self.open_take)
        self.session = QComboBox()
        self.session.setObjectName("stocktake-session")
        self.session.setToolTip(QCoreApplication.translate("Library", "انبارگردانی‌های این مرکز، تازه‌ترین نخست"))
        self.session.currentIndexChanged.connect(self._session_chosen)
        self.transit_button = QPushButton(QCoreApplication.translate("Library", "در راه به این مرکز"))
        self.transit_button.setObjectName("transit-to-centre")
        self.transit_button.setToolTip(QCoreApplication.translate(
            "Library", "نسخه‌هایی که به این مرکز فرستاده شده‌اند و هنوز دریافت نشده‌اند"))
        self.transit_button.clicked.connect(lambda: self.transit_dialog().exec())
        row0 = QHBoxLayout()
        row0.addWidget(QLabel(QCoreApplication.translate("Library", "انبارگردانی:")))
        row0.addWidget(self.session, 1)
        row0.addWidget(self.transit_button)
        row1 = QHBoxLayout()
        for w in (QLabel(QCoreApplication.translate("Library", "مرکز:")), self.centre, QLabel(QCoreApplication.translate("Library", "از قفسه:")), self.shelf_from,
                  QLabel(QCoreApplication.translate("Library", "تا قفسه:")), self.shelf_to, self.open_button):
            row1.addWidget(w)
        row1.addStretch(1)

        self.shelf = LtrLineEdit()
        self.shelf.setObjectName("scan-shelf")
        self.shelf.setPlaceholderText(QCoreApplication.translate("Library", "قفسه"))
        self.shelf.setMaximumWidth(90)
        self.scan = self.search_box = ScanLineEdit()
        self.scan.setObjectName("stocktake-scan")
        self.scan.setPlaceholderText(QCoreApplication.translate("Library", "بارکد نسخه‌های قفسه را بخوانید"))
        self.scan.returnPressed.connect(self.on_scan)
        self.close_button = QPushButton(QCoreApplication.translate("Library", "بستن انبارگردانی"))
        self.close_button.setObjectName("close-stocktake")
        self.close_button.clicked.connect(self.close_take)
        self.lost_button = QPushButton(QCoreApplication.translate("Library", "ثبت ناپیداها به‌عنوان گم‌شده"))
        self.lost_button.setObjectName("mark-lost")
        self.lost_button.clicked.connect(self.mark_lost)
        self.export_button = QPushButton(QCoreApplication.translate("Library", "خروجی اکسل"))
        self.export_button.clicked.connect(self.export_dialog)
        row2 = QHBoxLayout()
        row2.addWidget(self.shelf)
        row2.addWidget(self.scan, 1)
        for b in (self.close_button, self.lost_button, self.export_button):
            row2.addWidget(b)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("stocktake-status")
        self.status.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("stocktake-message")
        self.outcome = QComboBox()
        self.outcome.setObjectName("stocktake-outcome")
        self.outcome.addItem(QCoreApplication.translate("Library", "همه"), "")
        for key, label in OUTCOME_LABELS.items():
            self.outcome.addItem(tr_dynamic(label), key)
        self.outcome.currentIndexChanged.connect(self.refresh)
        self.table = table_view("stocktake-table", stretch=1)
        # fitted once to the rows read (`refresh`), as to the 200 first when they were read by pages:
        # not again at each row a scan adds, nor on 3,000 rows (a quarter of a second each time)
        self.table.auto = False
        self.table.horizontalHeader().setResizeContentsPrecision(200)
        box = QVBoxLayout(self)
        box.addLayout(row1)
        box.addLayout(row0)
        box.addLayout(row2)
        box.addWidget(self.status)
        box.addWidget(self.message)
        box.addWidget(self.outcome)
        box.addWidget(self.table)
        self.load_sessions()

    def load_sessions(self, select: str | None = None) -> None:
        """The chosen centre's sessions in the picker, the newest first; `select` (an id) or the
        newest is shown."""
        takes = st.list_stocktakes(self.ctx.store, self.centre.currentData())
        self.session.blockSignals(True)
        self.session.clear()
        for t in takes:
            self.session.addItem(self.session_label(t), t.id)
        self.session.setCurrentIndex(max(self.session.findData(select), 0) if select else 0)
        self.session.blockSignals(False)
        self.session.setEnabled(bool(takes))
        self._session_chosen()

    @staticmethod
    def session_label(t: st.StocktakeView) -> str:
        state = QCoreApplication.translate("Library", "باز") if t.status == "open" else \
            QCoreApplication.translate("Library", "بسته")
        label = QCoreApplication.translate("Library", "{d} — {state}").format(
            d=text_digits(format_jalali_datetime(t.opened_at)), state=state)
        if t.shelf_from or t.shelf_to:
            label += " — " + QCoreApplication.translate("Library", "قفسه {a} تا {b}").format(
                a=t.shelf_from or "…", b=t.shelf_to or "…")
        return label

    def _session_chosen(self) -> None:
        take_id = self.session.currentData()
        self.take = st.get_stocktake(self.ctx.store, take_id) if take_id else None
        if self.take is not None and self.take.status == "open" and not self.shelf.text():
            # a session taken up again goes on at the shelf of its last scan: with the box empty a
            # copy of the wrong shelf was no longer said «جابه‌جا»
            self.shelf.setText(st.last_scanned_shelf(self.ctx.store, self.take.id))
        self.refresh()

    def transit_dialog(self) -> TransitDialog:
        """The copies on their way to the chosen centre (expected, from where, since when)."""
        return TransitDialog(self.ctx, self, centre=str(self.centre.currentData() or ""))

    def _fail(self, err: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(error_text(err))
        field = {"shelf_from": self.shelf_from, "shelf_to": self.shelf_to}.get(error_field(err) or "")
        if field is not None:  # the field it is about, to be typed again
            field.setFocus()
            field.selectAll()

    def _say(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)

    def open_take(self) -> None:
        def done(view: st.StocktakeView) -> None:
            self.load_sessions(select=view.id)
            self._say(QCoreApplication.translate("Library", "انبارگردانی آغاز شد؛ {n} نسخه در فهرست است.").format(n=digits(view.expected)))
            self.scan.setFocus()

        self.ctx.tasks.run(lambda: st.open_stocktake(self.ctx.store, self.ctx.actor, self.centre.currentData(),
                                                     shelf_from=self.shelf_from.text(), shelf_to=self.shelf_to.text()),
                           on_done=done, on_error=self._fail)

    def on_scan(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        if not code or self.take is None:
            return
        take_id = self.take.id

        def done(result: st.ScanResult) -> None:
            self.acknowledge(result)
            self.show_scan(result)

        shelf = self.shelf.text()
        self.ctx.tasks.run(lambda: st.scan_copy(self.ctx.store, self.ctx.actor, take_id, code, shelf=shelf),
                           on_done=done, on_error=self._fail)
        self.scan.setFocus()

    def close_take(self) -> None:
        if self.take is None:
            return
        take_id = self.take.id

        def closed(_: st.StocktakeView) -> None:
            self.load_sessions(select=take_id)
            found = st.found_gone_count(self.ctx.store, take_id)
            if found and self.ask_reshelve(found):
                self.ctx.tasks.run(lambda: st.reshelve_found(self.ctx.store, self.ctx.actor, take_id),
                                   on_done=reshelved, on_error=self._fail)

        def reshelved(n: int) -> None:
            self._say(QCoreApplication.translate("Library", "%Ln نسخه پیداشده به گردش برگشت.", None, n))
            self.ctx.bus.changed.emit("library")
            self.refresh()

        self.ctx.tasks.run(lambda: st.close_stocktake(self.ctx.store, self.ctx.actor, take_id),
                           on_done=closed, on_error=self._fail)

    def ask_reshelve(self, n: int) -> bool:
        """Put back into circulation the `n` copies recorded lost or withdrawn found on the shelves?
        Tests replace this method; the page asks in a message box."""
        answer = QMessageBox.question(
            self, QCoreApplication.translate("Library", "نسخه‌های پیداشده"),
            QCoreApplication.translate("Library", "%Ln نسخه که گم‌شده یا خارج از گردش ثبت شده بود در قفسه پیدا شد. "
                                                  "به گردش برگردند؟", None, n))
        return answer == QMessageBox.StandardButton.Yes

    def ask_mark_lost(self, n: int, missing: int | None = None) -> bool:
        """Write the `n` copies not found off as lost? Asked first, «No» by default (tests replace
        `QMessageBox.question` or this method). `missing`: the session's «ناپیدا» count on the page;
        when some of them moved since opening (lent at another desk, set aside for a hold), the
        question says so, not a count the page contradicts."""
        if missing is not None and missing > n:
            text = QCoreApplication.translate(
                "Library", "{m} نسخه در این انبارگردانی پیدا نشد؛ {k} نسخه از آن‌ها پس از آغاز انبارگردانی "
                "به امانت رفته، برای رزرو کنار گذاشته شده یا در راه است و گم‌شده ثبت نمی‌شود. "
                "{n} نسخه دیگر گم‌شده ثبت شوند؟").format(m=digits(missing), k=digits(missing - n), n=digits(n))
        else:
            text = QCoreApplication.translate("Library", "%Ln نسخه در این انبارگردانی پیدا نشد. همه گم‌شده ثبت شوند؟ "
                                                         "(نسخه‌های کنار گذاشته برای رزرو و نسخه‌های در راه "
                                                         "گم‌شده ثبت نمی‌شوند.)", None, n)
        answer = QMessageBox.question(
            self, QCoreApplication.translate("Library", "ثبت ناپیداها به‌عنوان گم‌شده"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def mark_lost(self) -> None:
        if self.take is None:
            return
        take_id = self.take.id
        try:
            n = st.missing_count(self.ctx.store, take_id)
        except ServiceError as err:
            self._fail(err)
            return
        if not n:
            self._say(QCoreApplication.translate("Library", "نسخه ناپیدایی برای ثبت به‌عنوان گم‌شده نمانده است."))
            return
        if not self.ask_mark_lost(n, self.take.counts.get("missing", n)):
            return

        def done(n: int) -> None:
            self._say(QCoreApplication.translate("Library", "{n} نسخه گم‌شده ثبت شد.").format(n=digits(n)))
            self.ctx.bus.changed.emit("library")
            self.refresh()

        self.ctx.tasks.run(lambda: st.mark_missing_lost(self.ctx.store, self.ctx.actor, take_id),
                           on_done=done, on_error=self._fail)

    def acknowledge(self, result: st.ScanResult) -> None:
        """Each scan said apart, so a librarian at the shelf knows it was taken without reading:
        a copy found in green and quietly; anything to look at (not of this shelf or centre,
        unknown, on loan, written off, or read a second time) in red with the desk's beep. The
        barcode as read (Persian digits typed become those of the label)."""
        text = f"{isolated(result.barcode)}: {tr_dynamic(OUTCOME_LABELS[result.outcome])}"
        if result.outcome == "on_loan":
            text += " — " + QCoreApplication.translate(
                "Library", "این نسخه در امانت ثبت شده است؛ آن را در میز امانت بازگردانید.")
        if result.now_barcode:  # an old label still on the book: the copy is counted, its label to print again
            text += " — " + QCoreApplication.translate(
                "Library", "برچسب کهنه: بارکد این نسخه اکنون {b} است؛ برچسب تازه را چاپ کنید و بچسبانید.").format(
                    b=isolated(result.now_barcode))
        if result.again:
            text += " — " + QCoreApplication.translate("Library", "این نسخه پیش‌تر هم خوانده شده بود.")
        ok = result.outcome == "found" and not result.again and not result.now_barcode
        self.message.setText(text)
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        if not ok:
            self.alert()

    def alert(self) -> None:
        """The desk's beep for a scan to look at (tests replace it)."""
        QApplication.beep()

    def show_scan(self, result: st.ScanResult) -> None:
        """A scan's result on the page: the counts read again, its one row put in place in the
        list and brought into view (not the whole list read again)."""
        if self.take is None:
            return
        self.take = st.get_stocktake(self.ctx.store, self.take.id)
        self.show_counts(self.take)
        model = self.table.model()
        if not isinstance(model, ResultModel) or result.row is None:
            self.refresh()
            return
        at = model.put(result.row)
        if at is not None:
            select_row(self.table, at)
            self.table.scrollTo(model.index(at, 0))

    def show_counts(self, t: st.StocktakeView) -> None:
        counts = " | ".join(f"{tr_dynamic(OUTCOME_LABELS[k])}: {digits(v)}" for k, v in t.counts.items())
        state = QCoreApplication.translate("Library", "باز") if t.status == "open" else \
            QCoreApplication.translate("Library", "بسته")
        self.status.setText(QCoreApplication.translate("Library", "انبارگردانی {state} — در فهرست: {n} — {counts}").format(
            state=state, n=digits(t.expected), counts=counts))

    def refresh(self) -> None:
        if self.take is not None:
            self.take = st.get_stocktake(self.ctx.store, self.take.id)
        t = self.take
        open_ = t is not None and t.status == "open"
        self.scan.setEnabled(open_)
        self.close_button.setEnabled(open_)
        self.lost_button.setEnabled(t is not None and t.status == "closed")
        self.export_button.setEnabled(t is not None)
        if t is None:
            self.status.setText(QCoreApplication.translate(  # a centre with none yet: what to do
                "Library", "این مرکز هنوز انبارگردانی ندارد. برای آغاز، اگر بخواهید بازه قفسه‌ها را بنویسید و "
                "«آغاز انبارگردانی» را بزنید؛ سپس قفسه را بنویسید و بارکد نسخه‌های آن را یکی‌یکی بخوانید."))
            self.table.setModel(ListModel([], lambda: [], lambda r: []))
            return
        self.show_counts(t)
        outcome = self.outcome.currentData() or None
        rows = st.stocktake_rows(self.ctx.store, t.id, outcome)
        model = ResultModel(
            [QCoreApplication.translate("Library", "بارکد"), QCoreApplication.translate("Library", "عنوان"), QCoreApplication.translate("Library", "قفسه"), QCoreApplication.translate("Library", "قفسه اسکن"), QCoreApplication.translate("Library", "نتیجه")], rows,
            lambda r: [r.barcode, r.title, r.shelf, r.scanned_shelf, tr_dynamic(OUTCOME_LABELS[r.outcome])], outcome)
        self.table.setModel(model)
        self.table.fit_columns()

    def export_dialog(self) -> None:
        if self.take is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("Library", "خروجی اکسل"), "stocktake.xlsx", "Excel (*.xlsx);;CSV (*.csv)")
        if name:
            save_to(self, Path(name), self.export)

    def export(self, path: Path) -> int:
        """The chosen session's result to .xlsx or .csv; the number of rows written."""
        if self.take is None:
            return 0
        headers = [QCoreApplication.translate("Library", "بارکد"), QCoreApplication.translate("Library", "عنوان"),
                   QCoreApplication.translate("Library", "قفسه"), QCoreApplication.translate("Library", "قفسه اسکن"),
                   QCoreApplication.translate("Library", "در فهرست"), QCoreApplication.translate("Library", "نتیجه")]
        yes_no = (QCoreApplication.translate("Library", "بله"), QCoreApplication.translate("Library", "خیر"))
        return st.export_stocktake(self.ctx.store, self.take.id, path, headers=headers,
                                   outcomes={k: tr_dynamic(v) for k, v in OUTCOME_LABELS.items()},
                                   yes_no=yes_no, right_to_left=right_to_left())

