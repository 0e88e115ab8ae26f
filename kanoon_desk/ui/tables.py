"""A list whose telling column keeps its room, and splitters that keep the sizes they were given.

`FittedTable` fits every column to the rows loaded and gives the spare width to one `stretch`
column (a case's subject, a book's title, a member's name). When the other columns would leave it
less than its own width or `STRETCH_MIN` (the smaller), the widest of them are cut to one width
(`column_cap`: long centre or agency names end in "…", their whole text on hover), again whenever
the table is resized. A column of codes, numbers and dates (`whole_cells`: one word, or no
letters) is never cut: half a barcode or a date is no use. Before, the columns sized to their
contents took the width first, and a title in a ten-column list was cut to a word.

`FittedTable.row_moved` tells the page which row became current, by a click or by the keyboard
(arrows, Page Up/Down, Home/End), whatever model is set later: a list read with the keyboard
shows what it lists, as a click would.

With `auto`, the columns are fitted to a list's first rows (`SAMPLE_ROWS`), not again for each page
fetched while it is scrolled.

`down_into` lets the Down key in a search box step into its list, on the first row.

`remember_splitter` brings a splitter back at the sizes a person dragged it to.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSettings,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QSplitter, QTableView


def column_cap(widths: list[int], room: int, floor: int = 90) -> int:
    """The one width the widest columns are cut to so that all of `widths` fit in `room`
    (water-filling: narrow columns keep their width); never below `floor`."""
    if not widths:
        return floor
    if sum(widths) <= room:
        return max(widths, default=floor)
    ordered = sorted(widths)
    spent = 0
    for k, width in enumerate(ordered):
        left = len(ordered) - k  # columns from this one up, all cut to the same width
        if spent + width * left > room:
            return max(floor, (room - spent) // left)
        spent += width
    return max(floor, ordered[-1])


def whole_cells(texts: Iterable[str]) -> bool:
    """Whether a column's cells must be shown whole: each is one word (a barcode, a number, a
    date, a code like 13-D01-1405-000157) or holds no letters (a date and time, a tracking code
    in groups). A column with no rows yet is judged when they come."""
    return all(not t.split() or len(t.split()) == 1 or not any(ch.isalpha() for ch in t) for t in texts)


#: How many loaded rows a column is judged on.
SAMPLE_ROWS = 50


def read_only(view: QAbstractItemView) -> QAbstractItemView:
    """A list that is read, not typed in: no cell editor, and Tab goes on to the next control while
    the arrows walk the rows (with Qt's default, Tab walked the cells row after row and round again,
    and a keyboard user who tabbed into the list could not Tab out of it)."""
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    return view


class FittedTable(QTableView):
    """See the module. With `auto`, the columns are fitted again whenever the model is reset or
    rows arrive (as a column sized to its contents would be); otherwise the page calls
    `fit_columns` after it loads."""

    STRETCH_MIN = 260

    #: Rows the list keeps in view however short the page (0: Qt's own least height); a page
    #: sets it where something below the list could take the room (the members' card)
    least_rows = 0

    #: the row that became current (by a click or a key); not emitted when no row is current
    row_moved = Signal(int)

    def __init__(self, stretch: int, *, auto: bool = False) -> None:
        super().__init__()
        read_only(self)  # every fitted table is a list to read (`read_only`)
        self.stretch = stretch
        self.auto = auto
        self._natural: list[int] = []
        self._whole: set[int] = set()
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        # a column is measured on the rows in view and the first others, `SAMPLE_ROWS` in all, as
        # its cells are judged whole (Qt's own is 1,000: a search's 200 cases loaded asked each
        # cell's text, font and size of every column, 0.15-0.2 s at each search on the demo store)
        header.setResizeContentsPrecision(SAMPLE_ROWS)
        header.sectionCountChanged.connect(lambda _old, _new: self._stretch_mode())

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 - Qt's name
        old = self.model()
        if self.auto and old is not None:
            for signal, slot in ((old.modelReset, self.fit_columns), (old.layoutChanged, self.fit_columns),
                                 (old.rowsInserted, self._rows_arrived)):
                try:
                    signal.disconnect(slot)
                except (RuntimeError, TypeError):  # the old model is gone, and its connections with it
                    pass
        super().setModel(model)
        if self.selectionModel() is not None:  # a new model brings a new selection model
            self.selectionModel().currentRowChanged.connect(self._row_moved)
        self._stretch_mode()
        if self.auto and model is not None:
            model.modelReset.connect(self.fit_columns)
            model.layoutChanged.connect(self.fit_columns)
            model.rowsInserted.connect(self._rows_arrived)
            self.fit_columns()

    def _rows_arrived(self, _parent: QModelIndex, first: int, _last: int) -> None:
        """Rows inserted: fitted again while they are among the first `SAMPLE_ROWS` (a list's first
        rows arriving), not for each page fetched as the list is scrolled. Fitting measures every
        row loaded: a librarian scrolling 7,000 overdue loans waited 0.3 s for a page at first, a
        second at the 1,100th row, more with each page; a later row's long name is cut to the
        column and read whole on hover, as the secretariat's lists always did."""
        if first < SAMPLE_ROWS:
            self.fit_columns()

    def _row_moved(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.row_moved.emit(current.row())

    def _stretch_mode(self) -> None:
        header = self.horizontalHeader()
        if self.stretch < header.count():
            header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Stretch)

    def fit_columns(self, *_args: Any) -> None:
        """Measure the columns against the rows loaded now, then share out the width."""
        header = self.horizontalHeader()
        model = self.model()
        rows = min(model.rowCount(), SAMPLE_ROWS) if model is not None else 0
        self._natural, self._whole = [], set()
        for i in range(header.count()):
            if header.isSectionHidden(i):  # a hidden column takes no room
                self._natural.append(0)
                self._whole.add(i)
            elif i != self.stretch:
                self.resizeColumnToContents(i)
                self._natural.append(header.sectionSize(i))
                if rows and model is not None and whole_cells(
                        str(model.index(r, i).data(Qt.ItemDataRole.DisplayRole) or "") for r in range(rows)):
                    self._whole.add(i)
            else:
                self._natural.append(max(self.sizeHintForColumn(i), header.sectionSizeHint(i)))
        self._share()

    def _share(self) -> None:
        header = self.horizontalHeader()
        cut = [w for i, w in enumerate(self._natural) if i != self.stretch and i not in self._whole]
        kept = sum(w for i, w in enumerate(self._natural) if i in self._whole)
        stretch = min(self.STRETCH_MIN, self._natural[self.stretch]) if self.stretch < len(self._natural) else 0
        room = self.viewport().width()
        cap = column_cap(cut, room - stretch - kept)
        others = 0
        for i, width in enumerate(self._natural):
            if i != self.stretch and i < header.count() and not header.isSectionHidden(i):
                header.resizeSection(i, width if i in self._whole else min(width, cap))
                others += header.sectionSize(i)
        if self.stretch < header.count():
            # The columns kept whole (codes, numbers, dates) and those cut to the floor leave the
            # stretch column less than its room (a small screen's overdue list left the title
            # 20 px): it keeps its room and the list scrolls sideways; with room, it stretches.
            squeezed = others + stretch > room
            mode = QHeaderView.ResizeMode.Interactive if squeezed else QHeaderView.ResizeMode.Stretch
            if header.sectionResizeMode(self.stretch) != mode:
                header.setSectionResizeMode(self.stretch, mode)
            if squeezed:
                header.resizeSection(self.stretch, stretch)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._natural:
            self._share()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        least = super().minimumSizeHint()
        if self.least_rows <= 0:
            return least
        # the heading, the rows and the frame (the columns are fitted to the width: no sideways bar)
        tall = (self.horizontalHeader().sizeHint().height() + self.least_rows * self.verticalHeader().defaultSectionSize()
                + 2 * self.frameWidth())
        return QSize(least.width(), max(least.height(), tall))


def remember_splitter(splitter: QSplitter, settings: QSettings, key: str) -> None:
    """The sizes a person dragged `splitter` to come back the next time the page opens (kept in
    the desk's settings under `splitters/<key>`); until then, the sizes the page set."""
    name = f"splitters/{key}"
    state = settings.value(name)
    if isinstance(state, QByteArray | bytes) and state:
        splitter.restoreState(QByteArray(state))
    splitter.splitterMoved.connect(lambda *_: settings.setValue(name, splitter.saveState()))


class _DownInto(QObject):
    """The event filter `down_into` puts on a search box (a QShortcut on Down also swallowed Down
    in the list itself)."""

    def __init__(self, box: QLineEdit, table: QAbstractItemView) -> None:
        super().__init__(box)
        self.table = table

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Down and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            model = self.table.model()
            if model is not None and model.rowCount() > 0:
                # the row, chosen before the focus moves: a view taking the focus makes its first
                # row current with nothing selected, and the row open showed no highlight
                current = self.table.currentIndex()
                row = current.row() if current.isValid() else 0
                self.table.setFocus()
                self.table.setCurrentIndex(model.index(row, 0))
                self.table.selectionModel().select(
                    model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                return True
        return False


def down_into(box: QLineEdit, table: QAbstractItemView) -> None:
    """Down in the search `box` goes into `table`: its current row (the first when none is), which
    a `FittedTable` then shows. A search typed, Enter, Down: the first result is open, and the
    arrow keys go on from there with no mouse."""
    box.installEventFilter(_DownInto(box, table))
