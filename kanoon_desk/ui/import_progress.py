"""A file's import off the GUI thread, as the lending desk's and the agency directory's do it: the
progress window while the file is read and checked (`ImportProgress`), and the preview dialog that
writes the rows with its bar, its «توقف» and no closing mid-write without asking (`WritingDialog`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressBar, QProgressDialog, QPushButton, QWidget

from ..services.sheets import Progress
from .accessible import NamedDialog
from .context import UiContext
from .errors import error_text
from .tasks import Progressing
from .widgets import ERROR_STYLE, number_text

__all__ = ["ImportProgress", "WritingDialog", "progress_text"]


def progress_text(label: str, done: int, total: int) -> str:
    """«{label}» and, once the rows in all are known, «ردیف n از m» under it."""
    if not total:
        return label
    return QCoreApplication.translate("Library", "{what}\nردیف {n} از {all}").format(
        what=label, n=number_text(done), all=number_text(total))


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


class WritingDialog(NamedDialog):
    """A preview dialog that writes its rows off the GUI thread (the window is drawn and answers
    meanwhile): its bar moves as the job tells it, its cancel button reads «توقف» and stops the job
    (the service rolls back: nothing written, the preview kept to try again), and the window is not
    closed while it writes (✕, Esc) unless the person says to stop: it closes once stopped.

    A subclass builds `summary`, `ok`, `cancel` and `bar` (`writing_parts`), starts the job with
    `write`, and says the end in `written` (then accepted) or `not_written`.

    Signals:
        finished_writing(object): what the job returned, or the error that stopped it (the
            service's `ImportCancelled` when stopped); emitted on the GUI thread.
    """

    finished_writing = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def writing_parts(self, summary: QLabel, ok: QPushButton, cancel: QPushButton) -> QProgressBar:
        """Take the dialog's summary line and buttons; returns the bar to lay out (hidden till used)."""
        self.summary, self.ok, self.cancel = summary, ok, cancel
        #: the job writing (None when none is): its progress, and its «توقف»
        self.writing: Progressing | None = None
        #: the person asked to close the window while it wrote: closed once stopped
        self.close_when_stopped = False
        self._cancel_text = cancel.text()
        cancel.clicked.connect(self.cancel_clicked)
        self.bar = QProgressBar()
        self.bar.setObjectName("import-bar")
        self.bar.setTextVisible(False)  # «ردیف n از m» is said in the summary, in the interface's digits
        self.bar.hide()
        return self.bar

    def write(self, job: Callable[[Progress], Any], label: str) -> None:
        """Run `job(progress)` on the task runner, its progress on the bar and under `label`."""
        if self.writing is not None:
            return
        task = self.writing = Progressing(self)
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
        self.ctx.tasks.run(lambda: job(task.tell), on_done=self._done, on_error=self._failed)

    def _ended(self) -> None:
        self.writing = None
        self.bar.hide()
        self.cancel.setText(self._cancel_text)
        self.cancel.setEnabled(True)

    def _done(self, result: Any) -> None:
        self._ended()
        self.written(result)
        self.finished_writing.emit(result)
        self.accept()

    def _failed(self, err: BaseException) -> None:
        self._ended()
        if not isinstance(err, Exception):  # not a refusal: the program's own error, raised as such
            raise err
        self.summary.setText(error_text(err))  # shown, never swallowed: why nothing was written
        self.summary.setStyleSheet(ERROR_STYLE)
        self.not_written(err)
        self.finished_writing.emit(err)
        if self.close_when_stopped:
            super().reject()

    def written(self, result: Any) -> None:
        """The job ended well (`result`); the dialog is accepted right after."""

    def not_written(self, err: Exception) -> None:
        """The job wrote nothing (`err`, said in the summary already)."""

    def cancel_clicked(self) -> None:
        """«انصراف»: close; «توقف» while it writes: stop, nothing written, the preview kept."""
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
        """Closed while it writes: asked first; stopped (nothing written), then closed."""
        if self.writing is None:
            super().reject()
            return
        if self.writing.stopping or not self.ask_stop():
            return
        self.close_when_stopped = True
        self._stop()

    def stop_to_close(self) -> None:
        """Stop writing (nothing written) and close once stopped, without asking (the app closes)."""
        if self.writing is None:
            return
        self.close_when_stopped = True
        if not self.writing.stopping:
            self._stop()

    def ask_stop(self) -> bool:
        answer = QMessageBox.question(
            self, QCoreApplication.translate("Library", "درون‌ریزی"),
            QCoreApplication.translate("Library", "ردیف‌ها هنوز درون‌ریزی می‌شوند. درون‌ریزی متوقف شود؟ "
                                                  "هیچ ردیفی درون‌ریزی نمی‌شود."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
