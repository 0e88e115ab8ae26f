"""Fixtures shared by the UI tests: the Persian app, a desk with its first admin, the app as run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QStyleFactory

from kanoon_desk.store import Store

from ..factories import make_desk
from ..library_helpers import Lib, make_library
from .shell_support import compile_english, language


@pytest.fixture
def fa(qapp: QApplication) -> Iterator[QApplication]:
    """The app in Persian (put back as it was afterwards)."""
    with language(qapp, "fa"):
        yield qapp


@pytest.fixture(params=["fa", "en"])
def lang(request: pytest.FixtureRequest, qapp: QApplication, tmp_path: Path) -> Iterator[str]:
    """The app in Persian, then in English (the test runs in each; put back as it was afterwards)."""
    folder = compile_english(tmp_path) if request.param == "en" else None
    with language(qapp, request.param, folder):
        yield request.param


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Lib]:
    """A lending desk of office 13 (`make_library`): two centres, its admin, a title, its copies and members."""
    desk = make_library(tmp_path)
    yield desk
    desk.store.close()


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[tuple[Store, Any]]:
    """A set-up desk store and its first admin (a module may define its own `desk`)."""
    store, admin = make_desk(tmp_path / "d.sqlite3")
    yield store, admin
    store.close()


@pytest.fixture
def app_as_run(qapp: QApplication) -> Iterator[QApplication]:
    """The app as `run_app` sets it up (`ensure_app`: the focus ring), put back as it was afterwards."""
    from kanoon_desk.ui.app import ensure_app
    from kanoon_desk.ui.focus_ring import FocusRings

    style = qapp.style().name()
    assert ensure_app() is qapp
    try:
        yield qapp
    finally:
        for rings in qapp.findChildren(FocusRings):
            rings.remove()
        qapp.setStyle(QStyleFactory.create(style))
