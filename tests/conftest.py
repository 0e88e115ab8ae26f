"""Shared pytest configuration for Kanoon Desk.

* Qt runs offscreen unless the caller chose a platform (set before any Qt import).
* Tests under ``tests/ui/`` are marked ``gui``; tests using ``pg_url`` are marked ``postgres``.
* ``pg_url`` gives the PostgreSQL URL from ``KANOON_TEST_PG_URL``; it skips when unset,
  except under CI (``CI=true``), where a missing server is a failure, never a silent skip.
* ``type_persian`` types arbitrary Unicode text into a widget (``qtbot.keyClicks``
  cannot: it aborts on characters outside Latin-1).

PySide6 is imported lazily, inside fixtures, so Qt-free tests do not need it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from tests.sync.helpers import LiveServer

# Speed is measured in bench/, not here: a property test on a loaded CI machine must not fail
# for taking more than Hypothesis's default 200 ms an example.
settings.register_profile("kanoon", deadline=None)
settings.load_profile("kanoon")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

UI_TESTS_DIR = Path(__file__).parent / "ui"
PG_URL_ENV = "KANOON_TEST_PG_URL"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if Path(item.path).is_relative_to(UI_TESTS_DIR):
            item.add_marker(pytest.mark.gui)
        if "pg_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)


def pg_url_from_env(environ: Mapping[str, str]) -> str:
    """Return ``KANOON_TEST_PG_URL`` from *environ*; skip when unset, fail instead under CI."""
    url = environ.get(PG_URL_ENV, "").strip()
    if url:
        return url
    reason = (
        f"{PG_URL_ENV} is not set; point it at a disposable database, e.g. "
        "postgresql+psycopg://kanoon:kanoon@127.0.0.1:55432/kanoon_test (see .ci/run)"
    )
    if environ.get("CI") == "true":
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_url() -> str:
    """SQLAlchemy URL of a throwaway PostgreSQL database (``KANOON_TEST_PG_URL``)."""
    return pg_url_from_env(os.environ)


TypePersian = Callable[[Any, str], None]


@pytest.fixture
def live(tmp_path: Path) -> Iterator[LiveServer]:
    """A live sync server on an SQLite file (with its attachments folder), stopped afterwards."""
    from tests.sync.helpers import LiveServer

    server = LiveServer(str(tmp_path / "server.sqlite3"), attachments_dir=tmp_path / "attachments")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def type_persian(qtbot: Any) -> TypePersian:
    """Return ``type_text(widget, text)``, which sends a key press/release per character."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    def type_text(widget: Any, text: str) -> None:
        for ch in text:
            key = int(Qt.Key.Key_Space) if ch == " " else 0
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
                QApplication.sendEvent(widget, event)
        QApplication.processEvents()

    return type_text
