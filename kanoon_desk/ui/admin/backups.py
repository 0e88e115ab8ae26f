"""«پشتیبان و سلامت داده‌ها»: the desk's automatic backups (one a day when the app closes, the last
seven kept), a backup now to a file of the admin's choosing (a USB stick) checked once written, the
store's health check (`kanoon-desk check` from the app), and how to restore."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ... import persian
from ...errors import storage_trouble
from ...services import ops
from ..context import UiContext
from ..errors import error_text, problems_text
from ..widgets import ERROR_STYLE, OK_STYLE, LtrLineEdit, digits

__all__ = ["BackupsPage", "backup_day", "size_text"]

_DAY = re.compile(r"-(\d{4}-\d{2}-\d{2})\.sqlite3$")


def backup_day(path: Path) -> date | None:
    """The day an automatic backup was taken, from its name (`<store>-2026-12-06.sqlite3`)."""
    m = _DAY.search(path.name)
    try:
        return date.fromisoformat(m.group(1)) if m else None
    except ValueError:
        return None


def size_text(n: int) -> str:
    """A file's size in megabytes, one decimal, in the interface's digits ("۱۲٫۴ مگابایت", "12.4 MB")."""
    mb = f"{n / 1_000_000:.1f}"
    shown = digits(mb)
    shown = shown.replace(".", "\u066b") if shown != mb else mb  # (the Persian decimal separator)
    return QCoreApplication.translate("BackupsPage", "{n} مگابایت").format(n=shown)


class BackupsPage(QWidget):
    """The admin's page for the store's safety; every job runs off the GUI thread."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("backups-page")
        path = ctx.store.path
        self.folder = path.parent / "backups"
        store_box = QGroupBox(self.tr("پایگاه داده این میز"))
        self.store_label = QLabel()
        self.store_label.setObjectName("store-file")
        self.store_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_button = QPushButton(self.tr("بررسی سلامت داده‌ها"))
        self.check_button.setObjectName("check")
        self.check_button.setToolTip(self.tr(
            "یکپارچگی پرونده، برابری جدول‌ها با رویدادها و زنجیره ممیزی را روی رونوشتی از داده‌ها می‌سنجد؛ کار میز را نمی‌بندد."))
        self.check_button.clicked.connect(self.run_check)
        self.backup_button = QPushButton(self.tr("پشتیبان‌گیری اکنون…"))
        self.backup_button.setObjectName("backup-now")
        self.backup_button.clicked.connect(self.backup_dialog)
        self.message = QLabel()
        self.message.setObjectName("backups-message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        inner = QVBoxLayout(store_box)
        inner.addWidget(self.store_label)
        inner.addLayout(buttons)
        inner.addWidget(self.message)

        auto_box = QGroupBox(self.tr("پشتیبان‌های خودکار"))
        about = QLabel(self.tr(
            "هر روز، هنگام بستن برنامه، یک پشتیبان در پوشه زیر نوشته می‌شود و هفت پشتیبان آخر نگه داشته می‌شوند."))
        about.setWordWrap(True)
        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("backups")
        self.table.setHorizontalHeaderLabels([self.tr("روز"), self.tr("اندازه"), self.tr("پرونده")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        open_button = QPushButton(self.tr("باز کردن پوشه"))
        open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder))))
        inner = QVBoxLayout(auto_box)
        inner.addWidget(about)
        inner.addWidget(self.folder_label)
        inner.addWidget(self.table, 1)
        inner.addWidget(open_button, 0, Qt.AlignmentFlag.AlignLeading)

        restore_box = QGroupBox(self.tr("بازگرداندن از پشتیبان"))
        steps = QLabel(self.tr(
            "بازگرداندن جای داده‌های این میز را می‌گیرد: کار پس از آن پشتیبان از این میز برداشته می‌شود "
            "(داده‌های کنونی کنار آن نگه داشته می‌شود) و برنامه به صفحه ورود بازمی‌گردد. پشتیبانی که بررسی را "
            "نگذراند بازگردانده نمی‌شود. میزی که با سرور همگام می‌شود پس از بازگرداندن یک بار همگام شود تا "
            "کارهایش بازگردد. بیرون از برنامه، همین کار با فرمان زیر است."))
        steps.setWordWrap(True)
        self.restore_chosen = QPushButton(self.tr("بازگرداندن پشتیبان برگزیده…"))
        self.restore_chosen.setObjectName("restore-chosen")
        self.restore_chosen.clicked.connect(self._restore_selected)
        self.restore_file = QPushButton(self.tr("بازگرداندن از پرونده…"))
        self.restore_file.setObjectName("restore-file")
        self.restore_file.clicked.connect(self._restore_file_dialog)
        for b in (self.restore_chosen, self.restore_file):
            b.setVisible(ctx.restore is not None)
        self.table.itemSelectionChanged.connect(self._restore_state)
        self.command = LtrLineEdit()
        self.command.setText(f'kanoon-desk restore --db "{path}" --from "<backup>" --sync')
        self.command.setObjectName("restore-command")
        self.command.setReadOnly(True)
        row = QHBoxLayout()
        row.addWidget(self.restore_chosen)
        row.addWidget(self.restore_file)
        row.addStretch(1)
        inner = QVBoxLayout(restore_box)
        inner.addWidget(steps)
        inner.addLayout(row)
        inner.addWidget(self.command)

        box = QVBoxLayout(self)
        box.addWidget(store_box)
        box.addWidget(auto_box, 1)
        box.addWidget(restore_box)
        self.refresh()

    def _why(self, exc: BaseException, path: Path) -> str:
        """Why a backup or a check failed, in the interface's language (it showed Python's English
        for a file it could not write): the check's problems, a service's or the store file's own
        sentence, or that `path` could not be written."""
        if isinstance(exc, ops.OpsError):
            return problems_text(exc.problems, self.tr("؛ "))
        if isinstance(exc, OSError) and storage_trouble(exc) is None:
            return self.tr("در {path} نوشته نشد: اجازه نوشتن در آن‌جا نیست یا پرونده در برنامه دیگری باز است.").format(
                path="\u2066" + str(path) + "\u2069")
        return error_text(exc)

    def backups(self) -> list[Path]:
        """The automatic backups of this store, newest first: by the history each holds, as the
        rotation keeps them (`app.backup_recency`), not by the day in the name (a clock that ran
        ahead named old ones the newest)."""
        from ..app import backup_recency

        if not self.folder.is_dir():
            return []
        return sorted(self.folder.glob(f"{self.ctx.store.path.stem}-????-??-??.sqlite3"), key=backup_recency,
                      reverse=True)

    def refresh(self) -> None:
        path = self.ctx.store.path
        size = path.stat().st_size if path.exists() else 0
        self.store_label.setText(self.tr("پرونده: {path} ({size})").format(
            path="\u2066" + str(path) + "\u2069", size=size_text(size)))
        self.folder_label.setText("\u2066" + str(self.folder) + "\u2069")
        found = self.backups()
        self.table.setRowCount(len(found))
        for r, f in enumerate(found):
            day = backup_day(f)
            cells = [persian.format_jalali_date(day) if day else "", size_text(f.stat().st_size), f.name]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if not found:
            self.table.setRowCount(1)
            self.table.setItem(0, 2, QTableWidgetItem(self.tr("هنوز پشتیبانی نوشته نشده است.")))
        self._restore_state()

    def _restore_state(self) -> None:
        self.restore_chosen.setEnabled(self.selected_backup() is not None)

    def selected_backup(self) -> Path | None:
        """The automatic backup selected in the list (None: none is)."""
        rows = {i.row() for i in self.table.selectedIndexes()}
        found = self.backups()
        return found[min(rows)] if rows and min(rows) < len(found) else None

    def _restore_selected(self) -> None:
        chosen = self.selected_backup()
        if chosen is not None:
            self.restore(chosen)

    def _restore_file_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("بازگرداندن از پرونده"), str(self.folder),
                                              self.tr("پایگاه داده (*.sqlite3)"))
        if name:
            self.restore(Path(name))

    def restore(self, backup: Path) -> bool:
        """Ask, then hand the backup to the session's restore (which ends the session); whether it
        was asked for."""
        if self.ctx.restore is None:
            return False
        asked = QMessageBox.question(self, self.tr("بازگرداندن پشتیبان"), self.tr(
            "داده‌های این میز با پشتیبان «{name}» جایگزین شود؟ کار پس از آن پشتیبان از این میز برداشته می‌شود؛ "
            "داده‌های کنونی کنار آن نگه داشته می‌شود. برنامه به صفحه ورود بازمی‌گردد.").format(name=backup.name))
        if asked != QMessageBox.StandardButton.Yes:
            return False
        self.ctx.restore(backup)
        return True

    def _busy(self, on: bool, text: str = "") -> None:
        for b in (self.check_button, self.backup_button):
            b.setEnabled(not on)
        if on:
            self.message.setStyleSheet("")
            self.message.setText(text)

    def _said(self, text: str, ok: bool) -> None:
        self._busy(False)
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    def run_check(self) -> None:
        """The health check of the store (on a copy), its verdict below the buttons."""
        self._busy(True, self.tr("در حال بررسی داده‌ها… کار با میز را می‌توانید ادامه دهید."))

        def done(problems: list[str]) -> None:
            if problems:
                found = len(problems)
                self._said(QCoreApplication.translate("BackupsPage", "%Ln ایراد پیدا شد:", None, found) + "\n" + problems_text(problems), False)
            else:
                self._said(self.tr("داده‌های این میز سالم است."), True)

        self.ctx.tasks.run(lambda: ops.check(self.ctx.store.path), on_done=done,
                           on_error=lambda exc: self._said(self.tr("بررسی انجام نشد: {e}").format(
                               e=self._why(exc, self.ctx.store.path)), False))

    def backup_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("پشتیبان‌گیری"), str(Path.home() / f"{self.ctx.store.path.stem}-backup.sqlite3"),
            self.tr("پایگاه داده (*.sqlite3)"))
        if name:
            self.backup_to(Path(name))

    def backup_to(self, dest: Path) -> None:
        """A backup to `dest` (consistent while the desk works), then checked as a restore would."""
        self._busy(True, self.tr("در حال پشتیبان‌گیری…"))

        def run() -> list[str]:
            ops.backup(self.ctx.store.path, dest, force=True)  # the file dialog asked before replacing a file
            return ops.check(dest, snapshot=False)

        def done(problems: list[str]) -> None:
            where = "\u2066" + str(dest) + "\u2069"
            if problems:
                self._said(self.tr("پشتیبان در {path} نوشته شد، اما بررسی آن را نپذیرفت:").format(path=where)
                           + "\n" + problems_text(problems), False)
            else:
                self._said(self.tr("پشتیبان در {path} نوشته و بررسی شد؛ سالم است.").format(path=where), True)
            self.refresh()

        def failed(exc: BaseException) -> None:
            self._said(self.tr("پشتیبان نوشته نشد: {e}").format(e=self._why(exc, dest)), False)

        self.ctx.tasks.run(run, on_done=done, on_error=failed)
