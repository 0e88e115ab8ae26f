"""The case view's small action dialogs: a form of a few fields whose OK runs one service call, and
whose refusal is shown at its field with everything typed kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..accessible import NamedDialog
from ..drafts import FormDraft
from ..widgets import Form, JalaliDateEdit, notice_label, reads_like_the_interface, today


class DateBound(QWidget):
    """One end of a date range: a tick box and a Jalali date; unticked, no bound (`value()` is None).

    Signals:
        changed(): the bound was ticked, unticked, or its date changed while ticked.
    """

    changed = Signal()

    def __init__(self, label: str, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.date = JalaliDateEdit(value=day)
        self.date.setEnabled(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.date)
        self.check.toggled.connect(self._toggled)
        self.date.dateChanged.connect(lambda _d: self.changed.emit() if self.check.isChecked() else None)

    def _toggled(self, on: bool) -> None:
        self.date.setEnabled(on)
        self.changed.emit()

    def value(self) -> date | None:
        return self.date.value() if self.check.isChecked() else None

    def set_value(self, day: date | None) -> None:
        """Tick the bound at `day`, or untick it (None)."""
        self.check.blockSignals(True)
        self.date.blockSignals(True)
        if day is not None:
            self.date.set_value(day)
        self.check.setChecked(day is not None)
        self.date.setEnabled(day is not None)
        self.check.blockSignals(False)
        self.date.blockSignals(False)
        self.changed.emit()


class ActionDialog(NamedDialog):
    """A small form for one action; `run(values)` calls the service, errors stay at their field.

    With `keep_draft`, what is typed outlives the dialog until it is saved or «انصراف» (`cancel`)
    drops it: Esc and the window's close button only close it (`reject`), and the next opening
    of the same action on the same case brings the text back.

    By keyboard: it opens with the cursor in its first field; Tab walks the fields top to bottom
    (out of a note too) and then OK and «انصراف»; Enter in a one-line field or a choice saves, and
    Ctrl+Enter saves from a note (where Enter starts a new line)."""

    def __init__(self, parent: QWidget | None, title: str, run: Callable[[dict[str, Any]], Any]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = Form()
        self._run = run
        self._getters: dict[str, Callable[[], Any]] = {}
        #: the fields typed into (lines and texts): kept as a draft while the dialog is open
        self._typed: dict[str, QWidget] = {}
        self.draft: FormDraft | None = None
        box = QVBoxLayout(self)
        self.draft_note = notice_label(QCoreApplication.translate(
            "CaseView", "آنچه پیش‌تر در این فرم نوشته بودید و ثبت نشد بازگردانده شد."), "draft-note")
        box.addWidget(self.draft_note)
        box.addWidget(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.cancel)
        box.addWidget(buttons)
        self.buttons = buttons
        self._walked = False  # whether the fields were put in the Tab order yet (`showEvent`)

    def line(self, name: str, label: str, value: str = "") -> QLineEdit:
        w = QLineEdit(value)
        self.form.add_field(name, label, w)
        self._getters[name] = w.text
        self._typed[name] = w
        return w

    def text(self, name: str, label: str) -> QPlainTextEdit:
        w = reads_like_the_interface(QPlainTextEdit())
        w.setFixedHeight(80)
        w.setTabChangesFocus(True)  # Tab goes on (it typed a tab: no way out of a note by Tab)
        self.form.add_field(name, label, w)
        self._getters[name] = w.toPlainText
        self._typed[name] = w
        return w

    def combo(self, name: str, label: str, items: list[tuple[str, Any]]) -> QComboBox:
        w = QComboBox()
        for text_, data in items:
            w.addItem(text_, data)
        self.form.add_field(name, label, w)
        self._getters[name] = w.currentData
        return w

    def checks(self, name: str, label: str, items: list[tuple[str, Any]]) -> QListWidget:
        """A list of check boxes (several CC receivers); its value is the data of those checked."""
        w = QListWidget()
        w.setObjectName(f"{name}-list")
        for text_, data in items:
            item = QListWidgetItem(text_)
            item.setData(Qt.ItemDataRole.UserRole, data)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            w.addItem(item)
        w.setMaximumHeight(min(140, 26 * max(1, len(items)) + 6))
        self.form.add_field(name, label, w)
        self._getters[name] = lambda: [w.item(i).data(Qt.ItemDataRole.UserRole) for i in range(w.count())
                                       if w.item(i).checkState() == Qt.CheckState.Checked]
        return w

    def date(self, name: str, label: str, value: date | None = None) -> JalaliDateEdit:
        w = JalaliDateEdit(value=value or today())
        self.form.add_field(name, label, w)
        self._getters[name] = w.value
        return w

    def optional_date(self, name: str, label: str, tick: str, value: dt.date) -> DateBound:
        """A date the action may go without: a tick box and a Jalali date; unticked, the value is
        None (the service leaves that date as it is)."""
        w = DateBound(tick, value)
        w.setObjectName(f"{name}-bound")
        self.form.add_field(name, label, w)
        self._getters[name] = w.value
        return w

    def note(self, name: str, label: str, text_: str = "") -> QLabel:
        """A line of information (no value): what the action will do, worked out as the clerk types."""
        w = QLabel(text_)
        w.setObjectName(f"{name}-note")
        w.setWordWrap(True)
        # beside its label whatever its own script: a number or a file name (a left-to-right
        # island) was drawn at the far left of the Persian dialog, away from its label
        w.setAlignment((Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
        self.form.add_field(name, label, w)
        return w

    def file(self, name: str, label: str) -> QLineEdit:
        """A scanned file chosen from disk (PDF, JPEG, PNG, TIFF); its value is the path, or None."""
        path = QLineEdit()
        path.setReadOnly(True)
        path.setObjectName(f"{name}-path")
        path.setPlaceholderText(QCoreApplication.translate("CaseView", "بدون پیوست"))
        choose = QPushButton(QCoreApplication.translate("CaseView", "انتخاب فایل…"))

        def pick() -> None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, label, "", QCoreApplication.translate("CaseView", "اسکن‌ها (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"))
            if chosen:
                path.setText(chosen)

        choose.clicked.connect(pick)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(path, 1)
        row.addWidget(choose)
        self.form.add_field(name, label, holder)
        self._getters[name] = lambda: path.text() or None
        return path

    def _fields(self) -> list[QWidget]:
        """The form's controls that Tab stops at, top to bottom as they were added (the inner line
        edit of a date or a choice is part of it)."""
        return [w for w in self.form.findChildren(QWidget)
                if w.focusPolicy() & Qt.FocusPolicy.TabFocus and not w.isHidden() and w.window() is self
                and not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))]  # (a choice's popup is a window)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """On first showing: OK and «انصراف» after the fields in the Tab order (they were made
        before the fields, so the cursor opened on a button and Tab went to the other one first),
        and the cursor in the first field."""
        super().showEvent(event)
        if self._walked:
            return
        self._walked = True
        fields = self._fields()
        previous = fields[-1] if fields else None
        for button in (self.buttons.button(QDialogButtonBox.StandardButton.Ok),
                       self.buttons.button(QDialogButtonBox.StandardButton.Cancel)):
            if previous is not None:
                QWidget.setTabOrder(previous, button)
            previous = button
        first = next((w for w in fields if w.isEnabled()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.TabFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Ctrl+Enter saves from anywhere in the dialog (a note takes a plain Enter as a new line)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.submit()
            return
        super().keyPressEvent(event)

    def values(self) -> dict[str, Any]:
        return {k: g() for k, g in self._getters.items()}

    def keep_draft(self, settings: QSettings, key: str) -> bool:
        """Keep what is typed on disk under `key` as it is typed (a crash loses nothing), filled
        in again now if a draft is there; whether one was."""
        self.draft = FormDraft(settings, key, self._typed, self)
        restored = self.draft.restore()
        self.draft_note.setVisible(restored)
        return restored

    def submit(self) -> None:
        if self.form.dates_refused():
            return
        try:
            self._run(self.values())
        except Exception as err:  # noqa: BLE001 - shown at its field, the dialog stays open
            self.form.show_error(err)
            return
        if self.draft is not None:
            self.draft.clear()
        self.accept()

    def cancel(self) -> None:
        """«انصراف»: the person chose to drop what they typed (a crash keeps it)."""
        if self.draft is not None:
            self.draft.clear()
        super().reject()

    def reject(self) -> None:
        """Esc or the window's close button: the dialog closes and what was typed is kept as the
        draft, written now if the typing had not rested yet (a slip of Esc loses nothing)."""
        if self.draft is not None:
            self.draft.flush()
        super().reject()
