"""Small helpers shared by the lending screens: Persian labels of statuses, dates, simple list models."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, overload

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ... import persian
from ...errors import QT_TRANSLATE_NOOP
from ...services.library_rules import list_centres
from ...store import Store
from ..context import UiContext
from ..tables import FittedTable
from ..widgets import LazyTableModel, digits, list_fetcher


def tr_dynamic(text: str) -> str:
    """A Library-context translation of a text marked elsewhere with QT_TRANSLATE_NOOP("Library", …)."""
    return QCoreApplication.translate("Library", text)


STATUS_LABELS = {
    "on_shelf": QT_TRANSLATE_NOOP("Library", "در قفسه"), "on_loan": QT_TRANSLATE_NOOP("Library", "در امانت"),
    "in_transit": QT_TRANSLATE_NOOP("Library", "در راه"),
    "held": QT_TRANSLATE_NOOP("Library", "کنار گذاشته برای رزرو"),
    "lost": QT_TRANSLATE_NOOP("Library", "گم‌شده"), "withdrawn": QT_TRANSLATE_NOOP("Library", "خارج از گردش"),
}


def status_text(status: str) -> str:
    return tr_dynamic(STATUS_LABELS.get(status, status))


#: The member categories in Persian, as the papers (a card, a slip) always write them.
CATEGORY_FA = {"child": QT_TRANSLATE_NOOP("Library", "کودک"), "teen": QT_TRANSLATE_NOOP("Library", "نوجوان"),
               "adult": QT_TRANSLATE_NOOP("Library", "بزرگسال")}


#: Kanoon's age groups of books, as the catalogue keeps them (a code, stored in Persian); the
#: English interface writes them A to E.
AGE_GROUP_NAMES = {"الف": QT_TRANSLATE_NOOP("AgeGroup", "الف"), "ب": QT_TRANSLATE_NOOP("AgeGroup", "ب"),
                   "ج": QT_TRANSLATE_NOOP("AgeGroup", "ج"), "د": QT_TRANSLATE_NOOP("AgeGroup", "د"),
                   "ه": QT_TRANSLATE_NOOP("AgeGroup", "ه")}


def age_group_text(group: str) -> str:
    """A book's age group as the interface writes it: «ج», or "C" in English."""
    return QCoreApplication.translate("AgeGroup", AGE_GROUP_NAMES[group]) if group in AGE_GROUP_NAMES else group


def category_text(category: str) -> str:
    """A member category in the interface's language."""
    return QCoreApplication.translate("Library", CATEGORY_FA[category]) if category in CATEGORY_FA else category


def jdate(d: date | None) -> str:
    """A day in Jalali; a datetime is an instant, shown as its day in Tehran (never its UTC `.date()`)."""
    return persian.format_jalali_date(d) if d else ""


def desk_centre_key(store: Store) -> str:
    """The QSettings key of the centre this desk lends at (for a user whose office is not a centre)."""
    return f"library/desk_centre/{store.identity.office_code}"


def desk_centre(ctx: UiContext) -> str:
    """The centre the lending screens work at: the user's office when it is a centre; else the one
    picked last on this desk's circulation page (QSettings), or the first centre."""
    from ...services.accounts import get_office

    office = get_office(ctx.store, ctx.actor.office_code)
    if office is not None and office.kind == "centre":
        return ctx.actor.office_code
    codes = [code for code, _ in list_centres(ctx.store, open_only=True)]
    saved = str(ctx.settings.value(desk_centre_key(ctx.store), "") or "")
    return saved if saved in codes else codes[0] if codes else ctx.actor.office_code


def centre_namer(store: Store) -> Callable[[str | None], str]:
    """A centre's name from its code (read once: call it again after centres change); a code
    this store has no centre for (one not synced yet) is shown as it is. Digits shown Persian."""
    names = dict(list_centres(store))
    return lambda code: digits(names.get(code or "") or code or "")


#: The colour of a row that needs the librarian's eye (as the secretariat's overdue cases).
ALERT_COLOUR = "#b00020"


class ListModel(LazyTableModel):
    """A table over a list a service returns whole, with a `cells(row) -> list` to show."""

    def __init__(self, headers: Sequence[str], items: Callable[[], Sequence[Any]],
                 cells: Callable[[Any], Sequence[Any]], *, alert: Callable[[Any], bool] | None = None,
                 alert_tip: str = "") -> None:
        fetch, count = list_fetcher(items)
        self._cells = cells
        self._alert = alert
        self._alert_tip = alert_tip
        super().__init__(headers, fetch, count)
        if self.canFetchMore():
            self.fetchMore()

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A row `alert` picks (a loan past its due date) is written in red, and its cells' tips
        say why (`alert_tip`), so the colour is not a code to learn."""
        if (role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole) and self._alert is not None
                and index.isValid() and index.row() < len(self._rows) and self._alert(self._rows[index.row()])):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(ALERT_COLOUR)
            if self._alert_tip:
                return "\n".join(t for t in (super().data(index, role), self._alert_tip) if t)
        return super().data(index, role)

    def display(self, row: Any, column: int) -> str:
        value = self.row_cells(row, self._cells)[column]
        if isinstance(value, date):
            return persian.format_jalali_date(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return digits(value)
        return "" if value is None else str(value)


@overload
def table_view(name: str) -> QTableView: ...


@overload
def table_view(name: str, stretch: int) -> FittedTable: ...


def table_view(name: str, stretch: int | None = None) -> QTableView:
    """A read-only row-selecting table whose columns fit their contents. The `stretch` column (the
    title or the name: the text that needs the room) keeps its room and takes the rest of the
    width, whatever model is set later (`FittedTable`: the widest other columns, a centre's long
    name, are cut first); without one, the last column takes the rest."""
    view: QTableView = QTableView() if stretch is None else FittedTable(stretch, auto=True)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    if stretch is None:
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
    view.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    return view
