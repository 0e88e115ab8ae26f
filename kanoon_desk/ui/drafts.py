"""Half-typed forms kept on disk as they are typed: a crash, a power cut or a window closed by
mistake loses nothing. The next time the form opens for the same person, it is filled again and
says so; a saved (or deliberately cleared) form drops its draft.

Drafts live in the desk's settings (`UiContext.settings`), one per user and form
(`drafts/<user id>/<form>`), written at most every `DELAY_MS` of typing and synced to disk at
once (at once when the form goes out of sight: another page, a log-out). They are a convenience
of this computer, never an event: nothing in them is a record.
A draft of one case's action (`case-…`) left untouched for `STALE_DAYS` is dropped when its
user next logs in (`prune_stale`): the case has moved on, and no form will ever ask for it again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from .widgets import JalaliDateEdit

#: How long typing rests before the draft is written (ms).
DELAY_MS = 400
#: A draft of one record's form (a case's action) untouched this long is dropped at login.
STALE_DAYS = 30
#: Forms whose drafts are per record (`case-<id>-<action>`, `overdue-<agency>`, the note on one
#: conflict `conflict-<id>`, the office's details `office-<code>`), so may be left behind for ever
#: (or, brought back long after, undo what was saved since).
PER_RECORD_PREFIXES = ("case-", "overdue-", "conflict-", "office-")


class FormDraft(QObject):
    """Keeps `fields` (name → a line edit, a text box, a combo box, a check box or a Jalali date)
    of one form under `key`. `extra` gives and takes back values the widgets do not hold (a list
    of files); while `active` says no (the form holds a record being corrected, not a new one),
    typing is not kept. A form that edits a record in place (the office's details) gives `saved`,
    the record's values as stored: a form that holds just those has nothing unsaved, no draft."""

    def __init__(self, settings: QSettings, key: str, fields: dict[str, QWidget], parent: QObject, *,
                 extra: tuple[Callable[[], Any], Callable[[Any], None]] | None = None,
                 active: Callable[[], bool] = lambda: True,
                 saved: Callable[[], dict[str, Any]] | None = None) -> None:
        super().__init__(parent)
        self.settings, self.key, self.fields, self.extra, self.active = settings, key, fields, extra, active
        self.saved = saved
        self._restoring = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.write)
        app = QCoreApplication.instance()
        if app is not None:  # the app closed within a moment of the last keystroke: kept all the same
            app.aboutToQuit.connect(self.flush)
        if isinstance(parent, QWidget):  # the form goes out of sight (another page, a log-out): kept now
            parent.installEventFilter(self)
        for widget in fields.values():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self.touched)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self.touched)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.touched)
                if widget.isEditable():  # a word the list lacks, typed in
                    widget.editTextChanged.connect(self.touched)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self.touched)
            elif isinstance(widget, JalaliDateEdit):
                widget.dateChanged.connect(self.touched)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The form (`parent`) is hidden: by another page, its dialog closing, or the window
        closing at a log-out, after which the form is gone with its timer. What was typed in
        the last moment is written now."""
        if event.type() == QEvent.Type.Hide:
            self.flush()
        return False

    def flush(self) -> None:
        """Write now what is waiting to be written (nothing when the typing had rested)."""
        if self.timer.isActive():
            self.write()

    def touched(self, *_args: Any) -> None:
        """Something was typed: the draft is written once the typing rests."""
        if not self._restoring and self.active():
            self.timer.start()

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                out[name] = widget.text()
            elif isinstance(widget, QPlainTextEdit):
                out[name] = widget.toPlainText()
            elif isinstance(widget, QComboBox):
                out[name] = _combo_value(widget)
            elif isinstance(widget, QCheckBox):
                out[name] = widget.isChecked()
            elif isinstance(widget, JalaliDateEdit):
                out[name] = widget.value().isoformat()
        if self.extra is not None:
            out["_extra"] = self.extra[0]()
        return out

    def _typed(self, values: dict[str, Any]) -> bool:
        """Whether anything was typed (a combo's choice or a date alone is not a draft), or, for a
        form over a record (`saved`), changed from what is stored."""
        if self.saved is not None:
            stored = self.saved()
            return any(k in self.fields and v != stored.get(k) for k, v in values.items())
        typed = any(isinstance(self.fields.get(k), QLineEdit | QPlainTextEdit) and str(v).strip()
                    for k, v in values.items())
        return typed or bool(values.get("_extra"))

    def write(self) -> None:
        """Write the draft now (or drop it when the form is empty), synced to disk."""
        self.timer.stop()
        if not self.active():
            return
        values = self.values()
        if self._typed(values):
            values["_saved"] = datetime.now(UTC).isoformat(timespec="seconds")
            self.settings.setValue(self.key, json.dumps(values, ensure_ascii=False))
        else:
            self.settings.remove(self.key)
        self.settings.sync()

    def restore(self) -> bool:
        """Fill the form from its draft; whether there was one."""
        raw = self.settings.value(self.key)
        if not raw:
            return False
        try:
            values = json.loads(str(raw))
        except ValueError:
            self.clear()
            return False
        if not isinstance(values, dict) or not self._typed(values):
            return False
        self._restoring = True
        try:
            for name, value in values.items():
                widget = self.fields.get(name)
                if isinstance(widget, QLineEdit):
                    widget.setText(str(value))
                elif isinstance(widget, QPlainTextEdit):
                    widget.setPlainText(str(value))
                elif isinstance(widget, QComboBox) and isinstance(value, int) and 0 <= value < widget.count():
                    widget.setCurrentIndex(value)
                elif isinstance(widget, QComboBox) and isinstance(value, str) and widget.isEditable():
                    widget.setEditText(value)
                elif isinstance(widget, QCheckBox):
                    widget.setChecked(bool(value))
                elif isinstance(widget, JalaliDateEdit):
                    try:
                        widget.set_value(date.fromisoformat(str(value)))
                    except ValueError:
                        pass
            if self.extra is not None and "_extra" in values:
                self.extra[1](values["_extra"])
        finally:
            self._restoring = False
        return True

    def switch(self, key: str) -> bool:
        """The form now holds another record (one draft per record, `key`): what was typed for the
        one before is written under its own key, the typed fields are emptied, then filled from
        `key`'s draft; whether there was one."""
        self.flush()
        self.key = key
        self._restoring = True
        try:
            for widget in self.fields.values():
                if isinstance(widget, QLineEdit | QPlainTextEdit):
                    widget.clear()
        finally:
            self._restoring = False
        return self.restore()

    def clear(self) -> None:
        """The form was saved (or emptied on purpose): no draft any more."""
        self.timer.stop()
        self.settings.remove(self.key)
        self.settings.sync()


def draft_key(user_id: str, form: str) -> str:
    return f"drafts/{user_id}/{form}"


def prune_stale(settings: QSettings, user_id: str, *, now: datetime | None = None, days: int = STALE_DAYS) -> int:
    """Drop `user_id`'s per-record drafts (a case's action) last written more than `days` ago, or
    unreadable; how many. A form that is one per user (the intake form) keeps its draft."""
    now = now or datetime.now(UTC)
    group = f"drafts/{user_id}"
    settings.beginGroup(group)
    try:
        forms = [k for k in settings.childKeys() if k.startswith(PER_RECORD_PREFIXES)]
        stale = [k for k in forms if _saved_at(settings.value(k)) < now - timedelta(days=days)]
        for key in stale:
            settings.remove(key)
    finally:
        settings.endGroup()
    if stale:
        settings.sync()
    return len(stale)


def _saved_at(raw: Any) -> datetime:
    """When a draft was written (a draft from before the stamp, or unreadable, counts as old)."""
    try:
        saved = json.loads(str(raw)).get("_saved", "")
        return datetime.fromisoformat(saved)
    except (ValueError, AttributeError, TypeError):
        return datetime.min.replace(tzinfo=UTC)


def _combo_value(combo: QComboBox) -> int | str:
    """A choice's place in the list, or (an editable list) the words typed when they are not the
    choice's own: a category the list lacks is kept as typed."""
    index = combo.currentIndex()
    if combo.isEditable() and (index < 0 or combo.currentText() != combo.itemText(index)):
        return combo.currentText()
    return index
