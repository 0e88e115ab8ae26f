"""One app per store: a second start brings the open window forward, or says the store is in use."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtWidgets import QApplication

from kanoon_desk.ui.login import LoginWindow
from kanoon_desk.ui.single_instance import lock_path

from ..factories import make_desk
from .shell_support import ROOT, language

#: run_app on argv[1]; prints each window it shows (a message box with its object name and text,
#: another window by its class) and closes it, then how run_app ended
SECOND_START = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from kanoon_desk.ui.app import ensure_app, run_app

app = ensure_app()

def answer():
    for w in QApplication.topLevelWidgets():
        if w.isVisible():
            if isinstance(w, QMessageBox):
                print("BOX", w.objectName(), w.text().replace(chr(10), " "), flush=True)
            else:
                print("WINDOW", type(w).__name__, flush=True)
            w.close()
            break
    QTimer.singleShot(100, answer)

QTimer.singleShot(100, answer)
print("EXIT", run_app(Path(sys.argv[1]), "fa"), flush=True)
"""


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_DATA_HOME": str(tmp_path / "data")}


def test_a_second_start_on_the_same_store_brings_the_open_window_forward(
        qapp: QApplication, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A clerk double-clicked the icon twice (or again, the window minimised behind others): a
    second log-in window opened on the same store, a second session with its own drafts and
    background sync. Now the second start asks the first to come forward and ends with no
    window; the first's window is shown again, un-minimised."""
    from kanoon_desk.ui.app import run_app

    path = tmp_path / "desk.sqlite3"
    store, _ = make_desk(path)
    store.close()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_app installs its own; undo after
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    seen: dict[str, Any] = {}

    def start_again() -> None:
        login = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LoginWindow) and w.isVisible())
        login.showMinimized()
        second = subprocess.Popen([sys.executable, "-c", SECOND_START, str(path)], cwd=ROOT, env=_env(tmp_path),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)  # (our loop answers it)
        out, err = second.communicate()
        seen.update(out=out, err=err, minimized=login.isMinimized(), visible=login.isVisible())
        login.close()  # last window closed: the first app ends

    QTimer.singleShot(200, start_again)
    before = set(logging.getLogger().handlers)
    try:
        with language(qapp, "fa"):
            assert run_app(path, "fa") == 0
    finally:
        for handler in set(logging.getLogger().handlers) - before:
            logging.getLogger().removeHandler(handler)
            handler.close()
    assert "Traceback" not in seen["err"], seen["err"]
    assert seen["out"].splitlines() == ["EXIT 0"], seen["out"]  # no second window, no message
    assert seen["visible"] and not seen["minimized"]
    assert not lock_path(path).exists()  # given back at close: the next start opens the app


def test_a_second_start_whose_first_app_does_not_answer_says_the_store_is_open(tmp_path: Path) -> None:
    """The app holding the store does not answer (busy, hung, another user's): the second start
    says in Persian that the desk's app is open already and where to find it, opens no window
    and leaves the store as it was."""
    path = tmp_path / "desk.sqlite3"
    store, _ = make_desk(path)
    store.close()
    before = path.read_bytes()
    held = QLockFile(str(lock_path(path)))  # held, and no one listening
    assert held.tryLock(0)
    try:
        done = subprocess.run([sys.executable, "-c", SECOND_START, str(path)], cwd=ROOT, env=_env(tmp_path),
                              capture_output=True, text=True, timeout=120)
    finally:
        held.unlock()
    lines = done.stdout.splitlines()
    assert "Traceback" not in done.stderr, done.stderr
    assert len(lines) == 2 and lines[0].startswith("BOX already-open "), done.stdout
    assert "کانون دسک همین حالا با پرونده داده این میز باز است" in lines[0] and str(path) in lines[0]
    assert "چه کنید" in lines[0]
    assert lines[1] == "EXIT 1"
    assert path.read_bytes() == before
