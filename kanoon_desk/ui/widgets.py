"""Shared widgets: forms that show a service error at its field, Jalali date input, LTR islands, lazy tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import jdatetime
from PySide6.QtCore import (
    QAbstractTableModel,
    QCalendar,
    QCoreApplication,
    QDate,
    QEvent,
    QItemSelectionModel,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QTextCharFormat,
    QValidator,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from .. import persian
from ..errors import FieldErrors, InputError
from ..models import office_today
from .accessible import describe, label_a_choice
from .errors import error_field, error_text

ERROR_STYLE = "color: #b00020;"
#: A message that says it went well (lent, received, found).
OK_STYLE = "color: #1b5e20;"
#: A word to heed, not an error: a draft brought back, cases to look at before saving.
NOTICE_STYLE = "color: #8a5300;"

AnyIndex = QModelIndex | QPersistentModelIndex


def today() -> date:
    """The desk's today: the calendar date in Tehran (what a clerk sees on the wall calendar), the
    same day the services take when given none (`models.office_today`)."""
    return office_today()


def digits(n: int | str) -> str:
    """A number in the digits of the current language: Persian digits unless the app runs in English."""
    if QLocale().language() == QLocale.Language.Persian:
        return persian.to_persian_digits(n)
    return str(n)


def number_text(n: int) -> str:
    """A count with thousands grouped, in the digits of the current language: «۱٬۲۳۴» or "1,234"."""
    if QLocale().language() == QLocale.Language.Persian:
        return persian.format_number(n)
    return f"{n:,}"


def notice_label(text: str, name: str, *, bold: bool = False) -> QLabel:
    """A hidden, wrapped line in the notice colour, shown when there is something to heed."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(NOTICE_STYLE + (" font-weight: bold;" if bold else ""))
    label.hide()
    return label


def right_to_left() -> bool:
    """Whether the interface reads right to left (Persian); drawings Qt does not mirror itself (the
    charts) ask this to put their start on the reader's side."""
    return QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def isolated(text: str) -> str:
    """A name, a title or a clerk's words set inside a sentence of the other direction, kept whole
    (FSI … PDI): in the English interface «لیلا جعفری (0938…)» would otherwise pull the number and
    the bracket into the Persian run and print them backwards; in the Persian one a Latin name keeps
    its own order. The marks are invisible, and `persian.normalize` drops them from anything typed
    or pasted back."""
    return f"\u2068{text}\u2069" if text else text


def ui_line(text: str) -> str:
    """A line that may begin with a name of the other direction, laid out in the interface's: Qt
    takes a paragraph's direction from its first strong letter, even one inside an isolate, so
    «داوود جعفری (2231631806)» would read right to left in English. A leading LRM or RLM
    (invisible) sets it."""
    return ("\u200f" if right_to_left() else "\u200e") + text


def text_digits(text: str) -> str:
    """Stored text (ASCII digits) for display: in the Persian UI, Persian text shows Persian digits
    (`persian.script_digits`: a title, a name, an address); codes and Latin text keep theirs. In
    the English UI every digit is Latin (a Jalali date written by `persian` included)."""
    if QLocale().language() == QLocale.Language.Persian:
        return persian.script_digits(text)
    return persian.to_ascii_digits(text)


#: The Jalali months and the weekdays (Saturday first) as the English interface writes them.
JALALI_MONTHS_EN = ("Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr", "Aban", "Azar",
                    "Dey", "Bahman", "Esfand")
WEEKDAYS_EN = ("Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
SEASONS_EN = ("Spring", "Summer", "Autumn", "Winter")


def month_name(n: int) -> str:
    """Jalali month `n` (1..12) by the interface's name: «مهر», or "Mehr" in English."""
    return persian.JALALI_MONTHS[n - 1] if QLocale().language() == QLocale.Language.Persian else JALALI_MONTHS_EN[n - 1]


def season_text(n: int) -> str:
    """Season `n` (1..4, spring first): «پاییز», or "Autumn" in English."""
    return persian.season_name(n) if QLocale().language() == QLocale.Language.Persian else SEASONS_EN[n - 1]


def period_title(kind: str, year: int, number: int) -> str:
    """A report's period in the interface's words and digits: «پاییز ۱۴۰۵», "Mehr 1405", «سال ۱۴۰۵»."""
    if kind == "month":
        return f"{month_name(number)} {digits(year)}"
    if kind == "season":
        return f"{season_text(number)} {digits(year)}"
    return QCoreApplication.translate("Reports", "سال {y}").replace("{y}", digits(year))


def weekday_name(d: date) -> str:
    """The day of the week in the interface's language: «یکشنبه», or "Sunday"."""
    n = (d.weekday() + 2) % 7  # Saturday first, as the Jalali week
    return persian.WEEKDAYS_FA[n] if QLocale().language() == QLocale.Language.Persian else WEEKDAYS_EN[n]


def long_date(d: date) -> str:
    """A day in full on the Jalali calendar: «یکشنبه ۱۵ آذر ۱۴۰۵», or "Sunday 15 Azar 1405" in
    the English interface."""
    if QLocale().language() == QLocale.Language.Persian:
        return persian.format_jalali_long(d)
    j = jdatetime.date.fromgregorian(date=d)
    return f"{WEEKDAYS_EN[(d.weekday() + 2) % 7]} {j.day} {JALALI_MONTHS_EN[j.month - 1]} {j.year}"


def reads_like_the_interface(edit: QPlainTextEdit) -> QPlainTextEdit:
    """A text box whose lines stand on the interface's reading side: a QPlainTextEdit does not
    take a paragraph's direction from its text (as a label does) and laid Persian lines flush left
    in the right-to-left interface (seen with PySide6 6.12); the English one is left as it is."""
    if not right_to_left():
        return edit
    option = edit.document().defaultTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)  # (alone it left the lines where they were)
    option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    edit.document().setDefaultTextOption(option)
    return edit


#: The Arabic-Indic digits (٠١٢٣…, what an Arabic or an old Persian Windows keyboard types) → the
#: Persian ones (۰۱۲۳…): the same numbers, as Persian text writes them.
_ARABIC_TO_PERSIAN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹")


class PersianDigits(QValidator):
    """Arabic-Indic digits typed or pasted into a box become Persian digits as they arrive.

    The bidi algorithm takes Arabic-Indic digits for an "Arabic number": a code typed with them
    («٠٠١٣-٠١٢٤-٠٨٨٩», «١٣-D02-١٤٠٤») was drawn in a search box with its groups backwards, the
    hyphens splitting it into right-to-left pieces, and the box stood it on the right. Persian
    digits are "European numbers" to it: the groups stay in the order typed, as Latin digits do.
    The search reads all three kinds of digits alike (`persian.normalize`); nothing else changes."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        return QValidator.State.Acceptable, text.translate(_ARABIC_TO_PERSIAN_DIGITS), pos


def digits_in_order(edit: QLineEdit) -> QLineEdit:
    """A search (or scan) box whose codes keep the order they were typed in (`PersianDigits`)."""
    edit.setValidator(PersianDigits(edit))
    return edit


class LtrLineEdit(QLineEdit):
    """A left-to-right island for codes, user names, barcodes, phone numbers and passwords.

    Inside a right-to-left form a Latin code typed into an RTL line edit jumps around as the
    bidi algorithm reorders it; a code is read left to right, so the field is forced LTR.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def dropped_files(mime: QMimeData) -> list[Path]:
    """The local files among what is dragged (folders and web addresses left out)."""
    if not mime.hasUrls():
        return []
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    return [p for p in paths if p.is_file()]


class _TakesFiles:
    """Drag-and-drop handling of a widget that takes files from the file manager (mixed in before
    the widget's class; the class declares its `dropped` signal): a drag is taken when it carries
    local files, and a drop emits them."""

    dropped: Any

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        self._take(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        self._take(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        if files := self._take(event):
            self.dropped.emit(files)

    @staticmethod
    def _take(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> list[Path]:
        files = dropped_files(event.mimeData())
        if files:
            event.acceptProposedAction()
        else:
            event.ignore()
        return files


class FileDropList(_TakesFiles, QListWidget):
    """A list that takes files dropped on it from the file manager (scans from a folder).

    Signals:
        dropped(list): the local files dropped (`Path`s); a drop with none is refused.
    """

    dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)


class FileDropLabel(_TakesFiles, QLabel):
    """A picture that takes a file dropped on it (a member's photo from a folder).

    Signals:
        dropped(list): the local files dropped (`Path`s).
    """

    dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)


class JalaliDateEdit(QDateEdit):
    """A date input on Qt's Jalali calendar that reads like `persian.format_jalali_date`.

    `format_jalali_date` gives "۱۴۰۳/۰۵/۱۲": one run of digits that the bidi algorithm lays out
    left to right, the year on the left, in labels, tables and printed letters alike. A QDateEdit
    under a right-to-left layout reverses its sections instead (it showed ۱۲/۰۵/۱۴۰۳, the day on
    the left), so the same day would look different in the field and on paper. The date is a
    numeric island: the field is laid out left to right with "yyyy/MM/dd", and the clerk types
    year, month, day in the order they are written on every Iranian form.

    Typed as written, with separators ("1403/12/29", "1403/5/12", "1404-01-14"): Qt moves on to
    the next section by itself once one is full (the year's four digits, a month of 2 to 9), and
    the separator typed after it then skipped a second section (1403/12/29 became 1403/01/12).
    A separator that follows such a move is taken as said already; "-", "." and "٫" go as "/".

    A day its month does not have (1404/12/30: 1404 is no leap year; 1404/07/31), or a year or
    month that leaves the day typed without one, is refused as `parse_jalali_date` refuses it: Qt
    dropped the digit without a word (1404/12/30 became 1404/12/03, 1404/07/31 became 1404/07/30,
    and 1404 typed over 1403/12/30 left 1403). `refused` carries the sentence (a `Form` shows it
    under the field; elsewhere the field is framed in red, the sentence its tooltip), and "" once a
    key gives the field a good date again.
    """

    #: what a clerk types between year, month and day
    SEPARATORS = frozenset("/-.\\\u066b\u060c")
    #: The last Jalali year the field takes. Qt's Jalali calendar and the program's (jdatetime: every
    #: stored, printed and listed date) put the leap years 1436/1437 and 1469/1470 the other way
    #: round: a day of those years read one day off in the field (1437/01/01 showed as 1437/01/02,
    #: and a day typed there was saved as the day before); a later year is refused at the field.
    LAST_YEAR = 1435
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None, value: date | None = None) -> None:
        super().__init__(parent)
        # the section Qt moved to by itself after a digit filled the one before (nothing typed in it yet)
        self._moved_to: QDateEdit.Section | None = None
        # the digits typed into the section the cursor is in, and the refusal shown ("" when none)
        self._typed: tuple[QDateEdit.Section | None, str] = (None, "")
        self.refusal = ""
        self.setCalendar(QCalendar(QCalendar.System.Jalali))
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setDisplayFormat("yyyy/MM/dd")
        last = persian.jalali_year_bounds(self.LAST_YEAR)[1]
        self.setMaximumDate(QDate(last.year, last.month, last.day))  # (the pop-up goes no further)
        self.setCalendarPopup(True)
        self.setMaximumWidth(220)
        self._iranian_week()
        if QLocale().language() == QLocale.Language.Persian:
            self.setLocale(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
        self.set_value(value or today())
        self.dateChanged.connect(lambda _d: self._refuse(""))

    def _refuse(self, message: str) -> None:
        if message == self.refusal:
            return
        self.refusal = message
        self.setToolTip(message)
        self.setStyleSheet("QDateEdit { border: 1px solid #c62828; }" if message else "")
        self.refused.emit(message)

    def _day_missing(self, digit: str) -> str:
        """The refusal of the date `digit` typed into the current section would make, when it makes
        a day its month does not have; "" when it does not (Qt then takes the digit as it does)."""
        section = self.currentSection()
        sections = (QDateEdit.Section.YearSection, QDateEdit.Section.MonthSection, QDateEdit.Section.DaySection)
        if section not in sections:
            return ""
        was, typed = self._typed
        typed = (typed if was == section else "") + digit
        width = 4 if section == QDateEdit.Section.YearSection else 2
        if len(typed) > width:
            typed = digit
        self._typed = (section, typed)
        parts = self.calendar().partsFromDate(self.date())
        year, month, day = parts.year, parts.month, parts.day
        value = int(typed)
        if section == QDateEdit.Section.YearSection:
            if len(typed) < 4:
                return ""
            if value > self.LAST_YEAR:
                return self.tr("تاریخ‌های پس از سال {last} را این برنامه نمی‌پذیرد: کبیسه‌های سال‌های پس از آن "
                               "در تقویم‌ها یکی نیست.").format(last=digits(self.LAST_YEAR))
            year = value
        elif section == QDateEdit.Section.MonthSection:
            if not 1 <= value <= 12 or (len(typed) < 2 and value < 2):
                return ""  # not a whole month yet (a 1 may be 10-12), or Qt's to refuse
            month = value
        else:
            if value < 1:
                return ""
            day = value
        if day <= self.calendar().daysInMonth(month, year):
            return ""
        try:
            persian.parse_jalali_date(f"{year}/{month}/{day}")
        except InputError as err:
            return error_text(err)
        return ""

    def _iranian_week(self) -> None:
        """The pop-up calendar: the week starts on Saturday and only Friday is the weekend
        (Qt colours Saturday and Sunday red by default)."""
        popup = self.calendarWidget()
        popup.setLayoutDirection(QApplication.layoutDirection())
        popup.setFirstDayOfWeek(Qt.DayOfWeek.Saturday)
        plain = QTextCharFormat()
        plain.setForeground(popup.palette().color(QPalette.ColorRole.Text))
        weekend = QTextCharFormat()
        weekend.setForeground(QColor("#c62828"))
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            popup.setWeekdayTextFormat(day, plain)
        popup.setWeekdayTextFormat(Qt.DayOfWeek.Friday, weekend)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        text = event.text()
        if text and text in self.SEPARATORS:
            if self._moved_to is not None and self._moved_to == self.currentSection():
                self._moved_to = None  # the move was the separator's
                event.accept()
                return
            if text != "/":
                event = QKeyEvent(event.type(), Qt.Key.Key_Slash, event.modifiers(), "/")
        digit = persian.to_ascii_digits(text) if text else ""
        if len(digit) == 1 and digit.isdigit():
            refusal = self._day_missing(digit)
            if refusal:  # said at the field; the section is selected for the digits typed again
                self._typed = (None, "")
                self.setSelectedSection(self.currentSection())
                self._refuse(refusal)
                event.accept()
                return
        else:
            self._typed = (None, "")
        before = self.currentSection()
        super().keyPressEvent(event)
        after = self.currentSection()
        self._moved_to = after if text and text.isdigit() and after != before else None
        if len(digit) == 1 and digit.isdigit():  # typed again: the refusal goes, even if the day stays
            self._refuse("")

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        self._moved_to = None
        self._typed = (None, "")
        super().focusInEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._moved_to = None
        self._typed = (None, "")
        super().mousePressEvent(event)

    def value(self) -> date:
        value = self.date().toPython()
        assert isinstance(value, date)
        return value

    def set_value(self, value: date) -> None:
        self.setDate(QDate(value.year, value.month, value.day))


class Form(QWidget):
    """A labelled form whose fields show a service error under themselves, in red, in Persian.

    Fields are registered by the name services use in `ServiceError.field` ("username",
    "password", "office_code", ...). `show_error(err)` puts the message under that field (or in
    the general line at the bottom when the field is not on this form), focuses the field, and
    keeps everything typed: nothing is cleared, so the person fixes one thing and tries again.
    A refusal of several fields at once (`FieldErrors`: an empty form) is shown at every one of
    them, the cursor in the first of them on the form.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self.form)
        box.addWidget(self.general_error)
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        #: the refusal a date field said of itself, shown under it (`_date_refused`)
        self._dates_said: dict[str, str] = {}

    def add_field(self, name: str, label: str, widget: QWidget, aliases: Sequence[str] = ()) -> QWidget:
        """Add a row: `label`, then `widget` with its (hidden) error line below it."""
        holder = QWidget()
        col = QVBoxLayout(holder)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        if widget.maximumWidth() < 16777215:  # a narrow field (a date) stands at the reading start
            # Absolute side: an LTR island (the date) would otherwise mirror "leading" by its own
            # direction and stand on the far left of a right-to-left form.
            side = Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft
            col.addWidget(widget, 0, side | Qt.AlignmentFlag.AlignAbsolute)
        else:
            col.addWidget(widget)
        err = QLabel()
        err.setObjectName(f"error_{name}")
        err.setStyleSheet(ERROR_STYLE)
        err.setWordWrap(True)
        err.hide()
        col.addWidget(err)
        self.form.addRow(label, holder)
        # A screen reader names a field by its label: Qt finds a label only beside the field (this
        # one stands beside the holder), so the field read as a bare "edit". It gets the label's
        # words as its name, and the label points at it (a click on the label puts the cursor there).
        shown = self.form.labelForField(holder)
        if isinstance(shown, QLabel):
            shown.setBuddy(widget)
        if isinstance(widget, JalaliDateEdit):  # a day its month does not have, typed: said under it
            widget.refused.connect(lambda text, key=name: self._date_refused(key, text))
        if isinstance(widget, QComboBox) and not widget.isEditable() and label.strip():
            label_a_choice(widget, label)  # (read by its label too, not by its choice alone)
        elif not widget.accessibleName():
            widget.setAccessibleName(label.strip().rstrip(":").strip())
        for key in (name, *aliases):
            self._fields[key] = (widget, err)
        return widget

    def field(self, name: str) -> QWidget:
        return self._fields[name][0]

    def _date_refused(self, name: str, text: str) -> None:
        """A date field's own refusal (`JalaliDateEdit.refused`) under it; gone when it is put right
        (an error a service gave the field stays until the form is sent again)."""
        widget, label = self._fields[name]
        said = self._dates_said.pop(name, "")
        if text:
            self.set_error(name, text)
            self._dates_said[name] = text
        elif said and not label.isHidden() and label.text() == said:
            label.clear()
            label.hide()
            describe(widget, "")

    def dates_refused(self) -> bool:
        """Whether a date field still holds a refusal of its own (`JalaliDateEdit.refused`): it
        shows the date before the refused digit (1404/12/03 for a typed 1404/12/30), not what was
        meant, so a save must not take it. The refusal is said again and the field has the focus."""
        for name, text in self._dates_said.items():
            if text and self._fields[name][0].isEnabled():  # (a date switched off is not saved)
                self.set_error(name, text)
                return True
        return False

    def error_label(self, name: str) -> QLabel:
        return self._fields[name][1]

    def error_of(self, name: str) -> str:
        """The message shown under a field ("" when none): what a test or a screen reader reads."""
        label = self._fields[name][1]
        return label.text() if not label.isHidden() else ""

    def clear_errors(self) -> None:
        for widget, label in self._fields.values():
            label.clear()
            label.hide()
            describe(widget, "")
        self.general_error.clear()
        self.general_error.hide()

    def set_error(self, field: str | None, text: str) -> None:
        """Show `text` at `field` (or in the general line), focus the field; any other error goes."""
        self.set_errors([(field, text)])

    def set_errors(self, errors: Sequence[tuple[str | None, str]]) -> None:
        """Show each (field, text) at its field (those of no field of this form in the general
        line, one a line) in place of the errors shown before, and focus the first field of the
        form that is wrong."""
        self.clear_errors()
        order = list(self._fields)
        general: list[str] = []
        first: str | None = None
        for field, text in errors:
            if field in self._fields:
                label = self._fields[field][1]
                label.setText(f"{label.text()}\n{text}" if label.text() else text)
                label.show()
                describe(self._fields[field][0], label.text())  # read out with the field
                if first is None or order.index(field) < order.index(first):
                    first = field
            elif text not in general:
                general.append(text)
        if general:
            self.general_error.setText("\n".join(general))
            self.general_error.show()
        if first is not None:
            widget = self._fields[first][0]
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def show_error(self, err: BaseException) -> None:
        """A service's refusal at its field, or at each of its fields (`FieldErrors`)."""
        errors = err.errors if isinstance(err, FieldErrors) else (err,)
        self.set_errors([(error_field(e), error_text(e)) for e in errors])


class LazyTableModel(QAbstractTableModel):
    """A table that fetches rows a page at a time, so a million rows scroll like a hundred.

    Give it `fetch(offset, limit) -> list[row]` and `count() -> int`; subclasses override
    `display(row, column)` (and `align(column)`) to turn a row into text. The view asks
    `canFetchMore`/`fetchMore` as the person scrolls; `reload()` starts again from the top
    (after a change announced on the bus).
    """

    def __init__(self, headers: Sequence[str], fetch: Callable[[int, int], list[Any]],
                 count: Callable[[], int], page_size: int = 200) -> None:
        super().__init__()
        self.headers = list(headers)
        self._fetch = fetch
        self._count = count
        self.page_size = page_size
        self._rows: list[Any] = []
        #: a row's cells made once (`row_cells`): a view fitting its columns asks each cell of
        #: each row, and a model making the whole row for one cell did the work ten times over
        self._cells_made: dict[int, tuple[Any, Sequence[Any]]] = {}
        self._total = count()

    # -- what subclasses customise --------------------------------------------------------------

    def display(self, row: Any, column: int) -> str:
        value = row[column]
        if isinstance(value, datetime):
            return persian.format_jalali_datetime(value)
        if isinstance(value, date):
            return persian.format_jalali_date(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return digits(value)
        return "" if value is None else str(value)

    def align(self, column: int) -> Qt.AlignmentFlag | None:
        return None

    # -- Qt model API ---------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):  # a cut cell is read whole on hover
            return text_digits(self.display(self._rows[index.row()], index.column()))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            flag = self.align(index.column())
            return None if flag is None else int(flag | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if section < len(self.headers) else None
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return digits(section + 1)
        return None

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        batch = self._fetch(len(self._rows), self.page_size)
        if not batch:
            self._total = len(self._rows)  # the table shrank under us; stop asking
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
        self._rows.extend(batch)
        self.endInsertRows()

    # -- helpers --------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    def row_at(self, i: int) -> Any:
        return self._rows[i]

    def row_cells(self, row: Any, make: Callable[[Any], Sequence[Any]]) -> Sequence[Any]:
        """`make(row)`, made once for each row loaded (until `reload`)."""
        entry = self._cells_made.get(id(row))
        if entry is None or entry[0] is not row:  # (the row is kept with its cells: its id stays its own)
            entry = self._cells_made[id(row)] = (row, make(row))
        return entry[1]

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._cells_made = {}
        self._total = self._count()
        self.endResetModel()
        if self.canFetchMore():
            self.fetchMore()


def select_row(view: QAbstractItemView, row: int) -> None:
    """Select a whole row. QTableView.selectRow selects nothing under a right-to-left layout
    (seen with PySide6 6.12, offscreen), so the selection model is told directly."""
    model = view.model()
    flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
             | QItemSelectionModel.SelectionFlag.Rows)
    index = model.index(row, 0)
    view.selectionModel().select(index, flags)
    view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)


def list_fetcher(items: Callable[[], Sequence[Any]]) -> tuple[Callable[[int, int], list[Any]], Callable[[], int]]:
    """fetch/count over a small list a service returns whole (users, holidays): pages of a list."""
    cache: dict[str, Sequence[Any]] = {}

    def count() -> int:
        cache["rows"] = items()
        return len(cache["rows"])

    def fetch(offset: int, limit: int) -> list[Any]:
        rows = cache.get("rows")
        if rows is None:
            rows = cache["rows"] = items()
        return list(rows[offset:offset + limit])

    return fetch, count


class ReadWhenShown(QObject):
    """A page's list read again after what other desks did: at once when a sync round brings it
    while the page is shown, and when the page is shown next for any change made while it was put
    away (a loan on the circulation desk, for the catalogue). The page's own saves already show
    their result, so a change of its own area while it is shown reads nothing. `areas`: the bus's
    areas the page follows; `reload`: the page's own reading again (its form is left as typed)."""

    def __init__(self, page: QWidget, bus: Any, areas: Sequence[str], reload: Callable[[], None]) -> None:
        super().__init__(page)
        self.page, self.areas, self._reload = page, tuple(areas), reload
        #: changed while put away: read when shown
        self.stale = False
        page.installEventFilter(self)
        bus.changed.connect(self._changed)

    def _changed(self, area: str) -> None:
        if area not in self.areas:
            return
        if area == "sync" and self.page.isVisible():
            self.reload()
        elif not self.page.isVisible():
            self.stale = True

    def reload(self) -> None:
        self.stale = False
        self._reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.page and event.type() == QEvent.Type.Show and self.stale:
            self.reload()
        return False


class Today(QObject):
    """A page's today (the office's, `today`), read when an action runs (a page is built once and
    may stay open overnight: a day kept from its building dated the next day's cases wrong), and
    announced when it turns, checked every minute, so the page moves the dates it shows.

    Signals:
        changed(object): the new day (a `date`), once it differs from the last one seen.
    """

    changed = Signal(object)

    def __init__(self, parent: QObject | None = None, clock: Callable[[], date] = today,
                 every_ms: int = 60_000) -> None:
        super().__init__(parent)
        self.clock = clock
        self.day = clock()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(every_ms)

    def __call__(self) -> date:
        return self.clock()

    def check(self) -> None:
        """Announce the day if it turned since the last look."""
        day = self.clock()
        if day != self.day:
            self.day = day
            self.changed.emit(day)

    def pin(self, day: date) -> None:
        """From now on the day is `day` (tests; a day that moves is announced as it would be)."""
        self.clock = lambda: day
        self.check()
