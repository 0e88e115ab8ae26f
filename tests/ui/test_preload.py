"""The log-in window imports the main window's modules while the password is typed (`ui/preload`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from kanoon_desk.ui.preload import Preloader, session_modules

from ..factories import PASSWORD, make_desk
from .shell_support import ROOT

#: A fresh app on a desk: the log-in window, a few turns of the event loop while the password
#: would be typed, which of the main window's modules are imported by then, then the log-in.
LOGIN_WAITS = """
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from kanoon_desk.store import open_store
from kanoon_desk.ui.app import Shell, ensure_app, set_language
WATCHED = ("kanoon_desk.ui.secretariat.intake", "kanoon_desk.ui.library.stocktake",
           "kanoon_desk.ui.library.reports", "kanoon_desk.ui.home", "qtawesome")
app = ensure_app()
set_language(app, "fa")
store = open_store(sys.argv[1])
shell = Shell(store, QSettings(sys.argv[2], QSettings.Format.IniFormat), synchronous_tasks=True)
shell.start()
before = [m for m in WATCHED if m in sys.modules]
for _ in range(400):  # each turn of the loop while the person types: one module at most
    app.processEvents()
    preloader = getattr(shell, "preloader", None)
    if preloader is not None and preloader.done:
        break
waiting = [m for m in WATCHED if m in sys.modules]
shell.login_window.username.setText("admin")
shell.login_window.password.setText(sys.argv[3])
shell.login_window.try_login()
app.processEvents()
print(json.dumps({"before": before, "waiting": waiting, "main": shell.main_window is not None,
                  "page": shell.main_window.current_key() if shell.main_window else None}))
store.close()
"""


def test_the_main_windows_modules_are_imported_while_the_log_in_window_waits(tmp_path: Path) -> None:
    """Pressing «ورود» froze the window for about a second and a half on a desk's first log-in of
    the day (the pages' modules and the icon font were imported then); the log-in window now
    imports them while the password is typed, so they are in place before «ورود»."""
    store, _ = make_desk(tmp_path / "d.sqlite3")
    store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", LOGIN_WAITS, str(tmp_path / "d.sqlite3"),
                           str(tmp_path / "settings.ini"), PASSWORD], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    said = json.loads(done.stdout.strip().splitlines()[-1])
    assert said["before"] == []  # nothing of it on the way to the log-in window (its start stays as fast)
    assert said["waiting"] == ["kanoon_desk.ui.secretariat.intake", "kanoon_desk.ui.library.stocktake",
                               "kanoon_desk.ui.library.reports", "kanoon_desk.ui.home", "qtawesome"]
    assert said["main"] and said["page"] == "home"


def test_the_desks_screens_are_among_the_modules_preloaded() -> None:
    names = session_modules()
    assert "kanoon_desk.ui.main_window" in names and "kanoon_desk.ui.sync_page" in names
    assert {"kanoon_desk.ui.secretariat.intake", "kanoon_desk.ui.secretariat.lists",
            "kanoon_desk.ui.library.circulation", "kanoon_desk.ui.library.stocktake",
            "kanoon_desk.ui.admin.users"} <= set(names)
    assert len(names) == len(set(names))


def _recorder(log: list[str], *names: str, fail: str = "") -> Callable[[], Iterator[Callable[[], object]]]:
    def step(name: str) -> Callable[[], object]:
        def run() -> None:
            log.append(name)
            if name == fail:
                raise ImportError(name)
        return run
    return lambda: iter([step(n) for n in names])


def test_a_key_pressed_during_one_step_is_typed_before_the_next(qapp: QApplication, qtbot: Any) -> None:
    """The steps run one per turn of the event loop: a key pressed while one module is imported
    reaches the password field before the next import, not after all of them."""
    field = QLineEdit()
    qtbot.addWidget(field)
    seen: list[str] = []

    def press() -> None:
        seen.append(field.text())
        QApplication.postEvent(field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a"))

    steps = [press, lambda: seen.append(field.text()), lambda: seen.append(field.text())]
    preloader = Preloader(field, steps=lambda: iter(steps))
    preloader.start()
    assert seen == []  # nothing before the window is on screen and the loop turns
    with qtbot.waitSignal(preloader.finished, timeout=5000):
        pass
    assert seen == ["", "a", "a"]


def test_a_failing_step_is_logged_and_the_rest_still_run(qapp: QApplication, qtbot: Any,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    log: list[str] = []
    parent = QWidget()
    qtbot.addWidget(parent)
    preloader = Preloader(parent, steps=_recorder(log, "a", "b", "c", fail="b"))
    with qtbot.waitSignal(preloader.finished, timeout=5000):
        preloader.start()
    assert log == ["a", "b", "c"]
    assert "preloading a module for the main window failed" in caplog.text


def test_nothing_more_is_imported_once_the_log_in_window_is_gone(qapp: QApplication) -> None:
    log: list[str] = []
    parent = QWidget()
    preloader = Preloader(parent, steps=_recorder(log, "a", "b"))
    preloader.start()
    parent.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the window is gone
    for _ in range(20):
        qapp.processEvents()
    assert log == []
