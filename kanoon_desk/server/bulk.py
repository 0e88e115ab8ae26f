"""Bulk insert of pushed events on the server's own DBAPI connection.

A push stores up to a thousand events in one transaction. Through the ORM's bulk insert that cost
ten times SQLite's own `executemany` (per-row parameter building, type processing, primary-key
bookkeeping). Here the column list comes from the model and each value is converted once:

- SQLite: one `executemany` (`sqlite_bulk.SqliteInsert`: the text the ORM would write);
- PostgreSQL: one `COPY … FROM STDIN` (psycopg), the way bulk loads are meant to be done there.

Both run inside the session's transaction, so the sequence counter, the device row and the events
still commit or roll back together.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from ..sqlite_bulk import JsonText, SqliteInsert
from .server_models import ServerEvent, UTCDateTime

EVENTS: Table = ServerEvent.__table__  # type: ignore[assignment]
#: Every column of `events`, in table order (a renamed or added column changes this list, not the SQL).
COLUMNS: tuple[str, ...] = tuple(c.name for c in EVENTS.columns)
_SQLITE_INSERT = SqliteInsert(EVENTS, COLUMNS)
_TO_UTC = UTCDateTime()


def insert_events(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Insert `rows` (dicts keyed by column name, every column present) into the server's events."""
    if not rows:
        return
    conn = session.connection()
    raw = conn.connection.dbapi_connection
    assert raw is not None
    if conn.dialect.name == "postgresql":
        _copy(raw, rows)
    else:
        _SQLITE_INSERT.many(raw, rows)


def _copy(raw: Any, rows: Sequence[dict[str, Any]]) -> None:
    """COPY in text format: jsonb and timestamps are parsed by PostgreSQL from their text."""
    cur = raw.cursor()
    try:
        with cur.copy(f"COPY {EVENTS.name} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([_pg_value(name, row[name]) for name in COLUMNS])
    finally:
        cur.close()


def _pg_value(name: str, value: Any) -> Any:
    if value is None:
        return None
    if type(value) is JsonText:
        return str(value)
    if name == "payload":
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, datetime):
        return _TO_UTC.process_bind_param(value, None)  # type: ignore[arg-type]
    return value
