"""The floor of the design: the SQL an operation of the app runs, run bare and committed.

A benchmark such as `secretariat.register` compares a whole operation with one bare row inserted
in its own transaction. That ratio mixes two costs: what the application does in Python, and what
the data it must write costs SQLite (the events, the projection rows, the audit entries, the
full-text index, every B-tree index of each, one fsync'd commit). `Replay` separates them.

Before each timed call (`prepare`), the operation runs through the services as usual, but its
transaction is rolled back instead of committed, and every statement it ran is kept with its
parameters: those the application runs on the DBAPI connection itself (the hot paths'
prebuilt statements, through `sqlite_statement._dbapi`) and those SQLAlchemy runs (its
`before_cursor_execute` event), in the order they ran. The timed call then runs the same
statements with the same parameters on a plain `sqlite3` connection with the store's pragmas, in
one `BEGIN IMMEDIATE … COMMIT`: the same reads and writes, prepared once and cached as the app's
are, with none of the application around them. The rows are committed, so the next call's
operation sees them, as it would have seen the operation's own.

`<name>_writes` benchmarks report that replay against the same one-row floor, so `make bench`
prints both: how far the operation is from its own SQL, and how far its SQL is from one row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from kanoon_desk import sqlite_statement
from kanoon_desk.store import CACHE_KIB, Store

#: One statement as it ran: (SQL, parameters, whether it was an executemany).
Statement = tuple[str, Any, bool]


class _Recording:
    """A DBAPI connection that keeps what runs on it, then runs it."""

    def __init__(self, conn: sqlite3.Connection, kept: list[Statement]) -> None:
        self.conn = conn
        self.kept = kept

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        self.kept.append((sql, params, False))
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Any) -> sqlite3.Cursor:
        rows = list(rows)
        self.kept.append((sql, rows, True))
        return self.conn.executemany(sql, rows)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.conn, name)


class CapturingStore(Store):
    """A store whose next write transaction is kept as statements and rolled back (`capture`)."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(path)
        self._captured: list[Statement] | None = None
        event.listen(self.write_engine, "before_cursor_execute", self._sqlalchemy_statement)

    def _sqlalchemy_statement(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
                              executemany: bool) -> None:
        if self._captured is not None and not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK")):
            self._captured.append((statement, list(parameters) if executemany else parameters, executemany))

    def capture(self, operation: Callable[[], Any]) -> list[Statement]:
        """Run `operation` (one service call: one write transaction), roll its transaction back,
        and return the statements it ran with their parameters."""
        self._captured = []
        try:
            operation()
            return self._captured
        finally:
            self._captured = None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        if self._captured is None:
            with super().transaction() as session:
                yield session
            return
        session = self._writers()
        conn = session.connection().connection.driver_connection
        assert isinstance(conn, sqlite3.Connection)
        # the hot paths take the session's DBAPI connection from here (`sqlite_statement._dbapi`)
        session.info[sqlite_statement._DBAPI_KEY] = (session.get_transaction(), _Recording(conn, self._captured))
        try:
            yield session
            session.flush()
        finally:
            session.rollback()
            session.close()


def bare_connection(path: Path | str) -> sqlite3.Connection:
    """A plain connection with the durability and cache of the store's own (`store._pragmas`)."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=10000", "synchronous=FULL",
                   f"cache_size=-{CACHE_KIB}"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


class Replay:
    """`prepare` captures the next operation's SQL; `run` commits it on a bare connection."""

    def __init__(self, store: CapturingStore, operation: Callable[[], Any]) -> None:
        self.store = store
        self.operation = operation
        self.conn = bare_connection(store.path)
        self.statements: list[Statement] = []

    def prepare(self) -> None:
        self.statements = self.store.capture(self.operation)
        if not self.statements:
            raise RuntimeError("the operation ran no statement")

    def run(self) -> None:
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            for sql, params, many in self.statements:
                if many:
                    conn.executemany(sql, params)
                else:
                    conn.execute(sql, params).fetchall()
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
