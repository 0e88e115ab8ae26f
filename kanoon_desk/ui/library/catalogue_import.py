"""The catalogue's import from CSV/XLSX: the kinds of file, and the preview dialog that lists every
row with its errors and imports only when none is wrong."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt
from PySide6.QtWidgets import QDialogButtonBox, QHeaderView, QLabel, QProgressDialog, QVBoxLayout, QWidget

from ...errors import QT_TRANSLATE_NOOP
from ...services import library_import as imp
from ..accessible import NamedDialog
from ..context import UiContext
from ..errors import error_text, unknown_columns_text
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


class ImportProgress:
    """The progress window of a long import (thousands of rows): «ردیف n از m», drawn while the
    rows are checked or written, and «انصراف», which stops it with nothing written. It shows only
    when the work takes longer than a moment; the service calls it after each row (`imp.Progress`)."""

    #: how often the window is drawn again (ms): each row would cost more than the rows themselves
    EVERY_MS = 50

    def __init__(self, parent: QWidget | None, label: str) -> None:
        self.label = label
        self.dialog = QProgressDialog(label, QCoreApplication.translate("Library", "انصراف"), 0, 0, parent)
        self.dialog.setObjectName("import-progress")
        self.dialog.setWindowTitle(QCoreApplication.translate("Library", "درون‌ریزی"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumWidth(360)
        self.clock = QElapsedTimer()
        self.clock.start()
        self.drawn = -1

    def __call__(self, done: int, total: int) -> bool:
        if done in (0, total) or self.drawn < 0 or self.clock.elapsed() >= self.EVERY_MS:
            self.dialog.setMaximum(total)  # 0 while the file is read: a bar that only says it is busy
            self.dialog.setLabelText(QCoreApplication.translate("Library", "{what}\nردیف {n} از {all}").format(
                what=self.label, n=digits(done), all=digits(total)) if total else self.label)
            self.dialog.setValue(done)
            QCoreApplication.processEvents()  # the window is drawn and «انصراف» read
            self.clock.restart()
            self.drawn = done
        return not self.dialog.wasCanceled()

    def close(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()


class _RowsModel(ListModel):
    """The preview's rows; an error or a note cut to its column's width is whole in its tip."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() in (1, 2):
            return super().data(index, Qt.ItemDataRole.DisplayRole) or None
        return super().data(index, role)


class ImportDialog(NamedDialog):
    """Preview of an import: every row with its Persian error; "import" only when no row is wrong."""

    #: the widest the error and note columns open (px): the file's own cells stay in view beside them
    TEXT_WIDTH = 380

    def __init__(self, ctx: UiContext, preview: imp.ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
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
        self.summary = QLabel(QCoreApplication.translate("Library", "{n} ردیف، {bad} ردیف نادرست.").format(n=digits(len(preview.rows)), bad=digits(bad)))
        if bad:
            self.summary.setStyleSheet(ERROR_STYLE)
        self.notice = QLabel(unknown_columns_text(preview.unknown_columns))
        self.notice.setObjectName("import-unknown-columns")
        self.notice.setWordWrap(True)
        self.notice.setVisible(bool(preview.unknown_columns))
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(QCoreApplication.translate("Library", "درون‌ریزی همه ردیف‌ها"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setEnabled(preview.ok)
        buttons.addButton(QCoreApplication.translate("Library", "انصراف"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.commit)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self.notice)
        box.addWidget(table)
        box.addWidget(buttons)
        self.resize(900, 500)

    def commit(self) -> None:
        self.progress = ImportProgress(self, QCoreApplication.translate("Library", "درون‌ریزی ردیف‌ها…"))
        self.ok.setEnabled(False)
        try:
            n = imp.commit_import(self.ctx.store, self.ctx.actor, self.preview, progress=self.progress)
        except Exception as err:  # shown, never swallowed: the person sees why nothing was imported
            self.summary.setText(error_text(err))
            self.summary.setStyleSheet(ERROR_STYLE)
            self.ok.setEnabled(self.preview.ok)
            return
        finally:
            self.progress.close()
        self.summary.setText(QCoreApplication.translate("Library", "{n} ردیف درون‌ریزی شد.").format(n=digits(n)))
        self.ctx.bus.changed.emit("library")
        self.accept()
