"""Fixtures of the modules that drive desks' real pages around a sync: the central server on
SQLite (the pages are the subject there, not the server's store) and the Persian UI.

Imported by name into such a module (`from .desk_pages import persian_app, server`), they take
the place of the package's `server` fixture, which runs each test on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.ui.shell_support import language

from .helpers import LiveServer


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    """The central server on SQLite."""
    live = LiveServer(str(tmp_path / "server.sqlite3"), attachments_dir=tmp_path / "attachments")
    try:
        yield live
    finally:
        live.stop()


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Iterator[None]:
    """The pages in Persian, the default language."""
    with language(qapp, "fa"):
        yield
