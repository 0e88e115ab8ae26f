"""The main window's tool bar: its buttons' labels whole from the first frame on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton

from kanoon_desk.store import Store
from kanoon_desk.ui.main_window import MainWindow

from ..factories import make_desk
from .shell_support import language, make_ctx


@pytest.fixture
def desk(qapp: QApplication, tmp_path: Path) -> Iterator[tuple[Store, Any]]:
    with language(qapp, "fa"):
        store, admin = make_desk(tmp_path / "d.sqlite3")
        yield store, admin
        store.close()


def _cut(window: MainWindow) -> list[tuple[str, int, int]]:
    """The tool bar's buttons narrower than their label and icon need (drawn «خرو…ساب»)."""
    bar = window.findChild(QToolBar, "main-toolbar")
    assert bar is not None
    buttons = [b for b in bar.findChildren(QToolButton) if b.isVisibleTo(window) and b.text()]
    assert len(buttons) == 2
    return [(b.text(), b.width(), b.sizeHint().width()) for b in buttons if b.width() < b.sizeHint().width()]


def test_the_toolbar_labels_are_whole_when_the_icons_arrive(qtbot: Any, tmp_path: Path,
                                                            desk: tuple[Store, Any]) -> None:
    """The icons come a moment after the window is on screen (qtawesome is slow to import): the
    buttons, laid out for their text alone, drew «خرو…ساب» and «بست…امه» until the next layout."""
    store, admin = desk
    window = MainWindow(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    assert _cut(window) == []
    window.load_icons()  # (what the window's first timer does), painted before any other event
    assert _cut(window) == []
