"""Overdue list: most overdue first, with member's and guardian's phones; lazy, so 50k rows open at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from ...errors import QT_TRANSLATE_NOOP
from ...services import library as lib
from ...services import library_reports as rep
from ...services.accounts import get_office
from ..context import UiContext
from ..fitting import FlowLayout, together
from ..printing import print_dialog
from ..saving import save_to
from ..widgets import LazyTableModel, Today, digits, right_to_left, text_digits, today
from .common import jdate, table_view, tr_dynamic
from .printouts import overdue_notices_html

HEADERS = (QT_TRANSLATE_NOOP("Library", "روز دیرکرد"), QT_TRANSLATE_NOOP("Library", "عضو"), QT_TRANSLATE_NOOP("Library", "شماره عضویت"), QT_TRANSLATE_NOOP("Library", "تلفن"), QT_TRANSLATE_NOOP("Library", "ولی"), QT_TRANSLATE_NOOP("Library", "تلفن ولی"), QT_TRANSLATE_NOOP("Library", "عنوان"), QT_TRANSLATE_NOOP("Library", "بارکد"), QT_TRANSLATE_NOOP("Library", "مهلت بازگشت"), QT_TRANSLATE_NOOP("Library", "مرکز"), QT_TRANSLATE_NOOP("Library", "آخرین یادآوری"))
#: What became of a reminder's SMS, as the server last said (after a sync round).
REMINDER_FA = {"queued": QT_TRANSLATE_NOOP("Library", "در صف پیامک"), "pending": QT_TRANSLATE_NOOP("Library", "در صف پیامک"),
               "sending": QT_TRANSLATE_NOOP("Library", "در صف پیامک"), "sent": QT_TRANSLATE_NOOP("Library", "پیامک فرستاده شد"),
               "failed": QT_TRANSLATE_NOOP("Library", "پیامک نرسید؛ تلفن بزنید"),
               "withdrawn": QT_TRANSLATE_NOOP("Library", "پیامک فرستاده نشد"),
               # (the text named the child: neither sent nor kept once the details were removed)
               "erased": QT_TRANSLATE_NOOP("Library", "پیامک فرستاده نشد؛ مشخصات عضو حذف شده است")}


def reminder_text(r: rep.OverdueRow) -> str:
    if r.notice_on is None:
        return ""
    return f"{jdate(r.notice_on)} — {tr_dynamic(REMINDER_FA.get(r.notice_status, r.notice_status))}"


class OverdueModel(LazyTableModel):
    """Pages of `library_reports.overdue_page`; the count is one indexed query."""

    def __init__(self, ctx: UiContext, centre: str | None = None) -> None:
        self.ctx = ctx
        self.centre = centre
        #: the day the days late count to, the notices are dated and queued on: the page sets it
        #: each time it reads the list (`OverduePage.reload`)
        self.day = today()
        self.centre_names = dict(lib.list_centres(ctx.store))
        super().__init__([tr_dynamic(h) for h in HEADERS],
                         lambda offset, limit: rep.overdue_page(ctx.store, ctx.actor, today=self.day, centre=self.centre,
                                                                offset=offset, limit=limit),
                         lambda: rep.overdue_count(ctx.store, today=self.day, centre=self.centre), page_size=100)

    def cells(self, r: rep.OverdueRow) -> list[Any]:
        return [digits(r.days), text_digits(r.member_name), digits(r.member_no), digits(r.phone),
                text_digits(r.guardian_name), digits(r.guardian_phone), text_digits(r.title), r.barcode, jdate(r.due_on),
                text_digits(self.centre_names.get(r.centre, r.centre)), reminder_text(r)]

    def display(self, row: Any, column: int) -> str:
        return str(self.row_cells(row, self.cells)[column])

    def align(self, column: int) -> Qt.AlignmentFlag | None:
        return Qt.AlignmentFlag.AlignCenter if column in (0, 8) else None


class OverduePage(QWidget):
    """The list, a centre filter, and the Excel export of every row (notices are made from it)."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("overdue-page")
        self.centre = QComboBox()
        self.centre.setObjectName("overdue-centre")
        self.centre.addItem(QCoreApplication.translate("Library", "همه مراکز"), "")
        for code, name in lib.list_centres(ctx.store):
            self.centre.addItem(text_digits(name), code)
        self.centre.currentIndexChanged.connect(self.reload)
        self.count = QLabel()
        self.count.setObjectName("overdue-count")
        self.export_button = QPushButton(QCoreApplication.translate("Library", "خروجی اکسل"))
        self.export_button.clicked.connect(self.export_dialog)
        self.notice_button = QPushButton(QCoreApplication.translate("Library", "صف پیامک یادآوری"))
        self.notice_button.setObjectName("queue-notices")
        self.notice_button.setToolTip(QCoreApplication.translate("Library", "برای هر عضو دیرکرددار، هفته‌ای یک پیامک که کتاب‌های دیرکردش را نام می‌برد "
                                         "به تلفن ولی یا عضو در صف می‌رود؛ سرور هنگام همگام‌سازی آن را می‌فرستد."))
        self.notice_button.clicked.connect(self.queue_notices)
        self.print_button = QPushButton(QCoreApplication.translate("Library", "چاپ برگه‌های یادآوری"))
        self.print_button.setObjectName("print-notices")
        self.print_button.clicked.connect(lambda: print_dialog(self, self.notices_html()))
        # what does not fit the width goes on to a second line: at 150 % (a 1366x768 laptop has
        # 911 px) the row asked more than the page's room and «خروجی اکسل» stood past its edge
        top = FlowLayout()
        top.addWidget(together(QLabel(QCoreApplication.translate("Library", "مرکز:")), self.centre))
        top.addWidget(self.count)
        top.addWidget(self.notice_button)
        top.addWidget(self.print_button)
        top.addWidget(self.export_button)
        self.table = table_view("overdue-table", stretch=6)
        #: the office's day, read as the list is read; a page left open past midnight reads the list
        #: again on the new day (it counted days late to the day it was built)
        self.today = Today(self)
        self.today.changed.connect(lambda _day: self.reload())
        self.model = OverdueModel(ctx)
        self.table.setModel(self.model)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.table)
        ctx.bus.changed.connect(lambda area: self.reload() if area == "library" else None)
        self.reload()

    def reload(self) -> None:
        self.model.day = self.today()
        self.model.centre = self.centre.currentData() or None
        self.model.reload()
        self.count.setText(QCoreApplication.translate("Library", "{n} امانت دیرکرد دارد.").format(n=digits(self.model.total)))

    def all_rows(self, page_size: int = 5000) -> list[rep.OverdueRow]:
        """Every loan of the list (its day and centre), read `page_size` at a time."""
        rows: list[rep.OverdueRow] = []
        while page := rep.overdue_page(self.ctx.store, self.ctx.actor, today=self.model.day, centre=self.model.centre,
                                       offset=len(rows), limit=page_size):
            rows += page
        return rows

    def notices_html(self, page_size: int = 5000) -> str:
        """The printed overdue notices of the whole list (not only its first page: a member past it got
        no notice, one at its edge a notice short of books): one a member, their late books listed,
        dated the day the list was read, with the centre's phone (`printouts.overdue_notices_html`)."""
        rows = self.all_rows(page_size)
        offices = (get_office(self.ctx.store, code) for code in {r.centre for r in rows})
        phones = {o.code: o.phone for o in offices if o is not None and o.phone}
        return overdue_notices_html(rows, self.model.centre_names, on=self.model.day, phones=phones)

    def queue_notices(self) -> None:
        def done(n: int) -> None:
            self.ctx.bus.changed.emit("library")
            self.count.setText(QCoreApplication.translate("Library", "{n} پیامک یادآوری در صف ارسال گذاشته شد.").format(n=digits(n)))

        self.ctx.tasks.run(lambda: rep.queue_overdue_notices(self.ctx.store, self.ctx.actor, today=self.model.day,
                                                             centre=self.model.centre), on_done=done)

    def export(self, path: Path) -> int:
        rows: list[list[object]] = [
            [r.days, r.member_name, r.member_no, r.phone, r.guardian_name, r.guardian_phone, r.title,
             r.barcode, jdate(r.due_on), self.model.centre_names.get(r.centre, r.centre), reminder_text(r)]
            for r in self.all_rows()]
        rep.export_xlsx(path, [tr_dynamic(h) for h in HEADERS], rows, title=QCoreApplication.translate("Library", "دیرکرد"),
                        right_to_left=right_to_left())
        return len(rows)

    def export_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("Library", "خروجی اکسل"), "overdue.xlsx", "Excel (*.xlsx)")
        if name:
            save_to(self, Path(name), self.export)
