"""The agency directory's import: a list of agencies from a CSV or XLSX file, every row shown with
what is wrong with it, added only when none is (`secretariat_agencies.preview_agencies`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services import secretariat_agencies as agencies
from ..context import UiContext
from ..errors import unknown_columns_text
from ..import_progress import WritingDialog
from ..widgets import ERROR_STYLE, digits, text_digits

#: the colour of a wrong cell and its error (the colour `ERROR_STYLE` writes errors in)
ERROR_COLOUR = "#b00020"

__all__ = ["AgencyImportDialog"]


class AgencyImportDialog(WritingDialog):
    """The rows of an agency list, each with its error; «افزودن» adds them all when none is wrong,
    off the GUI thread (`WritingDialog`: its bar, «توقف», not closed mid-write without asking).
    `added`: how many were added (0 until then)."""

    #: the columns of a row's error and of its name
    ERROR, NAME = 1, 2
    #: the widest the error and the name columns open (px); a longer one is whole in its tip
    TEXT_WIDTH = 300

    def __init__(self, ctx: UiContext, rows: list[agencies.AgencyRow], parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rows, self.added = rows, 0
        self.setWindowTitle(self.tr("افزودن دستگاه‌ها از پرونده"))
        self.table = QTableWidget(len(rows), 6)
        self.table.setObjectName("agency-import")
        # what is wrong with a row beside its number, before the file's own cells: a long name or
        # address pushed it past the dialog's edge, and «۲ ردیف نادرست» was said with no reason in view
        labels = [self.tr("ردیف"), self.tr("خطا"), self.tr("نام"), self.tr("مهلت (روز کاری)"), self.tr("تلفن"),
                  self.tr("نشانی")]
        self.table.setHorizontalHeaderLabels(labels)
        columns = {"name": self.NAME, "deadline_days": 3, "phone": 4, "address": 5}
        headings = getattr(rows, "headings", {})
        for r, row in enumerate(rows):
            days = (text_digits(row.deadline_text) if row.field == "deadline_days"
                    else digits(row.deadline_days) if row.deadline_days else self.tr("پیش‌فرض"))
            error = QCoreApplication.translate("Errors", row.error) if row.error else ""
            column = columns.get(row.field)
            if error and column is not None:  # which column to fix, as the file names it
                error = self.tr("«{c}»: {e}").format(c=text_digits(headings.get(row.field) or labels[column]), e=error)
            cells = [digits(row.line), error, text_digits(row.name), days,
                     f"\u2066{digits(row.phone)}\u2069" if row.phone else "", text_digits(row.address)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if row.error and c in (column, self.ERROR):
                    item.setForeground(QColor(ERROR_COLOUR))  # the wrong cell, and what is wrong with it
                if c in (self.ERROR, self.NAME, 5) and text:
                    item.setToolTip(text)  # a long one is cut to its column: whole on hover
                self.table.setItem(r, c, item)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for c in (self.ERROR, self.NAME):  # each at most a part of the width: the other cells stay in view
            if max(self.table.sizeHintForColumn(c), header.sectionSizeHint(c)) > self.TEXT_WIDTH:
                header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(c, self.TEXT_WIDTH)
        bad = sum(1 for row in rows if row.error)
        in_file = len(rows)
        wrong = QCoreApplication.translate("AgencyImportDialog", "%Ln ردیف نادرست", None, bad)
        said = QCoreApplication.translate("AgencyImportDialog", "%Ln دستگاه در پرونده، {bad}.", None, in_file)
        if bad:
            said += " " + self.tr("ردیف‌های نادرست را در پرونده درست کنید و دوباره بیاورید؛ هیچ دستگاهی افزوده نمی‌شود.")
        self.summary = QLabel(said.format(bad=wrong))
        unknown = getattr(rows, "unknown_columns", [])
        if unknown:  # columns the list has that no field reads: said, not dropped silently
            self.summary.setText(self.summary.text() + " " + unknown_columns_text(unknown))
        self.summary.setWordWrap(True)
        if bad:
            self.summary.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(QCoreApplication.translate("AgencyImportDialog", "افزودن %Ln دستگاه", None, in_file),
                               QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setEnabled(bool(rows) and not bad)
        ok.clicked.connect(self.commit)
        cancel = buttons.addButton(self.tr("انصراف"), QDialogButtonBox.ButtonRole.RejectRole)
        bar = self.writing_parts(self.summary, ok, cancel)
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self.table, 1)
        box.addWidget(bar)
        box.addWidget(buttons)
        self.resize(760, 420)

    def commit(self) -> None:
        """Add them all off the GUI thread, or say why not (a name another desk's sync brought
        meanwhile, stopped) and stay."""
        if not self.rows or any(r.error for r in self.rows):
            return
        store, actor, rows = self.ctx.store, self.ctx.actor, self.rows
        self.write(lambda progress: agencies.import_agencies(store, actor, rows, progress=progress),
                   self.tr("افزودن دستگاه‌ها…"))

    def written(self, result: Any) -> None:
        self.added = int(result)

    def not_written(self, err: Exception) -> None:
        self.ok.setEnabled(True)
