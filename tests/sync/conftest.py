"""Fixtures of the sync suite: a live server on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kanoon_desk.server.db import ServerDb

from .helpers import LiveServer, reset_pg


@pytest.fixture(params=["sqlite", "postgres"])
def server_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "server.sqlite3")
    url: str = request.getfixturevalue("pg_url")
    reset_pg(url)
    return url


@pytest.fixture
def server(server_db_url: str, tmp_path: Path) -> Iterator[LiveServer]:
    live = LiveServer(server_db_url, attachments_dir=tmp_path / "attachments")
    try:
        yield live
    finally:
        live.stop()


@pytest.fixture
def db(server_db_url: str) -> Iterator[ServerDb]:
    """A fresh server database, SQLite and (with KANOON_TEST_PG_URL) PostgreSQL."""
    opened = ServerDb(server_db_url)
    try:
        yield opened
    finally:
        opened.close()
