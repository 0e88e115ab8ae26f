"""Lists whose telling column keeps its room: codes and dates are never cut, long names are."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from kanoon_desk.ui.library.common import ListModel, table_view
from kanoon_desk.ui.tables import FittedTable, whole_cells
from kanoon_desk.ui.widgets import LazyTableModel

CENTRE = "مرکز فرهنگی هنری شماره ۱ کانون پرورش فکری کودکان و نوجوانان استان"
ROWS = [("130100012098", "قصه‌های خوب برای بچه‌های خوب (جلد ۲)", CENTRE, "۱۴۰۳/۱۰/۰۸", "بهزاد فرجی ابوالفضلی")] * 5


def test_whole_cells_are_codes_numbers_and_dates() -> None:
    assert whole_cells(["130100012098", "13-D01-1405-000157", "۱۴۰۳/۱۰/۰۸", "۱۴۰۵/۰۹/۱۵ ۰۹:۰۲", "0013 0157 1363 9908", ""])
    assert not whole_cells(["130100012098", "مرکز فرهنگی هنری"])


def test_the_title_keeps_its_room_codes_stay_whole_and_long_names_are_cut(qtbot: Any) -> None:
    view = table_view("t", stretch=1)
    assert isinstance(view, FittedTable)
    qtbot.addWidget(view)
    view.resize(760, 300)
    view.show()
    view.setModel(ListModel(["بارکد", "عنوان", "مرکز", "مهلت", "ولی"], lambda: ROWS, lambda r: list(r)))
    header = view.horizontalHeader()
    title = min(FittedTable.STRETCH_MIN, view.sizeHintForColumn(1))
    assert header.sectionSize(1) >= title - 2  # the title whole, or at least its room
    for code in (0, 3):  # the barcode and the date: whole
        assert header.sectionSize(code) >= view.sizeHintForColumn(code)
    assert header.sectionSize(2) < view.sizeHintForColumn(2)  # the centre's long name is cut
    view.resize(2400, 300)  # room enough: every column whole
    qtbot.waitUntil(lambda: header.sectionSize(2) >= view.sizeHintForColumn(2))


def test_the_title_keeps_its_room_when_codes_and_dates_fill_a_small_screens_list(qtbot: Any) -> None:
    """Overdue loans at 1024 px: days, member number, two phones, barcode and due date, all kept
    whole, took the whole width and left the title about 20 px («…»). The title keeps its room and
    the list scrolls sideways instead."""
    overdue = [("۶۶۱", "سمیرا رحیمی", "13010003351", "09139013321", "09139013322", "قصه‌های خوب برای بچه‌های خوب",
                "130100011982", "۱۴۰۳/۱۱/۰۶", "۱۴۰۳/۱۱/۲۰")] * 5
    view = table_view("t", stretch=5)
    qtbot.addWidget(view)
    view.resize(560, 300)
    view.show()
    view.setModel(ListModel(["دیرکرد", "عضو", "شماره عضویت", "تلفن", "تلفن ولی", "عنوان", "بارکد", "مهلت", "امانت"],
                            lambda: overdue, lambda r: list(r)))
    header = view.horizontalHeader()
    title = min(FittedTable.STRETCH_MIN, view.sizeHintForColumn(5))
    assert header.sectionSize(5) >= title - 2
    for code in (0, 2, 3, 4, 6, 7, 8):  # still whole
        assert header.sectionSize(code) >= view.sizeHintForColumn(code)
    view.resize(2400, 300)  # room enough again: the title takes the rest of the width
    qtbot.waitUntil(lambda: header.sectionSize(5) >= view.sizeHintForColumn(5))
    assert header.length() >= view.viewport().width() - 2


def test_an_empty_list_in_a_narrow_window_opens(qtbot: Any) -> None:
    """No rows yet (a lazy list before its first page) and less room than the headers: no column
    is judged whole, nothing is cut below the floor, and the page opens."""
    from kanoon_desk.ui.tables import column_cap

    assert column_cap([], room=-50) == 90
    view = table_view("t", stretch=1)
    qtbot.addWidget(view)
    view.resize(120, 100)
    view.setModel(ListModel(["بارکد", "عنوان", "مرکز", "مهلت", "ولی"], lambda: [], lambda r: list(r)))
    assert view.model().rowCount() == 0
    view.show()
    view.setModel(ListModel(["بارکد", "عنوان", "مرکز", "مهلت", "ولی"], lambda: ROWS, lambda r: list(r)))
    assert view.horizontalHeader().sectionSize(0) >= view.sizeHintForColumn(0)  # the barcode whole


def test_a_splitter_comes_back_as_it_was_dragged(qtbot: Any, tmp_path: Any) -> None:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QLabel, QSplitter

    from kanoon_desk.ui.tables import remember_splitter

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)

    def make(kept: QSettings) -> QSplitter:
        split = QSplitter(Qt.Orientation.Vertical)
        qtbot.addWidget(split)
        split.addWidget(QLabel("فهرست"))
        split.addWidget(QLabel("پرونده"))
        split.resize(300, 600)
        split.setSizes([200, 400])
        remember_splitter(split, kept, "search")
        split.show()
        return split

    first = make(settings)
    assert first.sizes()[0] < 300
    first.moveSplitter(420, 1)  # the person drags the handle down: more room for the list
    dragged = first.sizes()
    assert dragged[0] > 300
    assert make(settings).sizes() == dragged  # the page opened again (the next day): as it was left
    fresh = QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat)
    assert make(fresh).sizes()[0] < 300  # nothing kept yet: the page's own sizes


def test_a_rows_cells_are_made_once_while_the_view_fits_its_columns(qtbot: Any) -> None:
    """The overdue list made all eleven cells of a row for each cell a view asked (fitting 100 rows'
    columns did the work eleven times over); a row's cells are made once until the list is read again."""
    made: list[int] = []
    rows = [(i, f"عنوان {i}", f"B{i:04d}") for i in range(30)]

    def cells(row: tuple[int, str, str]) -> list[Any]:
        made.append(row[0])
        return list(row)

    model = ListModel(["#", "عنوان", "بارکد"], lambda: rows, cells)
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            model.index(r, c).data()
    assert sorted(made) == list(range(30))
    assert model.index(3, 2).data() == "B0003"
    model.reload()
    model.index(0, 1).data()
    assert made.count(0) == 2  # read again: made again


class _Counting(LazyTableModel):
    """A lazy list of `total` rows, 100 a page, that counts the cells a view asks of rows it already had."""

    def __init__(self, total: int) -> None:
        rows = [(f"{i:06d}", f"کتاب شماره {i}", CENTRE if i % 7 == 0 else "مرکز ۲") for i in range(total)]
        super().__init__(["بارکد", "عنوان", "مرکز"], lambda offset, limit: rows[offset:offset + limit],
                         lambda: total, page_size=100)
        self.asked_before = 0
        self.had = 0

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.row() < self.had:
            self.asked_before += 1
        return super().data(index, role)


def test_scrolling_a_long_list_does_not_measure_the_rows_already_loaded(qtbot: Any) -> None:
    """A librarian scrolling 7,000 overdue loans waited 0.3 s for each page at first and a second
    at the 1,100th row: each page fetched fitted the columns again over every row loaded. The
    columns are fitted to the first rows; a page fetched later asks only what is drawn."""
    view = table_view("t", stretch=1)
    assert isinstance(view, FittedTable)
    qtbot.addWidget(view)
    view.resize(760, 300)
    view.show()
    model = _Counting(2000)
    view.setModel(model)
    qtbot.waitUntil(lambda: model.rowCount() > 0)  # the view asks for the first page
    assert model.rowCount() == 100
    fitted = [view.horizontalHeader().sectionSize(i) for i in range(3)]
    while model.rowCount() < 1000:
        model.fetchMore()
    model.had, model.asked_before = model.rowCount(), 0
    model.fetchMore()  # the next page, as the view asks at the bottom
    assert model.rowCount() == 1100
    assert model.asked_before == 0  # before: every cell of the 1,000 rows, several times
    assert [view.horizontalHeader().sectionSize(i) for i in range(3)] == fitted
    view.scrollToBottom()
    assert model.index(1099, 0).data() == "001099"


def test_the_first_rows_arriving_after_the_list_is_shown_fit_the_columns(qtbot: Any) -> None:
    """A list whose first rows come after it is shown (fetched lazily) is still fitted to them."""
    view = table_view("t", stretch=1)
    assert isinstance(view, FittedTable)
    qtbot.addWidget(view)
    view.resize(760, 300)
    view.show()
    rows: list[tuple[str, str, str]] = []
    model = LazyTableModel(["بارکد", "عنوان", "مرکز"], lambda offset, limit: rows[offset:offset + limit],
                           lambda: len(rows), page_size=20)
    view.setModel(model)
    narrow = view.horizontalHeader().sectionSize(0)
    rows.extend(("1301000120981234567", "قصه", "مرکز") for _ in range(20))
    model.reload()
    assert view.horizontalHeader().sectionSize(0) >= view.sizeHintForColumn(0) > narrow


class _RowsAsked(LazyTableModel):
    """A list of `total` rows, all loaded at once, that notes which rows a view asked about."""

    def __init__(self, total: int) -> None:
        rows = [(f"{i:06d}", f"کتاب شماره {i}", CENTRE if i % 7 == 0 else "مرکز ۲") for i in range(total)]
        super().__init__(["بارکد", "عنوان", "مرکز"], lambda offset, limit: rows[offset:offset + limit],
                         lambda: total, page_size=total)
        self.asked: set[int] = set()

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid():
            self.asked.add(index.row())
        return super().data(index, role)


def test_fitting_a_searchs_columns_measures_its_first_rows_not_all_it_loaded(qtbot: Any) -> None:
    """A case search's 200 rows loaded were measured, every cell of every column (Qt measures up
    to 1,000 rows), at each search: 0.15-0.2 s of it on the demo store. The columns are measured on
    the rows in view and the first others, `SAMPLE_ROWS` in all, as their cells are judged whole."""
    from kanoon_desk.ui.tables import SAMPLE_ROWS

    view = table_view("t", stretch=1)
    assert isinstance(view, FittedTable)
    qtbot.addWidget(view)
    view.resize(760, 300)
    view.show()
    model = _RowsAsked(400)
    view.setModel(model)
    qtbot.waitUntil(lambda: model.rowCount() > 0)  # the view asks for the rows
    assert model.rowCount() == 400
    model.asked.clear()
    view.fit_columns()
    assert model.asked and max(model.asked) < SAMPLE_ROWS + 20, max(model.asked)  # (before: all 400)
    assert view.horizontalHeader().sectionSize(0) >= view.sizeHintForColumn(0)  # barcodes whole
