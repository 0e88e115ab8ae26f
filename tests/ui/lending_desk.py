"""The lending desk's page as the desk tests open it: the library desk's store, its admin at the
desk, today's day fixed, shown (and, for the keyboard tests, the active window: the cursor in the
scan box), with a scanner that reads a code into the box and presses Enter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kanoon_desk.ui.library.circulation import CirculationPage
from tests.library_helpers import TODAY, Lib, make_library
from tests.ui.shell_support import make_ctx


def open_desk(qtbot: Any, tmp_path: Path, L: Lib | None = None, *, active: bool = False) -> tuple[Lib, CirculationPage]:
    """The lending desk of `L` (a new library desk unless given) for its admin, on `TODAY`; `active`:
    the desk is the active window, so keys go where the cursor is."""
    L = L or make_library(tmp_path)
    page = CirculationPage(make_ctx(L.store, L.admin, tmp_path))
    page.today = TODAY
    qtbot.addWidget(page)
    page.show()
    if active:
        page.activateWindow()
        qtbot.waitUntil(page.isActiveWindow)
    return L, page


def scanner(qtbot: Any, page: CirculationPage) -> Callable[[str], None]:
    """A scanner's read: the cursor must be in the scan box (it types where the cursor is), then
    the code and Enter."""
    def scan(code: str) -> None:
        assert QApplication.focusWidget() is page.scan
        qtbot.keyClicks(page.scan, code)
        qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    return scan


def void_questions(page: CirculationPage) -> list[tuple[str, str]]:
    """The questions «… لغو شود؟» the desk asks before voiding a loan, (title, member) each,
    answered yes."""
    asked: list[tuple[str, str]] = []
    page.ask_void_confirm = lambda t, m: asked.append((t, m)) is None  # type: ignore[method-assign]
    return asked
