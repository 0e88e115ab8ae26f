"""Holiday table page: official holidays by Jalali date; the admin adds and removes them each year."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ... import persian
from ...services import accounts
from ..context import UiContext
from ..widgets import (
    ERROR_STYLE,
    NOTICE_STYLE,
    Form,
    JalaliDateEdit,
    LazyTableModel,
    digits,
    list_fetcher,
    text_digits,
    today,
    weekday_name,
)


class HolidaysModel(LazyTableModel):
    """(day, title) rows from the holiday table, oldest first."""

    def __init__(self, ctx: UiContext) -> None:
        fetch, count = list_fetcher(lambda: accounts.list_holidays(ctx.store))
        super().__init__([QCoreApplication.translate("HolidaysModel", "تاریخ"), QCoreApplication.translate("HolidaysModel", "روز هفته"),
                          QCoreApplication.translate("HolidaysModel", "مناسبت")], fetch, count)

    def display(self, row: Any, column: int) -> str:
        day: date = row[0]
        if column == 0:
            return persian.format_jalali_date(day)
        if column == 1:
            return weekday_name(day)
        return str(row[1])


class HolidaysPage(QWidget):
    """The table, a Jalali date field with a title to add a holiday, and a remove button."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("holidays-page")
        self.model = HolidaysModel(ctx)
        self.table = QTableView()
        self.table.setObjectName("holidays-table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.form = Form()
        self.day = JalaliDateEdit(value=today())
        self.day.setObjectName("day")
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("مثلاً عید نوروز"))
        self.form.add_field("day", self.tr("تاریخ"), self.day)
        self.form.add_field("title", self.tr("مناسبت"), self.title)
        self.add_button = QPushButton(self.tr("افزودن تعطیلی"))
        self.add_button.setObjectName("add-holiday")
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("حذف تعطیلی برگزیده"))
        self.remove_button.setObjectName("remove-holiday")
        self.remove_button.clicked.connect(self.remove)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.fixed_note = QLabel(self.tr(
            "تعطیلات ثابت هر سال (۱ تا ۴ و ۱۲ و ۱۳ فروردین، ۱۴ و ۱۵ خرداد، ۲۲ بهمن و ۲۹ اسفند) خودبه‌خود به حساب "
            "می‌آیند؛ تعطیلات قمری هر سال را از تقویم رسمی اینجا وارد کنید."))
        self.fixed_note.setObjectName("fixed-holidays-note")
        self.fixed_note.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("lunar-warning")
        self.warning.setStyleSheet(ERROR_STYLE)
        self.warning.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(self.fixed_note)
        box.addWidget(self.warning)
        box.addWidget(self.form)
        box.addLayout(buttons)
        box.addWidget(self.table, 1)
        box.addWidget(self.message)
        ctx.bus.changed.connect(self._on_changed)
        self.model.reload()
        self.check_lunar()

    def _on_changed(self, area: str) -> None:
        if area in ("accounts", "sync"):  # (a holiday entered at another desk, brought by the sync)
            self.model.reload()
            self.check_lunar()

    def check_lunar(self, day: date | None = None) -> None:
        """Warn when a year's lunar holidays are not in the table: due dates and deadlines would
        fall on them."""
        years = accounts.lunar_holidays_missing(self.ctx.store, day or today())
        self.warning.setText(self.tr("تعطیلات قمری سال {y} هنوز وارد نشده است؛ تا وارد نشود، مهلت‌ها ممکن است روز "
                                     "تعطیل بیفتد.").format(y=self.tr("، ").join(digits(y) for y in years))
                             if years else "")
        self.warning.setVisible(bool(years))

    def ask_replace(self, day_text: str, old: str, new: str) -> bool:
        """Give a day already in the table a new title? Asked first, «No» by default (tests
        replace this method)."""
        answer = QMessageBox.question(
            self, self.tr("جایگزینی مناسبت"),
            self.tr("روز {d} پیش‌تر با مناسبت «{old}» در جدول تعطیلات است. مناسبت آن «{new}» شود؟").format(
                d=day_text, old=text_digits(old), new=text_digits(new)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def add(self) -> None:
        """Add the day (a Friday or a fixed holiday is refused at the day field: off already); a
        day already in the table is given the new title only once the admin says so; a past day is
        added with a word that past periods' working-day figures change."""
        self.form.clear_errors()
        self.message.clear()
        if self.form.dates_refused():
            return
        if not self.title.text().strip():
            self.form.set_error("title", self.tr("مناسبت تعطیلی را بنویسید."))
            return
        store, actor, day, title = self.ctx.store, self.ctx.actor, self.day.value(), self.title.text()
        day_text = text_digits(persian.format_jalali_date(day))
        old = None if accounts.is_day_off_anyway(day) else accounts.holiday_title(store, day)
        if old is not None and persian.normalize(old) == persian.normalize(title):
            self.message.setStyleSheet(NOTICE_STYLE)
            self.message.setText(self.tr("روز {d} با همین مناسبت در جدول هست؛ چیزی تغییر نکرد.").format(d=day_text))
            return
        if old is not None and not self.ask_replace(day_text, old, title):
            self.message.setStyleSheet(NOTICE_STYLE)
            self.message.setText(self.tr("مناسبت روز {d} همان «{old}» ماند.").format(d=day_text, old=text_digits(old)))
            return
        past = day < today()
        # deadlines already given that fall on the day: they stay (the letters and slips said them)
        cases, loans = (0, 0) if past or old is not None else accounts.terms_falling_on(store, day)

        def done(_: object) -> None:
            self.title.clear()
            said = (self.tr("مناسبت روز {d} از «{old}» به «{new}» تغییر کرد.").format(
                        d=day_text, old=text_digits(old), new=text_digits(persian.normalize(title)))
                    if old is not None else self.tr("تعطیلی %1 افزوده شد.").replace("%1", day_text))
            if past and old is None:
                said += " " + self.tr("این روز گذشته است: شمار روزهای کاری در گزارش‌های دوره‌هایی که آن را "
                                      "در بر دارند تغییر می‌کند.")
            if cases or loans:
                said += " " + self.tr("مهلت پاسخ {cases} پرونده نزد دستگاه‌ها و موعد بازگشت {loans} امانت همین روز "
                                      "است و جابه‌جا نمی‌شود: همان است که در نامه‌ها و رسیدهای امانت آمده؛ پاسخ "
                                      "دستگاهی که نخستین روز کاری پس از آن برسد و کتابی که آن روز برگردد دیرکرد "
                                      "ندارد. مهلت‌هایی که از این پس داده شود این روز را کاری "
                                      "نمی‌شمارد.").format(cases=digits(str(cases)), loans=digits(str(loans)))
            self.message.setStyleSheet(NOTICE_STYLE if (past and old is None) or cases or loans else "")
            self.message.setText(said)
            self.ctx.bus.changed.emit("accounts")

        self.ctx.tasks.run(lambda: accounts.set_holiday(store, actor, day, title),
                           on_done=done, on_error=self.form.show_error)

    def remove(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(self.tr("نخست یک تعطیلی را در جدول برگزینید."))
            return
        store, actor = self.ctx.store, self.ctx.actor
        days = [self.model.row_at(r.row())[0] for r in rows]

        def work() -> None:
            for d in days:
                accounts.remove_holiday(store, actor, d)

        def done(_: object) -> None:
            self.message.setStyleSheet("")
            self.message.setText(self.tr("تعطیلی حذف شد."))
            self.ctx.bus.changed.emit("accounts")

        def failed(err: BaseException) -> None:
            self.message.setStyleSheet(ERROR_STYLE)
            self.form.show_error(err)

        self.ctx.tasks.run(work, on_done=done, on_error=failed)
