"""«امانت‌های استثنا» (admin): every refusal a librarian overrode — who, where, when, what, why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...errors import QT_TRANSLATE_NOOP
from ...persian import format_jalali_datetime
from ...services import circulation as circ
from ...services import library as lib
from ...services import library_reports as rep
from ..context import UiContext
from ..widgets import LazyTableModel, digits, text_digits
from .common import table_view, tr_dynamic

HEADERS = (QT_TRANSLATE_NOOP("Library", "زمان"), QT_TRANSLATE_NOOP("Library", "کتابدار"),
           QT_TRANSLATE_NOOP("Library", "مرکز"), QT_TRANSLATE_NOOP("Library", "کار"),
           QT_TRANSLATE_NOOP("Library", "مانع"), QT_TRANSLATE_NOOP("Library", "عضو"),
           QT_TRANSLATE_NOOP("Library", "شماره عضویت"), QT_TRANSLATE_NOOP("Library", "کتاب"),
           QT_TRANSLATE_NOOP("Library", "بارکد"), QT_TRANSLATE_NOOP("Library", "دلیل"))
ACTIONS = {"checkout": QT_TRANSLATE_NOOP("Library", "امانت"), "renew": QT_TRANSLATE_NOOP("Library", "تمدید")}


def refusal_text(code: str) -> str:
    return QCoreApplication.translate("Errors", circ.REFUSALS[code]) if code in circ.REFUSALS else code


class OverrideModel(LazyTableModel):
    """Pages of `library_reports.override_page`, newest first."""

    def __init__(self, ctx: UiContext, centre: str | None = None) -> None:
        self.centre = centre
        self.centre_names = dict(lib.list_centres(ctx.store))
        super().__init__([tr_dynamic(h) for h in HEADERS],
                         lambda offset, limit: rep.override_page(ctx.store, centre=self.centre, offset=offset,
                                                                 limit=limit),
                         lambda: rep.override_count(ctx.store, centre=self.centre), page_size=100)

    def cells(self, r: rep.OverrideRow) -> list[str]:
        return [format_jalali_datetime(r.at), r.user_name, self.centre_names.get(r.centre, r.centre),
                tr_dynamic(ACTIONS.get(r.action, r.action)), " ".join(refusal_text(c) for c in r.refusals),
                r.member_name, digits(r.member_no), r.title, r.barcode, r.note]

    def display(self, row: Any, column: int) -> str:
        return str(self.row_cells(row, self.cells)[column])


class OverridesPage(QWidget):
    """The admin's list of overrides, the newest first, with a centre filter."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("overrides-page")
        self.centre = QComboBox()
        self.centre.setObjectName("overrides-centre")
        self.centre.addItem(QCoreApplication.translate("Library", "همه مراکز"), "")
        for code, name in lib.list_centres(ctx.store):
            self.centre.addItem(text_digits(name), code)
        self.centre.currentIndexChanged.connect(self.reload)
        self.count = QLabel()
        self.count.setObjectName("overrides-count")
        top = QHBoxLayout()
        top.addWidget(QLabel(QCoreApplication.translate("Library", "مرکز:")))
        top.addWidget(self.centre)
        top.addWidget(self.count, 1)
        self.table = table_view("overrides-table", stretch=9)
        self.model = OverrideModel(ctx)
        self.table.setModel(self.model)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.table)
        ctx.bus.changed.connect(lambda area: self.reload() if area == "library" else None)
        self.reload()

    def reload(self) -> None:
        self.model.centre = self.centre.currentData() or None
        self.model.reload()
        overridden = self.model.total
        self.count.setText(QCoreApplication.translate("Library", "%Ln مانع نادیده گرفته شده است.", None, overridden))
