"""One app per store: a second start on the same store brings the first window forward.

A clerk double-clicks the icon twice, or starts the app again when its window is behind the others
or minimised: two windows on one store would each keep their own session, drafts and background
sync, and each would not see what the other just recorded until it re-reads. Good desktop apps
keep one instance and raise it; so does this one, the way Qt apps do it:

- a `QLockFile` next to the store (`<store>.lock`, in the data folder) says the store's app is
  running; Qt removes it when its process has died (a crash, a power cut), so a stale lock never
  keeps the desk closed;
- the app holding it listens on a `QLocalServer` named after the store's path; a second start
  that cannot take the lock asks it, through a `QLocalSocket`, to come forward, waits for its
  answer, and ends. Only when no answer comes (the first app is busy or hung, or runs as another
  user or on another computer of a shared folder) does it say so in a message.

The command line (`backup`, `sync`, `check`…) takes no lock and works alongside the app as before.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QLockFile, QObject, QSysInfo, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger(__name__)

#: what a second start sends, and what the first answers once its window is forward
ASK = b"kanoon-desk:raise\n"
DONE = b"kanoon-desk:raised\n"
#: how long a second start waits for the first to answer (ms)
ANSWER_WAIT_MS = 3000


def lock_path(db_path: Path) -> Path:
    """The lock file of the store at `db_path` (next to it, in the data folder)."""
    return db_path.with_name(db_path.name + ".lock")


def server_name(db_path: Path) -> str:
    """The local server's name for the store at `db_path`: one per store file and per user of
    the computer (a name, not a path: Qt puts the socket in the temporary folder, or makes it a
    named pipe on Windows)."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment: the path alone
        user = ""
    key = f"{user}\0{Path(db_path).resolve()}".encode()
    return "kanoon-desk-" + hashlib.sha256(key).hexdigest()[:24]


@dataclass(frozen=True)
class Holder:
    """Who holds a store's lock, as its lock file says (None when it cannot be read)."""

    pid: int | None
    host: str | None


class InstanceGuard(QObject):
    """The app's claim on its store, and its door for later starts.

    Signals:
        activation_requested: another start of the app on the same store asked this one to come
            forward (emitted before it is answered).
    """

    activation_requested = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.name = server_name(self.db_path)
        self._lock = QLockFile(str(lock_path(self.db_path)))
        self._lock.setStaleLockTime(0)  # never stale by age: only when its process is gone
        self._server: QLocalServer | None = None

    # -- the first start ----------------------------------------------------------------------

    def acquire(self) -> bool:
        """Take the store's lock and listen for later starts; False when another app has it."""
        if not self._lock.tryLock(0):
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.name)  # a socket left by a crashed app: ours now, we hold the lock
        if not server.listen(self.name):  # the lock still keeps a second app out; it cannot raise this one
            log.warning("single instance: cannot listen on %s: %s", self.name, server.errorString())
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    def release(self) -> None:
        """Stop listening and give the lock back (the app is closing)."""
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.setParent(self)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        if bytes(socket.readLine().data()) == ASK:
            log.info("single instance: another start on this store asked this window forward")
            self.activation_requested.emit()
            socket.write(QByteArray(DONE))
            socket.flush()
        socket.disconnectFromServer()

    # -- a later start --------------------------------------------------------------------------

    def holder(self) -> Holder:
        """Who holds the lock (its process and computer), as far as the lock file says."""
        info = self._lock.getLockInfo()  # PySide6: (pid, host, app), or False when unreadable
        if not isinstance(info, tuple) or len(info) < 2:
            return Holder(None, None)
        pid, host = info[0], info[1]
        return Holder(int(pid) if pid else None, str(host) if host else None)

    def ask_first_to_come_forward(self, wait_ms: int = ANSWER_WAIT_MS) -> bool:
        """Ask the app holding the lock to bring its window forward; True when it answered."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        try:
            if not socket.waitForConnected(wait_ms):
                return False
            socket.write(QByteArray(ASK))
            if not socket.waitForBytesWritten(wait_ms):
                return False
            while not socket.canReadLine():
                if not socket.waitForReadyRead(wait_ms):
                    return False
            return bytes(socket.readLine().data()) == DONE
        finally:
            socket.abort()


def bring_forward(window: QWidget | None) -> None:
    """Show `window` (un-minimised) over the others, and the dialog open over it if any."""
    modal = QApplication.activeModalWidget()
    for widget in (window, modal):
        if widget is None or not widget.isVisible():
            continue
        if widget.isMinimized():
            widget.showNormal()
        widget.raise_()
        widget.activateWindow()


def already_open_dialog(db_path: Path, holder: Holder) -> QMessageBox:
    """The message of a second start whose first app did not answer: the store is in use."""
    box = QMessageBox()
    box.setObjectName("already-open")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("App", "کانون دسک باز است"))
    what = QCoreApplication.translate(
        "App", "کانون دسک همین حالا با پرونده داده این میز باز است؛ دو پنجره روی یک پرونده داده کار "
               "یک‌دیگر را نمی‌بینند، پس پنجره دوم باز نمی‌شود:")
    host = holder.host
    if host and host != QSysInfo.machineHostName():
        where = QCoreApplication.translate(
            "App", "چه کنید: برنامه روی رایانه {host} باز است؛ همان‌جا کار کنید یا آن را آنجا ببندید و دوباره "
                   "باز کنید.").format(host=f"\u2066{host}\u2069")
    else:
        where = QCoreApplication.translate(
            "App", "چه کنید: پنجره باز کانون دسک را در نوار وظیفه پیدا کنید. اگر پنجره‌ای نیست یا پاسخ نمی‌دهد، "
                   "چند لحظه صبر کنید و دوباره برنامه را باز کنید.")
    box.setText(f"{what}\n{db_path}\n\n{where}")
    box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 620px; }")
    box.addButton(QCoreApplication.translate("App", "بستن"), QMessageBox.ButtonRole.RejectRole)
    return box
