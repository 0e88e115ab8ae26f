"""The catalogue's import from CSV/XLSX: the kinds of file, and the preview dialog that lists every
row with its errors and imports only when none is wrong."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import QT_TRANSLATE_NOOP
from ...services import library_import as imp
from ..accessible import NamedDialog
from ..context import UiContext
from ..errors import error_text, unknown_columns_text
from ..tasks import Progressing
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


def progress_text(label: str, done: int, total: int) -> str:
    """«{label}» and, once the rows in all are known, «ردیف n از m» under it."""
    if not total:
        return label
    return QCoreApplication.translate("Library", "{what}\nردیف {n} از {all}").format(
        what=label, n=digits(done), all=digits(total))


class ImportProgress:
    """The progress window of a file being read and checked (thousands of rows) off the GUI thread:
    «ردیف n از m» as the job tells it (`tasks.Progressing`), and «انصراف», which stops it (nothing
    is written while a file is checked). It shows only when the work takes longer than a moment."""

    def __init__(self, parent: QWidget | None, label: str, task: Progressing) -> None:
        self.label = label
        self.dialog = QProgressDialog(label, QCoreApplication.translate("Library", "انصراف"), 0, 0, parent)
        self.dialog.setObjectName("import-progress")
        self.dialog.setWindowTitle(QCoreApplication.translate("Library", "درون‌ریزی"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumWidth(360)
        self.dialog.canceled.connect(task.stop)  # «انصراف» or the window's ✕
        self.dialog.rejected.connect(task.stop)  # Esc: hides the window without `canceled`
        task.progress.connect(self.show_progress)

    def show_progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)  # 0 while the file is read: a bar that only says it is busy
        self.dialog.setLabelText(progress_text(self.label, done, total))
        self.dialog.setValue(done)

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
    """Preview of an import: every row with its Persian error; "import" only when no row is wrong.

    The rows are written off the GUI thread (the window is drawn and answers meanwhile), the bar
    under the list moving as they are checked again and written; «توقف» stops the writing with
    nothing written, and the window is not closed while it writes unless the person says to stop.

    Signals:
        finished_writing(object): the rows written (int), or the error that stopped the import
            (an `ImportCancelled` when stopped); emitted on the GUI thread.
    """

    finished_writing = Signal(object)

    #: the widest the error and note columns open (px): the file's own cells stay in view beside them
    TEXT_WIDTH = 380

    def __init__(self, ctx: UiContext, preview: imp.ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview = preview
        #: the import being written (None when none is): its progress, and its «توقف»
        self.writing: Progressing | None = None
        #: the person asked to close the window while the rows were written: closed once stopped
        self.close_when_stopped = False
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
        self.summary.setWordWrap(True)
        if bad:
            self.summary.setStyleSheet(ERROR_STYLE)
        self.notice = QLabel(unknown_columns_text(preview.unknown_columns))
        self.notice.setObjectName("import-unknown-columns")
        self.notice.setWordWrap(True)
        self.notice.setVisible(bool(preview.unknown_columns))
        self.bar = QProgressBar()
        self.bar.setObjectName("import-bar")
        self.bar.setTextVisible(False)  # «ردیف n از m» is said in the summary, in Persian digits
        self.bar.hide()
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(QCoreApplication.translate("Library", "درون‌ریزی همه ردیف‌ها"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setEnabled(preview.ok)
        self.cancel: QPushButton = buttons.addButton(QCoreApplication.translate("Library", "انصراف"),
                                                     QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel.clicked.connect(self.cancel_clicked)
        self.ok.clicked.connect(self.commit)
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self.notice)
        box.addWidget(table)
        box.addWidget(self.bar)
        box.addWidget(buttons)
        self.resize(900, 500)

    def commit(self) -> None:
        """Write every row off the GUI thread; the bar moves, and the end is said here (and the
        window closed) or why nothing was written (stopped, a row found wrong meanwhile)."""
        if self.writing is not None or not self.preview.ok:
            return
        task = self.writing = Progressing(self)
        label = QCoreApplication.translate("Library", "درون‌ریزی ردیف‌ها…")
        self.ok.setEnabled(False)
        self.cancel.setText(QCoreApplication.translate("Library", "توقف"))
        self.summary.setStyleSheet("")
        self.summary.setText(label)
        self.bar.setRange(0, 0)
        self.bar.show()

        def moved(done: int, total: int) -> None:
            if self.writing is task and not task.stopping:
                self.bar.setRange(0, total)
                self.bar.setValue(done)
                self.summary.setText(progress_text(label, done, total))

        task.progress.connect(moved)
        store, actor, preview = self.ctx.store, self.ctx.actor, self.preview
        self.ctx.tasks.run(lambda: imp.commit_import(store, actor, preview, progress=task.tell),
                           on_done=self._written, on_error=self._not_written)

    def _ended(self) -> None:
        self.writing = None
        self.bar.hide()
        self.cancel.setText(QCoreApplication.translate("Library", "انصراف"))
        self.cancel.setEnabled(True)

    def _written(self, n: int) -> None:
        self._ended()
        self.summary.setText(QCoreApplication.translate("Library", "{n} ردیف درون‌ریزی شد.").format(n=digits(n)))
        self.ctx.bus.changed.emit("library")
        self.finished_writing.emit(n)
        self.accept()

    def _not_written(self, err: BaseException) -> None:
        self._ended()
        if not isinstance(err, Exception):  # not a refusal: the program's own error, reported as such
            raise err
        # shown, never swallowed: the person sees why nothing was imported
        self.summary.setText(error_text(err))
        self.summary.setStyleSheet(ERROR_STYLE)
        self.ok.setEnabled(self.preview.ok)
        self.finished_writing.emit(err)
        if self.close_when_stopped:
            super().reject()

    def cancel_clicked(self) -> None:
        """«انصراف»: close; «توقف» while the rows are written: stop, nothing written, the preview kept."""
        if self.writing is None:
            self.reject()
        elif not self.writing.stopping:
            self._stop()

    def _stop(self) -> None:
        assert self.writing is not None
        self.writing.stop()
        self.cancel.setEnabled(False)
        self.summary.setText(QCoreApplication.translate("Library", "درون‌ریزی متوقف می‌شود…"))

    def reject(self) -> None:  # Esc, the window's ✕, «انصراف»
        """Closed while the rows are written: asked first; stopped (nothing written), then closed."""
        if self.writing is None:
            super().reject()
            return
        if self.writing.stopping or not self.ask_stop():
            return
        self.close_when_stopped = True
        self._stop()

    def ask_stop(self) -> bool:
        answer = QMessageBox.question(
            self, QCoreApplication.translate("Library", "درون‌ریزی"),
            QCoreApplication.translate("Library", "ردیف‌ها هنوز درون‌ریزی می‌شوند. درون‌ریزی متوقف شود؟ "
                                                  "هیچ ردیفی درون‌ریزی نمی‌شود."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
