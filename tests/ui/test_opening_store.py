"""The app opens its store on a thread while the event loop runs: a first start after an update
migrating a big store (seconds to minutes) shows a window saying so, not a blank screen; a quick
open shows none, and what the open raises reaches the start-up as before."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from kanoon_desk.store import NewerStoreError, Store, open_store
from kanoon_desk.ui.opening import open_store_showing_progress
from tests.ui.shell_support import language


def _opening_windows() -> list[Any]:
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == "opening-store" and w.isVisible()]


def test_a_slow_open_shows_a_window_and_the_event_loop_runs_meanwhile(qapp: Any, tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    release = threading.Event()
    seen: list[tuple[int, str]] = []

    def slow_open(p: Path) -> Store:
        release.wait(30)  # (as a migration: until the GUI thread, still running, lets it go)
        return open_store(p)

    def while_opening() -> None:  # runs on the GUI thread only if its loop turns meanwhile
        windows = _opening_windows()
        texts = [lbl.text() for w in windows for lbl in w.findChildren(QLabel)]
        seen.append((len(windows), " ".join(texts)))
        windows[0].close() if windows else None  # (a click on its close box: it stays)
        seen.append((len(_opening_windows()), ""))
        release.set()

    with language(qapp, "fa"):
        QTimer.singleShot(1500, while_opening)
        store = open_store_showing_progress(path, slow_open)
    try:
        assert isinstance(store, Store) and store.path == path
        assert seen[0][0] == 1 and "پایگاه داده این میز باز می‌شود" in seen[0][1] and "ثانیه گذشته است" in seen[0][1]
        assert str(path) in seen[0][1]
        assert seen[1][0] == 1  # not closed by hand while opening
        assert _opening_windows() == []  # gone once the store is open
    finally:
        store.close()


def test_a_quick_open_shows_no_window(qapp: Any, tmp_path: Path) -> None:
    store = open_store_showing_progress(tmp_path / "desk.sqlite3")
    try:
        assert store.is_initialised is False and _opening_windows() == []
    finally:
        store.close()


def test_what_the_open_raises_reaches_the_start_up(qapp: Any, tmp_path: Path) -> None:
    def newer(p: Path) -> Store:
        raise NewerStoreError(p, ["9999"])

    with pytest.raises(NewerStoreError):
        open_store_showing_progress(tmp_path / "desk.sqlite3", newer)
    assert _opening_windows() == []


def test_the_window_in_english_has_no_persian_word_and_latin_digits(qapp: Any, tmp_path: Path) -> None:
    import re

    from kanoon_desk.ui.opening import OpeningWindow

    with language(qapp, "en"):
        window = OpeningWindow(tmp_path / "desk.sqlite3")
        window.started -= 37
        window.tick()
        texts = " ".join(lbl.text() for lbl in window.findChildren(QLabel)) + window.windowTitle()
        window.deleteLater()
    assert "37 seconds so far" in texts and "Opening this desk's database" in texts
    assert re.search("[\u0600-\u06ff]", texts) is None, texts
