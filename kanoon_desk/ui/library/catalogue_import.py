"""The catalogue's import from CSV/XLSX: the kinds of file, and the preview dialog that lists every
row with its errors and imports only when none is wrong."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox, QHeaderView, QLabel, QVBoxLayout, QWidget

from ...errors import QT_TRANSLATE_NOOP
from ...services import library_import as imp
from ..context import UiContext
from ..errors import unknown_columns_text
from ..import_progress import ImportProgress as ImportProgress
from ..import_progress import WritingDialog
from ..import_progress import progress_text as progress_text
from ..widgets import ERROR_STYLE, digits, text_digits
from .common import ListModel, table_view

IMPORT_KINDS = {"titles": QT_TRANSLATE_NOOP("Library", "عنوان‌ها"), "copies": QT_TRANSLATE_NOOP("Library", "نسخه‌ها"), "members": QT_TRANSLATE_NOOP("Library", "اعضا")}


def note_text(row: imp.ImportRow) -> str:
    """What an import row does besides the plain case (joins a title already in the catalogue)."""
    if not row.note:
        return ""
    return QCoreApplication.translate("Errors", row.note).format(t=text_digits(row.note_title))


def errors_text(preview: imp.ImportPreview, row: imp.ImportRow) -> str:
    """Every error of an import row, each after the column it is about, as the file names it."""
    def said(name: str, message: str) -> str:
        text = QCoreApplication.translate("Errors", message)
        params = row.error_params.get(name)
        return text.format(**{k: text_digits(v) for k, v in params.items()}) if params else text

    return " — ".join(QCoreApplication.translate("Library", "«{c}»: {e}").format(
        c=text_digits(preview.column(name)), e=said(name, message)) for name, message in row.errors)


class _RowsModel(ListModel):
    """The preview's rows; an error or a note cut to its column's width is whole in its tip."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() in (1, 2):
            return super().data(index, Qt.ItemDataRole.DisplayRole) or None
        return super().data(index, role)


class ImportDialog(WritingDialog):
    """Preview of an import: every row with its Persian error; "import" only when no row is wrong.
    The rows are written off the GUI thread, stopped with nothing written (`WritingDialog`)."""

    #: the widest the error and note columns open (px): the file's own cells stay in view beside them
    TEXT_WIDTH = 380

    def __init__(self, ctx: UiContext, preview: imp.ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.preview = preview
        self.setWindowTitle(QCoreApplication.translate("Library", "پیش‌نمایش درون‌ریزی"))
        table = self.table = table_view("import-table")
        # the file's columns as it names and orders them (never the import's own field names)
        fields = [*preview.headings, *sorted({k for r in preview.rows for k in r.values} - set(preview.headings))]
        table.setModel(_RowsModel([QCoreApplication.translate("Library", "ردیف"), QCoreApplication.translate("Library", "خطا"),
                                   QCoreApplication.translate("Library", "یادداشت"),
                                   *[text_digits(preview.column(f)) for f in fields]], lambda: preview.rows,
                                  lambda r: [digits(r.line), errors_text(preview, r), note_text(r),
                                             *[text_digits(r.values.get(f, "")) for f in fields]]))
        table.verticalHeader().hide()  # its 1, 2, 3 beside «ردیف», the sheet's own numbers, misled
        header = table.horizontalHeader()
        for column in (1, 2):  # a row's every error and note at full length pushed the file's cells out of view
            if header.sectionSize(column) > self.TEXT_WIDTH:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, self.TEXT_WIDTH)
        bad = len(preview.errors)
        summary = QLabel(QCoreApplication.translate("Library", "{n} ردیف، {bad} ردیف نادرست.").format(n=digits(len(preview.rows)), bad=digits(bad)))
        summary.setWordWrap(True)
        if bad:
            summary.setStyleSheet(ERROR_STYLE)
        self.notice = QLabel(unknown_columns_text(preview.unknown_columns))
        self.notice.setObjectName("import-unknown-columns")
        self.notice.setWordWrap(True)
        self.notice.setVisible(bool(preview.unknown_columns))
        buttons = QDialogButtonBox()
        ok = buttons.addButton(QCoreApplication.translate("Library", "درون‌ریزی همه ردیف‌ها"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setEnabled(preview.ok)
        ok.clicked.connect(self.commit)
        cancel = buttons.addButton(QCoreApplication.translate("Library", "انصراف"), QDialogButtonBox.ButtonRole.RejectRole)
        bar = self.writing_parts(summary, ok, cancel)
        box = QVBoxLayout(self)
        box.addWidget(summary)
        box.addWidget(self.notice)
        box.addWidget(table)
        box.addWidget(bar)
        box.addWidget(buttons)
        self.resize(900, 500)

    def commit(self) -> None:
        """Write every row off the GUI thread; the end is said here (and the window closed), or why
        nothing was written (stopped, a row found wrong meanwhile)."""
        if not self.preview.ok:
            return
        store, actor, preview = self.ctx.store, self.ctx.actor, self.preview
        self.write(lambda progress: imp.commit_import(store, actor, preview, progress=progress),
                   QCoreApplication.translate("Library", "درون‌ریزی ردیف‌ها…"))

    def written(self, result: Any) -> None:
        self.summary.setText(QCoreApplication.translate("Library", "{n} ردیف درون‌ریزی شد.").format(n=digits(result)))
        self.ctx.bus.changed.emit("library")

    def not_written(self, err: Exception) -> None:
        self.ok.setEnabled(self.preview.ok)
