"""The idle lock: a session no one has used for the minutes the office's admin chose
(`accounts.idle_lock_minutes`, 10 unless changed; 0: never) is covered by a lock screen that asks
for the same user's password, or lets another user log in (the first is then logged out).

While locked every window of the session (the main window and any dialog open over it) is covered
by an opaque sheet and takes no input, but nothing is closed: what was half typed stays in its
field, under the sheet, and comes back with the cursor where it was; background sync goes on (the
main window's status bar runs it). The password is checked by `accounts.login`, so wrong ones are
on the audit chain and make the name wait as at the log-in window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import ServiceError
from ..eventlog import Actor
from ..ids import elapsed_s
from ..services import accounts
from .context import UiContext
from .widgets import Form, LtrLineEdit

#: The events that say a person is at the desk (anything else, a repaint or a timer, does not).
INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TabletPress, QEvent.Type.InputMethod,
})
#: How often the idle time is looked at (ms): the lock comes at most this late (or this early: the
#: input watched for is the first after each look, `IdleLock.eventFilter`).
CHECK_MS = 5_000


class Cover(QWidget):
    """An opaque sheet over one window's whole content (menus, pages, status bar) while locked;
    it follows the window's size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lock-cover")
        self.setAutoFillBackground(True)
        label = QLabel(self.tr("کانون دسک قفل است."))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("color: #607d8b;")
        box = QVBoxLayout(self)
        box.addWidget(label)
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False


class LockWindow(QWidget):
    """The lock screen: who is logged in, their password; or another user's name and password.

    Signals:
        unlocked(): the logged-in user's password was given.
        switched(Actor): another user logged in (the session of the first is to end).
    """

    unlocked = Signal()
    switched = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.setObjectName("lock-window")
        self.setWindowTitle(self.tr("کانون دسک — قفل"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)  # nothing else takes a key meanwhile
        self.setMinimumWidth(480)
        actor = ctx.actor
        title = QLabel(self.tr("این میز قفل شد، چون مدتی با آن کار نشد."))
        title.setObjectName("lock-title")
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        title.setFont(font)
        title.setWordWrap(True)
        who = QLabel(self.tr("{name} وارد شده است؛ برای ادامه کار گذرواژه خود را بنویسید.")
                     .format(name=actor.full_name))
        who.setObjectName("lock-user")
        who.setWordWrap(True)
        self.form = Form()
        self.username = LtrLineEdit()
        self.username.setObjectName("username")
        self.username.setText(actor.username)
        self.password = LtrLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(LtrLineEdit.EchoMode.Password)
        self.form.add_field("username", self.tr("نام کاربری"), self.username)
        self.form.add_field("password", self.tr("گذرواژه"), self.password)
        note = QLabel(self.tr(
            "کاربر دیگری می‌تواند با نام کاربری و گذرواژه خودش وارد شود؛ آنگاه {name} از حساب خارج می‌شود و "
            "آنچه نوشته بود و ذخیره نشده بود برای ورود بعدی او نگه داشته می‌شود.").format(name=actor.full_name))
        note.setObjectName("lock-note")
        note.setWordWrap(True)
        note.setStyleSheet("color: #546e7a;")
        self.submit = QPushButton(self.tr("باز کردن"))
        self.submit.setObjectName("unlock")
        self.submit.setDefault(True)
        self.submit.clicked.connect(self.try_unlock)
        self.password.returnPressed.connect(self.try_unlock)
        self.username.returnPressed.connect(self.password.setFocus)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.submit)
        box = QVBoxLayout(self)
        box.setContentsMargins(28, 22, 28, 22)
        box.setSpacing(10)
        box.addWidget(title)
        box.addWidget(who)
        box.addWidget(self.form)
        box.addLayout(buttons)
        box.addWidget(note)
        self.password.setFocus()

    def try_unlock(self) -> None:
        """The password of the user logged in unlocks; another user's logs them in instead."""
        self.form.clear_errors()
        if not self.username.text().strip():
            self.form.set_error("username", self.tr("نام کاربری را بنویسید."))
            return
        try:
            actor = accounts.login(self.ctx.store, self.username.text(), self.password.text())
        except ServiceError as err:
            self.form.show_error(err)
            self.password.selectAll()
            return
        self.password.clear()
        if actor.user_id == self.ctx.actor.user_id:
            self.unlocked.emit()
        else:
            self.switched.emit(actor)

    def error_text(self, field: str) -> str:
        return self.form.error_of(field)


class IdleLock(QObject):
    """Watches the keyboard and mouse of the whole app for `window`'s session and locks it after
    the office's idle minutes. Lives as long as the window (its child).

    Signals:
        locked(): the session was covered.
        unlocked(): the same user came back.
        user_switched(Actor): another user logged in at the lock screen (the shell ends this
            session and opens theirs).
    """

    locked = Signal()
    unlocked = Signal()
    user_switched = Signal(object)

    def __init__(self, ctx: UiContext, window: QMainWindow, *, clock: Callable[[], float] = elapsed_s,
                 check_ms: int = CHECK_MS) -> None:
        # (`elapsed_s`, not `time.monotonic`: that stops while a laptop sleeps, so a session left
        # open with the lid shut for hours was not idle at all when the lid was opened)
        super().__init__(window)
        self.ctx, self.window, self.clock = ctx, window, clock
        self.minutes = accounts.idle_lock_minutes(ctx.store)
        self.last_input = clock()
        self.lock_window: LockWindow | None = None
        self._covers: list[Cover] = []
        self._disabled: list[QWidget] = []
        self._focus: QWidget | None = None
        self._app = QApplication.instance()
        self._watching = False
        self._watch()
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        ctx.bus.changed.connect(self._settings_changed)

    @property
    def is_locked(self) -> bool:
        return self.lock_window is not None

    def _settings_changed(self, area: str) -> None:
        if area == "accounts":  # (the admin changed the minutes on the office page)
            self.minutes = accounts.idle_lock_minutes(self.ctx.store)

    def _watch(self) -> None:
        if self._app is not None and not self._watching:
            self._app.installEventFilter(self)
            self._watching = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """The first input since the last `check` is the person's latest sign of life (at most
        `CHECK_MS` old); the filter then steps aside until the next check. Left on, this one
        Python call app-wide doubled the cost of every event of the app, a paint, a timer, a key
        (bench/bench_ui.py measured 1.99× for the same kind of filter)."""
        if event.type() in INPUT_EVENTS:
            self.last_input = self.clock()
            if self._app is not None:
                self._app.removeEventFilter(self)
            self._watching = False
        return False

    def idle_seconds(self) -> float:
        return self.clock() - self.last_input

    def check(self) -> None:
        """Lock when the session has been idle for the office's minutes (and the lock is on); watch
        for the next input again."""
        self._watch()
        if not self.window.isVisible():  # (a session ending, or its window not shown yet)
            return
        if not self.is_locked and self.minutes > 0 and self.idle_seconds() >= self.minutes * 60:
            self.lock()

    def _windows(self) -> list[QWidget]:
        """The session's windows on screen: the main window and the dialogs over it (windows
        whose parent is the main window, or a dialog of it)."""
        def of_session(w: QWidget | None) -> bool:
            while w is not None:
                if w is self.window:
                    return True
                w = w.parentWidget()
            return False

        return [w for w in QApplication.topLevelWidgets()
                if w.isVisible() and not isinstance(w, LockWindow) and of_session(w)]

    def lock(self) -> None:
        """Cover the session's windows and ask for a password; nothing in them is closed."""
        if self.is_locked:
            return
        for _ in range(8):  # an open menu or a list dropped down would stand over the sheet
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        self._focus = QApplication.focusWidget()
        for w in self._windows():
            self._covers.append(Cover(w))
            if w.isEnabled():
                w.setEnabled(False)  # (its shortcuts too: Ctrl+1…9, the menus' keys)
                self._disabled.append(w)
        lock = self.lock_window = LockWindow(self.ctx, self.window)
        lock.unlocked.connect(self.unlock)
        lock.switched.connect(self._switch)
        lock.show()
        lock.activateWindow()
        lock.password.setFocus()
        try:
            accounts.note_locked(self.ctx.store, self.ctx.actor)
        except Exception:  # (the audit entry must never keep the desk open)
            pass
        self.locked.emit()

    def _uncover(self) -> None:
        for cover in self._covers:
            cover.hide()
            cover.deleteLater()
        self._covers.clear()
        for w in self._disabled:
            w.setEnabled(True)
        self._disabled.clear()
        if self.lock_window is not None:
            self.lock_window.close()
            self.lock_window.deleteLater()
            self.lock_window = None

    def unlock(self) -> None:
        """The same user is back: the windows as they were, the cursor where it was."""
        self._uncover()
        self.last_input = self.clock()
        focus, self._focus = self._focus, None
        if focus is not None:
            try:
                focus.window().activateWindow()
                focus.setFocus()
            except RuntimeError:  # (the widget went away meanwhile)
                pass
        self.unlocked.emit()

    def _switch(self, actor: Actor) -> None:
        """Another user logged in: the covers stay on this session's windows, which the shell
        closes (what was typed in them is kept as the first user's drafts)."""
        self.stop()
        if self.lock_window is not None:
            self.lock_window.close()
            self.lock_window.deleteLater()
            self.lock_window = None
        self.user_switched.emit(actor)

    def covered_dialogs(self) -> list[QDialog]:
        """The dialogs under the sheets (the shell closes them before their window)."""
        return [w for w in self._disabled if isinstance(w, QDialog)]

    def stop(self) -> None:
        """The session ends: no more locking."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
